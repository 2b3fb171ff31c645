"""Stage 6, charts: each page's charts, its figures filled into the chart kinds.

The kinds (templates) live in `generator.site.chart_kinds`; here the rows of every chart are made from
the aggregated figures, with the chart's summary in words from `generator.analyse.insight`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.analyse import insight
from generator.core.text import number, signed
from generator.site.chart_kinds import (
    CHANGE,
    CHANGE_MATRIX,
    CROSS_STEP,
    MATRIX,
    MEETINGS,
    PARTICIPATION,
    PATHS,
    POSITIONS,
    TREND,
    ChartKinds,
    ChartSpec,
)


@dataclass(frozen=True)
class NetworkCharts:
    positions: ChartSpec | None
    change: ChartSpec | None
    participation: ChartSpec | None
    cycles: ChartSpec | None
    meetings: ChartSpec | None = None
    paths: ChartSpec | None = None


def indicator_label(framework, code: str) -> str:
    return f"{code} {framework.indicator(code).label_nl}"


def _position_rows(figures, view) -> list[dict]:
    framework = view.framework
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
            {"indicator": code, "soort": "pool-links", "x": low, "offset": 50, "tekst": indicator.left_nl},
            {"indicator": code, "soort": "pool-rechts", "x": high, "offset": 50, "tekst": indicator.right_nl},
        ]
        for situation, sign in (("huidig", -1), ("gewenst", 1)):
            spread = figures.spreads.get((code, situation))
            if spread is None:
                continue
            rows.append({"indicator": code, "soort": "band", "situatie": situation, "x": spread.q1, "x2": spread.q3, "offset": 5 * sign})
            rows.append({"indicator": code, "soort": "mediaan", "situatie": situation, "x": spread.median, "n": spread.n,
                         "offset": 6 * sign, "titel": title})
    if not view.is_public:
        stacked: dict[tuple, int] = {}
        for p in sorted(figures.positions_latest, key=lambda p: (p.indicator, p.situation, p.value, p.participant)):
            key = (p.indicator, p.situation, p.value)
            level = min(stacked.get(key, 0), 4)
            stacked[key] = stacked.get(key, 0) + 1
            sign = -1 if p.situation == "huidig" else 1
            rows.append({"indicator": p.indicator, "soort": "kruis", "situatie": p.situation, "x": p.value,
                         "offset": sign * (14 + CROSS_STEP * level), "deelnemer": f"Deelnemer {p.participant}",
                         "titel": indicator_label(framework, p.indicator)})
    return rows


def _dark(value: float, low: float, high: float, diverging: bool = False) -> bool:
    """White text on the darker cells of a colour scale, so every number stays readable."""
    if diverging:
        reach = max(abs(low), abs(high)) or 1
        return abs(value) / reach > 0.6
    return high > low and (value - low) / (high - low) > 0.6


def matrix_rows(cells: list[tuple[str, int, str, int, float, str, str]], diverging: bool = False) -> list[dict]:
    """cells: (row, row order, column, column order, value, text, explanation)."""
    values = [c[4] for c in cells]
    low, high = (min(values), max(values)) if values else (0, 0)
    return [
        {"rij": r, "rij_volgorde": ro, "kolom": c, "kolom_volgorde": co, "waarde": v, "tekst": t, "uitleg": u,
         "donker": _dark(v, min(low, 0) if not diverging else low, high, diverging)}
        for r, ro, c, co, v, t, u in cells
    ]


def network_charts(kinds: ChartKinds, figures, view) -> NetworkCharts:
    """The charts of a network page, from that network's figures."""
    framework = view.framework
    people = dict(figures.participants).get(figures.latest) if figures.latest else None
    positions = None
    rows = _position_rows(figures, view) if figures.latest else []
    if rows:
        summary = insight.positions_summary(figures.network, figures.latest.label, people, figures.starters, framework, view.is_public)
        positions = kinds.make(POSITIONS, rows, summary)

    change = None
    if figures.changes:
        change_rows = [
            {"indicator": indicator_label(framework, c.indicator), "vorige": c.previous, "laatste": c.latest,
             "verschil": round(c.delta, 6), "vorig_moment": figures.previous.label, "laatste_moment": figures.latest.label}
            for c in figures.changes
        ]
        change = kinds.make(CHANGE, change_rows, insight.change_summary(figures.network, figures.previous.label, figures.latest.label, figures.changes, framework))

    stories = dict(figures.stories_per_moment)
    counted = [(m, n) for m, n in figures.participants if n is not None and n > 0]
    participation_rows = [
        {"meetmoment": m.label, "volgorde": order, "deelnemers": n, "reflecties": stories.get(m, 0)}
        for order, (m, n) in enumerate(figures.participants) if n is not None
    ]
    participation = None
    if counted:
        participation = kinds.make(PARTICIPATION, participation_rows, insight.participation_summary(figures.network, [(m.label, n) for m, n in counted]))

    cycles = None
    if figures.stories:
        cycles = kinds.make(MATRIX, value_matrix_rows(figures, framework),
                            insight.cycles_summary(figures.network, [(framework.cycle(code).nl, count) for code, count in figures.cycle_counts]))

    meeting_rows = [
        {"datum": m.date.strftime("%d-%m-%Y"), "volgorde": order, "cijfer": round(m.mean_rating, 6),
         "cijfers": len(m.ratings), "evaluaties": len(m.notes)}
        for order, m in enumerate(figures.meetings) if m.mean_rating is not None
    ]
    meetings = None
    if meeting_rows:
        meetings = kinds.make(MEETINGS, meeting_rows, insight.meetings_summary(figures.network, [(r["datum"], r["cijfer"]) for r in meeting_rows]))

    paths = None
    if len(figures.moments) > 1 and not view.is_public:
        paths = kinds.make(PATHS, _path_rows(figures, view), insight.paths_summary(
            figures.network, figures.moments[0].label, figures.moments[-1].label,
            len({p.participant for p in figures.positions})))
    return NetworkCharts(positions, change, participation, cycles, meetings, paths)


def value_matrix_rows(figures, framework) -> list[dict]:
    """Value cycles × moments: how many reflections, individual and collective; empty cells show '–'."""
    order = {m: i for i, (m, _) in enumerate(figures.stories_per_moment)}
    cells = []
    for c in figures.value_cells:
        cycle = framework.cycle(c.cycle)
        other = c.total - c.individual - c.collective
        explanation = f"{c.total} reflecties: {c.individual} individueel, {c.collective} collectief" + (f", {other} zonder niveau" if other else "")
        cells.append((f"{cycle.code}. {cycle.nl}", cycle.code, c.moment.label, order[c.moment], float(c.total), str(c.total) if c.total else "–", explanation))
    return matrix_rows(cells)


def _path_rows(figures, view) -> list[dict]:
    framework = view.framework
    order = {m: i for i, m in enumerate(figures.moments)}
    rows = [
        {"indicator": indicator_label(framework, p.indicator), "meetmoment": p.moment.label, "volgorde": order[p.moment],
         "score": p.value, "soort": "pad", "deelnemer": f"Deelnemer {p.participant}"}
        for p in figures.positions if p.situation == "huidig" and p.moment in order
    ]
    rows += [
        {"indicator": indicator_label(framework, s.indicator), "meetmoment": s.moment.label, "volgorde": order[s.moment],
         "score": s.median, "soort": "mediaan", "n": s.n}
        for s in figures.stats if s.situation == "huidig" and s.moment in order
    ]
    return rows


@dataclass(frozen=True)
class OverviewCharts:
    medians: ChartSpec | None
    profiles: ChartSpec | None
    changes: ChartSpec | None
    values: ChartSpec | None


def overview_charts(kinds: ChartKinds, figures, view) -> OverviewCharts:
    """All networks side by side, at each network's latest moment."""
    framework = view.framework
    networks = [n for n in figures.networks]
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    median_cells, profile_cells, change_cells, value_cells = [], [], [], []
    for row, network in enumerate(networks):
        latest = network.latest_current
        for code, stat in latest.items():
            median_cells.append((network.network, row, code, order[code], stat.median, number(stat.median),
                                 f"mediaan {number(stat.median)} (n={stat.n}) op {network.latest.label}"))
        for dimension in framework.dimensions:
            values = [latest[i.code].median for i in framework.indicators_of(dimension.code) if i.code in latest]
            if values:
                mean = sum(values) / len(values)
                profile_cells.append((network.network, row, dimension.nl, int(dimension.code), mean, number(mean),
                                      f"gemiddelde van de medianen {number(mean)} op {network.latest.label}"))
        for change in network.changes:
            change_cells.append((network.network, row, change.indicator, order[change.indicator], change.delta,
                                 str(signed(change.delta)),
                                 f"van {number(change.previous)} naar {number(change.latest)} ({network.previous.label} → {network.latest.label})"))
        counts = dict(network.cycle_counts)
        if network.stories:
            for cycle in framework.cycles:
                count = counts.get(cycle.code, 0)
                value_cells.append((network.network, row, cycle.nl, cycle.code, float(count), str(count) if count else "–",
                                    f"{count} reflecties"))

    def make(kind, cells, what, diverging=False):
        if not cells:
            return None
        summary = insight.matrix_summary(what, [(c[0], c[2], c[4]) for c in cells])
        return kinds.make(kind, matrix_rows(cells, diverging), summary)

    return OverviewCharts(
        make(MATRIX, median_cells, "Mediaan van de huidige situatie per netwerk en indicator, op het laatste meetmoment van elk netwerk"),
        make(MATRIX, profile_cells, "Dimensieprofiel: per netwerk het gemiddelde van de medianen van de indicatoren van elke dimensie"),
        make(CHANGE_MATRIX, change_cells, "Verschuiving van de mediaan sinds het vorige meetmoment, per netwerk en indicator", diverging=True),
        make(MATRIX, value_cells, "Aantal reflecties per netwerk en cyclus van waardecreatie"),
    )


def dimension_matrix(kinds: ChartKinds, figures, view, dimension) -> ChartSpec | None:
    """One dimension's indicators × networks at each network's latest moment."""
    cells = []
    for row, network in enumerate(figures.networks):
        for order, indicator in enumerate(view.framework.indicators_of(dimension.code)):
            stat = network.latest_current.get(indicator.code)
            if stat is not None:
                cells.append((network.network, row, indicator_label(view.framework, indicator.code), order, stat.median,
                              number(stat.median), f"mediaan {number(stat.median)} (n={stat.n}) op {network.latest.label}"))
    if not cells:
        return None
    summary = insight.matrix_summary(f"{dimension.nl}: mediaan per netwerk en indicator op het laatste meetmoment van elk netwerk", [(c[0], c[2], c[4]) for c in cells])
    return kinds.make(MATRIX, matrix_rows(cells), summary)


def trend_chart(kinds: ChartKinds, view, stats, indicator: str) -> ChartSpec | None:
    """One indicator's median per network over all moments (current situation)."""
    order = {m: i for i, m in enumerate(view.moments)}
    rows = [
        {"netwerk": s.network, "meetmoment": s.moment.label, "volgorde": order[s.moment], "mediaan": s.median, "n": s.n}
        for s in stats if s.indicator == indicator and s.situation == "huidig"
    ]
    if not rows:
        return None
    label = indicator_label(view.framework, indicator)
    latest = {r["netwerk"]: r["mediaan"] for r in sorted(rows, key=lambda r: r["volgorde"])}  # the last one wins
    return kinds.make(TREND, rows, insight.trend_summary(label, latest))
