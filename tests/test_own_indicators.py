"""A network's own indicators (`[indicatoren."5a"]` in the settings, issue 11): checked, recognised in
tables and forms, and everywhere the eleven are; only for the networks they are for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core.errors import Code, InputError
from generator.core.framework import load_framework
from generator.core.language import Language
from generator.core.vocabulary import Audience
from generator.pipeline import generate, read_data
from generator.read.own_indicators import add_own_indicators
from tests.conftest import SCORE_HEADER, write
from tests.exports import INDICATOR_QUESTIONS_NL, microsoft_forms_xlsx

PARENTS = """
[indicatoren."5a"]
label = "Ouderbetrokkenheid"
vraag = "In welke mate betrekt het netwerk ouders bij zijn activiteiten?"
links = "nauwelijks"
rechts = "intensief"
dimensie = "Omgeving"
dimensie_en = "Surroundings"
netwerken = ["techniek  OOST"]
label_en = "Parental involvement"
"""
PUPILS = """
[indicatoren."1E"]
label = "Stem van leerlingen"
vraag = "In welke mate bepalen leerlingen mee?"
links = "de leraren bepalen"
rechts = "leerlingen bepalen mee"
"""


def _settings(data: Path, text: str) -> None:
    write(data, "netwerkspiegel.toml", text)


def test_own_indicators_join_the_framework_in_their_dimension_in_both_languages() -> None:
    import tomllib

    framework, problems = add_own_indicators(tomllib.loads(PARENTS + PUPILS), "netwerkspiegel.toml", load_framework())
    assert problems == []
    assert framework.indicator_codes() == ("1a", "1b", "1e", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d", "5a")
    own = framework.dimension("5")
    assert (own.nl, own.en, own.slug, own.own) == ("Omgeving", "Surroundings", "omgeving", True)
    parents, pupils = framework.indicator("5a"), framework.indicator("1e")
    assert (parents.dimension, parents.networks, pupils.dimension, pupils.networks) == ("5", ("techniek OOST",), "1", ())
    english = framework.in_language(Language.ENGLISH)
    assert (english.indicator("5a").label, english.indicator("5a").left, english.indicator("1e").label) == ("Parental involvement", "nauwelijks", "Stem van leerlingen")
    # A network is asked the eleven and its own; names compare as network names merge.
    assert framework.for_network("Techniek Oost").indicator_codes()[-1] == "5a"
    assert "5a" not in framework.for_network("Zorg").indicator_codes()
    assert [d.code for d in framework.for_network("Zorg").dimensions] == ["1", "2", "3", "4"]
    # Without a dimension, an indicator that is not 1e–4z goes into 'Eigen indicatoren'.
    framework, _ = add_own_indicators(tomllib.loads(PARENTS.replace('dimensie = "Omgeving"\ndimensie_en = "Surroundings"\n', "")), "x", load_framework())
    assert (framework.dimension("5").nl, framework.dimension("5").en) == ("Eigen indicatoren", "Own indicators")


def test_every_problem_with_own_indicators_is_said_at_once(data_dir: Path) -> None:
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    _settings(data_dir, '[indicatoren."1a"]\nlabel = "x"\n\n[indicatoren.zz]\nlabel = "x"\n\n[indicatoren."6b"]\nlabel = "x"\nvraag = "y"\nlinks = 3\n'
                        'kleur = "rood"\ndimensie = 9\nnetwerken = []\n\n[indicatoren."6B"]\nlabel = "x"\n\n'
                        '[indicatoren."7a"]\nlabel = "a"\nvraag = "b"\nlinks = "c"\nrechts = "d"\ndimensie = "Praktijk"\ndimensie_en = "Practice!"\n')
    with pytest.raises(InputError) as error:
        read_data(data_dir)
    assert [p.format() for p in error.value.report.problems] == [
        "netwerkspiegel.toml, sleutel 'indicatoren.\"1a\"', waarde '1a': 1a is een indicator van het Dimensieraamwerk zelf (1a tot en met 4d); "
        "kies voor een eigen indicator een andere code, zoals 5a of 1e.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"6B\"', waarde '6B': de code 6b staat al eerder onder [indicatoren]; elke eigen indicator heeft een eigen code.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"6b\"': een eigen indicator heeft een label, een vraag en twee polen (links en rechts); hier ontbreekt: rechts.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"6b\".dimensie', waarde '9': er is geen dimensie 9; gebruik 1 tot en met 4, of de naam van een eigen dimensie.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"6b\".kleur': onbekende instelling voor een eigen indicator; geldig zijn: label, vraag, links, rechts, "
        "dimensie, netwerken, label_en, vraag_en, links_en, rechts_en, dimensie_en.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"6b\".links', waarde '3': moet tekst van hoogstens 300 tekens op één regel zijn.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"6b\".netwerken', waarde '[]': moet een lijst met netwerknamen zijn, zoals [\"Hoogbegaafdheid\", "
        "\"Onderzoekend leren\"]; laat de regel weg voor alle netwerken.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"7a\".dimensie_en', waarde 'Practice!': dimensie_en geldt alleen voor een eigen dimensie; "
        "Praktijk heeft al een Engelse naam.",
        "netwerkspiegel.toml, sleutel 'indicatoren.\"zz\"', waarde 'zz': een eigen indicator heeft een code van een cijfer en een letter, zoals '5a' of "
        "'1e'; een formuliervraag ervoor begint met die code ('5a. …').",
    ]


def test_own_indicators_are_recognised_in_tables_forms_and_mapped_columns(data_dir: Path) -> None:
    _settings(data_dir, PARENTS.replace('["techniek  OOST"]', '["Net"]') + PUPILS + '\n[kolommen]\n"Hoe sterk stemmen leerlingen mee?" = "1e"\n')
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,5A,4,\nNet,2025-voorjaar,Anna,1a,7,gewenst\n")
    write(data_dir, "leerlingen.csv", "netwerk,meetmoment,deelnemer,Hoe sterk stemmen leerlingen mee?\nNet,2025-voorjaar,Bert,6\n")
    questions = ["Netwerk"] + INDICATOR_QUESTIONS_NL + ["5a. In welke mate betrekt het netwerk ouders bij zijn activiteiten?",
                                                       "5a. Gewenste situatie", "1e. In welke mate bepalen leerlingen mee?"]
    microsoft_forms_xlsx(data_dir / "form.xlsx", questions, [{"email": "cor@school.nl", "completed": __import__("datetime").datetime(2026, 3, 2, 9, 0),
                                                             "answers": ["Net"] + ["7"] * 11 + ["3", "8", "5"]}])
    dataset = read_data(data_dir)
    found = sorted((s.moment.label, s.indicator, str(s.situation), s.value) for s in dataset.scores if s.indicator in ("5a", "1e"))
    assert found == [("2025-voorjaar", "1e", "current", 6.0), ("2025-voorjaar", "5a", "current", 4.0),
                     ("2026-voorjaar", "1e", "current", 5.0), ("2026-voorjaar", "5a", "current", 3.0), ("2026-voorjaar", "5a", "desired", 8.0)]


def test_an_own_indicator_is_asked_only_where_it_was_used_and_only_of_its_networks(data_dir: Path) -> None:
    _settings(data_dir, PARENTS.replace('["techniek  OOST"]', '["Net", "Techniek Oost"]'))
    eleven = "".join(f"Net,{moment},Anna,{code},5,\n" for moment in ("2025-voorjaar", "2025-najaar") for code in load_framework().indicator_codes())
    write(data_dir, "scores.csv", SCORE_HEADER + eleven + "Net,2025-najaar,Anna,5a,4,\nNet,2025-najaar,Bert,1a,4,\nZorg,2025-najaar,Cor,1a,4,\n")
    warnings = [(w.code, w.row, w.key, w.value, w.message.render(__import__("generator.core.language", fromlist=["DUTCH"]).DUTCH)) for w in read_data(data_dir).warnings]
    assert warnings == [
        (Code.UNKNOWN_NETWORK, None, 'indicatoren."5a".netwerken', "Techniek Oost", "dit netwerk komt in geen enkele export voor, dus de eigen indicator 5a "
                                                                                   "telt daar niet. Staat de naam er precies zo als in de exports?"),
        # In the spring, before the network added 5a, Anna answered everything; in the autumn Bert left 5a out. Cor's network is never asked it.
        (Code.PARTIAL_PARTICIPANT, 25, None, None, "deze deelnemer (Net, 2025-najaar) vulde 1 van de 12 indicatoren in; ontbreekt: 1b, 2a, 2b, 3a, 3b, "
                                                   "3c, 4a, 4b, 4c, 4d, 5a. De ingevulde scores tellen mee."),
        (Code.PARTIAL_PARTICIPANT, 26, None, None, "deze deelnemer (Zorg, 2025-najaar) vulde 1 van de 11 indicatoren in; ontbreekt: 1b, 2a, 2b, 3a, 3b, "
                                                   "3c, 4a, 4b, 4c, 4d. De ingevulde scores tellen mee."),
    ]


def test_an_own_indicator_shows_where_the_eleven_do_and_only_for_its_networks(data_dir: Path) -> None:
    _settings(data_dir, PARENTS.replace('["techniek  OOST"]', '["net"]'))
    people = ("Anna", "Bert", "Cor", "Dirk", "Eva")
    rows = "".join(f"{net},{moment},{person}{net},{code},{5 + i % 3},\n" for net in ("Net", "Zorg") for moment in ("2025-voorjaar", "2025-najaar")
                   for i, person in enumerate(people) for code in load_framework().indicator_codes())
    rows += "".join(f"Net,{moment},{person}Net,5a,{3 + i % 2 + j},\n" for j, moment in enumerate(("2025-voorjaar", "2025-najaar")) for i, person in enumerate(people))
    write(data_dir, "scores.csv", SCORE_HEADER + rows)
    dataset = read_data(data_dir)
    from generator.analyse.report import summary
    from generator.core.language import translations

    assert "\nEigen indicatoren: 5a Ouderbetrokkenheid (Omgeving; alleen Net).\n" in summary(dataset)
    assert "\nOwn indicators: 5a Parental involvement (Surroundings; only Net).\n" in summary(dataset, translations(Language.ENGLISH))
    files = generate(dataset, Audience.INTERNAL).files
    net, zorg = files["netwerken/net.md"].decode(), files["netwerken/zorg.md"].decode()
    kruisjes = '<tr><td>5a Ouderbetrokkenheid</td><td>nauwelijks</td><td>intensief</td><td style="text-align: right;">4,0</td>'
    assert kruisjes in net and "5a Ouderbetrokkenheid" not in zorg and "<td>5a " not in zorg
    assert '<tr><td>5a Ouderbetrokkenheid</td><td style="text-align: right;">3,0</td><td style="text-align: right;">4,0</td></tr>' in net  # over time
    # The paths chart of Net offers 5a to choose, that of Zorg does not: each its own template.
    kinds = files["assets/grafiekvormen.js"].decode()
    paths = [name for name in re.findall(r'"(paths[^"]*)":', kinds)]
    assert len(paths) == 2 and '"options":["1a Praktijkintegratie","1b Duur van de activiteiten"' in kinds and '"4d Communicatienormen","5a Ouderbetrokkenheid"]' in kinds
    template_of = {page: re.search(r'"template":"(paths[^"]*)"', files[re.search(r'data-src="([^"]+)"', text).group(1)].decode()).group(1)
                   for page, text in (("net", net), ("zorg", zorg))}
    assert template_of["net"] == "paths" and template_of["zorg"].startswith("paths-")  # Net is asked all of them
    assert any(line.startswith('"Net","2025-najaar","5a","huidig","5","4"') for line in files["netwerken/net.csv"].decode().splitlines())
    dimension = files["dimensies/omgeving.md"].decode()
    assert dimension.startswith("# 5. Omgeving\n\nIndicatoren die netwerken zelf aan het Dimensieraamwerk toevoegden")
    right = '<td style="text-align: right;">'
    assert f"<tr><td>Net</td>{right}3,0 (n=5)</td>{right}4,0 (n=5)</td></tr>\n" in dimension and "<td>Zorg</td>" not in dimension
    overview = files["overzicht.md"].decode()
    codes = "".join(f'<th style="text-align: right;">{code}</th>' for code in "1a 1b 2a 2b 3a 3b 3c 4a 4b 4c 4d 5a".split())
    assert f"<tr><th>Netwerk</th><th>Laatste meetmoment</th>{codes}</tr>\n" in overview
    assert files["vragenlijsten/net.md"].decode().count('<div class="ns-q-line">') == 12
    assert files["vragenlijsten/zorg.md"].decode().count('<div class="ns-q-line">') == 11
    assert "- `5a. In welke mate betrekt het netwerk ouders bij zijn activiteiten?` (eigen indicator, alleen voor Net)" in files["formulieren.md"].decode()
    assert '{"5. Omgeving": "dimensies/omgeving.md"}' in files[".netwerkspiegel.json"].decode().replace("\n", "").replace("  ", "").replace("{ ", "{").replace(" }", "}")
    english = generate(dataset, Audience.INTERNAL, language=Language.ENGLISH).files
    assert english["dimensies/omgeving.md"].decode().startswith("# 5. Surroundings\n\nIndicators that networks added to the Dimension framework themselves")
    assert "<tr><td>5a Parental involvement</td><td>nauwelijks</td><td>intensief</td>" in english["netwerken/net.md"].decode()
    public = generate(dataset, Audience.PUBLIC).files
    assert kruisjes in public["netwerken/net.md"].decode()


def test_a_participant_named_in_an_own_indicator_is_said(data_dir: Path) -> None:
    _settings(data_dir, PUPILS.replace("Stem van leerlingen", "De klas van Anna"))
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    [warning] = [w for w in read_data(data_dir).warnings if w.code == Code.NAME_IN_PUBLIC_TEXT]
    assert warning.format() == ("netwerkspiegel.toml, sleutel 'indicatoren.\"1e\".label', waarde 'De klas van Anna': deze tekst noemt een deelnemer ('Anna'); "
                                "die naam komt zo op de site. Laat de naam van de deelnemer weg uit deze tekst.")
