"""Stage 1, read (load): find the export files in the data folder and read them as tables of text.

CSV files and every visible sheet of an Excel workbook (.xlsx) that holds data become `RawTable`s.
Nothing is interpreted beyond what a spreadsheet shows: for CSV the encoding (UTF-8 with or without
BOM, UTF-16 "Unicode text", else Windows-1252; one file mixing two is refused), the separator
(comma, semicolon or tab, or Excel's `sep=;` first line); for Excel the cell values, with dates and
times written as ISO text (`2025-03-14 10:22:31`). Cells stay strings; the validate stage decides
what they mean. Completely empty rows are counted, so every row of a file can be accounted for.

Hostile or odd files get located problems, never an exception: files, cells and sheets have limits
(those of Excel itself where it has them), invisible and control characters are removed (and said),
Excel error values and formulas without a computed value are flagged for the columns that matter.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import os
import pickle
import re
import struct
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from generator.core.errors import Code, Problem, os_reason
from generator.core.language import Message
from generator.core.progress import Step
from generator.core.store import Store
from generator.core.text import INVISIBLE as _INVISIBLE
from generator.core.text import INVISIBLE_CLASS as _INVISIBLE_CLASS
from generator.core.text import clean_text

READABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected (and old .xls) workbooks

# Limits: Excel's own for cells, rows and columns; generous ones for file sizes (a network's export
# is kilobytes; a year of a thousand networks fits easily), so a runaway file cannot exhaust memory.
MAX_CELL_CHARS = 32_767
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CSV_BYTES = 256 * 1024 * 1024
MAX_XLSX_BYTES = 100 * 1024 * 1024
MAX_XLSX_PART_BYTES = 512 * 1024 * 1024  # one sheet or the shared strings, unpacked
MAX_XLSX_TOTAL_BYTES = 1024 * 1024 * 1024  # everything in the workbook, unpacked

# Excel's error values: a cell that shows one holds no value at all.
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
    "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
    "#WAARDE!", "#DEEL/0!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B", "#LEEG!",  # Dutch Excel
})
ERROR_VALUE, FORMULA_WITHOUT_VALUE = "foutwaarde", "formule"
# A sheet with one of these names explains the workbook (as the starter workbooks of `init` do).
EXPLANATION_SHEETS = frozenset({"uitleg", "instructie", "instructies", "toelichting", "leesmij", "lees mij", "readme", "instructions"})

# Control characters (but tab and line breaks) and invisible format characters: zero-width spaces
# and joiners, soft hyphens, direction marks, byte-order marks. They make equal names differ
# ("Anouk" and "Anouk\u200b") and some crash renderers; they are removed, and that is said.
_NAME_CONTROL = re.compile(_INVISIBLE_CLASS[:-1] + "\u200c\u200d\t\n\r]")  # in a file name, joiners and line breaks too
_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RawTable:
    """One sheet of text. `rows` pairs each data row with its spreadsheet row number (header = 1).

    `flagged` lists cells that hold no readable value although the spreadsheet shows something:
    (row, column index, kind, what it shows); the validate stage reports those in columns it uses.
    """

    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    header_row: int = 1
    sheet: str | None = None
    empty_rows: tuple[int, ...] = ()
    flagged: tuple[tuple[int, int, str, str], ...] = ()
    # The SHA-256 of the file's bytes: what a network's figures were made from (see
    # `generator.read.validate`, `score_inputs`), without hashing the rows again.
    digest: str = ""


@dataclass(frozen=True)
class Loaded:
    tables: tuple[RawTable, ...]
    ignored_files: tuple[str, ...]
    problems: tuple[Problem, ...]
    notices: tuple[Problem, ...] = ()


def _unreadable(name: str, error: OSError) -> Problem:
    return Problem(name, None, None, None, Message("het bestand kan niet worden gelezen: %(reason)s.", reason=os_reason(error)), code=Code.FILE_UNREADABLE)


def display_name(path: Path, base: Path) -> str:
    """A file's name relative to the data folder, as text that can always be printed.

    A name that is not valid UTF-8 (copied from an old disk or zip) shows its odd bytes as '�', and
    so do control characters in a name."""
    relative = os.fsencode(path.relative_to(base).as_posix())
    return _NAME_CONTROL.sub("\ufffd", relative.decode("utf-8", "replace"))


def find_input_files(data_dir: Path) -> tuple[list[Path], list[Path]]:
    """(files to read, other files) below the data folder, sorted, hidden files left out."""
    readable: list[Path] = []
    other: list[Path] = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        (readable if path.suffix.lower() in READABLE_SUFFIXES else other).append(path)
    return readable, other


def load_folder(data_dir: Path, ignore: tuple[str, ...] = (), store: Store | None = None, step: Step | None = None) -> Loaded:
    """Every readable file of the folder as tables, with the problems found in them.

    `store`: where each file's result is kept (`exports`) by its name, its bytes and this program,
    so a file that did not change since the last build is not parsed again (reading an Excel
    workbook takes far longer than loading what it held).

    `step`: the progress of reading, counted in files."""
    readable, other = find_input_files(data_dir)
    if step is not None:
        step.total = len(readable)
    # The program, and the reader's limits as they are now (a test or a later version may set others).
    limits = sorted((name, value) for name, value in globals().items() if name.isupper() and isinstance(value, int))
    tables: list[RawTable] = []
    problems: list[Problem] = []
    notices: list[Problem] = []
    ignored = [display_name(p, data_dir) for p in other if p.name not in ignore]
    for path in readable:
        if step is not None:
            step.advance()
        name = display_name(path, data_dir)
        if path.name.startswith("~$"):
            # Excel's lock file while a workbook is open: not data, and unreadable.
            original = name[: -len(path.name)] + path.name[2:]
            notices.append(Problem(name, None, None, None, Message("overgeslagen: dit is het tijdelijke slotbestand dat Excel maakt zolang '%(original)s' open staat.", original=original), code=Code.EXCEL_LOCK_FILE))
            ignored.append(name)
            continue
        try:
            size = path.stat().st_size
            limit = MAX_XLSX_BYTES if path.suffix.lower() == ".xlsx" else MAX_CSV_BYTES
            if size > limit:
                problems.append(Problem(name, None, None, None, Message("het bestand is %(size)s MB; Netwerkspiegel leest bestanden tot %(limit)s MB. Splits het bestand.", size=_megabytes(size), limit=_megabytes(limit)), code=Code.FILE_TOO_LARGE))
                continue
            content = path.read_bytes()
        except OSError as error:
            problems.append(_unreadable(name, error))
            continue
        if path.suffix.lower() == ".txt" and not _looks_like_table(content):
            ignored.append(name)  # a note beside the exports, not Excel's "Unicode text"
            continue
        key = None
        digest = hashlib.sha256(content).hexdigest()
        if store is not None and store.folder is not None:
            key = store.key("export", limits, name, path.suffix.lower(), digest)
            kept = _cached(store, key)
            if kept is not None:
                tables += kept[0]
                problems += kept[1]
                notices += kept[2]
                continue
        if path.suffix.lower() == ".xlsx":
            sheets, file_problems, file_notices = read_xlsx(content, name)
        else:
            table, file_problems, file_notices = read_csv(content, name)
            sheets = [table] if table is not None else []
        sheets = [replace(sheet, digest=digest) for sheet in sheets]
        tables += sheets
        problems += file_problems
        notices += file_notices
        if store is not None and key is not None:
            store.save("exports", key, pickle.dumps((list(sheets), list(file_problems), list(file_notices)), protocol=5))
    return Loaded(tuple(tables), tuple(sorted(ignored)), tuple(problems), tuple(notices))


def _cached(store: Store, key: str) -> tuple[list[RawTable], list[Problem], list[Problem]] | None:
    """What an earlier build read from a file with these bytes; None when it is not (readably) there."""
    try:
        content = store.load("exports", key)
        if content is None:
            return None
        kept = pickle.loads(content)
    except Exception:  # missing, or written by a build that was killed: read the file again
        return None
    if not (isinstance(kept, tuple) and len(kept) == 3 and all(isinstance(part, list) for part in kept)):
        return None
    return kept


def _looks_like_table(content: bytes) -> bool:
    """A .txt file is read when it is Excel's "Unicode text" (UTF-16) or tab-separated."""
    return content.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\t" in content.split(b"\n", 1)[0]


def _megabytes(size: int) -> int:
    return math.ceil(size / (1024 * 1024))


def decode(content: bytes) -> tuple[str | None, Message | None]:
    """(text, None), or (None, the reason).

    UTF-16 when it says so (a byte-order mark: Excel's "Unicode text"), else UTF-8 (with or without
    BOM), else Windows-1252. A file that is partly UTF-8 and partly something else cannot be read
    right either way, so it is refused with the first row that is not UTF-8."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, Message("het bestand begint als UTF-16 ('Unicode-tekst') maar is dat niet; sla het opnieuw op als 'CSV UTF-8'.")
    if b"\x00" in content[:8192]:
        return None, Message("dit is geen tekstbestand; bewaar het als CSV (UTF-8 of Windows-1252).")
    try:
        return content.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        first_bad = error.start
    ascii_only_before = content[:first_bad].isascii()
    try:
        content[first_bad:].decode("utf-8", "strict")
    except UnicodeDecodeError:
        pass
    utf8_elsewhere = not ascii_only_before or _has_utf8_sequence(content)
    if utf8_elsewhere:
        row = content[:first_bad].count(b"\n") + 1
        return None, Message(
            "het bestand mengt twee tekensets: het meeste is UTF-8, maar regel %(row)s niet (bijvoorbeeld een "
            "é of ë uit een ander programma). Open het in een teksteditor of Excel en sla het op als 'CSV UTF-8'.", row=str(row)
        )
    try:
        return content.decode("cp1252"), None
    except UnicodeDecodeError:
        return None, Message("het bestand bevat tekens die geen UTF-8 en geen Windows-1252 zijn; sla het op als 'CSV UTF-8'.")


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequence(content: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(content) is not None


def sniff_delimiter(first_line: str) -> str:
    """Comma, semicolon or tab: whichever splits the header line most (outside quotes)."""
    outside = "".join(part for index, part in enumerate(first_line.split('"')) if index % 2 == 0)
    counts = {delimiter: outside.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts.values())
    return next(d for d in (",", ";", "\t") if counts[d] == best) if best else ","


_CSV_ERRORS = (
    ("unexpected end of data", Message("een aanhalingsteken (\") in deze rij wordt nooit gesloten, zodat alles tot het eind van het bestand één cel zou worden. Verwijder het aanhalingsteken of sluit het.")),
    ("expected after", Message("na een gesloten aanhalingsteken (\") volgt nog tekst in dezelfde cel. Zet de hele cel tussen aanhalingstekens en verdubbel de aanhalingstekens erin (\"\").")),
    ("field larger than field limit", Message("een cel is langer dan %(limit)s tekens (de grens van Excel).", limit=MAX_CELL_CHARS)),
    ("new-line character seen in unquoted field", Message("een regeleinde midden in een cel zonder aanhalingstekens; sla het bestand opnieuw op als CSV.")),
)




def read_csv(content: bytes, name: str) -> tuple[RawTable | None, list[Problem], list[Problem]]:
    text, reason = decode(content)
    if text is None:
        return None, [Problem(name, None, None, None, reason or Message("dit is geen tekstbestand; bewaar het als CSV (UTF-8 of Windows-1252)."), code=Code.NOT_TEXT)], []
    text = text.lstrip("\ufeff")
    if not text.strip():
        return None, [Problem(name, None, None, None, Message("het bestand is leeg."), code=Code.EMPTY)], []
    notices: list[Problem] = []
    lines = text.split("\n", 1)
    separator = _SEP_LINE.match(lines[0].rstrip("\r"))
    if separator:  # Excel's hint for the separator; Excel hides this line, so rows count after it
        delimiter, text = separator.group(1), (lines[1] if len(lines) > 1 else "")
    else:
        delimiter = sniff_delimiter(text.lstrip("\r\n").splitlines()[0])
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    invisible = _INVISIBLE.search(text) is not None
    csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    # An export repeats the same few values (network, moment, participant, indicator, score) in
    # every row: one string object per distinct value, not one per cell, keeps a million rows in a
    # few hundred megabytes less (`map` in C: a free text is there once anyway).
    shared: dict[str, str] = {}
    try:
        for record in reader:
            records.append(list(map(shared.setdefault, record, record)))
            if len(records) > MAX_ROWS:
                return None, [Problem(name, None, None, None, Message("het bestand heeft meer dan %(limit)s rijen (de grens van Excel).", limit=MAX_ROWS), code=Code.TOO_MANY_ROWS)], []
    except csv.Error as error:
        message = next((dutch for english, dutch in _CSV_ERRORS if english in str(error)), Message("het CSV-bestand is beschadigd en kan niet worden gelezen."))
        return None, [Problem(name, len(records) + 1, None, None, message, code=Code.MALFORMED_CSV)], []
    if invisible:
        records, first = _clean_records(records)
        if first is not None:
            notices.append(_invisible_notice(name, None, first))
    flagged = _flag_error_values(records) if "#" in text else []
    table, problems = _table(name, None, records, notices, flagged, delimiter)
    return table, problems, notices


def is_header_only(notice: Problem) -> bool:
    """Whether a notice says a file or sheet held only its header (a starter workbook not filled in)."""
    return notice.code == Code.HEADER_ONLY


def _invisible_notice(name: str, sheet: str | None, first: tuple[int, int]) -> Problem:
    row, count = first
    return Problem(name, row, None, None, Message("%(count)s onzichtbare tekens of stuurtekens verwijderd (zoals een zero-width space); de eerste staat in deze rij.", count=count), sheet=sheet, code=Code.INVISIBLE_CHARACTERS)


def _clean_records(records: list[list[str]]) -> tuple[list[list[str]], tuple[int, int] | None]:
    """Records without invisible characters, and (first spreadsheet row with one, how many in all)."""
    first_row, removed = None, 0
    cleaned = []
    for number, record in enumerate(records, start=1):
        new = []
        for cell in record:
            found = len(_INVISIBLE.findall(cell))
            if found:
                removed += found
                first_row = first_row or number
                cell = _INVISIBLE.sub("", cell)
            new.append(cell)
        cleaned.append(new)
    return cleaned, ((first_row, removed) if first_row else None)


def _flag_error_values(records: list[list[str]]) -> list[tuple[int, int, str, str]]:
    return [
        (number, index, ERROR_VALUE, cell.strip())
        for number, record in enumerate(records, start=1)
        for index, cell in enumerate(record)
        if cell.strip().upper() in EXCEL_ERRORS
    ]


def _table(name: str, sheet: str | None, records: list, notices: list[Problem], flagged: list[tuple[int, int, str, str]] | None = None,
           delimiter: str | None = None) -> tuple[RawTable | None, list[Problem]]:
    """Header and rows from the records of one sheet; spreadsheet rows are counted from 1."""
    start = 0
    while start < len(records) and not "".join(records[start]).strip():
        start += 1  # leading blank rows still count as rows
    if start == len(records):
        return None, [Problem(name, None, None, None, Message("het blad is leeg.") if sheet else Message("het bestand is leeg."), sheet=sheet, code=Code.EMPTY)]
    header_row = start + 1
    header = tuple(" ".join(cell.split()) for cell in records[start])
    width = len(header)
    problems: list[Problem] = []
    if width > MAX_COLUMNS:
        return None, [Problem(name, header_row, None, None, Message("de kopregel heeft %(width)s kolommen; Excel kent er hoogstens %(limit)s.", width=width, limit=MAX_COLUMNS), sheet=sheet, code=Code.TOO_MANY_COLUMNS)]
    rows, empty = [], []
    for number, record in enumerate(records[start + 1 :], start=header_row + 1):
        cells = tuple(map(str.strip, record))
        if not any(cells):
            empty.append(number)  # an empty row holds nothing to lose, but it is counted
            continue
        if len(cells) > width and any(cells[width:]):
            extra = next(cell for cell in cells[width:] if cell)
            problems.append(Problem(name, number, None, extra, Message("deze rij heeft %(cells)s cellen, de kopregel maar %(width)s; staat er een scheidingsteken te veel in de rij?", cells=len(cells), width=width), sheet=sheet, code=Code.EXTRA_CELLS))
            continue
        if len(cells) < width and delimiter is not None:
            # In a CSV file a short row is a row that lost cells (often to a quote in the row
            # above); guessing which cells are missing would be a guess, so it is a problem.
            problems.append(Problem(name, number, None, None, Message("deze rij heeft %(cells)s cellen, de kopregel %(width)s; vul de ontbrekende scheidingstekens (%(separators)s) aan, ook voor lege cellen.", cells=len(cells), width=width, separators=_delimiter_name(delimiter)), sheet=sheet, code=Code.MISSING_CELLS))
            continue
        if delimiter is not None and width >= 3 and "\n" in "".join(cells):  # `join` in C: most rows have no line break
            swallowed = _swallowed_row(cells, delimiter, width)
            if swallowed is not None:
                problems.append(Problem(name, number, header[swallowed] or None, cells[swallowed], Message("deze cel loopt over meerdere regels en bevat een regel die er uitziet als een eigen rij; staat er een aanhalingsteken (\") te veel in deze rij?"), sheet=sheet, code=Code.RUNAWAY_QUOTE))
                continue
        rows.append((number, cells if len(cells) == width else (cells + ("",) * width)[:width]))
    if not rows and not problems:
        # Nothing to lose, but said: a starter workbook not filled in yet, or an empty export.
        notices.append(Problem(name, None, None, None, Message("het blad bevat alleen een kopregel en nog geen gegevens; het wordt overgeslagen.") if sheet else Message("het bestand bevat alleen een kopregel en nog geen gegevens; het wordt overgeslagen."), sheet=sheet, code=Code.HEADER_ONLY))
        return None, []
    kept = [f for f in (flagged or []) if f[0] > header_row and f[1] < width]
    return RawTable(name, header, tuple(rows), header_row, sheet, tuple(empty), tuple(kept)), problems


def _delimiter_name(delimiter: str) -> Message:
    return {",": Message("komma's"), ";": Message("puntkomma's"), "\t": Message("tabs")}.get(delimiter) or Message("'%(separator)s'", separator=delimiter)


def _swallowed_row(cells: tuple[str, ...], delimiter: str, width: int) -> int | None:
    """The column of a multi-line cell with a line that looks like a row of its own: as many
    separators as a whole row, or the row's own first cell and then more separators."""
    start = cells[0] + delimiter if cells[0] else None
    for index, cell in enumerate(cells):
        if "\n" not in cell:
            continue
        for line in cell.split("\n")[1:]:
            count = line.count(delimiter)
            if count >= width - 1 or (start and line.startswith(start) and count >= 2):
                return index
    return None


def read_xlsx(content: bytes, name: str) -> tuple[list[RawTable], list[Problem], list[Problem]]:
    """Every visible sheet of a workbook that holds data; located problems for what cannot be read."""
    if content.startswith(_OLE_SIGNATURE):
        return [], [Problem(name, None, None, None, Message("het Excel-bestand is beveiligd met een wachtwoord (of is een oud .xls-bestand); sla het op als .xlsx zonder wachtwoord."), code=Code.EXCEL_PROTECTED)], []
    unreadable = [Problem(name, None, None, None, Message("het Excel-bestand is beschadigd of geen echt .xlsx-bestand; open het in Excel en sla het opnieuw op als .xlsx."), code=Code.EXCEL_DAMAGED)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, struct.error):
        # NotImplementedError: a zip feature Python cannot read (a newer version, AES encryption).
        return [], unreadable, []
    too_large = [p for p in parts if p.file_size > MAX_XLSX_PART_BYTES]
    if too_large or sum(p.file_size for p in parts) > MAX_XLSX_TOTAL_BYTES:
        size = max(p.file_size for p in parts)
        return [], [Problem(name, None, None, None, Message("het Excel-bestand pakt uit tot %(total)s MB (één deel %(part)s MB); Netwerkspiegel leest werkmappen tot %(total_limit)s MB en bladen tot %(part_limit)s MB.",
                                total=_megabytes(sum(p.file_size for p in parts)), part=_megabytes(size), total_limit=_megabytes(MAX_XLSX_TOTAL_BYTES), part_limit=_megabytes(MAX_XLSX_PART_BYTES)), code=Code.EXCEL_TOO_LARGE)], []
    import openpyxl

    tables: list[RawTable] = []
    problems: list[Problem] = []
    notices: list[Problem] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns in English about styles it skips
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                for worksheet in workbook.worksheets:
                    if " ".join(worksheet.title.lower().split()) in EXPLANATION_SHEETS:
                        continue  # the workbook's own explanation (documented: never read)
                    if worksheet.sheet_state != "visible":
                        notices.append(Problem(name, None, None, None, Message("dit blad is verborgen in Excel en wordt niet gelezen; maak het zichtbaar als het gegevens bevat die meetellen."), sheet=worksheet.title, code=Code.HIDDEN_SHEET))
                        continue
                    sheet_tables, sheet_problems, sheet_notices = _read_sheet(archive, worksheet, name)
                    tables += sheet_tables
                    problems += sheet_problems
                    notices += sheet_notices
            finally:
                workbook.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError, ParseError, AttributeError, IndexError, RecursionError):
        return [], unreadable, []
    except Exception:  # openpyxl raises its own (and some builtin) types for broken workbooks
        return [], unreadable, []
    if not tables and not problems and not notices:
        problems.append(Problem(name, None, None, None, Message("het Excel-bestand bevat geen gegevens (in zichtbare bladen)."), code=Code.EXCEL_NO_DATA))
    return tables, problems, notices


def _read_sheet(archive: zipfile.ZipFile, worksheet: Any, name: str) -> tuple[list[RawTable], list[Problem], list[Problem]]:
    sheet = worksheet.title
    problems: list[Problem] = []
    notices: list[Problem] = []
    records: list[list[str]] = []
    flagged: list[tuple[int, int, str, str]] = []
    invisible_first, invisible_count = None, 0
    for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            return [], [Problem(name, None, None, None, Message("het blad heeft meer dan %(limit)s rijen.", limit=MAX_ROWS), sheet=sheet, code=Code.TOO_MANY_ROWS)], []
        record = []
        for index, value in enumerate(row):
            text = _cell_text(value)
            if isinstance(value, str):
                if len(value) > MAX_CELL_CHARS:
                    problems.append(Problem(name, number, None, None, Message("een cel is langer dan %(limit)s tekens (de grens van Excel).", limit=MAX_CELL_CHARS), sheet=sheet, code=Code.CELL_TOO_LONG))
                    text = ""
                elif not (value.isascii() and value.isprintable()):
                    found = len(_INVISIBLE.findall(value))
                    if found:
                        invisible_count += found
                        invisible_first = invisible_first or number
                    text = clean_text(text)
                if text.strip().upper() in EXCEL_ERRORS:
                    flagged.append((number, index, ERROR_VALUE, text.strip()))
            record.append(text)
        records.append(record)
    if problems:
        return [], problems, []
    path = getattr(worksheet, "_worksheet_path", None)
    merged: list[str] = []
    if path:
        formulas, merged = _formulas_and_merges(archive, path)
        flagged += [(row, column, FORMULA_WITHOUT_VALUE, formula) for row, column, formula in formulas
                    if row <= len(records) and column < len(records[row - 1]) and not records[row - 1][column]]
    while records and not "".join(records[-1]).strip():
        records.pop()
    if not records:
        return [], [], []  # an empty sheet holds nothing
    if invisible_first is not None:
        notices.append(_invisible_notice(name, sheet, (invisible_first, invisible_count)))
    if merged:
        shown = Message("%(cells)s en %(more)s meer", cells=", ".join(merged[:5]), more=len(merged) - 5) if len(merged) > 5 else ", ".join(merged)
        notices.append(Problem(name, None, None, None, Message("dit blad heeft samengevoegde cellen (%(cells)s). Alleen de eerste cel van zo'n samenvoeging heeft een waarde; de andere zijn leeg voor Netwerkspiegel. Maak de samenvoeging ongedaan en vul elke cel.", cells=shown), sheet=sheet, code=Code.MERGED_CELLS))
    table, table_problems = _table(name, sheet, records, notices, flagged)
    return ([table] if table else []), table_problems, notices


_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _formulas_and_merges(archive: zipfile.ZipFile, path: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Cells with a formula but no computed value, and merged ranges, from the sheet's XML.

    openpyxl gives a formula cell's cached value, or None when the program that saved the file
    did not compute it (a script, some web tools): then the cell looks empty but is not."""
    formulas: list[tuple[int, int, str]] = []
    merged: list[str] = []
    with archive.open(path.lstrip("/")) as source:
        for _, element in iterparse(source):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "c":
                children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
                value = children.get("v")
                if "f" in children and (value is None or not (value.text or "")):
                    found = _CELL_REF.match(element.get("r", ""))
                    if found:
                        formulas.append((int(found.group(2)), _column_index(found.group(1)), "=" + (children["f"].text or "")))
                element.clear()
            elif tag == "mergeCell":
                merged.append(element.get("ref", ""))
            elif tag == "row":
                element.clear()
    return formulas, merged


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _cell_text(value: object) -> str:
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
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
    return str(value)
