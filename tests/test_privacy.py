"""Never leak a name: no participant's name or e-mail, in any form or part, in any built file of
either audience; one person across files; only a clear yes is consent; names of others removed
from public texts; what will go public can be seen before building."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.core.dutch_words import is_word
from generator.core.errors import InputError
from generator.core.identity import Redactor
from generator.core.vocabulary import Audience
from generator.pipeline import build, generate, read_data
from tests.conftest import REFLECTION_HEADER, SCORE_HEADER, readable, write
from tests.exports import REFLECTION_QUESTIONS_NL, google_forms_csv, microsoft_forms_xlsx

MARCH = dt.datetime(2026, 3, 14, 10, 22, 31)
INDICATORS = ("1a", "1b", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d")


def folded(text: str) -> str:
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def built_text(folder: Path) -> str:
    """Every built file as text (pages, search index, CSV, SVG, JSON, PDF reports), folded for
    searching; not the theme's own files, copied unchanged from Material (its source maps are
    strings of random letters, in which a random name may well appear)."""
    import material

    theme = Path(material.__file__).parent / "templates"

    def from_theme(path: Path) -> bool:
        own = theme / path.relative_to(folder)
        return own.is_file() and own.read_bytes() == path.read_bytes()

    return folded("\n".join(readable(p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file() and not from_theme(p)))


def leaks(text: str, parts: list[str]) -> list[str]:
    return [part for part in parts if re.search(rf"(?<![^\W_]){re.escape(folded(part))}(?![^\W_])", text)]


def build_both(data: Path, root: Path) -> dict[str, str]:
    texts = {}
    for audience in (Audience.INTERNAL, Audience.PUBLIC):
        build(data, root / f"src-{audience}", root / f"site-{audience}", audience)
        texts[audience] = built_text(root / f"src-{audience}") + "\n" + built_text(root / f"site-{audience}")
    return texts


def scores_rows(network: str, moment: str, people: list[str], value: int = 6) -> str:
    return "".join(f"{network},{moment},{person},{code},{value},huidig\n" for person in people for code in INDICATORS)


def test_identities_from_every_column_and_file_are_removed_in_every_form(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # Known by e-mail in the scores, by e-mail and name in a Microsoft Forms export, by e-mail in a Google Form.
    write(data, "scores.csv", SCORE_HEADER + scores_rows("Rekenen", "2026-voorjaar", ["anouk.devries@obsdelinde.nl", "bram.okafor@kbs.nl", "c.yilmaz@kbs.nl", "d4@kbs.nl", "e5@kbs.nl"]))
    texts = [
        "Ik leerde veel van Anouk de Vries en van mevrouw De Vries.",
        "Anouk  de\nVries en anouk devries vertelden, en ANOUK ook.",
        "Met Bram Okafor (bram.okafor@kbs.nl) en Okafor werkte ik samen; ook Yilmaz hielp.",
        "Zonder accent: Jose Muller. Met: José Müller.",
        "",
        "ja",
    ]
    microsoft_forms_xlsx(data / "Reflecties.xlsx", ["Netwerk"] + REFLECTION_QUESTIONS_NL, [
        {"email": "anouk.devries@obsdelinde.nl", "name": "Anouk de Vries", "completed": MARCH, "answers": ["Rekenen"] + texts},
        {"email": "anonymous", "name": "José Müller", "completed": MARCH, "answers": ["Rekenen", "Fijn met Anouk.", "", "", "", "", "nee"]},
    ])
    google_forms_csv(data / "Evaluatie.csv", ["Netwerk", "Wat ging goed?", "Wat kan de volgende keer beter?"], [
        {"email": "bram.okafor@kbs.nl", "time": MARCH, "answers": ["Rekenen", "Bram en José leidden het goed", "Meer tijd voor Anouk de Vries"]},
    ])
    write(data, "titels.csv", REFLECTION_HEADER.replace("openbaar", "openbaar,titel") + "Rekenen,2026-voorjaar,c.yilmaz@kbs.nl,direct,Samen met Anouk gewerkt.,ja,Het verhaal van Yilmaz\n")
    texts_built = build_both(data, tmp_path)
    parts = ["anouk", "devries", "de vries", "vries", "anouk.devries", "obsdelinde", "bram", "okafor", "yilmaz", "c.yilmaz",
             "josé", "jose", "müller", "muller"]
    for audience, text in texts_built.items():
        assert leaks(text, parts) == [], audience
        assert "[deelnemer]" in text
    assert "samen met [deelnemer] gewerkt" in texts_built[Audience.PUBLIC]


def test_one_person_as_email_in_one_file_and_name_in_another_is_counted_once(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores-a.csv", SCORE_HEADER + scores_rows("Net", "2025-voorjaar", ["anna@x.nl", "bert@x.nl", "cor@x.nl", "dirk@x.nl"]))
    # Anna again, by name, in another export; a reflection form row links her name and e-mail.
    write(data, "scores-b.csv", SCORE_HEADER.replace("deelnemer", "naam") + "Net,2025-voorjaar,Anna Smit,1a,6,gewenst\n")
    microsoft_forms_xlsx(data / "reflecties.xlsx", ["Netwerk", "Meetmoment"] + REFLECTION_QUESTIONS_NL, [
        {"email": "anna@x.nl", "name": "Anna Smit", "completed": MARCH, "answers": ["Net", "2025-voorjaar", "Fijn", "", "", "", "", "nee"]},
    ])
    dataset = read_data(data)
    assert {s.participant for s in dataset.scores} == {"anna@x.nl", "bert@x.nl", "cor@x.nl", "dirk@x.nl"}
    public = generate(dataset, Audience.PUBLIC)
    assert public.files["netwerken/net.csv"] == b'"netwerk","meetmoment","indicator","situatie","n","mediaan","gemiddelde","min","max","gedeeld"\n'


def test_unlinked_name_and_email_that_may_be_one_person_are_warned_about(data_dir, capsys):
    write(data_dir, "a.csv", SCORE_HEADER + "Net,2025-voorjaar,anouk.devries@school.nl,1a,6,\nNet,2025-voorjaar,Kim,1a,6,\n")
    write(data_dir, "b.csv", SCORE_HEADER + "Net,2025-voorjaar,Anouk de Vries,1b,6,\n")
    assert main(["check", "--data", str(data_dir)]) == 0
    assert (
        "- deelnemers: in 'Net' zijn 'anouk de vries' en 'anouk.devries@school.nl' misschien dezelfde deelnemer, maar geen rij "
        "koppelt ze, dus ze tellen als twee. Is het één persoon, zet dan in netwerkspiegel.toml onder [deelnemers]: "
        "\"anouk de vries\" = \"anouk.devries@school.nl\"."
    ) in capsys.readouterr().out
    quality = generate(read_data(data_dir), Audience.INTERNAL).files["kwaliteit.md"].decode("utf-8")
    assert "misschien dezelfde deelnemer" in quality and leaks(folded(quality), ["anouk", "vries", "devries"]) == []
    write(data_dir, "netwerkspiegel.toml", '[deelnemers]\n"Anouk de Vries" = "anouk.devries@school.nl"\n')
    assert {s.participant for s in read_data(data_dir).scores} == {"anouk.devries@school.nl", "kim"}


@pytest.mark.parametrize("answer", ["Ja, maar alleen intern", "ja (liever niet)", "ja nee", "ja?", "jawel, later", "yes but no", "misschien",
                                    "ja, zonder naam en zonder school", "ja, anoniem maar niet online"])
def test_only_a_clear_yes_is_consent(data_dir, answer):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + f'Net,2025-voorjaar,Anna,direct,Leuk,"{answer}"\n')
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    assert [p.format() for p in caught.value.report.problems] == [
        f"reflecties.csv, rij 2, kolom 'openbaar', waarde '{answer}': onduidelijke toestemming; alleen een duidelijk 'ja' maakt "
        "een verhaal openbaar. Gebruik 'ja' of 'nee' (leeg betekent 'nee').",
    ]


@pytest.mark.parametrize("answer, public", [("Ja", True), ("ja, dat mag", True), ("JA!", True), ("Yes", True), ("ja, zonder naam", True),
                                            ("Ja (anoniem)", True), ("Yes, without my name", True), ("", False),
                                            ("Nee", False), ("nee, liever niet", False), ("geen toestemming", False)])
def test_clear_answers(data_dir, answer, public):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + f'Net,2025-voorjaar,Anna,direct,Leuk,"{answer}"\n')
    assert [r.public for r in read_data(data_dir).reflections] == [public]


def test_several_consent_columns_must_all_say_yes(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    questions = ["Netwerk", "Directe waarde: wat vond je waardevol?", "Mag je verhaal openbaar gedeeld worden?", "Geef je toestemming voor publicatie?"]
    microsoft_forms_xlsx(data_dir / "form.xlsx", questions, [
        {"email": "a@x.nl", "completed": MARCH, "answers": ["Net", "Eerste", "Ja", "Nee"]},
        {"email": "b@x.nl", "completed": MARCH, "answers": ["Net", "Tweede", "Ja", "Ja, dat mag"]},
        {"email": "c@x.nl", "completed": MARCH, "answers": ["Net", "Derde", "", "Ja"]},
    ])
    assert sorted((r.text, r.public) for r in read_data(data_dir).reflections) == [("Derde", False), ("Eerste", False), ("Tweede", True)]


def test_a_network_with_only_internal_data_is_not_in_the_public_site(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "evaluaties.csv", "netwerk,datum,tops,tips\nGeheim netwerk,2025-03-01,Goed,Beter\n")
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + "Ander geheim,2025-voorjaar,Bo,direct,Leuk,nee\n")
    public = generate(read_data(data_dir), Audience.PUBLIC)
    text = "\n".join(readable(content) for content in public.files.values())
    assert "Geheim netwerk" not in text and "Ander geheim" not in text
    intern = generate(read_data(data_dir), Audience.INTERNAL)
    assert any("Geheim netwerk" in readable(content) for content in intern.files.values())


def test_check_for_the_public_site_lists_every_text_after_redaction(data_dir, capsys):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,anouk.devries@school.nl,1a,7,\n")
    write(data_dir, "reflecties.csv", REFLECTION_HEADER.replace("openbaar", "openbaar,titel")
          + "Net,2025-voorjaar,anouk.devries@school.nl,direct,Samen met juf Annemiek en Anouk de Vries gewerkt.,ja,Van Anouk\n"
          + "Net,2025-voorjaar,anouk.devries@school.nl,toegepast,Dit blijft intern.,nee,\n")
    write(data_dir, "netwerkspiegel.toml", '[netwerken."Net"]\nthema = "Samen rekenen"\n')
    assert main(["check", "--data", str(data_dir), "--audience", "publiek"]) == 0
    out = capsys.readouterr().out
    assert out.split("\n\nTeksten op de publieke site", 1)[1].split("\nLet op (", 1)[0] == (
        " (1 verhaal, na het weglaten van namen):\n"
        "- Net, 2025-voorjaar, Directe waarde 'Van [deelnemer]':\n"
        "    Samen met juf [naam] en [deelnemer] gewerkt.\n"
        "\n"
        "Thema's van netwerken (zoals in netwerkspiegel.toml):\n"
        "- Net: Samen rekenen\n"
        "\n"
        "Wat de publieke site weglaat (3 plaatsen in 2 teksten; wat er stond zie je alleen hier, nooit op de site):\n"
        "- Samen met juf [naam] en [deelnemer] gewerkt.\n"
        "    weggelaten: 'Annemiek' → [naam]; 'Anouk de Vries' → [deelnemer]\n"
        "- Van [deelnemer]\n"
        "    weggelaten: 'Anouk' → [deelnemer]\n"
    )


def test_names_of_people_who_are_not_participants_are_removed_from_public_texts(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data, "reflecties.csv", REFLECTION_HEADER
          + 'Net,2025-voorjaar,Anna,direct,"Meester Ahmed liet Sanne en Daan presenteren; bel 06-12345678 of mail info@basisschool.nl.",ja\n')
    texts = build_both(data, tmp_path)
    assert leaks(texts[Audience.PUBLIC], ["Ahmed", "Sanne", "Daan", "06-12345678", "info@basisschool.nl"]) == []
    assert "presenteren" in texts[Audience.PUBLIC]
    assert "sanne" in texts[Audience.INTERNAL]  # inside the network, pupils' first names stay (participants' do not)


def test_names_the_coach_typed_that_match_a_participant_are_warned_about(data_dir, capsys):
    write(data_dir, "Kruisjes van Anouk.csv", SCORE_HEADER + "Groep van Anouk,2025-voorjaar,anouk@school.nl,1a,7,\n")
    write(data_dir, "netwerkspiegel.toml", '[site]\ntitel = "Netwerk van Anouk"\n[netwerken."Groep van Anouk"]\nthema = "Anouk leidt"\n')
    assert main(["check", "--data", str(data_dir)]) == 0
    err = capsys.readouterr().out  # check says its warnings with its verdict, on stdout
    said = "noemt een deelnemer; die naam komt zo op de site. Kies een naam zonder namen van deelnemers."
    assert f"- Kruisjes van Anouk.csv: de bestandsnaam {said} (op de pagina Gegevenskwaliteit wordt die naam weggelaten)." in err
    said = said.replace("deelnemer;", "deelnemer ('Anouk');")  # what is shown on every page says which word matched
    assert f"- netwerknamen, waarde 'Groep van Anouk': de naam van dit netwerk {said}" in err
    assert f"- netwerkspiegel.toml, sleutel 'site.titel', waarde 'Netwerk van Anouk': de titel van de site {said}" in err
    text_said = said.replace("Kies een naam zonder namen van deelnemers.", "Laat de naam van de deelnemer weg uit deze tekst.")  # a theme is no name
    assert f"- netwerkspiegel.toml, sleutel 'netwerken.\"Groep van Anouk\".thema', waarde 'Anouk leidt': dit thema {text_said}" in err
    quality = generate(read_data(data_dir), Audience.INTERNAL).files["kwaliteit.md"].decode("utf-8")
    assert "Kruisjes van \\[deelnemer\\]\\.csv" in quality and "Kruisjes van Anouk" not in quality


# --- property: generated participants, texts naming them in every form, no identity survives ---

_LETTERS = "bcdfghjklmnpqrstvwxz"
_VOWELS = "aeiouéëïöü"


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_LETTERS) + rng.choice(_VOWELS) for _ in range(syllables)).capitalize() + rng.choice("krtnsl")


def _person(rng: random.Random) -> dict[str, str]:
    first, last = _name(rng, 2), _name(rng, 3)
    particle = rng.choice(["", "de ", "van ", "van der ", "ter "])
    local = rng.choice([f"{first}.{particle.replace(' ', '')}{last}", f"{first[0]}.{last}", f"{first}_{last}", f"{first}-{last}"])
    return {"first": first, "last": last, "full": f"{first} {particle}{last}", "email": f"{folded(local)}@school{rng.randint(1, 9)}.nl"}


def _mentions(rng: random.Random, person: dict[str, str]) -> str:
    """The person named in every way people write names."""
    full, first, last = person["full"], person["first"], person["last"]
    bare = folded(full)
    return rng.choice([
        f"Ik werkte met {full}.", f"{first} zei dat het goed ging.", f"Mevrouw {full.split(' ', 1)[1]} hielp.",
        f"Met {full.replace(' ', '  ')} samen.", f"{full.replace(' ', chr(10), 1)} deed mee.", f"Ook {bare} kwam.",
        f"{full.upper()} vertelde.", f"Mail {person['email']} of vraag {person['email'].split('@')[0]}.", f"Dank {last}!",
    ])


def _parts(person: dict[str, str]) -> list[str]:
    local = person["email"].split("@")[0]
    return [person["first"], person["last"], person["full"], person["email"], local] + [p for p in re.split(r"[._-]", local) if len(p) > 2]


def _variants(rng: random.Random, person: dict[str, str]) -> tuple[str, str]:
    """The person named in a Dutch variant (issue 27), and the form that must not be left."""
    first, last, full = person["first"], person["last"], person["full"]
    words = full.split()
    swap = rng.randrange(1, len(first) - 2)
    typo = first[:swap] + first[swap + 1] + first[swap] + first[swap + 2:]
    if typo == first:
        typo = first[:-1] + ("a" if first[-1] != "a" else "e")
    if is_word(folded(typo)):  # a Dutch word ("Ruïst") is no typo of a name (issue 38)
        typo = first + "x"
    form = rng.choice([
        f"{first}s", f"{last}s", f"{first}je", f"{first}tje", f"{first}pje", typo, first[:-1] + "x" + first[-1] if len(first) > 4 else first + "x",
        ".".join(w[0] for w in words) + ".",
        "".join(w[0] if w in ("de", "van", "der", "ter") else w[0].upper() for w in words) if len(words) > 2 else ".".join(w[0] for w in words) + ".",
        f"{first[0]}. {' '.join(words[1:])}",
    ])
    return rng.choice([f"Het idee van {form} werkte.", f"{form} zei dat het goed ging.", f"Dank aan {form}!"]), form


@given(seed=st.integers(0, 10_000))
@settings(max_examples=300, deadline=None)
def test_redaction_leaves_no_identity_in_any_generated_text(seed):
    """Every way people write names, and each Dutch variant of issue 27 (`_variants`)."""
    rng = random.Random(seed)
    people = [_person(rng) for _ in range(4)]
    redact = Redactor([p["email"] for p in people] + [p["full"] for p in people])
    for person in people:
        for _ in range(6):
            text = folded(redact(_mentions(rng, person)))
            assert leaks(text, _parts(person)) == [], text
        text, form = _variants(rng, person)
        assert leaks(folded(redact(text)), [form.rstrip(".")]) == [], (text, redact(text))


@pytest.mark.parametrize("text, redacted", [
    ("Anouks aanpak werkte.", "[deelnemer] aanpak werkte."),
    ("Anoukje zei het al.", "[deelnemer] zei het al."),
    ("Brammetje en Kimpje", "[deelnemer] en [deelnemer]"),
    ("Volgens Anuok en Anoek ging het goed.", "Volgens [deelnemer] en [deelnemer] ging het goed."),
    ("Anuoks plan en Bakekrs klas", "[deelnemer] plan en [deelnemer] klas"),  # a typo with a possessive -s
    ("Bakkes klas, Bakken en Kookt", "Bakkes klas, Bakken en Kookt"),  # one letter from "Bakker", "Kok", but words themselves
    ("Het idee van A.d.V. en van A. de Vries.", "Het idee van [deelnemer]. en van [deelnemer]."),
    ("AdV en K.B. waren er.", "[deelnemer] en [deelnemer]. waren er."),
    ("Kim B. en Anouk d.V. waren er.", "[deelnemer]. en [deelnemer]. waren er."),
    # not a participant: education's abbreviations, ordinary words one letter from a name, other first letters
    ("In het PO en VO, bij de IB en adv.", "In het PO en VO, bij de IB en adv."),
    ("Kleur en Oost, Anna en Kimono.", "Kleur en Oost, Anna en Kimono."),
    ("anuok in kleine letters", "anuok in kleine letters"),
])
def test_participants_in_their_dutch_variants(text, redacted):
    assert Redactor(["Anouk de Vries", "bram.jansen@school.nl", "Kim Bakker", "Fleur Smit", "Joost Kok"])(text) == redacted


@given(seed=st.integers(0, 10_000))
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_identity_survives_in_any_built_file_of_either_audience(tmp_path_factory, seed):
    rng = random.Random(seed)
    root = tmp_path_factory.mktemp("property")
    data = root / "data"
    data.mkdir()
    people = [_person(rng) for _ in range(6)]
    rows = "".join(f"Samen,2026-voorjaar,{p['email']},{code},{rng.randint(1, 10)},huidig\n" for p in people for code in INDICATORS)
    write(data, "scores.csv", SCORE_HEADER + rows)
    questions = ["Netwerk"] + REFLECTION_QUESTIONS_NL
    responses = []
    for person in people:
        others = rng.sample(people, 3)
        answers = [_mentions(rng, other) for other in others] + ["", "", "Ja"]
        responses.append({"email": person["email"], "name": person["full"], "completed": MARCH, "answers": ["Samen"] + answers})
    microsoft_forms_xlsx(data / "reflecties.xlsx", questions, responses)
    google_forms_csv(data / "evaluatie.csv", ["Netwerk", "Wat ging goed?", "Wat kan de volgende keer beter?"], [
        {"email": p["email"], "time": MARCH, "answers": ["Samen", _mentions(rng, rng.choice(people)), _mentions(rng, rng.choice(people))]}
        for p in people
    ])
    texts = build_both(data, root)
    for audience, text in texts.items():
        for person in people:
            assert leaks(text, _parts(person)) == [], (audience, person)


OWN_INDICATOR = '[indicatoren."5a"]\nlabel = "{label}"\nvraag = "{question}"\nlinks = "nauwelijks"\nrechts = "intensief"\n'
FIVE = ["anouk.devries@obsdelinde.nl", "Bram Okafor", "c@kbs.nl", "d@kbs.nl", "e@kbs.nl"]


@pytest.mark.parametrize("settings, key, value", [
    (OWN_INDICATOR.format(label="Ouders volgens Anouk", question="Hoe?"), 'indicatoren."5a".label', "Ouders volgens Anouk"),
    (OWN_INDICATOR.format(label="Ouders", question="Wat vindt bram.okafor@kbs.nl?"), 'indicatoren."5a".vraag', "Wat vindt bram.okafor@kbs.nl?"),
    ('[site]\norganisatie = "Stichting van Okafor"\n', "site.organisatie", "Stichting van Okafor"),
    ('[site]\nvoettekst = "Vragen? anouk.devries@obsdelinde.nl"\n', "site.voettekst", "Vragen? anouk.devries@obsdelinde.nl"),
    ('[netwerken."Net"]\nthema = "De klas van Anouks"\n', 'netwerken."Net".thema', "De klas van Anouks"),
])
def test_a_participant_named_in_the_settings_is_an_error_for_the_public_site(tmp_path, capsys, settings, key, value):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + scores_rows("Net", "2025-voorjaar", FIVE))
    write(data, "netwerkspiegel.toml", settings)
    out = ["--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]
    assert main(["build", "--data", str(data), "--audience", "publiek", *out]) == 1
    err = capsys.readouterr().err
    assert f"- netwerkspiegel.toml, sleutel '{key}', waarde '{value}': " in err
    matched = {"Ouders volgens Anouk": "'Anouk'", "Wat vindt bram.okafor@kbs.nl?": "'bram.okafor@kbs.nl'", "Stichting van Okafor": "'Okafor'",
               "Vragen? anouk.devries@obsdelinde.nl": "'anouk.devries@obsdelinde.nl'", "De klas van Anouks": "'Anouks'"}[value]
    advice = "Kies een naam zonder namen van deelnemers." if key == "site.organisatie" else "Laat de naam van de deelnemer weg uit deze tekst."
    assert (f"noemt een deelnemer ({matched}); die naam komt zo op de site. {advice} "
            "Voor de publieke site is dat een fout: pas het aan en bouw dan opnieuw.") in err
    assert "Traceback" not in err and not (tmp_path / "site").exists()
    assert main(["check", "--data", str(data), "--audience", "publiek"]) == 1
    # inside the network it is a warning, and the name is left out where the text is shown
    assert main(["build", "--data", str(data), "--audience", "intern", *out]) == 0
    assert leaks(built_text(tmp_path / "site"), ["anouk", "anouks", "okafor", "bram.okafor", "anouk.devries"]) == []


def test_the_coachs_own_words_stay_as_typed_on_the_public_site(tmp_path):
    """What the coach configured is never rewritten (issue 38): names of people who are no participant stay."""
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + scores_rows("Net", "2025-voorjaar", FIVE) + "".join(
        f"Net,2025-voorjaar,{person},5a,6,huidig\n" for person in FIVE))
    write(data, "netwerkspiegel.toml", '[site]\norganisatie = "Stichting Primo, directeur Joost Bakker"\n'
          '[netwerken."Net"]\nthema = "Lezen met juf Sanne"\n'
          + OWN_INDICATOR.format(label="Ouders", question="Hoe vaak belt Meester Jansen de ouders?"))
    texts = build_both(data, tmp_path)
    for audience in Audience:
        for typed in ("stichting primo, directeur joost bakker", "lezen met juf sanne", "hoe vaak belt meester jansen de ouders?"):
            assert typed in texts[audience], (audience, typed)
    assert "[naam]" not in texts[Audience.PUBLIC]


def test_dutch_variants_of_a_participant_reach_no_built_file(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + scores_rows("Net", "2025-voorjaar", FIVE))
    write(data, "reflecties.csv", REFLECTION_HEADER + "".join(
        f'Net,2025-voorjaar,c@kbs.nl,direct,"{text}",ja\n' for text in
        ["Anouks aanpak werkte goed.", "Anoukje zei het al.", "Volgens Anuok ging het goed.", "Het idee van A.d.V. en van Brams klas."]))
    texts = build_both(data, tmp_path)
    for audience, text in texts.items():
        assert leaks(text, ["anouks", "anoukje", "anuok", "a.d.v", "brams"]) == [], audience
    assert "[deelnemer] aanpak werkte goed" in texts[Audience.PUBLIC]


def test_a_contact_in_the_footer_who_is_no_participant_stays_on_both_sites(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + scores_rows("Net", "2025-voorjaar", FIVE))
    write(data, "netwerkspiegel.toml", '[site]\nvoettekst = "Vragen? Mail de coördinator: netwerken@primo.nl"\n')
    assert [w for w in read_data(data).warnings if w.code.startswith("name-in")] == []
    for audience, text in build_both(data, tmp_path).items():
        assert "netwerken@primo.nl" in text, audience
