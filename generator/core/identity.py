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

import copy
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from generator.core.dutch_words import is_adjective, is_word
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


# Letters of other scripts that look like Latin ones ("Stоrm" with a Cyrillic о, "Vіnk" with a
# Cyrillic і): compared as the Latin letter they look like, one letter for one (so positions stay).
_LOOK_ALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
    "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ѵ": "v", "ɡ": "g", "ɑ": "a", "ı": "i",
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ω": "w",
}
_LOOK_ALIKES_UPPER = {
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X",
    "І": "I", "Ї": "I", "Ј": "J", "Ѕ": "S", "Һ": "H", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_DECONFUSE = str.maketrans({**_LOOK_ALIKES, **_LOOK_ALIKES_UPPER})


def deconfused(text: str) -> str:
    """`text` with letters that look Latin written as the Latin letter, case kept, one for one."""
    return text if text.isascii() else text.translate(_DECONFUSE)


def fold_word(word: str) -> str:
    """A word compared without case and accents (and letters of other scripts that look Latin, as Latin)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.translate(_DECONFUSE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def identity_key(identity: str) -> str:
    """One identity, as identities are compared: case, accents and white space folded.

    The one rule for "is this the same participant", used by every stage."""
    return " ".join(fold_word(word) for word in identity.split())


def _words(text: str) -> list[str]:
    return [fold_word(token) for token in TOKEN.findall(text)]


def _identity_words(identity: str) -> list[str]:
    """A name's folded words; of an e-mail address, the pieces of its local part ("anouk", "devries")."""
    if "@" in identity:
        local = identity.rsplit("@", 1)[0]
        return [w for w in re.split(r"[^a-z]+", "".join(ch if ch.isalpha() else " " for ch in fold_word(local))) if w]
    return _words(identity)


def redaction_keys(identity: str) -> set[str]:
    """The strings (folded words joined without spaces) whose appearance in a text is this identity."""
    identity = identity.strip()
    keys: set[str] = set()
    words = _identity_words(identity)
    if "@" in identity:
        keys.add("".join(_words(identity.rsplit("@", 1)[0])))
        keys.update(_spans(words))
    else:
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


# A name part with an ending: the possessive without apostrophe ("Anouks"), a diminutive ("Anoukje",
# "Pietje", "Kimpje"); "Brammetje" doubles the last letter first. Only for parts of three letters or more.
SUFFIXES = ("s", "je", "tje", "pje", "kje", "etje")
_SUFFIXED_FROM = 3
# A name part longer than four letters is also found with one letter wrong, left out, added or two
# letters swapped ("Anuok", "Anoek"), where the text writes it with a capital, as names are written,
# and begins with the name's first letter (so "Kleur" is not "Fleur", nor "Oost" "Joost").
_TYPO_FROM = 5


def initials_of(identity: str) -> str | None:
    """A name's initials, folded ("Anouk de Vries": "adv"), or None for a name of one word, an
    e-mail address or a code."""
    if any(ch.isdigit() for ch in identity):
        return None
    words = _name_words(identity)
    if len([w for w in words if w not in TUSSENVOEGSELS]) < 2:
        return None
    return "".join(w[0] for w in words)


def _name_words(identity: str) -> list[str]:
    """A name's words; of an e-mail address, its local part's pieces with particles at their start
    split off ("anouk.devries@…": "anouk", "de", "vries")."""
    if "@" in identity:
        return [part for piece in _identity_words(identity) for part in _particles_apart(piece)]
    return _words(identity)


_PARTICLES_FIRST = sorted((p for p in TUSSENVOEGSELS if len(p) >= 2), key=len, reverse=True)


def _particles_apart(piece: str) -> list[str]:
    """"devries" as "de", "vries"; "vanderberg" as "van", "der", "berg" (what remains is a name of three letters or more)."""
    for particle in _PARTICLES_FIRST:
        if piece.startswith(particle) and len(piece) - len(particle) >= 3:
            return [particle, *_particles_apart(piece[len(particle):])]
    return [piece]


def one_edit_apart(first: str, second: str) -> bool:
    """Whether two words differ by exactly one letter changed, left out, added, or two neighbours swapped."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        different = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
        return len(different) == 1 or (len(different) == 2 and different[1] == different[0] + 1
                                        and first[different[0]] == second[different[1]] and first[different[1]] == second[different[0]])
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


# Words around an everyday word that tell it stands for a person (see `Redactor`), folded.
TITLES = frozenset({
    "juf", "juffrouw", "meester", "mevrouw", "mevr", "mw", "meneer", "mr", "dhr", "heer", "collega", "dokter", "dr", "directeur",
    "directrice", "leerling", "coach", "docent", "docente", "leerkracht", "ib", "ib'er", "intern", "begeleider", "oom", "tante", "opa", "oma",
})
GREETINGS = frozenset({
    "hoi", "hallo", "beste", "lieve", "hey", "hi", "hee", "hoihoi", "dag", "groeten", "groetjes", "liefs", "bedankt", "dankjewel",
    "dankuwel", "goedemorgen", "goedemiddag", "goedenavond", "welkom", "proficiat", "gefeliciteerd", "sorry",
})
# Before an everyday word in lower case these make it the word ("de roos", "een groot succes", "afgelopen winter").
DETERMINERS = frozenset({
    "de", "het", "een", "deze", "die", "dit", "dat", "mijn", "jouw", "je", "zijn", "haar", "onze", "ons", "hun", "jullie", "uw", "elke", "elk",
    "ieder", "iedere", "geen", "welke", "welk", "veel", "weinig", "meer", "minder", "enkele", "sommige", "alle", "beide", "zulke", "s",
    "afgelopen", "vorige", "komende", "volgende", "hele", "laatste", "eerste", "tweede", "derde", "andere", "zelfde", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
})
# After a sentence-initial everyday word, these say it is the subject of the sentence: a person ("Roos vertelde").
FINITE_VERBS = frozenset({
    "is", "was", "had", "heeft", "zei", "zegt", "gaf", "geeft", "liet", "laat", "kwam", "komt", "ging", "gaat", "wil", "wilde", "kan", "kon",
    "zal", "zou", "moet", "moest", "mag", "mocht", "vond", "vindt", "deed", "doet", "nam", "neemt", "zag", "ziet", "bracht", "brengt",
    "sprak", "spreekt", "schreef", "schrijft", "las", "leest", "hielp", "helpt", "stond", "staat", "zat", "zit", "bleef", "blijft", "werd",
    "wordt", "heb", "ben", "hebben", "waren", "hadden", "wist", "weet", "dacht", "denkt", "kreeg", "krijgt", "koos", "kiest", "vroeg",
    "vraagt", "begon", "begint", "haar", "zijn", "noemde", "noemt", "zong", "zingt", "liep", "loopt", "riep", "roept", "keek", "kijkt",
    "lag", "ligt", "hing", "viel", "valt", "hield", "houdt", "zocht", "zoekt", "kocht", "won", "wint", "droeg", "sloeg", "vloog", "bood",
    "biedt", "reed", "rijdt", "schoof", "trok", "trekt", "wees", "wijst", "dronk", "at", "eet", "sliep", "slaapt", "lachte", "lacht",
    "legt", "belt", "mailt", "appt", "antwoordde", "antwoordt", "vertelt", "leidt", "opende", "sloot", "stuurde", "stuurt",
})
# English verbs after a name-word: the subject of an English sentence, a person ("Akker agreed", "Linde said").
ENGLISH_VERBS = frozenset({
    "said", "says", "agreed", "agrees", "told", "tells", "asked", "asks", "thinks", "thought", "wrote", "writes", "presented", "presents",
    "was", "is", "has", "had", "helped", "helps", "did", "does", "made", "makes", "gave", "gives", "showed", "shows", "explained",
    "explains", "suggested", "suggests", "joined", "joins", "led", "leads", "organised", "organized", "felt", "feels", "found", "finds",
    "will", "would", "can", "could", "should", "shared", "shares", "added", "adds", "replied", "answered", "mentioned", "noted",
})
# After a name-word at the start of a sentence, an infinitive or a lower-case word of these shapes says it is the
# everyday word ("Klein denken", "Zand verzamelen"): a singular person is no subject of an infinitive.
# What a sentence-initial adjective may be followed by and stay the word ("Klein is fijn", "Groot was de verbazing").
COPULAS = frozenset({"is", "was", "zijn", "waren", "blijft", "bleef", "wordt", "werd", "lijkt", "leek", "en", "of"})
# What follows a sentence-initial word and a comma when it is no address ("Klein, maar fijn").
CONJUNCTIONS = frozenset({"maar", "en", "of", "want", "dus", "toch", "zelfs", "al", "wel", "niet", "ook", "nog", "dan", "doch", "noch", "zo"})
PREPOSITIONS = frozenset({
    "in", "op", "aan", "van", "met", "uit", "bij", "voor", "naar", "over", "onder", "tussen", "door", "zonder", "tot", "om", "te", "na",
    "tegen", "achter", "boven", "langs", "rond", "sinds", "tijdens", "volgens", "vanuit", "zoals", "als", "die", "dat", "hebben", "zijn",
})
_PRONOUNS = frozenset({"ik", "wij", "we", "jij", "je", "zij", "ze", "hij", "u", "jullie", "mijn", "onze", "wat", "dat", "dit", "heel", "goed", "top", "ja", "nee"})
_SENTENCE_END = ".!?:;\n"
_OPENING = " \t\r\"'“‘„«([*•–—-"


class Span(NamedTuple):
    """One thing the redactor removes: where, and whether the words there are also an everyday Dutch
    word ("Roos", "Bakker"), so that `check` can point them out."""

    start: int
    end: int
    everyday: bool


class Decision(NamedTuple):
    """What the redactor decided about one run of a text that is an identity (`Redactor.decisions`)."""

    start: int
    end: int
    everyday: str | None
    kind: str | None


# Between two names of one list ("Storm en Lente", "Berg, Post en Hart", "Storm & Lente").
_JOINING = re.compile(r"\s*(?:,|&|\+|/|(?:,\s*)?(?:en|of|and|und|&)(?![^\W_]))\s*", re.IGNORECASE)


def _joined_persons(text: str, tokens: list[tuple[int, int, str]], verdicts: list[list]) -> None:
    """A name joined to a person's name by "en", "of" or a comma is a person too, in any case
    ("WE DANKEN STORM EN LENTE", "met Veld en Beek"); two capitalised names joined are two persons."""
    changed = True
    while changed:
        changed = False
        for one, other in itertools.pairwise(verdicts):
            if not _JOINING.fullmatch(text[tokens[one[1]][1]:tokens[other[0]][0]]):
                continue
            capitals = all(text[tokens[v[0]][0]].isupper() or text[tokens[v[1]][0]].isupper() for v in (one, other))
            for this, that in ((one, other), (other, one)):
                if this[2] is not None and this[3] != "person" and (that[2] is None or that[3] == "person" or capitals):
                    this[3] = "person"
                    changed = True


class Redactor:
    """Removes the given identities, in every form and part, and every e-mail address, from text.

    Besides each name part and every run of them (`redaction_keys`), a name is found with a Dutch
    ending (`SUFFIXES`), as initials (with dots, "A.d.V.", or with the particles in lower case,
    "AdV"; "A. de Vries" is a run of parts), spaced out ("E V A M U L D E R", "M u l d e r"), and
    with one letter wrong where it is written with a capital and longer than four letters
    (`one_edit_apart`), unless that word is itself a Dutch word ("Vissen" is no "Visser").

    A name part that is also an everyday Dutch word (`generator.core.dutch_words`: "Roos", "Bos",
    "Bakker", "Klein", "de Groot") is removed only where it stands for a person, and kept where it
    is the word. A person, for sure: a full name (two name parts, "Roos Bos"), with an initial or a
    particle and a capital ("R. Bos", "de Groot"), after a title ("juf Roos", "meester bakker") or a
    greeting ("Hoi Roos,"), spaced out. A person, unless the coach keeps the word (`keep`, the
    setting `publiek.behoud`): a capital in the middle of a sentence ("met Roos", "van Bakker"); at
    the start of a sentence, followed by a verb ("Roos vertelde"; an adjective followed by "is" or
    "was" stays: "Klein is fijn") or by a comma as one addresses someone ("Roos, dank je"). The
    word: in lower case ("de roos", "een groot succes", "de boer op") and at the start of a sentence
    otherwise ("Klein denken, groot beginnen."), unless the same text names that person elsewhere
    (then also "Roos plantte" and "daarna hielp roos", but never "de roos" or "een groot succes").
    A form with an ending is an everyday word only when the name itself is one ("Bakkers", not
    "Lias" of "Lia")."""

    def __init__(self, identities: Iterable[str], keep: Iterable[str] = ()):
        keys: set[str] = set()
        initials: set[str] = set()
        initialled: set[str] = set()
        plain: set[str] = set()
        parts: set[str] = set()  # the single name parts, for typos
        for identity in set(identities):
            found_keys = redaction_keys(identity)
            keys |= found_keys
            plain |= found_keys
            parts |= found_keys & set(_identity_words(identity))
            if (found := initials_of(identity)) is not None:
                initials.add(found)
                words = _name_words(identity)
                initials.add("".join(w[0] for w in words if w not in TUSSENVOEGSELS))  # "P.G." of Piet de Groot
                forms = {words[0][0] + "".join(words[1:]), words[0] + "".join(w[0] for w in words[1:]), words[0] + words[-1][0]}
                keys |= forms  # "A. de Vries", "Anouk d.V.", "Anouk V."
                initialled |= forms
        self.keys = frozenset(keys)
        # "A. de Vries", "Anouk d.V.", "Anouk V.": an initial is a letter of its own, never part of a word ("Shout" is no "S. Hout")
        self._initialled = frozenset(initialled - plain)
        self.initials = frozenset(initials)
        self.keep = frozenset(fold_word(word) for word in keep if word.strip())
        self._longest = max(map(len, keys), default=0) + 4  # and an ending
        self._suffixed = frozenset(key for key in keys if len(key) >= _SUFFIXED_FROM and key.isalpha())
        # Typos found as SymSpell does: a word and the name share a form with one letter left out.
        near: dict[str, set[str]] = defaultdict(set)
        for part in parts:
            if len(part) >= _TYPO_FROM and part.isalpha():
                for form in _deletions(part) | {part}:
                    near[form].add(part)
        self._near = {form: frozenset(names) for form, names in near.items()}

    def keeping(self, words: Iterable[str]) -> Redactor:
        """The same redactor that also keeps `words` where they are only an everyday word."""
        kept = copy.copy(self)
        kept.keep = self.keep | frozenset(fold_word(word) for word in words if word.strip())
        return kept

    def without_kept(self) -> Redactor:
        """The same redactor keeping no word (what the site would lose without `publiek.behoud`)."""
        bare = copy.copy(self)
        bare.keep = frozenset()
        return bare

    def _is_variant(self, joined: str) -> bool:
        """A name part with one of `SUFFIXES`, tested by its last letters (this runs for every word
        of every text that ends in "s" or "e")."""
        if joined[-1] == "s":
            if joined[:-1] in self._suffixed or (joined.endswith("ies") and self._nickname(joined[:-1])):
                return True
            return False
        if (joined.endswith("ie") or joined[-1] == "y") and self._nickname(joined):
            return True
        if joined[-2:] != "je":
            return False
        stem = joined[:-2]
        if stem in self._suffixed or (stem[-1:] in ("t", "p", "k") and stem[:-1] in self._suffixed):
            return True
        # "-etje", also after the last letter doubled ("brammetje")
        return stem[-2:] == "et" and (stem[:-2] in self._suffixed or (len(stem) > 4 and stem[-3] == stem[-4] and stem[:-3] in self._suffixed))

    def _nickname(self, joined: str) -> bool:
        """A nickname made with -ie or -y, perhaps after the last letter doubled ("Vlassie" of Vlas, "Eikie" of
        Eik, "Bassy" of Bas), unless that form is itself a Dutch word."""
        stem = joined[:-2] if joined.endswith("ie") else joined[:-1]
        if len(stem) < _SUFFIXED_FROM or is_word(joined):
            return False
        return stem in self._suffixed or (len(stem) > _SUFFIXED_FROM and stem[-1] == stem[-2] and stem[:-1] in self._suffixed)

    def _is_typo(self, folded: str) -> bool:
        """Whether a word written with a capital is a name part with one letter wrong (see `_TYPO_FROM`),
        also with a possessive -s ("Visers"); never a Dutch word ("Vissen", "Kleine", "Bakken")."""
        if not folded.isalpha():
            return False
        words = [folded, folded[:-1]] if folded[-1] == "s" and len(folded) >= _TYPO_FROM else [folded]
        for word in words:
            candidates: set[str] = set()
            for form in _deletions(word) | {word}:
                candidates |= self._near.get(form, frozenset())
            if any(name[0] == word[0] and one_edit_apart(word, name) for name in candidates):
                return not is_word(folded) and not is_word(word)
        return False

    def _is_initials(self, text: str, tokens: list[tuple[int, int, str]], first: int, last: int) -> bool:
        """Initials as people write them: single letters each followed by a dot ("A.d.V.", "A. d. V"),
        or one word with its particles in lower case ("AdV", "JvdB"); never "PO" or "adv"."""
        if last > first:
            return all(end - start == 1 for start, end, _ in tokens[first:last + 1]) and all(
                "." in text[tokens[i][1]:tokens[i + 1][0]] for i in range(first, last))
        word = text[tokens[first][0]:tokens[first][1]]
        return len(word) >= 3 and word[0].isupper() and word[-1].isupper() and any(ch.islower() for ch in word)

    def _matches(self, text: str, tokens: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """Every run of tokens (first, last) that is an identity, longest first from left to right."""
        found: list[tuple[int, int]] = []
        keys, initials, near = self.keys, self.initials, self._near
        index = 0
        while index < len(tokens):
            joined, best, words = "", None, 0
            for last in range(index, len(tokens)):
                if last > index and not _GAP.match(text[tokens[last - 1][1]:tokens[last][0]]):
                    break
                joined += tokens[last][2]
                words += len(tokens[last][2]) > 1  # a name spaced out is one word however many letters
                if words > _MAX_TOKENS or len(joined) > self._longest:
                    break
                if ((joined in keys and (last > index or joined not in self._initialled)) or (joined[-1] in "sey" and self._is_variant(joined))
                        or (joined in initials and self._is_initials(text, tokens, index, last))):
                    best = last
            if best is None and near and len(tokens[index][2]) >= _TYPO_FROM - 1 and text[tokens[index][0]].isupper() and self._is_typo(tokens[index][2]):
                best = index
            if best is None:
                index += 1
                continue
            found.append((index, best))
            index = best + 1
        return found

    def decisions(self, text: str) -> list[Decision]:
        """Every run of `text` that is an identity, with what it is there (see the class), whatever
        the coach keeps: `everyday` the everyday word it is (its base form: "storm" of "Stormpje")
        or None, `kind` "person", "weak", "maybe" or "word" (None: no everyday word, the person)."""
        tokens = [(match.start(), match.end(), fold_word(match.group())) for match in TOKEN.finditer(text)]
        found = self._matches(text, tokens)
        inside = self._inside_words(text, tokens, {index for first, last in found for index in range(first, last + 1)})
        if not found:
            return inside
        # In a title written with capitals ("Samen Sterk in Klein Gelderland") or all in capitals a capital says nothing.
        named = {index for first, last in found for index in range(first, last + 1)}
        capitals = [text[start].isupper() for index, (start, end, _) in enumerate(tokens)
                    if end - start >= 4 and index not in named and not _sentence_start(text, start)]
        titled = len(capitals) >= 2 and sum(capitals) * 3 > len(capitals) * 2
        verdicts: list[list] = []  # [first, last, the everyday word or None, kind]
        for first, last in found:
            everyday, kind = self._everyday(text, tokens, first, last, titled)
            verdicts.append([first, last, everyday, kind])
        strong = {v[2] for v in verdicts if v[2] is not None and v[3] == "person"}
        removed = strong | {v[2] for v in verdicts if v[2] is not None and v[3] == "weak"}
        for verdict in verdicts:
            if verdict[3] == "maybe" and verdict[2] in removed:  # the text names this person elsewhere
                capital = any(text[tokens[i][0]].isupper() for i in range(verdict[0], verdict[1] + 1))
                verdict[3] = "weak" if capital or verdict[2] not in strong else "person"
        _joined_persons(text, tokens, verdicts)
        return sorted([Decision(tokens[first][0], tokens[last][1], everyday, kind) for first, last, everyday, kind in verdicts] + inside)

    def _inside_words(self, text: str, tokens: list[tuple[int, int, str]], named: set[int]) -> list[Decision]:
        """A name as part of a word written in camelCase or of a hashtag or handle ("#teamValk", "#ValkRocks",
        "@merelkool", "#teamvalk"): always the person."""
        found = []
        for index, (start, end, _folded) in enumerate(tokens):
            written = text[start:end]
            tagged = start > 0 and text[start - 1] in "#@"
            if index in named or not (tagged or _CAMEL.search(written)):
                continue
            parts = [(start + part.start(), start + part.end()) for part in _CAMEL_PART.finditer(written)]
            if tagged and len(parts) == 1:  # "#teamvalk": a participant's name at the start or end of the tag
                folded = fold_word(written)
                for key in sorted((k for k in self.keys if len(k) >= 3 and k not in self._initialled and k.isalpha()), key=len, reverse=True):
                    if folded.startswith(key) and folded != key:
                        parts = [(start, start + len(key))]
                        break
                    if folded.endswith(key) and folded != key:
                        parts = [(end - len(key), end)]
                        break
            for part_start, part_end in parts:
                part = fold_word(text[part_start:part_end])
                if len(part) >= 2 and ((part in self.keys and part not in self._initialled) or (part[-1] in "sey" and self._is_variant(part))):
                    found.append(Decision(part_start, part_end, part if is_word(part) else None, "person"))
        return found

    def kept_as_word(self, text: str) -> list[str]:
        """The participants' names in `text` that stay because they stand as the everyday word there
        ("de storm", "Storm op zee", "ik belde storm"), as written: for the coach to review, never for a page."""
        text = _EMAIL.sub(EMAIL_MARK, text)
        return [text[d.start:d.end] for d in self.decisions(text) if d.everyday is not None and d.kind in ("maybe", "word")]

    def spans(self, text: str) -> list[Span]:
        """What `__call__` removes from `text` (e-mail addresses aside), in order (see the class)."""
        return [Span(d.start, d.end, d.everyday is not None) for d in self.decisions(text)
                if d.everyday is None or d.kind == "person" or (d.kind == "weak" and not kept_word(d.everyday, self.keep))]

    def _everyday(self, text: str, tokens: list[tuple[int, int, str]], first: int, last: int, titled: bool) -> tuple[str | None, str | None]:
        """(the everyday word in its base form, how sure it is a person: "person", "weak", "maybe" or
        "word"), or (None, None) when the run is no everyday word (it is always the person)."""
        run = tokens[first:last + 1]
        letters = [token for token in run if token[1] - token[0] == 1]
        if len(letters) >= 2 and len(letters) == len(run) and "".join(t[2] for t in run) not in self.initials:
            return None, None  # spaced out: a name, always
        substantive = [i for i in range(first, last + 1) if len(tokens[i][2]) > 1 and tokens[i][2] not in TUSSENVOEGSELS]
        if len(substantive) != 1:
            return None, None  # a full name, or a run of particles and initials
        position = substantive[0]
        word = tokens[position][2]
        base = next((word[:len(word) - cut] for cut in range(6) if is_word(word[:len(word) - cut]) and word[:len(word) - cut] in self.keys), None)
        if not is_word(word) or base is None:
            return None, None  # no word, or only with an ending ("Lias" of "Lia")
        possessive = word.endswith("s") and word[:-1] in self.keys
        return base, word_context(text, tokens, first, last, position, titled, possessive, participant=True)

    def __call__(self, text: str, every_address: bool = True) -> str:
        """`text` without the identities; `every_address`: without any e-mail address at all (else
        only the participants' addresses go, for a contact address the coach means to show)."""
        text = _EMAIL.sub(EMAIL_MARK if every_address else self._participants_address, text)
        for start, end, _everyday in reversed(self.spans(text)):
            text = text[:start] + PARTICIPANT_MARK + text[end:]
        return text

    def _participants_address(self, match: re.Match[str]) -> str:
        address = match.group()
        local = address.rsplit("@", 1)[0]
        return EMAIL_MARK if self(local, every_address=False) != local else address

    def _typed_spans(self, text: str) -> list[tuple[int, int]]:
        """The names in a text the coach typed (a title, a theme): a full name, a name that is no
        everyday word, an everyday word after a title or greeting ("juf Storm"). An everyday word
        alone is the word the coach typed ("Stichting Hart voor Onderwijs", "OBS De Vink")."""
        tokens = list(TOKEN.finditer(text))
        found = []
        for decision in self.decisions(text):
            before = [token for token in tokens if token.end() <= decision.start]
            cue = bool(before) and fold_word(before[-1].group()) in TITLES | GREETINGS and not _sentence_break(text[before[-1].end():decision.start])
            if decision.everyday is None or cue:
                found.append((decision.start, decision.end))
        return found

    def typed(self, text: str) -> str:
        """A text the coach typed as the site shows it: as typed, but without a participant's name
        or address in it (`_typed_spans`; the public build stops on one, see `typed_names`)."""
        text = _EMAIL.sub(self._participants_address, text)
        for start, end in reversed(self._typed_spans(text)):
            text = text[:start] + PARTICIPANT_MARK + text[end:]
        return text

    def typed_names(self, text: str) -> list[str]:
        """The participants' names and addresses in a text the coach typed, as written (for the coach, never for a page)."""
        addresses = [match.group() for match in _EMAIL.finditer(text) if self._participants_address(match) != match.group()]
        text = _EMAIL.sub(self._participants_address, text)
        return list(dict.fromkeys(addresses + [text[start:end] for start, end in self._typed_spans(text)]))

    def mentions(self, text: str) -> bool:
        """Whether `text` names an identity (for warnings about what the coach typed; an address of
        someone else is no participant)."""
        return self(text, every_address=False) != text

    def named(self, text: str) -> list[str]:
        """The words of `text` that name an identity, as written (for the coach, never for a page)."""
        addresses = [match.group() for match in _EMAIL.finditer(text) if self._participants_address(match) != match.group()]
        text = _EMAIL.sub(self._participants_address, text)
        return addresses + [text[span.start:span.end] for span in self.spans(text)]


# A count after a name at the start of a line ("Toren 2x afwezig", "Stam 3/5", "Haver 3 keer te laat"): an attendance
# or task list counts people. ("Eik 300 jaar oud" is no count: only the word's place, so the coach may keep it.)
_COUNTED = re.compile(r"\d+\s*(?:x|×|keer|maal|/\s*\d+|van\s+de\s+\d+)(?![^\W\d_])", re.IGNORECASE)


def word_context(text: str, tokens: list[tuple[int, int, str]], first: int, last: int, position: int, titled: bool = False,
                 possessive: bool = False, participant: bool = False) -> str:
    """How sure the everyday word at `tokens[position]` (in the run `first` … `last`, with a particle
    or initial perhaps) stands for a person (see `Redactor`):

    - "person": a cue besides the capital (an initial, a particle, a title or greeting before it, a
      verb or an address after it, a possessive, an @, a preposition or verb before a capital in the
      middle of a sentence, alone on its line): always removed, whatever the coach keeps;
    - "weak": only the capital says so (after an article in the middle of a sentence: "basisschool
      De Roos"): removed, unless the coach keeps the word;
    - "maybe": no cue at all (a capital at the start of a sentence or in a title, lower case): the
      word, unless the text names the person elsewhere;
    - "word": surely the word ("de roos", "een groot succes", "Klein is fijn").

    `possessive`: the word is a name with -s ("Bakkers"), which followed by a noun is a person's.
    `participant`: the word is a participant's name, so privacy first: at the start of a sentence, a line or
    after a label it is "weak" without evidence it is the word, a text in one case is read by position, a
    capitalised name-word in a sentence that is not Dutch is a person."""
    start, end, word = tokens[position]
    capital = text[start].isupper()
    caseless = participant and _caseless(text)
    initial_or_particle = [tokens[i] for i in range(first, last + 1) if i != position]
    if any(t[1] - t[0] == 1 and text[t[0]].isupper() for t in initial_or_particle):
        return "person"  # "R. Bos"
    if capital and initial_or_particle and not _sentence_start(text, start):
        return "person"  # "de Groot"
    if text[max(0, tokens[first][0] - 1):tokens[first][0]] in ("@", "#"):
        return "person"  # "@Storm"
    before = tokens[first - 1][2] if first > 0 and not _sentence_break(text[tokens[first - 1][1]:tokens[first][0]], tokens[first - 1][2]) else None
    if before in TITLES or before in GREETINGS or before in _ABBREVIATIONS:
        return "person"  # "juf Roos", "Hoi Roos,", "mevr. Vink"
    if capital and before is not None and len(before) == 1 and "." in text[tokens[first - 1][1]:tokens[first][0]]:
        return "person"  # "v. Dijk", "a. Bos"
    if first > 0 and tokens[first - 1][2] in GREETINGS and not text[tokens[first - 1][1]:tokens[first][0]].strip(" \t\r\n,!:"):
        return "person"  # a signature: "Groetjes,\nRoos"
    right_before = tokens[position - 1][2] if position > first else before
    after_index = last + 1
    if after_index < len(tokens) and text[end:tokens[after_index][0]].strip().startswith("("):
        closing = text.find(")", end)  # "Storm (groep 5) gaf de les": what follows the brackets
        after_index = next((i for i in range(after_index, len(tokens)) if closing >= 0 and tokens[i][0] > closing), len(tokens))
    gap_from = text.find(")", end) + 1 if after_index > last + 1 else end
    after_gap = text[gap_from:tokens[after_index][0]] if after_index < len(tokens) else text[gap_from:]
    after = tokens[after_index][2] if after_index < len(tokens) else None
    adjective = is_adjective(word)
    if (first > 2 and before == "wel" and tokens[first - 3][2] == "dank" and text[tokens[first - 1][1]:tokens[first][0]].strip() in (",", "")
            and not _sentence_break(text[tokens[first - 1][1]:tokens[first][0]])):
        return "person"  # "dank je wel, steen!": thanked, so someone
    if first > 1 and before == "van" and tokens[first - 2][2] in GREETINGS:
        return "person"  # "groeten van merel", "Groetjes van Roos"
    if (right_before in _REPEATING and position >= 2 and tokens[position - 2][2] == word
            and not _sentence_break(text[tokens[position - 2][1]:tokens[position - 1][0]])):
        return "word"  # "Steen voor steen", "stap voor stap"
    if caseless and not capital and (right_before in DETERMINERS or (right_before is not None and _inflected_adjective(right_before))
                                     or _in_listed_words(text, tokens, first, caseless=True)):
        return "word"  # "de linde op het plein" in a text all in lower case
    if caseless and not capital:
        capital = True  # "actie: toren. notulist: bron", "akker en bron deden mee": the case says nothing, the position does
    if capital and after is not None and after in ENGLISH_VERBS and after_gap.strip(" \t()") == "" and after not in ("is", "was", "had"):
        return "person"  # "Akker agreed", "Linde said the workshop was great"
    if capital and after is not None and after in ENGLISH_VERBS and after_gap.strip(" \t()") == "" and _foreign(text, start):
        return "person"  # "Linde was there"
    if participant and capital and not adjective and _foreign(text, start):
        return "person"  # a sentence that is not Dutch: a capitalised name-word there is a name
    if not capital:
        if (text[end:].lstrip(" \t")[:1] == ":" and _sentence_start(text, tokens[first][0])
                and (_list_item(text, tokens[first][0]) or _DIALOGUE.search(text) or _LOWER_DIALOGUE.search(text))):
            return "person"  # "bas: ja, doen!\nmerel: nee" or "- bas: de planning": a speaker, also in lower case
        if _in_listed_words(text, tokens, first):
            return "word"  # "Merel, mus en koolmees": one of a list of things
        if adjective or right_before in DETERMINERS or (right_before is not None and _inflected_adjective(right_before)):
            return "word"  # "een groot succes", "de roos", "de boer op"
        return "maybe"  # "speelden koning": in lower case the word, unless the text names the person elsewhere
    sentence_start = _sentence_start(text, tokens[first][0])
    if right_before in POSSESSIVE_DETERMINERS and not sentence_start:
        return "person"  # "Onze Kool regelde", "mijn Steen": someone's colleague, not "de kool"
    if tokens[first][0] > 0 and text[tokens[first][0] - 1] in _QUOTES and text[end:end + 1] in _QUOTES:
        return "person"  # '"Merel" riepen de kinderen': a name called out
    if _shouting(text, start):  # a line in capitals: the capital says nothing, so a name is a person unless an article makes it a noun
        if right_before in DETERMINERS or (right_before is not None and _inflected_adjective(right_before)):
            return "weak"  # "DE ROOS IN DE TUIN"
        if adjective and (after in COPULAS or after in CONJUNCTIONS) and sentence_start:
            return "word"  # "KLEIN MAAR FIJN"
        return "word" if _listed_words(text, end, after_gap, upper=True) else "person"
    after_word = text[end:].lstrip(" \t")
    if _INFORMAL_POSSESSIVE.match(after_word):
        return "person"  # "Ram z'n klas", "Kool d'r klas", "Valk hun team"
    if (after in _BEFORE_VERB and after_index + 1 < len(tokens) and not text[tokens[after_index][1]:tokens[after_index + 1][0]].strip()
            and (tokens[after_index + 1][2] in FINITE_VERBS or _finite(tokens[after_index + 1][2]))):
        return "person"  # "Zand zelf vond het spannend", "Kool ook zei"
    if participant and capital and sentence_start and _COUNTED.match(after_word):
        return "person"  # "Toren 2x afwezig", "Stam 3/5 aanwezig": someone counted, as in an attendance list
    if capital and sentence_start and after_word[:1] == ":" and (_list_item(text, tokens[first][0]) or _DIALOGUE.search(text)
                                                                 or not _HEADING.match(after_word) or _shouting(text, start)):
        return "person"  # a speaker or a list item: "Zand: zeker doen!", "- Bas: de planning"; not a heading "Roos: een thema …"
    if capital and sentence_start and (after_word[:1] in ("(", "–", "—", ";", "=", "→", "|", ">") or after_word[:2] == "- "):
        return "person"  # "- Bas (planning)", "Merel – materialen"
    if capital and sentence_start and _list_item(text, tokens[first][0]) and (after is None or (after_gap.strip() and not _listed_words(text, end, after_gap))):
        return "person"  # "- Bas", "- Kool/Ram"
    if capital and sentence_start and _listed_words(text, end, after_gap):
        return "word"  # "Zand, water en klei", "Steen, papier, schaar", "Merel, mus en koolmees"
    if (capital and after in _REPEATING and after_index + 1 < len(tokens) and tokens[after_index + 1][2] == word
            and text[tokens[after_index + 1][0]].islower()):
        return "word"  # "Steen voor steen", "Stap voor stap"
    middle = not titled and not sentence_start
    if middle and (right_before in DETERMINERS or (right_before is not None and _inflected_adjective(right_before))):
        return "weak"  # "basisschool De Roos", "de Storm": a name of a thing, or a person; only the capital says so
    if text[end:end + 1] in ("'", "’") and (last + 1 >= len(tokens) or tokens[last + 1][0] > end + 1 or tokens[last + 1][2] == "s"):
        return "person"  # "Roos' aanpak", "Bakker's klas"
    if after is not None and after_gap.strip(" \t()") in ("", "'", "’") and (after in FINITE_VERBS or _finite(after)):
        return "word" if adjective and after in COPULAS else "person"  # "Roos vertelde"; "Klein is fijn"
    if middle:
        return "person"  # "met Roos", "gaf Mos een workshop"
    if after in ("uit", "van", "in") and after_index + 1 < len(tokens) and tokens[after_index + 1][2] in ("groep", "klas", "jaar", "leerjaar"):
        return "person"  # "Bakker uit groep 6"
    if after in ("en", "of") and last + 2 < len(tokens) and (text[tokens[last + 2][0]].isupper() or tokens[last + 2][2] == "ik") and not titled:
        return "person"  # "Roos en Kees", "Roos en ik"
    if after_gap.strip().startswith((",", "?")) and (after is None or (after not in CONJUNCTIONS and after[:4] != word[:4])):
        return "person"  # "Roos, dank je", "Lente? Wat vond jij ervan?"
    if after_gap.strip().startswith("!"):
        return "weak"  # "Roos! Kom eens", or "Lente! Eindelijk weer buiten."
    if (after_gap.strip().startswith(":") and _sentence_start(text, tokens[first][0]) and not titled
            and (after in FINITE_VERBS or after in _PRONOUNS or (after is not None and _finite(after)))):
        return "person"  # "Storm: bracht koffie", "Roos: ik vond het mooi": who said it (not "Roos: een thema")
    if (possessive and after is not None and not after_gap.strip() and text[tokens[last + 1][0]].islower()
            and after not in PREPOSITIONS and after not in CONJUNCTIONS and not after.endswith("en")):
        return "person"  # "Bakkers klas" (but "Bakkers en vissers", "Bakkers uit het dorp", "Bakkers bakken")
    line_end = text.find("\n", end)
    if not titled and not text[end:len(text) if line_end < 0 else line_end].strip(" \t\r.,;:!?"):
        return "person"  # alone on its line: a name in a list, a signature
    if titled or not sentence_start or not participant:
        return "maybe"
    if after is not None and not after_gap.strip() and (caseless or text[tokens[after_index][0]].islower()) and (
            _infinitive(after) or (adjective and is_adjective(after)) or word in DETERMINERS or word in CONJUNCTIONS or word in PREPOSITIONS
            or (not caseless and after in ("en", "of") and _noun_follows(text, tokens, after_index))):
        return "maybe"  # "Klein denken, groot beginnen.", "Zand verzamelen", "Meer dan de helft": no singular person before an infinitive
    # At the start of a sentence, a line or after a label, with no evidence it is the word: removed, unless the coach
    # keeps the word ("Toren 2x afwezig", "Trekker: Vlas", "Storm op zee")
    return "weak"


# A text with dialogue: a colon before a quote, or two speakers ("Valk: 'Ik ga het proberen.' Zand: zeker doen!").
_DIALOGUE = re.compile(r":\s*[\"'“‘„«]|(?:^|[.!?\n]\s*)[A-ZÀ-Þ][^\W\d_]+:\s.*(?:^|[.!?\n]\s*)[A-ZÀ-Þ][^\W\d_]+:\s", re.DOTALL | re.MULTILINE)
_LOWER_DIALOGUE = re.compile(r"(?:^|[.!?\n]\s*)[^\W\d_]+:\s.*(?:^|[.!?\n]\s*)[^\W\d_]+:\s", re.DOTALL | re.MULTILINE)
# After a word and a colon, a description in lower case: a heading ("Roos: een thema voor de hele school"); not a task
# ("Bas: de planning", "Steen: het verslag": who does what).
_HEADING = re.compile(r":\s*(?:een|over)\s+[a-zà-ÿ]")
_CAMEL = re.compile(r"[^\W\d_](?<!\W)[a-zà-ÿ](?=[A-ZÀ-Þ])")
_CAMEL_PART = re.compile(r"[A-ZÀ-Þ]?[a-zà-ÿ]+|[A-ZÀ-Þ]+(?![a-zà-ÿ])")
POSSESSIVE_DETERMINERS = frozenset({"mijn", "jouw", "zijn", "haar", "onze", "ons", "hun", "jullie", "uw", "je", "m'n", "z'n", "d'r"})
_QUOTES = "\"'“”‘’„«»"
_INFORMAL_POSSESSIVE = re.compile(r"(?:z['’]?n|d['’]r|m['’]n|hun|ze)\s+[^\W\d_]", re.IGNORECASE)
_BEFORE_VERB = frozenset({"zelf", "ook", "nog", "zelve", "toen", "dan", "al"})
# "Roos, kom en kijk!": said to someone, no list of things.
_IMPERATIVES = frozenset({"kom", "kijk", "let", "luister", "zie", "ga", "doe", "help", "pak", "denk", "lees", "schrijf", "wacht", "stop", "bel",
                          "mail", "app", "zeg", "vertel", "geef", "neem", "maak", "loop", "ren", "blijf", "hou", "houd", "sta", "zit", "lach"})
_REPEATING = frozenset({"voor", "na", "op", "aan", "bij", "om", "tegen", "naast", "over", "in"})
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•–—+·▪►>]|\d{1,3}[.)]|[a-z][.)])[ \t]*[\"'“‘(\[*_]*$")
_LIST_OF_WORDS = re.compile(r"\s*,\s*([^\W\d_]+)((?:\s*,\s*[^\W\d_]+)*)(?:\s*,?\s+(?:en|of|and|or)\s+([^\W\d_]+))?", re.IGNORECASE)


def _list_item(text: str, start: int) -> bool:
    """Whether the word at `start` begins an item of a list ("- Bas: de planning", "2. Merel")."""
    return bool(_LIST_ITEM.match(text[text.rfind("\n", 0, start) + 1:start]))


def _shouting(text: str, start: int) -> bool:
    """Whether the line of the word at `start` is written in capitals ("GROETEN VAN MEREL", three words or more)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    words = [word for word in TOKEN.findall(line) if len(word) > 1 and not word.isdigit()]
    return len(words) >= 3 and all(not ch.islower() for word in words for ch in word)


def _listed_words(text: str, end: int, after_gap: str, upper: bool = False) -> bool:
    """Whether the word ending at `end` begins a comma list of everyday nouns in lower case ("Zand, water en
    klei", "Steen, papier, schaar"; `upper`: in capitals, "ZAND, WATER EN KLEI"): things, not people."""
    if not after_gap.strip().startswith(","):
        return False
    match = _LIST_OF_WORDS.match(text, end)
    if match is None:
        return False
    items = [match.group(1), *re.split(r"\s*,\s*", match.group(2).strip(" ,")), match.group(3) or ""]
    items = [item for item in items if item]
    rest = text[match.end():match.end() + 1]
    if len(items) < 2 or (rest and rest not in " \t\r\n.!?:;)"):
        return False
    for item in items:
        folded = fold_word(item)
        if ((item != item.lower() and not upper) or (upper and item != item.upper()) or not is_word(folded) or folded in GREETINGS
                or folded in _PRONOUNS or folded in FINITE_VERBS or folded in CONJUNCTIONS or folded in TITLES or folded in _IMPERATIVES
                or (_finite(folded) and folded.endswith(("de", "te")))):
            return False
    return True


def _in_listed_words(text: str, tokens: list[tuple[int, int, str]], index: int, caseless: bool = False) -> bool:
    """Whether the lower-case word `tokens[index]` is an item of a list of things that begins the
    sentence ("Merel, mus en koolmees", "Steen, papier, schaar")."""
    while index > 0 and _JOINING.fullmatch(text[tokens[index - 1][1]:tokens[index][0]]):
        index -= 1
    start, end, _word = tokens[index]
    if not _sentence_start(text, start) or not (caseless or text[start].isupper()):
        return False
    after_index = index + 1
    after_gap = text[end:tokens[after_index][0]] if after_index < len(tokens) else text[end:]
    return _listed_words(text, end, after_gap)


def stands_as_word(text: str, start: int, end: int) -> bool:
    """Whether the one everyday word at `text[start:end]` surely stands as the word where it is, not
    as a name (for names Deduce finds: "Klein is fijn"; not "Kok vertelde", nor "Bakker uit groep 6
    vertelde", where it may be someone who is no participant)."""
    tokens = [(match.start(), match.end(), fold_word(match.group())) for match in TOKEN.finditer(text)]
    index = next((i for i, token in enumerate(tokens) if token[0] == start and token[1] == end), None)
    if index is None or not is_word(tokens[index][2]):
        return False
    return word_context(text, tokens, index, index, index) == "word"


def kept_word(word: str, keep: frozenset[str]) -> bool:
    """Whether the coach keeps this everyday word (also with an ending: "Roosje" when "Roos" is kept)."""
    return word in keep or any(word.endswith(suffix) and word[: -len(suffix)] in keep for suffix in SUFFIXES)


# Words written with a dot that ends no sentence ("mevr. Vink", "dhr. Berg", "v. Dijk").
_ABBREVIATIONS = frozenset({"mevr", "mw", "dhr", "mr", "dr", "drs", "ir", "ing", "prof", "hr", "fam", "vd", "vdr", "jr", "sr", "st", "juf", "mej"})


def _sentence_break(gap: str, word_before: str = "") -> bool:
    if gap.strip() == "." and (len(word_before) == 1 or fold_word(word_before) in _ABBREVIATIONS):
        return False  # "mevr. Vink", "A. Bos"
    return any(ch in _SENTENCE_END for ch in gap)


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence, a line or the text (after quotes, brackets, a
    bullet; not after an initial or an abbreviated title: "mevr. Vink", "v. Dijk")."""
    index = start
    while index > 0 and text[index - 1] in _OPENING:
        index -= 1
    if index > 0 and text[index - 1] == ".":
        word = TOKEN.search(text[max(0, index - 12):index - 1][::-1])
        before = word.group()[::-1] if word is not None and word.start() == 0 else ""
        if len(before) == 1 or fold_word(before) in _ABBREVIATIONS:
            return False
    return index == 0 or text[index - 1] in _SENTENCE_END


def _inflected_adjective(word: str) -> bool:
    """An adjective before a noun ("mooie", "witte", "grote")."""
    if not word.endswith("e") or len(word) < 4:
        return False
    stem = word[:-1]
    return is_adjective(stem) or (stem[-1] == stem[-2] and is_adjective(stem[:-1])) or is_adjective(stem[:-2] + stem[-2] + stem[-2:])


def _caseless(text: str) -> bool:
    """Whether the case of `text` says nothing: all in lower case, or all in capitals (three words or more)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(TOKEN.findall(text)) >= 3 and (all(ch.islower() for ch in letters) or all(ch.isupper() for ch in letters))


def _infinitive(word: str) -> bool:
    """An infinitive or plural ("denken", "verzamelen", "bouwen"): no verb of a singular person."""
    return len(word) >= 4 and word.endswith("en") and is_word(word) and word not in FINITE_VERBS and not is_adjective(word)


_SENTENCE = re.compile(r"[^.!?\n]*")


def _noun_follows(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether after "en"/"of" at `tokens[index]` comes an everyday word in lower case that is no pronoun, verb or
    article ("Schaap en geit", "Zand of klei"): two things, not two people."""
    if index + 1 >= len(tokens):
        return False
    start, _end, word = tokens[index + 1]
    return (text[start].islower() and is_word(word) and word not in _PRONOUNS and word not in FINITE_VERBS and word not in DETERMINERS
            and word not in TITLES and word != "ik")


def _foreign(text: str, start: int) -> bool:
    """Whether the sentence around `start` is not Dutch: four words or more, most of them no Dutch word."""
    begin = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    sentence = _SENTENCE.match(text, begin)
    words = [fold_word(w) for w in TOKEN.findall(sentence.group() if sentence else "") if not w.isdigit()]
    if len(words) < 4:
        return False
    foreign = [w for w in words if not is_word(w) and w not in ENGLISH_VERBS] + [w for w in words if w in ENGLISH_VERBS]
    return len(foreign) * 2 > len(words)


def _finite(word: str) -> bool:
    """A verb in the past or present tense, as far as its ending tells ("vertelde", "werkte", "begeleidt")."""
    return len(word) >= 5 and word.endswith(("de", "te", "dt", "kt", "pt", "ft", "rt", "lt", "nt", "st")) and is_word(word) and not is_adjective(word)


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


_MARK_BEFORE = re.compile(r"\[[^\W\d_]+\]" + _JOINING.pattern + r"$", re.IGNORECASE)
_MARK_AFTER = re.compile(_JOINING.pattern + r"\[[^\W\d_]+\]", re.IGNORECASE)


def found_name_verdicts(text: str, spans: list[tuple[int, int]]) -> list[tuple[str | None, str | None]]:
    """For names found by another finder (Deduce) at `spans` of `text`: (the everyday word, how sure
    it is a person, as `word_context` says) for a span that is one everyday Dutch word (with a
    particle perhaps: "Van lente"), else (None, None). As for participants: the text naming that
    word as a person elsewhere, or a name or mark joined to it by "en", "of" or a comma, make it one."""
    tokens = [(match.start(), match.end(), fold_word(match.group())) for match in TOKEN.finditer(text)]
    runs: list[tuple[int, int] | None] = []
    for start, end in spans:
        inside = [i for i, token in enumerate(tokens) if token[0] >= start and token[1] <= end]
        runs.append((inside[0], inside[-1]) if inside else None)
    named = {i for run in runs if run for i in range(run[0], run[1] + 1)}
    capitals = [text[start].isupper() for index, (start, end, _) in enumerate(tokens)
                if end - start >= 4 and index not in named and not _sentence_start(text, start)]
    titled = len(capitals) >= 2 and sum(capitals) * 3 > len(capitals) * 2
    verdicts: list[list] = []
    for run in runs:
        if run is None:
            verdicts.append([0, 0, None, None])
            continue
        first, last = run
        substantive = [i for i in range(first, last + 1) if len(tokens[i][2]) > 1 and tokens[i][2] not in TUSSENVOEGSELS]
        if len(substantive) != 1 or not is_word(tokens[substantive[0]][2]):
            verdicts.append([first, last, None, None])
            continue
        word = tokens[substantive[0]][2]
        if substantive[0] == first + 1 == last and tokens[first][2] in ("de", "het", "den", "t") and first > 0:
            before = tokens[first - 1][2]
            if (not _sentence_break(text[tokens[first - 1][1]:tokens[first][0]]) and before not in PREPOSITIONS and before not in TITLES
                    and before not in GREETINGS and before not in FINITE_VERBS and before not in CONJUNCTIONS and not _finite(before)):
                first += 1  # "basisschool De Roos": an article before a name of a thing, not a particle of a person's
        verdicts.append([first, last, word, word_context(text, tokens, first, last, substantive[0], titled)])
    strong = {v[2] for v in verdicts if v[2] is not None and v[3] == "person"}
    removed = strong | {v[2] for v in verdicts if v[2] is not None and v[3] == "weak"}
    for verdict in verdicts:
        if verdict[2] is None:
            continue
        if verdict[3] == "maybe" and verdict[2] in removed:
            written = text[tokens[verdict[0]][0]:tokens[verdict[1]][1]]
            verdict[3] = "weak" if written != written.lower() or verdict[2] not in strong else "person"
        start, end = tokens[verdict[0]][0], tokens[verdict[1]][1]
        if verdict[3] != "person" and (_MARK_BEFORE.search(text[max(0, start - 40):start]) or _MARK_AFTER.match(text, end)):
            verdict[3] = "person"  # "[deelnemer] en Storm", "Storm, [naam]"
    real = sorted((v for v, run in zip(verdicts, runs, strict=True) if run is not None), key=lambda v: v[0])
    if any(v[2] is not None for v in real):
        _joined_persons(text, tokens, real)
    return [(v[2], v[3]) for v in verdicts]
