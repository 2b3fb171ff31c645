"""Who is who, and keeping them out of every text: one person across files, and redaction.

- `People`: the identities in the data (every name and e-mail column of every export) joined into
  persons wherever one row links them (a Microsoft Forms row has both `E-mail` and `Naam`), so one
  person who is an e-mail in one file and a name in another is counted once.
- `Redactor`: removes every identity and its parts (first name, surname with or without
  tussenvoegsel, the e-mail's local part and its pieces split on `.`, `_`, `-`) from free text,
  comparing without case, accents and white space (a double space or line break inside a name),
  and any e-mail address at all.
- `NameFinder`: for texts that go public, Deduce (rule-based Dutch de-identification) also finds
  names of people who are not participants (pupils, colleagues, parents) and phone numbers.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from generator.core.language import N_

# What stands where a name was removed; a site in another language shows the catalogue's words.
PARTICIPANT_MARK = N_("[deelnemer]")
NAME_MARK = N_("[naam]")
EMAIL_MARK = N_("[e-mail]")
PHONE_MARK = N_("[telefoonnummer]")
MARKS = (PARTICIPANT_MARK, NAME_MARK, EMAIL_MARK, PHONE_MARK)

# Dutch name particles: part of a surname ("de Vries"), never a name on their own.
TUSSENVOEGSELS = frozenset({
    "d", "da", "de", "den", "der", "des", "di", "du", "el", "het", "in", "la", "le", "les", "op", "s", "t",
    "te", "ten", "ter", "uit", "van", "vande", "vander", "vd", "von", "zu", "al", "bin", "ben", "y", "e", "o", "a",
})
_TOKEN = re.compile(r"[^\W_]+")
_GAP = re.compile(r"^[\s.\-_'’]{1,12}$")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_MAX_TOKENS = 6  # the longest name to look for, in words


def fold_word(word: str) -> str:
    """A word compared without case and accents."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def identity_key(identity: str) -> str:
    """One identity, as identities are compared: case, accents and white space folded.

    The one rule for "is this the same participant", used by every stage."""
    return " ".join(fold_word(word) for word in identity.split())


def _words(text: str) -> list[str]:
    return [fold_word(token) for token in _TOKEN.findall(text)]


def redaction_keys(identity: str) -> set[str]:
    """The strings (folded words joined without spaces) whose appearance in a text is this identity."""
    identity = identity.strip()
    keys: set[str] = set()
    if "@" in identity:
        local = identity.rsplit("@", 1)[0]
        keys.add("".join(_words(local)))
        words = [w for w in re.split(r"[^a-z]+", "".join(ch if ch.isalpha() else " " for ch in fold_word(local))) if w]
        keys.update(_spans(words))
    else:
        words = _words(identity)
        if any(ch.isdigit() for ch in identity):
            keys.add("".join(words))  # a code ("HB-01"): only the whole code is the person
        else:
            keys.update(_spans(words))
    return {key for key in keys if len(key) >= 2 and key not in TUSSENVOEGSELS and not key.isdigit()}


def _spans(words: list[str]) -> set[str]:
    """Every run of words that ends in a real name part: "anouk", "de vries", "anouk de vries"."""
    found = set()
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + _MAX_TOKENS) + 1):
            if words[end - 1] not in TUSSENVOEGSELS:
                found.add("".join(words[start:end]))
    return found


class Redactor:
    """Removes the given identities, in every form and part, and every e-mail address, from text."""

    def __init__(self, identities: Iterable[str]):
        keys: set[str] = set()
        for identity in set(identities):
            keys |= redaction_keys(identity)
        self.keys = frozenset(keys)

    def __call__(self, text: str) -> str:
        text = _EMAIL.sub(EMAIL_MARK, text)
        tokens = [(match.start(), match.end(), fold_word(match.group())) for match in _TOKEN.finditer(text)]
        spans: list[tuple[int, int]] = []
        index = 0
        while index < len(tokens):
            joined, best = "", None
            for last in range(index, min(len(tokens), index + _MAX_TOKENS)):
                if last > index and not _GAP.match(text[tokens[last - 1][1]:tokens[last][0]]):
                    break
                joined += tokens[last][2]
                if joined in self.keys:
                    best = last
            if best is None:
                index += 1
                continue
            spans.append((tokens[index][0], tokens[best][1]))
            index = best + 1
        for start, end in reversed(spans):
            text = text[:start] + PARTICIPANT_MARK + text[end:]
        return text

    def mentions(self, text: str) -> bool:
        """Whether `text` names an identity (for warnings about what the coach typed)."""
        return self(text) != text


class People:
    """Identities joined into persons: every row that names one person twice links the two."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def _find(self, key: str) -> str:
        parent = self._parent.setdefault(key, key)
        while parent != self._parent[parent]:
            self._parent[parent] = self._parent[self._parent[parent]]
            parent = self._parent[parent]
        self._parent[key] = parent
        return parent

    def link(self, identities: Iterable[str]) -> None:
        keys = [identity_key(i) for i in identities if i.strip()]
        for key in keys:
            self._find(key)
        for other in keys[1:]:
            first, second = self._find(keys[0]), self._find(other)
            if first != second:
                self._parent[max(first, second)] = min(first, second)

    def persons(self) -> dict[str, str]:
        """{identity key: the person's key}: the person's first e-mail, else its first name, in order."""
        members: dict[str, list[str]] = defaultdict(list)
        for key in self._parent:
            members[self._find(key)].append(key)
        result = {}
        for group in members.values():
            emails = sorted(k for k in group if "@" in k)
            person = emails[0] if emails else sorted(group)[0]
            for key in group:
                result[key] = person
        return result


def suspected_pairs(people: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Pairs of persons (by key, with their identity keys) that may be one person: a name that is
    an e-mail's local part ("Anouk de Vries", "anouk.devries@…"), or a first name alone that
    begins another's full name. Nothing in the data links them, so they are only warned about."""
    signatures: dict[str, set[str]] = {}
    first_names: dict[str, set[str]] = {}
    for person, keys in people.items():
        joined, firsts = set(), set()
        for key in keys:
            if "@" in key:
                joined.add("".join(_words(key.rsplit("@", 1)[0])))
            else:
                words = _words(key)
                joined.add("".join(words))
                if len(words) > 1:
                    firsts.add(words[0])
        signatures[person] = {j for j in joined if len(j) >= 3}
        first_names[person] = firsts
    by_signature: dict[str, list[str]] = defaultdict(list)
    for person, joined in signatures.items():
        for item in joined:
            by_signature[item].append(person)
    pairs = set()
    for persons in by_signature.values():
        for a in persons:
            for b in persons:
                if a < b:
                    pairs.add((a, b))
    for person, keys in people.items():
        single = {k for k in keys if "@" not in k and " " not in k and not any(ch.isdigit() for ch in k)}
        for other, firsts in first_names.items():
            if other != person and single & firsts:
                pairs.add((min(person, other), max(person, other)))
    return sorted(pairs)


class NameFinder:
    """Names of anyone (not only participants), e-mail addresses and phone numbers in Dutch text,
    found by Deduce and replaced by `[naam]`, `[e-mail]`, `[telefoonnummer]`.

    Deduce builds its lookup structures once (about 80 s) into the user's cache, and loads them in
    about 9 s: it is loaded only for the public site, and once per process."""

    _DISABLED = frozenset({"locations", "institutions", "dates", "ages", "identifiers", "urls"})
    _MARKS: ClassVar[dict[str, str]] = {"persoon": NAME_MARK, "patient": NAME_MARK, "emailadres": EMAIL_MARK, "telefoonnummer": PHONE_MARK}

    # Titles before a name: never a name themselves.
    _TITLES = frozenset({"meester", "juf", "juffrouw", "mevrouw", "meneer", "heer", "dokter", "collega", "leerling", "directeur"})
    # Everyday Dutch words that are also first names ("ik ken", "ik wil"): in lower case they are words.
    _WORDS = frozenset({
        "ken", "kan", "wil", "mag", "ben", "heb", "zal", "bas", "roos", "hoop", "lot", "job", "max", "els", "zon", "ster",
        "lief", "lieve", "dag", "hart", "vrij", "mei", "juni", "juli", "augustus", "maart", "april", "winter", "zomer", "storm",
        "mark", "will", "may", "hope", "rose", "joy", "sky", "liefde",
    })

    def __init__(self, cache: Path):
        self._deduce = _load_deduce(str(cache))
        lookups = self._deduce.lookup_structs
        self._first_names, self._surnames = lookups["first_name"], lookups["surname"]
        self._ordinary = (lookups["common_word"], lookups["stop_word"], lookups["whitelist"])

    @staticmethod
    def prepared(cache: Path) -> bool:
        """Whether Deduce's lookup structures are in `cache` already (else building them takes minutes)."""
        return (cache / "cache" / "lookup_structs.pickle").is_file()

    def _is_ordinary(self, word: str) -> bool:
        return word in self._TITLES or word in self._WORDS or any(word in words for words in self._ordinary)

    def _capitalised(self, text: str) -> str:
        """The text with names written in lower case capitalised ("daarna hielp sanne de vries"):
        Deduce recognises names by their capital. Only known first names that are no ordinary word,
        and a known surname right after one; the text keeps its length, so positions stay valid."""
        tokens = list(_TOKEN.finditer(text))
        chars = list(text)
        after_name = False
        for match in tokens:
            word = match.group()
            if not word.islower() or len(word) < 2 or len(word[0].upper()) != 1:
                after_name = after_name and word in TUSSENVOEGSELS
                continue
            capital = word[0].upper() + word[1:]
            if (len(word) >= 3 and [capital] in self._first_names and not self._is_ordinary(word)) or (after_name and [capital] in self._surnames):
                chars[match.start()] = capital[0]
                after_name = True
            else:
                after_name = after_name and word in TUSSENVOEGSELS
        return "".join(chars)

    def _ordinary_single_word(self, annotation: Any, text: str) -> bool:  # a Deduce annotation
        """A lone capitalised ordinary word ("Goud waard.") taken for a surname, not after a title."""
        word = annotation.text
        if annotation.tag != "persoon" or _TOKEN.fullmatch(word) is None or [word] in self._first_names:
            return False
        before = _TOKEN.findall(text[: annotation.start_char])
        return self._is_ordinary(word.lower()) and not (before and before[-1].lower() in self._TITLES)

    def __call__(self, text: str) -> str:
        document = self._deduce.deidentify(self._capitalised(text), disabled=set(self._DISABLED))
        spans = sorted(
            ((a.start_char, a.end_char, self._MARKS.get(a.tag, NAME_MARK)) for a in document.annotations if not self._ordinary_single_word(a, text)),
            key=lambda span: (span[0], -span[1]),
        )
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
        return text


@functools.lru_cache(maxsize=1)
def _load_deduce(cache: str) -> Any:
    """Deduce, loaded once per process (`serve` rebuilds reuse it); its lookup structures cached.

    Deduce writes its cache in place: a build killed while writing leaves a broken file, which is
    then built again. A cache folder that cannot be written is replaced by a temporary one."""
    import logging
    import pickle
    import tempfile

    from deduce import Deduce

    logging.getLogger().setLevel(logging.WARNING)  # Deduce logs "please wait" at INFO level
    folder = Path(cache)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".schrijftest"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix="netwerkspiegel-deduce-"))
    try:
        return Deduce(cache_path=folder)
    except (pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError, IndexError):
        return Deduce(cache_path=folder, build_lookup_structs=True)
