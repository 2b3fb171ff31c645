"""Stage 2, analyse (aggregate): the figures every page and chart is made of, computed once with pandas
(or, for a small set of whole, half or quarter points, in plain Python, to exactly the same floats).

Per network × moment × indicator × situatie: n, median, mean, min and max. Per network: the latest
moment and the one before it, the change of the median between them, participation over time and
the reflections per value cycle.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.analyse.audience import Agreed, AudienceView, CarriedScores, Decision, MeetingNote, Position, Story, Withheld
from generator.analyse.figures import Change, Figures, Meeting, NetworkFigures, RoleFigures, ScoreFigures, Stat, ValueCell, pack_positions
from generator.analyse.insight import conversation_starters, role_starters, shared_picture_starters, spreads
from generator.core.language import DUTCH, Translations
from generator.core.moments import Moment
from generator.core.store import value_digest
from generator.core.vocabulary import Level, Situation

# Up to this many crosses, when every value is a multiple of a quarter (as every score on a scale of
# whole or half points is), the figures are computed in plain Python: exactly what pandas gives (see
# `_exact_in_python`), without importing pandas (a quarter of a second), as in a rebuild that analyses
# only the networks whose scores changed, or a network or two of a school.
PLAIN_PYTHON_UP_TO = 100_000


def compute_stats(positions: tuple[Position, ...]) -> tuple[Stat, ...]:
    if not positions:
        return ()
    if len(positions) <= PLAIN_PYTHON_UP_TO and _exact_in_python(positions):
        return _stats_in_python(positions)
    return _stats_with_pandas(positions)


def _stats_with_pandas(positions: tuple[Position, ...]) -> tuple[Stat, ...]:
    import pandas as pd  # here, not at the top: most rebuilds never need it

    # The frame is made column by column, each column in C, and grouped on plain strings (pandas
    # hashes those fast, an enum or a moment through Python); moments and situations are mapped back afterwards.
    moment_of = {moment.label: moment for moment in set(map(_MOMENT, positions))}
    frame = pd.DataFrame({
        "network": list(map(_NETWORK, positions)),
        "moment": list(map(_MOMENT_LABEL, positions)),
        "indicator": list(map(_INDICATOR, positions)),
        "situation": list(map(str.__str__, map(_SITUATION, positions))),  # the plain string, made in C
        "value": list(map(_VALUE, positions)),
    })
    frame["value"] = frame["value"].astype("float64")  # every statistic a float, whatever the numbers were
    grouped = frame.groupby(["network", "moment", "indicator", "situation"], sort=False)["value"]
    table = grouped.agg(["count", "median", "mean", "min", "max"]).reset_index()
    situation_of = {situation.value: situation for situation in Situation}
    stats = [  # `tolist` gives Python's own int and float
        Stat(network, moment_of[moment], indicator, situation_of[situation], count, median, mean, low, high)
        for network, moment, indicator, situation, count, median, mean, low, high in zip(*(table[column].tolist() for column in table.columns), strict=True)
    ]
    stats.sort(key=_STAT_ORDER)
    return tuple(stats)


def _exact_in_python(positions: tuple[Position, ...]) -> bool:
    """Whether every value is a finite multiple of a quarter (not -0.0), small enough that every sum
    of them is exact (a multiple of a quarter below 2**50 is a float exactly): then pandas'
    compensated sum and Python's plain one are both the exact sum, and the mean (sum / n), median
    (the middle value, or the two middle ones' sum / 2), minimum and maximum are the same
    floating-point operations on the same numbers, in both."""
    values = set(map(_VALUE, positions))
    if not all(math.isfinite(value) and float(value * 4).is_integer() for value in values):
        return False
    if max(map(abs, values), default=0.0) * len(positions) > 2.0 ** 50:
        return False
    # -0.0 (a typed "-0") is left to pandas, which keeps its sign in ways Python's sum, min and max do not.
    return not any(value == 0 and math.copysign(1.0, value) < 0 for value in values)


def _stats_in_python(positions: tuple[Position, ...]) -> tuple[Stat, ...]:
    """What the pandas path gives, for values `_exact_in_python` accepts."""
    groups: dict[tuple, list[float]] = {}
    for key, value in zip(map(_GROUP, positions), map(float, map(_VALUE, positions)), strict=True):
        found = groups.get(key)
        if found is None:
            groups[key] = [value]
        else:
            found.append(value)
    stats = []
    for (network, moment, indicator, situation), values in groups.items():
        count = len(values)
        ordered = sorted(values)
        middle = count // 2
        median = ordered[middle] if count % 2 else (ordered[middle - 1] + ordered[middle]) / 2
        stats.append(Stat(network, moment, indicator, situation, count, median, sum(values, 0.0) / count, min(values), max(values)))
    stats.sort(key=_STAT_ORDER)
    return tuple(stats)


_NETWORK, _MOMENT, _INDICATOR, _VALUE = (operator.attrgetter(name) for name in ("network", "moment", "indicator", "value"))
_MOMENT_LABEL = operator.attrgetter("moment.label")
_GROUP = operator.attrgetter("network", "moment", "indicator", "situation")
_SITUATION = operator.attrgetter("situation")
_STAT_ORDER = operator.attrgetter("network", "moment.key", "indicator", "situation")


@dataclass
class _NetworkPart:
    """Everything of one network that its figures are made of. Grouped in one pass over the view:
    a scan of every record per network would grow with the square of the networks."""

    stats: list[Stat] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    agreed: list[Agreed] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    counts: list[tuple[Moment, int]] = field(default_factory=list)  # the view's participant counts, per moment
    withheld: list[Withheld] = field(default_factory=list)  # groups the public site withholds
    meeting_notes: list[MeetingNote] = field(default_factory=list)


def aggregate(view: AudienceView, translations: Translations = DUTCH, carried: Mapping[str, ScoreFigures] | None = None,
              digests: Mapping[str, str] | None = None) -> Figures:
    """The figures of a view; the conversation starters in the language of `translations`.

    `carried`: the score figures an earlier build made of networks whose scores are the same (the
    view has left their positions out, see `for_audience`); `digests`: per network, a digest of
    what its scores are made from (`Dataset.score_inputs`), which the figures keep in place of a
    hash of their positions."""
    carried = carried or {}
    digests = digests or {}
    stats = compute_stats(view.positions)
    parts: defaultdict[str, _NetworkPart] = defaultdict(_NetworkPart)
    for stat in stats:
        parts[stat.network].stats.append(stat)
    for position in view.positions:
        parts[position.network].positions.append(position)
    for agreed in view.agreed:
        parts[agreed.network].agreed.append(agreed)
    for decision in view.decisions:
        parts[decision.network].decisions.append(decision)
    for story in view.stories:
        parts[story.network].stories.append(story)
    for (network, moment), count in view.participants.items():
        parts[network].counts.append((moment, count))
    for withheld in view.withheld:
        parts[withheld.network].withheld.append(withheld)
    for note in view.meetings:
        parts[note.network].meeting_notes.append(note)
    scores = {name: carried.get(name) or _score_figures(view, name, parts[name], translations, digests.get(name)) for name in view.networks}
    networks = tuple(_network_figures(view, name, scores[name], parts[name], translations, name in carried) for name in view.networks)
    # The statistics in network order, as `compute_stats` sorts them: each network's are in order already.
    every_stat = tuple(stat for name in sorted(scores) for stat in scores[name].stats)
    return Figures(view, networks, every_stat, tuple(scores.values()))


def _score_figures(view: AudienceView, name: str, part: _NetworkPart, translations: Translations, digest: str | None) -> ScoreFigures:
    """What the network's scores alone decide (see `ScoreFigures`)."""
    stats, positions = part.stats, part.positions
    scored = sorted({m for m, _ in part.counts} | {s.moment for s in stats} | {group.moment for group in part.withheld})
    latest = scored[-1] if scored else None
    previous = scored[-2] if len(scored) > 1 else None
    changes = []
    if latest and previous:
        lookup = {(s.moment, s.indicator, s.situation): s for s in stats}
        for indicator in view.framework.indicator_codes():
            before, after = lookup.get((previous, indicator, Situation.CURRENT)), lookup.get((latest, indicator, Situation.CURRENT))
            if before and after:
                changes.append(Change(indicator, Situation.CURRENT, before.median, after.median))
    latest_values: dict[tuple[str, Situation], list[float]] = {}
    for position in positions:
        if position.moment == latest:
            latest_values.setdefault((position.indicator, position.situation), []).append(position.value)
    latest_spreads = spreads(latest_values)
    starters = conversation_starters(view.framework, latest_spreads, changes, previous.label if previous else None, translations)
    roles, roles_left_out, for_others = _role_figures(view, positions, latest)
    starters += role_starters(view.framework, roles, translations)
    return ScoreFigures(
        network=name,
        view=CarriedScores(tuple(part.counts), tuple(part.withheld)),
        stats=tuple(stats),
        moments=tuple(scored),
        changes=tuple(changes),
        spreads=latest_spreads,
        starters=starters,
        roles=roles,
        roles_left_out=roles_left_out,
        roles_left_out_for_others=for_others,
        positions_digest=digest or value_digest(tuple(map(tuple, positions))),
        positions_packed=pack_positions(positions),
    )


def _network_figures(view: AudienceView, name: str, score: ScoreFigures, part: _NetworkPart, translations: Translations, carried: bool) -> NetworkFigures:
    """The network's figures: what its scores decide (`score`, made now or taken over when
    `carried`) with its stories, shared picture, decisions and meetings."""
    stories = part.stories
    latest = score.moments[-1] if score.moments else None
    previous = score.moments[-2] if len(score.moments) > 1 else None
    latest_medians = {(s.indicator, s.situation): s.median for s in score.stats if s.moment == latest}
    starters = score.starters + shared_picture_starters(view.framework, [a for a in part.agreed if a.moment == latest], latest_medians, translations)
    withheld = {group.moment for group in score.view.withheld}
    story_moments = Counter(s.moment for s in stories)
    all_moments = sorted(set(score.moments) | set(story_moments))
    cycles = Counter(s.cycle for s in stories)
    return NetworkFigures(
        network=name,
        moments=score.moments,
        latest=latest,
        previous=previous,
        stats=score.stats,
        changes=score.changes,
        participants=tuple((m, _participant_count(view, name, m, withheld)) for m in all_moments),
        stories_per_moment=tuple((m, story_moments.get(m, 0)) for m in all_moments),
        stories=tuple(sorted(stories, key=lambda s: (s.cycle, s.moment, s.title or "", s.text))),
        cycle_counts=tuple((c.code, cycles.get(c.code, 0)) for c in view.framework.cycles),
        value_cells=_value_cells(view, stories, all_moments),
        meetings=_meetings(part.meeting_notes),
        positions=None if carried else tuple(part.positions),
        positions_packed=score.positions_packed if carried else b"",
        spreads=score.spreads,
        starters=starters,
        agreed=tuple(part.agreed),
        decisions=tuple(part.decisions),
        roles=score.roles,
        roles_left_out=score.roles_left_out,
        roles_left_out_for_others=score.roles_left_out_for_others,
        positions_digest=score.positions_digest,
    )


def _role_figures(view: AudienceView, positions: list[Position], latest: Moment | None) -> tuple[tuple[RoleFigures, ...], tuple[str, ...], tuple[str, ...]]:
    """Per role at the latest moment: the median per indicator (current situation), only for roles
    with at least the minimum group size; the smaller roles are named, not shown (left out).

    Beside every anonymous cross, a role's medians also tell something of the crosses outside it:
    five teachers' median next to six crosses leaves two values for the one researcher. So, as
    survey tools suppress a small cell's complement, a role is shown only when the participants
    outside it, and those outside every role shown, are none or at least the minimum; else the
    smallest role shown is left out too (for the others), until that holds."""
    people: dict[str, set[int]] = {}
    present: set[int] = set()
    values: dict[tuple[str, str], list[float]] = {}
    for p in positions:
        if p.moment == latest and p.participant is not None and p.situation == Situation.CURRENT:
            present.add(p.participant)
            if p.role is not None:
                people.setdefault(p.role, set()).add(p.participant)
                values.setdefault((p.role, p.indicator), []).append(p.value)
    minimum = view.settings.public_min_group
    shown = {role: members for role, members in people.items() if len(members) >= minimum}
    for_others: list[str] = []

    def small(group: set[int]) -> bool:
        return 0 < len(group) < minimum

    while shown and (small(present - set().union(*shown.values())) or any(small(present - members) for members in shown.values())):
        smallest = min(shown, key=lambda role: (len(shown[role]), role))
        for_others.append(smallest)
        del shown[smallest]
    figures = tuple(
        RoleFigures(role, len(members), tuple((code, statistics.median(values[(role, code)])) for code in view.framework.indicator_codes() if (role, code) in values))
        for role, members in sorted(shown.items())
    )
    left_out = tuple(sorted(role for role, members in people.items() if len(members) < minimum))
    return figures, left_out, tuple(sorted(for_others))


def _value_cells(view: AudienceView, stories: list[Story], moments: list[Moment]) -> tuple[ValueCell, ...]:
    counts = Counter((s.cycle, s.moment, s.level) for s in stories)
    cells = []
    for cycle in view.framework.cycles:
        for moment in moments:
            individual, collective = counts[(cycle.code, moment, Level.INDIVIDUAL)], counts[(cycle.code, moment, Level.COLLECTIVE)]
            total = individual + collective + counts[(cycle.code, moment, None)]
            cells.append(ValueCell(cycle.code, moment, total, individual, collective))
    return tuple(cells)


def _meetings(notes_of_network: list[MeetingNote]) -> tuple[Meeting, ...]:
    notes: dict[dt.date, list[MeetingNote]] = {}
    for note in notes_of_network:
        notes.setdefault(note.date, []).append(note)
    return tuple(Meeting(date, tuple(items)) for date, items in sorted(notes.items()))


def _participant_count(view: AudienceView, name: str, moment: Moment, withheld: set[Moment]) -> int | None:
    """How many scored at a moment; None only where the public site withholds a small group."""
    count = view.participants.get((name, moment))
    if count is None and not (view.is_public and moment in withheld):
        return 0
    return count
