"""A cache entry is used only when it is whole: damaged entries of every namespace are made again,
and a build from a damaged store gives the bytes of a build that reuses nothing (issue 38). A cache
folder inside the command's folders is refused, and `check` says the same every time."""

from __future__ import annotations

import os
import pickle
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.store import ENTRY_MARKER, NAMESPACES, Store
from generator.core.vocabulary import Audience
from generator.pipeline import build
from tests.conftest import ROOT
from tests.test_reuse import differences

SAMPLE_DATA = ROOT / "data"


def _truncated(entry: bytes) -> bytes:
    return entry[: len(entry) // 2]  # a write a kill cut short


def _flipped(entry: bytes) -> bytes:
    middle = len(entry) - max(1, (len(entry) - len(ENTRY_MARKER)) // 2)  # a byte of the content, not of the header
    return entry[:middle] + bytes([entry[middle] ^ 0x20]) + entry[middle + 1:]


def _garbage_pickle(entry: bytes) -> bytes:
    return pickle.dumps({"niet": "wat hier hoort"}, protocol=5)  # a whole pickle, but not this entry (no marker)


def _header_only(entry: bytes) -> bytes:
    return entry[: len(ENTRY_MARKER) + 40]  # the marker and the digest, no content


def _last_byte_dropped(entry: bytes) -> bytes:
    return entry[:-1]


def _content_without_frame(entry: bytes) -> bytes:
    return entry[len(ENTRY_MARKER) + 40:][:-7]  # what an earlier version wrote, cut short (a half vega bundle, a PDF that starts with %PDF-)


DAMAGES: tuple[Callable[[bytes], bytes], ...] = (_truncated, _flipped, _garbage_pickle, _header_only, _last_byte_dropped, _content_without_frame)


@pytest.mark.parametrize("namespace", NAMESPACES)
@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.__name__.strip("_"))
def test_a_damaged_entry_of_any_namespace_is_absent_and_made_again(tmp_path, namespace, damage):
    store = Store(tmp_path)
    key = store.key("iets", namespace)
    content = b"%PDF-1.7 " + os.urandom(2000) if namespace == "rapporten" else pickle.dumps(("waarde", 42, namespace), protocol=5)
    store.save(namespace, key, content)
    assert Store(tmp_path).load(namespace, key) == content and Store(tmp_path).has(namespace, key)
    path = tmp_path / namespace / key
    path.write_bytes(damage(path.read_bytes()))
    again = Store(tmp_path)
    assert again.load(namespace, key) is None
    assert not again.has(namespace, key)
    assert again.recall(namespace, key) is None
    made: list[int] = []
    assert again.memo(namespace, key, lambda: made.append(1) or ("opnieuw", namespace)) == ("opnieuw", namespace)
    assert made == [1]
    assert Store(tmp_path).recall(namespace, key) == ("opnieuw", namespace)  # written anew, whole
    assert [p.name for p in (tmp_path / namespace).iterdir()] == [key]  # no temporary file left


def test_an_entry_is_whole_only_under_its_own_name(tmp_path):
    store = Store(tmp_path)
    first, second = store.key("eerste"), store.key("tweede")
    store.save("svg", first, b"<svg>een</svg>")
    shutil.copyfile(tmp_path / "svg" / first, tmp_path / "svg" / second)  # copied under another key
    assert store.load("svg", second) is None
    (tmp_path / "rapporten").mkdir()
    shutil.copyfile(tmp_path / "svg" / first, tmp_path / "rapporten" / first)
    assert store.load("rapporten", first) is None  # or into another namespace


def _entries(cache: Path) -> dict[str, list[Path]]:
    return {namespace: sorted(p for p in (cache / namespace).iterdir() if p.is_file()) for namespace in NAMESPACES if (cache / namespace).is_dir()}


@pytest.mark.slow  # three public builds with every report and every chart as an SVG
def test_a_build_from_a_damaged_store_gives_the_bytes_of_a_build_without_it(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    store_folder = cache / "netwerkspiegel"
    build(data, tmp_path / "src", tmp_path / "site", Audience.PUBLIC, static_charts=True)
    entries = _entries(store_folder)
    assert sorted(entries) == sorted(NAMESPACES) and all(entries.values())  # every namespace has something to damage
    damaged = 0
    for namespace, paths in entries.items():
        for index, path in enumerate(paths):
            path.write_bytes(DAMAGES[(index + NAMESPACES.index(namespace)) % len(DAMAGES)](path.read_bytes()))
            damaged += 1
    # Into folders of its own: no previous pages or HTML to take over, so everything comes from the store.
    build(data, tmp_path / "again-src", tmp_path / "again-site", Audience.PUBLIC, static_charts=True)
    build(data, tmp_path / "fresh-src", tmp_path / "fresh-site", Audience.PUBLIC, static_charts=True, store=Store(None))
    assert differences(tmp_path / "again-src", tmp_path / "fresh-src") == []
    assert differences(tmp_path / "again-site", tmp_path / "fresh-site") == []
    # The damaged entries were made again, whole: the next build takes them.
    repaired = Store(store_folder)
    assert all(repaired.has(namespace, path.name) for namespace, paths in _entries(store_folder).items() for path in paths
               if path.name in {p.name for p in entries.get(namespace, [])})
    assert damaged >= len(NAMESPACES)


@pytest.mark.parametrize("inside", ["data", "src", "site"])
def test_a_cache_inside_the_data_source_or_output_folder_is_refused(tmp_path, monkeypatch, capsys, inside):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "golden" / "data", data)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / inside / "cache"))
    os.chdir(tmp_path)
    folders = ["--data", "data", "--src", "src", "--out", "site"]
    with socket.socket() as probe:  # a port that is free: serve is refused before it would listen
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    commands = [["build", *folders], ["build", *folders, "--no-cache"], ["serve", *folders, "--port", port]]
    commands += [["check", "--data", "data"]] if inside == "data" else []
    for command in commands:
        code = main(command)
        err = capsys.readouterr().err
        if "--no-cache" in command:  # nothing is kept: there is nothing to refuse
            assert code == 0
            shutil.rmtree(tmp_path / "src")
            shutil.rmtree(tmp_path / "site")
            continue
        assert code == 2
        shown = {"data": "de gegevens (--data)", "src": "de Markdown (--src)", "site": "de HTML (--out)"}[inside]
        assert err == (f"De cache van Netwerkspiegel ('{tmp_path / inside / 'cache' / 'netwerkspiegel'}') ligt binnen de map voor {shown} "
                       f"('{tmp_path / inside}'). Daar zou hij bewaren wat uit de exports gelezen is, met namen en e-mailadressen. Zet "
                       "XDG_CACHE_HOME op een map daarbuiten (zonder XDG_CACHE_HOME staat de cache in ~/.cache/netwerkspiegel), of kies "
                       f"een andere map voor {shown}.\n")
        assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written


def test_a_folder_of_the_command_inside_the_cache_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    os.chdir(tmp_path)
    out = tmp_path / "cache" / "netwerkspiegel" / "svg"
    assert main(["build", "--data", str(ROOT / "tests" / "golden" / "data"), "--src", "src", "--out", str(out)]) == 2
    assert "ligt binnen de cache van Netwerkspiegel" in capsys.readouterr().err
    assert not (tmp_path / "src").exists() and not out.exists()


def test_a_folder_in_deduce_is_never_the_stores(tmp_path):
    store = Store(tmp_path)
    earlier = tmp_path / "deduce" / "3.0.1" / "cache"
    earlier.mkdir(parents=True)
    (earlier / "lookup_structs.pickle").write_bytes(b"\x80\x05 lijsten")  # what Deduce kept for an earlier version
    mine = tmp_path / "deduce" / "2024"
    mine.mkdir()
    (mine / "verslag.docx").write_bytes(b"van de gebruiker")  # named like a version, not Deduce's
    cleared = store.clear()  # Deduce's lists are marked entries now; what an earlier version left cannot be proved ours
    assert cleared.foreign == (mine, tmp_path / "deduce" / "3.0.1")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "deduce", "deduce/2024", "deduce/2024/verslag.docx", "deduce/3.0.1", "deduce/3.0.1/cache", "deduce/3.0.1/cache/lookup_structs.pickle"]
