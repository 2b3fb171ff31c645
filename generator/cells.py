"""Part of stage 2: what single cells mean. Each parser returns None for a cell it cannot read,
so the caller can name the problem with its location."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from generator.framework import Framework, fold
from generator.moments import Moment, parse_moment

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
# A choice label that starts with its number: "7", "7 - vaak", "7. vaak", "7) vaak", "7 (vaak)".
_LABEL = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)(?:\s*[-–—.:)(]\s*|\s+)(?=\D)")
_YES = {"ja", "j", "yes", "y", "waar", "true", "1"}
_NO = {"nee", "n", "no", "onwaar", "false", "0", ""}
_YEAR_FIRST = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm)?)?(?:\s*(?:gmt|utc|z)?\s*[+-]?\d{0,2}(?::?\d{2})?)?$"
)
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$")


class Parsers:
    """The cell parsers of one run, memoised: an export repeats the same few values thousands of times."""

    def __init__(self, framework: Framework):
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


def consent(text: str) -> bool | None:
    """Yes/no in Dutch or English (an empty cell is no; a form may add words: 'Ja, dat mag');
    None when unclear."""
    folded = fold(text)
    first = re.split(r"[\s,.;:!]+", folded, maxsplit=1)[0] if folded else ""
    if folded in _YES or (first in _YES and first not in {"1", "y", "j"}):
        return True
    if folded in _NO or (first in _NO and first not in {"0", "n", ""}):
        return False
    return None


def day_first(values: list[str], header: str) -> bool:
    """Whether slashed dates in a column are day-first (Dutch) or month-first (US).

    Decided from the column itself where a day over 12 shows it; otherwise from the header's
    language: Google's English export writes 'Timestamp' with month-first dates.
    """
    for value in values:
        found = _YEAR_LAST.match(value.strip().lower())
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            if first > 12:
                return True
            if second > 12:
                return False
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
    try:
        return dt.datetime(year, month, day, hour, minute, second_)
    except ValueError:
        return None


def half_year(moment_time: dt.datetime | dt.date, spring_until_month: int) -> Moment:
    """The moment a response time falls in: up to and including the given month is voorjaar."""
    season, month = ("voorjaar", 4) if moment_time.month <= spring_until_month else ("najaar", 10)
    return Moment((moment_time.year, month, 0), f"{moment_time.year}-{season}")
