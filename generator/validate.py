"""Stage 2, validate: recognise each table, check every cell, and account for every row.

Every problem is collected as a located `Problem` (file, sheet, spreadsheet row, column, value);
nothing is skipped silently and nothing is guessed. Canonical tables are read here, form exports in
`generator.forms`. Then, over all tables at once: network names that differ only in case, spaces or
accents are merged; of two form responses by one participant for one network and moment the later
counts; duplicate scores are checked; participants who scored only part of the indicators are
reported. Every data row ends up used, or listed as unused with its reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.cells import Parsers, number as parse_number
from generator.errors import Problem
from generator.forms import Response, read_responses, table_problems
from generator.framework import Framework, fold
from generator.load import RawTable
from generator.model import (
    COLLECTIVE, CURRENT, DESIRED, INDIVIDUAL, Evaluation, Reflection, Score, Source, TableSummary, UnusedRow,
)
from generator.moments import FORMATS_HELP, Moment, parse_date, season_of
from generator.recognise import EVALUATIONS, REFLECTIONS, SCORES, Layout, header_key, recognise
from generator.settings import Mappings, Settings

SCORE_REQUIRED = ("netwerk", "meetmoment", "deelnemer", "indicator", "score")
REFLECTION_REQUIRED = ("netwerk", "deelnemer", "waarde", "reflectie")

_SITUATIONS = {"huidig": CURRENT, "current": CURRENT, "nu": CURRENT, "": CURRENT, "gewenst": DESIRED, "desired": DESIRED}
_LEVELS = {
    "individueel": INDIVIDUAL, "individual": INDIVIDUAL, "persoonlijk": INDIVIDUAL,
    "collectief": COLLECTIVE, "collective": COLLECTIVE, "gezamenlijk": COLLECTIVE,
}
_KIND_NOUN = {SCORES: "score", REFLECTIONS: "reflectie", EVALUATIONS: "evaluatie"}
UNRECOGNISED = (
    "herken het soort bestand niet aan de kopregel. Scores hebben de kolommen "
    "netwerk, meetmoment, deelnemer, indicator, score (en eventueel situatie); "
    "reflecties hebben netwerk, meetmoment of datum, deelnemer, waarde, reflectie "
    "(en eventueel openbaar, niveau, titel)."
)
UNRECOGNISED_FORM = (
    " Een formulier heeft vragen die met een indicator beginnen ('1a. …'), vragen per waardecyclus "
    "('Directe waarde: …') of tops en tips; eigen kolomkoppen kun je in netwerkspiegel.toml onder "
    "[kolommen] een betekenis geven."
)


@dataclass(frozen=True)
class Validated:
    scores: tuple[Score, ...]
    reflections: tuple[Reflection, ...]
    evaluations: tuple[Evaluation, ...]
    tables: tuple[TableSummary, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


@dataclass
class _TableResult:
    table: RawTable
    layout: Layout
    records: list
    responses: list[Response]
    unused: list[UnusedRow]


def validate_tables(tables: tuple[RawTable, ...], framework: Framework, settings: Settings, mappings: Mappings | None = None) -> Validated:
    mappings = mappings or Mappings()
    parsers = Parsers(framework)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    results: list[_TableResult] = []
    for table in tables:
        layout = recognise(table, framework, mappings)
        if layout.kind is None:
            message = UNRECOGNISED + (UNRECOGNISED_FORM if table.sheet is not None or len(table.header) > 6 else "")
            problems.append(Problem(table.file, table.header_row, None, ", ".join(table.header), message, sheet=table.sheet))
            continue
        if layout.form or layout.kind == EVALUATIONS:
            missing = table_problems(table, layout, mappings)
            if missing:
                problems += missing
                continue
            responses, unused = read_responses(table, layout, parsers, settings, mappings, problems)
            result = _TableResult(table, layout, [], responses, unused)
        else:
            missing = _missing_columns(layout.kind, layout.columns)
            if missing:
                problems += [
                    Problem(table.file, table.header_row, column, None, f"verplichte kolom ontbreekt in dit {_KIND_NOUN[layout.kind]}bestand.", sheet=table.sheet)
                    for column in missing
                ]
                continue
            if layout.kind == SCORES:
                records = [r for r in _score_records(table, layout.columns, parsers, settings, problems) if r]
            else:
                records = [r for r in (_reflection_row(table, n, c, layout.columns, parsers, problems) for n, c in table.rows) if r]
            result = _TableResult(table, layout, records, [], [])
        if layout.unplaced:
            warnings.append(Problem(table.file, table.header_row, None, ", ".join(layout.unplaced), "deze kolommen worden niet gebruikt.", sheet=table.sheet))
        results.append(result)

    _merge_network_names(results, warnings)
    _keep_latest_responses(results, warnings)
    scores = _deduplicate(results, parsers, problems, warnings)
    reflections = [r for result in results if result.layout.kind == REFLECTIONS for r in _records_of(result)]
    evaluations = [r for result in results if result.layout.kind == EVALUATIONS for r in _records_of(result)]
    _report_partial_participants(scores, framework, parsers, warnings)
    summaries = [_summary(result) for result in results]
    warnings.sort(key=lambda w: (w.file, w.sheet or "", w.row or 0, w.message))
    return Validated(tuple(scores), tuple(reflections), tuple(evaluations), tuple(summaries), tuple(problems), tuple(warnings))


def _records_of(result: _TableResult) -> list:
    return result.records + [record for response in result.responses for record in response.records]


def _missing_columns(kind: str, columns: dict[str, int]) -> list[str]:
    required = SCORE_REQUIRED if kind == SCORES else REFLECTION_REQUIRED
    missing = [column for column in required if column not in columns]
    if kind == REFLECTIONS and "meetmoment" not in columns and "datum" not in columns:
        missing.insert(1, "meetmoment")
    return missing


def network_key(name: str) -> str:
    """Names that differ only in case, spaces or accents are one network."""
    return "".join(fold(name).split())


def _merge_network_names(results: list[_TableResult], warnings: list[Problem]) -> None:
    """Rewrite every network name to the most used spelling of its key, and say so."""
    counts: Counter = Counter()
    for result in results:
        for record in _records_of(result):
            counts[record.network] += 1
    variants: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        variants[network_key(name)].append(name)
    chosen: dict[str, str] = {}
    for names in variants.values():
        best = sorted(names, key=lambda n: (-counts[n], n))[0]
        for name in names:
            chosen[name] = best
        if len(names) > 1:
            listed = ", ".join(f"'{n}'" for n in sorted(names))
            warnings.append(Problem("netwerknamen", None, None, None, f"{listed} zijn samengevoegd tot '{best}' (ze verschillen alleen in hoofdletters, spaties of accenten)."))
    for result in results:
        result.records = [r if chosen[r.network] == r.network else r._replace(network=chosen[r.network]) for r in result.records]
        result.responses = [r if chosen[r.network] == r.network else r.replace_network(chosen[r.network]) for r in result.responses]


def _keep_latest_responses(results: list[_TableResult], warnings: list[Problem]) -> None:
    """Of two form responses by one participant for one network and moment, the later counts."""
    latest: dict[tuple, Response] = {}
    for result in results:
        for response in result.responses:
            if response.participant is None:
                continue
            key = (response.kind, response.network, response.moment, fold(response.participant))
            if key not in latest or response.when > latest[key].when:
                latest[key] = response
    for result in results:
        kept = []
        for response in result.responses:
            winner = latest.get((response.kind, response.network, response.moment, fold(response.participant or ""))) if response.participant else None
            if winner is None or winner is response:
                kept.append(response)
                continue
            reason = f"eerder antwoord van dezelfde deelnemer voor {response.network} op {_moment_label(response.moment)}; het latere antwoord ({winner.source.describe()}) telt"
            result.unused.append(UnusedRow(result.table.file, result.table.sheet, response.source.row, reason))
            warnings.append(Problem(result.table.file, response.source.row, None, None, reason + ".", sheet=result.table.sheet))
        result.responses = kept


def _moment_label(moment) -> str:
    return moment.label if isinstance(moment, Moment) else moment.isoformat()


def _deduplicate(results: list[_TableResult], parsers: Parsers, problems: list[Problem], warnings: list[Problem]) -> list[Score]:
    seen: dict[tuple, Score] = {}
    kept: list[Score] = []
    for result in results:
        if result.layout.kind != SCORES:
            continue
        duplicate_rows: dict[int, str] = {}
        for score in _records_of(result):
            key = (score.network, score.moment.key, parsers.fold(score.participant), score.indicator, score.situation)
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = score
                kept.append(score)
                continue
            where = earlier.source.describe()
            if earlier.value != score.value:
                problems.append(Problem(
                    score.source.file, score.source.row, "score", _number(score.value),
                    f"dezelfde deelnemer gaf voor {score.indicator} op {score.moment.label} ({score.situation}) "
                    f"al score {_number(earlier.value)} in {where}; welke klopt?",
                    sheet=score.source.sheet,
                ))
            elif not result.layout.form:
                reason = f"herhaalt {where} (zelfde deelnemer, indicator, meetmoment en score); één keer geteld"
                duplicate_rows[score.source.row] = reason
                warnings.append(Problem(score.source.file, score.source.row, None, None, reason + ".", sheet=score.source.sheet))
        result.unused += [UnusedRow(result.table.file, result.table.sheet, row, reason) for row, reason in duplicate_rows.items()]
    return kept


def _report_partial_participants(scores: list[Score], framework: Framework, parsers: Parsers, warnings: list[Problem]) -> None:
    """Participants who scored only part of the indicators are kept, and said to be partial."""
    answered: dict[tuple, set[str]] = defaultdict(set)
    first: dict[tuple, Source] = {}
    for score in scores:
        if score.situation != CURRENT:
            continue
        key = (score.network, score.moment, parsers.fold(score.participant))
        answered[key].add(score.indicator)
        first.setdefault(key, score.source)
    codes = framework.indicator_codes()
    for key, found in answered.items():
        if len(found) < len(codes):
            lacking = ", ".join(code for code in codes if code not in found)
            source = first[key]
            warnings.append(Problem(
                source.file, source.row, None, None,
                f"deze deelnemer ({key[0]}, {key[1].label}) vulde {len(found)} van de {len(codes)} indicatoren in; "
                f"ontbreekt: {lacking}. De ingevulde scores tellen mee.",
                sheet=source.sheet,
            ))


def _date_range(dates: list) -> tuple[str, ...]:
    if not dates:
        return ()
    first, last = dates[0].strftime("%d-%m-%Y"), dates[-1].strftime("%d-%m-%Y")
    noun = "bijeenkomst" if len(dates) == 1 else "bijeenkomsten"
    return (f"{len(dates)} {noun}: {first}" + (f" tot en met {last}" if len(dates) > 1 else ""),)


def _summary(result: _TableResult) -> TableSummary:
    table = result.table
    records = _records_of(result)
    unused = tuple(sorted(result.unused, key=lambda u: u.row))
    empty = len(table.empty_rows)
    rows = len(table.rows) + empty
    evaluations = result.layout.kind == EVALUATIONS
    moments = [] if evaluations else sorted({r.moment for r in records})
    dates = sorted({r.date for r in records}) if evaluations else []
    return TableSummary(
        table.file, table.sheet, result.layout.kind, result.layout.form, rows, rows - empty - len(unused), empty, unused,
        tuple(sorted({r.network for r in records})),
        tuple(m.label for m in moments) + _date_range(dates),
        tuple(result.layout.unplaced),
    )


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
        self.problems.append(Problem(self.table.file, self.number, self.header(column), self.get(column), message, sheet=self.table.sheet))

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


def _score_records(table, mapping, parsers: Parsers, settings: Settings, problems) -> list[Score | None]:
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
    scale = f"{_number(settings.scale_min)} tot en met {_number(settings.scale_max)}"
    if not text:
        row.fail("score", f"score ontbreekt; laat de rij weg als de deelnemer deze indicator niet invulde.")
        return None
    value = parse_number(text)
    if value is None:
        row.fail("score", f"geen getal; verwacht een getal van {scale}.")
        return None
    if not settings.scale_min <= value <= settings.scale_max:
        row.fail("score", f"score buiten de schaal van {scale}.")
        return None
    return value


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


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
    return Reflection(network, moment, participant, cycle, text, public, level, title, Source(table.file, number, table.sheet))


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
    from generator.cells import consent

    answer = consent(row.get("openbaar"))
    if answer is None:
        row.fail("openbaar", "onduidelijke toestemming; gebruik 'ja' of 'nee' (leeg betekent 'nee').")
    return bool(answer)
