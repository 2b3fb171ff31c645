"""Rebuilds that take networks over from the previous build: a score table unchanged since, that
alone holds its networks' scores, is not read again, and its networks' figures and pages are taken
over (`generator.carried`, `generator.read.kept`). Whatever changed, the result is byte for byte
what a full build of the same data gives."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.store import Store
from generator.core.vocabulary import Audience
from generator.pipeline import build
from tests.conftest import ROOT
from tests.test_reuse import differences

# The benchmark's synthetic exports (a module by path: `build` is also the name of a package).
_spec = importlib.util.spec_from_file_location("netwerkspiegel_benchmark", ROOT / "benchmarks" / "build.py")
assert _spec is not None and _spec.loader is not None
_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_benchmark)
change_one_export, make_data = _benchmark.change_one_export, _benchmark.make_data

SAMPLE_DATA = ROOT / "data"


def sample_with_networks_of_their_own(root: Path) -> Path:
    """The sample data (networks spread over several tables), and three networks each in a score
    table of its own, one of them with a participant who left indicators out and a repeated row
    (warnings a table taken over must still give)."""
    data = root / "data"
    shutil.copytree(SAMPLE_DATA, data)
    make_data(data / "eigen", 3)
    path = data / "eigen" / "scores-002.csv"
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([lines[0], lines[1], *lines[1:40], *lines[44:]]) + "\n", "utf-8")
    return data


def tables_read(monkeypatch) -> list[str]:
    """The files whose tables a build reads (rather than takes over)."""
    import generator.read.validate as validate

    read: list[str] = []
    original = validate._read_table

    def counting(table, *args, **kwargs):
        read.append(table.file)
        return original(table, *args, **kwargs)

    monkeypatch.setattr(validate, "_read_table", counting)
    return read


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def rename_network(data: Path) -> None:
    """One table spells its network otherwise: the spellings are merged."""
    path = data / "eigen" / "scores-003.csv"
    path.write_text(path.read_text("utf-8").replace("Netwerk 003", "NETWERK 003", 5), "utf-8")


def change_own_page_by_hand(data: Path) -> None:
    page = data.parent / "src" / "netwerken" / "netwerk-002.md"
    page.write_text(page.read_text("utf-8") + "\nMet de hand toegevoegd.\n", "utf-8")


def damage_the_kept(data: Path) -> None:
    for folder in ("netwerken", "tabellen"):
        for entry in (data.parent / "kept" / folder).iterdir():
            entry.write_bytes(b"\x80niet af")


def damage_the_figures(data: Path) -> None:
    """The tables are still kept, their networks' figures are not readable: the build takes the
    tables over and unpacks the scores they keep (`Dataset.with_scores_of`), reading nothing twice."""
    for entry in (data.parent / "kept" / "netwerken").iterdir():
        entry.write_bytes(b"\x80niet af")


def another_template(data: Path) -> None:
    overrides = data.parent / "sjablonen"
    overrides.mkdir()
    (overrides / "story.html.j2").write_text((ROOT / "templates" / "story.html.j2").read_text("utf-8") + "\n", "utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "niets": lambda data: None,
    "een score in een eigen tabel": lambda data: change_one_export(data / "eigen", 1),
    "een score in een gedeeld netwerk": lambda data: edit(data / "hoogbegaafdheid_kruisjes.csv", "Hoogbegaafdheid;2024-najaar;HB-01;1a;5;huidig",
                                                          "Hoogbegaafdheid;2024-najaar;HB-01;1a;6;huidig"),
    "een reflectie": lambda data: edit(data / "eigen" / "reflecties.csv", "Reflectie 1 van Netwerk 002", "Een andere reflectie van Netwerk 002"),
    "een netwerk erbij": lambda data: (data / "eigen" / "scores-004.csv").write_text(
        (data / "eigen" / "scores-003.csv").read_text("utf-8").replace("Netwerk 003", "Netwerk 004"), "utf-8"),
    "een netwerk weg": lambda data: (data / "eigen" / "scores-003.csv").unlink(),
    "een tabel twee keer": lambda data: shutil.copy(data / "eigen" / "scores-003.csv", data / "eigen" / "scores-003 (kopie).csv"),
    "een andere spelling": rename_network,
    "de instellingen": lambda data: edit(data / "netwerkspiegel.toml", "minimale_groep = 5", "minimale_groep = 6"),
    "een sjabloon": another_template,
    "een pagina met de hand": change_own_page_by_hand,
    "een beschadigde cache": damage_the_kept,
    "beschadigde cijfers": damage_the_figures,
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_rebuild_that_takes_networks_over_is_exactly_a_full_build(tmp_path, monkeypatch, change):
    data = sample_with_networks_of_their_own(tmp_path)
    store = Store(tmp_path / "kept")
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL, store=store)
    CHANGES[change](data)
    read = tables_read(monkeypatch)
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL, store=store)
    monkeypatch.undo()
    build(data, tmp_path / "full-src", tmp_path / "full-site", Audience.INTERNAL, store=Store(None))
    assert differences(tmp_path / "src", tmp_path / "full-src") == []
    assert differences(tmp_path / "site", tmp_path / "full-site") == []
    own = sorted(name for name in read if name.startswith("eigen/scores-"))
    if change in ("niets", "een score in een gedeeld netwerk", "een reflectie", "een pagina met de hand", "beschadigde cijfers"):
        # Every table of a network of its own is taken over; a page made again (a new reflection,
        # a page changed by hand) unpacks the crosses its figures keep, figures made again the
        # scores its table keeps: no table is read.
        assert own == []
    elif change == "een score in een eigen tabel":
        assert own == ["eigen/scores-001.csv"]
    elif change == "een beschadigde cache":
        assert own == [f"eigen/scores-{number:03d}.csv" for number in (1, 2, 3)]
    elif change == "een tabel twee keer":
        assert own == ["eigen/scores-003 (kopie).csv", "eigen/scores-003.csv"]  # two tables hold its scores now


@pytest.mark.parametrize("change", ["een score in een eigen tabel", "een reflectie"])
def test_the_public_site_too(tmp_path, change):
    data = sample_with_networks_of_their_own(tmp_path)
    store = Store(tmp_path / "kept")
    build(data, tmp_path / "src", tmp_path / "site", Audience.PUBLIC, store=store)
    CHANGES[change](data)
    build(data, tmp_path / "src", tmp_path / "site", Audience.PUBLIC, store=store)
    build(data, tmp_path / "full-src", tmp_path / "full-site", Audience.PUBLIC, store=Store(None))
    assert differences(tmp_path / "src", tmp_path / "full-src") == []
    assert differences(tmp_path / "site", tmp_path / "full-site") == []


def test_another_audience_or_language_takes_the_tables_over_and_makes_the_figures(tmp_path, monkeypatch):
    """What a read keeps of a table serves every build: the English and the public builds after an
    internal Dutch one take every table of its own over, unpack its scores to make their own
    figures, and give what a full build gives; a second public build takes those figures too."""
    from generator.core.language import Language

    data = sample_with_networks_of_their_own(tmp_path)
    store = Store(tmp_path / "kept")
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL, store=store)
    for audience, language, name in ((Audience.INTERNAL, Language.ENGLISH, "en"), (Audience.PUBLIC, None, "publiek")):
        read = tables_read(monkeypatch)
        build(data, tmp_path / "src", tmp_path / "site", audience, language=language, store=store)
        monkeypatch.undo()
        assert sorted(name for name in read if name.startswith("eigen/scores-")) == [] and len(read) == len(set(read))  # each read once
        build(data, tmp_path / f"full-src-{name}", tmp_path / f"full-site-{name}", audience, language=language, store=Store(None))
        assert differences(tmp_path / "site", tmp_path / f"full-site-{name}") == []
    read = tables_read(monkeypatch)
    build(data, tmp_path / "src", tmp_path / "site", Audience.PUBLIC, store=store)
    assert sorted(name for name in read if name.startswith("eigen/scores-")) == []


def test_serve_keeps_what_it_takes_over_in_memory(tmp_path, monkeypatch):
    """`serve` rebuilds with one store in memory: nothing is read from or written to disk for it,
    and an export changed after another gives each time what a full build gives."""
    data = sample_with_networks_of_their_own(tmp_path)
    store = Store(None, in_memory=True)
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL, store=store)
    for number in (1, 3, 1):
        change_one_export(data / "eigen", number)
        read = tables_read(monkeypatch)
        build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL, store=store)
        monkeypatch.undo()
        assert sorted(name for name in read if name.startswith("eigen/scores-")) == [f"eigen/scores-{number:03d}.csv"]
        shutil.rmtree(tmp_path / "full-src", ignore_errors=True)
        shutil.rmtree(tmp_path / "full-site", ignore_errors=True)
        build(data, tmp_path / "full-src", tmp_path / "full-site", Audience.INTERNAL, store=Store(None))
        assert differences(tmp_path / "site", tmp_path / "full-site") == []


def test_what_is_kept_has_the_same_keys_in_every_process(tmp_path):
    """Keys made from sets and dictionaries must not depend on the process's string hashing: a
    build in another process finds what the previous one kept (and writes nothing new)."""
    import os
    import subprocess
    import sys

    data = sample_with_networks_of_their_own(tmp_path)
    cache = tmp_path / "cache"
    kept = []
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-m", "generator", "build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")],
                       env={**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONHASHSEED": seed}, cwd=ROOT, check=True, capture_output=True)
        kept.append(sorted(p.relative_to(cache).as_posix() for folder in ("tabellen", "netwerken") for p in (cache / "netwerkspiegel" / folder).iterdir()))
    assert kept[0] == kept[1]
    assert sum(name.startswith("netwerkspiegel/netwerken/") for name in kept[0]) == 6  # every network with scores


def test_the_build_says_how_many_networks_it_took_over(tmp_path, capsys, monkeypatch):
    from generator.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = sample_with_networks_of_their_own(tmp_path)
    arguments = ["build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]
    assert main(arguments) == 0
    assert "vorige build" not in capsys.readouterr().out  # the first build has nothing to take over
    change_one_export(data / "eigen", 1)
    assert main(arguments) == 0  # every network but Netwerk 001 has its figures from the store
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Van 5 van de 6 netwerken met scores kwamen de cijfers uit de vorige build: hun scorebestanden bleven gelijk.")
    assert main([*arguments, "--taal", "en"]) == 0  # another language: the figures are made anew
    assert "previous build" not in capsys.readouterr().out
