"""Names of anyone in the texts that go public: Deduce with only what finds people, prepared once per
store; each text looked at once, kept by its digest, the rest split between helper processes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.core import name_finder, name_removal
from generator.core.name_finder import ANNOTATOR_GROUPS, NameFinder, lookup_structures, person_config
from generator.core.name_removal import NameRemoval
from generator.core.progress import Progress
from generator.core.store import Store

TEXTS = [
    "Samen met Sanne de Vries zette ik een onderzoekje op.",
    "Meester Jansen gaf een mooie les; bel hem op 06-12345678.",
    "daarna hielp fatima met het plannen.",
    "Mail me op iemand@example.nl als je wilt meedoen.",
    "Bel +31 6 23456789 of 0031 (0)20 123 4567, niet 2025-2026 of 12 345 678 leerlingen.",
    "In groep 7 werken de kinderen nu met een weektaak die ze zelf plannen.",
    "Onze school heeft het onderzoekend leren opgenomen in het schoolplan.",
]
WITHOUT_NAMES = [
    "Samen met [naam] zette ik een onderzoekje op.",
    "[naam] gaf een mooie les; bel hem op [telefoonnummer].",  # Deduce takes the title with the name
    "daarna hielp [naam] met het plannen.",
    "Mail me op [e-mail] als je wilt meedoen.",
    "Bel [telefoonnummer] of [telefoonnummer], niet 2025-2026 of 12 345 678 leerlingen.",
    "In groep 7 werken de kinderen nu met een weektaak die ze zelf plannen.",
    "Onze school heeft het onderzoekend leren opgenomen in het schoolplan.",
]


def lookups_read(config: dict) -> set[str]:
    """The names of the lookup structures a Deduce configuration's annotators read."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in ("lookup", "neg_lookup", "lookup_values") and isinstance(inner, str):
                    found.add(inner)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(config["annotators"])
    return found


@pytest.fixture(scope="module")
def structures() -> object:
    return lookup_structures()


def test_every_list_the_person_annotators_read_is_prepared(structures: object) -> None:
    config = person_config()
    assert {annotator["group"] for annotator in config["annotators"].values()} == set(ANNOTATOR_GROUPS)
    assert {"first_name_lookup", "surname_lookup", "name_context", "phone", "email"} <= config["annotators"].keys()
    read = lookups_read(config)
    assert {"first_name", "surname", "prefix", "interfix", "initial", "whitelist"} <= read
    assert read <= set(structures.keys())  # type: ignore[attr-defined]
    # and what the finder itself reads to tell names from words
    assert {"common_word", "stop_word"} <= set(structures.keys())  # type: ignore[attr-defined]
    # nothing of the locations and institutions Deduce would also prepare
    assert not {"street", "placename", "hospital", "healthcare_institution"} & set(structures.keys())  # type: ignore[attr-defined]


def test_the_finder_removes_names_phone_numbers_and_email(structures: object) -> None:
    finder = NameFinder(structures)
    assert [finder(text) for text in TEXTS] == WITHOUT_NAMES


def test_the_lists_are_prepared_once_per_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    real = name_finder.lookup_structures

    def counted() -> object:
        made.append(1)
        return real()

    monkeypatch.setattr(name_finder, "lookup_structures", counted)
    NameFinder.from_store(Store(tmp_path))
    assert NameFinder.from_store(Store(tmp_path))("Ik sprak Sanne de Vries.") == "Ik sprak [naam]."
    assert made == [1]
    assert len(list((tmp_path / "deduce").iterdir())) == 1
    NameFinder.from_store(Store(None))  # a build that keeps nothing (--no-cache) prepares them itself
    assert made == [1, 1]


def test_each_text_once_kept_by_its_digest_and_looked_at_again_only_where_one_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    finder = NameFinder.from_store(Store(tmp_path))

    class Counting:
        def __call__(self, text: str) -> str:
            seen.append(text)
            return finder(text)

    monkeypatch.setattr(name_removal, "_finder", lambda folder: Counting())
    texts = TEXTS + TEXTS[:2]  # a text twice is looked at once
    assert NameRemoval(Store(tmp_path))(texts) == WITHOUT_NAMES + WITHOUT_NAMES[:2]
    assert sorted(seen) == sorted(TEXTS)
    seen.clear()
    assert NameRemoval(Store(tmp_path))(texts) == WITHOUT_NAMES + WITHOUT_NAMES[:2]
    assert seen == []  # all kept: Deduce is not even loaded
    changed = [*TEXTS[:-1], "Ik belde Joost Bakker over de aanpak."]
    assert NameRemoval(Store(tmp_path))(changed) == [*WITHOUT_NAMES[:-1], "Ik belde [naam] over de aanpak."]
    shares = {name_removal._share(text) for text in changed}
    changed_share = name_removal._share(changed[-1])
    # only the changed text's share is looked at again (the other texts in it, too)
    assert changed[-1] in seen and all(name_removal._share(text) == changed_share for text in seen)
    assert len(shares) > 1


def test_helpers_give_what_this_process_gives_and_a_failed_helper_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = [f"{text} ({number})" for number in range(40) for text in TEXTS]
    expected = [f"{text} ({number})" for number in range(40) for text in WITHOUT_NAMES]
    stream = io.StringIO()
    removal = NameRemoval(Store(tmp_path / "a"), Progress(stream, interactive=False, quiet_seconds=0), early=True)
    assert removal(many) == expected
    assert stream.getvalue().startswith("Deduce zoekt namen van wie geen deelnemer is in de publieke teksten: 0 van 280 teksten nagekeken (0 %)")
    monkeypatch.setattr(name_removal, "NAMES_ALONGSIDE", "import sys; sys.exit(3)")
    assert NameRemoval(Store(tmp_path / "b"), early=True)(many) == expected


def test_helpers_not_needed_are_stopped(tmp_path: Path) -> None:
    NameRemoval(Store(tmp_path))(TEXTS)
    removal = NameRemoval(Store(tmp_path), early=True)
    processes = [helper._process for helper in removal._helpers]
    assert removal(TEXTS) == WITHOUT_NAMES
    for process in processes:
        assert process is not None and process.wait(timeout=10) != 0  # killed, not waited for


def test_the_finder_leaves_everyday_words_after_an_article_and_still_finds_names(structures: object) -> None:
    """Issue 38: a known first name in lower case that is an everyday word after an article is the
    word ("in de lente", "een mees"); one without an article is still a name, and so is an
    everyday surname in a person's place."""
    finder = NameFinder(structures)
    for text in ("Schaap en geit zijn er in de lente.", "We zagen een vink en een mees.", "Klein is fijn."):
        assert finder(text) == text
    assert finder("Daarna hielp mees met plannen.") == "Daarna hielp [naam] met plannen."
    assert finder("Visser vertelde over zijn werk.") == "[naam] vertelde over zijn werk."
    assert finder("Bakker uit groep 6 vertelde het.") == "[naam] uit groep 6 vertelde het."


def test_the_finder_judges_an_everyday_word_as_the_participants_remover_does(structures: object) -> None:
    """Issue 38 (hostile test): an everyday word Deduce takes for a name stays where nothing says person,
    and goes where something does; look-alike letters of other scripts are read as Latin."""
    finder = NameFinder(structures)
    for text in ("Storm op zee: we deden een proef.", "Zomer of winter, het maakt niet uit.", "Mos groeit op de stenen.",
                 "Veld en bos rond de school.", "Van lente tot zomer onderzochten we de tuin.", "Vink aan wat je herkent."):
        assert finder(text) == text
    assert finder("Roos vond het leuk.") == "[naam] vond het leuk."
    assert finder("Ik sprak met Roos over de les.") == "Ik sprak met [naam] over de les."
    assert finder("Lieve Iris, top.") == "Lieve [naam], top."
    assert finder("[deelnemer] en Roos kwamen.") == "[deelnemer] en [naam] kwamen."
    assert finder("Sаnne Jаnsen kwam.") == "[naam] kwam."  # Cyrillic а
