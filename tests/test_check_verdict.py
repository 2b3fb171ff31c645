"""`check` gives one verdict, the same on every run, with or without what an earlier run kept, and it
finds what would stop `build` (issue 38)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import zlib

import pytest

from generator.analyse.report import summary
from generator.cli import main
from generator.core.store import Store
from generator.pipeline import read_data
from generator.site import reports
from tests.conftest import ROOT, SCORE_HEADER, write

SAMPLE_DATA = ROOT / "data"


def _check(capsys, *arguments: str) -> tuple[int, str, str]:
    """The exit code, stdout, and stderr without the progress of steps that happened to take a while."""
    code = main(["check", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, "".join(line for line in captured.err.splitlines(keepends=True) if not re.search(r"[:,] \d+ s\n?$", line))


def test_check_says_the_same_the_first_time_the_second_time_and_after_a_build(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    os.chdir(tmp_path)
    first = _check(capsys, "--data", "data")
    assert first[0] == 0
    # The second read takes tables over from the store: what they added is packed, not read again.
    assert read_data(data, Store.default()).absent
    assert _check(capsys, "--data", "data") == first
    assert main(["build", "--data", "data", "--src", "src", "--out", "site"]) == 0
    capsys.readouterr()
    assert _check(capsys, "--data", "data") == first
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-cache"))
    assert _check(capsys, "--data", "data") == first
    # And it is what the data set holds, read afresh without any store.
    summarised, warned = first[1].split("\n\nLet op (", 1)
    assert summarised == summary(read_data(data, Store(None))) and warned.startswith(("1):", "2):", "3):", "4):", "5):"))
    assert "zie 'Let op'" in first[1].splitlines()[0] and "Let op" not in first[2]  # where the verdict points: in the same stream
    assert "deelnemers –" not in first[1]


@pytest.mark.slow  # prepares Deduce in a fresh cache
def test_a_public_check_says_the_same_the_second_time(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = _check(capsys, "--data", str(data), "--audience", "publiek")
    assert first[0] == 0 and "Teksten op de publieke site" in first[1]
    assert read_data(data, Store.default()).absent
    assert _check(capsys, "--data", str(data), "--audience", "publiek") == first


def test_the_summary_of_a_data_set_taken_over_is_the_summary_of_one_read_afresh(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "golden" / "data", data)
    store = Store(tmp_path / "cache")
    fresh = summary(read_data(data, store))
    again = read_data(data, store)
    assert again.absent and not any(score.network in again.absent for score in again.scores)
    assert summary(again) == fresh


def test_the_verdict_counts_the_warnings(data_dir, capsys):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\nnet,2025-voorjaar,Bert,1a,8,\n")  # two spellings, merged
    code, out, err = _check(capsys, "--data", str(data_dir))
    assert code == 0
    listed = out.split("\n\nLet op (")[1].splitlines()  # on stdout, where the verdict points
    warnings = int(listed[0].removesuffix("):"))
    assert warnings >= 1 and len(listed) == warnings + 1 and "Let op" not in err
    assert out.splitlines()[0] == (f"De gegevens zijn in orde, op {warnings} waarschuwing na (zie 'Let op')." if warnings == 1 else
                                   f"De gegevens zijn in orde, op {warnings} waarschuwingen na (zie 'Let op').")
    assert "in orde" not in "\n".join(out.splitlines()[1:])


def test_a_public_check_that_a_public_build_would_stop_on_says_so_and_only_that(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "".join(f"Net,2025-voorjaar,{name} Jansen,1a,7,\n" for name in ("Anna", "Bert", "Cor", "Daan", "Eva")))
    write(data, "netwerkspiegel.toml", '[site]\ntitel = "Netwerken van Anna Jansen"\n')
    code, out, err = _check(capsys, "--data", str(data), "--audience", "publiek")
    built = main(["build", "--data", str(data), "--audience", "publiek", "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")])
    assert (code, built) == (1, 1)
    assert out == ""  # no "De gegevens zijn in orde." before the problem
    assert err == capsys.readouterr().err
    assert err.splitlines()[0] == "Netwerkspiegel vond 1 probleem in de invoer. Er is niets geschreven."
    assert "site.titel" in err


def _png(width: int, height: int, pixels: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))


# Each chunk whole, its checksum right, its data unpacking: only decoding the pixels shows the damage.
DAMAGED_LOGOS = {
    "te-weinig.png": _png(100, 100, b"\x00" * 10),  # too little image data for its size
    "filter.png": _png(2, 2, b"\x09\x00\x00\x00\x00\x00\x00" * 2),  # a row filter that does not exist
}


@pytest.mark.parametrize("name", sorted(DAMAGED_LOGOS))
def test_a_logo_typst_cannot_decode_is_found_by_check_as_by_build(tmp_path, capsys, name):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (data / name).write_bytes(DAMAGED_LOGOS[name])
    write(data, "netwerkspiegel.toml", f'[site]\nlogo = "{name}"\n')
    code, out, err = _check(capsys, "--data", str(data))
    assert (code, out) == (1, "")
    assert err == ("Netwerkspiegel vond 1 probleem in de invoer. Er is niets geschreven.\n"
                   f"- netwerkspiegel.toml, sleutel 'site.logo', waarde '{name}': deze afbeelding is beschadigd of niet af; "
                   "sla het logo opnieuw op als PNG of JPG.\n")
    assert main(["build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().err == err
    assert not (tmp_path / "site").exists()


def test_a_logo_that_still_stops_typst_is_named_in_dutch(tmp_path, capsys, monkeypatch):
    """Should a logo pass the check and Typst still refuse it, the build names the setting, not Typst's English."""
    from generator.read import logo

    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (data / "logo.png").write_bytes(DAMAGED_LOGOS["te-weinig.png"])
    write(data, "netwerkspiegel.toml", '[site]\nlogo = "logo.png"\n')
    monkeypatch.setattr(logo, "typst_decodes", lambda content, suffix: True)
    monkeypatch.setattr(reports, "ALONGSIDE_FROM", 10**9)
    assert main(["build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site"), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert err.endswith("kon niet worden gemaakt: Typst kan het logo (site.logo in netwerkspiegel.toml) niet lezen. "
                        "Sla het logo opnieuw op als PNG of JPG, of bouw met --no-pdf. De vorige site blijft staan.\n")
    assert "decode" not in err and "Traceback" not in err


@pytest.mark.parametrize("template, line, reason", [
    ("# {{ settings.site_title \n", 1, "unexpected end of template, expected 'end of print statement'"),
    ("# Kaders\n\n{{ settings.geen_titel }}\n", 3, "'generator.core.settings.Settings object' has no attribute 'geen_titel'"),
    ("# Kaders\n\n{{ 1 / 0 }}\n", 3, "ZeroDivisionError: division by zero"),  # any error while it is rendered, not Jinja's alone
    ("# Kaders\n{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}\n", 2, "RecursionError: maximum recursion depth exceeded"),
    ("# Kaders\n\n{{ 'a' + 1 }}\n", 3, "TypeError: can only concatenate str (not \"int\") to str"),
])
def test_a_projects_own_template_that_cannot_be_used_stops_check_and_build_in_words(tmp_path, capsys, template, line, reason):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (tmp_path / "sjablonen").mkdir()
    write(tmp_path / "sjablonen", "kaders.md.j2", template)
    code, out, err = _check(capsys, "--data", str(data))
    expected = (f"Het eigen sjabloon sjablonen/kaders.md.j2 kan niet worden gebruikt, regel {line} (Jinja zegt: {reason}). "
                "Verbeter het of haal het weg; er is niets geschreven.\n")
    assert (code, out, err) == (1, "", expected)
    assert main(["build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().err.endswith(expected)
    assert not (tmp_path / "site").exists()


_HUGE_JPG = (b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
             + b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 20000, 300, 1) + b"\x01\x11\x00" + b"\xff\xd9")
HUGE_LOGOS = {"breed.png": (_png(5000, 1, b"\x00" + b"\x00" * 15000), "5.000 bij 1"), "hoog.jpg": (_HUGE_JPG, "300 bij 20.000")}


@pytest.mark.parametrize("name", sorted(HUGE_LOGOS))
def test_a_logo_of_too_many_pixels_is_refused_by_check_as_by_build(tmp_path, capsys, name):
    """The file size does not bound the pixels: a small file may decode to gigabytes."""
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    content, size = HUGE_LOGOS[name]
    (data / name).write_bytes(content)
    write(data, "netwerkspiegel.toml", f'[site]\nlogo = "{name}"\n')
    code, out, err = _check(capsys, "--data", str(data))
    assert (code, out) == (1, "")
    assert err == ("Netwerkspiegel vond 1 probleem in de invoer. Er is niets geschreven.\n"
                   f"- netwerkspiegel.toml, sleutel 'site.logo', waarde '{name}': het logo is {size} pixels; dat is te groot "
                   "(hoogstens 4.096 pixels breed en hoog). Maak het kleiner (een logo van 200 pixels hoog is genoeg).\n")
    assert main(["build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().err == err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("change", "said"), [
    (lambda toml: toml.replace("minimale_groep = 5\n", "minimale_groep = 5\nminimale_groep = 6\n"),
     "- netwerkspiegel.toml: dit is geen geldig TOML-bestand: regel {line} zet een sleutel die in dezelfde tabel al een waarde heeft "
     "(een sleutel mag er maar één keer staan); haal een van beide weg.\n"),
    (lambda toml: toml + '\n[site]\nkleur = "#123456"\n',
     "- netwerkspiegel.toml: dit is geen geldig TOML-bestand: de tabel [site] staat er twee keer (de tweede op regel {line}); "
     "zet alles van die tabel onder één kop.\n"),
    (lambda toml: toml.replace("minimum = 1\n", "minimum = 11\n"),
     "- netwerkspiegel.toml, sleutel 'schaal.minimum', waarde '11': het minimum moet kleiner zijn dan het maximum (10).\n"),
])
def test_settings_that_cannot_be_read_or_contradict_themselves_are_reported_alone(tmp_path, capsys, change, said):
    """Without its settings the data cannot be judged: the cause alone, not after thousands of its consequences."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    toml = change((data / "netwerkspiegel.toml").read_text("utf-8"))
    (data / "netwerkspiegel.toml").write_text(toml, "utf-8")
    lines = toml.splitlines()
    marker = "minimale_groep = 6" if "minimale_groep = 6" in lines else "[site]"
    line = max(i for i, text in enumerate(lines, start=1) if text == marker)
    code, out, err = _check(capsys, "--data", str(data))
    assert (code, out) == (1, "")
    assert err == "Netwerkspiegel vond 1 probleem in de invoer. Er is niets geschreven.\n" + said.format(line=line)
