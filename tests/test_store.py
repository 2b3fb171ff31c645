"""The store: one memo for every reuse, pruned by one rule, shown and cleared by `netwerkspiegel
cache`; `build --no-cache` reuses nothing and gives the same bytes."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from generator.cli import main
from generator.core.store import ENTRY_MARKER, KEPT_UNUSED_DAYS, NAMESPACES, Store
from generator.core.vocabulary import Audience
from generator.pipeline import build
from tests.conftest import ROOT
from tests.test_reuse import change_one_score, differences

SAMPLE_DATA = ROOT / "data"


def test_memo_makes_once_and_a_store_without_folder_every_time(tmp_path):
    made: list[int] = []

    def make() -> dict[str, int]:
        made.append(1)
        return {"uitkomst": len(made)}

    store = Store(tmp_path)
    key = store.key("iets", 1)
    assert store.memo("netwerken", key, make) == {"uitkomst": 1}
    assert Store(tmp_path).memo("netwerken", key, make) == {"uitkomst": 1}  # another build finds it
    assert len(made) == 1
    nothing = Store(None)
    assert not nothing.enabled
    assert nothing.memo("netwerken", key, make) == {"uitkomst": 2}
    assert nothing.memo("netwerken", key, make) == {"uitkomst": 3}
    (tmp_path / "netwerken" / key).write_bytes(b"half geschreven")  # a damaged entry is made again
    assert Store(tmp_path).memo("netwerken", key, make) == {"uitkomst": 4}
    with pytest.raises(ValueError):
        store.load("onbekend", key)


def test_keys_differ_by_what_the_work_is_made_of():
    store = Store(None)
    assert store.key("svg", "a") == store.key("svg", "a")
    assert store.key("svg", "a") != store.key("svg", "b")


def test_one_rule_prunes_every_part(tmp_path):
    earlier, store = Store(tmp_path), Store(tmp_path)
    month_ago = time.time() - (KEPT_UNUSED_DAYS + 1) * 86400
    for namespace in NAMESPACES:
        old, used = store.key("oud"), store.key("gebruikt")
        earlier.save(namespace, old, b"x")  # an earlier build's, not used since
        os.utime(tmp_path / namespace / old, (month_ago, month_ago))
        store.save(namespace, used, b"y")
        os.utime(tmp_path / namespace / used, (month_ago, month_ago))
    (tmp_path / "deduce" / "0.9").mkdir()  # a folder an earlier version made: not provably the store's, so it stays
    os.utime(tmp_path / "deduce" / "0.9", (month_ago, month_ago))
    store.prune()  # every "gebruikt" was written by this store: used, so kept and fresh
    for namespace in NAMESPACES:
        used = store.key("gebruikt")
        assert sorted(p.name for p in (tmp_path / namespace).iterdir()) == (["0.9", used] if namespace == "deduce" else [used])
        assert (tmp_path / namespace / used).stat().st_mtime > month_ago + 86400


def test_pruning_touches_only_what_the_store_named(tmp_path):
    """A namespace folder a user linked to a folder of their own: old files there are not the store's."""
    own = tmp_path / "eigen"
    own.mkdir()
    (own / "verslag.docx").write_bytes(b"van de gebruiker")
    (own / ("a" * 64)).write_bytes(b"een bestand met de naam van een sleutel")  # named like an entry, not one
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "exports").symlink_to(own, target_is_directory=True)
    Store(tmp_path / "cache").save("exports", "b" * 64, b"een oude sleutel")
    month_ago = time.time() - (KEPT_UNUSED_DAYS + 1) * 86400
    for path in own.iterdir():
        os.utime(path, (month_ago, month_ago))
    Store(tmp_path / "cache").prune()  # a linked folder is never entered: not even the entry written through it goes
    assert sorted(p.name for p in own.iterdir()) == ["a" * 64, "b" * 64, "verslag.docx"]


def test_clear_removes_the_store_and_nothing_else(tmp_path):
    store = Store(tmp_path)
    store.save("exports", "a" * 64, b"1234")
    store.save("svg", "b" * 64, b"123456")
    (tmp_path / "svg" / ".cccc.tmp").write_bytes(b"")
    ours = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in ours)
    (tmp_path / "van-de-gebruiker.txt").write_text("niet van ons", "utf-8")
    foreign = [tmp_path / "exports" / "notities.txt", tmp_path / "rapporten" / ("d" * 64), tmp_path / "vega" / ("e" * 64)]
    for path in foreign:  # beside the entries; one named like an entry, one an entry's name linking elsewhere
        path.parent.mkdir(exist_ok=True)
    foreign[0].write_text("van de gebruiker", "utf-8")
    foreign[1].write_bytes(b"%PD geen rapport")
    foreign[2].symlink_to(tmp_path / "van-de-gebruiker.txt")
    usage = {u.namespace: u for u in store.usage()}
    assert {n: (u.entries, u.foreign) for n, u in usage.items() if u.entries or u.foreign} == {
        "deduce": (0, (tmp_path / "van-de-gebruiker.txt",)),  # what lies at the top of the cache, named with the first namespace
        "exports": (1, (foreign[0],)), "svg": (1, (tmp_path / "svg" / ".cccc.tmp",)), "rapporten": (0, (foreign[1],)), "vega": (0, (foreign[2],))}
    assert sum(u.size for u in usage.values()) == size
    cleared = store.clear()
    assert (cleared.freed, cleared.failed) == (size, ())
    assert sorted(cleared.foreign) == sorted([*foreign, tmp_path / "svg" / ".cccc.tmp", tmp_path / "van-de-gebruiker.txt"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "exports", "exports/notities.txt", "rapporten", f"rapporten/{'d' * 64}", "svg", "svg/.cccc.tmp", "van-de-gebruiker.txt", "vega", f"vega/{'e' * 64}"]
    assert (tmp_path / "van-de-gebruiker.txt").read_text("utf-8") == "niet van ons"


def test_the_cache_command_shows_where_and_how_much_and_clears_only_its_own(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "netwerkspiegel"
    Store(folder).save("exports", "a" * 64, b"x" * 1_500_000)
    (folder / "exports" / "mijn-export.csv").write_text("netwerk,score\n", "utf-8")  # a user's file that happens to be there
    assert main(["cache"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"De cache van Netwerkspiegel staat in {folder}:"
    assert "- exports (wat uit elke export gelezen is): 1 item, 1,5 MB" in out.splitlines()
    assert "- netwerken (de cijfers van elk netwerk): 0 items, 0,0 MB" in out.splitlines()
    assert out.splitlines()[-3:] == [
        "Samen 1,5 MB. Wat 30 dagen door geen build gebruikt is, verdwijnt vanzelf; 'netwerkspiegel cache --leegmaken' maakt hem nu leeg.",
        "Niet herkend als door Netwerkspiegel gemaakt, of een koppeling (niet meegeteld; --leegmaken laat het staan) (1):",
        "- exports/mijn-export.csv"]
    assert main(["--taal", "en", "cache"]) == 0
    assert "- exports (what was read from each export): 1 item, 1.5 MB" in capsys.readouterr().out.splitlines()
    assert main(["cache", "--leegmaken"]) == 0
    assert capsys.readouterr().out == (f"De cache in {folder} is leeggemaakt (1,5 MB): alleen wat Netwerkspiegel daar zelf schreef is verwijderd, "
                                       "wat hieronder staat bleef staan. De volgende build maakt alles opnieuw.\n"
                                       "Niet herkend als door Netwerkspiegel gemaakt (of een koppeling), dus niet aangeraakt (1):\n"
                                       "- exports/mijn-export.csv\n")
    assert [p.name for p in (folder / "exports").iterdir()] == ["mijn-export.csv"]
    (folder / "exports" / "mijn-export.csv").unlink()
    Store(folder).save("vega", "a" * 64, b"x")
    assert main(["cache", "--leegmaken"]) == 0
    assert capsys.readouterr().out.endswith("alleen wat Netwerkspiegel daar zelf schreef is verwijderd. De volgende build maakt alles opnieuw.\n")
    assert list(folder.iterdir()) == []


def test_clearing_never_enters_a_link_and_removes_only_verified_entries(tmp_path, monkeypatch, capsys):
    """The hostile tester's cases: a namespace folder linked to the user's folder holding files named
    like keys with pickle and PDF content; such files inside real namespace folders; an older
    unmarked entry; a deduce folder with a foreign pickle; foreign files at the top of the cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = tmp_path / "xdg" / "netwerkspiegel"
    store = Store(folder)
    store.save("tabellen", store.key("echt"), b"\x80 een echte ingang")
    mine = tmp_path / "mijn-map"
    mine.mkdir()
    (mine / ("f" * 64)).write_bytes(b"\x80mine")
    (mine / ("e" * 64)).write_bytes(b"%PDF-1.7 mijn eigen pdf")
    (folder / "exports").symlink_to(mine, target_is_directory=True)
    planted = {"tabellen/" + "b" * 64: b"\x80foreign pickle-looking", "rapporten/" + "c" * 64: b"%PDF-1.7 my own pdf",
               "vega/" + "d" * 64: b"/* Vega oud */", "deduce/2.0.0/lookup_structs.pickle": b"\x80q",
               "README-mine.txt": b"van mij", "eigen/y.txt": b"ook van mij",
               "netwerken/" + "a" * 64: ENTRY_MARKER + b"\0" * 40 + b"een kapotte ingang"}
    for name, content in planted.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    forged = bytearray((folder / "tabellen" / store.key("echt")).read_bytes())
    (folder / "teksten").mkdir()
    (folder / "teksten" / store.key("echt")).write_bytes(bytes(forged))  # a whole entry under the name of another namespace
    usage = {u.namespace: u for u in store.usage()}
    assert (usage["tabellen"].entries, usage["rapporten"].entries, usage["deduce"].entries, usage["exports"].entries) == (1, 0, 0, 0)
    assert main(["cache"]) == 0
    listed = capsys.readouterr().out
    for shown in ["exports", "README-mine.txt", "eigen", "deduce/2.0.0", "teksten/" + store.key("echt"), *[n for n in planted if "/" in n and not n.startswith(("deduce", "eigen"))]]:
        assert f"- {shown}\n" in listed
    assert main(["cache", "--leegmaken"]) == 0
    said = capsys.readouterr().out
    assert "niet veranderd" not in said and "- exports\n" in said and "- README-mine.txt\n" in said
    assert sorted(p.name for p in mine.iterdir()) == ["e" * 64, "f" * 64]
    for name, content in planted.items():
        assert (folder / name).read_bytes() == content
    assert (folder / "exports").is_symlink() and not (folder / "tabellen" / store.key("echt")).exists()


def test_a_cache_folder_that_is_a_link_is_not_entered(tmp_path, monkeypatch, capsys):
    elsewhere = tmp_path / "elders"
    Store(elsewhere).save("exports", "a" * 64, b"x")
    (tmp_path / "xdg").mkdir()
    (tmp_path / "xdg" / "netwerkspiegel").symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert main(["cache", "--leegmaken"]) == 0
    assert f"- {tmp_path / 'xdg' / 'netwerkspiegel'}\n" in capsys.readouterr().out
    assert (elsewhere / "exports" / ("a" * 64)).exists()


def test_a_build_without_cache_reuses_nothing_writes_nothing_and_gives_the_same_bytes(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)
    change_one_score(data)
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)  # reuses what it can
    kept = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*"))
    assert any(name.startswith("netwerkspiegel/netwerken/") for name in kept)
    os.chdir(tmp_path)
    assert main(["build", "--data", "data", "--src", "fresh-src", "--out", "fresh-site", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "vorige site" not in out and "vorige build" not in out  # nothing taken over
    assert sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*")) == kept  # nothing read into or written to the cache
    assert differences(tmp_path / "src", tmp_path / "fresh-src") == []
    assert differences(tmp_path / "site", tmp_path / "fresh-site") == []
    # Again onto its own previous site: still everything made afresh.
    assert main(["build", "--data", "data", "--src", "fresh-src", "--out", "fresh-site", "--no-cache"]) == 0
    assert "vorige site" not in capsys.readouterr().out
    assert differences(tmp_path / "site", tmp_path / "fresh-site") == []
