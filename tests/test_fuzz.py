"""Fuzzing the readers and the settings parser with Hypothesis: whatever comes in, no exception but
the library's own error types, and every row of a file is accounted for."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyse import aggregate
from generator.analyse.audience import Position
from generator.core.errors import Code, InputError, NetwerkspiegelError
from generator.core.framework import load_framework
from generator.core.moments import parse_moment
from generator.core.settings import parse_settings, parse_toml
from generator.core.vocabulary import Situation
from generator.pipeline import read_data
from generator.read.load import read_csv, read_xlsx, sniff_delimiter
from generator.read.own_indicators import add_own_indicators
from generator.read.settings_file import parse_mappings

FRAMEWORK = load_framework()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADERS = ["netwerk", "meetmoment", "deelnemer", "indicator", "score", "situatie", "waarde", "reflectie", "openbaar",
           "E-mail", "Naam", "Tijdstempel", "1a. Hoe?", "Directe waarde: wat?", "tops", "tips", "datum", "", "score",
           # the own columns of the dialects, so the fuzzer also walks their header rows and skipped rows
           "StartDate", "EndDate", "ResponseId", "Status", "Finished", "RecipientFirstName", "id", "submitdate", "firstname"]
CELLS = st.one_of(
    st.sampled_from(["Net", "Rekenen", "2025-voorjaar", "najaar 2025", "24-11-2026", "9999-najaar", "Anna", "anna@x.nl",
                     "1a", "4d", "5z", "7", "6,5", "11", "-1", "huidig", "gewenst", "direct", "ja", "Ja, maar intern", "nee",
                     "#DIV/0!", "=1+1", "", " ", "\u200b", "Jos\u00e9", "Zo\u00eb\u202e", "\x07", '"', '""', "a\nb", "a;b", "a,b", "\t",
                     '{"ImportId":"QID1"}', "Survey Preview", "False", "R_1xYz", "2026-03-12 16:08:40"]),
    st.text(max_size=30),
)


def _accounted(table, problems, records: int) -> None:
    """Every record of the file is the header, a data row, an empty row, a located problem, or a
    blank line before the header; a file refused as a whole says so without a row."""
    if table is None:
        assert problems
        return
    seen = [table.header_row, *(n for n, _ in table.rows), *table.empty_rows, *(p.row for p in problems if p.row)]
    assert len(set(seen) - {table.header_row}) == len(seen) - 1, "a row is counted twice"
    assert set(seen) | set(range(1, table.header_row)) == set(range(1, records + 1))
    for _, cells in table.rows:
        assert len(cells) == len(table.header)


@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=9), max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
@FUZZ
def test_csv_reader_accounts_for_every_row(header, rows, delimiter, encoding):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    text = buffer.getvalue()
    try:
        content = text.encode(encoding)
    except UnicodeEncodeError:
        content = text.encode("utf-8")
    table, problems, _notices = read_csv(content, "fuzz.csv")
    if table is not None or any(p.row for p in problems):
        # The reader finds the separator from the header line, as a spreadsheet would: count records its way.
        shown = content.decode("utf-16") if encoding == "utf-16" else text
        found = sniff_delimiter(shown.lstrip("\r\n").splitlines()[0])
        records = len(list(csv.reader(io.StringIO(shown, newline=""), delimiter=found)))
        _accounted(table, problems, records)


@given(content=st.binary(max_size=400))
@FUZZ
def test_csv_reader_never_raises_on_any_bytes(content):
    table, problems, notices = read_csv(content, "x.csv")
    assert table is not None or problems or notices  # a file with only a header is skipped and said


def _data_folder(name: str, content: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    (folder / name).write_bytes(content)
    return folder


@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=8), max_size=10),
)
@FUZZ
def test_the_whole_reading_stage_raises_only_its_own_errors_and_accounts_for_rows(header, rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    folder = _data_folder("fuzz.csv", buffer.getvalue().encode("utf-8"))
    try:
        dataset = read_data(folder)
    except InputError as error:
        assert error.report.problems
        return
    for table in dataset.tables:
        assert table.used + len(table.unused) + table.empty == table.rows


XLSX_CELLS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.sampled_from(["Net", "2025-voorjaar", "Anna", "1a", "7", "ja", "#N/A", "=A1*2"]),
)


@given(
    header=st.lists(st.sampled_from([h for h in HEADERS if h]), min_size=1, max_size=7),
    rows=st.lists(st.lists(XLSX_CELLS, max_size=8), max_size=8),
    state=st.sampled_from(["visible", "hidden", "veryHidden"]),
)
@FUZZ
def test_xlsx_reader_accounts_for_every_row(header, rows, state):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(header)
    for row in rows:
        sheet.append([None if isinstance(v, float) and not math.isfinite(v) else v for v in row])
    extra = book.create_sheet("Tweede")
    extra.append(header)
    extra.sheet_state = state
    buffer = io.BytesIO()
    book.save(buffer)
    tables, problems, _notices = read_xlsx(buffer.getvalue(), "fuzz.xlsx")
    for table in tables:
        last = max([table.header_row, *(n for n, _ in table.rows), *table.empty_rows])
        _accounted(table, [p for p in problems if p.sheet == table.sheet], last)
    assert (state == "visible") == any(t.sheet == "Tweede" for t in tables) or not rows or state == "visible"


@given(content=st.binary(min_size=0, max_size=300), flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=20))
@FUZZ
def test_xlsx_reader_never_raises_on_damaged_workbooks(content, flips):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["netwerk", "meetmoment", "deelnemer", "indicator", "score"])
    book.active.append(["Net", "2025-voorjaar", "Anna", "1a", 7])
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    for position, value in flips:
        data[position % len(data)] = value
    for candidate in (bytes(data), content, bytes(data[: len(data) // 2])):
        tables, problems, _notices = read_xlsx(candidate, "kapot.xlsx")
        assert tables or problems


def test_a_workbook_in_a_zip_version_python_cannot_read_is_reported_as_damaged():
    """Found by the fuzzer: a central directory asking for zip version 6.4 (AES encryption) made
    `zipfile` raise NotImplementedError."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["netwerk", "meetmoment", "deelnemer", "indicator", "score"])
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    position = data.find(b"PK\x01\x02")
    while position != -1:
        data[position + 6] = 64  # "version needed to extract": 6.4
        position = data.find(b"PK\x01\x02", position + 4)
    tables, problems, _notices = read_xlsx(bytes(data), "kapot.xlsx")
    assert (tables, [p.code for p in problems]) == ([], [Code.EXCEL_DAMAGED])


TOML_VALUES = st.recursive(
    st.one_of(st.integers(-10**20, 10**20), st.floats(), st.booleans(), st.text(max_size=20), st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)),
    max_leaves=12,
)
KEYS = st.sampled_from(["schaal", "publiek", "site", "formulieren", "kolommen", "bestanden", "netwerken", "deelnemers", "minimum",
                        "maximum", "minimale_groep", "titel", "url", "voorjaar_tot_en_met_maand", "1a", "thema", "netwerk"])


@given(raw=st.dictionaries(KEYS, st.one_of(TOML_VALUES, st.dictionaries(st.one_of(KEYS, st.text(max_size=10)), TOML_VALUES, max_size=4)), max_size=6))
@FUZZ
def test_the_settings_parser_reports_problems_and_never_raises(raw):
    settings_, problems = parse_settings(raw, "netwerkspiegel.toml")
    mappings, mapping_problems = parse_mappings(raw, "netwerkspiegel.toml", FRAMEWORK)
    assert math.isfinite(settings_.scale_min) and math.isfinite(settings_.scale_max)
    assert isinstance(settings_.site_title, str) and isinstance(mappings.columns, tuple)
    for problem in problems + mapping_problems:
        assert problem.file == "netwerkspiegel.toml" and str(problem.message)


OWN_KEYS = st.sampled_from(["label", "vraag", "links", "rechts", "dimensie", "netwerken", "label_en", "vraag_en", "links_en", "rechts_en",
                            "dimensie_en", "kleur"])
OWN_CODES = st.one_of(st.sampled_from(["5a", "5A", " 6 b ", "1e", "1a", "4d", "zz", "10a", ""]), st.text(max_size=4))


@given(table=st.one_of(TOML_VALUES, st.dictionaries(OWN_CODES, st.one_of(TOML_VALUES, st.dictionaries(OWN_KEYS, TOML_VALUES, max_size=8)), max_size=4)))
@FUZZ
def test_own_indicators_are_added_or_reported_and_never_raise(table):
    framework, problems = add_own_indicators({"indicatoren": table}, "netwerkspiegel.toml", FRAMEWORK)
    assert set(FRAMEWORK.indicator_codes()) <= set(framework.indicator_codes())
    for indicator in framework.own_indicators:
        assert indicator.code not in FRAMEWORK.indicator_codes() and indicator.label_nl and indicator.question_nl
        assert framework.dimension(indicator.dimension) is not None
    for problem in problems:
        assert problem.file == "netwerkspiegel.toml" and problem.key and problem.key.startswith("indicatoren") and str(problem.message)


@given(content=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
@FUZZ
def test_toml_reading_never_raises(content):
    raw, message = parse_toml(content)
    assert (raw is None) == bool(message)


def test_the_library_error_types_are_one_family():
    assert issubclass(InputError, NetwerkspiegelError)


_MOMENTS = [parse_moment(text) for text in ("2025-voorjaar", "2025-najaar")]
_CROSS_VALUES = st.one_of(st.integers(-3, 12).map(float), st.integers(-40, 48).map(lambda quarters: quarters / 4), st.just(2.0 ** 40))


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), st.sampled_from(_MOMENTS), st.sampled_from(["1a", "2b"]), st.sampled_from(list(Situation)),
                          _CROSS_VALUES), max_size=80))
def test_the_figures_made_in_plain_python_are_exactly_those_of_pandas(crosses):
    """Small sets of whole, half and quarter points skip pandas (see `aggregate.PLAIN_PYTHON_UP_TO`):
    every figure must be the very float pandas gives, -0.0 and the order of the figures included."""
    positions = tuple(Position(network, moment, number, indicator, situation, value)
                      for number, (network, moment, indicator, situation, value) in enumerate(crosses))
    assert aggregate._exact_in_python(positions)
    assert repr(aggregate._stats_in_python(positions)) == repr(aggregate._stats_with_pandas(positions))


def test_other_values_are_left_to_pandas():
    moment = _MOMENTS[0]
    assert not aggregate._exact_in_python((Position("A", moment, 1, "1a", Situation.CURRENT, 7.3),))
    assert not aggregate._exact_in_python(tuple(Position("A", moment, n, "1a", Situation.CURRENT, 2.0 ** 40) for n in range(1025)))  # sums beyond 2**50
    assert not aggregate._exact_in_python((Position("A", moment, 1, "1a", Situation.CURRENT, -0.0),))
    assert not aggregate._exact_in_python((Position("A", moment, 1, "1a", Situation.CURRENT, float("inf")),))
