"""The few exception types of the library, and located problem records gathered into one report.

Every stage reports what is wrong with the input as `Problem` records; the pipeline collects them
all and raises `InputError` once, so a coach sees every problem in one go. The CLI turns the
exceptions below into messages and exit codes; nothing else in the library prints or exits.
"""

from __future__ import annotations

import errno
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum


class Code(StrEnum):
    """What kind of problem a `Problem` is: stable, whatever the wording or language of the message.

    Tests and tools match on the code; the message says it in words, with the values of the case."""

    # reading files (load)
    FILE_UNREADABLE = "file-unreadable"
    FILE_TOO_LARGE = "file-too-large"
    NOT_TEXT = "not-text"  # an encoding that is not text, or text in two encodings
    EMPTY = "empty"
    HEADER_ONLY = "header-only"
    TOO_MANY_ROWS = "too-many-rows"
    TOO_MANY_COLUMNS = "too-many-columns"
    CELL_TOO_LONG = "cell-too-long"
    MALFORMED_CSV = "malformed-csv"
    EXTRA_CELLS = "extra-cells"
    MISSING_CELLS = "missing-cells"
    RUNAWAY_QUOTE = "runaway-quote"
    INVISIBLE_CHARACTERS = "invisible-characters"
    EXCEL_LOCK_FILE = "excel-lock-file"
    EXCEL_PROTECTED = "excel-protected"
    EXCEL_DAMAGED = "excel-damaged"
    EXCEL_TOO_LARGE = "excel-too-large"
    EXCEL_NO_DATA = "excel-no-data"
    HIDDEN_SHEET = "hidden-sheet"
    MERGED_CELLS = "merged-cells"
    EXCEL_ERROR_VALUE = "excel-error-value"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    # the settings file
    SETTINGS_UNREADABLE = "settings-unreadable"
    UNKNOWN_SETTING = "unknown-setting"
    SETTING_VALUE = "setting-value"
    SETTINGS_TABLE = "settings-table"
    UNKNOWN_MEANING = "unknown-meaning"
    SCALE_ORDER = "scale-order"
    LOGO = "logo"
    # tables and columns (recognise, validate)
    UNRECOGNISED_TABLE = "unrecognised-table"
    MISSING_COLUMN = "missing-column"
    AMBIGUOUS_COLUMNS = "ambiguous-columns"
    UNUSED_COLUMNS = "unused-columns"
    NO_SCORES = "no-scores"
    # cells
    MISSING_VALUE = "missing-value"
    LINE_BREAK = "line-break"
    BAD_MOMENT = "bad-moment"
    BAD_DATE = "bad-date"
    BAD_TIME = "bad-time"
    UNKNOWN_INDICATOR = "unknown-indicator"
    UNKNOWN_SITUATION = "unknown-situation"
    UNKNOWN_CYCLE = "unknown-cycle"
    UNKNOWN_LEVEL = "unknown-level"
    NOT_A_NUMBER = "not-a-number"
    SCORE_OUT_OF_SCALE = "score-out-of-scale"
    BAD_RATING = "bad-rating"
    UNCLEAR_CONSENT = "unclear-consent"
    NO_PARTICIPANT = "no-participant"
    # across rows and files
    CONFLICTING_SCORES = "conflicting-scores"
    DUPLICATE_SCORE = "duplicate-score"
    EARLIER_RESPONSE = "earlier-response"
    PARTIAL_PARTICIPANT = "partial-participant"
    NETWORKS_MERGED = "networks-merged"
    SAME_PERSON = "same-person"
    NAME_IN_TYPED_TEXT = "name-in-typed-text"


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in the input, of a kind (`code`), in Dutch as the coach will read it.

    `row` is the row number as a spreadsheet shows it (the header is row 1); `key` locates a
    problem in a settings file instead of a row. Fields that do not apply stay None.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    key: str | None = None
    sheet: str | None = None
    code: Code = field(kw_only=True)

    def format(self) -> str:
        where = [_printable(self.file)]
        if self.sheet is not None:
            where.append(f"blad '{_printable(self.sheet)}'")
        if self.key is not None:
            where.append(f"sleutel '{_printable(self.key)}'")
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column is not None:
            where.append(f"kolom '{_printable(self.column)}'")
        text = ", ".join(where)
        if self.value is not None:
            text += f", waarde '{_shorten(self.value)}'"
        return f"{text}: {_printable(self.message)}"


# Control characters in a message could steer the terminal (escape sequences from a hostile file):
# they are shown as '�'. Line breaks inside a value become spaces.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def _shorten(value: str, limit: int = 60) -> str:
    value = _printable(value.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    return value if len(value) <= limit else value[: limit - 1] + "…"


# Beyond this many problems the report on screen is a summary per kind; the full list goes to a file.
FULL_LIST_LIMIT = 50
_VARIABLE = re.compile(r"'[^']*'|\d+(?:[.,]\d+)?")


def problem_kind(problem: Problem) -> str:
    """The message with its quoted values and numbers left out: what problems of one kind share."""
    return _VARIABLE.sub("…", problem.message)


@dataclass(frozen=True)
class Report:
    """All problems found in one run, sorted by file and row so the report reads like the files."""

    problems: tuple[Problem, ...]

    def heading(self) -> str:
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        return f"Netwerkspiegel vond {count:,} {noun} in de invoer. Er is niets geschreven.".replace(",", ".")

    def format(self) -> str:
        """Every problem, one per line."""
        return "\n".join([self.heading()] + [f"- {problem.format()}" for problem in self.problems])

    def summary(self, full_list: str | None) -> str:
        """What fits on a screen: every problem when there are few; otherwise per kind the number
        and the first three, and where the full list was written."""
        if len(self.problems) <= FULL_LIST_LIMIT:
            return self.format()
        kinds: dict[str, list[Problem]] = {}
        for problem in self.problems:
            kinds.setdefault(problem_kind(problem), []).append(problem)
        counts = Counter({kind: len(found) for kind, found in kinds.items()})
        noun = "soort" if len(kinds) == 1 else "soorten"
        lines = [self.heading(), f"Per soort ({len(kinds)} {noun}), met de eerste drie voorbeelden:"]
        for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"- {count:,} keer: ".replace(",", ".") + kind)
            lines += [f"    {problem.format()}" for problem in kinds[kind][:3]]
        if full_list:
            lines.append(f"De volledige lijst staat in {full_list}")
        return "\n".join(lines)


_OS_REASONS = {
    errno.EACCES: "geen toestemming (rechten)",
    errno.EPERM: "geen toestemming (rechten)",
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EEXIST: "bestaat al",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.EXDEV: "ligt op een andere schijf",
    errno.EBUSY: "is in gebruik",
    errno.EIO: "leesfout van de schijf",
    errno.ELOOP: "te veel snelkoppelingen (symbolische links) achter elkaar",
}


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in Dutch (its own text is English)."""
    reason = _OS_REASONS.get(error.errno or 0, f"systeemfout {error.errno}" if error.errno else "onbekende systeemfout")
    where = error.filename
    if isinstance(where, bytes):
        where = where.decode("utf-8", "replace")
    if isinstance(where, str):
        where = where.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return f"{where}: {reason}"
    return reason


class NetwerkspiegelError(Exception):
    """Base class of everything the CLI reports as a clean message; `exit_code` is what it exits with."""

    exit_code = 1

    def message(self) -> str:
        return str(self)


class InputError(NetwerkspiegelError):
    """The data folder or its settings hold problems; nothing has been written."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.report = Report(tuple(sorted(problems, key=_problem_order)))
        super().__init__(self.report.format())


def _problem_order(problem: Problem) -> tuple:
    return (problem.file, problem.sheet or "", problem.row or 0, problem.key or "", problem.column or "", problem.message)


class BuildError(NetwerkspiegelError):
    """MkDocs or writing the site failed; the previous site_src/ and site/ are left as they were."""


class UsageError(NetwerkspiegelError):
    """A folder or option given on the command line cannot be used; nothing was touched (exit 2)."""

    exit_code = 2


class BusyError(NetwerkspiegelError):
    """Another Netwerkspiegel is building into the same folder right now; nothing was touched."""
