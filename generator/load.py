"""Stage 1, load: find the export files in the data folder and read them as tables of text.

CSV files and every sheet of an Excel workbook (.xlsx) that holds data become `RawTable`s. Nothing
is interpreted beyond what a spreadsheet shows: for CSV the encoding (UTF-8 with or without BOM,
else Windows-1252), the separator (comma or semicolon); for Excel the cell values, with dates and
times written as ISO text (`2025-03-14 10:22:31`). Cells stay strings; the validate stage decides
what they mean. Completely empty rows are counted, so every row of a file can be accounted for.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem

READABLE_SUFFIXES = (".csv", ".xlsx")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected (and old .xls) workbooks


@dataclass(frozen=True)
class RawTable:
    """One sheet of text. `rows` pairs each data row with its spreadsheet row number (header = 1)."""

    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    header_row: int = 1
    sheet: str | None = None
    empty_rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class Loaded:
    tables: tuple[RawTable, ...]
    ignored_files: tuple[str, ...]
    problems: tuple[Problem, ...]


def find_input_files(data_dir: Path) -> tuple[list[Path], list[Path]]:
    """(files to read, other files) below the data folder, sorted, hidden files left out."""
    readable, other = [], []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        (readable if path.suffix.lower() in READABLE_SUFFIXES else other).append(path)
    return readable, other


def load_folder(data_dir: Path, ignore: tuple[str, ...] = ()) -> Loaded:
    readable, other = find_input_files(data_dir)
    tables, problems = [], []
    for path in readable:
        name = path.relative_to(data_dir).as_posix()
        if path.suffix.lower() == ".xlsx":
            sheets, file_problems = read_xlsx(path.read_bytes(), name)
            tables += sheets
        else:
            table, file_problems = read_csv(path.read_bytes(), name)
            if table is not None:
                tables.append(table)
        problems += file_problems
    ignored = tuple(p.relative_to(data_dir).as_posix() for p in other if p.name not in ignore)
    return Loaded(tuple(tables), ignored, tuple(problems))


def decode(content: bytes) -> str | None:
    """UTF-8 (with or without BOM) first, else Windows-1252; None for what is not text."""
    if b"\x00" in content[:8192]:
        return None
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        return None


def sniff_delimiter(first_line: str) -> str:
    """Comma or semicolon, whichever splits the header line more (outside quotes)."""
    outside = "".join(part for index, part in enumerate(first_line.split('"')) if index % 2 == 0)
    return ";" if outside.count(";") > outside.count(",") else ","


def read_csv(content: bytes, name: str) -> tuple[RawTable | None, list[Problem]]:
    text = decode(content)
    if text is None:
        return None, [Problem(name, None, None, None, "dit is geen tekstbestand; bewaar het als CSV (UTF-8 of Windows-1252).")]
    if not text.strip():
        return None, [Problem(name, None, None, None, "het bestand is leeg.")]
    first_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        records = list(reader)
    except csv.Error as error:
        return None, [Problem(name, reader.line_num, None, None, f"het CSV-bestand is beschadigd ({error}).")]
    return _table(name, None, records)


def _table(name: str, sheet: str | None, records: list) -> tuple[RawTable | None, list[Problem]]:
    """Header and rows from the records of one sheet; spreadsheet rows are counted from 1."""
    start = 0
    while start < len(records) and not "".join(records[start]).strip():
        start += 1  # leading blank rows still count as rows
    header_row = start + 1
    header = tuple(map(str.strip, records[start]))
    width = len(header)
    problems: list[Problem] = []
    rows, empty = [], []
    for number, record in enumerate(records[start + 1 :], start=header_row + 1):
        cells = tuple(map(str.strip, record))
        if not any(cells):
            empty.append(number)  # an empty row holds nothing to lose, but it is counted
            continue
        if len(cells) != width:
            if any(cells[width:]):
                extra = next(cell for cell in cells[width:] if cell)
                problems.append(Problem(name, number, None, extra, f"deze rij heeft {len(cells)} cellen, de kopregel maar {width}.", sheet=sheet))
                continue
            cells = (cells + ("",) * width)[:width]
        rows.append((number, cells))
    if not rows and not problems:
        problems.append(Problem(name, None, None, None, f"{'het blad' if sheet else 'het bestand'} bevat alleen een kopregel en geen gegevens.", sheet=sheet))
        return None, problems
    return RawTable(name, header, tuple(rows), header_row, sheet, tuple(empty)), problems


def read_xlsx(content: bytes, name: str) -> tuple[list[RawTable], list[Problem]]:
    """Every sheet of a workbook that holds data; a located problem for a workbook that cannot be read."""
    if content.startswith(_OLE_SIGNATURE):
        return [], [Problem(name, None, None, None, "het Excel-bestand is beveiligd met een wachtwoord (of is een oud .xls-bestand); sla het op als .xlsx zonder wachtwoord.")]
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        return [], [Problem(name, None, None, None, f"het Excel-bestand is beschadigd of geen echt .xlsx-bestand ({type(error).__name__}).")]
    except Exception as error:  # openpyxl raises its own types for broken workbooks
        return [], [Problem(name, None, None, None, f"het Excel-bestand kan niet worden gelezen ({type(error).__name__}: {error}).")]
    tables: list[RawTable] = []
    problems: list[Problem] = []
    try:
        for worksheet in workbook.worksheets:
            records = [[_cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
            while records and not "".join(records[-1]).strip():
                records.pop()
            if not records:
                continue  # an empty sheet holds nothing
            table, sheet_problems = _table(name, worksheet.title, records)
            problems += sheet_problems
            if table is not None:
                tables.append(table)
    finally:
        workbook.close()
    if not tables and not problems:
        problems.append(Problem(name, None, None, None, "het Excel-bestand bevat geen gegevens."))
    return tables, problems


def _cell_text(value) -> str:
    """A cell as the spreadsheet shows it, without locale: dates ISO, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
