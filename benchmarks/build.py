"""Benchmark: the whole build against MkDocs alone, on synthetic data.

    python benchmarks/build.py N [--audience intern|publiek] [--rounds R] [--keep DIR]

Makes N networks (4 moments, 12 participants, 11 indicators, current and desired, a few
reflections each), then runs in fresh processes:
  1. `netwerkspiegel build` from scratch (cold: new folders, an empty cache of its own; static SVGs
     only with --svg, then every chart is rendered by vl-convert),
  2. `netwerkspiegel build` again on the same folders (warm),
  3. after one network's export changed (a tenth of its current scores one higher), the rebuild on
     the same folders, and a full build of the changed data into new folders: both sites must be
     byte-identical; then as `serve` rebuilds: in one process, a build, another export changed, the
     rebuild (timed), again compared with a full build,
  4. MkDocs alone on the generated pages (`generator.site.engine.build_html`, in one process),
  5. the engine's floor: MkDocs + Material, same configuration, on as many plain pages (a heading
     and a paragraph each), in one process and with an empty cache: MkDocs as it comes,
  6. the cold build again without the PDF reports (`--no-pdf`), right before step 1 in each round
     (new folders, a new cache): what the reports add, also per round.
The builds themselves use two processes for MkDocs on a machine with two cores (see
`generator.site.engine.PAGES_FOR_TWO`); their peak memory is that of the main process, the helper
process's is about that of step 4.
It prints each wall time and peak memory (max RSS), the ratios whole build / MkDocs alone and
whole build / floor, and rebuild / cold build (in a new process, and as `serve` does).
Steps 1–6 run R times (`--rounds`, default 3), each round in new folders with a new cache, the
floor right after the builds; each time printed is the shortest of its rounds and each ratio is
one of those. On a shared machine a single run's floor moves by a quarter between minutes, as much
as what is measured; the shortest of a few rounds is what the machine can do (as `timeit` reports).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
INDICATORS = ["1a", "1b", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d"]
MOMENTS = ["2024-najaar", "2025-voorjaar", "2025-najaar", "2026-voorjaar"]
CYCLES = ["direct", "potentieel", "toegepast", "gerealiseerd", "transformatief"]


def make_data(folder: Path, networks: int, seed: int = 1, reflections_each: int = 0) -> int:
    """N networks' exports in `folder`; the number of score rows. Reflections: three per network,
    or with `reflections_each` that many per participant per moment (`benchmarks/texts.py`), half
    of them public."""
    from benchmarks.texts import reflection

    rng = random.Random(seed)
    folder.mkdir(parents=True)
    rows = 0
    reflections = []
    for number in range(1, networks + 1):
        name = f"Netwerk {number:03d}"
        with (folder / f"scores-{number:03d}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["netwerk", "meetmoment", "deelnemer", "indicator", "score", "situatie"])
            for step, moment in enumerate(MOMENTS):
                for person in range(1, 13):
                    for indicator in INDICATORS:
                        current = min(10, max(1, round(rng.gauss(4 + step * 0.5, 1.5))))
                        desired = min(10, max(1, round(rng.gauss(8, 1))))
                        writer.writerow([name, moment, f"deelnemer{person:02d}.n{number:03d}@school.nl", indicator, current, "huidig"])
                        writer.writerow([name, moment, f"deelnemer{person:02d}.n{number:03d}@school.nl", indicator, desired, "gewenst"])
                        rows += 2
        if reflections_each:
            reflections += [[name, moment, f"deelnemer{person:02d}.n{number:03d}@school.nl", rng.choice(CYCLES), reflection(rng), rng.choice(["ja", "nee"])]
                            for moment in MOMENTS for person in range(1, 13) for _ in range(reflections_each)]
            continue
        for index in range(3):
            reflections.append([name, rng.choice(MOMENTS), f"deelnemer{index + 1:02d}.n{number:03d}@school.nl", rng.choice(CYCLES),
                                f"Reflectie {index + 1} van {name}: wat het netwerk ons opleverde.", rng.choice(["ja", "nee"])])
    with (folder / "reflecties.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["netwerk", "meetmoment", "deelnemer", "waarde", "reflectie", "openbaar"])
        writer.writerows(reflections)
    return rows


def change_one_export(folder: Path, number: int = 1) -> None:
    """A tenth of one network's current scores one higher: what a corrected export looks like."""
    path = folder / f"scores-{number:03d}.csv"
    lines = path.read_text("utf-8").splitlines()
    changed = [lines[0]]
    for index, line in enumerate(lines[1:]):
        cells = line.split(",")
        if index % 10 == 0 and cells[5] == "huidig":
            cells[4] = str(min(10, int(cells[4]) + 1))
        changed.append(",".join(cells))
    path.write_text("\n".join(changed) + "\n", "utf-8")


def same_tree(first: Path, second: Path) -> bool:
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()):
        return False
    return all((first / name).read_bytes() == (second / name).read_bytes() for name in names)


def engine_only(cache: Path) -> dict[str, str]:
    """MkDocs as it comes: an empty cache of its own, so it compiles its templates as any MkDocs
    build does (our builds keep them compiled between runs; the engine's floor does not)."""
    cache.mkdir(parents=True)
    return {**installed(), "XDG_CACHE_HOME": str(cache)}


def installed() -> dict[str, str]:
    """The environment as an installed program runs in: with its modules' bytecode (pip compiles
    it when it installs; PYTHONDONTWRITEBYTECODE, set on some machines, would make every process
    compile them anew)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one child process; exits when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = process.stdout.read(), process.stderr.read()
    if process.returncode != 0:
        sys.exit(f"Mislukt: {' '.join(command)}\n{stdout}{stderr}")
    return seconds, usage.ru_maxrss / 1024


def serve_rebuild(data: Path, src: Path, out: Path, audience: str) -> None:
    """What `serve` does after an export changed: build again in the process that built before,
    with what it kept in memory. Prints the seconds of the rebuild."""
    from generator.core.store import Store
    from generator.core.vocabulary import Audience, word
    from generator.pipeline import build

    chosen = next(member for member in Audience if word(member) == audience)
    store = Store.default(in_memory=True)
    build(data, src, out, chosen, store=store)
    change_one_export(data, 2)
    start = time.perf_counter()
    build(data, src, out, chosen, store=store)
    print(f"{time.perf_counter() - start:.3f}")


def one_round(work: Path, args: argparse.Namespace) -> dict[str, object]:
    """Steps 1–6 once, in `work` (new folders, a new private cache): the times, memory and checks."""
    data, src, out, mkdocs_out = work / "data", work / "site_src", work / "site", work / "site-mkdocs"
    rows = make_data(data, args.networks)
    build = [sys.executable, "-m", "generator", "build", "--data", str(data), "--src", str(src), "--out", str(out), "--audience", args.audience] + (["--svg"] if args.svg else [])
    mkdocs_only = [sys.executable, "-c", f"from pathlib import Path; from generator.site.engine import build_html; build_html(Path({str(src)!r}), Path({str(mkdocs_out)!r}), processes=1)"]

    env = installed()
    if not args.user_cache:
        from generator.core.store import default_folder

        private = work / "cache"
        (private / "netwerkspiegel").mkdir(parents=True)
        if (default_folder() / "deduce").is_dir():
            (private / "netwerkspiegel" / "deduce").symlink_to(default_folder() / "deduce", target_is_directory=True)
        env = {**env, "XDG_CACHE_HOME": str(private)}
    # The same cold build without the PDF reports, right before it (the machine's pace moves between
    # minutes): what they add (new folders, a new cache).
    no_pdf_env = {**env, "XDG_CACHE_HOME": str(work / "cache-no-pdf")} if not args.user_cache else env
    if not args.user_cache:
        (work / "cache-no-pdf" / "netwerkspiegel").mkdir(parents=True)
        if (private / "netwerkspiegel" / "deduce").is_symlink():
            (work / "cache-no-pdf" / "netwerkspiegel" / "deduce").symlink_to((private / "netwerkspiegel" / "deduce").resolve(), target_is_directory=True)
    no_pdf, _ = timed([*build[:7], str(work / "no_pdf_src"), "--out", str(work / "no_pdf_site"), *build[10:], "--no-pdf"], no_pdf_env)
    cold, cold_rss = timed(build, env)
    warm, warm_rss = timed(build, env)
    change_one_export(data)
    rebuild, rebuild_rss = timed(build, env)
    full_src, full_out = work / "full_src", work / "full_site"
    timed([*build[:7], str(full_src), "--out", str(full_out), *build[10:]], env)
    identical = same_tree(src, full_src) and same_tree(out, full_out)
    # As `netwerkspiegel serve` rebuilds: in the process that built before, after another export changed.
    loop = subprocess.run([sys.executable, str(Path(__file__)), "--serve-rebuild", str(data), str(src), str(out), args.audience],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if loop.returncode != 0:
        sys.exit(f"Mislukt: herbouw zoals serve\n{loop.stdout}{loop.stderr}")
    served = float(loop.stdout.split()[-1])
    shutil.rmtree(full_src)
    shutil.rmtree(full_out)
    timed([*build[:7], str(full_src), "--out", str(full_out), *build[10:]], env)
    served_identical = same_tree(src, full_src) and same_tree(out, full_out)
    alone, alone_rss = timed(mkdocs_only, engine_only(work / "cache-mkdocs"))
    pages = sum(1 for _ in src.rglob("*.md"))
    plain = work / "plain_src"
    plain.mkdir()
    nav = []
    for number in range(pages):
        (plain / f"pagina-{number:04d}.md").write_text(f"# Pagina {number}\n\nEen gewone alinea tekst.\n", "utf-8")
        nav.append({f"Pagina {number}": f"pagina-{number:04d}.md"})
    (plain / ".netwerkspiegel.json").write_text(json.dumps({"nav": nav, "site_name": "Vloer", "site_url": "http://localhost/"}), "utf-8")
    floor_only = [sys.executable, "-c", f"from pathlib import Path; from generator.site.engine import build_html; build_html(Path({str(plain)!r}), Path({str(work / 'plain_out')!r}), processes=1)"]
    floor, floor_rss = timed(floor_only, engine_only(work / "cache-floor"))
    svgs = sum(1 for _ in (src / "grafieken").glob("*.svg"))
    # One network page as a reader loads it: its HTML and its chart data (the shared assets load once).
    import re

    page = next(p for p in sorted((out / "netwerken").rglob("index.html")) if p.parent.name != "netwerken")
    data_file = re.search(r'data-src="([^"]+)"', page.read_text("utf-8"))
    page_kb = page.stat().st_size / 1024
    data_kb = (out / data_file.group(1)).stat().st_size / 1024 if data_file else 0.0
    site_mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1024 / 1024
    return {"rows": rows, "pages": pages, "svgs": svgs, "cold": cold, "cold_rss": cold_rss, "warm": warm, "warm_rss": warm_rss,
            "rebuild": rebuild, "rebuild_rss": rebuild_rss, "alone": alone, "alone_rss": alone_rss, "floor": floor, "floor_rss": floor_rss,
            "served": served, "no_pdf": no_pdf, "identical": identical, "served_identical": served_identical, "page_kb": page_kb, "data_kb": data_kb, "site_mb": site_mb}


def main() -> None:
    if sys.argv[1:2] == ["--serve-rebuild"]:
        serve_rebuild(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("networks", type=int)
    parser.add_argument("--audience", default="intern", choices=["intern", "publiek"])
    parser.add_argument("--rounds", type=int, default=3,
                        help="how many times steps 1–6 run, each in new folders; each time is the shortest of its rounds (default 3)")
    parser.add_argument("--keep", type=Path, help="keep data and output of the last round in this folder")
    parser.add_argument("--svg", action="store_true", help="build with static SVGs (netwerkspiegel build --svg)")
    parser.add_argument("--user-cache", action="store_true",
                        help="use the user's cache (by default the builds get an empty cache of their own, so 'koud' is really cold: "
                             "no chart templates, read exports, static SVGs or Vega bundle from earlier runs; only Deduce's word "
                             "lists, built once per machine, are shared)")
    args = parser.parse_args()

    rounds = []
    for number in range(max(1, args.rounds)):
        last = number == max(1, args.rounds) - 1
        work = args.keep if args.keep and last else Path(tempfile.mkdtemp(prefix="netwerkspiegel-bench-"))
        if args.keep and last and work.exists():
            shutil.rmtree(work)
        rounds.append(one_round(work, args))
        if not (args.keep and last):
            shutil.rmtree(work)
        print(f"Ronde {number + 1}: koud {rounds[-1]['cold']:.2f} s, vloer {rounds[-1]['floor']:.2f} s, "
              f"herbouw {rounds[-1]['rebuild']:.2f} s, zoals serve {rounds[-1]['served']:.2f} s", flush=True)

    def best(name: str) -> float:
        return min(float(r[name]) for r in rounds)  # type: ignore[arg-type]

    def peak(name: str) -> float:
        return max(float(r[name]) for r in rounds)  # type: ignore[arg-type]

    cold, warm, rebuild, alone, floor, served, no_pdf = (best(name) for name in ("cold", "warm", "rebuild", "alone", "floor", "served", "no_pdf"))
    last = rounds[-1]
    identical = all(r["identical"] for r in rounds)
    served_identical = all(r["served_identical"] for r in rounds)
    print(f"Netwerken: {args.networks}; scores: {last['rows']}; pagina's: {last['pages']}; statische SVG's: {last['svgs']}; publiek: {args.audience}")
    print(f"Elke tijd: de kortste van {len(rounds)} rondes (elke ronde alle stappen, de vloer direct na de builds); geheugen: het hoogste.")
    print(f"Hele build, koud (nieuwe mappen):     {cold:7.2f} s   piekgeheugen {peak('cold_rss'):7.0f} MiB")
    print(f"Hele build, warm (zelfde gegevens):   {warm:7.2f} s   piekgeheugen {peak('warm_rss'):7.0f} MiB")
    print(f"Herbouw na één gewijzigde export:     {rebuild:7.2f} s   piekgeheugen {peak('rebuild_rss'):7.0f} MiB")
    print(f"Alleen MkDocs, zelfde pagina's:       {alone:7.2f} s   piekgeheugen {peak('alone_rss'):7.0f} MiB")
    print(f"Vloer: MkDocs + Material, {last['pages']} kale pagina's: {floor:7.2f} s   piekgeheugen {peak('floor_rss'):7.0f} MiB")
    print(f"Verhouding hele build / MkDocs op onze pagina's: koud {cold / alone:.2f}, warm {warm / alone:.2f}")
    per_round = ", ".join(f"{float(r['cold']) / float(r['floor']):.2f}" for r in rounds)  # type: ignore[arg-type]
    print(f"Verhouding hele build / vloer: koud {cold / floor:.2f}, warm {warm / floor:.2f} (koud per ronde: {per_round})")
    added = ", ".join(f"{(float(r['cold']) - float(r['no_pdf'])) / float(r['no_pdf']):.2f}" for r in rounds)  # type: ignore[arg-type]
    print(f"Hele build, koud, zonder PDF-rapporten (--no-pdf): {no_pdf:7.2f} s; de rapporten voegen {(cold - no_pdf) / no_pdf:.2f} toe "
          f"(per ronde, direct na elkaar gemeten: {added}); zonder rapporten / vloer: {no_pdf / floor:.2f}")
    print(f"Herbouw zoals serve (zelfde proces):  {served:7.2f} s")
    print(f"Verhouding herbouw / koud: {rebuild / cold:.2f}; gelijk aan een volledige build: {'ja' if identical else 'NEE'}")
    print(f"Verhouding herbouw zoals serve / koud: {served / cold:.2f}; gelijk aan een volledige build: {'ja' if served_identical else 'NEE'}")
    print(f"Netwerkpagina: {last['page_kb']:.0f} KB HTML + {last['data_kb']:.0f} KB grafiekgegevens = "
          f"{float(last['page_kb']) + float(last['data_kb']):.0f} KB; hele site {last['site_mb']:.0f} MB")


if __name__ == "__main__":
    main()
