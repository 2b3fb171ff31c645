"""Stage 1, read (recognise): what each column of a table holds, and so what kind of table it is.

Every header gets a meaning: from the coach's own `[kolommen]` mapping first, then from its name
(`netwerk`, `Tijdstempel`, `E-mailadres`, …), then from its pattern (`1a. In welke mate…`,
`Directe waarde: …`, `Mag dit verhaal gedeeld worden?`). From the meanings follows the kind
(scores, reflections, meeting evaluations, the network's shared picture, its agreements) and the shape: canonical ("long", one row per value)
or a form export ("wide", one row per response).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.core.framework import Framework, fold, header_key
from generator.core.language import Message
from generator.core.settings import Mappings
from generator.core.vocabulary import Meaning, Situation, TableKind, word
from generator.read.dialects.base import Dialect
from generator.read.load import RawTable

SCORES, REFLECTIONS, EVALUATIONS = TableKind.SCORES, TableKind.REFLECTIONS, TableKind.EVALUATIONS
SHARED_PICTURE, AGREEMENTS = TableKind.SHARED_PICTURE, TableKind.AGREEMENTS
SHARED, NOTE, AGREEMENT, AGREEMENT_KIND, ROLE, STORY = Meaning.SHARED, Meaning.NOTE, Meaning.AGREEMENT, Meaning.AGREEMENT_KIND, Meaning.ROLE, Meaning.STORY
NETWORK, MOMENT, DATE, PARTICIPANT = Meaning.NETWORK, Meaning.MOMENT, Meaning.DATE, Meaning.PARTICIPANT
INDICATOR, SCORE, SITUATION = Meaning.INDICATOR, Meaning.SCORE, Meaning.SITUATION
VALUE, REFLECTION, PUBLIC, LEVEL, TITLE = Meaning.VALUE, Meaning.REFLECTION, Meaning.PUBLIC, Meaning.LEVEL, Meaning.TITLE
TOPS, TIPS, RATING = Meaning.TOPS, Meaning.TIPS, Meaning.RATING
RESPONSE_ID, TIME, START_TIME, OTHER_TIME = Meaning.RESPONSE_ID, Meaning.TIME, Meaning.START_TIME, Meaning.OTHER_TIME
EMAIL, NAME, FIRST_NAME, LAST_NAME, IGNORE = Meaning.EMAIL, Meaning.NAME, Meaning.FIRST_NAME, Meaning.LAST_NAME, Meaning.IGNORE
INDICATOR_COLUMN, CYCLE_COLUMN = Meaning.INDICATOR_QUESTION, Meaning.CYCLE_QUESTION
SHARED_COLUMN, NOTE_COLUMN = Meaning.SHARED_QUESTION, Meaning.NOTE_QUESTION

# Column names any export may use, in Dutch and English. The own columns of a form tool (its time
# stamps, response IDs) belong to its dialect (`generator.read.dialects`).
_EXACT: dict[str, Meaning] = {
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
    "e-mail": EMAIL, "email": EMAIL, "e-mailadres": EMAIL, "emailadres": EMAIL, "emailaddress": EMAIL,
    "naam": NAME, "name": NAME, "volledigenaam": NAME, "fullname": NAME,
    "voornaam": FIRST_NAME, "firstname": FIRST_NAME, "achternaam": LAST_NAME, "lastname": LAST_NAME,
    "gedeeldbeeld": SHARED, "shared": SHARED, "sharedpicture": SHARED,
    "toelichting": NOTE, "note": NOTE,
    "afspraak": AGREEMENT, "agreement": AGREEMENT, "conclusieofafspraak": AGREEMENT, "conclusionoragreement": AGREEMENT,
    "soort": AGREEMENT_KIND, "kind": AGREEMENT_KIND,
    "rol": ROLE, "role": ROLE,
    "verhaal": STORY, "story": STORY,
}
# What a coach may write in `[kolommen]`: the Dutch word of a meaning.
_SIMPLE_MAPPINGS: dict[str, Meaning] = {
    word(meaning): meaning for meaning in (
        NETWORK, MOMENT, DATE, PARTICIPANT, INDICATOR, SCORE, SITUATION, VALUE, REFLECTION, PUBLIC,
        LEVEL, TITLE, TOPS, TIPS, RATING, RESPONSE_ID, TIME, EMAIL, NAME, FIRST_NAME, LAST_NAME, IGNORE,
        SHARED, NOTE, AGREEMENT, AGREEMENT_KIND, ROLE, STORY,
    )
}
MAPPING_HELP = Message(
    "gebruik een indicator ('3b' of '3b gewenst'), een waardecyclus ('direct', 'potentieel', "
    "'toegepast', 'gerealiseerd', 'transformatief') of een van: %(meanings)s.", meanings=", ".join(sorted(_SIMPLE_MAPPINGS))
)
_INDICATOR_HEADER = re.compile(r"^(?:indicator\s*)?([1-9])\s*([a-z])(?:[.):\-]|\s|$)")
_DESIRED_WORDS = ("gewenst", "desired", "wenselijk")
# '1a. Gedeeld beeld: …', '1a. Shared picture (desired situation)': the network's agreed position,
# in a form the coach fills in after the meeting; '1a. Toelichting …' is what the network said of it.
_SHARED_WORDS = re.compile(r"\b(gedeeld beeld|gedeelde beeld|shared picture|samen afgesproken|agreed position)\b")
_NOTE_HEADER = re.compile(r"^(?:indicator\s*)?[1-9]\s*[a-z][.):\-]?\s*(toelichting|note)\b")


# Meanings that several columns may share: every identity column names the same person (they
# link an e-mail to a name), and every consent question must be answered yes.
IDENTITY_MEANINGS = (PARTICIPANT, EMAIL, NAME, FIRST_NAME, LAST_NAME)
SHARED_MEANINGS = frozenset({PARTICIPANT, EMAIL, NAME, PUBLIC, OTHER_TIME})


@dataclass(frozen=True)
class Layout:
    """What a table holds. `columns` maps each single-column meaning to its (first) column;
    `every` to all its columns; `ambiguous` lists (column, earlier column) pairs that mean the same
    where only one may (two network columns, two answers to question 1a)."""

    kind: TableKind | None
    form: bool
    columns: dict[Meaning, int]
    indicators: tuple[tuple[int, str, Situation], ...]  # (column, indicator code, situation)
    cycles: tuple[tuple[int, int], ...]  # (column, cycle number)
    unplaced: tuple[str, ...]
    every: dict[Meaning, tuple[int, ...]] = field(default_factory=dict)
    ambiguous: tuple[tuple[int, int], ...] = ()
    notes: tuple[tuple[int, str], ...] = ()  # (column, indicator code): a shared picture form's notes
    # What a form's rows give besides `kind` (a form may hold scores, reflections and an evaluation).
    parts: tuple[TableKind, ...] = ()
    consents: tuple[tuple[int, int], ...] = ()  # (consent column, cycle): consent for one cycle's reflection
    mapped: tuple[tuple[int, str], ...] = ()  # (column, `[kolommen]` key) of the columns a mapping gave their meaning
    ignored: tuple[int, ...] = ()  # columns left alone on purpose: a form tool's own data, or 'negeren'

    def all_of(self, meaning: Meaning) -> tuple[int, ...]:
        return self.every.get(meaning, ())

    def used_columns(self) -> frozenset[int]:
        """The columns whose cells Netwerkspiegel reads."""
        return (frozenset(i for indices in self.every.values() for i in indices) | {i for i, *_ in self.indicators} | {i for i, _ in self.cycles}
                | {i for i, _ in self.notes} | {i for i, _ in self.consents})

    def gives(self, kind: TableKind) -> bool:
        """Whether the table's rows give records of this kind."""
        return kind == self.kind or kind in self.parts


def meaning_of_mapping(text: str, framework: Framework) -> tuple[Meaning, object] | None:
    """What a value in `[kolommen]` means: ('indicatorvraag', (code, situation)), ('waardevraag', n), or a simple meaning."""
    folded = fold(text)
    if folded in _SIMPLE_MAPPINGS:
        return _SIMPLE_MAPPINGS[folded], None
    parts = folded.split()
    if parts and framework.match_indicator(parts[0]) and len(parts) <= 2:
        situation = Situation.DESIRED if len(parts) == 2 and parts[1] in _DESIRED_WORDS else Situation.CURRENT
        if len(parts) == 2 and parts[1] not in _DESIRED_WORDS + ("huidig", "current"):
            return None
        return INDICATOR_COLUMN, (framework.match_indicator(parts[0]), situation)
    cycle = framework.match_cycle(folded)
    if cycle is not None:
        return CYCLE_COLUMN, cycle
    if len(parts) >= 2 and _SIMPLE_MAPPINGS.get(parts[0]) == PUBLIC:  # 'openbaar toegepast': consent for one cycle's reflection
        cycle = framework.match_cycle(" ".join(parts[1:]))
        if cycle is not None:
            return PUBLIC, cycle
    return None


def mapping_keys(header: str, dialect: Dialect | None) -> tuple[str, ...]:
    """The `[kolommen]` keys that name a column: its header, and in a form tool's export also its
    code (LimeSurvey's `G01Q03`) and its question text without the code."""
    keys = [header_key(header)]
    if dialect is not None:
        keys += [dialect.key_of(header), header_key(dialect.question_text(header))]
    return tuple(dict.fromkeys(keys))


def mapping_key(header: str, mappings: Mappings, dialect: Dialect | None) -> str | None:
    """The `[kolommen]` key that gives this column its meaning, if any."""
    return next((key for key in mapping_keys(header, dialect) if mappings.column(key) is not None), None)


def meaning_of_header(header: str, framework: Framework, mappings: Mappings, dialect: Dialect | None = None) -> tuple[Meaning, object] | None:
    key = mapping_key(header, mappings, dialect)
    return meaning_of_mapping(mappings.column(key) or "", framework) if key is not None else meaning_of_question(header, framework, dialect)


def meaning_of_question(header: str, framework: Framework, dialect: Dialect | None = None) -> tuple[Meaning, object] | None:
    """What a header means by its name or its pattern (not by a mapping)."""
    key = header_key(header)
    if dialect is not None:
        own = dialect.meaning(header)
        if own is not None:
            return own, None
        header = dialect.question_text(header)
        key = header_key(header)
    if key in _EXACT:
        return _EXACT[key], None
    folded = fold(header)
    found = _INDICATOR_HEADER.match(folded)
    if found and framework.match_indicator(found.group(1) + found.group(2)):
        code = found.group(1) + found.group(2)
        if _NOTE_HEADER.match(folded):
            return NOTE_COLUMN, code
        desired = any(word in folded for word in _DESIRED_WORDS)
        family = SHARED_COLUMN if _SHARED_WORDS.search(folded) else INDICATOR_COLUMN
        return family, (code, Situation.DESIRED if desired else Situation.CURRENT)
    if "welk netwerk" in folded or "which network" in folded:
        return NETWORK, None
    # 'Datum van de bijeenkomst', 'Op welke datum was de bijeenkomst?', 'Date of the meeting'
    if re.search(r"\b(datum van de bijeenkomst|datum bijeenkomst|datum van deze bijeenkomst|welke datum|date of the meeting|meeting date|date of this meeting)\b", folded):
        return DATE, None
    if "meetmoment" in folded or re.search(r"\b(measurement moment|which moment|welk moment)\b", folded):
        return MOMENT, None
    if re.search(r"\b(wat is je rol|welke rol|what is your role|your role)\b", folded):
        return ROLE, None
    cycle = _cycle_question(folded, framework)
    if cycle is not None:
        return CYCLE_COLUMN, cycle
    if re.search(r"\b(openbaar|gedeeld|toestemming|shared|consent|public|publicly)\b", folded) or re.search(r"\b(may|can|mag|mogen)\b.*\b(share|delen)\b", folded):
        return PUBLIC, _named_cycle(folded, framework)
    # A form may ask one reflection with a question of which cycle it tells of beside it.
    if re.search(r"\b(welke waarde|welke waardecyclus|waardecyclus|soort waarde|which value|value cycle|kind of value)\b", folded):
        return VALUE, None
    if re.search(r"\b(reflectie|reflection|jouw verhaal|je verhaal|your story)\b", folded):
        return REFLECTION, None
    if "wat ging goed" in folded or "what went well" in folded or folded.startswith("tops"):
        return TOPS, None
    if folded.startswith("tips") or "beter" in folded or "better" in folded or "improve" in folded:
        return TIPS, None
    # 'Welk rapportcijfer geef je …?', 'What mark/grade do you give …?', 'How would you rate this meeting?'
    if "cijfer" in folded or re.search(r"\b(rating|rate|mark|grade)\b", folded):
        return RATING, None
    return None


def _cycle_question(folded: str, framework: Framework) -> int | None:
    """'Directe waarde: …', 'Gerealiseerde waarde (…)', 'Immediate value – …': the header names a cycle."""
    for cycle in framework.cycles:
        for alias in cycle.aliases:
            if alias.endswith(("waarde", "value")) and re.match(re.escape(alias) + r"(?![a-z])", folded):
                return cycle.code
    return None


def _named_cycle(folded: str, framework: Framework) -> int | None:
    """The cycle a consent question names ('Mag je verhaal over toegepaste waarde gedeeld worden?')."""
    for cycle in framework.cycles:
        for alias in cycle.aliases:
            if alias.endswith(("waarde", "value")) and re.search(r"(?<![a-z])" + re.escape(alias) + r"(?![a-z])", folded):
                return cycle.code
    return None


# What each part of a form reads besides who, where and when.
_PART_MEANINGS = {
    SCORES: frozenset({ROLE}),
    REFLECTIONS: frozenset({PUBLIC, VALUE, REFLECTION, LEVEL, TITLE}),
    EVALUATIONS: frozenset({TOPS, TIPS, RATING, DATE}),
    SHARED_PICTURE: frozenset(),
}
_FORM_MEANINGS = frozenset({NETWORK, MOMENT, TIME, START_TIME, OTHER_TIME, RESPONSE_ID, *IDENTITY_MEANINGS})
# What a canonical table (one value per row) reads; identities always (they link and are redacted).
_CANONICAL_MEANINGS = {
    SCORES: frozenset({NETWORK, MOMENT, INDICATOR, SCORE, SITUATION, ROLE}),
    REFLECTIONS: frozenset({NETWORK, MOMENT, DATE, VALUE, REFLECTION, PUBLIC, LEVEL, TITLE, STORY}),
    EVALUATIONS: _FORM_MEANINGS | {DATE, TOPS, TIPS, RATING},
    SHARED_PICTURE: frozenset({NETWORK, MOMENT, INDICATOR, SHARED, SITUATION, NOTE}),
    AGREEMENTS: frozenset({NETWORK, MOMENT, AGREEMENT, AGREEMENT_KIND, PUBLIC}),
}


def recognise(table: RawTable, framework: Framework, mappings: Mappings, dialect: Dialect | None = None) -> Layout:
    columns: dict[Meaning, int] = {}
    indicators: list[tuple[int, str, Situation]] = []
    shared_questions: list[tuple[int, str, Situation]] = []
    notes: list[tuple[int, str]] = []
    cycles: list[tuple[int, int]] = []
    unplaced: list[str] = []
    every: dict[Meaning, list[int]] = {}
    ambiguous: list[tuple[int, int]] = []
    families: dict[object, int] = {}
    meanings: list[tuple[Meaning, object] | None] = []
    mapped: list[tuple[int, str]] = []
    ignored: list[int] = []
    for index, header in enumerate(table.header):
        mapped_by = mapping_key(header, mappings, dialect) if header else None
        if mapped_by is not None:
            mapped.append((index, mapped_by))
        meaning = (meaning_of_mapping(mappings.column(mapped_by) or "", framework) if mapped_by is not None else
                   meaning_of_question(header, framework, dialect) if header else None)
        meanings.append(meaning)
        if not header:
            continue
        if meaning is None:
            unplaced.append(header)
        elif meaning[0] in (INDICATOR_COLUMN, CYCLE_COLUMN, SHARED_COLUMN, NOTE_COLUMN):
            key = (meaning[0], meaning[1])
            if key in families:
                ambiguous.append((index, families[key]))
                continue
            families[key] = index
            family = meaning[1]  # (indicator code, situation), a cycle number or an indicator code
            if meaning[0] == INDICATOR_COLUMN and isinstance(family, tuple):
                indicators.append((index, family[0], family[1]))
            elif meaning[0] == SHARED_COLUMN and isinstance(family, tuple):
                shared_questions.append((index, family[0], family[1]))
            elif meaning[0] == NOTE_COLUMN and isinstance(family, str):
                notes.append((index, family))
            elif isinstance(family, int):
                cycles.append((index, family))
        elif meaning[0] == IGNORE:
            ignored.append(index)
        else:
            if meaning[0] in every and meaning[0] not in SHARED_MEANINGS:
                ambiguous.append((index, every[meaning[0]][0]))
                continue
            every.setdefault(meaning[0], []).append(index)
            columns.setdefault(meaning[0], index)
    if SHARED in columns and (VALUE in columns or REFLECTION in columns or cycles):
        # "shared" in a table of reflections asks whether a story may be shared: consent.
        for index in every.pop(SHARED):
            every.setdefault(PUBLIC, []).append(index)
        columns.setdefault(PUBLIC, columns.pop(SHARED))
    if SHARED in columns:  # before scores: a shared picture names its indicator too
        kind, form = SHARED_PICTURE, False
    elif shared_questions and not indicators:  # a form the coach fills in with the network's shared picture
        kind, form = SHARED_PICTURE, True
        indicators, shared_questions = shared_questions, []
    elif AGREEMENT in columns:
        kind, form = AGREEMENTS, False
    elif INDICATOR in columns or SCORE in columns:
        kind, form = SCORES, False
    elif indicators:
        kind, form = SCORES, True
    elif VALUE in columns or REFLECTION in columns:
        # In a form tool's export, a reflection question with a cycle question beside it.
        kind, form = REFLECTIONS, dialect is not None
    elif cycles:
        kind, form = REFLECTIONS, True
    elif TOPS in columns or TIPS in columns:
        kind, form = EVALUATIONS, DATE not in columns
    else:
        kind, form = None, False
    # Shared-picture and note questions outside a shared-picture form are not read: said, as unplaced.
    unplaced += [table.header[i] for i, *_ in shared_questions]
    if kind != SHARED_PICTURE or not form:
        unplaced += [table.header[i] for i, _ in notes]
        notes = []
    if not form:
        # In a canonical file the family columns are not expected: they are unplaced there.
        unplaced += [table.header[i] for i, *_ in indicators] + [table.header[i] for i, _ in cycles]
        indicators, cycles = [], []
    parts: tuple[TableKind, ...] = (kind,) if kind is not None else ()
    consents: list[tuple[int, int]] = []
    if kind is not None and not form:
        # A column whose meaning this kind of table does not read is said, as unplaced (a consent column in a score table).
        for unread in [m for m in every if m not in _CANONICAL_MEANINGS[kind] and m not in IDENTITY_MEANINGS]:
            unplaced += [table.header[i] for i in every.pop(unread)]
            columns.pop(unread, None)
    if form and kind is not None:
        # Every part a form's rows hold is read: scores, reflections (per cycle, or one with its
        # cycle question), a meeting evaluation. What no part reads is said, as unplaced.
        if kind == SCORES and (cycles or REFLECTION in columns or VALUE in columns):
            parts += (REFLECTIONS,)
        if kind in (SCORES, REFLECTIONS) and (TOPS in columns or TIPS in columns):
            parts += (EVALUATIONS,)
        if REFLECTIONS not in parts:
            unplaced += [table.header[i] for i, _ in cycles]
            cycles = []
        read = _FORM_MEANINGS.union(*(_PART_MEANINGS[part] for part in parts))
        for unread in [m for m in every if m not in read]:
            unplaced += [table.header[i] for i in every.pop(unread)]
            columns.pop(unread, None)
        # A consent question that names a cycle is that reflection's consent; so is one that follows
        # each cycle's question, when the form asks it after every story (one at the end is for all).
        cycle_of = {index: cycle for index, cycle in cycles}
        questions = every.get(PUBLIC, [])
        after_story = [index for index in questions if index - 1 in cycle_of]
        for index in list(questions):
            named = meanings[index]
            cycle = named[1] if named is not None and isinstance(named[1], int) else None
            if cycle is None and len(after_story) > 1 and index in after_story:
                cycle = cycle_of[index - 1]
            if cycle is not None:
                consents.append((index, cycle))
                questions.remove(index)
        if PUBLIC in every and not every[PUBLIC]:
            del every[PUBLIC]
            columns.pop(PUBLIC, None)
        elif PUBLIC in every:
            columns[PUBLIC] = every[PUBLIC][0]
    return Layout(kind, form, columns, tuple(indicators), tuple(cycles), tuple(unplaced),
                  {meaning: tuple(indices) for meaning, indices in every.items()}, tuple(ambiguous), tuple(notes),
                  parts, tuple(consents), tuple(mapped), tuple(ignored))
