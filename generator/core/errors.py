"""The few exception types of the library, and located problem records gathered into one report.

Every stage reports what is wrong with the input as `Problem` records; the pipeline collects them
all and raises `InputError` once, so a coach sees every problem in one go. The CLI turns the
exceptions below into messages and exit codes; nothing else in the library prints or exits.
"""

from __future__ import annotations

import errno
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from generator.core.language import DUTCH, N_, Message, Translations


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
    OWN_INDICATOR_CODE = "own-indicator-code"  # not a digit and a letter, one of 1a–4d, or twice
    OWN_INDICATOR = "own-indicator"  # an own indicator without its label, question or poles
    OWN_DIMENSION = "own-dimension"
    # tables and columns (recognise, validate)
    UNRECOGNISED_TABLE = "unrecognised-table"
    MISSING_COLUMN = "missing-column"
    AMBIGUOUS_COLUMNS = "ambiguous-columns"
    UNUSED_COLUMNS = "unused-columns"
    HEADERLESS_COLUMN = "headerless-column"  # a column without a heading that holds data: not read, and said
    MAPPING_WITHOUT_COLUMN = "mapping-without-column"  # a `[kolommen]` entry that names no column of any export
    MAPPING_NOT_READ = "mapping-not-read"  # a mapped meaning that the table it is in does not read
    SETTING_WITHOUT_FILE = "setting-without-file"  # a `[bestanden]` entry for a file that is not there
    SETTING_WITHOUT_NETWORK = "setting-without-network"  # a `[netwerken]` entry for a network no export holds
    SETTING_TWICE = "setting-twice"  # two `[netwerken]` or `[bestanden]` entries for one network or file, under two spellings
    SETTING_NOT_READ = "setting-not-read"  # a `[bestanden]` entry that no table of its file reads
    ANONYMISED_TIMES = "anonymised-times"  # LimeSurvey's 1980-01-01 for every time, and no other moment
    MIXED_DATE_ORDER = "mixed-date-order"  # day-first and month-first dates in one column
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
    UNKNOWN_AGREEMENT_KIND = "unknown-agreement-kind"
    WITHOUT_SCORES = "without-scores"  # a shared picture or agreement of a network or moment with no scores
    NO_PARTICIPANT = "no-participant"
    # across rows and files
    CONFLICTING_SCORES = "conflicting-scores"
    CONFLICTING_SHARED = "conflicting-shared"  # two agreed positions for one indicator and moment
    DUPLICATE_SCORE = "duplicate-score"
    EARLIER_RESPONSE = "earlier-response"
    EARLIER_PARTS = "earlier-parts"
    MEETING_DAYS = "meeting-days"  # a form's evaluations of one half year on several days, and no question for the meeting's date  # a form answer some of whose parts a later answer replaced; the rest still counts
    PARTIAL_PARTICIPANT = "partial-participant"
    NETWORKS_MERGED = "networks-merged"
    SAME_PERSON = "same-person"
    NAME_IN_TYPED_TEXT = "name-in-typed-text"  # only on the internal site's data-quality page (a file, sheet or column name)
    NAME_IN_PUBLIC_TEXT = "name-in-public-text"  # on every page: a warning internally, an error for the public site
    DUPLICATE_AGREEMENT = "duplicate-agreement"
    INDICATOR_NOT_FOR_NETWORK = "indicator-not-for-network"  # an own indicator scored in a network it is not for
    UNKNOWN_NETWORK = "unknown-network"  # the settings name a network the data does not have
    SIZE_BELOW_RESPONSE = "size-below-response"  # `[netwerken."naam"] grootte` below the participants of a moment (over 100 %)
    CHARACTER_NOT_IN_FONTS = "character-not-in-fonts"  # a text a PDF report shows has a character no font of the reports has


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in the input, of a kind (`code`), told by a `Message` in the language
    the coach reads (Dutch unless the command line or the site says otherwise).

    `row` is the row number as a spreadsheet shows it (the header is row 1); `key` locates a
    problem in a settings file instead of a row. Fields that do not apply stay None.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: Message
    key: str | None = None
    sheet: str | None = None
    code: Code = field(kw_only=True)

    def format(self, t: Translations = DUTCH) -> str:
        _ = t.gettext
        where = [_printable(self.file)]
        if self.sheet is not None:
            where.append(_("blad '%(sheet)s'") % {"sheet": _printable(self.sheet)})
        if self.key is not None:
            where.append(_("sleutel '%(key)s'") % {"key": _printable(self.key)})
        if self.row is not None:
            where.append(_("rij %(row)s") % {"row": self.row})
        if self.column is not None:
            where.append(_("kolom '%(column)s'") % {"column": _printable(self.column)})
        text = ", ".join(where)
        if self.value is not None:
            text += ", " + _("waarde '%(value)s'") % {"value": _shorten(self.value)}
        return f"{text}: {_printable(self.message.render(t))}"


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


def problem_kind(problem: Problem, t: Translations = DUTCH) -> str:
    """The message with its values left out: what problems of one kind share."""
    return problem.message.kind(t)


@dataclass(frozen=True)
class Report:
    """All problems found in one run, sorted by file and row so the report reads like the files."""

    problems: tuple[Problem, ...]

    def heading(self, t: Translations = DUTCH) -> str:
        count = len(self.problems)
        return t.ngettext("Netwerkspiegel vond %(count)s probleem in de invoer. Er is niets geschreven.",
                          "Netwerkspiegel vond %(count)s problemen in de invoer. Er is niets geschreven.", count) % {"count": t.whole(count)}

    def format(self, t: Translations = DUTCH) -> str:
        """Every problem, one per line."""
        return "\n".join([self.heading(t)] + [f"- {problem.format(t)}" for problem in self.problems])

    def summary(self, full_list: str | None, t: Translations = DUTCH) -> str:
        """What fits on a screen: every problem when there are few; otherwise per kind the number
        and the first three, and where the full list was written."""
        if len(self.problems) <= FULL_LIST_LIMIT:
            return self.format(t)
        kinds: dict[str, list[Problem]] = {}
        for problem in self.problems:
            kinds.setdefault(problem_kind(problem, t), []).append(problem)
        counts = Counter({kind: len(found) for kind, found in kinds.items()})
        lines = [self.heading(t), t.ngettext("Per soort (%(count)s soort), met de eerste drie voorbeelden:",
                                             "Per soort (%(count)s soorten), met de eerste drie voorbeelden:", len(kinds)) % {"count": len(kinds)}]
        for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            lines.append("- " + t.gettext("%(count)s keer: %(kind)s") % {"count": t.whole(count), "kind": kind})
            lines += [f"    {problem.format(t)}" for problem in kinds[kind][:3]]
        if full_list:
            lines.append(t.gettext("De volledige lijst staat in %(file)s") % {"file": full_list})
            lines.append(t.gettext("Dat bestand (alleen voor jou te lezen) bevat waarden uit de exports, zoals namen van deelnemers; "
                                   "gooi het weg als je klaar bent. Netwerkspiegel ruimt het niet op."))
        return "\n".join(lines)


_OS_REASONS = {
    errno.EACCES: N_("geen toestemming (rechten)"),
    errno.EPERM: N_("geen toestemming (rechten)"),
    errno.ENOENT: N_("bestaat niet"),
    errno.ENOTDIR: N_("een deel van het pad is een bestand, geen map"),
    errno.EISDIR: N_("is een map, geen bestand"),
    errno.ENOSPC: N_("de schijf is vol"),
    errno.EROFS: N_("de schijf is alleen-lezen"),
    errno.ENAMETOOLONG: N_("de naam is te lang"),
    errno.EEXIST: N_("bestaat al"),
    errno.ENOTEMPTY: N_("de map is niet leeg"),
    errno.EXDEV: N_("ligt op een andere schijf"),
    errno.EBUSY: N_("is in gebruik"),
    errno.EIO: N_("leesfout van de schijf"),
    errno.ELOOP: N_("te veel snelkoppelingen (symbolische links) achter elkaar"),
    errno.EFBIG: N_("het bestand wordt te groot (een grens van het systeem, zoals ulimit -f, of de schijf)"),
    errno.EDQUOT: N_("je schijfruimte (quotum) is op"),
    errno.EMFILE: N_("te veel bestanden tegelijk open"),
    errno.ENFILE: N_("te veel bestanden tegelijk open"),
    errno.ENOMEM: N_("niet genoeg geheugen"),
    errno.ETXTBSY: N_("is in gebruik"),
    errno.ENXIO: N_("het apparaat is er niet"),
    errno.ENODEV: N_("het apparaat is er niet"),
}


def os_reason(error: OSError) -> Message:
    """Why the operating system refused, in words (its own text is English and terse)."""
    known = _OS_REASONS.get(error.errno or 0)
    if known is not None:
        reason = Message(known)
    elif error.errno:  # the system's own words (English) with the number, rather than a number alone
        reason = Message("systeemfout %(number)s: %(words)s", number=error.errno, words=os.strerror(error.errno))
    else:
        reason = Message("onbekende systeemfout")
    where = error.filename
    if isinstance(where, bytes):
        where = where.decode("utf-8", "replace")
    if isinstance(where, str):
        where = where.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return Message("%(path)s: %(reason)s", path=where, reason=reason)
    return reason


class NetwerkspiegelError(Exception):
    """Base class of everything the CLI reports as a clean message; `exit_code` is what it exits with."""

    exit_code = 1

    def __init__(self, message: Message):
        self.text = message
        super().__init__(str(message))

    def message(self, t: Translations = DUTCH) -> str:
        return self.text.render(t)


class InputError(NetwerkspiegelError):
    """The data folder or its settings hold problems; nothing has been written."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.report = Report(tuple(sorted(problems, key=_problem_order)))
        Exception.__init__(self, self.report.format())

    def message(self, t: Translations = DUTCH) -> str:
        return self.report.format(t)


def _problem_order(problem: Problem) -> tuple:
    return (problem.file, problem.sheet or "", problem.row or 0, problem.key or "", problem.column or "", str(problem.message))


class BuildError(NetwerkspiegelError):
    """MkDocs or writing the site failed; the previous site_src/ and site/ are left as they were."""


class UsageError(NetwerkspiegelError):
    """A folder or option given on the command line cannot be used; nothing was touched (exit 2)."""

    exit_code = 2


class BusyError(NetwerkspiegelError):
    """Another Netwerkspiegel is building into the same folder right now; nothing was touched."""
