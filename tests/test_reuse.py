"""Rebuilds that carry over the HTML of unchanged pages: exactly a full build's output, and the
previous site untouched while they run."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.core.vocabulary import Audience
from generator.pipeline import build, generate, read_data
from generator.site.engine import build_html
from generator.site.folders import BUILD_MANIFEST, MARKER
from generator.site.rendered import PreviousPages
from tests.conftest import ROOT

SAMPLE_DATA = ROOT / "data"
CHANGED_EXPORT = "scores-zelfgestuurd-leren.csv"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """The files that differ; the marker of what Netwerkspiegel wrote is not part of a site."""
    one, other = tree(first), tree(second)
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name) and name != MARKER)


def change_one_score(data: Path) -> None:
    """One participant's first score one higher (or lower at 10): a corrected export."""
    path = data / CHANGED_EXPORT
    lines = path.read_text("utf-8").splitlines()
    cells = lines[1].split(",")
    cells[4] = str(int(cells[4]) + 1 if int(cells[4]) < 10 else 9)
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> dict[str, object]:
    """The sample data built, one export changed, rebuilt in place; and the changed data built
    from scratch into new folders."""
    root = tmp_path_factory.mktemp("reuse")
    data = root / "data"
    shutil.copytree(SAMPLE_DATA, data)
    first = build(data, root / "src", root / "site", Audience.INTERNAL)
    change_one_score(data)
    again = build(data, root / "src", root / "site", Audience.INTERNAL)
    full = build(data, root / "full-src", root / "full-site", Audience.INTERNAL)
    return {"root": root, "first": first, "again": again, "full": full}


def test_a_rebuild_after_one_changed_export_is_byte_identical_to_a_full_build(rebuilt):
    root = rebuilt["root"]
    assert differences(root / "site", root / "full-site") == []
    assert differences(root / "src", root / "full-src") == []


def test_a_rebuild_builds_only_the_pages_whose_source_changed(rebuilt):
    first, again, full = rebuilt["first"], rebuilt["again"], rebuilt["full"]
    assert first.reused_pages == 0 and full.reused_pages == 0  # nothing to carry over
    changed_pages = [name for name in again.written.written if name.endswith(".md")]
    assert changed_pages, "the changed export changes some pages"
    assert again.reused_pages == again.pages - len(changed_pages)
    assert "netwerken/zelfgestuurd-leren.md" in changed_pages


def test_the_search_index_keeps_every_page_in_page_order(rebuilt):
    root = rebuilt["root"]
    index = json.loads((root / "site" / "search" / "search_index.json").read_text("utf-8"))
    full = json.loads((root / "full-site" / "search" / "search_index.json").read_text("utf-8"))
    assert index == full
    assert any(entry["location"].startswith("netwerken/hoogbegaafdheid/") for entry in index["docs"])  # a reused page


def _digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256(content).hexdigest() for name, content in tree(folder).items()}


def test_the_previous_site_stays_untouched_while_a_rebuild_writes_beside_it(rebuilt, tmp_path):
    """The carried-over files are hard links into the previous site: nothing may write through them."""
    root = rebuilt["root"]
    src = tmp_path / "src"
    shutil.copytree(root / "src", src)
    page = src / "netwerken" / "zelfgestuurd-leren.md"
    page.write_text(page.read_text("utf-8") + "\nEen nieuwe alinea.\n", "utf-8")
    before = _digests(root / "site")
    reused = build_html(src, tmp_path / "new-site", previous=root / "site")
    assert reused > 0
    assert _digests(root / "site") == before
    build_html(src, tmp_path / "full-site")
    assert differences(tmp_path / "new-site", tmp_path / "full-site") == []
    assert "Een nieuwe alinea." in (tmp_path / "new-site" / "netwerken" / "zelfgestuurd-leren" / "index.html").read_text("utf-8")


@pytest.mark.parametrize("change", ["settings", "config", "manifest", "no manifest", "offline", "search index"])
def test_nothing_is_reused_when_what_shapes_every_page_changed(rebuilt, tmp_path, change):
    """Another navigation or site name, another mkdocs.yml, a damaged or missing manifest, another
    kind of site, or a search index changed since: every page is built again."""
    root = rebuilt["root"]
    src, previous = tmp_path / "src", tmp_path / "previous"
    shutil.copytree(root / "src", src)
    shutil.copytree(root / "site", previous)
    config = ROOT / "mkdocs.yml"
    if change == "settings":
        settings = json.loads((src / ".netwerkspiegel.json").read_text("utf-8"))
        settings["site_name"] += " (nieuw)"
        (src / ".netwerkspiegel.json").write_text(json.dumps(settings), "utf-8")
    elif change == "config":
        config = tmp_path / "mkdocs.yml"
        config.write_text((ROOT / "mkdocs.yml").read_text("utf-8") + "\n# een opmerking\n", "utf-8")
    elif change == "manifest":
        (previous / BUILD_MANIFEST).write_text("{niet af", "utf-8")
    elif change == "no manifest":
        (previous / BUILD_MANIFEST).unlink()
    elif change == "search index":  # it carries the reused pages' entries: changed since, it cannot be trusted
        index = previous / "search" / "search_index.json"
        index.write_text(index.read_text("utf-8").replace("Hoogbegaafdheid", "Iets anders"), "utf-8")
    assert build_html(src, tmp_path / "new", config, offline=change == "offline", previous=previous) == 0
    build_html(src, tmp_path / "full", config, offline=change == "offline")
    assert differences(tmp_path / "new", tmp_path / "full") == []


def test_a_page_missing_from_the_previous_site_is_built_again(rebuilt, tmp_path):
    root = rebuilt["root"]
    previous = tmp_path / "previous"
    shutil.copytree(root / "site", previous)
    (previous / "kaders" / "index.html").unlink()
    reused = build_html(root / "src", tmp_path / "new", previous=previous)
    assert reused == rebuilt["again"].pages - 1
    assert differences(tmp_path / "new", root / "site") == []


def _rendered_networks(monkeypatch) -> list[str]:
    """The networks whose page is charted and rendered (not taken from the previous build)."""
    import generator.site.page_kinds.networks as pages

    charted: list[str] = []
    original = pages.network_charts

    def counting(network, view, t):
        charted.append(network.network)
        return original(network, view, t)

    monkeypatch.setattr(pages, "network_charts", counting)
    return charted


def test_only_the_changed_networks_page_is_rendered_again(rebuilt, monkeypatch, tmp_path):
    root = rebuilt["root"]
    charted = _rendered_networks(monkeypatch)
    generate(read_data(root / "data"), Audience.INTERNAL, previous=PreviousPages(root / "src"))
    assert charted == []  # the docs folder was built from this data: every network page is taken over
    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    change_one_score(data)
    changed = read_data(data)
    again = generate(changed, Audience.INTERNAL, previous=PreviousPages(root / "src"))
    assert charted == ["Zelfgestuurd leren"]
    assert again.files == generate(changed, Audience.INTERNAL).files


def test_a_changed_template_renders_every_page_again(rebuilt, monkeypatch, tmp_path):
    root = rebuilt["root"]
    overrides = tmp_path / "sjablonen"
    overrides.mkdir()
    (overrides / "story.html.j2").write_text((ROOT / "templates" / "story.html.j2").read_text("utf-8") + "\n", "utf-8")
    charted = _rendered_networks(monkeypatch)
    generate(read_data(root / "data"), Audience.INTERNAL, overrides=overrides, previous=PreviousPages(root / "src"))
    assert len(charted) == len(read_data(root / "data").networks)


def test_a_file_changed_in_the_previous_folders_since_is_made_again(rebuilt, monkeypatch, tmp_path):
    """Whoever changed a page in site/ or site_src/ after the build: it is built again, not carried over."""
    root = rebuilt["root"]
    previous_src, previous = tmp_path / "src", tmp_path / "site"
    shutil.copytree(root / "src", previous_src)
    shutil.copytree(root / "site", previous)
    page = previous / "netwerken" / "hoogbegaafdheid" / "index.html"
    page.write_text(page.read_text("utf-8").replace("Hoogbegaafdheid", "Iets anders"), "utf-8")
    reused = build_html(root / "src", tmp_path / "new", previous=previous)
    assert reused == rebuilt["again"].pages - 1
    assert differences(tmp_path / "new", root / "site") == []
    markdown = previous_src / "netwerken" / "hoogbegaafdheid.md"
    markdown.write_text(markdown.read_text("utf-8") + "\nToegevoegd.\n", "utf-8")
    charted = _rendered_networks(monkeypatch)
    generate(read_data(root / "data"), Audience.INTERNAL, previous=PreviousPages(previous_src))
    assert charted == ["Hoogbegaafdheid"]


def test_an_export_that_did_not_change_is_not_parsed_again(tmp_path, monkeypatch):
    """Each file's tables are kept by its bytes: the next read parses only the changed export, and
    what it returns is exactly what parsing gives. A damaged cache entry is read past."""
    import generator.read.load as load
    from generator.core.store import Store

    data, cache = tmp_path / "data", tmp_path / "cache" / "exports"
    store = Store(tmp_path / "cache")
    shutil.copytree(SAMPLE_DATA, data)
    parsed: list[str] = []
    for reader in ("read_csv", "read_xlsx"):
        original = getattr(load, reader)

        def counting(content, name, original=original):
            parsed.append(name)
            return original(content, name)

        monkeypatch.setattr(load, reader, counting)
    first = load.load_folder(data, ignore=("netwerkspiegel.toml",), store=store)
    assert len(parsed) == len(load.find_input_files(data)[0])  # every export
    parsed.clear()
    assert load.load_folder(data, ignore=("netwerkspiegel.toml",), store=store) == first
    assert parsed == []
    change_one_score(data)
    changed = load.load_folder(data, ignore=("netwerkspiegel.toml",), store=store)
    assert parsed == [CHANGED_EXPORT]
    assert changed == load.load_folder(data, ignore=("netwerkspiegel.toml",))
    for entry in cache.iterdir():
        entry.write_bytes(b"niet af")
    parsed.clear()
    assert load.load_folder(data, ignore=("netwerkspiegel.toml",), store=store) == changed
    assert len(parsed) == len(load.find_input_files(data)[0])


def test_the_build_says_how_many_pages_it_carried_over(tmp_path, capsys):
    from generator.cli import main

    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    arguments = ["build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]
    assert main(arguments) == 0
    assert "vorige site" not in capsys.readouterr().out  # the first build has nothing to carry over
    change_one_score(data)
    assert main(arguments) == 0
    out = capsys.readouterr().out
    pages = int(re.search(r"(\d+) pagina's in", out).group(1))
    said = re.search(r"^Alleen wat veranderde is opnieuw gebouwd: de HTML van (\d+) van de (\d+) pagina's komt ongewijzigd uit de vorige site\.$", out, re.MULTILINE)
    assert said and int(said.group(2)) == pages
    assert pages - 6 <= int(said.group(1)) < pages  # the changed network's page, and at most the pages that sum up all networks


def test_the_page_index_is_the_same_in_every_process():
    """Page keys hash pickled inputs: they must not depend on Python's per-process string hashing
    (a set pickles in hash order), or the same data would give another index, and nothing would be reused."""
    import os
    import subprocess
    import sys

    script = ("import sys; from generator.core.vocabulary import Audience; from generator.pipeline import generate, read_data; "
              "from generator.site.rendered import PAGES_INDEX; "
              f"sys.stdout.write(generate(read_data(__import__('pathlib').Path({str(SAMPLE_DATA)!r})), Audience.INTERNAL).files[PAGES_INDEX].decode())")
    indexes = [
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    ]
    assert indexes[0] == indexes[1]
    assert len(json.loads(indexes[0])["pages"]) == 2 * len(read_data(SAMPLE_DATA).networks)


@pytest.mark.parametrize("offline", [False, True])
def test_pages_built_by_two_processes_are_exactly_one_process_build(rebuilt, tmp_path, offline):
    """A large site is built by two processes, each its share of the pages: the site must be the
    same, byte for byte, search index included, and no helper folder may stay behind."""
    root = rebuilt["root"]
    build_html(root / "src", tmp_path / "one", offline=offline, processes=1)
    build_html(root / "src", tmp_path / "two", offline=offline, processes=2)
    build_html(root / "src", tmp_path / "three", offline=offline, processes=3)
    assert differences(tmp_path / "one", tmp_path / "two") == []
    assert differences(tmp_path / "one", tmp_path / "three") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "three", "two"]


def test_a_failing_helper_process_fails_the_build_and_leaves_nothing(rebuilt, tmp_path):
    """A page only a helper builds has a broken link: strict MkDocs fails there, and so does the build."""
    from generator.core.errors import BuildError

    root = rebuilt["root"]
    src = tmp_path / "src"
    shutil.copytree(root / "src", src)
    pages = sorted(p.relative_to(src).as_posix() for p in src.rglob("*.md"))
    broken = src / "vragenlijsten" / "hoogbegaafdheid.md"
    broken.write_text(broken.read_text("utf-8") + "\n[kapot](bestaat-niet.md)\n", "utf-8")
    assert "vragenlijsten/hoogbegaafdheid.md" in pages
    with pytest.raises(BuildError) as failed:
        build_html(src, tmp_path / "site", processes=len(pages))  # every page in a process of its own
    assert "bestaat-niet.md" in failed.value.message()
    assert not any(p.name.startswith("site-deel") for p in tmp_path.iterdir())


def test_the_store_forgets_what_no_build_used_for_a_month(tmp_path):
    """One rule prunes every part of the store: here what was read from the exports."""
    import os
    import time

    import generator.read.load as load
    from generator.core.store import KEPT_UNUSED_DAYS, Store

    data, cache = tmp_path / "data", tmp_path / "cache" / "exports"
    shutil.copytree(SAMPLE_DATA, data)
    store = Store(tmp_path / "cache")
    load.load_folder(data, store=store)
    store.prune()
    entries = sorted(cache.iterdir())
    month_ago = time.time() - (KEPT_UNUSED_DAYS + 1) * 86400
    for entry in entries:
        os.utime(entry, (month_ago, month_ago))
    (cache / ("f" * 64)).write_bytes(b"")
    os.utime(cache / ("f" * 64), (month_ago, month_ago))
    change_one_score(data)
    load.load_folder(data, store=store)
    store.prune()
    left = sorted(cache.iterdir())
    foreign = cache / ("f" * 64)
    assert foreign in left  # named like an entry but not one of ours (no marker): left alone
    left.remove(foreign)
    assert len(left) == len(entries)  # the changed file's old entry went, its new one came
    assert all(entry.stat().st_mtime > month_ago + 86400 for entry in left)  # every used entry is fresh again


def test_a_helper_that_breaks_is_told_in_one_line(rebuilt, tmp_path, monkeypatch):
    """Not MkDocs refusing a page but the helper itself breaking (here a Python that only prints a
    traceback): the build fails with the helper's last line, not a traceback."""
    import stat
    import sys

    from generator.core.errors import BuildError

    broken = tmp_path / "python"
    broken.write_text("#!/bin/sh\necho 'Traceback (most recent call last):' >&2\necho '  File \"<string>\", line 1' >&2\n"
                      "echo 'MemoryError: kapot' >&2\nexit 1\n", "utf-8")
    broken.chmod(broken.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(sys, "executable", str(broken))
    with pytest.raises(BuildError) as failed:
        build_html(rebuilt["root"] / "src", tmp_path / "site", processes=2)
    assert failed.value.message() == "MkDocs kon de site niet bouwen: MemoryError: kapot"
