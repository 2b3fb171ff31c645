"""Real exports that hold everything in one form, and every column of every file accounted for.

The fixtures keep each program's own structure (`tests/exports.py`: Microsoft Forms' Excel columns,
Google Forms' time stamp and e-mail, Qualtrics' three header rows and metadata, LimeSurvey's codes,
participant list and anonymised dates); only the questions are a coach's."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from generator.analyse.report import column_lines, summary
from generator.cli import main
from generator.core.errors import Code, InputError
from generator.core.language import Language, translations
from generator.core.model import NotRead
from generator.core.vocabulary import TableKind
from generator.pipeline import read_data
from tests.conftest import SCORE_HEADER, write
from tests.exports import (
    INDICATOR_QUESTIONS_EN,
    INDICATOR_QUESTIONS_NL,
    REFLECTION_QUESTIONS_EN,
    REFLECTION_QUESTIONS_NL,
    google_forms_csv,
    limesurvey_csv,
    microsoft_forms_xlsx,
    qualtrics_csv,
)

MARCH = dt.datetime(2026, 3, 14, 10, 22, 31)
DESIRED_NL = [q.split(".")[0] + ". Gewenste situatie: hoe zou je het willen?" for q in INDICATOR_QUESTIONS_NL]
EVALUATION_NL = ["Wat ging goed?", "Wat kan de volgende keer beter?", "Welk rapportcijfer geef je deze bijeenkomst?"]
STORIES = ["We plannen nu samen lessen.", "Ik gebruik de rubric van Marieke.", "", "Leerlingen stellen betere vragen.", ""]


def problems(data_dir) -> list[tuple[str, str | None, int | None, str | None, str | None, str]]:
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    return [(p.file, p.sheet, p.row, p.column, p.value, p.code) for p in caught.value.report.problems]


def messages(data_dir) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    return [p.format() for p in caught.value.report.problems]


def accounted(table) -> dict[str, object]:
    """Every column of a table: what it is read as (a meaning, with its detail), or why not."""
    assert [c.column for c in table.columns] == list(range(len(table.columns)))
    return {c.header: (c.meaning.value, *c.detail) if c.meaning else c.not_read.value for c in table.columns}


def read_exactly(data_dir, *, scores: int, reflections: int, public: int, moments: set[str], evaluations: int = 0):
    """The data set of an export, asserted whole: how many scores, reflections, consented reflections
    and evaluations it gave, at which moments, and that `check` accounts for every column of every file
    (each read as something, or named with why not; none it could not place)."""
    dataset = read_data(data_dir)
    assert (len(dataset.scores), len(dataset.reflections), sum(r.public for r in dataset.reflections), len(dataset.evaluations)) == (
        scores, reflections, public, evaluations)
    assert {m.label for m in dataset.moments} == moments
    text = summary(dataset)
    for table in dataset.tables:
        assert NotRead.UNPLACED.value not in accounted(table).values(), table.name
        shown = set()
        for line in column_lines(table, dataset.framework, translations(Language.DUTCH)):
            first, _, last = re.match(r"([A-Z]+)(?:–([A-Z]+))?", line).group(0).partition("–")
            shown.update(range(column_index(first), column_index(last or first) + 1))
        assert shown == set(range(len(table.columns))), table.name  # check names every column
        assert "  kolommen:\n" in text
    return dataset


def column_index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def everything_form(data_dir, consent: tuple[str, str, str] = ("Ja", "Nee", "ja, dat mag"), quiz: bool = False):
    """Microsoft Forms, one form with role, crosses now and desired, a story per cycle, consent and the meeting."""
    questions = ["Netwerk", "Wat is je rol?", *INDICATOR_QUESTIONS_NL, *DESIRED_NL, *REFLECTION_QUESTIONS_NL, *EVALUATION_NL]
    people = [("anna.devries@school.nl", "Anna de Vries", "leraar"), ("bert.jansen@school.nl", "Bert Jansen", "pabostudent"),
              ("carla@hu.nl", "Carla Smit", "onderzoeker")]
    responses = []
    for number, ((email, name, role), given) in enumerate(zip(people, consent, strict=True)):
        stories = STORIES if number == 0 else ["", "", f"Ik doe nu iets anders ({name.split()[0]}).", "", ""]
        responses.append({"email": email, "name": name, "completed": MARCH + dt.timedelta(minutes=number),
                          "answers": ["Hoogbegaafdheid", role, *[str(5 + number)] * 11, *["8"] * 11, *stories, given,
                                      "Fijn gesprek", "Korter inleiden", str(7 + number)]})
    return microsoft_forms_xlsx(data_dir / "Alles in één formulier.xlsx", questions, responses, quiz=quiz)


def test_one_form_with_scores_reflections_consent_and_evaluation_reads_every_part(data_dir):
    everything_form(data_dir)
    dataset = read_exactly(data_dir, scores=3 * 22, reflections=5, public=4, evaluations=3, moments={"2026-voorjaar"})
    assert {s.role for s in dataset.scores if s.role} == {"leraar", "pabostudent", "onderzoeker"}
    reflections = sorted((r.participant, r.cycle, r.text, r.public) for r in dataset.reflections)
    assert reflections == [
        ("anna.devries@school.nl", 1, "We plannen nu samen lessen.", True),
        ("anna.devries@school.nl", 2, "Ik gebruik de rubric van Marieke.", True),
        ("anna.devries@school.nl", 4, "Leerlingen stellen betere vragen.", True),
        ("bert.jansen@school.nl", 3, "Ik doe nu iets anders (Bert).", False),
        ("carla@hu.nl", 3, "Ik doe nu iets anders (Carla).", True),
    ]
    assert sorted((e.date.isoformat(), e.tops, e.tips, e.rating) for e in dataset.evaluations) == [
        ("2026-03-14", "Fijn gesprek", "Korter inleiden", 7.0), ("2026-03-14", "Fijn gesprek", "Korter inleiden", 8.0),
        ("2026-03-14", "Fijn gesprek", "Korter inleiden", 9.0)]
    [table] = dataset.tables
    assert table.parts == (TableKind.SCORES, TableKind.REFLECTIONS, TableKind.EVALUATIONS)
    assert table.counts == ((TableKind.SCORES, 66), (TableKind.REFLECTIONS, 5), (TableKind.EVALUATIONS, 3))
    assert (table.rows, table.used, table.public, table.times) == (3, 3, 4, ("2026-03-14", "2026-03-14"))
    columns = accounted(table)
    assert len(columns) == 6 + 2 + 22 + 6 + 3
    assert NotRead.UNPLACED.value not in columns.values()
    assert columns["Wat is je rol?"] == ("role",)
    assert columns[INDICATOR_QUESTIONS_NL[0]] == ("indicator question", "1a", "current")
    assert columns[DESIRED_NL[10]] == ("indicator question", "4d", "desired")
    assert columns[REFLECTION_QUESTIONS_NL[2]] == ("cycle question", 3)
    assert columns[REFLECTION_QUESTIONS_NL[5]] == ("public",)
    assert columns["Welk rapportcijfer geef je deze bijeenkomst?"] == ("rating",)
    assert columns["Naam"] == ("name",) and columns["E-mail"] == ("e-mail",)
    text = summary(dataset)
    assert "- Alles in één formulier.xlsx (blad 'Form1'): scores, reflecties en evaluaties (Microsoft Forms-export), 3 rijen (3 gebruikt)" in text
    assert "  gelezen: 66 scores, 5 reflecties (waarvan 4 openbaar), 3 evaluaties\n  antwoorden op 14-03-2026\n" in text
    assert "    I–S: score voor 1a … 4d (huidig)\n    T–AD: score voor 1a … 4d (gewenst)\n" in text
    assert "    AG 'Toegepaste waarde: wat doe je nu anders in je pra…': reflectie over toegepaste waarde\n" in text
    assert "    AJ 'Mag je verhaal openbaar gedeeld worden (zonder na…': toestemming om te delen\n" in text
    assert "- Hoogbegaafdheid: deelnemers 2026-voorjaar: 3; 5 reflecties, waarvan 4 openbaar" in text


def test_a_form_in_quiz_mode_reads_the_same_and_its_points_and_feedback_are_the_tools_own(data_dir):
    """Quiz mode adds `Points - <question>` beside the consent question too: not a second consent question."""
    everything_form(data_dir, quiz=True)
    dataset = read_exactly(data_dir, scores=3 * 22, reflections=5, public=4, evaluations=3, moments={"2026-voorjaar"})
    columns = accounted(dataset.tables[0])
    assert len(columns) == 8 + 3 * 33  # 33 questions, each with its points and feedback
    assert columns["Total points"] == columns["Quiz feedback"] == "tool"
    assert columns[f"Points - {REFLECTION_QUESTIONS_NL[5]}"] == columns[f"Feedback - {INDICATOR_QUESTIONS_NL[0]}"] == "tool"
    assert columns[REFLECTION_QUESTIONS_NL[5]] == ("public",)


def test_a_later_answer_replaces_the_parts_it_gives_and_the_accounting_says_so(data_dir):
    """Anna sends the form twice, the second time without her story: her later crosses count, her story
    still counts, and her first row is not called unused. Bert sends it twice, whole: his first row is unused."""
    questions = ["Netwerk", *INDICATOR_QUESTIONS_NL, REFLECTION_QUESTIONS_NL[0], REFLECTION_QUESTIONS_NL[5]]
    microsoft_forms_xlsx(data_dir / "Formulier.xlsx", questions, [
        {"email": "anna@school.nl", "name": "Anna Vos", "completed": MARCH, "answers": ["Net", *["5"] * 11, "Eerste verhaal.", "Ja"]},
        {"email": "bert@school.nl", "name": "Bert Vis", "completed": MARCH, "answers": ["Net", *["6"] * 11, "Oud verhaal.", "Ja"]},
        {"email": "anna@school.nl", "name": "Anna Vos", "completed": MARCH + dt.timedelta(days=1), "answers": ["Net", *["7"] * 11, "", ""]},
        {"email": "bert@school.nl", "name": "Bert Vis", "completed": MARCH + dt.timedelta(days=1), "answers": ["Net", *["8"] * 11, "Nieuw verhaal.", "Nee"]},
    ])
    dataset = read_data(data_dir)
    assert sorted({(s.participant, s.value) for s in dataset.scores}) == [("anna@school.nl", 7.0), ("bert@school.nl", 8.0)]
    assert sorted((r.participant, r.text, r.public) for r in dataset.reflections) == [
        ("anna@school.nl", "Eerste verhaal.", True), ("bert@school.nl", "Nieuw verhaal.", False)]
    [table] = dataset.tables
    assert [(u.row, u.reason.render()) for u in table.unused] == [
        (3, "eerder antwoord van dezelfde deelnemer voor Net op 2026-voorjaar; het latere antwoord (Formulier.xlsx, blad 'Form1' rij 5) telt")]
    assert (table.rows, table.used, table.counts, table.public) == (4, 3, ((TableKind.SCORES, 22), (TableKind.REFLECTIONS, 2)), 1)
    assert [(w.row, w.code) for w in dataset.warnings if w.code in (Code.EARLIER_PARTS, Code.EARLIER_RESPONSE)] == [
        (2, Code.EARLIER_PARTS), (3, Code.EARLIER_RESPONSE)]
    english = summary(dataset, translations(Language.ENGLISH))
    assert "4 rows (3 used, 1 not used)" in english


def meeting_form(data_dir, extra_question: list[str] = (), extra_answers: tuple[list[str], list[str]] = ([], [])):
    """Crosses and the meeting's evaluation in one Google form, answered on two days."""
    questions = ["Netwerk", *INDICATOR_QUESTIONS_NL, *extra_question, "Wat ging goed?", "Wat kan de volgende keer beter?"]
    google_forms_csv(data_dir / "Monitor (antwoorden) - Formulierreacties 1.csv", questions, [
        {"email": "a@school.nl", "time": dt.datetime(2026, 3, 12, 16, 30), "answers": ["Net", *["6"] * 11, *extra_answers[0], "Samen lessen bekeken", ""]},
        {"email": "b@school.nl", "time": dt.datetime(2026, 3, 14, 9, 10), "answers": ["Net", *["7"] * 11, *extra_answers[1], "", "Minder uitleg vooraf"]},
    ])


def test_a_forms_evaluations_on_several_days_are_said_and_one_meeting_is_a_setting_or_a_question_away(data_dir):
    meeting_form(data_dir)
    dataset = read_data(data_dir)
    assert sorted(e.date.isoformat() for e in dataset.evaluations) == ["2026-03-12", "2026-03-14"]
    assert [w.code for w in dataset.warnings] == [Code.MEETING_DAYS]
    assert dataset.warnings[0].format().startswith("Monitor (antwoorden) - Formulierreacties 1.csv, rij 1: de evaluaties van Net op 2026-voorjaar vallen op 2 dagen")

    write(data_dir, "netwerkspiegel.toml", '[bestanden."Monitor (antwoorden) - Formulierreacties 1.csv"]\ndatum = "12-3-2026"\n')
    dataset = read_data(data_dir)
    assert sorted(e.date.isoformat() for e in dataset.evaluations) == ["2026-03-12", "2026-03-12"]
    assert {m.label for m in dataset.moments} == {"2026-voorjaar"} and dataset.warnings == ()

    write(data_dir, "netwerkspiegel.toml", '[bestanden."Monitor (antwoorden) - Formulierreacties 1.csv"]\ndatum = "12 maart"\n')
    assert problems(data_dir) == [("netwerkspiegel.toml", None, None, None, "12 maart", Code.SETTING_VALUE)]

    (data_dir / "netwerkspiegel.toml").unlink()
    meeting_form(data_dir, ["Datum van de bijeenkomst"], (["12-3-2026"], ["12-3-2026"]))
    dataset = read_data(data_dir)
    assert sorted(e.date.isoformat() for e in dataset.evaluations) == ["2026-03-12", "2026-03-12"] and dataset.warnings == ()
    assert accounted(dataset.tables[0])["Datum van de bijeenkomst"] == ("date",)


def test_a_form_whose_parts_have_no_moment_or_date_says_which_and_how(data_dir):
    questions = ["Netwerk", "E-mail", *INDICATOR_QUESTIONS_NL, "Wat ging goed?"]
    write(data_dir, "export.csv", ",".join(f'"{q}"' for q in questions) + "\n" + ",".join(["Net", "a@school.nl", *["6"] * 11, "Fijn"]) + "\n")
    assert messages(data_dir) == [
        "export.csv, rij 1, kolom 'datum': geen kolom met de datum van de bijeenkomst, en geen tijdstip van het antwoord (zoals 'Tijd van voltooien' of "
        "'Tijdstempel'). Voeg een kolom 'Datum' toe, of zet in netwerkspiegel.toml: [bestanden.\"export.csv\"] datum = \"2026-03-12\".",
        "export.csv, rij 1, kolom 'meetmoment': geen kolom met het meetmoment, en geen tijdstip van het antwoord (zoals 'Tijd van voltooien' of 'Tijdstempel'). "
        "Voeg een kolom 'Meetmoment' toe, of zet in netwerkspiegel.toml: [bestanden.\"export.csv\"] meetmoment = \"2026-voorjaar\"."]
    write(data_dir, "netwerkspiegel.toml", '[bestanden."export.csv"]\nmeetmoment = "2026-voorjaar"\ndatum = "2026-03-12"\n')
    dataset = read_data(data_dir)
    assert (len(dataset.scores), [e.date.isoformat() for e in dataset.evaluations]) == (11, ["2026-03-12"])


def test_network_names_merged_across_a_forms_parts_and_a_reflection_table(data_dir):
    """'onderzoekend leren' and 'Onderzoekend leren' are one network, for every kind of record (a
    reflection too, from a form and from a table: this once stopped the build with a traceback)."""
    questions = ["Welk netwerk?", *INDICATOR_QUESTIONS_NL, *REFLECTION_QUESTIONS_NL, "Wat ging goed?"]
    google_forms_csv(data_dir / "Monitor (antwoorden) - Formulierreacties 1.csv", questions, [
        {"email": "a@school.nl", "time": MARCH, "answers": ["Onderzoekend leren", *["6"] * 11, "Fijn.", "", "", "", "", "Ja", "Goed gesprek"]},
        {"email": "b@school.nl", "time": MARCH, "answers": ["onderzoekend leren", *["7"] * 11, "", "", "Vragenmuur.", "", "", "Ja", "Samen"]},
        {"email": "c@school.nl", "time": MARCH, "answers": ["Onderzoekend leren", *["5"] * 11, "", "", "", "", "", "", ""]},
    ])
    write(data_dir, "reflecties.csv", "netwerk,meetmoment,deelnemer,waarde,reflectie,openbaar\nONDERZOEKEND LEREN,2025-najaar,a@school.nl,direct,Eerder.,ja\n")
    dataset = read_data(data_dir)
    assert dataset.networks == ("Onderzoekend leren",)
    assert sorted((r.network, r.text) for r in dataset.reflections) == [
        ("Onderzoekend leren", "Eerder."), ("Onderzoekend leren", "Fijn."), ("Onderzoekend leren", "Vragenmuur.")]
    assert {e.network for e in dataset.evaluations} == {"Onderzoekend leren"} and len(dataset.evaluations) == 2
    assert [w.code for w in dataset.warnings] == [Code.NETWORKS_MERGED]


def test_an_unclear_consent_in_a_form_is_an_error_with_its_place(data_dir):
    everything_form(data_dir, consent=("Ja", "Ja, maar alleen intern", "ja"))
    assert messages(data_dir) == [
        "Alles in één formulier.xlsx, blad 'Form1', rij 3, kolom 'Mag je verhaal openbaar gedeeld worden (zonder naam)?', "
        "waarde 'Ja, maar alleen intern': onduidelijke toestemming; alleen een duidelijk 'ja' maakt een verhaal openbaar. "
        "Gebruik 'ja' of 'nee' (leeg betekent 'nee')."]


def test_one_form_builds_both_sites_with_the_stories_and_no_identity_anywhere(data_dir, tmp_path):
    everything_form(data_dir)
    internal, public = tmp_path / "intern", tmp_path / "publiek"
    for audience, folder in (("intern", internal), ("publiek", public)):
        assert main(["build", "--data", str(data_dir), "--src", str(folder / "md"), "--out", str(folder / "site"), "--audience", audience]) == 0

    def built_text(folder) -> str:
        return "\n".join(path.read_text("utf-8", errors="replace") for path in sorted(folder.rglob("*"))
                         if path.is_file() and path.suffix in (".html", ".md", ".json", ".csv", ".svg", ".js"))

    inside, outside = built_text(internal), built_text(public)
    assert "We plannen nu samen lessen." in inside and "Ik doe nu iets anders" in inside
    assert "We plannen nu samen lessen." in outside and "Leerlingen stellen betere vragen." in outside
    assert "Ik doe nu iets anders (Bert)" not in outside  # Bert said no
    assert "Fijn gesprek" in inside and "Fijn gesprek" not in outside
    for text in (inside, outside):
        for identity in ("Anna", "de Vries", "devries", "Bert", "Jansen", "Carla", "Smit", "carla@hu.nl", "school.nl"):
            assert identity not in text, identity
    assert "Marieke" not in outside  # a name of someone who did not take part: not in public either


def test_google_forms_one_reflection_with_its_cycle_question_and_a_full_name_question(data_dir):
    questions = ["Full Name", "Which network?", *INDICATOR_QUESTIONS_EN, "Which value cycle is your story about?", "Your story",
                 "May your story be shared publicly (without your name)?"]
    google_forms_csv(data_dir / "Network mirror (Responses) - Form Responses 1.csv", questions, [
        {"email": "dana@school.org", "time": dt.datetime(2026, 3, 2, 9, 5), "answers": ["Dana Kim", "Inquiry", *["6"] * 11, "Applied value", "We co-teach now.", "Yes"]},
        {"email": "eli@school.org", "time": dt.datetime(2026, 3, 13, 16, 40), "answers": ["Eli Ruiz", "Inquiry", *["7"] * 11, "", "", ""]},
    ], language="en")
    dataset = read_exactly(data_dir, scores=22, reflections=1, public=1, moments={"2026-voorjaar"})
    assert [(r.cycle, r.text, r.public) for r in dataset.reflections] == [(3, "We co-teach now.", True)]
    [table] = dataset.tables
    assert table.times == ("2026-03-02", "2026-03-13")  # month-first, from the English 'Timestamp'
    columns = accounted(table)
    assert columns["Full Name"] == ("name",)
    assert columns["Which value cycle is your story about?"] == ("value",)
    assert columns["Your story"] == ("reflection",)
    english = summary(dataset, translations(Language.ENGLISH))
    assert "    C 'Full Name': name (identity)\n" in english
    assert "Read: 1 table, 22 scores, 1 reflection and 0 evaluations from 2 participants in 1 network." in english
    assert "2 rows (2 used)" in english and "1 reflection, 1 of them public" in english
    assert not re.search(r"\b(rijen|deelnemers|netwerken|tabellen|evaluaties|reflecties|blad|waarvan|gelezen|kolommen)\b", english)


def test_google_forms_own_csv_with_zoned_times_and_a_quiz_score(data_dir):
    """The CSV downloaded from Forms itself (times `2026/03/05 4:40:00 PM CET`), of a form in quiz mode."""
    questions = ["Welk netwerk?", *INDICATOR_QUESTIONS_NL, *REFLECTION_QUESTIONS_NL, "Wat ging goed?"]
    google_forms_csv(data_dir / "Netwerkmonitor.csv", questions, [
        {"email": "a@school.nl", "time": dt.datetime(2026, 3, 5, 16, 40), "answers": ["Net", *["6"] * 11, "", "", "Vragenmuur.", "", "", "Ja", "Fijn"]},
        {"email": "b@school.nl", "time": dt.datetime(2026, 10, 1, 9, 5), "answers": ["Net", *["7"] * 11, "", "", "", "", "", "", "Goed"]},
    ], from_forms=True, quiz=True)
    assert (data_dir / "Netwerkmonitor.csv").read_text("utf-8").splitlines()[1].startswith('"2026/03/05 4:40:00 PM CET","a@school.nl","0 / 0",')
    dataset = read_exactly(data_dir, scores=22, reflections=1, public=1, evaluations=2, moments={"2026-voorjaar", "2026-najaar"})
    assert sorted(e.date.isoformat() for e in dataset.evaluations) == ["2026-03-05", "2026-10-01"]
    assert accounted(dataset.tables[0])["Score"] == "tool"


def test_a_story_without_its_cycle_is_an_error_with_its_place(data_dir):
    questions = ["Which network?", *INDICATOR_QUESTIONS_EN, "Which value cycle is your story about?", "Your story"]
    google_forms_csv(data_dir / "Form Responses 1.csv", questions, [
        {"email": "dana@school.org", "time": dt.datetime(2026, 3, 2, 9, 5), "answers": ["Inquiry", *["6"] * 11, "", "We co-teach now."]},
        {"email": "eli@school.org", "time": dt.datetime(2026, 3, 3, 9, 5), "answers": ["Inquiry", *["6"] * 11, "Sideways value", "We talk."]},
    ], language="en")
    assert messages(data_dir) == [
        "Form Responses 1.csv, rij 2, kolom 'Which value cycle is your story about?', waarde '': een reflectie zonder antwoord op de vraag naar de waardecyclus; "
        "vul de cyclus in (direct, potentieel, toegepast, gerealiseerd, transformatief).",
        "Form Responses 1.csv, rij 3, kolom 'Which value cycle is your story about?', waarde 'Sideways value': onbekende waardecyclus; "
        "gebruik direct, potentieel, toegepast, gerealiseerd, transformatief of 1 tot en met 5."]


def test_qualtrics_asks_consent_after_every_story(data_dir):
    consent = "May we share this story publicly (without your name)?"
    questions = ["Network", *INDICATOR_QUESTIONS_EN, REFLECTION_QUESTIONS_EN[0], consent, REFLECTION_QUESTIONS_EN[2], consent]
    qualtrics_csv(data_dir / "Netwerkspiegel_March+2026_March+20,+2026_10.02.csv", questions, [
        {"ended": MARCH, "email": "fay@school.org", "first": "Fay", "last": "Moss", "answers": ["Inquiry", *["5"] * 11, "Good talks.", "No", "New lesson plans.", "Yes"]},
        {"ended": MARCH, "email": "gus@school.org", "answers": ["Inquiry", *["6"] * 11, "Fun.", "Yes", "", ""]},
        {"ended": MARCH, "status": "Survey Preview", "answers": ["Inquiry", *["1"] * 11, "x", "Yes", "y", "Yes"]},
    ], fraud=True)
    dataset = read_exactly(data_dir, scores=22, reflections=3, public=2, moments={"2026-voorjaar"})
    assert sorted((r.participant, r.cycle, r.public) for r in dataset.reflections) == [
        ("fay@school.org", 1, False), ("fay@school.org", 3, True), ("gus@school.org", 1, True)]
    [table] = dataset.tables
    columns = list(table.columns)
    assert [(c.meaning.value, *c.detail) for c in columns if c.meaning and c.meaning.value == "public"] == [("public", 1), ("public", 3)]
    assert {c.header: c.not_read for c in columns}["IPAddress"] == NotRead.TOOL
    assert {c.header: c.not_read for c in columns}["Q_RelevantIDFraudScore"] == NotRead.TOOL
    assert (table.rows, table.used, len(table.unused)) == (3, 2, 1)


LIME_NOW = "Hoe zie je het netwerk nu?"
LIME_DESIRED = "Hoe zou je het netwerk willen zien (gewenste situatie)?"


def lime_array(headings: str, codes: str = "SQ") -> tuple[list[str], list[str]]:
    """The eleven lines as two LimeSurvey array questions (now, desired), one subquestion each."""
    texts, names = [], []
    for group, question in (("G02Q01", LIME_NOW), ("G02Q02", LIME_DESIRED)):
        for number, indicator in enumerate(INDICATOR_QUESTIONS_NL, start=1):
            code = indicator[:2]
            texts.append(f"{question} [{indicator}]")
            names.append(f"{group}[SQ{number:03d}]" if codes == "SQ" else f"{'nu' if group == 'G02Q01' else 'gewenst'}[SQ{code}]")
    return texts, names


@pytest.mark.parametrize("headings", ["code-text", "text"])
def test_limesurvey_array_questions_with_their_texts(data_dir, headings):
    texts, names = lime_array(headings)
    questions = ["Netwerk", *texts, "Directe waarde: wat vond je waardevol?", "Mag je verhaal gedeeld worden?"]
    codes = ["G01Q01", *names, "G03Q01", "G03Q02"]
    limesurvey_csv(data_dir / "results-survey123456.csv", questions, [
        {"started": MARCH, "submitted": MARCH, "token": "tk1", "first": "Ilse", "last": "Bos", "email": "ilse@school.nl",
         "answers": ["Onderzoekend leren", *["6"] * 11, *["8"] * 11, "Het gesprek.", "Ja"]},
        {"started": MARCH, "submitted": None, "answers": ["Onderzoekend leren", *[""] * 24]},
    ], headings=headings, codes=codes)
    dataset = read_exactly(data_dir, scores=22, reflections=1, public=1, moments={"2026-voorjaar"})
    assert {(s.indicator, s.situation.value, s.value) for s in dataset.scores} >= {("1a", "current", 6.0), ("4d", "desired", 8.0)}
    assert [(r.cycle, r.public) for r in dataset.reflections] == [(1, True)]
    [table] = dataset.tables
    columns = accounted(table)
    assert NotRead.UNPLACED.value not in columns.values()
    assert sum(1 for use in columns.values() if isinstance(use, tuple) and use[0] == "indicator question") == 22


def test_limesurvey_array_with_codes_only_reads_codes_that_name_the_indicator(data_dir):
    texts, names = lime_array("code", codes="indicator")
    limesurvey_csv(data_dir / "results-survey123456.csv", ["Netwerk", *texts], [
        {"started": MARCH, "submitted": MARCH, "token": "tk1", "answers": ["Onderzoekend leren", *["6"] * 11, *["8"] * 11]},
    ], headings="code", codes=["netwerk", *names])
    dataset = read_exactly(data_dir, scores=22, reflections=0, public=0, moments={"2026-voorjaar"})
    assert sorted({(s.indicator, s.situation.value, s.value) for s in dataset.scores})[:2] == [("1a", "current", 6.0), ("1a", "desired", 8.0)]


def test_limesurvey_array_with_plain_codes_names_the_file_and_its_columns(data_dir):
    texts, names = lime_array("code")
    limesurvey_csv(data_dir / "results-survey123456.csv", ["Netwerk", *texts], [
        {"started": MARCH, "submitted": MARCH, "token": "tk1", "answers": ["Onderzoekend leren", *["6"] * 11, *["8"] * 11]},
    ], headings="code", codes=["netwerk", *names])
    [message] = messages(data_dir)
    assert message.startswith("results-survey123456.csv, rij 1, waarde 'id, submitdate, lastpage, startlanguage, seed, startdate, d…': herken het soort bestand niet")
    assert message.endswith("LimeSurvey schreef alleen de codes van de vragen (zoals 'G02Q01[SQ001]'): exporteer met 'Vraagcode & vraagtekst' of "
                            "'Volledige vraagtekst', geef de deelvragen codes als 'SQ1a', of geef de kolommen een betekenis onder [kolommen], "
                            "bijvoorbeeld \"G02Q01[SQ001]\" = \"1a\".")


def anonymised_lime(data_dir, moment_question: bool) -> None:
    questions = (["Meetmoment"] if moment_question else []) + ["Netwerk", *INDICATOR_QUESTIONS_NL]
    limesurvey_csv(data_dir / "results-survey777.csv", questions, [
        {"started": MARCH, "submitted": MARCH, "answers": (["voorjaar 2026"] if moment_question else []) + ["Net", *["6"] * 11]},
        {"started": MARCH, "submitted": MARCH, "answers": (["voorjaar 2026"] if moment_question else []) + ["Net", *["4"] * 11]},
    ], anonymised=True)


def test_an_anonymised_limesurvey_survey_takes_its_moment_from_a_question(data_dir):
    anonymised_lime(data_dir, moment_question=True)
    dataset = read_exactly(data_dir, scores=22, reflections=0, public=0, moments={"2026-voorjaar"})
    assert len({s.participant for s in dataset.scores}) == 2  # each response by its ID
    assert dataset.tables[0].times is None


def test_an_anonymised_limesurvey_survey_without_a_moment_says_so_and_how(data_dir):
    anonymised_lime(data_dir, moment_question=False)
    assert messages(data_dir) == [
        "results-survey777.csv, rij 1, kolom 'submitdate. Datum verstuurd', waarde '1980-01-01 00:00:00': elke datum in deze kolom is 1980-01-01 00:00:00: "
        "de enquête is anoniem opgeslagen (LimeSurvey: 'Anonieme antwoorden'), dus de datum zegt niets over het meetmoment. "
        "Voeg een vraag 'Meetmoment' toe, of zet in netwerkspiegel.toml: [bestanden.\"results-survey777.csv\"] meetmoment = \"2026-voorjaar\"."]
    write(data_dir, "netwerkspiegel.toml", '[bestanden."results-survey777.csv"]\nmeetmoment = "najaar 2025"\n')
    dataset = read_data(data_dir)
    assert {s.moment.label for s in dataset.scores} == {"2025-najaar"}


def test_an_anonymised_limesurvey_survey_without_date_stamps_reads_everything_in_one_form(data_dir):
    """Anonymised and without date stamps, LimeSurvey writes only `id, submitdate, lastpage, startlanguage, seed`
    before the questions, and 1980-01-01 as every submit date; Y and N are its short answers to a yes/no question."""
    questions = ["Netwerk", *INDICATOR_QUESTIONS_NL, REFLECTION_QUESTIONS_NL[2], "Mag je verhaal openbaar gedeeld worden?"]
    limesurvey_csv(data_dir / "results-survey888.csv", questions, [
        {"started": MARCH, "submitted": MARCH, "answers": ["Net", *["6"] * 11, "Ik geef nu andere feedback.", "Y"]},
        {"started": MARCH, "submitted": MARCH, "answers": ["Net", *["4"] * 11, "Mijn klas werkt zelfstandiger.", "N"]},
        {"started": MARCH, "submitted": None, "answers": ["Net", "5", *[""] * 12]},
    ], anonymised=True, datestamp=False)
    write(data_dir, "netwerkspiegel.toml", '[bestanden."results-survey888.csv"]\nmeetmoment = "2026-voorjaar"\n')
    dataset = read_exactly(data_dir, scores=22, reflections=2, public=1, moments={"2026-voorjaar"})
    assert sorted((r.text, r.public) for r in dataset.reflections) == [("Ik geef nu andere feedback.", True), ("Mijn klas werkt zelfstandiger.", False)]
    [table] = dataset.tables
    assert (table.rows, table.used, len(table.unused), table.public, table.times) == (3, 2, 1, 1, None)
    assert table.counts == ((TableKind.SCORES, 22), (TableKind.REFLECTIONS, 2))
    columns = accounted(table)
    assert list(columns)[:5] == ["id. Antwoord ID", "submitdate. Datum verstuurd", "lastpage. Laatste pagina", "startlanguage. Starttaal", "seed. Seed"]
    assert [columns[header] for header in list(columns)[:5]] == [("response id",), ("time",), "tool", "tool", "tool"]
    assert NotRead.UNPLACED.value not in columns.values()
    assert table.anonymised
    assert "  antwoorden zonder datum: de enquête is anoniem opgeslagen (elke datum is 1980-01-01)\n" in summary(dataset)


def test_mappings_of_reflection_and_consent_columns_are_honoured_and_checked(data_dir):
    questions = ["Netwerk", *INDICATOR_QUESTIONS_NL, "Wat heb je gedaan met wat je leerde?", "Delen?"]
    limesurvey_csv(data_dir / "results-survey555.csv", questions, [
        {"started": MARCH, "submitted": MARCH, "token": "tk1", "answers": ["Net", *["6"] * 11, "Nieuwe lessen.", "Ja"]},
    ], codes=["G01Q01", *[f"G01Q{n:02d}" for n in range(2, 13)], "G04Q01", "G04Q02"])
    write(data_dir, "netwerkspiegel.toml", '[kolommen]\n"G04Q01" = "toegepast"\n"G04Q02" = "openbaar"\n')
    dataset = read_exactly(data_dir, scores=11, reflections=1, public=1, moments={"2026-voorjaar"})
    assert [(r.cycle, r.text, r.public) for r in dataset.reflections] == [(3, "Nieuwe lessen.", True)]
    columns = accounted(dataset.tables[0])
    assert columns["G04Q01. Wat heb je gedaan met wat je leerde?"] == ("cycle question", 3)

    write(data_dir, "netwerkspiegel.toml", '[kolommen]\n"G04Q01" = "toegepast"\n"G04Q02" = "openbaar"\n"G09Q09" = "gerealiseerd"\n')
    assert problems(data_dir) == [("netwerkspiegel.toml", None, None, None, "G09Q09", Code.MAPPING_WITHOUT_COLUMN)]

    write(data_dir, "scores.csv", SCORE_HEADER.rstrip("\n") + ",opmerking\nNet,2025-voorjaar,Anna,1a,7,,fijn\n")
    write(data_dir, "netwerkspiegel.toml", '[kolommen]\n"opmerking" = "openbaar"\n')
    assert messages(data_dir) == [
        "scores.csv, rij 1, kolom 'opmerking', waarde 'openbaar': netwerkspiegel.toml geeft deze kolom (G) onder [kolommen] de betekenis 'openbaar', "
        "maar dit bestand (scores) leest die niet: een tabel met één waarde per rij heeft vaste kolommen, zoals 'indicator' en 'score' of "
        "'waarde' en 'reflectie'. Pas de betekenis aan of haal de regel weg."]


def test_a_time_column_with_both_date_orders_is_an_error(data_dir):
    path = data_dir / "form.csv"
    google_forms_csv(path, ["Netwerk", *INDICATOR_QUESTIONS_NL], [
        {"email": "a@school.nl", "time": dt.datetime(2026, 3, 14, 9), "answers": ["Net", *["6"] * 11]},
        {"email": "b@school.nl", "time": dt.datetime(2026, 3, 15, 9), "answers": ["Net", *["6"] * 11]},
    ])
    text = path.read_text("utf-8").replace("15-3-2026", "3/15/2026").replace("14-3-2026", "14/3/2026")
    path.write_text(text, "utf-8")
    assert messages(data_dir) == [
        "form.csv, rij 1, kolom 'Tijdstempel', waarde '14/3/2026 09:00:00, 3/15/2026 09:00:00': de datums in deze kolom staan niet in één volgorde: "
        "'14/3/2026 09:00:00' kan alleen dag-maand zijn, '3/15/2026 09:00:00' alleen maand-dag. Zet alle datums in dezelfde volgorde."]


def test_check_accounts_for_every_column_on_the_command_line(data_dir, capsys):
    everything_form(data_dir)
    write(data_dir, "extra.csv", SCORE_HEADER.rstrip("\n") + ",opmerking\nHoogbegaafdheid,2025-voorjaar,Anna de Vries,1a,7,,prima\n")
    assert main(["check", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "- extra.csv: scores (tabel), 1 rij (1 gebruikt)" in out
    assert "    G 'opmerking': niet gebruikt: Netwerkspiegel weet niet wat deze kolom bevat (zie hieronder)\n" in out
    assert '"opmerking" = "negeren"' in out
    assert json.dumps(out)  # printable as it stands


def test_a_google_forms_grid_and_a_qualtrics_matrix_ask_the_lines_as_one_question(data_dir):
    now, desired = "Hoe zie je het netwerk nu?", "Hoe zou je het netwerk willen zien (gewenste situatie)?"
    grid = [f"{question} [{line}]" for question in (now, desired) for line in INDICATOR_QUESTIONS_NL]
    google_forms_csv(data_dir / "Kruisjes (antwoorden) - Formulierreacties 1.csv", ["Netwerk", *grid], [
        {"email": "a@school.nl", "time": MARCH, "answers": ["Net", *["6"] * 11, *["9"] * 11]}])
    matrix = [f"{question} - {line}" for question in (now, desired) for line in INDICATOR_QUESTIONS_NL]
    qualtrics_csv(data_dir / "Kruisjes_Qualtrics.csv", ["Netwerk", *matrix], [
        {"ended": MARCH, "email": "b@school.nl", "answers": ["Net", *["4"] * 11, *["7"] * 11]}])
    dataset = read_exactly(data_dir, scores=44, reflections=0, public=0, moments={"2026-voorjaar"})
    assert sorted({(s.participant, s.indicator, s.situation.value, s.value) for s in dataset.scores if s.indicator == "3b"}) == [
        ("a@school.nl", "3b", "current", 6.0), ("a@school.nl", "3b", "desired", 9.0),
        ("b@school.nl", "3b", "current", 4.0), ("b@school.nl", "3b", "desired", 7.0)]
    assert len(dataset.scores) == 44
