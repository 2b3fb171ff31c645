"""Stage 2, validate: recognise each table's kind from its header and check every cell.

Every problem is collected as a located `Problem` (file, spreadsheet row, column, value); nothing
is skipped silently and nothing is guessed. Good rows become `Score` and `Reflection` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.errors import Problem
from generator.framework import Framework, fold
from generator.load import RawTable
from generator.model import (
    COLLECTIVE,
    CURRENT,
    DESIRED,
    INDIVIDUAL,
    FileSummary,
    Reflection,
    Score,
    Source,
)
from generator.moments import FORMATS_HELP, Moment, parse_date, parse_moment, season_of
from generator.settings import Settings

SCORES = "scores"
REFLECTIONS = "reflecties"

# canonical column → accepted header names (compared without case and spaces)
SCORE_COLUMNS = {
    "netwerk": ("netwerk", "network"),
    "meetmoment": ("meetmoment", "moment"),
    "deelnemer": ("deelnemer", "participant"),
    "indicator": ("indicator",),
    "score": ("score",),
    "situatie": ("situatie", "situation"),
}
SCORE_REQUIRED = ("netwerk", "meetmoment", "deelnemer", "indicator", "score")

REFLECTION_COLUMNS = {
    "netwerk": ("netwerk", "network"),
    "meetmoment": ("meetmoment", "moment"),
    "datum": ("datum", "date"),
    "deelnemer": ("deelnemer", "participant"),
    "waarde": ("waarde", "value"),
    "reflectie": ("reflectie", "reflection"),
    "openbaar": ("openbaar", "public"),
    "niveau": ("niveau", "level"),
    "titel": ("titel", "title"),
}
REFLECTION_REQUIRED = ("netwerk", "deelnemer", "waarde", "reflectie")

_SITUATIONS = {"huidig": CURRENT, "current": CURRENT, "nu": CURRENT, "": CURRENT, "gewenst": DESIRED, "desired": DESIRED}
_YES = {"ja", "j", "yes", "y", "waar", "true", "1"}
_NO = {"nee", "n", "no", "onwaar", "false", "0", ""}
_LEVELS = {
    "individueel": INDIVIDUAL, "individual": INDIVIDUAL, "persoonlijk": INDIVIDUAL,
    "collectief": COLLECTIVE, "collective": COLLECTIVE, "gezamenlijk": COLLECTIVE,
}
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


@dataclass(frozen=True)
class Validated:
    scores: tuple[Score, ...]
    reflections: tuple[Reflection, ...]
    files: tuple[FileSummary, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def header_key(name: str) -> str:
    return "".join(fold(name).split())


def recognise(table: RawTable) -> tuple[str | None, dict[str, int], list[str]]:
    """(kind, canonical column → index, unused header names) for one table."""
    keys = [header_key(name) for name in table.header]
    looks_like_scores = "indicator" in keys or "score" in keys
    looks_like_reflections = any(k in keys for k in ("waarde", "value", "reflectie", "reflection"))
    if looks_like_scores == looks_like_reflections:
        return None, {}, []
    columns = SCORE_COLUMNS if looks_like_scores else REFLECTION_COLUMNS
    mapping: dict[str, int] = {}
    for index, key in enumerate(keys):
        for canonical, aliases in columns.items():
            if key in aliases and canonical not in mapping:
                mapping[canonical] = index
    unused = [table.header[i] for i in range(len(keys)) if i not in mapping.values() and table.header[i]]
    return (SCORES if looks_like_scores else REFLECTIONS), mapping, unused


class Parsers:
    """The cell parsers of one run, memoised: an export repeats the same few values thousands of times."""

    def __init__(self, framework: Framework):
        self.moment = lru_cache(maxsize=None)(parse_moment)
        self.indicator = lru_cache(maxsize=None)(framework.match_indicator)
        self.cycle = lru_cache(maxsize=None)(framework.match_cycle)
        self.fold = lru_cache(maxsize=None)(fold)


def validate_tables(tables: tuple[RawTable, ...], framework: Framework, settings: Settings) -> Validated:
    parsers = Parsers(framework)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    scores: list[Score] = []
    reflections: list[Reflection] = []
    summaries: list[FileSummary] = []
    seen_scores: dict[tuple, Score] = {}
    for table in tables:
        kind, mapping, unused = recognise(table)
        if kind is None:
            problems.append(Problem(
                table.file, table.header_row, None, ", ".join(table.header),
                "herken het soort bestand niet aan de kopregel. Scores hebben de kolommen "
                "netwerk, meetmoment, deelnemer, indicator, score (en eventueel situatie); "
                "reflecties hebben netwerk, meetmoment of datum, deelnemer, waarde, reflectie "
                "(en eventueel openbaar, niveau, titel).",
            ))
            continue
        missing = _missing_columns(kind, mapping)
        if missing:
            problems += [
                Problem(table.file, table.header_row, column, None, f"verplichte kolom ontbreekt in dit {_kind_noun(kind)}bestand.")
                for column in missing
            ]
            continue
        if unused:
            warnings.append(Problem(table.file, table.header_row, None, ", ".join(unused), "deze kolommen worden niet gebruikt."))
        if kind == SCORES:
            found = _score_records(table, mapping, parsers, framework, settings, problems)
            kept = _deduplicate(found, seen_scores, problems, warnings, parsers)
            scores += kept
            records = kept
        else:
            records = [r for r in (_reflection_row(table, n, c, mapping, parsers, problems) for n, c in table.rows) if r]
            reflections += records
        summaries.append(FileSummary(
            table.file, kind, len(table.rows),
            tuple(sorted({r.network for r in records})),
            tuple(m.label for m in sorted({r.moment for r in records})),
            tuple(unused),
        ))
    return Validated(tuple(scores), tuple(reflections), tuple(summaries), tuple(problems), tuple(warnings))


def _kind_noun(kind: str) -> str:
    return "score" if kind == SCORES else "reflectie"


def _missing_columns(kind: str, mapping: dict[str, int]) -> list[str]:
    required = SCORE_REQUIRED if kind == SCORES else REFLECTION_REQUIRED
    missing = [column for column in required if column not in mapping]
    if kind == REFLECTIONS and "meetmoment" not in mapping and "datum" not in mapping:
        missing.insert(1, "meetmoment")
    return missing


class _Row:
    """Reads the cells of one row by canonical column name and records located problems."""

    def __init__(self, table: RawTable, number: int, cells: tuple[str, ...], mapping: dict[str, int], parsers: Parsers, problems: list[Problem]):
        self.table, self.number, self.cells, self.mapping, self.problems = table, number, cells, mapping, problems
        self.parsers = parsers
        self.ok = True

    def get(self, column: str) -> str:
        index = self.mapping.get(column)
        return "" if index is None else self.cells[index]

    def header(self, column: str) -> str:
        return self.table.header[self.mapping[column]]

    def fail(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.table.file, self.number, self.header(column), self.get(column), message))

    def required(self, column: str, label: str) -> str:
        value = " ".join(self.get(column).split())
        if not value:
            self.fail(column, f"{label} ontbreekt.")
        return value

    def moment(self, column: str) -> Moment | None:
        text = self.get(column)
        if not text:
            self.fail(column, "meetmoment ontbreekt.")
            return None
        moment = self.parsers.moment(text)
        if moment is None:
            self.fail(column, f"onbekend meetmoment; {FORMATS_HELP}.")
        return moment


def _score_records(table, mapping, parsers: Parsers, framework: Framework, settings: Settings, problems) -> list[Score | None]:
    """Column by column: each distinct cell value is parsed once. Rows where anything fails go
    through `_score_row`, which names every problem in them."""
    rows = table.rows

    def column(name: str, parse) -> list:
        index = mapping.get(name)
        cells = [row[index] for _, row in rows] if index is not None else [""] * len(rows)
        parsed = {value: parse(value) for value in set(cells)}
        return [parsed[value] for value in cells]

    networks = column("netwerk", lambda v: " ".join(v.split()))
    moments = column("meetmoment", lambda v: parsers.moment(v) if v else None)
    participants = column("deelnemer", lambda v: " ".join(v.split()))
    indicators = column("indicator", parsers.indicator)
    values = column("score", lambda v: _plain_score(v, settings))
    situations = column("situatie", lambda v: _SITUATIONS.get(parsers.fold(v)))
    records: list[Score | None] = []
    for (number, cells), network, moment, participant, indicator, value, situation in zip(
        rows, networks, moments, participants, indicators, values, situations
    ):
        if network and moment and participant and indicator and value is not None and situation:
            records.append(Score(network, moment, participant, indicator, situation, value, Source(table.file, number)))
        else:
            records.append(_score_row(table, number, cells, mapping, parsers, framework, settings, problems))
    return records


def _plain_score(text: str, settings: Settings) -> float | None:
    """The score in a cell when it is fine; None sends the row to the slow path that says why."""
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", "."))
    return value if settings.scale_min <= value <= settings.scale_max else None


def _score_row(table, number, cells, mapping, parsers: Parsers, framework: Framework, settings: Settings, problems) -> Score | None:
    row = _Row(table, number, cells, mapping, parsers, problems)
    network = row.required("netwerk", "netwerk")
    moment = row.moment("meetmoment")
    participant = row.required("deelnemer", "deelnemer")
    indicator = parsers.indicator(row.get("indicator"))
    if indicator is None:
        row.fail("indicator", f"onbekende indicator; geldig zijn {', '.join(framework.indicator_codes())}.")
    value = _score_value(row, settings)
    situation = _SITUATIONS.get(parsers.fold(row.get("situatie")))
    if situation is None:
        row.fail("situatie", "onbekende situatie; gebruik 'huidig' of 'gewenst' (leeg betekent 'huidig').")
    if not row.ok:
        return None
    return Score(network, moment, participant, indicator, situation, value, Source(table.file, number))


def _score_value(row: _Row, settings: Settings) -> float | None:
    text = row.get("score")
    scale = f"{_number(settings.scale_min)} tot en met {_number(settings.scale_max)}"
    if not text:
        row.fail("score", f"score ontbreekt; laat de rij weg als de deelnemer deze indicator niet invulde.")
        return None
    if not _NUMBER.match(text):
        row.fail("score", f"geen getal; verwacht een getal van {scale}.")
        return None
    value = float(text.replace(",", "."))
    if not settings.scale_min <= value <= settings.scale_max:
        row.fail("score", f"score buiten de schaal van {scale}.")
        return None
    return value


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _deduplicate(found, seen: dict[tuple, Score], problems: list[Problem], warnings: list[Problem], parsers: Parsers) -> list[Score]:
    kept = []
    for score in found:
        if score is None:
            continue
        key = (score.network, score.moment.key, parsers.fold(score.participant), score.indicator, score.situation)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = score
            kept.append(score)
            continue
        where = f"{earlier.source.file} rij {earlier.source.row}"
        if earlier.value != score.value:
            problems.append(Problem(
                score.source.file, score.source.row, "score", _number(score.value),
                f"dezelfde deelnemer gaf voor {score.indicator} op {score.moment.label} ({score.situation}) "
                f"al score {_number(earlier.value)} in {where}; welke klopt?",
            ))
        else:
            warnings.append(Problem(
                score.source.file, score.source.row, None, None,
                f"herhaalt {where} (zelfde deelnemer, indicator, meetmoment en score); één keer geteld.",
            ))
    return kept


def _reflection_row(table, number, cells, mapping, parsers: Parsers, problems) -> Reflection | None:
    row = _Row(table, number, cells, mapping, parsers, problems)
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
    return Reflection(network, moment, participant, cycle, text, public, level, title, Source(table.file, number))


def _moment_from_date(row: _Row) -> Moment | None:
    text = row.get("datum")
    if not text:
        row.fail("datum", "datum ontbreekt.")
        return None
    date = parse_date(text)
    if date is not None:
        return season_of(date)
    moment = row.parsers.moment(text)
    if moment is None:
        row.fail("datum", f"geen datum of meetmoment; {FORMATS_HELP}.")
    return moment


def _consent(row: _Row) -> bool:
    answer = fold(row.get("openbaar"))
    if answer in _YES:
        return True
    if answer not in _NO:
        row.fail("openbaar", "onduidelijke toestemming; gebruik 'ja' of 'nee' (leeg betekent 'nee').")
    return False
