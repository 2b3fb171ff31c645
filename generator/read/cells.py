"""Stage 1, read (cells): what single cells mean. Each parser returns None for a cell it cannot read,
so the caller can name the problem with its location."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from generator.core.framework import Framework, fold
from generator.core.moments import FIRST_YEAR, LAST_YEAR, parse_moment

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
# A choice label that starts with its number: "7", "7 - vaak", "7. vaak", "7) vaak", "7 (vaak)".
_LABEL = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)(?:\s*[-–—.:)(]\s*|\s+)(?=\D)")
_YES = {"ja", "j", "yes", "y", "waar", "true", "1"}
_NO = {"nee", "n", "no", "onwaar", "false", "0", ""}
# Google Forms' own CSV ends its times with the zone: `2026/09/27 3:00:00 PM GMT+3`, `… 9:27:31 AM EST`; the
# wall-clock time is kept (the moment is a half year, the meeting a day).
_ZONES = "gmt|utc|z|cet|cest|wet|west|eet|eest|bst|ist|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|aest|aedt"
_YEAR_FIRST = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm)?)?(?:\s*(?:" + _ZONES + r")?\s*[+-]?\d{0,2}(?::?\d{2})?)?$"
)
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$")


class Parsers:
    """The cell parsers of one run, memoised: an export repeats the same few values thousands of times."""

    def __init__(self, framework: Framework, spring_until_month: int = 7):
        self.spring_until_month = spring_until_month
        self.moment = lru_cache(maxsize=None)(parse_moment)
        self.indicator = lru_cache(maxsize=None)(framework.match_indicator)
        self.cycle = lru_cache(maxsize=None)(framework.match_cycle)
        self.fold = lru_cache(maxsize=None)(fold)
        self.indicator_codes = ", ".join(framework.indicator_codes())


def number(text: str) -> float | None:
    """`7`, `6,5` or `6.5`; None for anything else."""
    return float(text.replace(",", ".")) if _NUMBER.match(text) else None


def answer(text: str) -> float | None:
    """A form answer: a number, or a choice label that starts with one (`7 - vaak`)."""
    value = number(text)
    if value is not None:
        return value
    found = _LABEL.match(text)
    return float(found.group(1).replace(",", ".")) if found else None


# Consent is given only by a clear yes. A form's choice may add words to its yes ("Ja, dat mag"),
# but any other words might take it back ("ja, maar alleen intern", "ja (liever niet)"), so
# only these answers, compared without case, accents and punctuation, are a yes.
_CLEAR_YES = frozenset({
    "ja", "j", "yes", "y", "waar", "true", "1", "akkoord", "ja akkoord", "ja graag", "ja hoor",
    "ja prima", "ja dat mag", "ja dat is goed", "ja dat is prima", "ja dat vind ik goed", "ja ik geef toestemming",
    "ik geef toestemming", "ja openbaar", "ja mag openbaar", "ja het mag openbaar", "ja mijn verhaal mag openbaar",
    "ja mijn verhaal mag openbaar worden gedeeld", "ja het mag gedeeld worden", "ja mag gedeeld worden", "ja het mag openbaar gedeeld worden",
    "yes please", "yes that is fine", "yes thats fine", "yes you may", "yes i agree", "i agree", "yes it may be shared",
    "yes it may be made public",
    # A yes that repeats what the site always does: a public story never carries a name.
    "ja zonder naam", "ja zonder mijn naam", "ja anoniem", "ja mag anoniem", "ja anoniem mag", "ja zonder naam mag het",
    "ja zonder naam openbaar", "ja openbaar zonder naam", "ja mag openbaar zonder naam",
    "yes without my name", "yes without name", "yes anonymously", "yes anonymous",
})
_CLEAR_NO_START = ("nee", "no", "niet", "liever niet", "geen", "onwaar", "false")
_YES_WORDS = frozenset({"ja", "yes", "j", "y", "akkoord", "wel", "agree"})


def consent(text: str) -> bool | None:
    """True for a clear yes, False for a no (an empty cell is no), None for anything else.

    A no may add words ("Nee, liever niet"); it stays a no unless a word of yes is among them
    ("ja nee", "nee, ja hoor"), which is unclear."""
    if "?" in text:
        return None  # "ja?" asks rather than answers
    words = re.sub(r"[^\w]+", " ", fold(text)).replace("_", " ").split()
    phrase = " ".join(words)
    if phrase in _CLEAR_YES:
        return True
    if not words or phrase in ("0", "n"):
        return False
    starts_no = any(phrase == start or phrase.startswith(start + " ") for start in _CLEAR_NO_START)
    if starts_no and not _YES_WORDS.intersection(words[1:]) and "ja" not in words:
        return False
    return None


def consent_of(row: tuple[str, ...], columns: tuple[int, ...]) -> tuple[bool, list[int]]:
    """Consent given in a row with these consent columns: all must be a clear yes (no columns: no
    consent). Also the columns whose answer is unclear, for the caller to name."""
    answers = [(index, consent(row[index])) for index in columns]
    unclear = [index for index, answer in answers if answer is None]
    return bool(answers) and all(answer for _, answer in answers), unclear


def date_order(value: str) -> bool | None:
    """True for a slashed date that can only be day-first (`14/3/2026`), False for one that can only
    be month-first (`3/14/2026`), None when it could be either or is no such date."""
    found = _YEAR_LAST.match(value.strip().lower())
    if found:
        first, second = int(found.group(1)), int(found.group(2))
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return None


def day_first(values: list[str], header: str) -> bool | None:
    """Whether slashed dates in a column are day-first (Dutch) or month-first (US); None when the
    column holds both (a date that can only be day-first and one that can only be month-first).

    Decided from the whole column where a day over 12 shows it; otherwise from the header's
    language: Google's English export writes 'Timestamp' with month-first dates.
    """
    orders = {date_order(value) for value in set(values)} - {None}
    if len(orders) == 2:
        return None
    if orders:
        return orders.pop()
    return fold(header) not in ("timestamp", "completion time", "start time")


def timestamp(text: str, is_day_first: bool = True) -> dt.datetime | None:
    """A response time as exports write it: ISO (`2025-03-14 10:22:31`), Dutch (`14-3-2025 10:22`),
    or US (`3/14/2025 10:22:31 AM`) when the column is month-first."""
    value = text.strip().lower()
    found = _YEAR_FIRST.match(value)
    if found:
        year, month, day = int(found.group(1)), int(found.group(2)), int(found.group(3))
        rest = found.groups()[3:7]
    else:
        found = _YEAR_LAST.match(value)
        if not found:
            return None
        first, second, year = int(found.group(1)), int(found.group(2)), int(found.group(3))
        day, month = (first, second) if is_day_first or "-" in value.split()[0] else (second, first)
        rest = found.groups()[3:7]
    hour, minute, second_, half = rest
    hour, minute, second_ = int(hour or 0), int(minute or 0), int(second_ or 0)
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.datetime(year, month, day, hour, minute, second_)
    except ValueError:
        return None
