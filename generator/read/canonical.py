"""Part of stage 2: canonical tables ("long": one row per score or per reflection).

Each cell is checked and every problem named with its row and column. Scores are read column by
column, parsing each distinct value once; only rows where something fails take the slow path that
says exactly what.
"""

from __future__ import annotations

from generator.core.errors import Problem
from generator.core.framework import fold
from generator.core.model import COLLECTIVE, CURRENT, DESIRED, INDIVIDUAL, Reflection, Score, Source
from generator.core.moments import Moment, half_year, moment_problem, parse_date
from generator.core.settings import Settings
from generator.read.cells import Parsers, consent_of
from generator.read.cells import number as parse_number
from generator.read.load import RawTable
from generator.read.recognise import REFLECTIONS, SCORES

SCORE_REQUIRED = ("netwerk", "meetmoment", "deelnemer", "indicator", "score")
REFLECTION_REQUIRED = ("netwerk", "deelnemer", "waarde", "reflectie")

_SITUATIONS = {"huidig": CURRENT, "current": CURRENT, "nu": CURRENT, "": CURRENT, "gewenst": DESIRED, "desired": DESIRED}
_LEVELS = {
    "individueel": INDIVIDUAL, "individual": INDIVIDUAL, "persoonlijk": INDIVIDUAL,
    "collectief": COLLECTIVE, "collective": COLLECTIVE, "gezamenlijk": COLLECTIVE,
}
UNCLEAR_CONSENT = "onduidelijke toestemming; alleen een duidelijk 'ja' maakt een verhaal openbaar. Gebruik 'ja' of 'nee' (leeg betekent 'nee')."
LINE_BREAK = "deze cel bevat een regeleinde; een naam past op één regel. Staat er in deze of de vorige rij een aanhalingsteken (\") te veel?"


def one_line(value: str) -> str:
    """A name on one line with single spaces; '' (so the row is checked cell by cell) when it has a line break."""
    return "" if "\n" in value else " ".join(value.split())


def missing_columns(kind: str, columns: dict[str, int]) -> list[str]:
    required = SCORE_REQUIRED if kind == SCORES else REFLECTION_REQUIRED
    missing = [column for column in required if column not in columns]
    if kind == REFLECTIONS and "meetmoment" not in columns and "datum" not in columns:
        missing.insert(1, "meetmoment")
    return missing


class _Row:
    """Reads the cells of one row by canonical column name and records located problems."""

    def __init__(self, table: RawTable, number: int, cells: tuple[str, ...], mapping: dict[str, int], parsers: Parsers, problems: list[Problem],
                 every: dict[str, tuple[int, ...]] | None = None):
        self.table, self.number, self.cells, self.mapping, self.problems = table, number, cells, mapping, problems
        self.every = every if every is not None else {name: (index,) for name, index in mapping.items()}
        self.parsers = parsers
        self.ok = True

    def get(self, column: str) -> str:
        index = self.mapping.get(column)
        return "" if index is None else self.cells[index]

    def header(self, column: str) -> str:
        return self.table.header[self.mapping[column]]

    def fail(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.table.file, self.number, self.header(column), self.get(column), message, sheet=self.table.sheet))

    def required(self, column: str, label: str) -> str:
        raw = self.get(column)
        value = " ".join(raw.split())
        if not value:
            self.fail(column, f"{label} ontbreekt.")
        elif "\n" in raw:
            self.fail(column, LINE_BREAK)
        return value

    def moment(self, column: str) -> Moment | None:
        text = self.get(column)
        if not text:
            self.fail(column, "meetmoment ontbreekt.")
            return None
        moment = self.parsers.moment(text)
        if moment is None:
            self.fail(column, moment_problem(text))
        return moment


def score_records(table, mapping, parsers: Parsers, settings: Settings, problems) -> list[Score | None]:
    """Column by column: each distinct cell value is parsed once. Rows where anything fails go
    through `_score_row`, which names every problem in them."""
    rows = table.rows

    def column(name: str, parse) -> list:
        index = mapping.get(name)
        cells = [row[index] for _, row in rows] if index is not None else [""] * len(rows)
        parsed = {value: parse(value) for value in set(cells)}
        return [parsed[value] for value in cells]

    networks = column("netwerk", one_line)
    moments = column("meetmoment", lambda v: parsers.moment(v) if v else None)
    participants = column("deelnemer", one_line)
    indicators = column("indicator", parsers.indicator)
    values = column("score", lambda v: _plain_score(v, settings))
    situations = column("situatie", lambda v: _SITUATIONS.get(parsers.fold(v)))
    records: list[Score | None] = []
    for (number, cells), network, moment, participant, indicator, value, situation in zip(
        rows, networks, moments, participants, indicators, values, situations, strict=True
    ):
        if network and moment and participant and indicator and value is not None and situation:
            records.append(Score(network, moment, participant, indicator, situation, value, Source(table.file, number, table.sheet)))
        else:
            records.append(_score_row(table, number, cells, mapping, parsers, settings, problems))
    return records


def _plain_score(text: str, settings: Settings) -> float | None:
    """The score in a cell when it is fine; None sends the row to the slow path that says why."""
    value = parse_number(text)
    if value is None:
        return None
    return value if settings.scale_min <= value <= settings.scale_max else None


def _score_row(table, number, cells, mapping, parsers: Parsers, settings: Settings, problems) -> Score | None:
    row = _Row(table, number, cells, mapping, parsers, problems)
    network = row.required("netwerk", "netwerk")
    moment = row.moment("meetmoment")
    participant = row.required("deelnemer", "deelnemer")
    indicator = parsers.indicator(row.get("indicator"))
    if indicator is None:
        row.fail("indicator", f"onbekende indicator; geldig zijn {parsers.indicator_codes}.")
    value = _score_value(row, settings)
    situation = _SITUATIONS.get(parsers.fold(row.get("situatie")))
    if situation is None:
        row.fail("situatie", "onbekende situatie; gebruik 'huidig' of 'gewenst' (leeg betekent 'huidig').")
    if not row.ok:
        return None
    return Score(network, moment, participant, indicator, situation, value, Source(table.file, number, table.sheet))


def _score_value(row: _Row, settings: Settings) -> float | None:
    text = row.get("score")
    scale = settings.scale_text
    if not text:
        row.fail("score", "score ontbreekt; laat de rij weg als de deelnemer deze indicator niet invulde.")
        return None
    value = parse_number(text)
    if value is None:
        row.fail("score", f"geen getal; verwacht een getal van {scale}.")
        return None
    if not settings.scale_min <= value <= settings.scale_max:
        row.fail("score", f"score buiten de schaal van {scale}.")
        return None
    return value


def reflection_row(table, number, cells, mapping, parsers: Parsers, problems, every=None) -> Reflection | None:
    row = _Row(table, number, cells, mapping, parsers, problems, every)
    network = row.required("netwerk", "netwerk")
    if "meetmoment" in mapping:
        moment = row.moment("meetmoment")
    else:
        moment = _moment_from_date(row)
    participant = row.required("deelnemer", "deelnemer")
    cycle = parsers.cycle(row.get("waarde"))
    if cycle is None:
        row.fail("waarde", "onbekende waardecyclus; gebruik direct, potentieel, toegepast, gerealiseerd, transformatief of 1 tot en met 5.")
    text = row.get("reflectie")
    if not text:
        row.fail("reflectie", "de reflectie is leeg.")
    public = _consent(row)
    level = _LEVELS.get(fold(row.get("niveau")))
    if row.get("niveau") and level is None:
        row.fail("niveau", "onbekend niveau; gebruik 'individueel' of 'collectief'.")
    if not row.ok:
        return None
    title = " ".join(row.get("titel").split()) or None
    return Reflection(network, moment, participant, cycle, text, public, level, title, Source(table.file, number, table.sheet))


def _moment_from_date(row: _Row) -> Moment | None:
    text = row.get("datum")
    if not text:
        row.fail("datum", "datum ontbreekt.")
        return None
    date = parse_date(text)
    if date is not None:
        return half_year(date, row.parsers.spring_until_month)
    moment = row.parsers.moment(text)
    if moment is None:
        row.fail("datum", moment_problem(text, "geen datum of meetmoment"))
    return moment


def _consent(row: _Row) -> bool:
    """Consent from every consent column of the row: all must be a clear yes."""
    given, unclear = consent_of(row.cells, row.every.get("openbaar", ()))
    for index in unclear:
        row.ok = False
        row.problems.append(Problem(row.table.file, row.number, row.table.header[index], row.cells[index], UNCLEAR_CONSENT, sheet=row.table.sheet))
    return given
