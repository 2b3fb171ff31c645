"""Real exports: Microsoft Forms (Excel) and Google Forms (CSV), Dutch and English, reflection forms,
meeting evaluations, merged network names and a data-quality account of every row."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.cli import main
from generator.core.errors import InputError
from generator.core.vocabulary import Audience, word
from generator.pipeline import generate, read_data
from tests.conftest import SCORE_HEADER, readable, write
from tests.exports import (
    INDICATOR_QUESTIONS_EN,
    INDICATOR_QUESTIONS_NL,
    REFLECTION_QUESTIONS_EN,
    REFLECTION_QUESTIONS_NL,
    google_forms_csv,
    microsoft_forms_xlsx,
)

MARCH = dt.datetime(2026, 3, 14, 10, 22, 31)


def answers(value: str, desired: str | None = None) -> list[str]:
    return [value] * 11 + ([desired] * 11 if desired is not None else [])


def problems(data_dir) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    return [problem.format() for problem in caught.value.report.problems]


def scores_of(dataset):
    return sorted((s.network, s.moment.label, s.participant, s.indicator, word(s.situation), s.value) for s in dataset.scores)


def test_microsoft_forms_dutch_export_with_network_from_settings_and_moment_from_time(data_dir):
    questions = INDICATOR_QUESTIONS_NL + [q.split(".")[0] + ". Hoe zou je het willen? (gewenst)" for q in INDICATOR_QUESTIONS_NL]
    microsoft_forms_xlsx(data_dir / "Dimensieraamwerk HB.xlsx", questions, [
        {"email": "Anna@School.nl", "name": "Anna", "completed": MARCH, "answers": answers("7 - vaak", "9 - bijna altijd")},
        {"email": "anonymous", "name": "Bert", "completed": MARCH + dt.timedelta(hours=1), "answers": answers("4", "8")},
        {"email": "anonymous", "name": "", "completed": dt.datetime(2026, 9, 2, 9, 0), "answers": answers("5", "6")},
    ])
    write(data_dir, "netwerkspiegel.toml", '[bestanden."Dimensieraamwerk HB.xlsx"]\nnetwerk = "Hoogbegaafdheid"\n')
    dataset = read_data(data_dir)
    found = scores_of(dataset)
    assert len(found) == 3 * 22
    assert ("Hoogbegaafdheid", "2026-voorjaar", "anna@school.nl", "1a", "huidig", 7.0) in found
    assert ("Hoogbegaafdheid", "2026-voorjaar", "anna@school.nl", "4d", "gewenst", 9.0) in found
    assert ("Hoogbegaafdheid", "2026-voorjaar", "bert", "3b", "huidig", 4.0) in found
    assert ("Hoogbegaafdheid", "2026-najaar", "antwoord 3 in dimensieraamwerk hb.xlsx", "2a", "gewenst", 6.0) in found
    [table] = dataset.tables
    assert (table.file, table.sheet, table.kind, table.form, table.rows, table.used) == ("Dimensieraamwerk HB.xlsx", "Form1", "scores", True, 3, 3)


def test_english_microsoft_forms_export_with_network_question_and_the_half_year_setting(data_dir):
    microsoft_forms_xlsx(data_dir / "responses.xlsx", ["Which network are you part of?"] + INDICATOR_QUESTIONS_EN, [
        {"email": "kim@school.org", "name": "Kim", "completed": dt.datetime(2026, 7, 1, 12), "answers": ["Inquiry learning"] + answers("6")},
    ], language="en")
    write(data_dir, "netwerkspiegel.toml", "[formulieren]\nvoorjaar_tot_en_met_maand = 6\n")
    assert {(s.network, s.moment.label) for s in read_data(data_dir).scores} == {("Inquiry learning", "2026-najaar")}


def test_the_later_response_counts_and_the_earlier_is_accounted_for(data_dir):
    microsoft_forms_xlsx(data_dir / "form.xlsx", ["Netwerk"] + INDICATOR_QUESTIONS_NL, [
        {"email": "anna@school.nl", "completed": MARCH + dt.timedelta(days=2), "answers": ["Net"] + answers("8")},
        {"email": "ANNA@school.nl", "completed": MARCH, "answers": ["Net"] + answers("3")},
    ])
    dataset = read_data(data_dir)
    assert {s.value for s in dataset.scores} == {8.0}
    [table] = dataset.tables
    assert (table.rows, table.used, [(u.row, str(u.reason)) for u in table.unused]) == (2, 1, [
        (3, "eerder antwoord van dezelfde deelnemer voor Net op 2026-voorjaar; het latere antwoord (form.xlsx, blad 'Form1' rij 2) telt"),
    ])


def test_google_forms_dutch_csv_merges_network_spellings_and_reports_partial_participants(data_dir):
    google_forms_csv(data_dir / "Kruisjes (antwoorden) - Formulierreacties 1.csv", ["Welk netwerk?"] + INDICATOR_QUESTIONS_NL, [
        {"email": "a@school.nl", "time": MARCH, "answers": ["Onderzoekend leren"] + answers("6")},
        {"email": "b@school.nl", "time": MARCH, "answers": ["onderzoekend  Leren"] + answers("7")},
        {"email": "c@school.nl", "time": MARCH, "answers": ["Onderzoekend leren"] + ["5"] * 9 + ["", ""]},
    ])
    dataset = read_data(data_dir)
    assert dataset.networks == ("Onderzoekend leren",)
    assert [w.format() for w in dataset.warnings] == [
        "Kruisjes (antwoorden) - Formulierreacties 1.csv, rij 4: deze deelnemer (Onderzoekend leren, 2026-voorjaar) vulde 9 van de 11 "
        "indicatoren in; ontbreekt: 4c, 4d. De ingevulde scores tellen mee.",
        "netwerknamen: 'Onderzoekend leren', 'onderzoekend Leren' zijn samengevoegd tot 'Onderzoekend leren' "
        "(ze verschillen alleen in hoofdletters, spaties of accenten).",
    ]


def test_google_forms_english_csv_reads_month_first_timestamps(data_dir):
    google_forms_csv(data_dir / "responses.csv", ["Network"] + INDICATOR_QUESTIONS_EN, [
        {"email": "a@school.org", "time": dt.datetime(2025, 9, 3, 15, 0), "answers": ["Gifted"] + answers("6")},
        {"email": "b@school.org", "time": dt.datetime(2026, 2, 1, 15, 0), "answers": ["Gifted"] + answers("6")},
    ], language="en")
    assert [m.label for m in read_data(data_dir).moments] == ["2025-najaar", "2026-voorjaar"]


def test_a_reflection_form_gives_one_reflection_per_answered_cycle(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Zelfgestuurd leren,2026-voorjaar,x@school.nl,1a,7,\n")
    microsoft_forms_xlsx(data_dir / "Reflecties.xlsx", ["Netwerk"] + REFLECTION_QUESTIONS_NL, [
        {"email": "x@school.nl", "completed": MARCH, "answers": ["Zelfgestuurd leren", "Fijne sfeer", "", "Nieuwe kijkwijzer", "", "", "Ja, dat mag"]},
        {"email": "y@school.nl", "completed": MARCH, "answers": ["Zelfgestuurd leren", "", "", "", "", "", "Nee"]},
    ])
    dataset = read_data(data_dir)
    assert [(r.cycle, r.text, r.public) for r in dataset.reflections] == [(1, "Fijne sfeer", True), (3, "Nieuwe kijkwijzer", True)]
    form = next(t for t in dataset.tables if t.file == "Reflecties.xlsx")
    assert [(u.row, str(u.reason)) for u in form.unused] == [(3, "geen antwoord op een waardevraag")]


def test_english_reflection_form_with_unclear_consent(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2026-voorjaar,x@school.org,1a,7,\n")
    google_forms_csv(data_dir / "stories.csv", ["Network"] + REFLECTION_QUESTIONS_EN, [
        {"email": "x@school.org", "time": MARCH, "answers": ["Net", "", "Contacts", "", "", "", "Maybe"]},
    ], language="en")
    assert problems(data_dir) == [
        "stories.csv, rij 2, kolom 'May your story be shared publicly (without your name)?', waarde 'Maybe': "
        "onduidelijke toestemming; alleen een duidelijk 'ja' maakt een verhaal openbaar. Gebruik 'ja' of 'nee' (leeg betekent 'nee').",
    ]


def test_form_errors_are_located(data_dir):
    microsoft_forms_xlsx(data_dir / "form.xlsx", ["Netwerk"] + INDICATOR_QUESTIONS_NL[:2], [
        {"email": "a@school.nl", "completed": MARCH, "answers": ["Net", "vaak", "12"]},
    ], extra_sheets={"Notities": [["Uitleg bij dit formulier"], ["Vul alles in"]], "Uitleg": [["Een blad met deze naam wordt nooit gelezen"]]})
    google_forms_csv(data_dir / "google.csv", ["Netwerk"] + INDICATOR_QUESTIONS_NL[:1], [
        {"email": "b@school.nl", "time": MARCH, "answers": ["Net", "5"]},
    ])
    text = (data_dir / "google.csv").read_text("utf-8").replace("14-3-2026 10:22:31", "gisteren")
    (data_dir / "google.csv").write_text(text, encoding="utf-8")
    (data_dir / "kapot.xlsx").write_bytes(b"PK\x03\x04 dit is geen werkmap")
    (data_dir / "geheim.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    microsoft_forms_xlsx(data_dir / "zonder netwerk.xlsx", INDICATOR_QUESTIONS_NL[:1], [
        {"email": "a@school.nl", "completed": MARCH, "answers": ["5"]},
    ])
    assert problems(data_dir) == [
        "form.xlsx, blad 'Form1', rij 2, kolom '1a. In welke mate richt de groep zich op speciale gebeurtenissen of worden de "
        "groepsactiviteiten in het dagelijkse werk geïntegreerd?', waarde 'vaak': dit antwoord begint niet met een getal; "
        "gebruik een getal of een keuze als '7 - vaak'.",
        "form.xlsx, blad 'Form1', rij 2, kolom '1b. In welke mate laat de groep tijdelijke of permanente sociale activiteiten zien?', "
        "waarde '12': score buiten de schaal van 1 tot en met 10.",
        "form.xlsx, blad 'Notities', rij 1, waarde 'Uitleg bij dit formulier': herken het soort bestand niet aan de kopregel. "
        "Scores hebben de kolommen netwerk, meetmoment, deelnemer, indicator, score (en eventueel situatie); reflecties hebben "
        "netwerk, meetmoment of datum, deelnemer, waarde, reflectie (en eventueel openbaar, niveau, titel). Een formulier heeft "
        "vragen die met een indicator beginnen ('1a. …'), vragen per waardecyclus ('Directe waarde: …') of tops en tips; eigen "
        "kolomkoppen kun je in netwerkspiegel.toml onder [kolommen] een betekenis geven.",
        "geheim.xlsx: het Excel-bestand is beveiligd met een wachtwoord (of is een oud .xls-bestand); sla het op als .xlsx zonder wachtwoord.",
        "google.csv, rij 2, kolom 'Tijdstempel', waarde 'gisteren': geen datum en tijd; verwacht bijvoorbeeld '2025-03-14 10:22:31' of '14-3-2025 10:22'.",
        "kapot.xlsx: het Excel-bestand is beschadigd of geen echt .xlsx-bestand; open het in Excel en sla het opnieuw op als .xlsx.",
        "zonder netwerk.xlsx, blad 'Form1', rij 1, kolom 'netwerk': geen kolom met het netwerk. Voeg een kolom 'Netwerk' toe, "
        "of zet in netwerkspiegel.toml: [bestanden.\"zonder netwerk.xlsx\"] netwerk = \"…\".",
    ]


@pytest.mark.slow  # a public build: prepares Deduce in a fresh cache
def test_meeting_evaluations_canonical_and_from_a_form_are_internal_only(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2026-voorjaar,a@school.nl,1a,7,\n")
    write(data_dir, "evaluaties.csv", "netwerk;datum;tops;tips;cijfer\nNet;12-03-2026;Goede gesprekken;Meer tijd;7,5\nNet;12-03-2026;<b>Fijn</b>;;8\n")
    microsoft_forms_xlsx(data_dir / "Evaluatie bijeenkomst.xlsx", ["Netwerk", "Wat ging goed?", "Wat kan de volgende keer beter?", "Rapportcijfer"], [
        {"email": "a@school.nl", "completed": dt.datetime(2026, 4, 9, 16, 30), "answers": ["Net", "De werkvorm", "Eerder beginnen", "9 - heel goed"]},
    ])
    dataset = read_data(data_dir)
    assert sorted((e.date.isoformat(), e.tops, e.tips, e.rating) for e in dataset.evaluations) == [
        ("2026-03-12", "<b>Fijn</b>", "", 8.0), ("2026-03-12", "Goede gesprekken", "Meer tijd", 7.5),
        ("2026-04-09", "De werkvorm", "Eerder beginnen", 9.0),
    ]
    internal = generate(dataset, Audience.INTERNAL).files["netwerken/net.md"].decode("utf-8")
    assert "## Bijeenkomsten" in internal and "&lt;b&gt;Fijn&lt;/b&gt;" in internal and ('<tr><td>12-03-2026</td><td style="text-align: right;">2</td><td style="text-align: right;">7,8</td>'
                                                                                              '<td style="text-align: right;">2</td></tr>') in internal
    public = generate(dataset, Audience.PUBLIC).files
    assert not any("Goede gesprekken" in readable(content) for content in public.values())
    assert "kwaliteit.md" not in public


def test_data_quality_accounts_for_every_row(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2026-voorjaar,a,1a,7,\n\nNet,2026-voorjaar,a,1a,7,\nNet,2026-voorjaar,b,1a,6,\n")
    dataset = read_data(data_dir)
    [table] = dataset.tables
    assert (table.rows, table.used, len(table.unused), table.empty) == (4, 2, 1, 1)
    assert table.used + len(table.unused) + table.empty == table.rows
    page = generate(dataset, Audience.INTERNAL).files["kwaliteit.md"].decode("utf-8")
    assert "| scores\\.csv | 4 | herhaalt scores\\.csv rij 2 \\(zelfde deelnemer, indicator, meetmoment en score\\); één keer geteld |" in page
    assert "| **Totaal** | | **4** | **2** | **1** | **1** |" in page


def test_check_lists_unplaced_columns_with_a_suggested_mapping_and_the_mapping_works(data_dir, capsys):
    microsoft_forms_xlsx(data_dir / "form.xlsx", ["Netwerk", "Welke school?", "Hoe sterk of zwak zijn de relaties in de groep?"] + INDICATOR_QUESTIONS_NL[:1], [
        {"email": "a@school.nl", "completed": MARCH, "answers": ["Net", "De Linde", "4", "6"]},
    ])
    assert main(["check", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out.split("\nLet op (", 1)[0]  # the warnings follow, on stdout too
    assert out.endswith(
        "Kolommen die Netwerkspiegel niet kon plaatsen (ze worden niet gebruikt):\n"
        "- form.xlsx (blad 'Form1'): 'Welke school?'\n"
        "- form.xlsx (blad 'Form1'): 'Hoe sterk of zwak zijn de relaties in de groep?'\n"
        "Geef ze zo nodig een betekenis in netwerkspiegel.toml, bijvoorbeeld:\n"
        "\n"
        "[kolommen]\n"
        "\"Welke school?\" = \"negeren\"\n"
        "\"Hoe sterk of zwak zijn de relaties in de groep?\" = \"3b\"\n"
        "\n"
        "Per netwerk:\n"
        "- Net: deelnemers 2026-voorjaar: 1; 0 reflecties, waarvan 0 openbaar\n"
        "\n"
        "Persoonsgegevens: deze bestanden bevatten gegevens van deelnemers. Op een site komen die nooit zo terecht, maar de "
        "bestanden zelf horen alleen in een privé-repository of op je eigen computer, nooit in een openbare repository: wie de "
        "repository kan lezen, kan ze lezen.\n"
        "- form.xlsx: namen, e-mailadressen of codes van deelnemers\n"
    )
    write(data_dir, "netwerkspiegel.toml", '[kolommen]\n"Welke school?" = "negeren"\n"Hoe sterk of zwak zijn de relaties in de groep?" = "3b"\n')
    dataset = read_data(data_dir)
    assert sorted((s.indicator, s.value) for s in dataset.scores) == [("1a", 6.0), ("3b", 4.0)]
    assert dataset.tables[0].unplaced_columns == ()


def test_a_bad_mapping_is_reported(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2026-voorjaar,a,1a,7,\n")
    write(data_dir, "netwerkspiegel.toml", '[kolommen]\n"Welke school?" = "school"\n')
    assert problems(data_dir) == [
        "netwerkspiegel.toml, sleutel 'kolommen.\"Welke school?\"', waarde 'school': onbekende betekenis; gebruik een indicator "
        "('3b' of '3b gewenst'), een waardecyclus ('direct', 'potentieel', 'toegepast', 'gerealiseerd', 'transformatief') of een van: "
        "achternaam, afspraak, cijfer, datum, deelnemer, e-mail, gedeeld beeld, id, indicator, meetmoment, naam, negeren, netwerk, niveau, "
        "openbaar, reflectie, rol, score, situatie, soort, tijdstip, tips, titel, toelichting, tops, verhaal, voornaam, waarde.",
    ]


def test_a_canonical_table_in_a_workbook_with_numbers_and_dates(data_dir):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Scores"
    sheet.append(["Netwerk", "Meetmoment", "Deelnemer", "Indicator", "Score", "Situatie"])
    sheet.append(["Net", dt.datetime(2025, 10, 1), "Anna", "1a", 6.5, "huidig"])
    sheet.append(["Net", "2025-najaar", "Anna", "1b", 7, "desired"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Net", "2025-najaar", "Bert", "1b", 4, None])
    workbook.create_sheet("Leeg")
    workbook.save(data_dir / "scores.xlsx")
    dataset = read_data(data_dir)
    assert scores_of(dataset) == [
        ("Net", "2025-10-01", "anna", "1a", "huidig", 6.5),
        ("Net", "2025-najaar", "anna", "1b", "gewenst", 7.0),
        ("Net", "2025-najaar", "bert", "1b", "huidig", 4.0),
    ]
    [table] = dataset.tables
    assert (table.name, table.rows, table.used, table.empty) == ("scores.xlsx (blad 'Scores')", 4, 3, 1)
