"""Benchmark: the public build beside the internal one, cold and warm, and how long a build is silent.

    python benchmarks/audiences.py [N ...] [--rounds R] [--reflections K]

For each N (default 200 and 1,000 networks: 4 moments, 12 participants, 11 indicators, current and
desired; K reflections per participant per moment, default 3, half of them public, from
`benchmarks/texts.py`), each audience is built in fresh processes into new folders:
  - koud: an empty cache of its own (a fresh CI runner, an evicted cache);
  - warm (CI): a cache holding only what a CI run keeps between runs (the program's namespaces,
    `PROGRAM_NAMESPACES`: Deduce's lookup lists, chart templates, compiled templates, the Vega
    bundle), as the cold build left it;
  - warm (laptop): the whole cache the cold build left (also what was read and made from the data).
Each time is the shortest of R rounds (default 2). It prints the table of issue 26 (both audiences,
public ÷ internal), and for every build the longest time it printed nothing (on stdout or stderr,
as a CI log shows it): the build is never silent for more than 10 s.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.build import installed, make_data  # noqa: E402
from generator.core.store import PROGRAM_NAMESPACES  # noqa: E402

KINDS = ("koud", "warm (CI)", "warm (laptop)")


def timed_with_silence(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, the longest stretch without output) of one build; exits when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    moments = [start]
    lines: list[bytes] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            moments.append(time.perf_counter())
            lines.append(line)

    reader = threading.Thread(target=read)
    reader.start()
    status = process.wait()
    reader.join()
    end = time.perf_counter()
    if status != 0:
        sys.exit(f"Mislukt: {' '.join(command)}\n{b''.join(lines).decode('utf-8', 'replace')}")
    moments.append(end)
    return end - start, max(b - a for a, b in itertools.pairwise(moments))


def one_round(work: Path, networks: int, reflections: int) -> dict[tuple[str, str], tuple[float, float]]:
    data = work / "data"
    make_data(data, networks, reflections_each=reflections)
    found: dict[tuple[str, str], tuple[float, float]] = {}
    for audience in ("intern", "publiek"):
        cold_cache = work / f"cache-{audience}-koud"
        (cold_cache / "netwerkspiegel").mkdir(parents=True)
        ci_cache = work / f"cache-{audience}-ci"
        laptop_cache = work / f"cache-{audience}-laptop"
        for kind, cache in zip(KINDS, (cold_cache, ci_cache, laptop_cache), strict=True):
            if kind == "warm (CI)":
                (ci_cache / "netwerkspiegel").mkdir(parents=True)
                for namespace in PROGRAM_NAMESPACES:
                    if (cold_cache / "netwerkspiegel" / namespace).is_dir():
                        shutil.copytree(cold_cache / "netwerkspiegel" / namespace, ci_cache / "netwerkspiegel" / namespace)
            elif kind == "warm (laptop)":
                shutil.copytree(cold_cache, laptop_cache)
            name = f"{audience}-{kind.split()[0]}{'-' + kind.split()[1].strip('()') if ' ' in kind else ''}"
            command = [sys.executable, "-m", "generator", "build", "--data", str(data), "--src", str(work / f"src-{name}"),
                       "--out", str(work / f"site-{name}"), "--audience", audience]
            found[(audience, kind)] = timed_with_silence(command, {**installed(), "XDG_CACHE_HOME": str(cache)})
            print(f"  {networks} netwerken, {audience}, {kind}: {found[(audience, kind)][0]:.1f} s "
                  f"(langste stilte {found[(audience, kind)][1]:.1f} s)", flush=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("networks", type=int, nargs="*", default=[200, 1000])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--reflections", type=int, default=3, help="reflections per participant per moment (default 3)")
    args = parser.parse_args()
    tables = []
    for networks in args.networks:
        rounds = []
        for number in range(max(1, args.rounds)):
            print(f"{networks} netwerken, ronde {number + 1}:", flush=True)
            work = Path(tempfile.mkdtemp(prefix="netwerkspiegel-publiek-"))
            try:
                rounds.append(one_round(work, networks, args.reflections))
            finally:
                shutil.rmtree(work, ignore_errors=True)
        best = {key: min(r[key][0] for r in rounds) for key in rounds[0]}
        silence = max(r[key][1] for r in rounds for key in r)
        texts = networks * 12 * 4 * args.reflections
        lines = [f"\n{networks} netwerken ({texts} reflecties, ongeveer de helft openbaar; de kortste van {len(rounds)} rondes, {os.cpu_count()} kernen)",
                 "| build | intern | publiek | publiek ÷ intern |", "| --- | --- | --- | --- |"]
        for kind in KINDS:
            internal, public = best[("intern", kind)], best[("publiek", kind)]
            lines.append(f"| {kind} | {internal:.1f} s | {public:.1f} s | {public / internal:.2f} |")
        lines.append(f"Langste stilte in een build (geen regel op stdout of stderr): {silence:.1f} s")
        tables.append("\n".join(lines))
        print(tables[-1], flush=True)
    print("\n" + "\n\n".join(tables))


if __name__ == "__main__":
    main()
