"""Form exports by the tool that made them: Qualtrics, LimeSurvey (and the registry of dialects).

Microsoft Forms and Google Forms are tested in test_forms.py."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

import pytest

from generator.core.errors import Code, InputError
from generator.core.vocabulary import Audience, word
from generator.pipeline import generate, read_data
from generator.read import dialects
from generator.read.dialects import DIALECTS
from tests.conftest import SCORE_HEADER, readable, write
from tests.exports import (
    INDICATOR_QUESTIONS_NL,
    LIMESURVEY_COLUMNS,
    QUALTRICS_COLUMNS,
    REFLECTION_QUESTIONS_NL,
    limesurvey_csv,
    qualtrics_csv,
)

MARCH = dt.datetime(2026, 3, 12, 16, 8, 40)


def answers(value: str) -> list[str]:
    return [value] * 11


def test_qualtrics_reads_below_its_three_header_rows_and_lists_previews_and_unfinished_responses(data_dir):
    qualtrics_csv(data_dir / "Netwerkmonitor_12 maart 2026_16.10.csv", ["Welk netwerk?"] + INDICATOR_QUESTIONS_NL, [
        {"ended": MARCH, "first": "Anouk", "last": "de Vries", "email": "anouk.devries@school.nl", "answers": ["Rekenen"] + answers("6")},
        {"ended": MARCH, "status": "Survey Preview", "answers": ["Rekenen"] + answers("1")},
        {"ended": MARCH, "first": "Bram", "last": "Jansen", "email": "b.jansen@school.nl", "finished": "False",
         "answers": ["Rekenen"] + ["9"] * 3 + [""] * 8},
        {"ended": MARCH + dt.timedelta(hours=1), "first": "Carla", "last": "Smit", "email": "carla@school.nl", "answers": ["Rekenen"] + answers("8")},
    ])
    dataset = read_data(data_dir)
    assert sorted({(s.network, s.moment.label, s.value) for s in dataset.scores}) == [("Rekenen", "2026-voorjaar", 6.0), ("Rekenen", "2026-voorjaar", 8.0)]
    [table] = dataset.tables
    assert (table.dialect, table.rows, table.used, table.empty) == ("Qualtrics", 4, 2, 0)
    assert [(u.row, str(u.reason)) for u in table.unused] == [
        (5, "geen echt antwoord: Status 'Survey Preview' (een voorbeeld, test of spam in Qualtrics)"),
        (6, "niet afgemaakt: Finished 'False'"),
    ]
    assert table.unplaced_columns == ()
    # Every name in the export is an identity, the unfinished response's too.
    assert {"Anouk de Vries", "anouk.devries@school.nl", "Bram Jansen", "b.jansen@school.nl", "Carla Smit"} <= dataset.identities


def test_a_qualtrics_export_nobody_answered_yet_is_said_and_skipped(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,a,1a,6,\n")
    qualtrics_csv(data_dir / "leeg.csv", ["Welk netwerk?"] + INDICATOR_QUESTIONS_NL, [])
    dataset = read_data(data_dir)
    assert [t.file for t in dataset.tables] == ["scores.csv"]
    assert [(w.code, w.format()) for w in dataset.warnings if w.file == "leeg.csv"] == [
        (Code.HEADER_ONLY, "leeg.csv: het bestand bevat alleen de kopregels van een Qualtrics-export en nog geen antwoorden; het wordt overgeslagen."),
    ]


def test_a_qualtrics_problem_names_the_row_as_the_spreadsheet_shows_it(data_dir):
    qualtrics_csv(data_dir / "qualtrics.csv", ["Welk netwerk?"] + INDICATOR_QUESTIONS_NL, [
        {"ended": MARCH, "email": "a@school.nl", "answers": ["Rekenen"] + answers("6")},
        {"ended": MARCH, "email": "b@school.nl", "answers": ["Rekenen"] + ["66"] + answers("6")[1:]},
    ])
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    assert [p.format() for p in caught.value.report.problems] == [
        f"qualtrics.csv, rij 5, kolom '{INDICATOR_QUESTIONS_NL[0]}', waarde '66': score buiten de schaal van 1 tot en met 10.",
    ]


def test_qualtrics_with_numeric_values_and_without_the_import_id_row(data_dir):
    qualtrics_csv(data_dir / "numeriek.csv", ["Netwerk"] + INDICATOR_QUESTIONS_NL, [
        {"ended": MARCH, "email": "a@school.nl", "status": "0", "answers": ["Taal"] + answers("5")},
        {"ended": MARCH, "email": "b@school.nl", "status": "1", "answers": ["Taal"] + answers("5")},
        {"ended": MARCH, "email": "c@school.nl", "finished": "0", "answers": ["Taal"] + answers("5")},
    ], import_ids=False)
    [table] = read_data(data_dir).tables
    assert (table.rows, table.used, [u.row for u in table.unused]) == (3, 1, [4, 5])


def test_limesurvey_code_and_text_headings_skip_responses_that_were_never_sent(data_dir):
    limesurvey_csv(data_dir / "results-survey845123.csv", ["Welk netwerk?"] + INDICATOR_QUESTIONS_NL + REFLECTION_QUESTIONS_NL[:1], [
        {"started": MARCH, "submitted": MARCH + dt.timedelta(minutes=9), "token": "kq81x", "first": "Sanne", "last": "Bakker",
         "email": "sanne@pabo.nl", "answers": ["Lezen"] + answers("7") + ["De gesprekken over leesmotivatie"]},
        {"started": MARCH, "submitted": None, "token": "pz02m", "first": "Tom", "last": "Visser", "email": "tom@pabo.nl",
         "answers": ["Lezen"] + ["3"] + [""] * 10 + [""]},
    ])
    dataset = read_data(data_dir)
    [table] = dataset.tables
    assert (table.dialect, table.rows, table.used) == ("LimeSurvey", 2, 1)
    assert [(u.row, str(u.reason)) for u in table.unused] == [
        (3, "niet verstuurd: 'submitdate' is leeg (LimeSurvey bewaart ook antwoorden die niet zijn afgemaakt)"),
    ]
    assert {(s.network, s.moment.label, s.value) for s in dataset.scores} == {("Lezen", "2026-voorjaar", 7.0)}
    assert {"Tom Visser", "tom@pabo.nl", "pz02m", "Sanne Bakker"} <= dataset.identities


def test_limesurvey_reflections_with_full_text_headings(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Lezen,2026-voorjaar,sanne@pabo.nl,1a,6,\n")
    limesurvey_csv(data_dir / "reflecties.csv", ["Netwerk"] + REFLECTION_QUESTIONS_NL, [
        {"started": MARCH, "submitted": MARCH, "email": "sanne@pabo.nl",
         "answers": ["Lezen", "Fijn om te horen hoe anderen het doen", "", "Ik lees nu elke dag voor", "", "", "ja"]},
    ], headings="text")
    dataset = read_data(data_dir)
    assert [(r.cycle, r.public) for r in dataset.reflections] == [(1, True), (3, True)]
    assert dataset.tables[0].dialect == "LimeSurvey"


def test_limesurvey_question_codes_get_their_meaning_from_the_settings(data_dir):
    limesurvey_csv(data_dir / "codes.csv", ["Welk netwerk?", INDICATOR_QUESTIONS_NL[0]], [
        {"started": MARCH, "submitted": MARCH, "email": "sanne@pabo.nl", "answers": ["Lezen", "4"]},
    ], headings="code")
    (data_dir / "netwerkspiegel.toml").write_text('[kolommen]\nG01Q01 = "netwerk"\nG01Q02 = "1a"\n', "utf-8")
    dataset = read_data(data_dir)
    assert [(s.network, s.indicator, s.value) for s in dataset.scores] == [("Lezen", "1a", 4.0)]


def test_no_name_of_a_dialect_export_reaches_the_site(data_dir):
    qualtrics_csv(data_dir / "q.csv", ["Welk netwerk?"] + INDICATOR_QUESTIONS_NL, [
        {"ended": MARCH, "first": "Anouk", "last": "Verbeek", "email": "a.verbeek@school.nl", "answers": ["Rekenen"] + answers("6")},
        {"ended": MARCH, "first": "Ruud", "last": "Koster", "email": "r.koster@school.nl", "finished": "False", "answers": ["Rekenen"] + answers("2")},
    ])
    limesurvey_csv(data_dir / "l.csv", ["Welk netwerk?"] + REFLECTION_QUESTIONS_NL[:1], [
        {"started": MARCH, "submitted": MARCH, "first": "Sanne", "last": "Bakker", "email": "sanne@pabo.nl",
         "answers": ["Rekenen", "Anouk Verbeek en Ruud liet zien hoe het kan"]},
    ])
    files = generate(read_data(data_dir), Audience.INTERNAL).files
    text = "\n".join(readable(content) for content in files.values()).lower()
    for part in ("anouk", "verbeek", "ruud", "koster", "sanne", "bakker"):
        assert part not in text, part


def test_every_dialect_module_is_registered_and_recognises_its_own_headers():
    modules = sorted(m.name for m in pkgutil.iter_modules(dialects.__path__) if m.name != "base")
    assert modules == ["google_forms", "limesurvey", "microsoft_forms", "qualtrics"]
    assert [importlib.import_module(f"generator.read.dialects.{name}").DIALECT in DIALECTS for name in modules] == [True] * 4
    assert len(DIALECTS) == len(modules)
    headers = {
        "Qualtrics": tuple(c[0] for c in QUALTRICS_COLUMNS),
        "LimeSurvey": tuple(f"{code}. {text}" for code, text in LIMESURVEY_COLUMNS),
        "Microsoft Forms": ("Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam"),
        "Google Forms": ("Tijdstempel", "E-mailadres"),
    }
    for name, header in headers.items():
        assert [d.name for d in DIALECTS if d.recognises(header)][:1] == [name]
    assert not any(d.recognises(("netwerk", "meetmoment", "deelnemer", "indicator", "score", "situatie")) for d in DIALECTS)


def test_every_member_of_the_vocabulary_has_its_dutch_word():
    from generator.core import vocabulary

    for enum in vocabulary.WORDS:
        assert set(vocabulary.WORDS[enum]) == set(enum), enum
    assert word(vocabulary.Audience.PUBLIC) == "publiek" and word(vocabulary.Meaning.PUBLIC) == "openbaar"
