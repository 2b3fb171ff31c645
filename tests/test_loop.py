"""Closing the loop (issue 11): the network's shared picture and its conclusions and agreements,
read, kept private where they must be, and shown where the next meeting starts."""

from __future__ import annotations

import pytest

from generator.analyse.aggregate import aggregate
from generator.analyse.audience import Agreed, for_audience
from generator.analyse.insight import shared_picture_starters
from generator.core.framework import load_framework
from generator.core.language import Language, translations
from generator.core.moments import parse_moment
from generator.core.vocabulary import AgreementKind, Audience, Situation, StarterKind
from generator.pipeline import generate, read_data
from tests.conftest import SCORE_HEADER, readable, write
from tests.golden.regenerate import DATA

SPRING = parse_moment("2025-voorjaar")


def test_shared_pictures_and_agreements_are_read_with_their_defaults(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,4,\n")
    write(data_dir, "gedeeld.csv", "Netwerk,Meetmoment,Indicator,Gedeeld beeld,Toelichting\nNet,voorjaar 2025,1A,6,Na het gesprek\nNet,2025-voorjaar,2b,7,\n")
    write(data_dir, "afspraken.csv", "network,moment,agreement,kind,public\nNet,2025-voorjaar,We lezen samen een boek.,,\nNet,2025-voorjaar,Het gesprek hielp.,conclusion,yes\n")
    dataset = read_data(data_dir)
    assert [(s.network, s.moment.label, s.indicator, s.situation, s.value, s.note) for s in dataset.shared] == [
        ("Net", "2025-voorjaar", "1a", Situation.CURRENT, 6.0, "Na het gesprek"),
        ("Net", "2025-voorjaar", "2b", Situation.CURRENT, 7.0, ""),
    ]
    assert [(a.text, a.kind, a.public) for a in dataset.agreements] == [
        ("We lezen samen een boek.", AgreementKind.AGREEMENT, False),
        ("Het gesprek hielp.", AgreementKind.CONCLUSION, True),
    ]
    assert sorted((t.name, str(t.kind), t.used) for t in dataset.tables) == [
        ("afspraken.csv", "agreements", 2), ("gedeeld.csv", "shared picture", 2), ("scores.csv", "scores", 1)]


def test_a_shared_column_in_a_table_of_reflections_asks_for_consent(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,4,\n")
    write(data_dir, "reflections.csv", "network,moment,participant,value,reflection,shared\nNet,2025-voorjaar,Anna,direct,Fijn,yes\n")
    [reflection] = read_data(data_dir).reflections
    assert reflection.public is True


def test_where_the_agreed_cross_lies_a_point_or_more_from_the_median_a_sentence_says_so():
    framework = load_framework()
    agreed = [Agreed("Net", SPRING, "1a", Situation.CURRENT, 6.0, ""), Agreed("Net", SPRING, "2b", Situation.CURRENT, 5.1, ""),
              Agreed("Net", SPRING, "3a", Situation.DESIRED, 4.0, "")]
    medians = {("1a", Situation.CURRENT): 3.0, ("2b", Situation.CURRENT): 6.0, ("3a", Situation.DESIRED): 5.0}
    starters = shared_picture_starters(framework, agreed, medians)
    assert [(s.kind, s.indicator, s.sentence) for s in starters] == [
        (StarterKind.SHARED, "1a", "Bij 1a, praktijkintegratie, spraken jullie samen 6,0 af voor de huidige situatie, 3,0 punten van de mediaan "
                                   "van de kruisjes (3,0): het gesprek bracht de groep richting 'geïntegreerd in het dagelijkse werk'."),
        (StarterKind.SHARED, "3a", "Bij 3a, gedeelde identiteit, spraken jullie samen 4,0 af voor de gewenste situatie, 1,0 punt van de mediaan "
                                   "van de kruisjes (5,0): het gesprek bracht de groep richting 'kennissen'."),
    ]
    english = shared_picture_starters(framework.in_language(Language.ENGLISH), agreed[:1], medians, translations(Language.ENGLISH))
    assert english[0].sentence == ("At 1a, integration in practice, you agreed together on 6.0 for the current situation, 3.0 points from the median "
                                   "of the crosses (3.0): the conversation moved the group towards 'integrated in daily work'.")


def _page(audience: Audience, path: str) -> str:
    return generate(read_data(DATA), audience).files[path].decode("utf-8")


def test_the_next_meeting_starts_with_what_was_agreed_last_time_next_to_what_moved():
    page = _page(Audience.INTERNAL, "netwerken/rekenen-taal-b.md")
    talk = page[page.index("## Om over te praten"):page.index("## Kruisjes op")]
    assert talk.index("**Wat we vorige keer afspraken (2025\\-voorjaar)**") < talk.index("**Wat het meest verschoof**") < talk.index("**Waar het gesprek de groep bracht**")
    assert "- *Afspraak:* We gaan elke maand één les samen voorbereiden\\.\n- *Conclusie:* Integratie in de praktijk blijft achter bij wat we willen\\." in talk


def test_agreements_and_the_shared_picture_stay_internal_unless_they_may_be_public():
    internal = _page(Audience.INTERNAL, "netwerken/wereldorientatie.md")
    public_rekenen = _page(Audience.PUBLIC, "netwerken/rekenen-taal-b.md")
    public_wereld = _page(Audience.PUBLIC, "netwerken/wereldorientatie.md")
    # Every agreement internally, escaped; a participant's name removed.
    assert "- *Afspraak:* We delen &lt;script&gt;alert\\(1\\)&lt;/script&gt; materialen via Teams\\." in internal
    assert "\\[deelnemer\\] vond 4 te laag" in internal
    # In public only the consented ones, still without names; the one without consent is not there.
    assert "- *Afspraak:* \\[deelnemer\\] neemt contact op met de pabo over stages\\." in public_rekenen
    assert "elke maand één les" not in public_rekenen and "Teams" not in public_wereld
    # The shared picture is a group statement: shown for a group of 5 (Wereldoriëntatie), not for 3 (Rekenen), never its note.
    assert "## Het gedeelde beeld" in public_wereld and "<tr><td>4a Sturing</td><td style=\"text-align: right;\">5,0</td></tr>" in public_wereld and "te laag" not in public_wereld
    assert "## Het gedeelde beeld" not in public_rekenen and "gedeeld" not in generate(read_data(DATA), Audience.PUBLIC).files["netwerken/rekenen-taal-b.csv"].decode().split("\n", 1)[1]


def test_the_network_csv_has_the_agreed_position_beside_the_figures():
    rows = generate(read_data(DATA), Audience.INTERNAL).files["netwerken/rekenen-taal-b.csv"].decode("utf-8").splitlines()
    assert rows[0] == '"netwerk","meetmoment","indicator","situatie","n","mediaan","gemiddelde","min","max","gedeeld"'
    agreed = [row for row in rows[1:] if not row.endswith(',""')]
    assert agreed == [
        '"Rekenen & taal <b>","2025-voorjaar","1a","huidig","3","2","3.6667","2","7","3"',
        '"Rekenen & taal <b>","2025-najaar","1a","huidig","3","3","4.6667","2","9","6"',
        '"Rekenen & taal <b>","2025-najaar","1a","gewenst","3","8","7.6667","6","9","8"',
        '"Rekenen & taal <b>","2025-najaar","2b","huidig","3","6","5.6667","2","9","6"',
    ]


def test_a_printable_questionnaire_per_network_with_every_indicator_between_its_poles():
    files = generate(read_data(DATA), Audience.INTERNAL).files
    page = files["vragenlijsten/rekenen-taal-b.md"].decode("utf-8")
    assert page.startswith('---\ntitle: "Vragenlijst Rekenen &amp; taal &lt;b&gt;"\n---\n\n# Vragenlijst Rekenen &amp; taal &lt;b&gt;\n')
    assert page.count('<div class="ns-q-line">') == 11
    assert page.count("<span>1</span><span>2</span><span>3</span><span>4</span><span>5</span><span>6</span><span>7</span><span>8</span><span>9</span><span>10</span>") == 11
    assert ('<p class="ns-q-question"><strong>1a Praktijkintegratie</strong> In welke mate richt de groep zich op speciale gebeurtenissen '
            "of worden de groepsactiviteiten in het dagelijkse werk geïntegreerd?</p>") in page
    assert '<span class="ns-q-pole ns-q-left">speciale gebeurtenissen</span>' in page
    assert "- `1a. In welke mate richt de groep zich op speciale gebeurtenissen" in page  # the same questions, to paste into a form
    assert "vragenlijsten/rekenen-taal-b.md" not in generate(read_data(DATA), Audience.PUBLIC).files


def test_roles_are_shown_apart_only_when_big_enough_and_never_in_public():
    internal = _page(Audience.INTERNAL, "netwerken/rekenen-taal-b.md")
    assert ("### Per rol\n\nNiet apart getoond, omdat minder dan 5 deelnemers deze rol hebben (wie alleen is in een rol, zou herkenbaar "
            "zijn): leraar, onderzoeker, pabostudent. Hun kruisjes tellen wel mee in de groep.\n") in internal
    wereld = _page(Audience.INTERNAL, "netwerken/wereldorientatie.md")
    assert ('<tr><th>Indicator</th><th style="text-align: right;">leraar (n=5)</th></tr>\n</thead>\n<tbody>\n'
            '<tr><td>1a Praktijkintegratie</td><td style="text-align: right;">4,0</td></tr>\n') in wereld  # 'Leraar ' and 'leraar' are one role
    public = generate(read_data(DATA), Audience.PUBLIC).files
    assert not any("Per rol" in readable(content) or "leraar" in readable(content)
                   for name, content in public.items() if name.endswith((".md", ".json", ".csv")))


def test_where_roles_see_an_indicator_differently_a_sentence_says_so():
    from generator.analyse.figures import RoleFigures
    from generator.analyse.insight import role_starters

    framework = load_framework()
    teachers = RoleFigures("leraar", 6, (("1a", 4.0), ("2b", 6.0)))
    students = RoleFigures("pabostudent", 5, (("1a", 6.5), ("2b", 7.0)))
    assert [(s.kind, s.indicator, s.sentence) for s in role_starters(framework, [teachers, students])] == [
        (StarterKind.ROLES, "1a", "Bij 1a, praktijkintegratie, zien de rollen het verschillend: de mediaan van 'leraar' (n=6) is 4,0, "
                                  "die van 'pabostudent' (n=5) 6,5. Wat zien zij anders?"),
    ]
    assert role_starters(framework, [teachers]) == ()


def test_a_role_column_or_form_question_is_read(data_dir):
    from tests.exports import INDICATOR_QUESTIONS_NL, microsoft_forms_xlsx

    write(data_dir, "scores.csv", "netwerk,meetmoment,deelnemer,indicator,score,rol\nNet,2025-voorjaar,Anna,1a,4,  Pabo student \n")
    microsoft_forms_xlsx(data_dir / "form.xlsx", ["Netwerk", "Wat is je rol?"] + INDICATOR_QUESTIONS_NL,
                         [{"email": "bert@school.nl", "completed": __import__("datetime").datetime(2026, 3, 12, 10), "answers": ["Net", "Leraar"] + ["7"] * 11}])
    dataset = read_data(data_dir)
    assert sorted({(s.participant, s.role) for s in dataset.scores}) == [("anna", "pabo student"), ("bert@school.nl", "leraar")]


def test_reflections_of_one_story_form_a_path_through_the_cycles():
    internal = _page(Audience.INTERNAL, "netwerken/rekenen-taal-b.md")
    assert "**Het verhaal van \\[deelnemer\\]**: Gerealiseerde waarde (2025\\-najaar) → Transformatieve waarde (2025\\-najaar)\n" in internal
    assert ('<tr><td>4. Gerealiseerde waarde</td><td style="text-align: right;">–</td><td style="text-align: right;">1 (1 ind., 0 coll.)</td>'
            '<td style="text-align: right;">1</td><td>Het verhaal van [deelnemer]</td></tr>') in internal
    public_wereld = _page(Audience.PUBLIC, "netwerken/wereldorientatie.md")
    assert "**Eén planning voor &lt;b&gt;alle&lt;/b&gt; groepen**: Directe waarde (2025\\-voorjaar) → Toegepaste waarde (2025\\-najaar)\n" in public_wereld
    # Its first part may not be public: in public the story is not told (its public part stands on its own).
    public_rekenen = _page(Audience.PUBLIC, "netwerken/rekenen-taal-b.md")
    assert "Verhalen van waardecreatie" not in public_rekenen and "verhaal van" not in public_rekenen and "alert" in public_rekenen


def test_the_shared_picture_and_agreements_are_read_from_the_coachs_forms(data_dir):
    import datetime as dt

    from tests.exports import google_forms_csv, microsoft_forms_xlsx

    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2026-voorjaar,Anna,1a,4,\nNet,2026-voorjaar,Anna,2a,4,\nAnder,2026-voorjaar,Bert,2a,5,\n")
    shared = ["Netwerk", "Meetmoment", "1a. Gedeeld beeld", "1a. Gedeeld beeld gewenste situatie", "1a. Toelichting", "2a. Gedeeld beeld", "2a. Toelichting"]
    google_forms_csv(data_dir / "gedeeld.csv", shared, [
        {"email": "coach@school.nl", "time": dt.datetime(2026, 3, 12, 16, 0), "answers": ["Net", "2026-voorjaar", "6", "8", "Na het gesprek hoger", "", ""]},
    ])
    microsoft_forms_xlsx(data_dir / "shared.xlsx", ["Network", "2a. Shared picture", "2a. Note"], [
        {"email": "anonymous", "name": "", "completed": dt.datetime(2026, 3, 13, 9, 0), "answers": ["Ander", "5 - soms", "Eens"]},
    ], language="en")
    agreements = ["Netwerk", "Meetmoment", "Conclusie of afspraak", "Soort", "Openbaar"]
    microsoft_forms_xlsx(data_dir / "afspraken.xlsx", agreements, [
        {"email": "coach@school.nl", "name": "Coach", "completed": dt.datetime(2026, 3, 12, 16, 5),
         "answers": ["Net", "2026-voorjaar", "We lezen samen een boek.", "Afspraak", "Ja"]},
    ])
    dataset = read_data(data_dir)
    assert [(s.network, s.moment.label, s.indicator, s.situation, s.value, s.note, s.source.row) for s in dataset.shared] == [
        ("Ander", "2026-voorjaar", "2a", Situation.CURRENT, 5.0, "Eens", 2),  # no moment question: the time of the response
        ("Net", "2026-voorjaar", "1a", Situation.CURRENT, 6.0, "Na het gesprek hoger", 2),
        ("Net", "2026-voorjaar", "1a", Situation.DESIRED, 8.0, "", 2),
    ]
    assert [(a.network, a.text, a.kind, a.public) for a in dataset.agreements] == [("Net", "We lezen samen een boek.", AgreementKind.AGREEMENT, True)]
    assert sorted((t.name, str(t.kind), t.form, t.dialect) for t in dataset.tables)[:3] == [
        ("afspraken.xlsx (blad 'Form1')", "agreements", False, "Microsoft Forms"), ("gedeeld.csv", "shared picture", True, "Google Forms"),
        ("scores.csv", "scores", False, None)]


def test_a_note_without_a_shared_picture_is_a_problem_not_lost(data_dir):
    import datetime as dt

    import pytest

    from generator.core.errors import InputError
    from tests.exports import google_forms_csv

    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2026-voorjaar,Anna,1a,4,\n")
    google_forms_csv(data_dir / "gedeeld.csv", ["Netwerk", "1a. Gedeeld beeld", "1a. Toelichting", "2a. Gedeeld beeld"], [
        {"email": "", "time": dt.datetime(2026, 3, 12, 16, 0), "answers": ["Net", "", "Vergeten", "11"]},
    ])
    with pytest.raises(InputError) as error:
        read_data(data_dir)
    assert [p.format() for p in error.value.report.problems] == [
        "gedeeld.csv, rij 2, kolom '1a. Toelichting', waarde 'Vergeten': een toelichting bij 1a, maar geen gedeeld beeld voor 1a; "
        "vul het gedeelde beeld in of laat de toelichting weg.",
        "gedeeld.csv, rij 2, kolom '2a. Gedeeld beeld', waarde '11': score buiten de schaal van 1 tot en met 10.",
    ]


@pytest.mark.parametrize("groups, shown, for_others", [
    ({"leraar": 5, "onderzoeker": 1}, [], ["leraar"]),  # the teachers' median would leave two values for the one researcher
    ({"leraar": 5, "onderzoeker": 5}, ["leraar", "onderzoeker"], []),
    ({"leraar": 6, "onderzoeker": 5, "student": 1}, ["leraar"], ["onderzoeker"]),  # the smallest shown role goes first
    ({"leraar": 5, "": 2}, [], ["leraar"]),  # participants without a role are the others too
    ({"leraar": 7}, ["leraar"], []),
])
def test_a_role_is_not_shown_where_the_other_crosses_would_give_away_a_smaller_group(data_dir, groups, shown, for_others):
    rows = []
    number = 0
    for role, count in groups.items():
        for _ in range(count):
            number += 1
            rows += [f"Net,2025-voorjaar,p{number}@school.nl,{code},{1 + (number * 3 + index) % 10},huidig,{role}\n"
                     for index, code in enumerate(["1a", "1b", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d"])]
    write(data_dir, "scores.csv", "netwerk,meetmoment,deelnemer,indicator,score,situatie,rol\n" + "".join(rows))
    net = aggregate(for_audience(read_data(data_dir), Audience.INTERNAL)).networks[0]
    assert [r.role for r in net.roles] == shown
    assert list(net.roles_left_out_for_others) == for_others
    page = generate(read_data(data_dir), Audience.INTERNAL).files["netwerken/net.md"].decode("utf-8")
    if for_others:
        assert (f"Ook niet apart getoond: {', '.join(for_others)}. Naast alle kruisjes zou de mediaan van deze rol verraden waar de andere "
                "deelnemers (minder dan 5) staan. Hun kruisjes tellen wel mee in de groep.") in page


def test_a_shared_picture_or_agreement_of_a_network_or_moment_without_scores_is_an_error_not_a_page(data_dir):
    from generator.core.errors import Code, InputError

    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "afspraken.csv", "netwerk,meetmoment,afspraak\nNet,2025-voorjaar,We lezen een boek.\nNett,2025-voorjaar,Een tikfout.\n")
    write(data_dir, "gedeeld.csv", "netwerk,meetmoment,indicator,gedeeld beeld\nNet,2025-najaar,1a,6\n")
    try:
        read_data(data_dir)
    except InputError as error:
        found = [(p.file, p.row, p.column, p.value, str(p.message)) for p in error.report.problems if p.code == Code.WITHOUT_SCORES]
    assert found == [
        ("afspraken.csv", 3, "netwerk", "Nett", "deze afspraak hoort bij Nett, maar dat netwerk heeft in geen enkele export scores. "
                                                "Staat de naam er precies zo als in de exports met de kruisjes?"),
        ("gedeeld.csv", 2, "meetmoment", "2025-najaar", "dit gedeelde beeld hoort bij Net op 2025-najaar, maar Net heeft op dat meetmoment geen "
                                                       "scores. Staat het meetmoment er precies zo als in de exports met de kruisjes?"),
    ]
