"""Measurement moments (`meetmomenten`): recognised from several spellings, ordered in time.

`2025-voorjaar`, `voorjaar 2025`, `najaar-2025`, `2025 herfst`, ISO dates (`2026-11-24`) and Dutch
dates (`24-11-2026`, `24/11/2026`) are all understood. Moments always sort chronologically, never
alphabetically: `2025-voorjaar` < `2025-najaar` < `2026-voorjaar`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from generator.framework import fold

# season word → (canonical Dutch name, month used for ordering)
_SEASONS = {
    "voorjaar": ("voorjaar", 4),
    "lente": ("voorjaar", 4),
    "spring": ("voorjaar", 4),
    "zomer": ("zomer", 7),
    "summer": ("zomer", 7),
    "najaar": ("najaar", 10),
    "herfst": ("najaar", 10),
    "autumn": ("najaar", 10),
    "fall": ("najaar", 10),
    "winter": ("winter", 12),
}

_SEASON_FIRST = re.compile(r"^([a-z]+)[\s\-_/]*(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[\s\-_/]*([a-z]+)$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")

FORMATS_HELP = "gebruik bijvoorbeeld '2025-voorjaar', 'najaar 2025', '2026-11-24' of '24-11-2026'"


class Moment(NamedTuple):
    """A moment with a key that sorts in time and one canonical label for display.

    A NamedTuple rather than a frozen dataclass: hundreds of thousands of records hash and
    compare moments, and a tuple does that in C.
    """

    key: tuple[int, int, int]
    label: str


def parse_moment(text: str) -> Moment | None:
    """The moment a cell means, or None when it is not a recognised moment."""
    folded = fold(text)
    for pattern, year_group, season_group in ((_SEASON_FIRST, 2, 1), (_YEAR_FIRST, 1, 2)):
        found = pattern.match(folded)
        if found and found.group(season_group) in _SEASONS:
            season, month = _SEASONS[found.group(season_group)]
            year = int(found.group(year_group))
            return Moment((year, month, 0), f"{year}-{season}")
    date = parse_date(folded)
    if date is not None:
        return Moment((date.year, date.month, date.day), date.isoformat())
    return None


def parse_date(text: str) -> dt.date | None:
    """An ISO (`2026-11-24`) or Dutch (`24-11-2026`) date; None when it is neither or impossible."""
    text = text.strip()
    if len(text) > 10 and text[10] in " tT" and text[11:].replace(":", "").strip("0") == "":
        text = text[:10]  # an Excel date arrives as a date-time at midnight
    found = _ISO_DATE.match(text)
    if found:
        year, month, day = (int(part) for part in found.groups())
    else:
        found = _DUTCH_DATE.match(text)
        if not found:
            return None
        day, month, year = (int(part) for part in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def season_of(date: dt.date) -> Moment:
    """The half-year moment a date falls in: January–July is voorjaar, August–December najaar."""
    season, month = ("voorjaar", 4) if date.month <= 7 else ("najaar", 10)
    return Moment((date.year, month, 0), f"{date.year}-{season}")
