"""Persons out, meaning kept (issue 38): a participant whose name is also an everyday Dutch word
("Roos Bos", "Klein", "de Groot") is removed where the text means the person and kept where it
means the word; what the coach configured is never rewritten; `check --audience publiek` shows
every change and the coach keeps a word with `publiek.behoud`.

The issue's own examples are pinned first; then the same classes with other names (held out: Iris
Haan, Hanna Vos, Sara Mol, Bart de Jong, Lieke de Haas, Wim Schaap), and properties over them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.core.dutch_words import is_adjective, is_word
from generator.core.identity import Redactor, fold_word
from generator.core.vocabulary import Audience
from generator.pipeline import build
from tests.conftest import REFLECTION_HEADER, SCORE_HEADER, readable, write

ISSUE = ["Roos Bos", "Mark Winter", "Kees Koning", "Anna Bloem", "Jan Hoek", "Piet de Groot", "Els Klein", "Joop Bakker", "Ria de Wit",
         "Sjaak de Boer", "Ton Kok", "Eva Visser", "Lia Dekker", "Eva Mulder"]
HELD_OUT = ["Iris Haan", "Hanna Vos", "Sara Mol", "Bart de Jong", "Lieke de Haas", "Wim Schaap"]
ISSUE_REDACTOR = Redactor(ISSUE)
HELD_OUT_REDACTOR = Redactor(HELD_OUT)


@pytest.mark.parametrize("text", [
    # the issue's sentences
    "De roos in de schooltuin bloeide", "Het was een groot succes", "Klein denken, groot beginnen.",
    # the same words as words, in other places
    "In het bos deden we onderzoek.", "Deze winter lezen we meer voor.", "De koning van het schaakbord.", "Een bloem voor de juf.",
    "Om de hoek is een bibliotheek.", "We gingen met de resultaten de boer op.", "De bakker kwam vertellen hoe brood rijst.",
    "Het witte bord is weg.", "De kok maakte soep met de kinderen.", "Een visser vertelde over zijn werk.", "Klein is fijn.",
    "Groot was de verbazing.", "Kleine stappen, grote sprongen.", "Bos en hei rond de school.", "Het bosje achter de school.",
    # one letter from a name, but Dutch words: no typos
    "Vissen, Bakken en Dekken doen we niet.", "Kleine scholen, grote stappen.", "Daarna gingen we samen Vissen en Bakken.",
])
def test_the_issues_everyday_words_stay_where_they_are_words(text: str) -> None:
    assert ISSUE_REDACTOR(text) == text


@pytest.mark.parametrize("text, redacted", [
    ("Hoi Roos, dank je voor de les.", "Hoi [deelnemer], dank je voor de les."),
    ("Roos vertelde over haar klas.", "[deelnemer] vertelde over haar klas."),
    ("Roos Bos gaf een les.", "[deelnemer] gaf een les."),
    ("Ik sprak met Bakker en de Groot.", "Ik sprak met [deelnemer] en [deelnemer]."),
    ("De Groot zei het al.", "[deelnemer] zei het al."),
    ("Mevrouw de Wit en meester bakker kwamen ook.", "Mevrouw [deelnemer] en meester [deelnemer] kwamen ook."),
    ("R. Bos en K. Koning waren er.", "[deelnemer] en [deelnemer] waren er."),
    ("P.G. gaf feedback.", "[deelnemer]. gaf feedback."),  # Piet de Groot's initials without the particle
    ("Roos, wat goed dat je er was!", "[deelnemer], wat goed dat je er was!"),
    ("Dank je wel, Klein!", "Dank je wel, [deelnemer]!"),
    ("Het idee van Visser werkte.", "Het idee van [deelnemer] werkte."),
    ("E V A M U L D E R kwam ook.", "[deelnemer] kwam ook."),
    ("Ook M u l d e r en B A K K E R kwamen.", "Ook [deelnemer] en [deelnemer] kwamen."),
    ("Met R O O S  B O S sprak ik.", "Met [deelnemer] sprak ik."),
    ("ik sprak roos bos na afloop.", "ik sprak [deelnemer] na afloop."),
    ("Bakkers klas en Roosje.", "[deelnemer] klas en [deelnemer]."),  # the names with an ending, capitalised after the start
    ("Roos plantte bonen. Later hielp roos de kleuters.", "[deelnemer] plantte bonen. Later hielp [deelnemer] de kleuters."),
    ("Visers boek lag er nog.", "[deelnemer] boek lag er nog."),  # a typo that is no word
    ("Groetjes,\nRoos", "Groetjes,\n[deelnemer]"),  # a signature
    ("Op de foto:\nKlein\nBakker", "Op de foto:\n[deelnemer]\n[deelnemer]"),  # names alone on their lines
    ("Roosje zong een lied.", "[deelnemer] zong een lied."), ("Roos' aanpak werkte.", "[deelnemer]' aanpak werkte."),
    ("Bakker's klas was rumoerig.", "[deelnemer] klas was rumoerig."),
])
def test_the_issues_names_go_where_they_are_persons(text: str, redacted: str) -> None:
    assert ISSUE_REDACTOR(text) == redacted


@pytest.mark.parametrize("text", [
    "Een haan kraaide op het schoolplein.", "De vos sloop door de tuin.", "De mol groef gangen in het grasveld.", "Jong geleerd is oud gedaan.",
    "De haas was sneller dan de schildpad.", "Het schaap op de kinderboerderij.", "Vossen en hazen in het prentenboek.",
    "Dat zit ons in het Bloed.", "We speelden Schaak en gebruikten een Schaal.",  # one letter from "Bloem", "Schaap": words
    "Jonge leerlingen leren snel.", "De iris van het oog.",
])
def test_held_out_everyday_words_stay(text: str) -> None:
    assert Redactor([*HELD_OUT, "Anna Bloem"])(text) == text


@pytest.mark.parametrize("text, redacted", [
    ("Ik sprak met Vos over de aanpak.", "Ik sprak met [deelnemer] over de aanpak."),
    ("Haan vertelde over haar klas.", "[deelnemer] vertelde over haar klas."),
    ("Hoi Iris, bedankt!", "Hoi [deelnemer], bedankt!"),
    ("Meester de Jong gaf les.", "Meester [deelnemer] gaf les."),
    ("Mol, dank je voor je hulp.", "[deelnemer], dank je voor je hulp."),
    ("Juf Lieke en de Haas plannen samen.", "Juf [deelnemer] en [deelnemer] plannen samen."),
    ("S C H A A P en M O L waren er.", "[deelnemer] en [deelnemer] waren er."),
    ("Schapp had gelijk, zei Vosje.", "[deelnemer] had gelijk, zei [deelnemer]."),  # a typo that is no word; a diminutive
    ("H.V. en B.d.J. kwamen.", "[deelnemer]. en [deelnemer]. kwamen."),
])
def test_held_out_names_go(text: str, redacted: str) -> None:
    assert HELD_OUT_REDACTOR(text) == redacted


def test_a_kept_word_stays_as_a_word_but_never_as_a_name() -> None:
    keeping = Redactor(ISSUE, keep=["Roos", "Bakker"])
    # only a capital says "person": after an article, or at the start of a text that names the person elsewhere
    assert keeping("Op basisschool De Roos werken we.") == "Op basisschool De Roos werken we."
    assert Redactor(ISSUE)("Op basisschool De Roos werken we.") == "Op basisschool De [deelnemer] werken we."
    assert keeping("Roos op het plein. Ik sprak met Roos.") == "Roos op het plein. Ik sprak met [deelnemer]."
    # a full name, an initial, a title, a greeting, spaced out, a preposition or verb, an address, a list: always the person
    assert keeping("Roos Bos, R. Bos, juf Roos, Hoi Roos, R O O S.") == "[deelnemer], [deelnemer], juf [deelnemer], Hoi [deelnemer], [deelnemer]."
    assert keeping("Met Klein en Joop Bakker.") == "Met [deelnemer] en [deelnemer]."
    assert keeping("We werkten met Bakker en Roosje. Roos vertelde. Roos, dank je. @Roos. Bakkers klas.") == (
        "We werkten met [deelnemer] en [deelnemer]. [deelnemer] vertelde. [deelnemer], dank je. @[deelnemer]. [deelnemer] klas.")
    assert Redactor(ISSUE).keeping(["Roos"])("met Roos") == "met [deelnemer]"


def test_the_word_list_tells_words_and_adjectives() -> None:
    assert all(is_word(word) for word in ("roos", "bakker", "vissen", "kleine", "dekken", "bakken"))
    assert not any(is_word(word) for word in ("anouk", "visers", "sanne"))
    assert all(is_adjective(word) for word in ("klein", "groot", "wit", "jong", "oud"))
    assert not any(is_adjective(word) for word in ("roos", "bakker", "winter", "koning", "visser"))


# --- properties: any everyday-word name, in any person's place, goes; as a word after an article, stays ---

EVERYDAY = [name for name in ISSUE + HELD_OUT if name != "Eva Mulder"]
PERSON_PLACES = [
    "Samen met {first} {last} zette ik een onderzoekje op.", "Ik sprak met {First} over de aanpak.", "Hoi {First}, dank je wel!",
    "Juf {first} liet zien hoe zij plant.", "Het idee kwam van {initial}. {last}.", "Mevrouw {last} gaf feedback.",
    "Met {spaced} sprak ik.", "{First} vertelde over haar klas.", "Dank je wel, {First}.", "Volgens {First}s plan werkte het.",
    "{first_lower} {last_lower} deed mee.",
]
WORD_PLACES = ["We hebben het in de kring over de {word} gehad.", "Een {word} stond centraal in de les.", "Deze {word} was anders.",
               "Het werkstuk ging over de {word}.", "Als thema werkte de {word} goed."]


def _forms(name: str, surname_first: bool) -> dict[str, str]:
    first, last = name.split(" ", 1)
    bare = last.split()[-1]
    part = bare if surname_first else first
    return {"first": first, "last": last, "First": part, "initial": first[0], "spaced": " ".join(part.upper()),
            "first_lower": first.lower(), "last_lower": last.lower()}


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(EVERYDAY), place=st.sampled_from(PERSON_PLACES), surname_first=st.booleans(), keep=st.booleans())
def test_an_everyday_name_where_it_stands_for_a_person_is_removed(name: str, place: str, surname_first: bool, keep: bool) -> None:
    forms = _forms(name, surname_first)
    text = place.format(**forms)
    strong = place.startswith(("Samen", "Hoi", "Juf", "Het idee", "Mevrouw", "Met", "{first_lower}"))
    redactor = Redactor(EVERYDAY, keep=[forms["First"]] if keep and not strong else [])
    if keep and not strong:
        return  # the coach keeps the word: shown by `test_a_kept_word_…`
    left = redactor(text)
    words = {word.lower() for word in name.split()} - {"de"}
    assert not [w for w in re.findall(r"[^\W_]+", left) if w.lower() in words or w.lower().rstrip("s") in words], (text, left)
    assert "".join(forms["spaced"].split()).lower() not in "".join(left.split()).lower()


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(EVERYDAY), place=st.sampled_from(WORD_PLACES), surname=st.booleans())
def test_an_everyday_name_where_it_is_a_noun_after_an_article_is_kept(name: str, place: str, surname: bool) -> None:
    word = name.split()[-1 if surname else 0].lower()
    if not is_word(word) or is_adjective(word):
        return
    text = place.format(word=word, Word=word.capitalize())
    assert Redactor(EVERYDAY)(text) == text


# --- end to end: configured texts as typed, the check lists every change, the coach keeps a word ---

FIVE = ["Roos Bos", "Els Klein", "Piet de Groot", "Joop Bakker", "anouk@school.nl"]
INDICATORS = ("1a", "1b", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d")


def _data(tmp_path: Path, settings_text: str, reflection: str) -> Path:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    write(data, "scores.csv", SCORE_HEADER + "".join(f"Net,2025-voorjaar,{p},{c},6,huidig\n" for p in FIVE for c in INDICATORS))
    write(data, "reflecties.csv", REFLECTION_HEADER + f'Net,2025-voorjaar,Roos Bos,direct,"{reflection}",ja\n')
    write(data, "netwerkspiegel.toml", settings_text)
    return data


def test_the_configured_title_is_the_sites_title_and_everyday_words_in_it_are_no_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(tmp_path, '[site]\ntitel = "Academische Werkplaats Oost-Gelderland"\norganisatie = "Kleine scholen, grote stappen"\n'
                 '[netwerken."Net"]\nthema = "Klein denken, groot beginnen"\n', "De roos in de schooltuin bloeide.")
    build(data, tmp_path / "src", tmp_path / "site", Audience.PUBLIC, reports=False)
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "<title>Academische Werkplaats Oost-Gelderland" in index and "[naam]" not in index
    text = "\n".join(readable(p.read_bytes()) for p in (tmp_path / "site").rglob("*.html"))
    assert "Kleine scholen, grote stappen" in text and "Klein denken, groot beginnen" in text and "De roos in de schooltuin bloeide." in text


def test_a_participant_in_a_configured_text_is_an_error_that_names_the_setting_and_the_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(tmp_path, '[site]\ntitel = "Samen met juf Bakker"\n[netwerken."Net"]\nthema = "Lezen met Els Klein"\n', "Goed.")
    assert main(["build", "--data", str(data), "--audience", "publiek", "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert ("sleutel 'site.titel', waarde 'Samen met juf Bakker': de titel van de site noemt een deelnemer ('Bakker'); "
            "die naam komt zo op de site. Kies een naam zonder namen van deelnemers.") in err
    # a theme is no name: the message says what to do with a text
    assert ("sleutel 'netwerken.\"Net\".thema', waarde 'Lezen met Els Klein': dit thema noemt een deelnemer ('Els Klein'); "
            "die naam komt zo op de site. Laat de naam van de deelnemer weg uit deze tekst.") in err
    assert "behoud" not in err
    assert not (tmp_path / "site").exists()


def test_check_shows_every_change_marks_everyday_words_and_the_coach_keeps_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = "Op basisschool De Roos plantten we een roos. Met de Groot en Roos. Hoi Bakker, bel Sanne Jansen! Ook Klein deed mee."
    data = _data(tmp_path, "", story)
    assert main(["check", "--data", str(data), "--audience", "publiek"]) == 0
    out = capsys.readouterr().out
    changes = out.split("Wat de publieke site weglaat", 1)[1]
    assert ("- Op basisschool De [deelnemer] plantten we een roos. Met [deelnemer] en [deelnemer]. Hoi [deelnemer], bel [naam]! "
            "Ook [deelnemer] deed mee.") in changes
    assert ("weggelaten: 'Roos' → [deelnemer] (ook een gewoon woord); 'de Groot' → [deelnemer] (ook een gewoon woord); "
            "'Roos' → [deelnemer] (ook een gewoon woord); 'Bakker' → [deelnemer] (ook een gewoon woord); 'Sanne Jansen' → [naam]; "
            "'Klein' → [deelnemer] (ook een gewoon woord)") in changes
    # only what keeping brings back as the word: "De Roos"; never "met ... Roos", "Hoi Bakker", "Klein deed", "de Groot"
    assert '[publiek]\nbehoud = ["roos"]' in changes
    write(data, "netwerkspiegel.toml", '[publiek]\nbehoud = ["Roos", "Klein", "Jansen"]\n')
    write(data, "reflecties.csv", REFLECTION_HEADER + f'Net,2025-voorjaar,Roos Bos,direct,"{story} Hoi Roos, en Roos Bos.",ja\n')
    assert main(["check", "--data", str(data), "--audience", "publiek"]) == 0
    out = capsys.readouterr().out
    assert ("Op basisschool De Roos plantten we een roos. Met [deelnemer] en [deelnemer]. Hoi [deelnemer], bel [naam]! Ook [deelnemer] deed mee. "
            "Hoi [deelnemer], en [deelnemer].") in out
    assert "Wat publiek.behoud laat staan (zonder die instelling was het weggelaten):\n- 'Roos' in: Op basisschool De Roos plantten" in out
    assert "behoud = [" not in out  # nothing more to keep
    assert "Geen gewoon Nederlands woord in publiek.behoud (het wordt weggelaten waar het een naam is): 'Jansen'." in out


def test_an_everyday_word_in_a_configured_text_is_no_error_and_stays_as_typed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"De Roos" is a school as well as a participant's first name: the coach typed it, it stays; the stories are not touched by it."""
    data = _data(tmp_path, '[site]\ntitel = "Netwerk van basisschool De Roos & Dal"\norganisatie = "Stichting Bakker voor Onderwijs"\n'
                 'voettekst = "OBS De Klein & Roos en Dal"\n', "Het idee kwam van Roos en werkte goed. Bakker, dank je!")
    out = ["--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]
    assert main(["build", "--data", str(data), "--audience", "publiek", "--zonder-pdf", *out]) == 0
    text = "\n".join(readable(p.read_bytes()) for p in (tmp_path / "site").rglob("*.html"))
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "<title>Netwerk van basisschool De Roos &amp; Dal" in index
    assert 'title="Netwerk van basisschool De Roos &amp; Dal' in index and "&amp;amp;" not in index  # escaped once, in the logo's link too
    assert "Stichting Bakker voor Onderwijs" in text and "OBS De Klein &amp; Roos en Dal" in (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Het idee kwam van [deelnemer] en werkte goed. [deelnemer], dank je!" in text
    assert "behoud" not in capsys.readouterr().err


# --- issue 38, after the hostile test: behoud never publishes a person; lists, capitals, look-alike letters ---

HOSTILE = ["Lente Zomer", "Fleur Hart", "Kim Berg", "Tom Post", "Iris Veld", "Wolf Beek", "Rik Mos", "Storm Vink", "Mila van Dijk"]
EVERY_WORD = [word for name in HOSTILE for word in name.split() if word != "van"]


@pytest.mark.parametrize("text", [
    "Ik sprak met Storm over de weektaak.", "Het idee kwam van Hart en werkte goed.", "Lente's idee werkte.", "@Storm in Teams.",
    "Storm’s klas deed mee.", "Storm zei: doe het samen.", "Met dank aan:\n- Storm\n- Lente\n- Iris", "Storm: bracht koffie.",
    "Samen met Veld en Beek gaf Mos een workshop.", "Iris, dank je!", "Berg, Post en Hart deden mee.", "Lentes idee.",
    "Met Lente en Zomer (de collega's) deden we het.", "Zomers aanpak was goed.", "WE DANKEN STORM EN LENTE VOOR ALLES. OOK IRIS HIELP.",
    "Dank Aan Storm En Lente Voor De Hulp", "Lente? Wat vond jij ervan?", "Storm (groep 5) gaf de les.", "mevr. v. Dijk hielp.",
    "Groetjes,\nFleur", "Daarna belde ik met Post, Berg en Veld.", "storm en Lente kwamen", "Storm, Lente, Iris",
])
def test_a_person_goes_even_when_the_coach_keeps_every_word_of_every_name(text: str) -> None:
    left = Redactor(HOSTILE, keep=EVERY_WORD)(text)
    assert not [w for w in re.findall(r"[^\W_]+", left) if w.lower().rstrip("s") in {x.lower() for x in EVERY_WORD}
                or w.lower() in {x.lower() for x in EVERY_WORD}], (text, left)


@pytest.mark.parametrize("text", [
    "Zomer of winter, de leerlingen blijven vragen stellen.",
    "Berg op, berg af.", "Een hart voor de zaak.", "Hart en ziel steken we erin.", "Achter de dijk ligt onze school.", "De zomer was kort.",
])
def test_the_hostile_testers_words_stay(text: str) -> None:
    assert Redactor(HOSTILE)(text) == text


def test_behoud_keeps_only_where_a_capital_alone_said_person() -> None:
    text = "Storm op zee was het thema. Ik sprak met Storm. Op basisschool De Vink werken we. Lente! Eindelijk buiten."
    assert Redactor(HOSTILE)(text) == ("[deelnemer] op zee was het thema. Ik sprak met [deelnemer]. Op basisschool De [deelnemer] werken we. "
                                       "[deelnemer]! Eindelijk buiten.")
    assert Redactor(HOSTILE, keep=EVERY_WORD)(text) == "Storm op zee was het thema. Ik sprak met [deelnemer]. Op basisschool De Vink werken we. Lente! Eindelijk buiten."


def test_look_alike_letters_of_other_scripts_are_the_latin_ones() -> None:
    redactor = Redactor(HOSTILE)
    assert redactor("Stоrm Vіnk (cyrillisch) en Vіnk, Βerg.") == "[deelnemer] (cyrillisch) en [deelnemer], [deelnemer]."  # Cyrillic о, і; Greek Β
    assert redactor("ΜΟS, vertel!") != "ΜΟS, vertel!"


def test_the_check_shows_a_removed_line_break_on_one_line_and_offers_only_what_keeping_brings_back() -> None:
    from generator.analyse.audience import clean_public_texts
    from generator.analyse.report import public_changes

    redactor = Redactor(HOSTILE)
    texts = ["Dank aan Storm\nVink.", "Storm op zee. Ik sprak met Storm. Stormpje! Lentes idee. Met de Lente en Zomer."]
    cleaned = clean_public_texts(texts, redactor, lambda found: list(found), review=True)
    shown = public_changes(cleaned, (), )
    assert "'Storm\\nVink' → [deelnemer]" in shown
    assert 'behoud = ["storm"]' in shown  # not Lentes, Stormpje, Lente, Zomer: persons there
    kept = clean_public_texts(texts, redactor.keeping(["storm"]), lambda found: list(found), review=True)
    assert "Storm op zee. Ik sprak met [deelnemer]." in kept[texts[1]].text
    assert "Wat publiek.behoud laat staan (zonder die instelling was het weggelaten):\n- 'Storm' in: Storm op zee." in public_changes(kept, ("Storm",))


def test_a_full_name_in_behoud_is_refused_with_the_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(tmp_path, '[publiek]\nbehoud = ["Roos Bos"]\n', "Goed.")
    assert main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "waarde '\"Roos Bos\"'" in err and "een volledige naam, een e-mailadres of een code is altijd een persoon en blijft altijd weg" in err


def test_the_check_lists_where_a_participants_name_stayed_as_a_word() -> None:
    from generator.analyse.audience import clean_public_texts
    from generator.analyse.report import public_changes

    texts = ["ik belde storm vanavond.", "De storm ging liggen. Storm op zee.", "Goed gedaan."]
    shown = public_changes(clean_public_texts(texts, Redactor(HOSTILE), lambda found: list(found), review=True), ())
    assert "Namen van deelnemers die als gewoon woord blijven staan" in shown
    assert "- 'storm' (1 tekst), bijvoorbeeld:\n    De storm ging liggen. [deelnemer] op zee." in shown
    assert "hoofdletter" not in shown.split("blijven staan")[1]


def test_the_names_kept_as_words_are_listed_per_name_with_at_most_three_examples() -> None:
    from generator.analyse.audience import clean_public_texts
    from generator.analyse.report import public_changes

    texts = [f"De storm nummer {n} ging liggen." for n in range(5)]
    shown = public_changes(clean_public_texts(texts, Redactor(HOSTILE), lambda found: list(found), review=True), ())
    assert "- 'storm' (5 teksten), bijvoorbeeld:" in shown
    assert sum(line.startswith("    De storm nummer") for line in shown.splitlines()) == 3


def test_the_behoud_suggestion_offers_no_place_where_the_name_finder_still_takes_the_word() -> None:
    from generator.analyse.audience import clean_public_texts
    from generator.analyse.report import public_changes

    text = "Onder de Linde lazen we voor."

    def deduce(found: list[str]) -> list[str]:  # takes "de Linde" as one name, as Deduce does
        return [t.replace("de Linde", "[naam]") for t in found]

    shown = public_changes(clean_public_texts([text], Redactor(HOSTILE3), deduce, review=True), ())
    assert "»Linde«" not in shown and "[»" not in shown and 'behoud = ["linde"]' not in shown
    assert "ik belde storm" not in shown  # a text all in lower case is read by position: "storm" after a verb is the person
    assert "Goed gedaan" not in shown


# The second hostile round (issue 38): other participants, other shapes of the same leak classes.
HOSTILE2 = ["Bas Molenaar", "Sterre Hout", "Noor Zand", "Dirk Smid", "Anne Raaf", "Pieter Steen", "Merel Kool", "Lucas Ram", "Lies Valk",
            "Jet Schaap", "Tim Wijn", "Ruben van der Wiel", "Roos Bos"]
EVERY_WORD2 = [word for name in HOSTILE2 for word in name.split() if word not in ("van", "der")]


@pytest.mark.parametrize("text, persons", [
    ("Wie deed wat:\n- Bas: de planning\n- Merel: de materialen\n- Steen: het verslag", ["Bas", "Merel", "Steen"]),
    ("Taken:\n- Bas (planning)\n- Merel – materialen\n- Kool/Ram: verslag", ["Bas", "Merel", "Kool", "Ram"]),
    ("Rollen:\n* Zand - notulen\n1. Valk: tijd\n2) Hout (voorzitter)", ["Zand", "Valk", "Hout"]),
    ("Ram z'n klas deed mee.", ["Ram"]), ("Kool d'r klas deed mee.", ["Kool"]), ("Valk z’n idee.", ["Valk"]), ("Steen hun team won.", ["Steen"]),
    ("RAM Z'N KLAS OOK.", ["RAM"]), ("Zand zelf vond het ook spannend.", ["Zand"]), ("Kool ook zei dat het werkte.", ["Kool"]),
    ("Valk: 'Ik ga het proberen.' Zand: zeker doen!", ["Valk", "Zand"]), ("Hout: top. Kool: \"doen we\"", ["Hout", "Kool"]),
    ("Zand: zeker doen!", ["Zand"]),
    ("DANK AAN HOUT EN SCHAAP VOOR DE WORKSHOP! GROETEN VAN MEREL", ["HOUT", "SCHAAP", "MEREL"]), ("GROETEN VAN MEREL", ["MEREL"]),
    ("HOERA VOOR STEEN IN GROEP 5", ["STEEN"]), ("groeten van merel", ["merel"]), ("Groetjes van Valk", ["Valk"]),
    ("\"Merel\" riepen de kinderen toen ze binnenkwam.", ["Merel"]), ("'Zand' stond op de deur.", ["Zand"]), ("„Kool” zei het ook.", ["Kool"]),
    ("Mooi werk #teamValk en #ValkRocks!", ["Valk"]), ("#teamvalk", ["valk"]), ("Top, @SteenPieter", ["Steen"]), ("goedeKool", ["Kool"]),
    ("Onze Kool regelde de laptops.", ["Kool"]), ("Ik sprak mijn Steen.", ["Steen"]), ("Zij belde haar Valk.", ["Valk"]), ("ONZE KOOL REGELDE HET.", ["KOOL"]),
    ("• Zand: notulen", ["Zand"]), ("- Kool, planning", ["Kool"]), ("GROETJES, MEREL", ["MEREL"]), ("Toen zei iemand iets. Valk: 'nee'", ["Valk"]),
    ("#ZandPower en @valk", ["Zand", "valk"]), ("«Merel» zei het.", ["Merel"]), ("Steen — materialen", ["Steen"]), ("Valk zelf zei niks.", ["Valk"]),
    ("Wie deed wat:\nBas: de planning", ["Bas"]), ("Steen; het verslag", ["Steen"]), ("Kool = planning", ["Kool"]), ("Ram zn klas", ["Ram"]),
    ("| Valk | notulen |", ["Valk"]), ("bas: ja, doen!\nmerel: nee", ["bas", "merel"]), ("- kool: de planning", ["kool"]), ("BEDANKT STEEN", ["STEEN"]), ("dank je wel, steen!", ["steen"]), ("Hout, kom en kijk!", ["Hout"]), ("Mijn Raaf was ziek.", ["Raaf"]),
])
def test_second_hostile_round_persons_go_also_with_every_word_kept(text: str, persons: list[str]) -> None:
    for redactor in (Redactor(HOSTILE2), Redactor(HOSTILE2, keep=EVERY_WORD2)):
        left = redactor(text)
        assert not [p for p in persons if re.search(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])", left)], (text, left)


@pytest.mark.parametrize("text", [
    "Zand, water en klei: de kleuters onderzochten wat het beste bouwt.", "Steen, papier, schaar", "Merel, mus en koolmees zaten op het hek.",
    "Ram, ooi en lam: de dieren van de boerderij.", "Schaap, geit en kip mochten we aaien.", "Steen voor steen bouwden we, zei Steen.",
    "Shout-out naar de hele klas!", "Kool en wortel uit de schooltuin.",
    "Molenaar was een beroep; de kinderen interviewden de laatste molenaar.", "Steen, zand en herfstbladeren: de natuurtafel.",
    "Zand, steen en hout.", "Kool, wortel en prei", "ZAND, WATER EN KLEI", "Een valk, een raaf en een merel vlogen over.",
])
def test_second_hostile_round_words_stay(text: str) -> None:
    left = Redactor(HOSTILE2)(text)
    kept = {w for w in re.findall(r"[^\W\d_]+", text) if fold_word(w) in {fold_word(x) for x in EVERY_WORD2}}
    lost = [w for w in re.findall(r"[^\W\d_]+", text) if w in kept and not re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", left)]
    if text.startswith("Steen voor steen"):
        assert left == "Steen voor steen bouwden we, zei [deelnemer].", left  # the word twice; the person after "zei"
    elif text.startswith("Molenaar was"):
        assert left.endswith("de laatste molenaar."), left  # a person at the start (a verb follows), the word after an article
    else:
        assert left == text, (text, left, lost)


def test_an_initial_is_a_letter_of_its_own_not_part_of_a_word() -> None:
    redactor = Redactor(HOSTILE2)
    assert redactor("Shout-out to Kool!") == "Shout-out to [deelnemer]!"
    assert redactor("S. Hout en S.Hout hielpen.") == "[deelnemer] en [deelnemer] hielpen."


def test_behoud_suggestion_shows_each_sentence_it_would_bring_back_and_never_a_person() -> None:
    from generator.analyse.audience import clean_public_texts
    from generator.analyse.report import public_changes

    texts = ["Op basisschool De Valk werken we zo. Onze Kool regelde de laptops.", "RAM Z'N KLAS OOK. Wie deed wat:\n- Bas: de planning"]
    cleaned = clean_public_texts(texts, Redactor(HOSTILE2), lambda found: list(found), review=True)
    shown = public_changes(cleaned, ())
    assert "- 'valk':\n    Op basisschool De »Valk« werken we zo." in shown
    assert 'behoud = ["valk"]' in shown  # not kool, ram, bas: persons there
    kept = clean_public_texts(texts, Redactor(HOSTILE2, keep=EVERY_WORD2), lambda found: list(found))
    assert "Kool" not in kept[texts[0]].text and "RAM" not in kept[texts[1]].text and "Bas" not in kept[texts[1]].text


# The third hostile round (issue 38): a participant's name-word at the start of a sentence, a line or after a label is
# the person unless something says it is the word; a text in one case is read by position; nicknames; English.
HOSTILE3 = ["Fleur Akker", "Wolf Bron", "Beer Eik", "Hanna Haver", "Lotte Linde", "Sanne Meer", "Koen Rijn", "Mila Spijker", "Joris Stam",
            "Eva Toren", "Gijs Veer", "Femke Vlas", "Els Klein", "Noor Zand", "Rik Mos", "Storm Vink"]
EVERY_WORD3 = [word for name in HOSTILE3 for word in name.split()]


@pytest.mark.parametrize("text, persons", [
    ("Toren 2x afwezig, Rijn 1x. Haver 3 keer te laat.", ["Toren", "Rijn", "Haver"]), ("Toren 2x afwezig.", ["Toren"]),
    ("Stam 3/5 aanwezig, Veer 5/5.", ["Stam", "Veer"]), ("Akker agreed.", ["Akker"]), ("Thanks Bron and Spijker! Akker agreed with Rijn.", ["Akker", "Rijn"]),
    ("Linde said the workshop was great.", ["Linde"]), ("Ook Vlassie was er. Eikie hielp.", ["Vlassie", "Eikie"]), ("Eikie en Vlassie hielpen.", ["Eikie", "Vlassie"]),
    ("beste akker, groetjes linde. actie: toren. notulist: bron", ["akker", "linde", "toren", "bron"]), ("akker en bron deden mee.", ["akker", "bron"]),
    ("Trekker: Vlas. Actiehouder: Rijn.", ["Vlas", "Rijn"]), ("Intern: Actie: Toren. Met vriendelijke groet, Linde.", ["Toren", "Linde"]),
    ("Klein dacht er anders over.", ["Klein"]), ("Vlas werd gekozen.", ["Vlas"]),
    # held out: the same shapes, other words
    ("Eik 4x ziek, Stam 2x.", ["Eik", "Stam"]), ("Veer: 3 punten", ["Veer"]), ("Haver thinks it works.", ["Haver"]), ("Bron presented the results.", ["Bron"]),
    ("Meer was there and Linde helped a lot.", ["Meer", "Linde"]), ("Stammie was er ook.", ["Stammie"]), ("Bronnie en Vlassies klas", ["Bronnie", "Vlassies"]),
    ("Zandy hielp.", ["Zandy"]), ("ACTIE: TOREN. NOTULEN: BRON", ["TOREN", "BRON"]), ("verslag: linde. trekker: haver", ["linde", "haver"]),
    ("Secretaris: Stam", ["Stam"]), ("Kartrekker: Veer; Notulist: Eik", ["Veer", "Eik"]), ("- Toren 1x\n- Akker 2x", ["Toren", "Akker"]),
])
def test_third_hostile_round_persons_go(text: str, persons: list[str]) -> None:
    left = Redactor(HOSTILE3)(text)
    assert not [p for p in persons if re.search(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])", left)], (text, left)


@pytest.mark.parametrize("text", [
    "Klein denken, groot beginnen.", "Zand, water en klei.", "Steen voor steen bouwen we.", "de linde op het plein was mooi.",
    "Meer dan de helft deed mee.", "Toren bouwen met blokken.", "Haver, tarwe en gerst.", "Eik, beuk en berk.", "Vlas, katoen en wol.",
    "Onder de linde lazen we voor.", "een bron van inspiratie", "De toren van blokken viel om.", "Zand verzamelen op het plein.",
    "Mos en varens groeien hier.", "we liepen naar de toren en de linde in het park.",
])
def test_third_hostile_round_words_stay(text: str) -> None:
    assert Redactor(HOSTILE3)(text) == text


@pytest.mark.parametrize("text, word", [
    ("Storm op zee: zo voelde de eerste bijeenkomst.", "Storm"), ("Mos groeit op de stenen.", "Mos"), ("Zand zelf maken kan niet.", "Zand"),
    ("- Zand in de bak", "Zand"), ("Eik 300 jaar oud.", "Eik"),
])
def test_a_name_word_at_a_sentence_start_without_evidence_goes_and_behoud_brings_it_back(text: str, word: str) -> None:
    assert word not in Redactor(HOSTILE3)(text)
    assert Redactor(HOSTILE3, keep=[word])(text) == text


def test_a_nickname_that_is_a_dutch_word_is_no_variant() -> None:
    assert Redactor(["Jan Ser"])("Een serie lessen.") == "Een serie lessen."
    assert Redactor(["Jan Kop"])("Koppie hielp.") == "[deelnemer] hielp."


@pytest.mark.parametrize("text, persons", [
    ("Toren 2x afwezig, Rijn 1x. Haver 3 keer te laat.", ["Toren", "Haver"]), ("Stam 3/5 aanwezig.", ["Stam"]),
    ("Eik 4x ziek.", ["Eik"]), ("- Veer 2 keer\n- Akker 1 keer", ["Veer", "Akker"]),
])
def test_a_counted_name_is_a_person_that_behoud_never_brings_back(text: str, persons: list[str]) -> None:
    """An attendance or task count after a name ("Toren 2x afwezig") counts someone: the coach's `behoud`
    of the word never puts it back (the third hostile round showed the suggestion offering it)."""
    left = Redactor(HOSTILE3, keep=EVERY_WORD3)(text)
    assert not [p for p in persons if re.search(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])", left)], (text, left)
