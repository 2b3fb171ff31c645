"""Stage 3, site (charts): the charts each page shows, declared from the aggregated figures.

A declaration (`Chart`) holds the chart's kind, rows and summary in words (from
`generator.analyse.insight`); the Vega-Lite specifications and static SVGs are made afterwards,
from the charts the pages declare (`generator.site.pages`), by their kinds in
`generator.site.chart_kinds`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from generator.analyse import insight
from generator.analyse.audience import AudienceView
from generator.analyse.figures import Change, Figures, NetworkFigures, Stat
from generator.core.framework import Dimension, Framework, Indicator
from generator.core.language import DUTCH, Translations
from generator.core.vocabulary import ChartKind, Situation, word
from generator.site.chart_kinds import Chart, declare
from generator.site.chart_style import CROSS_STEP

CHANGE, CHANGE_MATRIX, MATRIX, MEETINGS = ChartKind.CHANGE, ChartKind.CHANGE_MATRIX, ChartKind.MATRIX, ChartKind.MEETINGS
PARTICIPATION, PATHS, POSITIONS, TREND = ChartKind.PARTICIPATION, ChartKind.PATHS, ChartKind.POSITIONS, ChartKind.TREND
PICTURE = ChartKind.PICTURE


@dataclass(frozen=True)
class NetworkCharts:
    picture: Chart | None
    positions: tuple[tuple[Dimension, Chart], ...]  # the crosses, one chart per dimension (a screen each in the meeting)
    change: Chart | None
    participation: Chart | None
    cycles: Chart | None
    meetings: Chart | None = None
    paths: Chart | None = None

    def declared(self) -> tuple[Chart, ...]:
        return _present(self.picture, *(chart for _, chart in self.positions), self.change, self.participation, self.cycles, self.meetings, self.paths)


def _present(*charts: Chart | None) -> tuple[Chart, ...]:
    return tuple(chart for chart in charts if chart is not None)


def indicator_label(framework: Framework, code: str) -> str:
    return f"{code} {framework.indicator(code).label}"


def _position_rows(figures: NetworkFigures, view: AudienceView, t: Translations) -> list[dict[str, Any]]:
    framework = view.framework
    situation_words = {situation: t.gettext(word(situation)) for situation in Situation}
    low, high = view.settings.scale_min, view.settings.scale_max
    rows: list[dict] = []
    for indicator in framework.indicators:
        code = indicator.code
        if not any(key[0] == code for key in figures.spreads):
            continue
        title = indicator_label(framework, code)
        rows += [
            {"indicator": code, "soort": "titel", "x": low, "offset": -50, "titel": title},
            {"indicator": code, "soort": "lijn", "x": low, "x2": high, "offset": 0},
            {"indicator": code, "soort": "pool-links", "x": low, "offset": 50, "tekst": indicator.left},
            {"indicator": code, "soort": "pool-rechts", "x": high, "offset": 50, "tekst": indicator.right},
        ]
        for situation, sign in ((Situation.CURRENT, -1), (Situation.DESIRED, 1)):
            spread = figures.spreads.get((code, situation))
            if spread is None:
                continue
            rows.append({"indicator": code, "soort": "band", "situatie": situation_words[situation], "x": spread.q1, "x2": spread.q3, "offset": 5 * sign})
            rows.append({"indicator": code, "soort": "mediaan", "situatie": situation_words[situation], "x": spread.median, "n": spread.n,
                         "offset": 6 * sign, "titel": title})
    for agreed in figures.agreed_latest.values():
        rows.append({"indicator": agreed.indicator, "soort": "gedeeld", "situatie": situation_words[agreed.situation], "x": agreed.value,
                     "offset": 0, "titel": indicator_label(framework, agreed.indicator), "toelichting": agreed.note or "–"})
    if not view.is_public:
        label, participant = _row_labels(framework, t)
        stacked: dict[tuple, int] = {}
        for p in sorted(figures.positions_latest, key=lambda p: (p.indicator, p.situation, p.value, p.participant)):
            key = (p.indicator, p.situation, p.value)
            level = min(stacked.get(key, 0), 4)
            stacked[key] = stacked.get(key, 0) + 1
            sign = -1 if p.situation == Situation.CURRENT else 1
            rows.append({"indicator": p.indicator, "soort": "kruis", "situatie": situation_words[p.situation], "x": p.value,
                         "offset": sign * (14 + CROSS_STEP * level), "deelnemer": participant(p.participant), "titel": label(p.indicator)})
    return rows


class PictureLine(NamedTuple):
    """One indicator in the network's picture: its medians now and desired, the agreed position
    (current situation) and the change of the current median since the previous moment."""

    indicator: Indicator
    current: Stat | None
    desired: Stat | None
    agreed: float | None
    change: Change | None


def picture_lines(figures: NetworkFigures, framework: Framework) -> list[PictureLine]:
    """Every indicator with figures at the network's latest moment (own ones too), in the framework's
    order, so by dimension."""
    latest = figures.latest
    if latest is None:
        return []
    changes = {change.indicator: change for change in figures.changes}
    agreed = figures.agreed_latest
    lines = []
    for indicator in framework.indicators:
        code = indicator.code
        current, desired = figures.stat(latest, code, Situation.CURRENT), figures.stat(latest, code, Situation.DESIRED)
        shared = agreed.get((code, Situation.CURRENT))
        if current is not None or desired is not None or shared is not None:
            lines.append(PictureLine(indicator, current, desired, shared.value if shared is not None else None, changes.get(code)))
    return lines


def _picture_rows(figures: NetworkFigures, view: AudienceView, t: Translations) -> list[dict[str, Any]]:
    """The network's picture at its latest moment (see `picture_lines`): per indicator the line with
    its poles at both ends, the medians now and desired, the agreed position, and where the median was
    at the previous moment."""
    latest = figures.latest
    if latest is None:
        return []
    framework = view.framework
    low, high = view.settings.scale_min, view.settings.scale_max
    marks = {"huidig": t.gettext("nu"), "gewenst": t.gettext("gewenst"), "gedeeld": t.gettext("gedeeld beeld"), "vorig": t.gettext("vorige keer")}
    rows: list[dict[str, Any]] = []
    dimension = None
    for order, (indicator, current, desired, shared, change) in enumerate(picture_lines(figures, framework)):
        title = indicator_label(framework, indicator.code)
        if dimension is not None and indicator.dimension != dimension:
            rows.append({"indicator": title, "volgorde": order, "soort": "grens", "x": low, "x2": high})  # above this row: a new dimension
        dimension = indicator.dimension
        rows += [
            {"indicator": title, "volgorde": order, "soort": "lijn", "x": low, "x2": high},
            {"indicator": title, "volgorde": order, "soort": "pool-links", "x": low, "tekst": indicator.left},
            {"indicator": title, "volgorde": order, "soort": "pool-rechts", "x": high, "tekst": indicator.right},
        ]
        if shared is not None:  # first: drawn under the medians, which stay visible on it
            rows.append({"indicator": title, "volgorde": order, "soort": "teken", "teken": marks["gedeeld"], "x": shared,
                         "moment": t.moment(latest.label)})
        if change is not None and figures.previous is not None:
            rows.append({"indicator": title, "volgorde": order, "soort": "verschuiving", "x": change.previous, "x2": change.latest})
            rows.append({"indicator": title, "volgorde": order, "soort": "teken", "teken": marks["vorig"], "x": change.previous,
                         "moment": t.moment(figures.previous.label)})
        for kind, stat in (("huidig", current), ("gewenst", desired)):
            if stat is not None:
                rows.append({"indicator": title, "volgorde": order, "soort": "teken", "teken": marks[kind], "x": stat.median, "n": stat.n,
                             "moment": t.moment(latest.label)})
    return rows


def _row_labels(framework: Framework, t: Translations) -> tuple[Callable[[str], str], Callable[[int | None], str]]:
    """An indicator's label and a participant's name, each made once per chart: a chart has a row
    per cross, and only a few indicators and participants."""
    return (functools.cache(lambda code: indicator_label(framework, code)),
            functools.cache(lambda number: t.gettext("Deelnemer %(number)s") % {"number": number}))


def _dark(value: float, low: float, high: float, diverging: bool = False) -> bool:
    """White text on the darker cells of a colour scale, so every number stays readable."""
    if diverging:
        reach = max(abs(low), abs(high)) or 1
        return abs(value) / reach > 0.6
    return high > low and (value - low) / (high - low) > 0.6


# (row, row order, column, column order, value, text, explanation)
MatrixCell = tuple[str, int, str, int, float, str, str]


def matrix_rows(cells: list[MatrixCell], diverging: bool = False) -> list[dict[str, Any]]:
    """cells: (row, row order, column, column order, value, text, explanation)."""
    values = [c[4] for c in cells]
    low, high = (min(values), max(values)) if values else (0, 0)
    return [
        {"rij": r, "rij_volgorde": ro, "kolom": c, "kolom_volgorde": co, "waarde": v, "tekst": t, "uitleg": u,
         "donker": _dark(v, min(low, 0) if not diverging else low, high, diverging)}
        for r, ro, c, co, v, t, u in cells
    ]


def network_charts(figures: NetworkFigures, view: AudienceView, t: Translations = DUTCH) -> NetworkCharts:
    """The charts of a network page, from that network's figures."""
    framework = view.framework
    latest, previous = figures.latest, figures.previous
    people = dict(figures.participants).get(latest) if latest else None
    picture = None
    picture_rows = _picture_rows(figures, view, t)
    if picture_rows and latest:
        picture = declare(PICTURE, picture_rows, insight.picture_summary(figures.network, latest.label, previous.label if previous else None,
                                                                          bool(figures.agreed_latest), t))
    positions = []
    rows = _position_rows(figures, view, t) if latest else []
    if rows and latest:
        dimension_of = {indicator.code: indicator.dimension for indicator in framework.indicators}
        for dimension in framework.dimensions:
            part = [row for row in rows if dimension_of.get(row["indicator"]) == dimension.code]
            if part:  # its summary names the conversation starters of its own indicators
                starters = tuple(s for s in figures.starters if dimension_of.get(s.indicator) == dimension.code)
                summary = insight.positions_summary(figures.network, latest.label, people, starters, framework, view.is_public, t)
                positions.append((dimension, declare(POSITIONS, part, f"{dimension.code}. {dimension.name}: {summary}")))

    change = None
    if figures.changes and latest and previous:
        change_rows = [
            {"indicator": indicator_label(framework, c.indicator), "vorige": c.previous, "laatste": c.latest,
             "verschil": round(c.delta, 6), "vorig_moment": t.moment(previous.label), "laatste_moment": t.moment(latest.label)}
            for c in figures.changes
        ]
        change = declare(CHANGE, change_rows, insight.change_summary(figures.network, previous.label, latest.label, figures.changes, framework, t))

    stories = dict(figures.stories_per_moment)
    counted = [(m, n) for m, n in figures.participants if n is not None and n > 0]
    participation_rows = [
        {"meetmoment": t.moment(m.label), "volgorde": order, "deelnemers": n, "reflecties": stories.get(m, 0)}
        for order, (m, n) in enumerate(figures.participants) if n is not None
    ]
    participation = None
    if counted:
        participation = declare(PARTICIPATION, participation_rows, insight.participation_summary(figures.network, [(m.label, n) for m, n in counted], t))

    cycles = None
    if figures.stories:
        cycles = declare(MATRIX, value_matrix_rows(figures, framework, t),
                            insight.cycles_summary(figures.network, [(framework.cycle(code).name, count) for code, count in figures.cycle_counts], t))

    rated = [(order, m, m.mean_rating) for order, m in enumerate(figures.meetings) if m.mean_rating is not None]
    meeting_rows = [
        {"datum": t.date(m.date), "volgorde": order, "cijfer": round(rating, 6), "cijfers": len(m.ratings), "evaluaties": len(m.notes)}
        for order, m, rating in rated
    ]
    meetings = None
    if meeting_rows:
        ratings = [(t.date(m.date), round(rating, 6)) for _, m, rating in rated]
        meetings = declare(MEETINGS, meeting_rows, insight.meetings_summary(figures.network, ratings, t))

    paths = None
    if len(figures.moments) > 1 and not view.is_public:
        asked = framework.for_network(figures.network)
        paths = declare(PATHS, _path_rows(figures, view, t), insight.paths_summary(
            figures.network, figures.moments[0].label, figures.moments[-1].label,
            len({p.participant for p in figures.crosses}), t, dict(figures.participants).get(figures.moments[-1])), tuple(indicator_label(framework, code) for code in asked.indicator_codes()))
    return NetworkCharts(picture, tuple(positions), change, participation, cycles, meetings, paths)


def value_matrix_rows(figures: NetworkFigures, framework: Framework, t: Translations = DUTCH) -> list[dict[str, Any]]:
    """Value cycles × moments: how many reflections, individual and collective; empty cells show '–'."""
    order = {m: i for i, (m, _) in enumerate(figures.stories_per_moment)}
    cells = []
    for c in figures.value_cells:
        cycle = framework.cycle(c.cycle)
        other = c.total - c.individual - c.collective
        values = {"total": c.total, "individual": c.individual, "collective": c.collective, "other": other}
        explanation = (t.ngettext("%(total)s reflectie: %(individual)s individueel, %(collective)s collectief, %(other)s zonder niveau",
                                  "%(total)s reflecties: %(individual)s individueel, %(collective)s collectief, %(other)s zonder niveau", c.total)
                       if other else
                       t.ngettext("%(total)s reflectie: %(individual)s individueel, %(collective)s collectief",
                                  "%(total)s reflecties: %(individual)s individueel, %(collective)s collectief", c.total)) % values
        cells.append((f"{cycle.code}. {cycle.name}", cycle.code, t.moment(c.moment.label), order[c.moment], float(c.total), str(c.total) if c.total else "–", explanation))
    return matrix_rows(cells)


def _path_rows(figures: NetworkFigures, view: AudienceView, t: Translations) -> list[dict[str, Any]]:
    framework = view.framework
    order = {m: i for i, m in enumerate(figures.moments)}
    moment = {m: t.moment(m.label) for m in order}
    label, participant = _row_labels(framework, t)
    rows = [
        {"indicator": label(p.indicator), "meetmoment": moment[p.moment], "volgorde": order[p.moment],
         "score": p.value, "soort": "pad", "deelnemer": participant(p.participant)}
        for p in figures.crosses if p.situation == Situation.CURRENT and p.moment in order
    ]
    rows += [
        {"indicator": label(s.indicator), "meetmoment": moment[s.moment], "volgorde": order[s.moment],
         "score": s.median, "soort": "mediaan", "n": s.n}
        for s in figures.stats if s.situation == Situation.CURRENT and s.moment in order
    ]
    return rows


@dataclass(frozen=True)
class OverviewCharts:
    medians: Chart | None
    profiles: Chart | None
    changes: Chart | None
    values: Chart | None

    def declared(self) -> tuple[Chart, ...]:
        return _present(self.medians, self.profiles, self.changes, self.values)


def overview_charts(figures: Figures, view: AudienceView, t: Translations = DUTCH) -> OverviewCharts:
    """All networks side by side, at each network's latest moment. The public showcase shows only
    the medians and the value creation."""
    framework = view.framework
    networks = [n for n in figures.networks]
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    median_cells: list[MatrixCell] = []
    profile_cells: list[MatrixCell] = []
    change_cells: list[MatrixCell] = []
    value_cells: list[MatrixCell] = []
    for row, network in enumerate(networks):
        latest = network.latest_current
        latest_label = t.moment(network.latest.label) if network.latest else ""
        previous_label = t.moment(network.previous.label) if network.previous else ""
        for code, stat in latest.items():
            median_cells.append((network.network, row, code, order[code], stat.median, t.number(stat.median),
                                 _median_explanation(stat, latest_label, t)))
        for dimension in framework.dimensions:
            values = [latest[i.code].median for i in framework.indicators_of(dimension.code) if i.code in latest]
            if values:
                mean = sum(values) / len(values)
                profile_cells.append((network.network, row, dimension.name, int(dimension.code), mean, t.number(mean),
                                      t.gettext("gemiddelde van de medianen %(mean)s op %(moment)s") % {"mean": t.number(mean), "moment": latest_label}))
        for change in network.changes:
            change_cells.append((network.network, row, change.indicator, order[change.indicator], change.delta,
                                 str(t.signed(change.delta)),
                                 t.gettext("van %(previous)s naar %(latest)s (%(previous_moment)s → %(latest_moment)s)") % {
                                     "previous": t.number(change.previous), "latest": t.number(change.latest),
                                     "previous_moment": previous_label, "latest_moment": latest_label}))
        counts = dict(network.cycle_counts)
        if network.stories:
            for cycle in framework.cycles:
                count = counts.get(cycle.code, 0)
                value_cells.append((network.network, row, cycle.name, cycle.code, float(count), str(count) if count else "–",
                                    t.ngettext("%(count)s reflectie", "%(count)s reflecties", count) % {"count": count}))

    def make(kind: ChartKind, cells: list[MatrixCell], what: str, diverging: bool = False) -> Chart | None:
        if not cells:
            return None
        summary = insight.matrix_summary(what, [(c[0], c[2], c[4]) for c in cells], t)
        return declare(kind, matrix_rows(cells, diverging), summary)

    return OverviewCharts(
        make(MATRIX, median_cells, t.gettext("Mediaan van de huidige situatie per netwerk en indicator, op het laatste meetmoment van elk netwerk")),
        None if view.is_public else make(MATRIX, profile_cells, t.gettext("Dimensieprofiel: per netwerk het gemiddelde van de medianen van de indicatoren van elke dimensie")),
        None if view.is_public else make(CHANGE_MATRIX, change_cells, t.gettext("Verschuiving van de mediaan sinds het vorige meetmoment, per netwerk en indicator"), diverging=True),
        make(MATRIX, value_cells, t.gettext("Aantal reflecties per netwerk en cyclus van waardecreatie")),
    )


def _median_explanation(stat: Stat, moment: str, t: Translations) -> str:
    return t.gettext("mediaan %(median)s (n=%(n)s) op %(moment)s") % {"median": t.number(stat.median), "n": stat.n, "moment": moment}


def dimension_matrix(figures: Figures, view: AudienceView, dimension: Dimension, t: Translations = DUTCH) -> Chart | None:
    """One dimension's indicators × networks at each network's latest moment."""
    cells: list[MatrixCell] = []
    for row, network in enumerate(figures.networks):
        latest_label = t.moment(network.latest.label) if network.latest else ""
        for order, indicator in enumerate(view.framework.indicators_of(dimension.code)):
            stat = network.latest_current.get(indicator.code)
            if stat is not None:
                cells.append((network.network, row, indicator_label(view.framework, indicator.code), order, stat.median,
                              t.number(stat.median), _median_explanation(stat, latest_label, t)))
    if not cells:
        return None
    what = t.gettext("%(dimension)s: mediaan per netwerk en indicator op het laatste meetmoment van elk netwerk") % {"dimension": dimension.name}
    summary = insight.matrix_summary(what, [(c[0], c[2], c[4]) for c in cells], t)
    return declare(MATRIX, matrix_rows(cells), summary)


def trend_chart(view: AudienceView, stats: Sequence[Stat], indicator: str, t: Translations = DUTCH) -> Chart | None:
    """One indicator's median per network over all moments (current situation)."""
    order = {m: i for i, m in enumerate(view.moments)}
    listed = {network: i for i, network in enumerate(view.networks)}  # the networks' one order (`name_order`), not the alphabet's
    rows: list[dict[str, Any]] = [
        {"netwerk": s.network, "netwerk_volgorde": listed.get(s.network, len(listed)), "meetmoment": t.moment(s.moment.label), "volgorde": order[s.moment],
         "mediaan": s.median, "n": s.n}
        for s in stats if s.indicator == indicator and s.situation == Situation.CURRENT
    ]
    if not rows:
        return None
    label = indicator_label(view.framework, indicator)
    latest = {r["netwerk"]: r["mediaan"] for r in sorted(rows, key=lambda r: r["volgorde"])}  # the last one wins
    return declare(TREND, rows, insight.trend_summary(label, latest, t))
