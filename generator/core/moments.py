"""Measurement moments (`meetmomenten`): recognised from several spellings, ordered in time.

`2025-voorjaar`, `voorjaar 2025`, `najaar-2025`, `2025 herfst`, ISO dates (`2026-11-24`) and Dutch
dates (`24-11-2026`, `24/11/2026`) are all understood. Moments always sort chronologically, never
alphabetically: `2025-voorjaar` < `2025-najaar` < `2026-voorjaar`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from generator.core.framework import fold
from generator.core.language import Message

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

# Moments outside these years are typing errors (0, 9999, 2205), never real measurements.
FIRST_YEAR, LAST_YEAR = 1990, 2099

FORMATS_HELP = Message("gebruik bijvoorbeeld '2025-voorjaar', 'najaar 2025', '2026-11-24' of '24-11-2026'")


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
            if not FIRST_YEAR <= year <= LAST_YEAR:
                return None
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
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def half_year(moment_time: dt.datetime | dt.date, spring_until_month: int) -> Moment:
    """The half-year moment a date falls in: January up to and including `spring_until_month`
    (the setting `formulieren.voorjaar_tot_en_met_maand`, by default July) is voorjaar, later najaar.

    The one half-year rule, for form response times and for reflection dates alike."""
    season, month = ("voorjaar", 4) if moment_time.month <= spring_until_month else ("najaar", 10)
    return Moment((moment_time.year, month, 0), f"{moment_time.year}-{season}")


def moment_problem(text: str, lead: Message | None = None) -> Message:
    """Why `text` is not a moment, in words a coach can act on."""
    for year in re.findall(r"(?<!\d)\d{1,4}(?!\d)", text):
        if len(year) == 4 and not FIRST_YEAR <= int(year) <= LAST_YEAR:
            return Message("het jaartal %(year)s ligt niet tussen %(first)s en %(last)s; klopt het jaartal?", year=year, first=str(FIRST_YEAR), last=str(LAST_YEAR))
    return Message("%(lead)s; %(formats)s.", lead=lead or Message("onbekend meetmoment"), formats=FORMATS_HELP)
