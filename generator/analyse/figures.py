"""Part of stage 2, analyse: the figures every page and chart is made of, as frozen records.

Made by `generator.analyse.aggregate` (numbers) and `generator.analyse.insight` (sentences); read by
the site stage.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import NamedTuple

from generator.analyse.audience import Agreed, AudienceView, CarriedScores, Decision, MeetingNote, Position, Story
from generator.core.moments import Moment
from generator.core.vocabulary import Situation, StarterKind


@dataclass(frozen=True)
class Spread:
    indicator: str
    situation: Situation
    n: int
    low: float
    q1: float
    median: float
    q3: float
    high: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1


@dataclass(frozen=True)
class Starter:
    kind: StarterKind
    indicator: str
    sentence: str


class Stat(NamedTuple):
    """n, median, mean, min and max of one network × moment × indicator × situation. A NamedTuple:
    there are hundreds of thousands at 1,000 networks, and a tuple is made in C."""

    network: str
    moment: Moment
    indicator: str
    situation: Situation
    n: int
    median: float
    mean: float
    min: float
    max: float


@dataclass(frozen=True)
class Change:
    indicator: str
    situation: Situation
    previous: float
    latest: float

    @property
    def delta(self) -> float:
        return self.latest - self.previous


@dataclass(frozen=True)
class Meeting:
    """The evaluations of one meeting of one network."""

    date: dt.date
    notes: tuple[MeetingNote, ...]

    @property
    def ratings(self) -> tuple[float, ...]:
        return tuple(n.rating for n in self.notes if n.rating is not None)

    @property
    def mean_rating(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None

    @property
    def tops(self) -> tuple[str, ...]:
        return tuple(n.tops for n in self.notes if n.tops)

    @property
    def tips(self) -> tuple[str, ...]:
        return tuple(n.tips for n in self.notes if n.tips)


class ValueCell(NamedTuple):
    """Reflections in one value cycle at one moment, and how many were individual or collective."""

    cycle: int
    moment: Moment
    total: int
    individual: int
    collective: int


class RoleFigures(NamedTuple):
    """The crosses of one role (leraar, pabostudent, …) at a network's latest moment: how many
    participants, and the median of the current situation per indicator."""

    role: str
    people: int
    medians: tuple[tuple[str, float], ...]

    def median(self, indicator: str) -> float | None:
        return dict(self.medians).get(indicator)


def pack_positions(positions: Sequence[Position]) -> bytes:
    """One network's positions as bytes, column by column: what a later build that takes the
    network's figures over unpacks only when it must make the network's page again."""
    moments = sorted({p.moment for p in positions})
    index = {moment: number for number, moment in enumerate(moments)}
    columns = (moments, [index[p.moment] for p in positions], [p.participant for p in positions], [p.indicator for p in positions],
               [p.situation.value for p in positions], [p.value for p in positions], [p.role for p in positions])
    return pickle.dumps(columns, protocol=5)


def unpack_positions(network: str, packed: bytes) -> tuple[Position, ...]:
    """The positions `pack_positions` packed, equal to the originals."""
    if not packed:
        return ()
    moments, indexes, participants, indicators, situations, values, roles = pickle.loads(packed)
    situation = {member.value: member for member in Situation}
    return tuple(Position(network, moments[m], participant, indicator, situation[s], value, role)
                 for m, participant, indicator, s, value, role in zip(indexes, participants, indicators, situations, values, roles, strict=True))


@dataclass(frozen=True)
class ScoreFigures:
    """Everything of one network's figures that its scores alone decide, in one audience and
    language. A later build whose scores of the network are the same (`Dataset.score_inputs`)
    takes these instead of analysing the scores again; its positions come along packed
    (`positions_packed`), unpacked only when the network's page is made again."""

    network: str
    view: CarriedScores  # what the audience view holds of the scores besides the positions
    stats: tuple[Stat, ...]
    moments: tuple[Moment, ...]  # with participants, figures or withheld groups, in time order
    changes: tuple[Change, ...]
    spreads: dict[tuple[str, Situation], Spread]
    starters: tuple[Starter, ...]  # of the spreads, changes and roles (not of the shared picture)
    roles: tuple[RoleFigures, ...]
    roles_left_out: tuple[str, ...]
    positions_digest: str
    roles_left_out_for_others: tuple[str, ...] = ()
    positions_packed: bytes = b""  # see `pack_positions`


@dataclass(frozen=True)
class NetworkFigures:
    network: str
    moments: tuple[Moment, ...]  # moments with scores, in time order
    latest: Moment | None
    previous: Moment | None
    stats: tuple[Stat, ...]
    changes: tuple[Change, ...]
    participants: tuple[tuple[Moment, int | None], ...]  # None: withheld in public
    stories_per_moment: tuple[tuple[Moment, int], ...]
    stories: tuple[Story, ...]
    cycle_counts: tuple[tuple[int, int], ...]
    value_cells: tuple[ValueCell, ...]  # every cycle × every moment of stories_per_moment
    meetings: tuple[Meeting, ...]
    # Every moment, for the paths over time; None when the figures were taken from an earlier
    # build (`ScoreFigures`): then they are `positions_packed`, unpacked when asked (`crosses`).
    positions: tuple[Position, ...] | None
    spreads: dict[tuple[str, Situation], Spread]  # (indicator, situation) at the latest moment
    starters: tuple[Starter, ...]
    agreed: tuple[Agreed, ...] = ()  # the shared picture, every moment
    decisions: tuple[Decision, ...] = ()  # conclusions and agreements, every moment
    roles: tuple[RoleFigures, ...] = ()  # internal only: roles with at least the minimum group size
    roles_left_out: tuple[str, ...] = ()  # roles too small to show on their own
    roles_left_out_for_others: tuple[str, ...] = ()  # roles whose figure would let the others' crosses be told apart
    positions_digest: str = ""  # what the positions are made from: equal digests, equal positions (a page key hashes this)
    positions_packed: bytes = b""  # the positions of figures taken over (see `pack_positions`)

    def __getstate__(self) -> dict[str, object]:
        """Its fields only, not what `cached_property` found meanwhile (a page's key hashes it)."""
        return {field.name: getattr(self, field.name) for field in fields(self)}

    @property
    def threads(self) -> tuple[tuple[str, tuple[Story, ...]], ...]:
        """The value-creation stories: each a path of reflections through the cycles in order."""
        names = sorted({s.thread for s in self.stories if s.thread})
        return tuple((name, tuple(sorted((s for s in self.stories if s.thread == name), key=lambda s: (s.cycle, s.moment)))) for name in names)

    def threads_in(self, cycle: int) -> tuple[str, ...]:
        return tuple(name for name, parts in self.threads if any(part.cycle == cycle for part in parts))

    @property
    def agreed_latest(self) -> dict[tuple[str, Situation], Agreed]:
        """(indicator, situation) → the agreed cross at the latest moment."""
        return {(a.indicator, a.situation): a for a in self.agreed if a.moment == self.latest}

    @property
    def agreed_moments(self) -> tuple[Moment, ...]:
        return tuple(sorted({a.moment for a in self.agreed}))

    def agreed_at(self, moment: Moment, indicator: str, situation: Situation = Situation.CURRENT) -> Agreed | None:
        return next((a for a in self.agreed if a.moment == moment and a.indicator == indicator and a.situation == situation), None)

    @property
    def decision_moments(self) -> tuple[Moment, ...]:
        """Moments with conclusions or agreements, the latest first."""
        return tuple(sorted({d.moment for d in self.decisions}, reverse=True))

    def decisions_at(self, moment: Moment | None) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.moment == moment)

    @functools.cached_property
    def crosses(self) -> tuple[Position, ...]:
        """The positions: analysed in this build, or unpacked from the figures taken over."""
        if self.positions is None:
            return unpack_positions(self.network, self.positions_packed)
        return self.positions

    @property
    def positions_latest(self) -> tuple[Position, ...]:
        return tuple(p for p in self.crosses if p.moment == self.latest)

    @functools.cached_property
    def latest_current(self) -> dict[str, Stat]:
        """Indicator → its figures for the current situation at the latest moment. Found once per
        network: the overview, the patterns and every dimension page read it (read-only)."""
        return {s.indicator: s for s in self.stats if s.moment == self.latest and s.situation == Situation.CURRENT}

    def stat(self, moment: Moment, indicator: str, situation: Situation) -> Stat | None:
        return next(
            (s for s in self.stats if s.moment == moment and s.indicator == indicator and s.situation == situation),
            None,
        )

    def current_stat(self, moment: Moment, indicator: str) -> Stat | None:
        return self.stat(moment, indicator, Situation.CURRENT)


@dataclass(frozen=True)
class Figures:
    view: AudienceView
    networks: tuple[NetworkFigures, ...]
    stats: tuple[Stat, ...]
    scores: tuple[ScoreFigures, ...] = ()  # per network (empty for one without scores), as a later build may take them over
