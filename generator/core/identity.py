"""Who is who, and keeping them out of every text: one person across files, and redaction.

- `People`: the identities in the data (every name and e-mail column of every export) joined into
  persons wherever one row links them (a Microsoft Forms row has both `E-mail` and `Naam`), so one
  person who is an e-mail in one file and a name in another is counted once.
- `Redactor`: removes every identity and its parts (first name, surname with or without
  tussenvoegsel, the e-mail's local part and its pieces split on `.`, `_`, `-`) from free text,
  comparing without case, accents and white space (a double space or line break inside a name),
  and any e-mail address at all.

Names of people who are not participants (pupils, colleagues, parents) are found in the texts that
go public by `generator.core.name_finder`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

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
TOKEN = re.compile(r"[^\W_]+")
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
    return [fold_word(token) for token in TOKEN.findall(text)]


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
        tokens = [(match.start(), match.end(), fold_word(match.group())) for match in TOKEN.finditer(text)]
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
