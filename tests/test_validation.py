"""Bad input: every problem at once, located, in Dutch, exit code 1, no traceback, nothing written."""

from __future__ import annotations

import pytest

from generator.cli import main
from generator.core.errors import InputError
from generator.core.vocabulary import word
from generator.pipeline import read_data
from tests.conftest import REFLECTION_HEADER, SCORE_HEADER, write


def problems(data_dir) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    return [problem.format() for problem in caught.value.report.problems]


def test_every_cell_problem_is_reported_with_file_row_column_and_value(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER
          + "Zelfgestuurd leren,2025-voorjaar,anna@school.nl,1a,7,huidig\n"
          + "Zelfgestuurd leren,2025-voorjaar,anna@school.nl,5a,7,huidig\n"
          + "Zelfgestuurd leren,2025-voorjaar,anna@school.nl,1b,12,huidig\n"
          + "Zelfgestuurd leren,2025-voorjaar,anna@school.nl,2a,veel,huidig\n"
          + "Zelfgestuurd leren,ooit,anna@school.nl,2b,5,huidig\n"
          + "Zelfgestuurd leren,2025-voorjaar,,3a,5,later\n")
    assert problems(data_dir) == [
        "scores.csv, rij 3, kolom 'indicator', waarde '5a': onbekende indicator; geldig zijn 1a, 1b, 2a, 2b, 3a, 3b, 3c, 4a, 4b, 4c, 4d.",
        "scores.csv, rij 4, kolom 'score', waarde '12': score buiten de schaal van 1 tot en met 10.",
        "scores.csv, rij 5, kolom 'score', waarde 'veel': geen getal; verwacht een getal van 1 tot en met 10.",
        "scores.csv, rij 6, kolom 'meetmoment', waarde 'ooit': onbekend meetmoment; gebruik bijvoorbeeld '2025-voorjaar', 'najaar 2025', '2026-11-24' of '24-11-2026'.",
        "scores.csv, rij 7, kolom 'deelnemer', waarde '': deelnemer ontbreekt.",
        "scores.csv, rij 7, kolom 'situatie', waarde 'later': onbekende situatie; gebruik 'huidig' of 'gewenst' (leeg betekent 'huidig').",
    ]


def test_conflicting_duplicate_scores_name_both_rows(data_dir):
    write(data_dir, "a.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,huidig\n")
    write(data_dir, "b.csv", SCORE_HEADER + "Net,2025-voorjaar,Bert,1a,6,\nNet,voorjaar 2025,ANNA,1A.,6,huidig\n")
    assert problems(data_dir) == [
        "b.csv, rij 3, kolom 'score', waarde '6': dezelfde deelnemer gaf voor 1a op 2025-voorjaar (huidig) al score 7 in a.csv rij 2; welke klopt?",
    ]


def test_reflection_problems(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "reflecties.csv", REFLECTION_HEADER
          + "Net,2025-voorjaar,Anna,direct,Leuk,ja\n"
          + "Net,2025-voorjaar,Anna,heel veel,Leuk,ja\n"
          + "Net,2025-voorjaar,Anna,toegepast,Leuk,misschien\n"
          + "Net,2025-voorjaar,Anna,5,,nee\n")
    assert problems(data_dir) == [
        "reflecties.csv, rij 3, kolom 'waarde', waarde 'heel veel': onbekende waardecyclus; gebruik direct, potentieel, toegepast, gerealiseerd, transformatief of 1 tot en met 5.",
        "reflecties.csv, rij 4, kolom 'openbaar', waarde 'misschien': onduidelijke toestemming; alleen een duidelijk 'ja' maakt een verhaal openbaar. Gebruik 'ja' of 'nee' (leeg betekent 'nee').",
        "reflecties.csv, rij 5, kolom 'reflectie', waarde '': de reflectie is leeg.",
    ]


def test_file_level_problems(data_dir):
    write(data_dir, "leeg.csv", "")
    write(data_dir, "kop.csv", SCORE_HEADER)
    (data_dir / "plaatje.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(data_dir, "mist.csv", "netwerk,meetmoment,indicator,score\nNet,2025-voorjaar,1a,7\n")
    write(data_dir, "vreemd.csv", "naam,leeftijd\nAnna,40\n")
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    assert problems(data_dir) == [
        "leeg.csv: het bestand is leeg.",
        "mist.csv, rij 1, kolom 'deelnemer': verplichte kolom ontbreekt in dit scorebestand.",
        "plaatje.csv: dit is geen tekstbestand; bewaar het als CSV (UTF-8 of Windows-1252).",
        "vreemd.csv, rij 1, waarde 'naam, leeftijd': herken het soort bestand niet aan de kopregel. Scores hebben de kolommen "
        "netwerk, meetmoment, deelnemer, indicator, score (en eventueel situatie); reflecties hebben netwerk, meetmoment of datum, "
        "deelnemer, waarde, reflectie (en eventueel openbaar, niveau, titel).",
    ]


def test_a_file_with_only_a_header_is_skipped_and_said(data_dir):
    write(data_dir, "kop.csv", SCORE_HEADER)
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    assert next(w.format() for w in read_data(data_dir).warnings) == "kop.csv: het bestand bevat alleen een kopregel en nog geen gegevens; het wordt overgeslagen."


def test_a_folder_without_scores(data_dir):
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,direct,Leuk,ja\n")
    assert problems(data_dir) == [
        "data: geen scores gevonden. Zet minstens één export met scores in deze map: een CSV- of Excel-bestand met de kolommen "
        "netwerk, meetmoment, deelnemer, indicator en score, of een formulier met vragen die met een indicator beginnen ('1a. …').",
    ]


def test_settings_report_every_bad_key(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,4,\n")
    write(data_dir, "netwerkspiegel.toml", '[schaal]\nminimum = 5\nmaximum = 3\nmaximun = 9\n[publiek]\nminimale_groep = "vijf"\n')
    assert problems(data_dir) == [
        "netwerkspiegel.toml, sleutel 'publiek.minimale_groep', waarde 'vijf': moet een geheel getal zijn.",
        "netwerkspiegel.toml, sleutel 'schaal.maximun': onbekende instelling. Bedoelde je 'schaal.maximum'? Geldig zijn: schaal.minimum, schaal.maximum, publiek.minimale_groep, site.titel, formulieren.voorjaar_tot_en_met_maand, site.organisatie, site.logo, site.kleur, site.voettekst, site.url, site.taal, publiek.behoud.",
        "netwerkspiegel.toml, sleutel 'schaal.minimum', waarde '5': het minimum moet kleiner zijn dan het maximum (3).",
    ]  # a scale that contradicts itself: the settings alone; the scores are judged once it is right


def test_the_score_scale_is_configurable(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,\"4,5\",\nNet,2025-voorjaar,Anna,1b,6,\n")
    write(data_dir, "netwerkspiegel.toml", "[schaal]\nminimum = 0\nmaximum = 5\n")
    assert problems(data_dir) == [
        "scores.csv, rij 3, kolom 'score', waarde '6': score buiten de schaal van 0 tot en met 5.",
    ]


def test_exports_as_spreadsheets_write_them(data_dir):
    """Semicolons, decimal commas, Windows-1252, CRLF, a BOM, English headers in any case."""
    write(data_dir, "excel.csv", "Netwerk ; Meet Moment;DEELNEMER;Indicator;Score\r\nHoogbegaafdheid;najaar 2025;José;1a;7,5\r\n", encoding="cp1252")
    write(data_dir, "bom.csv", "\ufeffNetwork,Moment,Participant,Indicator,Score,Situation\nHoogbegaafdheid,24-11-2026,josé,1b.,8,desired\n")
    dataset = read_data(data_dir)
    assert [(s.participant, s.moment.label, s.indicator, s.value, word(s.situation)) for s in dataset.scores] == [
        ("jose", "2026-11-24", "1b", 8.0, "gewenst"),  # José and josé are one person: one key
        ("jose", "2025-najaar", "1a", 7.5, "huidig"),
    ]


def test_cli_reports_problems_with_exit_code_1_and_writes_nothing(data_dir, tmp_path, capsys):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,9z,7,\n")
    code = main(["build", "--data", str(data_dir), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == (
        "Netwerkspiegel vond 1 probleem in de invoer. Er is niets geschreven.\n"
        "- scores.csv, rij 2, kolom 'indicator', waarde '9z': onbekende indicator; geldig zijn 1a, 1b, 2a, 2b, 3a, 3b, 3c, 4a, 4b, 4c, 4d.\n"
    )
    assert "Traceback" not in captured.err
    assert not (tmp_path / "src").exists() and not (tmp_path / "out").exists()


def test_check_summarises_what_was_read(data_dir, capsys):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-najaar,Anna,1a,7,\nNet,2025-voorjaar,Bert,1a,6,\n")
    write(data_dir, "notities.txt", "los bestand")
    assert main(["check", "--data", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert "Let op" not in captured.err  # where the verdict points, in the same stream
    assert captured.out.split("\n\nLet op (2):\n")[0] + "\n" == (
        "De gegevens zijn in orde, op 2 waarschuwingen na (zie 'Let op').\n"
        "Gelezen: 1 tabel, 2 scores, 0 reflecties en 0 evaluaties van 2 deelnemers in 1 netwerk.\n"
        "Meetmomenten (in volgorde): 2025-voorjaar, 2025-najaar.\n"
        "Schaal: 1 tot en met 10; publieke groepscijfers vanaf 5 deelnemers.\n"
        "\n"
        "Per bestand of blad:\n"
        "- scores.csv: scores (tabel), 2 rijen (2 gebruikt); netwerken: Net; meetmomenten: 2025-voorjaar, 2025-najaar\n"
        "  gelezen: 2 scores\n"
        "  kolommen:\n"
        "    A 'netwerk': netwerk\n"
        "    B 'meetmoment': meetmoment\n"
        "    C 'deelnemer': deelnemer (identiteit)\n"
        "    D 'indicator': indicator\n"
        "    E 'score': score\n"
        "    F 'situatie': situatie\n"
        "\n"
        "Niet gelezen (geen CSV of Excel): notities.txt\n"
        "\n"
        "Per netwerk:\n"
        "- Net: deelnemers 2025-voorjaar: 1 · 2025-najaar: 1; 0 reflecties, waarvan 0 openbaar\n"
        "\n"
        "Persoonsgegevens: deze bestanden bevatten gegevens van deelnemers. Op een site komen die nooit zo terecht, maar de "
        "bestanden zelf horen alleen in een privé-repository of op je eigen computer, nooit in een openbare repository: wie de "
        "repository kan lezen, kan ze lezen.\n"
        "- scores.csv: namen, e-mailadressen of codes van deelnemers\n"
    )


def test_per_file_and_per_network_settings_report_unknown_keys(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "netwerkspiegel.toml",
          '[bestanden."x.xlsx"]\nnetwerk = ""\n[netwerken."Net"]\nthema = "Samen leren"\nkleur = "rood"\n')
    assert problems(data_dir) == [
        "netwerkspiegel.toml, sleutel 'bestanden.\"x.xlsx\".netwerk', waarde '': moet de naam van een netwerk zijn.",
        "netwerkspiegel.toml, sleutel 'netwerken.\"Net\".kleur': onbekende instelling; hier kunnen alleen 'thema', 'grootte' worden gezet.",
    ]
    write(data_dir, "netwerkspiegel.toml", '[netwerken." net "]\nthema = "Samen leren"\ngrootte = 14\n')
    dataset = read_data(data_dir)
    assert dataset.themes == (("Net", "Samen leren"),) and dataset.network_sizes == (("Net", 14),)


@pytest.mark.parametrize("size", ["0", "12.5", '"veertien"', "true", "100000"])
def test_a_network_size_is_a_whole_number_of_members(data_dir, size):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "netwerkspiegel.toml", f'[netwerken."Net"]\ngrootte = {size}\n')
    shown = {"12.5": "12.5", '"veertien"': "veertien", "true": "True"}.get(size, size)
    assert problems(data_dir) == [
        f"netwerkspiegel.toml, sleutel 'netwerken.\"Net\".grootte', waarde '{shown}': moet een heel getal van 1 tot en met 10.000 (hoeveel leden het netwerk heeft) zijn."]


def test_scores_spread_over_files_count_once_per_participant(data_dir):
    """The cross-file checks over a participant's scores in several files: split over two files is
    complete, a score repeated in another file counts once, a participant who skipped indicators is
    partial, and a name and e-mail linked in one row are one participant everywhere."""
    codes = ["1a", "1b", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d"]
    first = "".join(f"Net,2025-voorjaar,anna@school.nl,{code},5,huidig\n" for code in codes[:6])
    first += "".join(f"Net,2025-voorjaar,bert@school.nl,{code},6,huidig\n" for code in codes[:9])
    second = "".join(f"Net,2025-voorjaar,Anna@School.nl,{code},5,huidig\n" for code in codes[5:])  # 3b again, same score
    second += "".join(f"Net,2025-voorjaar,cor@school.nl,{code},4,huidig\n" for code in codes)
    write(data_dir, "a.csv", SCORE_HEADER + first)
    write(data_dir, "b.csv", SCORE_HEADER + second)
    dataset = read_data(data_dir)
    assert [w.format() for w in dataset.warnings] == [
        "a.csv, rij 8: deze deelnemer (Net, 2025-voorjaar) vulde 9 van de 11 indicatoren in; ontbreekt: 4c, 4d. De ingevulde scores tellen mee.",
        "b.csv, rij 2: herhaalt a.csv rij 7 (zelfde deelnemer, indicator, meetmoment en score); één keer geteld.",
    ]
    assert len(dataset.scores) == 11 + 9 + 11
    assert {s.participant for s in dataset.scores} == {"anna@school.nl", "bert@school.nl", "cor@school.nl"}


def test_one_file_named_twice_under_bestanden_is_a_problem_not_a_guess(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "netwerkspiegel.toml", '[bestanden."scores.csv"]\nmeetmoment = "2025-voorjaar"\n[bestanden."scores.csv "]\nmeetmoment = "2025-najaar"\n')
    assert problems(data_dir)[0] == (
        "netwerkspiegel.toml, sleutel 'bestanden.\"scores.csv \".meetmoment': 'scores.csv ' is dezelfde naam als 'scores.csv', dat hier al een "
        "waarde heeft (spaties tellen niet); welke geldt? Haal een van beide weg.")
