"""Never crash, never guess: odd and hostile input gets a located Dutch message (or is read right),
never a traceback; `check` finds what `build` would fail on; settings are validated and escaped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.errors import InputError
from generator.core.vocabulary import Audience
from generator.pipeline import build, generate, read_data
from tests.conftest import REFLECTION_HEADER, ROOT, SCORE_HEADER, write


def problems(data_dir) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    return [problem.format() for problem in caught.value.report.problems]


def warnings(data_dir) -> list[str]:
    return [w.format() for w in read_data(data_dir).warnings]


def scores(data_dir) -> list[tuple]:
    return sorted((s.network, s.moment.label, s.participant, s.indicator, s.value) for s in read_data(data_dir).scores)


# --- names that break file systems and renderers ---

def test_a_very_long_network_name_builds(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    long_name = "Netwerk " + "met een heel lange naam " * 12
    write(data, "scores.csv", SCORE_HEADER + f"{long_name},2025-voorjaar,Anna,1a,7,\n{long_name}X,2025-voorjaar,Bert,1a,7,\n")
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)
    pages = sorted(p.name for p in (tmp_path / "src" / "netwerken").glob("*.md"))
    assert len(pages) == 2 and all(len(name) < 80 for name in pages)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\u200b", "\u202e", "\ufeff", "\x85"])
def test_control_and_invisible_characters_are_removed_and_said(tmp_path, character):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + f"Re{character}kenen,2025-voorjaar,An{character}na,1a,7,\nRekenen,2025-voorjaar,Anna,1b,7,\n")
    if character == "\x00":
        assert problems(data) == ["scores.csv: dit is geen tekstbestand; bewaar het als CSV (UTF-8 of Windows-1252)."]
        return
    assert scores(data) == [("Rekenen", "2025-voorjaar", "anna", "1a", 7.0), ("Rekenen", "2025-voorjaar", "anna", "1b", 7.0)]
    assert "scores.csv, rij 2: 2 onzichtbare tekens of stuurtekens verwijderd (zoals een zero-width space); de eerste staat in deze rij." in warnings(data)
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)  # vl-convert once crashed on a control character


def test_a_file_name_that_is_not_utf8(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / os.fsdecode(b"scores-\xff\xfe.csv")).write_bytes((SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,77,\n").encode())
    assert main(["check", "--data", str(data)]) == 1
    assert capsys.readouterr().err == (
        "Netwerkspiegel vond 1 probleem in de invoer. Er is niets geschreven.\n"
        "- scores-\ufffd\ufffd.csv, rij 2, kolom 'score', waarde '77': score buiten de schaal van 1 tot en met 10.\n"
    )


# --- settings ---

@pytest.mark.parametrize("toml, expected", [
    ("[schaal]\nmaximum = inf\n", "netwerkspiegel.toml, sleutel 'schaal.maximum', waarde 'inf': moet een eindig getal zijn."),
    ("[schaal]\nminimum = nan\n", "netwerkspiegel.toml, sleutel 'schaal.minimum', waarde 'nan': moet een eindig getal zijn."),
    ("[schaal]\nmaximum = 1e300\n", "netwerkspiegel.toml, sleutel 'schaal.maximum', waarde '1e+300': moet tussen -1.000.000 en 1.000.000 liggen."),
    ("a = " + "[" * 3000 + "]" * 3000 + "\n", "netwerkspiegel.toml: de instellingen zijn te diep genest (tabellen of lijsten in elkaar); dat kan geen instellingenbestand zijn."),
    ("[site]\ntitel = \"x\n", "netwerkspiegel.toml: dit is geen geldig TOML-bestand (regel 2, teken 11). Controleer daar aanhalingstekens, haakjes en het '='-teken."),
    ("[site]\nurl = \"https://x.nl/\\\"><script>alert(1)</script>\"\n", "netwerkspiegel.toml, sleutel 'site.url', waarde 'https://x.nl/\"><script>alert(1)</script>': moet een gewoon webadres zijn dat begint met http:// of https://, zoals 'https://school.github.io/netwerk/': een servernaam, eventueel een poort en een pad, zonder spaties, aanhalingstekens, '?' of '#'."),
    ("[site]\nurl = \"javascript:alert(1)\"\n", "netwerkspiegel.toml, sleutel 'site.url', waarde 'javascript:alert(1)': moet een gewoon webadres"),
    ("[publiek]\nminimale_groep = 0\n", "netwerkspiegel.toml, sleutel 'publiek.minimale_groep', waarde '0': moet een aantal deelnemers van 1 tot en met 10.000 zijn."),
    ("[site]\ntitel = \"\"\n", "netwerkspiegel.toml, sleutel 'site.titel', waarde '': mag niet leeg zijn; laat de regel weg voor 'Netwerkspiegel', of geef een tekst."),
    ("[site]\ntitel = \" \u200b \"\n", "netwerkspiegel.toml, sleutel 'site.titel', waarde ' \u200b ': mag niet leeg zijn;"),
    ("[site]\ntitel = \"" + "x" * 400 + "\"\n", "netwerkspiegel.toml, sleutel 'site.titel', waarde '" + "x" * 59 + "…': moet tekst van hoogstens 300 tekens op één regel zijn."),
])
def test_bad_settings_are_located_problems(data_dir, toml, expected):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "netwerkspiegel.toml", toml)
    found = problems(data_dir)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_the_settings_file_as_a_folder(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (data_dir / "netwerkspiegel.toml").mkdir()
    assert problems(data_dir) == ["netwerkspiegel.toml: dit is geen bestand (maar een map of een snelkoppeling die nergens heen wijst); de instellingen horen in een tekstbestand netwerkspiegel.toml."]


def test_a_site_url_with_markup_never_reaches_a_page(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    code = main(["build", "--data", str(data), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site"), "--site-url", 'http://x/"><script>alert(1)</script>'])
    assert code == 2 and "--site-url moet een gewoon webadres zijn" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_settings_text_is_escaped_in_every_page(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data, "netwerkspiegel.toml", '[site]\ntitel = "<img src=x onerror=alert(1)>"\n[netwerken."Net"]\nthema = "<script>alert(2)</script>"\n')
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text("utf-8")
        assert "<img src=x" not in html and "<script>alert" not in html, page


def test_csv_download_cells_cannot_become_formulas(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + '"=HYPERLINK(""x"");=1+1",2025-voorjaar,Anna,1a,7,\n')
    files = generate(read_data(data), Audience.INTERNAL).files
    [csv_name] = [name for name in files if name.endswith(".csv")]
    assert files[csv_name].decode("utf-8").splitlines()[1] == (
        '"\'=HYPERLINK(""x"");\'=1+1","2025-voorjaar","1a","huidig","1","7","7","7","7",""'
    )


# --- CSV files as they come ---

def test_an_unterminated_quote_does_not_swallow_rows(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + 'Net,2025-voorjaar,"Anna,1a,7,\nNet,2025-voorjaar,Bert,1a,6,\n')
    assert problems(data_dir) == [
        "scores.csv, rij 2: een aanhalingsteken (\") in deze rij wordt nooit gesloten, zodat alles tot het eind van het bestand één cel zou worden. Verwijder het aanhalingsteken of sluit het."
    ]


def test_a_quote_that_closes_rows_later_does_not_swallow_them(data_dir):
    write(data_dir, "reflecties.csv", REFLECTION_HEADER
          + 'Net,2025-voorjaar,Anna,direct,"Leuk,ja\nNet,2025-voorjaar,Bert,direct,Ook leuk",ja\n')
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    assert problems(data_dir) == [
        "reflecties.csv, rij 2, kolom 'reflectie', waarde 'Leuk,ja Net,2025-voorjaar,Bert,direct,Ook leuk': deze cel loopt over meerdere regels en bevat een regel die er uitziet als een eigen rij; staat er een aanhalingsteken (\") te veel in deze rij?"
    ]


def test_a_short_row_is_not_padded_silently(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a\n")
    assert problems(data_dir) == [
        "scores.csv, rij 2: deze rij heeft 4 cellen, de kopregel 6; vul de ontbrekende scheidingstekens (komma's) aan, ook voor lege cellen."
    ]


def test_one_file_mixing_utf8_and_windows_1252_is_refused(data_dir):
    content = (SCORE_HEADER + "Net,2025-voorjaar,José,1a,7,\n").encode("utf-8") + "Net,2025-voorjaar,Renée,1b,7,\n".encode("cp1252")
    (data_dir / "scores.csv").write_bytes(content)
    assert problems(data_dir) == [
        "scores.csv: het bestand mengt twee tekensets: het meeste is UTF-8, maar regel 3 niet (bijvoorbeeld een é of ë uit een ander "
        "programma). Open het in een teksteditor of Excel en sla het op als 'CSV UTF-8'."
    ]


def test_utf16_unicode_text_tabs_and_the_sep_line_are_read(data_dir):
    (data_dir / "unicode.txt").write_bytes(("Netwerk\tMeetmoment\tDeelnemer\tIndicator\tScore\r\nNet\t2025-voorjaar\tZoë\t1a\t7\r\n").encode("utf-16"))
    write(data_dir, "tabs.tsv", "netwerk\tmeetmoment\tdeelnemer\tindicator\tscore\nNet\t2025-voorjaar\tBert\t1b\t6\n")
    write(data_dir, "excel.csv", "sep=;\nnetwerk;meetmoment;deelnemer;indicator;score\nNet;2025-voorjaar;Cor;2a;5\nNet;2025-voorjaar;Cor;2b;x\n")
    write(data_dir, "notities.txt", "Een briefje, geen tabel.")
    assert problems(data_dir) == [
        "excel.csv, rij 3, kolom 'score', waarde 'x': geen getal; verwacht een getal van 1 tot en met 10."  # the sep= line is not a row
    ]
    (data_dir / "excel.csv").write_text("sep=;\nnetwerk;meetmoment;deelnemer;indicator;score\nNet;2025-voorjaar;Cor;2a;5\n", "utf-8")
    assert scores(data_dir) == [("Net", "2025-voorjaar", "bert", "1b", 6.0), ("Net", "2025-voorjaar", "cor", "2a", 5.0), ("Net", "2025-voorjaar", "zoe", "1a", 7.0)]
    assert read_data(data_dir).ignored_files == ("notities.txt",)


def test_duplicate_columns_are_not_guessed(data_dir):
    write(data_dir, "scores.csv", "netwerk,meetmoment,deelnemer,indicator,score,score\nNet,2025-voorjaar,Anna,1a,7,3\n")
    assert problems(data_dir) == [
        "scores.csv, rij 1, kolom 'score': deze kolom (F) betekent hetzelfde als kolom 'score' (E); welke telt? Verwijder of hernoem een "
        "van beide, of geef er één in netwerkspiegel.toml onder [kolommen] de betekenis 'negeren'."
    ]


@pytest.mark.parametrize("moment, message", [
    ("0-voorjaar", "onbekend meetmoment; gebruik bijvoorbeeld '2025-voorjaar', 'najaar 2025', '2026-11-24' of '24-11-2026'."),
    ("9999-najaar", "het jaartal 9999 ligt niet tussen 1990 en 2099; klopt het jaartal?"),
    ("0001-01-01", "het jaartal 0001 ligt niet tussen 1990 en 2099; klopt het jaartal?"),
    ("31-12-9999", "het jaartal 9999 ligt niet tussen 1990 en 2099; klopt het jaartal?"),
])
def test_impossible_years_are_problems(data_dir, moment, message):
    write(data_dir, "scores.csv", SCORE_HEADER + f"Net,{moment},Anna,1a,7,\nNet,2025-voorjaar,Anna,1b,7,\n")
    assert problems(data_dir) == [f"scores.csv, rij 2, kolom 'meetmoment', waarde '{moment}': {message}"]


def test_excel_error_values_are_not_text(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,#DIV/0!,\nNet,2025-voorjaar,Anna,1b,7,\n")
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,direct,#N/A,ja\n")
    message = "Excel toont hier een foutwaarde: de formule in deze cel kan niet worden berekend. Herstel de formule of typ de waarde in."
    assert problems(data_dir) == [
        f"reflecties.csv, rij 2, kolom 'reflectie', waarde '#N/A': {message}",
        f"scores.csv, rij 2, kolom 'score', waarde '#DIV/0!': {message}",
    ]


def test_many_problems_are_summarised_with_the_full_list_in_a_file(data_dir, capsys):
    rows = "".join(f"Net,2025-voorjaar,P{n},1a,{11 + n % 3},\n" for n in range(3000)) + "".join(f"Net,ooit{n},Q{n},1b,5,\n" for n in range(200))
    write(data_dir, "scores.csv", SCORE_HEADER + rows)
    assert main(["check", "--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0] == "Netwerkspiegel vond 3.200 problemen in de invoer. Er is niets geschreven."
    assert lines[1] == "Per soort (2 soorten), met de eerste drie voorbeelden:"
    assert lines[2] == "- 3.000 keer: score buiten de schaal van … tot en met …."
    assert lines[6] == "- 200 keer: onbekend meetmoment; gebruik bijvoorbeeld '2025-voorjaar', 'najaar 2025', '2026-11-24' of '24-11-2026'."
    assert len(lines) == 12 and len(err) < 3000
    assert lines[-1] == ("Dat bestand (alleen voor jou te lezen) bevat waarden uit de exports, zoals namen van deelnemers; "
                         "gooi het weg als je klaar bent. Netwerkspiegel ruimt het niet op.")
    full = Path(lines[-2].removeprefix("De volledige lijst staat in "))
    assert full.stat().st_mode & 0o077 == 0
    assert full.read_text("utf-8").count("\n- ") == 3200
    full.unlink()


# --- Excel workbooks as they come ---

def _workbook(path: Path, rows: list[list], hidden: dict[str, str] | None = None, merge: str | None = None) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Scores"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    for title, state in (hidden or {}).items():
        extra = book.create_sheet(title)
        extra.append(["netwerk", "meetmoment", "deelnemer", "indicator", "score"])
        extra.append(["Geheim", "2025-voorjaar", "X", "1a", 1])
        extra.sheet_state = state
    book.save(path)


HEADER = ["netwerk", "meetmoment", "deelnemer", "indicator", "score"]


def test_hidden_sheets_are_not_read_and_said(data_dir):
    _workbook(data_dir / "scores.xlsx", [HEADER, ["Net", "2025-voorjaar", "Anna", "1a", 7]], hidden={"Verborgen": "hidden", "Heel verborgen": "veryHidden"})
    assert scores(data_dir) == [("Net", "2025-voorjaar", "anna", "1a", 7.0)]
    found = warnings(data_dir)
    for sheet in ("Heel verborgen", "Verborgen"):
        assert f"scores.xlsx, blad '{sheet}': dit blad is verborgen in Excel en wordt niet gelezen; maak het zichtbaar als het gegevens bevat die meetellen." in found


def test_formulas_without_a_value_and_merged_cells_are_said(data_dir):
    _workbook(data_dir / "scores.xlsx", [HEADER, ["Net", "2025-voorjaar", "Anna", "1a", "=3+4"], ["Net", "2025-voorjaar", "Bert", "1a", 6], ["Net", "2025-voorjaar", "Bert", "1b", 6]], merge="A3:A4")
    assert problems(data_dir) == [
        "scores.xlsx, blad 'Scores', rij 2, kolom 'score', waarde '=3+4': deze cel heeft een formule zonder berekende waarde (het "
        "programma dat het bestand opsloeg, rekende formules niet uit). Open het bestand in Excel en sla het opnieuw op.",
        "scores.xlsx, blad 'Scores', rij 4, kolom 'netwerk', waarde '': netwerk ontbreekt.",
    ]
    (data_dir / "scores.xlsx").unlink()
    _workbook(data_dir / "scores.xlsx", [HEADER, ["Net", "2025-voorjaar", "Bert", "1a", 6], ["", "", "", "", ""]], merge="A3:B3")
    assert "scores.xlsx, blad 'Scores': dit blad heeft samengevoegde cellen (A3:B3). Alleen de eerste cel van zo'n samenvoeging heeft een waarde; de andere zijn leeg voor Netwerkspiegel. Maak de samenvoeging ongedaan en vul elke cel." in warnings(data_dir)


def test_excels_lock_file_is_skipped_and_said(data_dir):
    _workbook(data_dir / "scores.xlsx", [HEADER, ["Net", "2025-voorjaar", "Anna", "1a", 7]])
    (data_dir / "~$scores.xlsx").write_bytes(b"\x0bAnna      " + b"\x00" * 150)
    assert scores(data_dir) == [("Net", "2025-voorjaar", "anna", "1a", 7.0)]
    assert "~$scores.xlsx: overgeslagen: dit is het tijdelijke slotbestand dat Excel maakt zolang 'scores.xlsx' open staat." in warnings(data_dir)


def _zip_bomb(path: Path, part: str, size: int) -> None:
    """A real workbook whose `part` unpacks to `size` bytes of spaces (a few MB on disk)."""
    from tests.exports import microsoft_forms_xlsx

    microsoft_forms_xlsx(path, ["1a. x"], [])
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    chunk = b" " * (1 << 24)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for name, content in entries.items():
            if name != part:
                target.writestr(name, content)
        with target.open(part, "w", force_zip64=True) as handle:
            written = 0
            while written < size:
                step = min(len(chunk), size - written)
                handle.write(chunk[:step])
                written += step


@pytest.mark.parametrize("part, size", [("xl/sharedStrings.xml", 2 * 1024**3 - 1), ("xl/worksheets/sheet1.xml", 1024**3 + 5)])
def test_workbooks_that_unpack_to_gigabytes_are_refused(data_dir, part, size):
    path = data_dir / "bom.xlsx"
    _zip_bomb(path, part, size)
    [problem] = problems(data_dir)
    assert problem.startswith("bom.xlsx: het Excel-bestand pakt uit tot ") and "Netwerkspiegel leest werkmappen tot 1.024 MB en bladen tot 512 MB." in problem


def test_a_cell_longer_than_excel_allows_is_refused(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n" + "Net,2025-voorjaar," + "A" * 40_000 + ",1b,7,\n")
    assert problems(data_dir) == ["scores.csv, rij 3: een cel is langer dan 32.767 tekens (de grens van Excel)."]


def test_check_finds_what_build_fails_on_and_no_traceback_anywhere(tmp_path):
    """A folder with a bit of everything: `check` and `build` report the same, in Dutch, exit 1."""
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net\x07,2025-voorjaar,Anna,1a,7,\nNet,9999-voorjaar,Bert,1a,7,\n")
    write(data, "netwerkspiegel.toml", "[schaal]\nmaximum = inf\n")
    (data / "kapot.xlsx").write_bytes(b"PK\x03\x04 niet echt")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--data", "data"], cwd=tmp_path, capture_output=True, text=True, env=env)
    built = subprocess.run([sys.executable, "-m", "generator", "build", "--data", "data"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert check.returncode == built.returncode == 1
    assert check.stderr == built.stderr
    assert "Traceback" not in check.stderr and not re.search(r"\b(Error|error|Invalid|expected)\b", check.stderr)
    assert not (tmp_path / "site").exists()


def test_serve_on_a_port_in_use_is_a_clear_message(tmp_path, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--data", str(ROOT / "tests" / "golden" / "data"), "--src", str(tmp_path / "md"), "--out", str(tmp_path / "html"), "--port", str(port)])
    assert code == 2
    assert capsys.readouterr().err == f"Poort {port} op 127.0.0.1 is al in gebruik (of niet toegestaan); kies een andere met --port.\n"
    assert not (tmp_path / "html").exists()


@pytest.mark.parametrize("argv, message", [
    (["bouw"], "netwerkspiegel: fout: onbekende opdracht 'bouw' (kies uit 'build', 'check', 'init', 'cache', 'serve')"),
    (["build", "--audience", "iedereen"], "netwerkspiegel build: fout: optie --audience/--publiek: ongeldige keuze 'iedereen' (kies uit 'intern', 'publiek')"),
    (["serve", "--port", "tachtig"], "netwerkspiegel serve: fout: optie --port: 'tachtig' is geen geheel getal"),
])
def test_command_line_mistakes_are_said_in_dutch(capsys, argv, message):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: ") and err.rstrip().endswith(message), err


def test_control_characters_in_file_names_and_settings_never_reach_the_terminal(data_dir, capsys):
    (data_dir / "sco\nres\x1b[2J.csv").write_text(SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,77,\n", "utf-8")
    write(data_dir, "netwerkspiegel.toml", '[site]\nurl = "http://x/\\u001b[31m"\n')
    assert main(["check", "--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "sco\ufffdres\ufffd[2J.csv, rij 2, kolom 'score', waarde '77'" in err
    assert "sleutel 'site.url', waarde 'http://x/\ufffd[31m'" in err  # the escape character is shown as a replacement


def test_joiners_are_kept_where_they_join_and_removed_where_they_could_hide_a_word(tmp_path):
    """👩‍🏫 is one picture (a teacher), 🏳️‍🌈 a flag, Persian می‌خواهم is spelled with a non-joiner: kept.
    Between Latin letters a joiner joins nothing and could split a name: removed and said."""
    data = tmp_path / "data"
    data.mkdir()
    teacher, rainbow, persian = "👩\u200d🏫 Leraren", "Nederland 🏳\ufe0f\u200d🌈", "می\u200cخواهم"
    write(data, "scores.csv", SCORE_HEADER + f"{teacher},2025-voorjaar,Anna,1a,7,\n{rainbow},2025-voorjaar,Ann\u200da,1a,7,\n"
          f"{persian},2025-voorjaar,Anna,1a,7,\n")
    assert sorted({row[0] for row in scores(data)}) == sorted([teacher, rainbow, persian])
    assert {row[2] for row in scores(data)} == {"anna"}
    said = [warning for warning in warnings(data) if "onzichtbare tekens" in warning]
    assert said == ["scores.csv, rij 3: 1 onzichtbare tekens of stuurtekens verwijderd (zoals een zero-width space); de eerste staat in deze rij."]


def test_a_flag_is_named_as_a_character_the_reports_cannot_set():
    from generator.core import fonts

    assert fonts.unsettable("🇳🇱 Nederland 👩\u200d🏫") == "🇳🇱"
