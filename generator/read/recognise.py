"""Part of stage 2: what each column of a table holds, and so what kind of table it is.

Every header gets a meaning: from the coach's own `[kolommen]` mapping first, then from its name
(`netwerk`, `Tijdstempel`, `E-mailadres`, …), then from its pattern (`1a. In welke mate…`,
`Directe waarde: …`, `Mag dit verhaal gedeeld worden?`). From the meanings follows the kind
(scores, reflections, meeting evaluations) and the shape: canonical ("long", one row per value)
or a form export ("wide", one row per response).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.core.framework import Framework, fold
from generator.core.settings import Mappings
from generator.read.load import RawTable

SCORES = "scores"
REFLECTIONS = "reflecties"
EVALUATIONS = "evaluaties"

# single-column meanings
NETWORK, MOMENT, DATE, PARTICIPANT = "netwerk", "meetmoment", "datum", "deelnemer"
INDICATOR, SCORE, SITUATION = "indicator", "score", "situatie"
VALUE, REFLECTION, PUBLIC, LEVEL, TITLE = "waarde", "reflectie", "openbaar", "niveau", "titel"
TOPS, TIPS, RATING = "tops", "tips", "cijfer"
RESPONSE_ID, TIME, START_TIME, OTHER_TIME, EMAIL, NAME = "id", "tijdstip", "begintijd", "ander tijdstip", "e-mail", "naam"
IGNORE = "negeren"
# meanings of a whole family of columns
INDICATOR_COLUMN = "indicatorvraag"
CYCLE_COLUMN = "waardevraag"

_EXACT = {
    "netwerk": NETWORK, "network": NETWORK,
    "meetmoment": MOMENT, "moment": MOMENT,
    "datum": DATE, "date": DATE,
    "deelnemer": PARTICIPANT, "participant": PARTICIPANT,
    "indicator": INDICATOR, "score": SCORE,
    "situatie": SITUATION, "situation": SITUATION,
    "waarde": VALUE, "value": VALUE,
    "reflectie": REFLECTION, "reflection": REFLECTION,
    "openbaar": PUBLIC, "public": PUBLIC,
    "niveau": LEVEL, "level": LEVEL,
    "titel": TITLE, "title": TITLE,
    "tops": TOPS, "tips": TIPS,
    "cijfer": RATING, "rapportcijfer": RATING, "rating": RATING,
    "id": RESPONSE_ID,
    "tijdvanvoltooien": TIME, "completiontime": TIME, "tijdstempel": TIME, "timestamp": TIME,
    "begintijd": START_TIME, "starttime": START_TIME,
    "tijdstipvanlaatstewijziging": OTHER_TIME, "lastmodifiedtime": OTHER_TIME,
    "e-mail": EMAIL, "email": EMAIL, "e-mailadres": EMAIL, "emailadres": EMAIL, "emailaddress": EMAIL,
    "naam": NAME, "name": NAME, "volledigenaam": NAME, "fullname": NAME,
}
_SIMPLE_MAPPINGS = {
    NETWORK, MOMENT, DATE, PARTICIPANT, INDICATOR, SCORE, SITUATION, VALUE, REFLECTION, PUBLIC,
    LEVEL, TITLE, TOPS, TIPS, RATING, RESPONSE_ID, TIME, EMAIL, NAME, IGNORE,
}
MAPPING_HELP = (
    "gebruik een indicator ('3b' of '3b gewenst'), een waardecyclus ('direct', 'potentieel', "
    "'toegepast', 'gerealiseerd', 'transformatief') of een van: " + ", ".join(sorted(_SIMPLE_MAPPINGS)) + "."
)
_INDICATOR_HEADER = re.compile(r"^(?:indicator\s*)?([1-9])\s*([a-z])(?:[.):\-]|\s|$)")
_DESIRED_WORDS = ("gewenst", "desired", "wenselijk")


def header_key(name: str) -> str:
    """How headers are compared: without case, accents and spaces."""
    return "".join(fold(name).split())


# Meanings that several columns may share: every identity column names the same person (they
# link an e-mail to a name), and every consent question must be answered yes.
IDENTITY_MEANINGS = (PARTICIPANT, EMAIL, NAME)
SHARED_MEANINGS = frozenset({*IDENTITY_MEANINGS, PUBLIC, OTHER_TIME})


@dataclass(frozen=True)
class Layout:
    """What a table holds. `columns` maps each single-column meaning to its (first) column;
    `every` to all its columns; `ambiguous` lists (column, earlier column) pairs that mean the same
    where only one may (two network columns, two answers to question 1a)."""

    kind: str | None
    form: bool
    columns: dict[str, int]
    indicators: tuple[tuple[int, str, str], ...]  # (column, indicator code, situation)
    cycles: tuple[tuple[int, int], ...]  # (column, cycle number)
    unplaced: tuple[str, ...]
    every: dict[str, tuple[int, ...]] = field(default_factory=dict)
    ambiguous: tuple[tuple[int, int], ...] = ()

    def all_of(self, meaning: str) -> tuple[int, ...]:
        return self.every.get(meaning, ())

    def used_columns(self) -> frozenset[int]:
        """The columns whose cells Netwerkspiegel reads."""
        return frozenset(i for indices in self.every.values() for i in indices) | {i for i, *_ in self.indicators} | {i for i, _ in self.cycles}


def meaning_of_mapping(text: str, framework: Framework) -> tuple[str, object] | None:
    """What a value in `[kolommen]` means: ('indicatorvraag', (code, situation)), ('waardevraag', n), or a simple meaning."""
    folded = fold(text)
    if folded in _SIMPLE_MAPPINGS:
        return folded, None
    parts = folded.split()
    if parts and framework.match_indicator(parts[0]) and len(parts) <= 2:
        situation = "gewenst" if len(parts) == 2 and parts[1] in _DESIRED_WORDS else "huidig"
        if len(parts) == 2 and parts[1] not in _DESIRED_WORDS + ("huidig", "current"):
            return None
        return INDICATOR_COLUMN, (framework.match_indicator(parts[0]), situation)
    cycle = framework.match_cycle(folded)
    if cycle is not None:
        return CYCLE_COLUMN, cycle
    return None


def meaning_of_header(header: str, framework: Framework, mappings: Mappings) -> tuple[str, object] | None:
    key = header_key(header)
    mapped = mappings.column(key)
    if mapped is not None:
        return meaning_of_mapping(mapped, framework)
    if key in _EXACT:
        return _EXACT[key], None
    folded = fold(header)
    found = _INDICATOR_HEADER.match(folded)
    if found and framework.match_indicator(found.group(1) + found.group(2)):
        desired = any(word in folded for word in _DESIRED_WORDS)
        return INDICATOR_COLUMN, (found.group(1) + found.group(2), "gewenst" if desired else "huidig")
    if "welk netwerk" in folded or "which network" in folded:
        return NETWORK, None
    if "meetmoment" in folded:
        return MOMENT, None
    cycle = _cycle_question(folded, framework)
    if cycle is not None:
        return CYCLE_COLUMN, cycle
    if re.search(r"\b(openbaar|gedeeld|toestemming|shared|consent|public)\b", folded):
        return PUBLIC, None
    if "wat ging goed" in folded or "what went well" in folded or folded.startswith("tops"):
        return TOPS, None
    if folded.startswith("tips") or "beter" in folded or "better" in folded or "improve" in folded:
        return TIPS, None
    if "cijfer" in folded or "rating" in folded:
        return RATING, None
    return None


def _cycle_question(folded: str, framework: Framework) -> int | None:
    """'Directe waarde: …', 'Gerealiseerde waarde (…)', 'Immediate value – …': the header names a cycle."""
    for cycle in framework.cycles:
        for alias in cycle.aliases:
            if alias.endswith(("waarde", "value")) and re.match(re.escape(alias) + r"(?![a-z])", folded):
                return cycle.code
    return None


def recognise(table: RawTable, framework: Framework, mappings: Mappings) -> Layout:
    columns: dict[str, int] = {}
    indicators: list[tuple[int, str, str]] = []
    cycles: list[tuple[int, int]] = []
    unplaced: list[str] = []
    every: dict[str, list[int]] = {}
    ambiguous: list[tuple[int, int]] = []
    families: dict[object, int] = {}
    for index, header in enumerate(table.header):
        if not header:
            continue
        meaning = meaning_of_header(header, framework, mappings)
        if meaning is None:
            unplaced.append(header)
        elif meaning[0] in (INDICATOR_COLUMN, CYCLE_COLUMN):
            key = (meaning[0], meaning[1])
            if key in families:
                ambiguous.append((index, families[key]))
                continue
            families[key] = index
            if meaning[0] == INDICATOR_COLUMN:
                indicators.append((index, *meaning[1]))
            else:
                cycles.append((index, meaning[1]))
        elif meaning[0] != IGNORE:
            if meaning[0] in every and meaning[0] not in SHARED_MEANINGS:
                ambiguous.append((index, every[meaning[0]][0]))
                continue
            every.setdefault(meaning[0], []).append(index)
            columns.setdefault(meaning[0], index)
    if INDICATOR in columns or SCORE in columns:
        kind, form = SCORES, False
    elif indicators:
        kind, form = SCORES, True
    elif VALUE in columns or REFLECTION in columns:
        kind, form = REFLECTIONS, False
    elif cycles:
        kind, form = REFLECTIONS, True
    elif TOPS in columns or TIPS in columns:
        kind, form = EVALUATIONS, DATE not in columns
    else:
        kind, form = None, False
    if not form:
        # In a canonical file the family columns are not expected: they are unplaced there.
        unplaced += [table.header[i] for i, *_ in indicators] + [table.header[i] for i, _ in cycles]
        indicators, cycles = [], []
    return Layout(kind, form, columns, tuple(indicators), tuple(cycles), tuple(unplaced),
                  {meaning: tuple(indices) for meaning, indices in every.items()}, tuple(ambiguous))
