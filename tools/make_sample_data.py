"""Writes the fictional sample data in data/: three learning networks of the Academische Werkplaats.

Run `python tools/make_sample_data.py` to regenerate. The data are made up but shaped like real
exports: different separators, decimal commas, Windows-1252 with CRLF, moment spellings, a mix of
names, e-mail addresses and codes as participant, reflections in all five value cycles, and the
latest moment as form exports: a Microsoft Forms workbook (Hoogbegaafdheid, with a participant who
answered twice and one who skipped two questions), a Google Forms CSV that holds everything
(Onderzoekend leren: crosses, stories with consent and the meeting's evaluation, with a network name
typed in lower case), a reflection form, meeting evaluations (a table and a form), the
networks' shared pictures (a table, and Hoogbegaafdheid's latest in the coach's form), their conclusions
and agreements, and two own indicators in the settings (1e for Zelfgestuurd leren from 2025-najaar, 5a for
Hoogbegaafdheid).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.exports import INDICATOR_QUESTIONS_NL, REFLECTION_QUESTIONS_NL, google_forms_csv, microsoft_forms_xlsx  # noqa: E402

DATA = ROOT / "data"
LATEST = "2026-voorjaar"
INDICATORS = ["1a", "1b", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d"]
MOMENTS = ["2024-najaar", "2025-voorjaar", "2025-najaar", "2026-voorjaar"]

NETWORKS = {
    "Zelfgestuurd leren": {
        "people": ["anouk.devries@obsdelinde.nl", "bram.jansen@obsdelinde.nl", "c.bakker@kbs-regenboog.nl",
                   "daan.visser@kbs-regenboog.nl", "eva.smit@iselinge.nl", "fatima.elamrani@iselinge.nl",
                   "g.mulder@ou.nl", "hanna.bos@obsdelinde.nl", "ilse.dekker@kbs-regenboog.nl",
                   "jeroen.vanleeuwen@iselinge.nl"],
        # current position per indicator at the first moment, and the drift per moment
        "start": {"1a": 4.0, "1b": 3.5, "2a": 4.0, "2b": 5.0, "3a": 4.5, "3b": 3.0, "3c": 5.0, "4a": 3.5, "4b": 3.0, "4c": 6.0, "4d": 4.5},
        "drift": {"1a": 1.2, "1b": 0.8, "2a": 0.7, "2b": 0.6, "3a": 0.6, "3b": 0.5, "3c": 0.5, "4a": 0.9, "4b": 0.9, "4c": 0.3, "4d": 0.7},
    },
    "Onderzoekend leren": {
        "people": ["Kees Hendriks", "Lotte Willems", "Mohamed Yilmaz", "Noor van Dam", "Olivier Peeters",
                   "Pien Kuipers", "Quinten de Graaf", "Roos Verhoeven", "Sanne Koster"],
        "start": {"1a": 5.0, "1b": 5.5, "2a": 6.0, "2b": 5.5, "3a": 6.0, "3b": 4.0, "3c": 6.5, "4a": 5.0, "4b": 4.0, "4c": 6.5, "4d": 5.5},
        "drift": {"1a": 0.6, "1b": 0.4, "2a": 0.5, "2b": 0.5, "3a": 0.3, "3b": 0.3, "3c": 0.4, "4a": 0.6, "4b": 0.8, "4c": 0.2, "4d": 0.4},
    },
    "Hoogbegaafdheid": {
        "people": ["HB-01", "HB-02", "HB-03", "HB-04", "HB-05", "HB-06", "HB-07", "HB-08"],
        "start": {"1a": 3.5, "1b": 4.0, "2a": 3.5, "2b": 4.0, "3a": 5.5, "3b": 2.5, "3c": 4.5, "4a": 3.0, "4b": 3.5, "4c": 5.0, "4d": 6.0},
        "drift": {"1a": 0.8, "1b": 0.6, "2a": 1.0, "2b": 0.8, "3a": 0.4, "3b": 0.2, "3c": 0.7, "4a": 0.7, "4b": 0.4, "4c": 0.5, "4d": 0.3},
    },
}
DESIRED = {"1a": 8.5, "1b": 8.0, "2a": 8.0, "2b": 8.0, "3a": 7.5, "3b": 6.0, "3c": 8.0, "4a": 8.0, "4b": 7.5, "4c": 8.0, "4d": 8.0}
# The shared lunch was cut after 2025-voorjaar: connectedness (3a, 3b) drops everywhere in 2025-najaar.
LUNCH_CUT = {"2025-najaar": {"3a": -1.5, "3b": -0.8}}


# The roles in Zelfgestuurd leren (the others are teachers): too few students and one researcher
# to be shown apart, so the network page names them without their figures.
ROLES = {"eva.smit@iselinge.nl": "pabostudent", "fatima.elamrani@iselinge.nl": "pabostudent",
         "jeroen.vanleeuwen@iselinge.nl": "pabostudent", "g.mulder@ou.nl": "onderzoeker"}


# Own indicators (`[indicatoren]` in the settings): per network, code → (first moment, start, drift, desired).
# Hoogbegaafdheid asks about parents from the start; Zelfgestuurd leren added the pupils' voice in 2025-najaar.
OWN = {"Hoogbegaafdheid": {"5a": (0, 3.0, 0.9, 7.5)}, "Zelfgestuurd leren": {"1e": (2, 3.5, 1.0, 7.0)}}
OWN_SETTINGS = """
# Eigen indicatoren: wat deze netwerken naast de elf van het Dimensieraamwerk willen volgen.
[indicatoren."1e"]
label = "Stem van leerlingen"
vraag = "In welke mate bepalen leerlingen mee waar het netwerk aan werkt?"
links = "de leraren bepalen"
rechts = "leerlingen bepalen mee"
netwerken = ["Zelfgestuurd leren"]
label_en = "Pupils' voice"
vraag_en = "To what extent do pupils help decide what the network works on?"
links_en = "teachers decide"
rechts_en = "pupils help decide"

[indicatoren."5a"]
label = "Ouderbetrokkenheid"
vraag = "In welke mate betrekt het netwerk ouders bij zijn activiteiten?"
links = "nauwelijks"
rechts = "intensief"
dimensie = "Omgeving"
dimensie_en = "Surroundings"
netwerken = ["Hoogbegaafdheid"]
label_en = "Parental involvement"
vraag_en = "To what extent does the network involve parents in its activities?"
links_en = "hardly"
rechts_en = "intensively"
"""
OWN_QUESTIONS = {"5a": "5a. In welke mate betrekt het netwerk ouders bij zijn activiteiten?"}


def codes_of(network: str) -> list[str]:
    return INDICATORS + sorted(OWN.get(network, {}))


def with_own_indicators(rows: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
    """The own indicators' crosses, from a random source of their own: the eleven stay as they were."""
    rng = random.Random(5)
    for network, own in OWN.items():
        present: dict[str, list[str]] = {}  # the people who put crosses at each moment, in order
        for row in rows[network]:
            people = present.setdefault(row[1], [])
            if row[2] not in people:
                people.append(row[2])
        for code, (first, start, drift, desired_at) in own.items():
            for step, moment in enumerate(MOMENTS):
                if step < first:
                    continue
                for person in present.get(moment, []):
                    current = min(10, max(1, round(start + drift * (step - first) + rng.gauss(0, 1.2))))
                    desired = min(10, max(1, round(desired_at + rng.gauss(0, 0.9))))
                    rows[network].append([network, moment, person, code, str(current), "huidig"])
                    rows[network].append([network, moment, person, code, str(desired), "gewenst"])
    return rows


def scores(rng: random.Random) -> dict[str, list[list[str]]]:
    rows: dict[str, list[list[str]]] = {name: [] for name in NETWORKS}
    for network, spec in NETWORKS.items():
        people = spec["people"]
        offsets = {person: {ind: rng.gauss(0, 1.1) for ind in INDICATORS} for person in people}
        for step, moment in enumerate(MOMENTS):
            present = [p for p in people if rng.random() > 0.12] if step else people
            if network == "Hoogbegaafdheid" and moment == "2025-voorjaar":
                present = people[:4]  # a study day clashed: a group too small for the public site
            for person in present:
                for indicator in INDICATORS:
                    current = spec["start"][indicator] + spec["drift"][indicator] * step
                    current += LUNCH_CUT.get(moment, {}).get(indicator, 0) + offsets[person][indicator]
                    current = min(10, max(1, round(current + rng.gauss(0, 0.5))))
                    rows[network].append([network, moment, person, indicator, str(current), "huidig"])
                    desired = min(10, max(1, round(DESIRED[indicator] + rng.gauss(0, 0.9))))
                    rows[network].append([network, moment, person, indicator, str(desired), "gewenst"])
    return rows


REFLECTIONS = [
    ("Zelfgestuurd leren", "2024-najaar", "anouk.devries@obsdelinde.nl", "direct", "Het was fijn om collega's van andere scholen te spreken die met dezelfde vragen over zelfgestuurd leren worstelen. Ik ging met energie naar huis.", "ja", "individueel", "Herkenning bij andere scholen"),
    ("Zelfgestuurd leren", "2025-voorjaar", "c.bakker@kbs-regenboog.nl", "potentieel", "Via het netwerk ken ik nu een onderzoeker van de OU die me kan helpen met literatuur over executieve functies.", "ja", "individueel", "Een nieuwe ingang naar onderzoek"),
    ("Zelfgestuurd leren", "2025-voorjaar", "eva.smit@iselinge.nl", "toegepast", "We hebben met het netwerk een kijkwijzer gemaakt voor de voorwaarden van zelfgestuurd leren; twee teams gebruiken hem nu in hun bouwvergadering.", "ja", "collectief", "Kijkwijzer in gebruik"),
    ("Zelfgestuurd leren", "2025-najaar", "bram.jansen@obsdelinde.nl", "gerealiseerd", "In groep 6 plannen de leerlingen nu zelf hun weektaak. Ze vragen minder vaak 'wat moet ik nu doen?' en helpen elkaar meer.", "ja", "individueel", "Groep 6 plant zelf"),
    ("Zelfgestuurd leren", "2025-najaar", "daan.visser@kbs-regenboog.nl", "direct", "Ik mis de gezamenlijke lunch. We praatten daar over van alles en dat maakte de middag makkelijker.", "nee", "individueel", None),
    ("Zelfgestuurd leren", "2026-voorjaar", "g.mulder@ou.nl", "transformatief", "Door het gesprek over de kruisjes zagen we dat we succes vooral aan het instrument afmaten. Nu vragen we ons eerst af wat leerlingen anders doen. Dat verandert hoe we onze bijeenkomsten inrichten.", "ja", "collectief", "Anders kijken naar succes"),
    ("Zelfgestuurd leren", "2026-voorjaar", "hanna.bos@obsdelinde.nl", "toegepast", "Ons team heeft afgesproken om elke maand één les samen voor te bereiden met de kijkwijzer.\nDe intern begeleider sluit aan.", "nee", "collectief", None),
    ("Onderzoekend leren", "2024-najaar", "Kees Hendriks", "direct", "Inspirerende eerste bijeenkomst; de werkvorm met de ideeënmuur gaf iedereen een stem.", "ja", "individueel", None),
    ("Onderzoekend leren", "2025-voorjaar", "Lotte Willems", "potentieel", "Ik heb geleerd hoe je met kinderen een goede onderzoeksvraag formuleert. Dat ga ik volgend jaar gebruiken.", "ja", "individueel", "Betere onderzoeksvragen"),
    ("Onderzoekend leren", "2025-voorjaar", "Mohamed Yilmaz", "potentieel", "De pabostudenten in ons netwerk brengen nieuwe bronnen mee die ik zelf nooit had gevonden.", "nee", "individueel", None),
    ("Onderzoekend leren", "2025-najaar", "Noor van Dam", "toegepast", "Onze school werkt nu in alle groepen met dezelfde onderzoekscyclus. Dat hebben we in het netwerk uitgewerkt.", "ja", "collectief", "Eén onderzoekscyclus voor de hele school"),
    ("Onderzoekend leren", "2025-najaar", "Olivier Peeters", "gerealiseerd", "Leerlingen in groep 8 presenteerden hun onderzoek aan ouders. Ze konden precies uitleggen hoe ze tot hun conclusie kwamen.", "ja", "individueel", "Groep 8 presenteert"),
    ("Onderzoekend leren", "2026-voorjaar", "Pien Kuipers", "transformatief", "We nodigen nu ook experts van buiten uit, omdat we zagen dat we vooral met elkaar praatten en weinig nieuwe kennis binnenhaalden.", "misschien later", "collectief", None),
    ("Hoogbegaafdheid", "2024-najaar", "HB-01", "direct", "Eindelijk een plek waar ik over de plusklas kan praten met mensen die het herkennen.", "nee", "individueel", None),
    ("Hoogbegaafdheid", "2025-voorjaar", "HB-03", "potentieel", "Ik heb een map met verrijkingsmateriaal van drie scholen gekregen. Goud waard.", "ja", "individueel", "Verrijkingsmateriaal delen"),
    ("Hoogbegaafdheid", "2025-najaar", "HB-04", "toegepast", "We hebben een gezamenlijk signaleringsprotocol afgesproken voor de drie scholen.", "ja", "collectief", "Eén signaleringsprotocol"),
    ("Hoogbegaafdheid", "2026-voorjaar", "HB-02", "gerealiseerd", "Een leerling die thuis zat, komt weer drie dagen naar school sinds hij in de verrijkingsgroep zit.", "nee", "individueel", None),
    ("Hoogbegaafdheid", "2026-voorjaar", "HB-05", "transformatief", "We merken dat we het netwerk steeds meer zelf sturen. De coach hoeft de agenda niet meer te maken; dat doen we om beurten.", "ja", "collectief", "Zelf aan het stuur"),
    ("Hoogbegaafdheid", "2026-voorjaar", "HB-06", "direct", "Ik vond de presentatie van de <b>pabostudenten</b> erg leuk & leerzaam *echt waar*.", "ja", "individueel", None),
]


# Reflections that tell one value-creation story together (the `verhaal` column), by network and author.
STORIES = {
    ("Zelfgestuurd leren", "anouk.devries@obsdelinde.nl"): "Zelf plannen in groep 6",
    ("Zelfgestuurd leren", "eva.smit@iselinge.nl"): "Zelf plannen in groep 6",
    ("Zelfgestuurd leren", "bram.jansen@obsdelinde.nl"): "Zelf plannen in groep 6",
    ("Onderzoekend leren", "Lotte Willems"): "De onderzoekscyclus",
    ("Onderzoekend leren", "Noor van Dam"): "De onderzoekscyclus",
    ("Onderzoekend leren", "Olivier Peeters"): "De onderzoekscyclus",
    ("Hoogbegaafdheid", "HB-01"): "Het signaleringsprotocol",
    ("Hoogbegaafdheid", "HB-03"): "Het signaleringsprotocol",
    ("Hoogbegaafdheid", "HB-04"): "Het signaleringsprotocol",
}


def write(path: Path, rows: list[list[str]], header: list[str], delimiter=",", encoding="utf-8", newline="\n", decimal_comma=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell.replace(".", ",") if decimal_comma and cell.replace(".", "").isdigit() else cell for cell in row])
    path.write_bytes(buffer.getvalue().encode(encoding))


TOPS = [
    "Goede gesprekken in kleine groepjes", "De casus uit groep 5 maakte het concreet", "Fijn dat de pabostudenten meededen",
    "Duidelijke agenda en op tijd klaar", "We hebben echt iets gemaakt", "De gastspreker gaf nieuwe ideeën",
    "Veel herkenning bij collega's van andere scholen", "", "De werkvorm met de ideeënmuur",
]
TIPS = [
    "Meer tijd voor uitwisseling", "Eerder beginnen, de middag was kort", "Materiaal vooraf delen",
    "Minder plenair, meer in tweetallen", "", "Concrete afspraken voor de volgende keer vastleggen", "De lunch terug!",
]
MEETINGS = {
    "Zelfgestuurd leren": ["2025-09-18", "2025-10-30", "2025-12-11", "2026-01-29", "2026-03-12"],
    "Onderzoekend leren": ["2025-09-25", "2025-11-06", "2026-01-15", "2026-03-05"],
    "Hoogbegaafdheid": ["2025-10-02", "2025-11-20", "2026-02-05", "2026-03-26"],
}


def split_latest(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    return [r for r in rows if r[1] != LATEST], [r for r in rows if r[1] == LATEST]


def form_answers(rows: list[list[str]], person: str, labels: bool = False) -> list[str]:
    """One response's answers: current then desired, per indicator (own ones last); empty where not scored."""
    found = {(r[3], r[5]): r[4] for r in rows if r[2] == person}
    label = {"1": "1 - nooit", "4": "4 - soms", "7": "7 - vaak", "10": "10 - altijd"}
    answers = []
    for situation in ("huidig", "gewenst"):
        for indicator in codes_of(rows[0][0]):
            value = found.get((indicator, situation), "")
            answers.append(label.get(value, value) if labels else value)
    return answers


def hoogbegaafdheid_form(rows: list[list[str]]) -> None:
    """Microsoft Forms, Dutch, no network column (the settings give it), codes as participant."""
    asked = INDICATOR_QUESTIONS_NL + [OWN_QUESTIONS["5a"]]
    questions = (["Wat is je deelnemerscode?"] + asked
                 + [q.split(".")[0] + ". Hoe zou je het willen hebben? (gewenste situatie)" for q in asked])
    people = sorted({r[2] for r in rows})
    responses = []
    for index, person in enumerate(people):
        answers = form_answers(rows, person, labels=True)
        if person == "HB-07":
            answers[8] = answers[10] = ""  # skipped 4b and 4d: kept, and reported as partial
        when = dt.datetime(2026, 3, 26, 15, 10 + index * 3)
        responses.append({"email": "anonymous", "name": "", "completed": when, "answers": [person] + answers})
        if person == "HB-02":  # answered twice: the later response counts, the earlier is reported
            first = [person] + [a if i % 3 else str(max(1, int(a.split()[0]) - 2)) if a else a for i, a in enumerate(answers)]
            responses.insert(len(responses) - 1, {"email": "anonymous", "name": "", "completed": when - dt.timedelta(days=1), "answers": first})
    microsoft_forms_xlsx(DATA / "Dimensieraamwerk Hoogbegaafdheid voorjaar 2026.xlsx", questions, responses, sheet="Form1")


# The stories told in Onderzoekend leren's form of the latest moment, with each teller's consent.
ONDERZOEKEND_STORIES = {
    "Kees Hendriks": ("toegepast", "Mijn groep 6 begint elke onderzoeksles nu met een vragenmuur; de leerlingen kiezen zelf welke vraag ze uitzoeken.", "Ja, dat mag"),
    "Noor van Dam": ("gerealiseerd", "Leerlingen die eerst nauwelijks iets vroegen, stellen nu zelf vragen bij de presentaties van anderen.", "Ja"),
    "Roos Verhoeven": ("direct", "Het was fijn om leerlingwerk van andere scholen te zien; dat gaf me ideeën voor volgende week.", "Nee"),
}
EVALUATION_QUESTIONS = ["Wat ging goed?", "Wat kan de volgende keer beter?", "Datum van de bijeenkomst"]


def onderzoekend_form(rows: list[list[str]], reflections: list[list[str]]) -> None:
    """Google Forms, Dutch, one form that holds everything: a name and a network question (one answer
    typed in lower case), the crosses, a question per value cycle with consent, and the evaluation of
    the meeting with its date (some answered a day later)."""
    questions = (["Wat is je naam?", "Welk netwerk?"] + INDICATOR_QUESTIONS_NL
                 + [q.split(".")[0] + ". Gewenste situatie" for q in INDICATOR_QUESTIONS_NL] + REFLECTION_QUESTIONS_NL + EVALUATION_QUESTIONS)
    cycles = ["direct", "potentieel", "toegepast", "gerealiseerd", "transformatief"]
    stories = dict(ONDERZOEKEND_STORIES)
    for _network, _moment, person, cycle, text, public, *_ in reflections:
        stories[person] = (cycle, text, "Ja, dat mag" if public == "ja" else "Nee, liever niet")
    responses = []
    for index, person in enumerate(sorted({r[2] for r in rows})):
        network = "onderzoekend leren" if index == 2 else "Onderzoekend leren"
        email = person.lower().replace(" ", ".") + "@kbs-dewegwijzer.nl"
        told = [""] * 5
        consent = ""
        if person in stories:
            cycle, text, consent = stories[person]
            told[cycles.index(cycle)] = text
        evaluation = [TOPS[index % len(TOPS)], TIPS[(index + 3) % len(TIPS)], "5-3-2026"] if index % 3 != 1 else ["", "", ""]
        when = dt.datetime(2026, 3, 5, 16, 40 + index) if index < 6 else dt.datetime(2026, 3, 6, 9, index)
        responses.append({"email": email, "time": when, "answers": [person, network] + form_answers(rows, person) + told + [consent] + evaluation})
    google_forms_csv(DATA / "Kruisjes onderzoekend leren (antwoorden) - Formulierreacties 1.csv", questions, responses)


def reflection_form(reflections: list) -> None:
    """Microsoft Forms, Dutch: one open question per value cycle and a consent question."""
    cycles = ["direct", "potentieel", "toegepast", "gerealiseerd", "transformatief"]
    responses = []
    for index, (network, _, person, cycle, text, public, _, _) in enumerate(reflections):
        answers = [""] * 5
        answers[cycles.index(cycle)] = text
        consent = "Ja, dat mag" if public == "ja" else "Nee, liever niet"
        responses.append({"email": person if "@" in person else "anonymous", "name": "" if "@" in person else person,
                          "completed": dt.datetime(2026, 3, 30, 20, index), "answers": [network] + answers + [consent]})
    microsoft_forms_xlsx(DATA / "Reflecties waardecreatie voorjaar 2026.xlsx", ["Netwerk"] + REFLECTION_QUESTIONS_NL, responses)


def evaluations(rng: random.Random) -> None:
    rows = []
    for network, dates in MEETINGS.items():
        for date in dates[:-1]:
            count = rng.randint(3, 6)
            for top, tip in zip(rng.sample(TOPS, count), rng.sample(TIPS, count), strict=False):
                rating = f"{rng.choice([6, 7, 7, 8, 8, 8, 9])}" + (",5" if rng.random() < 0.2 else "")
                rows.append([network, date, top, tip, rating])
    write(DATA / "evaluaties-bijeenkomsten.csv", rows, ["netwerk", "datum", "tops", "tips", "cijfer"], delimiter=";")
    responses = []
    for index, (top, tip) in enumerate(zip(rng.sample(TOPS, 5), rng.sample(TIPS, 5), strict=False)):
        responses.append({"email": "anonymous", "name": "", "completed": dt.datetime(2026, 3, 12, 16, 30 + index),
                          "answers": ["Zelfgestuurd leren", top, tip, rng.choice(["7 - goed", "8 - heel goed", "9 - uitstekend"])]})
    microsoft_forms_xlsx(DATA / "Evaluatie bijeenkomst 12 maart.xlsx",
                         ["Netwerk", "Wat ging goed?", "Wat kan de volgende keer beter?", "Welk rapportcijfer geef je deze bijeenkomst?"], responses)


# What each network concluded and agreed at its meetings (kind, public, text), per moment.
AGREEMENTS = {
    "Zelfgestuurd leren": {
        "2024-najaar": [("conclusie", "ja", "Zelfgestuurd leren betekent voor ons nog vooral: leerlingen kiezen zelf de volgorde van hun taken."),
                        ("afspraak", "nee", "Elke school kiest één groep waarin we de weektaak uitproberen.")],
        "2025-voorjaar": [("afspraak", "ja", "We maken samen een kijkwijzer voor de voorwaarden van zelfgestuurd leren."),
                          ("conclusie", "nee", "De gesprekken over de kruisjes gaan nog te veel over het instrument zelf.")],
        "2025-najaar": [("afspraak", "ja", "Twee teams gebruiken de kijkwijzer in hun bouwvergadering en vertellen er in het voorjaar over."),
                        ("afspraak", "nee", "De coach bereidt de volgende bijeenkomst niet meer alleen voor; we rouleren.")],
        "2026-voorjaar": [("conclusie", "ja", "Het netwerk stuurt zichzelf: de agenda komt nu uit de groep."),
                          ("afspraak", "nee", "In het najaar nodigen we de schoolleiders uit voor de bijeenkomst over de kijkwijzer.")],
    },
    "Onderzoekend leren": {
        "2025-voorjaar": [("afspraak", "ja", "Iedereen probeert de onderzoekscyclus uit met één groep en neemt leerlingwerk mee."),
                          ("conclusie", "nee", "We hebben nog geen gedeelde taal voor wat een goede onderzoeksvraag is.")],
        "2025-najaar": [("afspraak", "ja", "We vragen de onderzoekers van de pabo om een werkvorm voor onderzoeksvragen."),
                        ("conclusie", "ja", "Leerlingen presenteren al vaker aan elkaar dan aan de ouders.")],
        "2026-voorjaar": [("afspraak", "nee", "De map met voorbeelden van leerlingwerk komt op de gedeelde schijf.")],
    },
    "Hoogbegaafdheid": {
        "2024-najaar": [("afspraak", "nee", "We verzamelen de signaleringsinstrumenten van de drie scholen.")],
        "2025-voorjaar": [("conclusie", "ja", "De drie scholen signaleren op drie manieren; dat maakt overstappen moeilijk."),
                          ("afspraak", "ja", "We stellen samen één signaleringsprotocol op.")],
        "2025-najaar": [("afspraak", "ja", "Het protocol wordt dit schooljaar op alle drie de scholen gebruikt.")],
        "2026-voorjaar": [("conclusie", "nee", "Het protocol werkt, maar de verrijkingsgroep zit vol; daar moeten de schoolleiders over beslissen.")],
    },
}
# Where a conversation moved a network's agreed cross away from the median of its crosses, and what it said.
SHARED_SHIFTS = {
    ("Zelfgestuurd leren", "2026-voorjaar", "4a"): (1.5, "Na het gesprek: we sturen onszelf meer dan de losse kruisjes laten zien."),
    ("Zelfgestuurd leren", "2025-najaar", "2b"): (-1.0, "De kijkwijzer is van het netwerk, maar de opbrengst nog vooral persoonlijk."),
    ("Onderzoekend leren", "2026-voorjaar", "1a"): (-1.5, "Het onderzoekend leren zit nog niet in het dagelijkse werk; het blijft een project."),
    ("Hoogbegaafdheid", "2026-voorjaar", "4b"): (2.0, "Het protocol wordt ook buiten de drie scholen gebruikt."),
    ("Hoogbegaafdheid", "2025-najaar", "3a"): (0.0, "We zijn het eens: we zijn meer dan kennissen."),
}


def shared_picture(per_network: dict[str, list[list[str]]]) -> None:
    """Each network's agreed cross per indicator (current situation) from its second moment on: the
    median of its crosses, rounded to a half, moved where the conversation moved it (`SHARED_SHIFTS`)."""
    import statistics

    rows = []
    for network, scored in per_network.items():
        for moment in MOMENTS[1:]:
            for indicator in codes_of(network):
                values = [float(r[4].replace(",", ".")) for r in scored if r[1] == moment and r[3] == indicator and r[5] == "huidig"]
                if not values:
                    continue
                shift, note = SHARED_SHIFTS.get((network, moment, indicator), (0.0, ""))
                agreed = min(10.0, max(1.0, round(statistics.median(values) * 2) / 2 + shift))
                rows.append([network, moment, indicator, f"{agreed:g}", "huidig", note])
    # Hoogbegaafdheid's coach filled in the shared picture of the latest meeting in a form (see Vragen voor formulieren).
    in_form = [r for r in rows if r[0] == "Hoogbegaafdheid" and r[1] == LATEST]
    write(DATA / "gedeeld-beeld.csv", [r for r in rows if r not in in_form], ["netwerk", "meetmoment", "indicator", "gedeeld beeld", "situatie", "toelichting"])
    questions = ["Meetmoment"] + [q for r in in_form for q in (f"{r[2]}. Gedeeld beeld", f"{r[2]}. Toelichting")]
    answers = ["2026-voorjaar"] + [a for r in in_form for a in (r[3], r[5])]
    microsoft_forms_xlsx(DATA / "Gedeeld beeld Hoogbegaafdheid voorjaar 2026.xlsx", questions,
                         [{"email": "m.vermeulen@awog.nl", "name": "", "completed": dt.datetime(2026, 3, 26, 17, 5), "answers": answers}])


def agreements() -> None:
    rows = [[network, moment, text, kind, public] for network, moments in AGREEMENTS.items() for moment, items in moments.items()
            for kind, public, text in items]
    write(DATA / "afspraken.csv", rows, ["netwerk", "meetmoment", "afspraak", "soort", "openbaar"])


def main() -> None:
    rng = random.Random(2026)
    DATA.mkdir(exist_ok=True)
    for old in DATA.iterdir():
        old.unlink()
    per_network = with_own_indicators(scores(rng))
    per_network["Onderzoekend leren"], onderzoekend_latest = split_latest(per_network["Onderzoekend leren"])
    per_network["Hoogbegaafdheid"], hoogbegaafdheid_latest = split_latest(per_network["Hoogbegaafdheid"])
    hoogbegaafdheid_form(hoogbegaafdheid_latest)
    evaluations(rng)
    # Three exports, three styles, as three coaches would send them.
    write(DATA / "scores-zelfgestuurd-leren.csv", [row + [ROLES.get(row[2], "leraar")] for row in per_network["Zelfgestuurd leren"]],
          ["netwerk", "meetmoment", "deelnemer", "indicator", "score", "situatie", "rol"])
    onderzoekend = [[r[0], r[1].split("-")[1] + " " + r[1].split("-")[0], r[2], r[3].upper(), r[4], r[5]] for r in per_network["Onderzoekend leren"]]
    write(DATA / "Dimensieraamwerk onderzoekend leren.csv", onderzoekend,
          ["Netwerk", "Meetmoment", "Deelnemer", "Indicator", "Score", "Situatie"], delimiter=";", encoding="cp1252", newline="\r\n")
    write(DATA / "hoogbegaafdheid_kruisjes.csv", per_network["Hoogbegaafdheid"],
          ["network", "moment", "participant", "indicator", "score", "situation"], delimiter=";")
    reflection_rows = [[n, m, p, v, text, pub if pub != "misschien later" else "nee", lvl, title or ""] for n, m, p, v, text, pub, lvl, title in REFLECTIONS]
    write(DATA / "reflecties.csv", [r + [STORIES.get((r[0], r[2]), "")] for r in reflection_rows if r[1] != LATEST],
          ["netwerk", "meetmoment", "deelnemer", "waarde", "reflectie", "openbaar", "niveau", "titel", "verhaal"])
    latest_stories = [r for r in reflection_rows if r[1] == LATEST]
    onderzoekend_form(onderzoekend_latest, [r for r in latest_stories if r[0] == "Onderzoekend leren"])
    reflection_form([r for r in latest_stories if r[0] != "Onderzoekend leren"])
    shared_picture(with_own_indicators(scores(random.Random(2026))))  # the same crosses as above, before the forms took the latest moment
    agreements()
    (DATA / "netwerkspiegel.toml").write_text(
        "# Instellingen voor Netwerkspiegel (alle optioneel). Zie README.md.\n\n"
        "[schaal]\nminimum = 1\nmaximum = 10\n\n"
        "[publiek]\nminimale_groep = 5\n\n"
        "[site]\ntitel = \"Academische Werkplaats Oost-Gelderland\"\n\n"
        "# Het thema of de praktijkvraag van elk netwerk, op de site bij zijn verhalen.\n"
        "[netwerken.\"Zelfgestuurd leren\"]\nthema = \"Een doorgaande lijn voor zelfgestuurd leren in de basisschool\"\n\n"
        "[netwerken.\"Onderzoekend leren\"]\nthema = \"Kinderen leren onderzoeken: van vraag tot presentatie\"\n\n"
        "[netwerken.\"Hoogbegaafdheid\"]\nthema = \"Signaleren en begeleiden van (hoog)begaafde leerlingen\"\n\n"
        "# Het Microsoft Forms-formulier van Hoogbegaafdheid vraagt niet naar het netwerk.\n"
        "[bestanden.\"Dimensieraamwerk Hoogbegaafdheid voorjaar 2026.xlsx\"]\nnetwerk = \"Hoogbegaafdheid\"\n\n"
        "[bestanden.\"Gedeeld beeld Hoogbegaafdheid voorjaar 2026.xlsx\"]\nnetwerk = \"Hoogbegaafdheid\"\n\n"
        "# Eigen vragen in de formulieren, en wat ze betekenen.\n"
        "[kolommen]\n\"Wat is je deelnemerscode?\" = \"deelnemer\"\n\"Wat is je naam?\" = \"deelnemer\"\n" + OWN_SETTINGS,
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
