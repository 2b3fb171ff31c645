"""Stage 1, read (canonical): canonical tables ("long": one row per score, reflection, agreed
position or agreement).

Each cell is checked and every problem named with its row and column. Scores are read column by
column, parsing each distinct value once; only rows where something fails take the slow path that
says exactly what.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Any

from generator.core.errors import Code, Problem
from generator.core.framework import fold
from generator.core.language import Message
from generator.core.model import Agreement, Reflection, Score, SharedPosition, Source, role_of
from generator.core.moments import Moment, half_year, moment_problem, parse_date
from generator.core.settings import Settings
from generator.core.vocabulary import AgreementKind, Level, Meaning, Situation, TableKind, word
from generator.read.cells import Parsers, consent_of
from generator.read.cells import number as parse_number
from generator.read.load import RawTable
from generator.read.recognise import AGREEMENTS, REFLECTIONS, SCORES, SHARED_PICTURE
from generator.read.rows import RowReader

SCORE_REQUIRED = (Meaning.NETWORK, Meaning.MOMENT, Meaning.PARTICIPANT, Meaning.INDICATOR, Meaning.SCORE)
REFLECTION_REQUIRED = (Meaning.NETWORK, Meaning.PARTICIPANT, Meaning.VALUE, Meaning.REFLECTION)
SHARED_REQUIRED = (Meaning.NETWORK, Meaning.MOMENT, Meaning.INDICATOR, Meaning.SHARED)
AGREEMENT_REQUIRED = (Meaning.NETWORK, Meaning.MOMENT, Meaning.AGREEMENT)
_REQUIRED = {SCORES: SCORE_REQUIRED, REFLECTIONS: REFLECTION_REQUIRED, SHARED_PICTURE: SHARED_REQUIRED, AGREEMENTS: AGREEMENT_REQUIRED}
_AGREEMENT_KINDS = {
    "afspraak": AgreementKind.AGREEMENT, "agreement": AgreementKind.AGREEMENT, "": AgreementKind.AGREEMENT,
    "conclusie": AgreementKind.CONCLUSION, "conclusion": AgreementKind.CONCLUSION,
}

_SITUATIONS = {
    "huidig": Situation.CURRENT, "current": Situation.CURRENT, "nu": Situation.CURRENT, "": Situation.CURRENT,
    "gewenst": Situation.DESIRED, "desired": Situation.DESIRED,
}
_LEVELS = {
    "individueel": Level.INDIVIDUAL, "individual": Level.INDIVIDUAL, "persoonlijk": Level.INDIVIDUAL,
    "collectief": Level.COLLECTIVE, "collective": Level.COLLECTIVE, "gezamenlijk": Level.COLLECTIVE,
}
UNCLEAR_CONSENT = Message("onduidelijke toestemming; alleen een duidelijk 'ja' maakt een verhaal openbaar. Gebruik 'ja' of 'nee' (leeg betekent 'nee').")


def one_line(value: str) -> str:
    """A name on one line with single spaces; '' (so the row is checked cell by cell) when it has a line break."""
    return "" if "\n" in value else " ".join(value.split())


def missing_columns(kind: TableKind, columns: dict[Meaning, int]) -> list[str]:
    """The canonical names of the required columns a table lacks, as the coach should add them."""
    required = _REQUIRED[kind]
    missing = [word(column) for column in required if column not in columns]
    if kind == REFLECTIONS and Meaning.MOMENT not in columns and Meaning.DATE not in columns:
        missing.insert(1, word(Meaning.MOMENT))
    return missing


def score_records(table: RawTable, mapping: dict[Meaning, int], parsers: Parsers, settings: Settings, problems: list[Problem]) -> list[Score | None]:
    """Column by column: each distinct cell value is parsed once. Rows where anything fails go
    through `_score_row`, which names every problem in them."""
    rows = table.rows
    row_cells = list(map(operator.itemgetter(1), rows))

    def column(name: Meaning, parse: Callable[[str], Any]) -> list[Any]:
        index = mapping.get(name)
        cells = list(map(operator.itemgetter(index), row_cells)) if index is not None else [""] * len(rows)  # `map` in C
        parsed = {value: parse(value) for value in set(cells)}
        return list(map(parsed.__getitem__, cells))

    networks = column(Meaning.NETWORK, one_line)
    moments = column(Meaning.MOMENT, lambda v: parsers.moment(v) if v else None)
    participants = column(Meaning.PARTICIPANT, one_line)
    indicators = column(Meaning.INDICATOR, parsers.indicator)
    values = column(Meaning.SCORE, lambda v: _plain_score(v, settings))
    situations = column(Meaning.SITUATION, lambda v: _SITUATIONS.get(parsers.fold(v)))
    roles = column(Meaning.ROLE, role_of)
    records: list[Score | None] = []
    file, sheet = table.file, table.sheet
    for (number, cells), network, moment, participant, indicator, value, situation, role in zip(
        rows, networks, moments, participants, indicators, values, situations, roles, strict=True
    ):
        if network and moment and participant and indicator and value is not None and situation:
            # `tuple.__new__` makes the records in C (a named tuple's own `__new__` is Python): a million at 1,000 networks.
            records.append(_new_score((network, moment, participant, indicator, situation, value, _new_source((file, number, sheet)), role)))
        else:
            records.append(_score_row(table, number, cells, mapping, parsers, settings, problems))
    return records


_new_score = functools.partial(tuple.__new__, Score)
_new_source = functools.partial(tuple.__new__, Source)


def _plain_score(text: str, settings: Settings) -> float | None:
    """The score in a cell when it is fine; None sends the row to the slow path that says why."""
    value = parse_number(text)
    if value is None:
        return None
    return value if settings.scale_min <= value <= settings.scale_max else None


def _score_row(table: RawTable, number: int, cells: tuple[str, ...], mapping: dict[Meaning, int], parsers: Parsers, settings: Settings,
               problems: list[Problem]) -> Score | None:
    row = RowReader(table, number, cells, mapping, problems)
    network = row.required(Meaning.NETWORK, Message("netwerk ontbreekt."))
    moment = row.moment(Meaning.MOMENT, parsers)
    participant = row.required(Meaning.PARTICIPANT, Message("deelnemer ontbreekt."))
    indicator = parsers.indicator(row.get(Meaning.INDICATOR))
    if indicator is None:
        row.fail(Meaning.INDICATOR, Message("onbekende indicator; geldig zijn %(codes)s.", codes=parsers.indicator_codes), code=Code.UNKNOWN_INDICATOR)
    value = _score_value(row, settings)
    situation = _SITUATIONS.get(parsers.fold(row.get(Meaning.SITUATION)))
    if situation is None:
        row.fail(Meaning.SITUATION, Message("onbekende situatie; gebruik 'huidig' of 'gewenst' (leeg betekent 'huidig')."), code=Code.UNKNOWN_SITUATION)
    if not row.ok or moment is None or indicator is None or situation is None or value is None:
        return None  # every missing part was reported by `row`
    return Score(network, moment, participant, indicator, situation, value, Source(table.file, number, table.sheet), role_of(row.get(Meaning.ROLE)))


def _score_value(row: RowReader, settings: Settings, meaning: Meaning = Meaning.SCORE) -> float | None:
    text = row.get(meaning)
    scale = settings.scale_range
    if not text:
        missing = (Message("score ontbreekt; laat de rij weg als de deelnemer deze indicator niet invulde.") if meaning == Meaning.SCORE else
                   Message("gedeeld beeld ontbreekt; laat de rij weg als het netwerk voor deze indicator geen gedeeld beeld afsprak."))
        row.fail(meaning, missing, code=Code.MISSING_VALUE)
        return None
    value = parse_number(text)
    if value is None:
        row.fail(meaning, Message("geen getal; verwacht een getal van %(scale)s.", scale=scale), code=Code.NOT_A_NUMBER)
        return None
    if not settings.scale_min <= value <= settings.scale_max:
        row.fail(meaning, Message("score buiten de schaal van %(scale)s.", scale=scale), code=Code.SCORE_OUT_OF_SCALE)
        return None
    return value


def shared_row(table: RawTable, number: int, cells: tuple[str, ...], mapping: dict[Meaning, int], parsers: Parsers, settings: Settings,
               problems: list[Problem]) -> SharedPosition | None:
    """One agreed position: the network, the moment, the indicator, the position, and optionally the
    situation (default current) and a note."""
    row = RowReader(table, number, cells, mapping, problems)
    network = row.required(Meaning.NETWORK, Message("netwerk ontbreekt."))
    moment = row.moment(Meaning.MOMENT, parsers)
    indicator = parsers.indicator(row.get(Meaning.INDICATOR))
    if indicator is None:
        row.fail(Meaning.INDICATOR, Message("onbekende indicator; geldig zijn %(codes)s.", codes=parsers.indicator_codes), code=Code.UNKNOWN_INDICATOR)
    value = _score_value(row, settings, Meaning.SHARED)
    situation = _SITUATIONS.get(parsers.fold(row.get(Meaning.SITUATION)))
    if situation is None:
        row.fail(Meaning.SITUATION, Message("onbekende situatie; gebruik 'huidig' of 'gewenst' (leeg betekent 'huidig')."), code=Code.UNKNOWN_SITUATION)
    if not row.ok or moment is None or indicator is None or situation is None or value is None:
        return None
    note = " ".join(row.get(Meaning.NOTE).split())
    return SharedPosition(network, moment, indicator, situation, value, note, Source(table.file, number, table.sheet))


def agreement_row(table: RawTable, number: int, cells: tuple[str, ...], mapping: dict[Meaning, int], parsers: Parsers,
                  problems: list[Problem], every: dict[Meaning, tuple[int, ...]] | None = None) -> Agreement | None:
    """One conclusion or agreement: the network, the moment, the text, and optionally its kind
    (default an agreement) and whether it may be public (only a clear yes)."""
    row = RowReader(table, number, cells, mapping, problems, every)
    network = row.required(Meaning.NETWORK, Message("netwerk ontbreekt."))
    moment = row.moment(Meaning.MOMENT, parsers)
    text = row.get(Meaning.AGREEMENT).strip()
    if not text:
        row.fail(Meaning.AGREEMENT, Message("de afspraak is leeg."), code=Code.MISSING_VALUE)
    kind = _AGREEMENT_KINDS.get(parsers.fold(row.get(Meaning.AGREEMENT_KIND)))
    if kind is None:
        row.fail(Meaning.AGREEMENT_KIND, Message("onbekende soort; gebruik 'afspraak' of 'conclusie' (leeg betekent 'afspraak')."), code=Code.UNKNOWN_AGREEMENT_KIND)
    public = _consent(row)
    if not row.ok or moment is None or kind is None:
        return None
    return Agreement(network, moment, text, kind, public, Source(table.file, number, table.sheet))


def reflection_row(table: RawTable, number: int, cells: tuple[str, ...], mapping: dict[Meaning, int], parsers: Parsers, problems: list[Problem],
                   every: dict[Meaning, tuple[int, ...]] | None = None) -> Reflection | None:
    row = RowReader(table, number, cells, mapping, problems, every)
    network = row.required(Meaning.NETWORK, Message("netwerk ontbreekt."))
    if Meaning.MOMENT in mapping:
        moment = row.moment(Meaning.MOMENT, parsers)
    else:
        moment = _moment_from_date(row, parsers)
    participant = row.required(Meaning.PARTICIPANT, Message("deelnemer ontbreekt."))
    cycle = parsers.cycle(row.get(Meaning.VALUE))
    if cycle is None:
        row.fail(Meaning.VALUE, Message("onbekende waardecyclus; gebruik direct, potentieel, toegepast, gerealiseerd, transformatief of 1 tot en met 5."), code=Code.UNKNOWN_CYCLE)
    text = row.get(Meaning.REFLECTION)
    if not text:
        row.fail(Meaning.REFLECTION, Message("de reflectie is leeg."), code=Code.MISSING_VALUE)
    public = _consent(row)
    level = _LEVELS.get(fold(row.get(Meaning.LEVEL)))
    if row.get(Meaning.LEVEL) and level is None:
        row.fail(Meaning.LEVEL, Message("onbekend niveau; gebruik 'individueel' of 'collectief'."), code=Code.UNKNOWN_LEVEL)
    if not row.ok or moment is None or cycle is None:
        return None  # every missing part was reported by `row`
    title = " ".join(row.get(Meaning.TITLE).split()) or None
    story = " ".join(row.get(Meaning.STORY).split()) or None
    return Reflection(network, moment, participant, cycle, text, public, level, title, Source(table.file, number, table.sheet), story)


def _moment_from_date(row: RowReader, parsers: Parsers) -> Moment | None:
    text = row.get(Meaning.DATE)
    if not text:
        row.fail(Meaning.DATE, Message("datum ontbreekt."), code=Code.MISSING_VALUE)
        return None
    date = parse_date(text)
    if date is not None:
        return half_year(date, parsers.spring_until_month)
    moment = parsers.moment(text)
    if moment is None:
        row.fail(Meaning.DATE, moment_problem(text, Message("geen datum of meetmoment")), code=Code.BAD_DATE)
    return moment


def _consent(row: RowReader) -> bool:
    """Consent from every consent column of the row: all must be a clear yes."""
    given, unclear = consent_of(row.cells, row.every.get(Meaning.PUBLIC, ()))
    for index in unclear:
        row.fail_at(index, UNCLEAR_CONSENT, code=Code.UNCLEAR_CONSENT)
    return given
