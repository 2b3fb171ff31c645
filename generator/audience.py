"""Stage 4, audience: cut the data set down to what one audience may see, before anything else.

Later stages only ever receive an `AudienceView`; names and e-mail addresses do not exist in it.

Participants' names, e-mail addresses and codes are also blanked out of reflection texts and titles
(`[deelnemer]`), because people mention each other in what they write.

- `intern`: every score, each participant replaced by an anonymous position number per network
  (stable across moments, so a position can be followed); every reflection, without its author.
- `publiek`: no individual positions at all: only the score values of groups (network × moment ×
  indicator × situatie) of at least `publiek.minimale_groep` participants; smaller groups are
  listed as left out, so the pages can say so. Only reflections with `openbaar: ja`, without author.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from generator.errors import UsageError
from generator.framework import Framework, fold
from generator.model import Dataset
from generator.moments import Moment
from generator.settings import Settings

INTERNAL = "intern"
PUBLIC = "publiek"
AUDIENCES = (INTERNAL, PUBLIC)


@dataclass(frozen=True)
class Position:
    """One cross on one indicator line. `participant` is an anonymous number, or None in public."""

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


@dataclass(frozen=True)
class Withheld:
    """A group too small for the public site: how many took part, not what they scored."""

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

    @property
    def is_public(self) -> bool:
        return self.audience == PUBLIC


def for_audience(dataset: Dataset, audience: str) -> AudienceView:
    if audience not in AUDIENCES:
        raise UsageError(f"Onbekend publiek '{audience}'; kies 'intern' of 'publiek'.")
    numbers = _anonymous_numbers(dataset)
    positions = [
        Position(s.network, s.moment, numbers[(s.network, fold(s.participant))], s.indicator, s.situation, s.value)
        for s in dataset.scores
    ]
    participants = _participants(positions)
    redact = _redactor(dataset)
    stories = [
        Story(r.network, r.moment, r.cycle, redact(r.text), r.level, redact(r.title) if r.title else None, r.public)
        for r in dataset.reflections
        if audience == INTERNAL or r.public
    ]
    withheld: list[Withheld] = []
    if audience == PUBLIC:
        positions, withheld = _public_groups(positions, dataset.settings.public_min_group)
        participants = {key: n for key, n in participants.items() if n >= dataset.settings.public_min_group}
    positions.sort(key=lambda p: (p.network, p.moment, p.indicator, p.situation, p.value, p.participant or 0))
    return AudienceView(
        audience, dataset.framework, dataset.settings, dataset.networks, dataset.moments,
        tuple(positions), tuple(stories), participants, tuple(withheld),
    )


REDACTED = "[deelnemer]"


def _redactor(dataset: Dataset):
    """A function that blanks out every participant identity (and an e-mail's name part) in text."""
    identities = set()
    for record in (*dataset.scores, *dataset.reflections):
        identity = " ".join(record.participant.split())
        identities.add(identity)
        if "@" in identity:
            local = identity.split("@")[0]
            identities.update({local, " ".join(re.split(r"[._-]+", local))})
    names = sorted((i for i in identities if len(i) >= 3), key=lambda i: (-len(i), i))
    if not names:
        return lambda text: text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
    return lambda text: pattern.sub(REDACTED, text)


def _anonymous_numbers(dataset: Dataset) -> dict[tuple[str, str], int]:
    """Participants numbered per network in the order they first appear in the files."""
    numbers: dict[tuple[str, str], int] = {}
    counters: dict[str, int] = defaultdict(int)
    for score in dataset.scores:
        key = (score.network, fold(score.participant))
        if key not in numbers:
            counters[score.network] += 1
            numbers[key] = counters[score.network]
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
