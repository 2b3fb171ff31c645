"""Stage 2, analyse (aggregate): the figures every page and chart is made of, computed once with pandas.

Per network × moment × indicator × situatie: n, median, mean, min and max. Per network: the latest
moment and the one before it, the change of the median between them, participation over time and
the reflections per value cycle.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

import pandas as pd

from generator.analyse.audience import Agreed, AudienceView, Decision, MeetingNote, Position, Story
from generator.analyse.figures import Change, Figures, Meeting, NetworkFigures, RoleFigures, Stat, ValueCell
from generator.analyse.insight import conversation_starters, role_starters, shared_picture_starters, spreads
from generator.core.language import DUTCH, Translations
from generator.core.moments import Moment
from generator.core.vocabulary import Level, Situation


def compute_stats(positions: tuple[Position, ...]) -> tuple[Stat, ...]:
    if not positions:
        return ()
    # Group on plain strings (pandas hashes those fast) and map the moment labels back afterwards.
    frame = pd.DataFrame(positions, columns=Position._fields)
    moments = {moment.label: moment for moment in set(frame["moment"])}
    frame["moment"] = [moment.label for moment in frame["moment"]]
    grouped = frame.groupby(["network", "moment", "indicator", "situation"], sort=False)["value"]
    table = grouped.agg(["count", "median", "mean", "min", "max"]).reset_index()
    stats = [
        Stat(network, moments[moment], indicator, situation, int(count), float(median), float(mean), float(low), float(high))
        for network, moment, indicator, situation, count, median, mean, low, high in table.itertuples(index=False, name=None)
    ]
    stats.sort(key=lambda s: (s.network, s.moment.key, s.indicator, s.situation))
    return tuple(stats)


def aggregate(view: AudienceView, translations: Translations = DUTCH) -> Figures:
    """The figures of a view; the conversation starters in the language of `translations`."""
    stats = compute_stats(view.positions)
    stats_by_network: dict[str, list[Stat]] = {}
    for stat in stats:
        stats_by_network.setdefault(stat.network, []).append(stat)
    positions_by_network: dict[str, list[Position]] = {}
    for position in view.positions:
        positions_by_network.setdefault(position.network, []).append(position)
    # Grouped once: a per-network scan of every record would grow with the square of the networks.
    agreed_by_network: dict[str, list[Agreed]] = {}
    for agreed in view.agreed:
        agreed_by_network.setdefault(agreed.network, []).append(agreed)
    decisions_by_network: dict[str, list[Decision]] = {}
    for decision in view.decisions:
        decisions_by_network.setdefault(decision.network, []).append(decision)
    stories_by_network: dict[str, list[Story]] = {}
    for story in view.stories:
        stories_by_network.setdefault(story.network, []).append(story)
    networks = tuple(
        _network_figures(view, name, stats_by_network.get(name, []), positions_by_network.get(name, []), stories_by_network.get(name, []), translations,
                         tuple(agreed_by_network.get(name, ())), tuple(decisions_by_network.get(name, ())))
        for name in view.networks
    )
    return Figures(view, networks, stats)


def _network_figures(view: AudienceView, name: str, stats: list[Stat], positions: list[Position], stories: list[Story],
                     translations: Translations, agreed: tuple[Agreed, ...] = (), decisions: tuple[Decision, ...] = ()) -> NetworkFigures:
    scored = sorted({m for (network, m) in view.participants if network == name} | {s.moment for s in stats} | _withheld_moments(view, name))
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
    roles, roles_left_out = _role_figures(view, positions, latest)
    starters += role_starters(view.framework, roles, translations)

    latest_medians = {(s.indicator, s.situation): s.median for s in stats if s.moment == latest}
    starters += shared_picture_starters(view.framework, [a for a in agreed if a.moment == latest], latest_medians, translations)
    story_moments = Counter(s.moment for s in stories)
    all_moments = sorted(set(scored) | set(story_moments))
    cycles = Counter(s.cycle for s in stories)
    return NetworkFigures(
        network=name,
        moments=tuple(scored),
        latest=latest,
        previous=previous,
        stats=tuple(stats),
        changes=tuple(changes),
        participants=tuple((m, _participant_count(view, name, m)) for m in all_moments),
        stories_per_moment=tuple((m, story_moments.get(m, 0)) for m in all_moments),
        stories=tuple(sorted(stories, key=lambda s: (s.cycle, s.moment, s.title or "", s.text))),
        cycle_counts=tuple((c.code, cycles.get(c.code, 0)) for c in view.framework.cycles),
        value_cells=_value_cells(view, stories, all_moments),
        meetings=_meetings(view, name),
        positions=tuple(positions),
        spreads=latest_spreads,
        starters=starters,
        agreed=agreed,
        decisions=decisions,
        roles=roles,
        roles_left_out=roles_left_out,
    )


def _role_figures(view: AudienceView, positions: list[Position], latest: Moment | None) -> tuple[tuple[RoleFigures, ...], tuple[str, ...]]:
    """Per role at the latest moment: the median per indicator (current situation), only for roles
    with at least the minimum group size; the smaller roles are named, not shown."""
    people: dict[str, set[int]] = {}
    values: dict[tuple[str, str], list[float]] = {}
    for p in positions:
        if p.moment == latest and p.role is not None and p.participant is not None and p.situation == Situation.CURRENT:
            people.setdefault(p.role, set()).add(p.participant)
            values.setdefault((p.role, p.indicator), []).append(p.value)
    minimum = view.settings.public_min_group
    shown = tuple(
        RoleFigures(role, len(members), tuple((code, statistics.median(values[(role, code)])) for code in view.framework.indicator_codes() if (role, code) in values))
        for role, members in sorted(people.items()) if len(members) >= minimum
    )
    left_out = tuple(sorted(role for role, members in people.items() if len(members) < minimum))
    return shown, left_out


def _value_cells(view: AudienceView, stories: list[Story], moments: list[Moment]) -> tuple[ValueCell, ...]:
    counts = Counter((s.cycle, s.moment, s.level) for s in stories)
    cells = []
    for cycle in view.framework.cycles:
        for moment in moments:
            individual, collective = counts[(cycle.code, moment, Level.INDIVIDUAL)], counts[(cycle.code, moment, Level.COLLECTIVE)]
            total = individual + collective + counts[(cycle.code, moment, None)]
            cells.append(ValueCell(cycle.code, moment, total, individual, collective))
    return tuple(cells)


def _meetings(view: AudienceView, name: str) -> tuple[Meeting, ...]:
    notes: dict[dt.date, list[MeetingNote]] = {}
    for note in view.meetings:
        if note.network == name:
            notes.setdefault(note.date, []).append(note)
    return tuple(Meeting(date, tuple(items)) for date, items in sorted(notes.items()))


def _participant_count(view: AudienceView, name: str, moment: Moment) -> int | None:
    """How many scored at a moment; None only where the public site withholds a small group."""
    count = view.participants.get((name, moment))
    if count is None and not (view.is_public and moment in _withheld_moments(view, name)):
        return 0
    return count


def _withheld_moments(view: AudienceView, name: str) -> set[Moment]:
    return {w.moment for w in view.withheld if w.network == name}
