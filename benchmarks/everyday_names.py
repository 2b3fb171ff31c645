"""Benchmark: persons out, meaning kept (issue 38). Names that are also everyday Dutch words.

    python benchmarks/everyday_names.py [--cache DIR] [--show N]

Participants: names that are also everyday words (Roos Bos, Mark Winter, Kees Koning, Anna Bloem, Jan
Hoek, Piet de Groot, Els Klein, Joop Bakker, Ria de Wit, Sjaak de Boer, Ton Kok, Eva Visser, Lia
Dekker, Wim Schaap, Fenna Vink) and ordinary ones (Anouk de Vries, Bram Jansen), each also with an
e-mail address. Sentences shaped like teachers' reflections are passed through what the public site
does to a text (the participants' redactor, then Deduce), and two things are counted:

- recall: names planted in the sentences, participants in their variants (full name, first name at
  the start of a sentence and in the middle, surname with a title or particle, possessive -s,
  diminutive, initials, one letter wrong, spaced out, in a greeting, as an address, in lower case)
  and people who are not participants (pupils, colleagues). A planted name counts as removed when
  none of the words it was written with is left (goal: 1.00);
- ordinary words kept: sentences that use those everyday words as words ("De roos in de schooltuin
  bloeide", "Het was een groot succes", "Klein denken, groot beginnen.", "We gingen de boer op",
  "Vissen en bakken"). Counted are the name-like words in them (a word the redactor of issue 27 would
  have taken: a name part, with an ending, or one letter off) and every word (goal: at least 98 %).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.texts import FIRST_NAMES, SURNAMES  # noqa: E402

EVERYDAY_PARTICIPANTS = [
    "Roos Bos", "Mark Winter", "Kees Koning", "Anna Bloem", "Jan Hoek", "Piet de Groot", "Els Klein", "Joop Bakker", "Ria de Wit",
    "Sjaak de Boer", "Ton Kok", "Eva Visser", "Lia Dekker", "Wim Schaap", "Fenna Vink",
]
OTHER_PARTICIPANTS = ["Anouk de Vries", "Bram Jansen"]
PARTICIPANTS = EVERYDAY_PARTICIPANTS + OTHER_PARTICIPANTS

# Forms of a participant: (template with {first}, {last} (with particle), {bare} (surname without particle), {Bare}), kind.
PLANTED = [
    ("Samen met {first} {last} zette ik een onderzoekje op.", "volledige naam"),
    ("Het gesprek met {first} {last} gaf me nieuwe ideeën.", "volledige naam"),
    ("{first} {last} liet zien hoe zij de weektaak opbouwt.", "volledige naam"),
    ("Ik sprak {first_lower} {last_lower} na afloop over de aanpak.", "kleine letters"),
    ("{first} vertelde hoe haar groep de vragenmuur gebruikt.", "voornaam vooraan"),
    ("{first} had een mooie kijkwijzer meegenomen.", "voornaam vooraan"),
    ("{first} en ik hebben de lessen samen voorbereid.", "voornaam vooraan"),
    ("Daarna presenteerde {first} de resultaten van haar klas.", "voornaam midden"),
    ("Ik heb veel geleerd van {first} over formatief handelen.", "voornaam midden"),
    ("Het idee kwam van {first}, die het al jaren zo doet.", "voornaam midden"),
    ("Volgende keer wil ik met {first} een lesbezoek afleggen.", "voornaam midden"),
    ("Juf {first} liet zien hoe zij de kring opbouwt.", "met titel"),
    ("Meester {Bare} gaf een les over onderzoekend leren.", "met titel"),
    ("Ik heb mevrouw {Bare} gevraagd om mee te kijken.", "met titel"),
    ("Collega {Bare} nam haar leerlingen mee naar de bijeenkomst.", "met titel"),
    ("Ik zag dat {last_mid} de werkvorm al eerder gebruikte.", "achternaam midden"),
    ("De aanpak van {last_mid} werkte ook in mijn groep.", "achternaam midden"),
    ("{First}s aanpak met de weektaak werkte goed.", "bezits-s"),
    ("Ik heb {First}s kijkwijzer overgenomen.", "bezits-s"),
    ("{First}je had weer koekjes meegenomen.", "verkleinwoord"),
    ("Het idee kwam van {initial}. {last}.", "initialen"),
    ("{initial}.{initial_last}. gaf ons feedback op de rubric.", "initialen"),
    ("Het plan van {typo} vond ik sterk.", "tikfout"),
    ("Ik werkte samen met {typo} aan de doorgaande lijn.", "tikfout"),
    ("Dank aan {spaced} voor de organisatie.", "uitgespeld"),
    ("Met {spaced_lower} bespraken we de rubric.", "uitgespeld"),
    ("Hoi {first}, dank je voor de mooie bijeenkomst!", "aanhef"),
    ("Beste {first}, wil je de kijkwijzer nog delen?", "aanhef"),
    ("{first}, dank je wel voor het meedenken.", "aanspreekvorm"),
    ("Dank je wel, {first}!", "aanspreekvorm"),
    ("Groetjes, {first}", "aanspreekvorm"),
]
# People who are no participant, as reflections name them.
OTHERS = [
    ("{first} uit groep 6 vertelde trots over haar onderzoek.", "leerling"),
    ("Toen {first} zijn vraag presenteerde, werd het stil.", "leerling"),
    ("Ik zag dat {first} veel zelfstandiger werkte.", "leerling"),
    ("Samen met {first} {last} van de bovenbouw maakte ik een plan.", "collega"),
    ("Meester {last} liet zien hoe hij de weektaak opbouwt.", "collega"),
    ("Juf {first} gaf een mooie les over burgerschap.", "collega"),
]
# The everyday words, used as words.
ORDINARY = [
    "De roos in de schooltuin bloeide al in mei.", "We hebben met de klas een roos geplant.", "Elke leerling kreeg een rode roos mee naar huis.",
    "In het bos deden we onderzoek naar paddenstoelen.", "De kinderen bouwden een hut in het bos.", "Bos en hei rond de school zijn ons buitenlokaal.",
    "Deze winter lezen we meer voor in de kring.", "Afgelopen winter was het lastig om buiten les te geven.", "In de winter plannen we de lesbezoeken.",
    "Het project liep door tot de winter.", "De leerlingen speelden koning, keizer, admiraal op het plein.", "De koning van het schaakbord is de langzaamste.",
    "Op Koningsdag was de school dicht.", "Elke leerling tekende een bloem voor de moederdag.", "We zaaiden een bloem per kind.",
    "De bloemen in de klas hebben het hele jaar gebloeid.", "De hoek van de klas is nu een leeshoek.", "Om de hoek van de school is een bibliotheek.",
    "In elke hoek staat een ander onderzoeksmateriaal.", "Het was een groot succes.", "Het was een groot feest voor de leerlingen.",
    "Klein denken, groot beginnen.", "Klein beginnen werkt beter dan alles tegelijk willen.", "Kleine stappen, grote sprongen.",
    "Kleine groepjes werken beter bij het onderzoek.", "We begonnen klein, met één groep.", "Klein is fijn, maar we willen groeien.",
    "Groot was de verbazing toen het experiment lukte.", "Grote vragen vragen tijd.", "Het verschil tussen groot en klein werd duidelijk.",
    "De bakker kwam vertellen hoe brood rijst.", "We bezochten de bakker op de hoek.", "Bakken in de klas is rekenen met maten.",
    "Vissen in de sloot hoort bij het natuuronderwijs.", "De visser vertelde over zijn werk op zee.", "Een visser liet zien hoe een net werkt.",
    "Dekken de kosten de opbrengst?", "Dekken we de tafel voor het ouderontbijt?", "De dekker repareerde het dak van de gymzaal.",
    "Het witte bord is vervangen door een digibord.", "Wit en zwart zijn niet de enige kleuren.", "De muren zijn wit geschilderd.",
    "We gingen met de resultaten de boer op.", "De boer liet de kinderen de koeien zien.", "Een boer uit het dorp kwam in de klas.",
    "De kok van de school maakte soep met de kinderen.", "Kok worden is de droom van twee leerlingen.", "Een kok vertelde over gezond eten.",
    "Het schaap op de kinderboerderij was net geschoren.", "Het zwarte schaap van de klas bleek heel slim.", "Schaap en geit zijn er in de lente.",
    "Een vink zat op de vensterbank.", "De leerlingen zetten een vinkje bij elke stap.", "We zagen een vink en een mees in de schooltuin.",
    "Een keeshond kwam op bezoek in groep 1.", "De leerlingen stempelden een mark op elk werkstuk.", "Jan en alleman deed mee aan de markt.",
    "Dat was een grote hoop werk.", "Bakkers en vissers kwamen vertellen over hun beroep.", "De rozen en de bloemen bloeiden.",
    "Het bosje achter de school is ons buitenlokaal.", "Bloemetjes op tafel maken de kring gezellig.", "Het hoekje met boeken is populair.",
    "Groot denken, klein doen.", "Witte wolken en blauwe lucht: het thema weer.", "Boeren en burgers werkten samen.",
]
# And more, made of the same everyday words in the places reflections use them.
NOUNS = [("de roos", "Roos"), ("het bos", "Bos"), ("de winter", "Winter"), ("de koning", "Koning"), ("de bloem", "Bloem"),
         ("de hoek", "Hoek"), ("de bakker", "Bakker"), ("de boer", "Boer"), ("de kok", "Kok"), ("de visser", "Visser"),
         ("het schaap", "Schaap"), ("de vink", "Vink"), ("de dekker", "Dekker")]
NOUN_SENTENCES = [
    "In de kring hebben we het over {the} gehad.", "De leerlingen maakten een werkstuk over {the}.",
    "Het prentenboek over {the} was een goede start van het thema.", "Een leerling vroeg waarom {the} zo belangrijk is.",
    "{The} stond centraal in de les over de natuur.", "Tijdens het onderzoek tekenden de kinderen {the}.",
    "{Word}: een thema voor de hele school.", "{Word} als thema werkte goed in groep 4.",
]
ADJECTIVES = [("een groot succes", "Groot"), ("een grote stap", "Groot"), ("een klein onderzoek", "Klein"), ("kleine groepjes", "Klein"),
              ("het witte bord", "Wit"), ("een wit vel", "Wit")]
ADJECTIVE_SENTENCES = [
    "Voor ons was het {the}.", "We kozen bewust voor {the}.", "Het begon met {the} in groep 6.", "Na de bijeenkomst zagen we {the}.",
    "{Word} beginnen, dat leerden we in het netwerk.",
]
ORDINARY += [template.format(the=the, The=the[0].upper() + the[1:], Word=word) for the, word in NOUNS for template in NOUN_SENTENCES]
ORDINARY += sorted({template.format(the=the, The=the[0].upper() + the[1:], Word=word) for the, word in ADJECTIVES for template in ADJECTIVE_SENTENCES})
PARTICLES = {"de", "van", "der", "den", "el", "het", "ten", "ter"}

# Held out (the hostile tester's data, issue 38): other participants, their names used as words, and as
# persons, also with every one of their names kept by the coach (`publiek.behoud`): a person must still go.
HELD_OUT_PARTICIPANTS = ["Lente Zomer", "Fleur Hart", "Kim Berg", "Tom Post", "Iris Veld", "Wolf Beek", "Rik Mos", "Storm Vink", "Mila van Dijk"]
HELD_OUT_WORDS = [
    "Storm op zee: zo voelde de eerste bijeenkomst.", "Zomer of winter, de leerlingen blijven vragen stellen.", "Mos groeit op de stenen van het plein.",
    "Veld en bos rond de school zijn ons lokaal.", "Van lente tot zomer onderzochten we de schooltuin.", "Mos op het plein",
    "Vink aan wat je herkent, zei de coach.", "De storm ging liggen.", "Een hart voor de zaak.", "Berg op, berg af.", "Post-its overal.",
    "In het veld zochten we kevers.", "Een berg werk, maar het loont.", "Hart en ziel steken we erin.", "We lazen over de wolf en de vos.",
    "Een beek door het dorp was ons onderwerp.", "Achter de dijk ligt onze school.", "De zomer was kort.", "Storm in de klas",
    "Na de storm komt de lente.", "Met de post kwam een pakket.",
]
HELD_OUT_PERSONS = [
    ("Ik sprak met Storm over de weektaak.", ["Storm"]), ("Het idee kwam van Hart en werkte goed.", ["Hart"]),
    ("Lente's idee werkte.", ["Lente"]), ("@Storm in Teams.", ["Storm"]), ("Storm’s klas deed mee.", ["Storm"]), ("Storm zei: doe het samen.", ["Storm"]),
    ("Met dank aan:\n- Storm\n- Lente\n- Iris", ["Storm", "Lente", "Iris"]), ("Storm: bracht koffie.", ["Storm"]),
    ("Samen met Veld en Beek gaf Mos een workshop.", ["Veld", "Beek", "Mos"]), ("Iris, dank je!", ["Iris"]),
    ("Berg, Post en Hart deden mee.", ["Berg", "Post", "Hart"]), ("Lentes idee.", ["Lente"]), ("Met Lente en Zomer (de collega's) deden we het.", ["Lente", "Zomer"]),
    ("Zomers aanpak was goed.", ["Zomer"]), ("WE DANKEN STORM EN LENTE VOOR ALLES. OOK IRIS HIELP.", ["Storm", "Lente", "Iris"]),
    ("Dank Aan Storm En Lente Voor De Hulp", ["Storm", "Lente"]), ("Lente? Wat vond jij ervan?", ["Lente"]), ("Storm (groep 5) gaf de les.", ["Storm"]),
    ("Stоrm Vіnk (cyrillisch) kwam.", ["Stоrm", "Vіnk"]), ("mevr. v. Dijk hielp.", ["Dijk"]), ("Lieve Iris, top.", ["Iris"]),
    ("Groetjes,\nFleur", ["Fleur"]), ("Roos vond het leuk.", ["Roos"]), ("juf lente en meester storm", ["lente", "storm"]),
]

# The second hostile round (issue 38): other participants; the shapes of its leak classes (each must go, also
# with every name word in `publiek.behoud`) and of its lost words (each must stay, the text unchanged).
HELD_OUT2_PARTICIPANTS = ["Bas Molenaar", "Sterre Hout", "Noor Zand", "Dirk Smid", "Anne Raaf", "Pieter Steen", "Merel Kool", "Lucas Ram",
                          "Lies Valk", "Jet Schaap", "Tim Wijn"]
HELD_OUT2_PERSONS = [
    ("Wie deed wat:\n- Bas: de planning\n- Merel: de materialen\n- Steen: het verslag", ["Bas", "Merel", "Steen"]),
    ("Taken:\n- Bas (planning)\n- Merel – materialen\n- Kool/Ram: verslag", ["Bas", "Merel", "Kool", "Ram"]),
    ("Rollen:\n* Zand - notulen\n1. Valk: tijd\n2) Hout (voorzitter)", ["Zand", "Valk", "Hout"]),
    ("Ram z'n klas deed mee.", ["Ram"]), ("Kool d'r klas deed mee.", ["Kool"]), ("Steen hun team won.", ["Steen"]), ("RAM Z'N KLAS OOK.", ["RAM"]),
    ("Zand zelf vond het ook spannend.", ["Zand"]), ("Kool ook zei dat het werkte.", ["Kool"]),
    ("Valk: 'Ik ga het proberen.' Zand: zeker doen!", ["Valk", "Zand"]), ("Hout: top. Kool: \"doen we\"", ["Hout", "Kool"]),
    ("DANK AAN HOUT EN SCHAAP VOOR DE WORKSHOP! GROETEN VAN MEREL", ["HOUT", "SCHAAP", "MEREL"]), ("HOERA VOOR STEEN IN GROEP 5", ["STEEN"]),
    ("groeten van merel", ["merel"]), ("\"Merel\" riepen de kinderen toen ze binnenkwam.", ["Merel"]), ("'Zand' stond op de deur.", ["Zand"]),
    ("Mooi werk #teamValk en #ValkRocks!", ["Valk"]), ("#teamvalk", ["valk"]), ("Onze Kool regelde de laptops.", ["Kool"]),
    ("Ik sprak mijn Steen.", ["Steen"]), ("ONZE KOOL REGELDE HET.", ["KOOL"]), ("dank je wel, steen!", ["steen"]),
]
HELD_OUT2_WORDS = [
    "Zand, water en klei: de kleuters onderzochten wat het beste bouwt.", "Steen, papier, schaar", "Merel, mus en koolmees zaten op het hek.",
    "Ram, ooi en lam: de dieren van de boerderij.", "Schaap, geit en kip mochten we aaien.", "Lies, knie en enkel: de gymjuf legde het uit.",
    "Steen voor steen bouwen we aan een onderzoekende houding.", "Shout-out naar de hele klas!", "Zand zelf maken kan niet.",
    "Kool en wortel uit de schooltuin.", "Bas en gitaar in de muziekles.", "Raaf of kraai?", "Een valk, een raaf en een merel vlogen over.",
    "Hout, metaal en plastic.", "De kinderen interviewden de laatste molenaar.",
]

# The third hostile round (issue 38): a name-word at the start of a sentence, a line or after a label, text in one case,
# nicknames, English. Without evidence of the word such a place is removed, but `publiek.behoud` brings it back, so the
# persons are counted without it.
HELD_OUT3_PARTICIPANTS = ["Fleur Akker", "Wolf Bron", "Beer Eik", "Hanna Haver", "Lotte Linde", "Sanne Meer", "Koen Rijn", "Mila Spijker",
                          "Joris Stam", "Eva Toren", "Gijs Veer", "Femke Vlas"]
HELD_OUT3_PERSONS = [
    ("Toren 2x afwezig, Rijn 1x. Haver 3 keer te laat.", ["Toren", "Rijn", "Haver"]), ("Toren 2x afwezig.", ["Toren"]),
    ("Stam 3/5 aanwezig, Veer 5/5.", ["Stam", "Veer"]), ("Thanks Bron and Spijker! Akker agreed with Rijn.", ["Bron", "Spijker", "Akker", "Rijn"]),
    ("Akker agreed.", ["Akker"]), ("Linde said the workshop was great.", ["Linde"]), ("Ook Vlassie was er. Eikie hielp.", ["Vlassie", "Eikie"]),
    ("Eikie en Vlassie hielpen.", ["Eikie", "Vlassie"]), ("beste akker, groetjes linde. actie: toren. notulist: bron", ["akker", "linde", "toren", "bron"]),
    ("akker en bron deden mee.", ["akker", "bron"]), ("Trekker: Vlas. Actiehouder: Rijn.", ["Vlas", "Rijn"]),
    ("Intern: Actie: Toren. Met vriendelijke groet, Linde.", ["Toren", "Linde"]),
]
HELD_OUT3_WORDS = [
    "Haver, tarwe en gerst zaaiden we in de schooltuin.", "Eik, beuk en berk: de bomen rond de school.", "Vlas, katoen en wol: natuurlijke vezels.",
    "Meer dan de helft van de kinderen deed mee.", "Meer weten? Mail de coach.", "Het netwerk is een bron van inspiratie.", "De toren van blokken viel om.",
    "Akker en weide: wat is het verschil?", "Een beer van een kerel.", "Veer en verf: schilderen met een veer.", "Een stamboom maken.",
]


def _forms(name: str) -> dict[str, str]:
    first, last = name.split(" ", 1)
    bare = " ".join(w for w in last.split() if w not in PARTICLES)
    # one letter wrong: the redactor looks for that in name parts of five letters or more (issue 27)
    long_part = first if len(first) >= 5 else bare if len(bare) >= 5 else None
    typo = long_part[:-1] + ("x" if long_part[-1] != "x" else "y") if long_part else ""
    spaced_word = first if len(first) >= 4 else f"{first}{bare}"
    return {
        "first": first, "last": last, "bare": bare, "Bare": bare, "First": first, "first_lower": first.lower(), "last_lower": last.lower(),
        "last_mid": last, "initial": first[0], "initial_last": bare[0], "typo": typo,
        "spaced": " ".join(spaced_word.upper()), "spaced_lower": " ".join(spaced_word[0].upper() + spaced_word[1:].lower()),
    }


def planted(rng: random.Random) -> list[tuple[str, str, list[str]]]:
    """(sentence, kind, the words that must not be left) for every participant in every form, and others."""
    found = []
    for name in PARTICIPANTS:
        forms = _forms(name)
        for template, kind in PLANTED:
            if kind == "tikfout" and not forms["typo"]:
                continue
            text = template.format(**forms)
            if kind == "uitgespeld":
                what = [forms["spaced"] if "{spaced}" in template else forms["spaced_lower"]]
            elif kind == "tikfout":
                what = [forms["typo"]]
            elif kind == "bezits-s":
                what = [forms["First"] + "s"]
            elif kind == "verkleinwoord":
                what = [forms["First"] + "je"]
            elif kind == "initialen":
                what = [forms["last"].split()[-1]] if "{last}" in template else [f"{forms['initial']}.{forms['initial_last']}."]
            else:
                what = [word for word in re.findall(r"\w+", text) if word.lower() in {w.lower() for w in name.split()} - PARTICLES]
            found.append((text, kind, what))
    for _ in range(len(PARTICIPANTS) * 4):
        template, kind = rng.choice(OTHERS)
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        text = template.format(first=first, last=last)
        found.append((text, f"geen deelnemer: {kind}", [w for w in re.findall(r"\w+", text) if w in {first, *last.split()} - PARTICLES]))
    return found


def left(public: str, what: list[str]) -> list[str]:
    return [word for word in what if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", public, re.IGNORECASE)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", help="a store folder for Deduce's lists (default: a temporary one)")
    parser.add_argument("--show", type=int, default=15, help="how many misses of each kind to print")
    args = parser.parse_args()
    from generator.core.identity import Redactor
    from generator.core.name_finder import NameFinder
    from generator.core.store import Store

    people = PARTICIPANTS + [f"{n.split()[0].lower()}.{''.join(n.split()[1:]).lower()}@school.nl" for n in PARTICIPANTS]
    redactor = Redactor(people)
    old_style = Redactor(people)  # what counts as a name-like word: what the redactor finds in a word alone, without context
    with tempfile.TemporaryDirectory(prefix="everyday-") as temporary:
        finder = NameFinder.from_store(Store(Path(args.cache or temporary)))

        def public(text: str) -> str:
            return finder(redactor(text))

        rng = random.Random(38)
        by_kind: Counter[str] = Counter()
        hits: Counter[str] = Counter()
        misses = []
        for text, kind, what in planted(rng):
            result = public(text)
            by_kind[kind] += 1
            if left(result, what):
                misses.append((kind, text, result))
            else:
                hits[kind] += 1
        name_like = name_like_kept = words = words_kept = by_redactor = 0
        lost = []
        for text in ORDINARY:
            result = public(text)
            participants_out = redactor(text)
            tokens = re.findall(r"[^\W\d_]+", text)
            for token in tokens:
                kept = bool(re.search(rf"(?<!\w){re.escape(token)}(?!\w)", result))
                words += 1
                words_kept += kept
                if old_style.keys & {token.lower()} or _name_like(old_style, token):
                    name_like += 1
                    name_like_kept += kept
                    by_redactor += bool(re.search(rf"(?<!\w){re.escape(token)}(?!\w)", participants_out))
            if result != text:
                lost.append((text, result))
        held_out = Redactor(HELD_OUT_PARTICIPANTS)
        every_word = held_out.keeping(word for name in HELD_OUT_PARTICIPANTS for word in name.split())
        held_words = [(text, finder(held_out(text))) for text in HELD_OUT_WORDS]
        held_persons = [(text, what, finder(held_out(text)), finder(every_word(text))) for text, what in HELD_OUT_PERSONS]
        held_out2 = Redactor(HELD_OUT2_PARTICIPANTS)
        every_word2 = held_out2.keeping(word for name in HELD_OUT2_PARTICIPANTS for word in name.split())
        held_words += [(text, finder(held_out2(text))) for text in HELD_OUT2_WORDS]
        held_persons += [(text, what, finder(held_out2(text)), finder(every_word2(text))) for text, what in HELD_OUT2_PERSONS]
    total = sum(by_kind.values())
    print(f"Deelnemers: {len(PARTICIPANTS)} ({len(EVERYDAY_PARTICIPANTS)} met een naam die ook een gewoon woord is); "
          f"geplante namen: {total}; zinnen met gewone woorden: {len(ORDINARY)}")
    print("| soort | gevonden | recall |")
    print("| --- | --- | --- |")
    for kind in sorted(by_kind):
        print(f"| {kind} | {hits[kind]}/{by_kind[kind]} | {hits[kind] / by_kind[kind]:.2f} |")
    print(f"| **alle geplante namen** | {sum(hits.values())}/{total} | **{sum(hits.values()) / total:.3f}** |")
    print()
    print(f"Gewone woorden behouden: naamachtige woorden {name_like_kept}/{name_like} ({name_like_kept / name_like:.1%}); "
          f"alle woorden {words_kept}/{words} ({words_kept / words:.1%}); zinnen ongewijzigd {len(ORDINARY) - len(lost)}/{len(ORDINARY)}")
    print(f"Naamachtige woorden behouden door het weglaten van deelnemers alleen (zonder Deduce): {by_redactor}/{name_like} "
          f"({by_redactor / name_like:.1%}); de rest nam Deduce (dat namen van iedereen zoekt) voor een naam, vooral aan het begin van een zin.")
    print()
    print(f"Achtergehouden (de data van de vijandige testers, twee rondes): namen als woord behouden {sum(t == r for t, r in held_words)}/{len(held_words)}; "
          f"personen weggelaten {sum(not left(r, w) for _t, w, r, _k in held_persons)}/{len(held_persons)}, "
          f"ook met al hun namen in publiek.behoud {sum(not left(k, w) for _t, w, _r, k in held_persons)}/{len(held_persons)}")
    held_out3 = Redactor(HELD_OUT3_PARTICIPANTS)
    persons3 = [(text, what, held_out3(text)) for text, what in HELD_OUT3_PERSONS]
    words3 = [(text, held_out3(text)) for text in HELD_OUT3_WORDS]
    print(f"Derde ronde (zonder Deduce): personen weggelaten {sum(not left(r, w) for _t, w, r in persons3)}/{len(persons3)}; "
          f"namen als woord behouden {sum(t == r for t, r in words3)}/{len(words3)}")
    for text, result in words3:
        if text != result:
            print(f"derde ronde, woord verloren: {text!r} -> {result!r}")
    for text, what, result in persons3:
        if left(result, what):
            print(f"derde ronde, persoon gebleven: {text!r} -> {result!r}")
    for text, result in held_words:
        if text != result:
            print(f"achtergehouden woord verloren: {text!r} -> {result!r}")
    for text, what, result, kept in held_persons:
        if left(result, what) or left(kept, what):
            print(f"achtergehouden persoon gebleven: {text!r} -> {result!r} / met behoud {kept!r}")
    for kind, text, result in misses[: args.show]:
        print(f"gemist ({kind}): {text!r} -> {result!r}")
    for text, result in lost[: args.show]:
        print(f"woord verloren: {text!r} -> {result!r}")


def _name_like(redactor: object, token: str) -> bool:
    """Whether the redactor of issue 27 would take this word on its own (a name part, an ending, one letter off)."""
    from generator.core.identity import Redactor, fold_word

    assert isinstance(redactor, Redactor)
    folded = fold_word(token)
    return folded in redactor.keys or (folded[-1] in "se" and redactor._is_variant(folded)) or (
        token[0].isupper() and len(folded) >= 4 and _one_off(redactor, folded))


def _one_off(redactor: object, folded: str) -> bool:
    from generator.core.identity import Redactor, one_edit_apart

    assert isinstance(redactor, Redactor)
    return any(one_edit_apart(folded, name) and name[0] == folded[0] for names in redactor._near.values() for name in names)


if __name__ == "__main__":
    main()
