"""Everyday Dutch words, to tell a participant's name from the word it also is ("Roos", "Bakker",
"Klein"): OpenTaal's word list in lower case (`data/woorden/nl.txt.gz`, see its LEESMIJ.md),
read once per process when first asked (a fifth of a second), compared as `identity.fold_word`
compares words.
"""

from __future__ import annotations

import functools
import gzip
import unicodedata
from pathlib import Path

WORD_LIST = Path(__file__).resolve().parent / "data" / "woorden" / "nl.txt.gz"


def _fold(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@functools.lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    """Every word of the list, folded (without accents)."""
    with gzip.open(WORD_LIST, "rt", encoding="utf-8") as handle:
        return frozenset(_fold(word) for word in handle.read().split())


def is_word(folded: str) -> bool:
    """Whether a folded word (lower case, no accents) is an everyday Dutch word."""
    return folded in dutch_words()


_LONG_VOWELS = ("aa", "ee", "oo", "uu")


def is_adjective(folded: str) -> bool:
    """Whether a word is an adjective, as far as the list tells: it has a comparative ("klein":
    "kleiner", "groot": "groter", "wit": "witter"); nouns ("roos", "bakker", "winter") have none."""
    if not is_word(folded) or len(folded) < 2:
        return False
    stems = {folded, folded + folded[-1]}
    if folded[-3:-1] in _LONG_VOWELS:
        stems.add(folded[:-2] + folded[-1])  # groot: grote, groter
    if folded[-1] in "sf":
        stems |= {stem[:-1] + {"s": "z", "f": "v"}[folded[-1]] for stem in list(stems)}  # boos: boze; lief: lieve
    words = dutch_words()
    # both an inflected and a comparative form: "marker" or "vriezer" alone are nouns
    return any(stem + "e" in words and stem + "er" in words for stem in stems)
