"""Stage 1, load: find the export files in the data folder and read them as tables of text.

Nothing is interpreted here beyond what a spreadsheet would do: the encoding (UTF-8 with or without
BOM, else Windows-1252), the separator (comma or semicolon) and the rows. Cells stay strings; the
validate stage decides what they mean.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem

READABLE_SUFFIXES = (".csv",)


@dataclass(frozen=True)
class RawTable:
    """One sheet of text. `rows` pairs each data row with its spreadsheet row number (header = 1)."""

    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    header_row: int = 1


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
        table, file_problems = read_csv(path.read_bytes(), name)
        problems += file_problems
        if table is not None:
            tables.append(table)
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
    # Spreadsheet rows are records, counted from 1; leading blank lines still count as rows.
    start = 0
    while start < len(records) and not "".join(records[start]).strip():
        start += 1
    header_row = start + 1
    header = tuple(map(str.strip, records[start]))
    width = len(header)
    problems: list[Problem] = []
    rows = []
    for number, record in enumerate(records[start + 1 :], start=header_row + 1):
        cells = tuple(map(str.strip, record))
        if not any(cells):
            continue  # an empty line holds nothing to lose
        if len(cells) != width:
            if any(cells[width:]):
                extra = next(cell for cell in cells[width:] if cell)
                problems.append(Problem(name, number, None, extra, f"deze rij heeft {len(cells)} cellen, de kopregel maar {width}."))
                continue
            cells = (cells + ("",) * width)[:width]
        rows.append((number, cells))
    if not rows and not problems:
        problems.append(Problem(name, None, None, None, "het bestand bevat alleen een kopregel en geen gegevens."))
        return None, problems
    return RawTable(name, header, tuple(rows), header_row), problems
