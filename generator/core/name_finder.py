"""Names of anyone (not only participants), e-mail addresses and phone numbers in Dutch text, found
by Deduce (rule-based Dutch de-identification) and replaced by `[naam]`, `[e-mail]`, `[telefoonnummer]`.

Deduce as it comes prepares every lookup list it has before it reads a word: 770,000 street names
and 244,000 care institutions among them, a minute the first time and a 79 MB cache that every
build then loads in seconds. What goes public here are reflections of teachers: only Deduce's
annotators of persons, phone numbers and e-mail addresses are used (`ANNOTATOR_GROUPS`), and only
the lookup lists those read are prepared (`lookup_structures`: first names, surnames, initials,
titles, name particles, the words that are no names, eponymous diseases), by Deduce's own loaders,
so each list is what Deduce would have made of it: two seconds, kept in the store as 2 MB and
loaded in a third of a second (`from_store`).

This leans on two of Deduce's inner parts (its processor loader and its list loaders); the version
of Deduce is pinned to the minor release (pyproject), and `tests/test_names.py` checks that every
list the annotators read is prepared.
"""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar

from generator.core.dutch_words import is_word
from generator.core.identity import (
    EMAIL_MARK,
    GREETINGS,
    NAME_MARK,
    PARTICIPANT_MARK,
    PHONE_MARK,
    TOKEN,
    TUSSENVOEGSELS,
    deconfused,
    fold_word,
    found_name_verdicts,
    word_context,
)
from generator.core.processes import installed_version
from generator.core.store import Store

# Deduce's annotator groups that find people; its others (locations, institutions, dates, ages,
# identifiers, urls) would blank out what a reflection is about ("in groep 7", "in maart").
ANNOTATOR_GROUPS = ("names", "phone_numbers", "email_addresses")
# Deduce's lookup lists these annotators read (directly, or to build the lists they read).
LOOKUP_LISTS = ("names/", "whitelist/")
# The lists Deduce makes by a loader of its own rather than as a plain set.
_SET_LISTS = ("prefix", "interfix", "whitelist")
_TRIE_LISTS = ("first_name", "surname", "eponymous_disease")


# A Dutch number written internationally ("+31 6 23456789", "0031 (0)20 123 4567"): Deduce's pattern
# wants the country code right against the number.
_INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])(?:\+|00)\s?31[\s-]*(?:\(0\)[\s-]*)?\d(?:[\s-]?\d){7,9}(?!\d)")


def deduce_versions() -> str:
    """What the prepared lists and every text's result depend on besides this program."""
    return f"deduce {installed_version('deduce')}, docdeid {installed_version('docdeid')}"


def person_config() -> dict[str, Any]:
    """Deduce's own configuration with only the annotators of `ANNOTATOR_GROUPS`."""
    from deduce.deduce import _BASE_CONFIG_FILE

    config = json.loads(_BASE_CONFIG_FILE.read_text("utf-8"))
    config["annotators"] = {name: annotator for name, annotator in config["annotators"].items() if annotator.get("group") in ANNOTATOR_GROUPS}
    return config


def lookup_structures() -> Any:
    """Deduce's lookup structures for persons (a `docdeid.ds.DsCollection`), made as Deduce makes them."""
    import docdeid
    from deduce.deduce import _LOOKUP_LIST_PATH, Deduce
    from deduce.lookup_structs import _LOOKUP_SET_LOADERS, _LOOKUP_TRIE_LOADERS, all_lists, load_raw_itemsets

    tokenizer = Deduce._initialize_tokenizer(_LOOKUP_LIST_PATH)
    raw = load_raw_itemsets(base_path=_LOOKUP_LIST_PATH, subdirs=[name for name in all_lists if name.startswith(LOOKUP_LISTS)])
    structures = docdeid.ds.DsCollection()
    for name in sorted(raw.keys() - set(_SET_LISTS) - set(_TRIE_LISTS)):
        plain = docdeid.ds.LookupSet()
        plain.add_items_from_iterable(raw[name])
        structures[name] = plain
    for name in _SET_LISTS:
        structures[name] = _LOOKUP_SET_LOADERS[name](raw)
    for name in _TRIE_LISTS:
        structures[name] = _LOOKUP_TRIE_LOADERS[name](raw, tokenizer)
    return structures


def _person_deduce(structures: Any) -> Any:
    """A `Deduce` with the person annotators over `structures`, without preparing anything else."""
    import docdeid
    from deduce.deduce import _LOOKUP_LIST_PATH, Deduce, _DeduceProcessorLoader

    class PersonDeduce(Deduce):
        def __init__(self) -> None:
            docdeid.DocDeid.__init__(self)
            self.config = self._initialize_config(load_base_config=False, user_config=person_config())
            self.lookup_data_path = self.cache_path = _LOOKUP_LIST_PATH
            self.tokenizers = {"default": self._initialize_tokenizer(_LOOKUP_LIST_PATH)}
            self.lookup_structs = structures
            self.processors = _DeduceProcessorLoader().load(config=self.config, extras={"tokenizer": self.tokenizers["default"], "ds": structures})

    return PersonDeduce()


class NameFinder:
    """Names of anyone, e-mail addresses and phone numbers in Dutch text, replaced by their mark."""

    _MARKS: ClassVar[dict[str, str]] = {"persoon": NAME_MARK, "patient": NAME_MARK, "emailadres": EMAIL_MARK, "telefoonnummer": PHONE_MARK}

    # Titles before a name: never a name themselves.
    _TITLES = frozenset({"meester", "juf", "juffrouw", "mevrouw", "meneer", "heer", "dokter", "collega", "leerling", "directeur"})
    # Everyday Dutch words that are also first names ("ik ken", "ik wil"): in lower case they are words.
    _WORDS = frozenset({
        "ken", "kan", "wil", "mag", "ben", "heb", "zal", "bas", "roos", "hoop", "lot", "job", "max", "els", "zon", "ster",
        "lief", "lieve", "dag", "hart", "vrij", "mei", "juni", "juli", "augustus", "maart", "april", "winter", "zomer", "storm",
        "mark", "will", "may", "hope", "rose", "joy", "sky", "liefde",
    })

    def __init__(self, structures: Any):
        """`structures`: what `lookup_structures` made (kept in the store: `from_store`)."""
        self._deduce = _person_deduce(structures)
        self._first_names, self._surnames = structures["first_name"], structures["surname"]
        self._ordinary = (structures["common_word"], structures["stop_word"], structures["whitelist"])

    @classmethod
    def from_store(cls, store: Store) -> NameFinder:
        """With the lookup structures the store keeps (made there the first time, in two seconds)."""
        import docdeid

        key = store.key("namenlijsten", deduce_versions())
        return cls(store.memo("deduce", key, lookup_structures, kind=docdeid.ds.DsCollection))

    def _is_ordinary(self, word: str) -> bool:
        return word in self._TITLES or word in self._WORDS or any(word in words for words in self._ordinary)

    def _capitalised(self, text: str) -> str:
        """The text with names written in lower case capitalised ("daarna hielp sanne de vries"):
        Deduce recognises names by their capital. Only known first names that are no ordinary word,
        and a known surname right after one; the text keeps its length, so positions stay valid."""
        tokens = list(TOKEN.finditer(text))
        chars = list(text)
        after_name = False
        previous = ""
        for match in tokens:
            word = match.group()
            after_particle = previous in TUSSENVOEGSELS and is_word(word)  # "Van lente tot zomer": the word, no "Van Lente"
            previous = word.lower()
            if not word.islower() or len(word) < 2 or len(word[0].upper()) != 1:
                after_name = after_name and word in TUSSENVOEGSELS
                continue
            capital = word[0].upper() + word[1:]
            if ((len(word) >= 3 and [capital] in self._first_names and not self._is_ordinary(word) and not after_particle
                 and not _after_article(text, match.start(), match.end()))
                    or (after_name and [capital] in self._surnames)):
                chars[match.start()] = capital[0]
                after_name = True
            else:
                after_name = after_name and word in TUSSENVOEGSELS
        return "".join(chars)

    def _ordinary_single_word(self, annotation: Any, text: str) -> bool:  # a Deduce annotation
        """A lone capitalised word of Deduce's lists of ordinary words ("Goud waard.") taken for a surname, not after a title."""
        word = annotation.text
        if annotation.tag != "persoon" or TOKEN.fullmatch(word) is None or [word] in self._first_names:
            return False
        before = TOKEN.findall(text[: annotation.start_char])
        if before and before[-1].lower() in self._TITLES:
            return False
        return self._is_ordinary(word.lower())

    def __call__(self, text: str) -> str:
        # Letters that look Latin ("Stоrm" with a Cyrillic о) are read as Latin: one for one, so positions stay.
        seen = self._capitalised(deconfused(text))
        document = self._deduce.deidentify(seen)
        persons = [a for a in document.annotations if a.tag in ("persoon", "patient") and not self._ordinary_single_word(a, text)]
        # An everyday word Deduce took for a name is judged as a participant's name is ("Storm op zee", "Van lente tot zomer": the word;
        # "Roos vond het leuk", "met Roos", "hielp mees": a person; see `identity.word_context`), as Deduce saw it.
        verdicts = found_name_verdicts(seen, [(a.start_char, a.end_char) for a in persons])
        # As written (not capitalised for Deduce), a word may be surely the word ("Merel, mus en koolmees": a list of things).
        as_written = found_name_verdicts(deconfused(text), [(a.start_char, a.end_char) for a in persons])
        verdicts = [written if written[1] == "word" else verdict for verdict, written in zip(verdicts, as_written, strict=True)]
        words = {id(a) for a, (everyday, kind) in zip(persons, verdicts, strict=True) if everyday is not None and kind in ("maybe", "word")}
        spans = sorted(
            ((a.start_char, a.end_char, self._MARKS.get(a.tag, NAME_MARK)) for a in document.annotations
             if id(a) not in words and not self._ordinary_single_word(a, text)),
            key=lambda span: (span[0], -span[1]),
        )
        spans = [(_after_greeting(text, start, end), end, mark) for start, end, mark in spans]
        merged: list[tuple[int, int, str]] = []
        for start, end, mark in spans:
            if merged and start < merged[-1][1]:
                previous = merged[-1]
                merged[-1] = (previous[0], max(previous[1], end), previous[2])
            else:
                merged.append((start, end, mark))
        for start, end, mark in reversed(merged):
            if text[start:end] in (PARTICIPANT_MARK, NAME_MARK):
                continue
            text = text[:start] + mark + text[end:]
        return _INTERNATIONAL_PHONE.sub(PHONE_MARK, text)


def _after_article(text: str, start: int, end: int) -> bool:
    """Whether a word in lower case stands as an everyday word after an article or the like ("in de
    lente", "een mees"): no name to capitalise."""
    tokens = [(match.start(), match.end(), fold_word(match.group())) for match in TOKEN.finditer(text)]
    index = next((i for i, token in enumerate(tokens) if token[0] == start and token[1] == end), None)
    return index is not None and is_word(tokens[index][2]) and word_context(text, tokens, index, index, index) == "word"


def _after_greeting(text: str, start: int, end: int) -> int:
    """Where a name Deduce found begins without a greeting it took for a first name ("Lieve Iris": "Iris")."""
    first = TOKEN.match(text, start)
    if first is None or fold_word(first.group()) not in GREETINGS:
        return start
    following = TOKEN.search(text, first.end(), end)
    return following.start() if following is not None else start
