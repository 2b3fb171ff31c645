"""Stage 4, audience: cut the data set down to what one audience may see, before anything else.

Later stages only ever receive an `AudienceView`; names and e-mail addresses do not exist in it.

Participants' names, e-mail addresses and codes are also blanked out of reflection texts and titles
(`[deelnemer]`), because people mention each other in what they write.

- `intern`: meeting evaluations without their author, and what was read and not used (for the
  data-quality page); every score, each participant replaced by an anonymous position number per network
  (stable across moments, so a position can be followed); every reflection, without its author.
- `publiek`: no individual positions at all: only the score values of groups (network × moment ×
  indicator × situatie) of at least `publiek.minimale_groep` participants; smaller groups are
  listed as left out, so the pages can say so. Only reflections with `openbaar: ja`, without author.
  No meeting evaluations and nothing about the input files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from generator.errors import Problem, UsageError
from generator.framework import Framework, fold
from generator.model import Dataset, TableSummary
from generator.moments import Moment
from generator.settings import Settings

INTERNAL = "intern"
PUBLIC = "publiek"
AUDIENCES = (INTERNAL, PUBLIC)


class Position(NamedTuple):
    """One cross on one indicator line. `participant` is an anonymous number, or None in public.

    A NamedTuple, like `Score`: there is one per score, and tuples are cheap to build."""

    network: str
    moment: Moment
    participant: int | None
    indicator: str
    situation: str
    value: float


@dataclass(frozen=True)
class Story:
    network: str
    moment: Moment
    cycle: int
    text: str
    level: str | None
    title: str | None
    public: bool


class MeetingNote(NamedTuple):
    """One evaluation after a meeting, without its author (internal site only)."""

    network: str
    date: dt.date
    tops: str
    tips: str
    rating: float | None


@dataclass(frozen=True)
class Withheld:
    """A group too small for the public site: which group was left out, not what it scored."""

    network: str
    moment: Moment
    indicator: str
    situation: str


@dataclass(frozen=True)
class AudienceView:
    audience: str
    framework: Framework
    settings: Settings
    networks: tuple[str, ...]
    moments: tuple[Moment, ...]
    positions: tuple[Position, ...]
    stories: tuple[Story, ...]
    participants: dict[tuple[str, Moment], int]
    withheld: tuple[Withheld, ...]
    meetings: tuple[MeetingNote, ...] = ()
    # what was read and what was not used, for the internal data-quality page; empty in public
    tables: tuple[TableSummary, ...] = ()
    notices: tuple[Problem, ...] = ()
    ignored_files: tuple[str, ...] = ()
    themes: dict[str, str] = field(default_factory=dict)  # network → its theme, for both audiences

    @property
    def is_public(self) -> bool:
        return self.audience == PUBLIC


def for_audience(dataset: Dataset, audience: str) -> AudienceView:
    if audience not in AUDIENCES:
        raise UsageError(f"Onbekend publiek '{audience}'; kies 'intern' of 'publiek'.")
    numbers = _anonymous_numbers(dataset)
    positions = [
        Position(s.network, s.moment, numbers[(s.network, s.participant)], s.indicator, s.situation, s.value)
        for s in dataset.scores
    ]
    participants = _participants(positions)
    redact = _redactor(dataset)
    stories = [
        Story(r.network, r.moment, r.cycle, redact(r.text), r.level, redact(r.title) if r.title else None, r.public)
        for r in dataset.reflections
        if audience == INTERNAL or r.public
    ]
    meetings = [
        MeetingNote(e.network, e.date, redact(e.tops), redact(e.tips), e.rating)
        for e in dataset.evaluations
    ] if audience == INTERNAL else []
    withheld: list[Withheld] = []
    if audience == PUBLIC:
        positions, withheld = _public_groups(positions, dataset.settings.public_min_group)
        participants = {key: n for key, n in participants.items() if n >= dataset.settings.public_min_group}
    internal = audience == INTERNAL
    return AudienceView(
        audience, dataset.framework, dataset.settings, dataset.networks, dataset.moments,
        tuple(positions), tuple(stories), participants, tuple(withheld),
        meetings=tuple(meetings),
        tables=dataset.tables if internal else (),
        notices=dataset.warnings if internal else (),
        ignored_files=dataset.ignored_files if internal else (),
        themes=dict(dataset.themes),
    )


REDACTED = "[deelnemer]"


def _redactor(dataset: Dataset):
    """A function that blanks out every participant identity (and an e-mail's name part) in text.

    Identities are indexed by their first word, so a text only compiles a pattern for the few
    identities whose first word it contains: one pattern of thousands of names is slow to build.
    """
    identities = set()
    written = {s.participant for s in dataset.scores} | {r.participant for r in dataset.reflections}
    written |= {e.participant for e in dataset.evaluations if e.participant}
    for identity in written:
        identities.add(identity)
        if "@" in identity:
            local = identity.split("@")[0]
            identities.update({local, " ".join(re.split(r"[._-]+", local))})
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for identity in identities:
        words = _WORD.findall(identity.lower())
        if len(identity) >= 3 and words:
            by_first_word[words[0]].append(identity)

    def redact(text: str) -> str:
        candidates = {i for word in set(_WORD.findall(text.lower())) for i in by_first_word.get(word, ())}
        if not candidates:
            return text
        names = sorted(candidates, key=lambda i: (-len(i), i))
        pattern = r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)"
        return re.sub(pattern, REDACTED, text, flags=re.IGNORECASE)

    return redact


_WORD = re.compile(r"\w+")


def _anonymous_numbers(dataset: Dataset) -> dict[tuple[str, str], int]:
    """Participants numbered per network in the order they first appear in the files.

    Keyed by the participant as written; spellings that differ only in case share a number.
    """
    by_folded: dict[tuple[str, str], int] = {}
    numbers: dict[tuple[str, str], int] = {}
    counters: dict[str, int] = defaultdict(int)
    for score in dataset.scores:
        written = (score.network, score.participant)
        if written in numbers:
            continue
        folded = (score.network, fold(score.participant))
        if folded not in by_folded:
            counters[score.network] += 1
            by_folded[folded] = counters[score.network]
        numbers[written] = by_folded[folded]
    return numbers


def _participants(positions: list[Position]) -> dict[tuple[str, Moment], int]:
    people: dict[tuple[str, Moment], set[int]] = defaultdict(set)
    for position in positions:
        people[(position.network, position.moment)].add(position.participant)
    return {key: len(members) for key, members in people.items()}


def _public_groups(positions: list[Position], minimum: int) -> tuple[list[Position], list[Withheld]]:
    groups: dict[tuple, list[Position]] = defaultdict(list)
    for position in positions:
        groups[(position.network, position.moment, position.indicator, position.situation)].append(position)
    kept: list[Position] = []
    withheld: list[Withheld] = []
    for key, members in groups.items():
        if len(members) >= minimum:
            kept += [Position(p.network, p.moment, None, p.indicator, p.situation, p.value) for p in members]
        else:
            withheld.append(Withheld(*key))
    withheld.sort(key=lambda w: (w.network, w.moment, w.indicator, w.situation))
    return kept, withheld
