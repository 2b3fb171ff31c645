"""Stage 6, charts: Vega-Lite specifications, built with Altair once per chart kind.

Building an Altair chart costs 15–25 ms; a site with hundreds of charts would spend most of its
time there. So each kind is built once per build as a template with a placeholder for its rows
(and its description), serialised with sorted keys, and every chart fills in its own data as JSON.
No selections or params are used, so Altair's automatic `view_N`/`param_N` names never appear.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import altair as alt

from generator.settings import Settings

_ROWS = "__NETWERKSPIEGEL_ROWS__"
_DESCRIPTION = "__NETWERKSPIEGEL_DESCRIPTION__"

POSITIONS = "kruisjes"
CHANGE = "verandering"
PARTICIPATION = "deelname"
CYCLES = "waardecycli"
TREND = "verloop"
MEETINGS = "bijeenkomsten"

# Okabe–Ito colours: distinguishable with every common form of colour blindness.
SITUATION_COLOURS = {"huidig": "#0072B2", "gewenst": "#E69F00"}
SITUATION_SHAPES = {"huidig": "circle", "gewenst": "diamond"}
CATEGORY_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


@dataclass(frozen=True)
class ChartSpec:
    """A finished chart: its kind, its one-line description and the Vega-Lite JSON text."""

    kind: str
    description: str
    json: str


def _json(value) -> str:
    # `</` inside a <script> block would end it early: user text must never be able to do that.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


class ChartKinds:
    """Every chart kind as a serialised template, built once for one scale."""

    def __init__(self, settings: Settings):
        domain = [settings.scale_min, settings.scale_max]
        builders = {
            POSITIONS: _positions_chart(domain),
            CHANGE: _change_chart(domain),
            PARTICIPATION: _participation_chart(),
            CYCLES: _cycles_chart(),
            TREND: _trend_chart(domain),
            MEETINGS: _meetings_chart(),
        }
        self._templates = {kind: self._template(chart) for kind, chart in builders.items()}

    @staticmethod
    def _template(chart: alt.TopLevelMixin) -> tuple[str, str]:
        # Width follows the page; height is fixed or per row, so only the width is fitted.
        autosize = alt.AutoSizeParams(type="fit-x", contains="padding")
        spec = chart.properties(description=_DESCRIPTION, autosize=autosize).to_dict()
        spec["data"] = {"values": _ROWS}
        text = _json(spec)
        head, tail = text.split(f'"{_ROWS}"')
        return head, tail

    def make(self, kind: str, rows: list[dict], description: str) -> ChartSpec:
        head, tail = self._templates[kind]
        text = head + _json(rows) + tail
        text = text.replace(f'"{_DESCRIPTION}"', _json(description), 1)
        return ChartSpec(kind, description, text)


def _base(placeholder_row: dict) -> alt.Chart:
    return alt.Chart(alt.Data(values=[placeholder_row])).properties(width="container")


def _situation_colour() -> alt.Color:
    return alt.Color(
        "situatie:N",
        title="Situatie",
        scale=alt.Scale(domain=list(SITUATION_COLOURS), range=list(SITUATION_COLOURS.values())),
        legend=alt.Legend(orient="top"),
    )


def _situation_shape() -> alt.Shape:
    return alt.Shape(
        "situatie:N",
        title="Situatie",
        scale=alt.Scale(domain=list(SITUATION_SHAPES), range=list(SITUATION_SHAPES.values())),
        legend=alt.Legend(orient="top"),
    )


def _positions_chart(domain: list[float]) -> alt.LayerChart:
    """Per indicator a line on the scale: each participant's cross and the group's median."""
    base = _base({"indicator": "", "score": 0, "situatie": "huidig", "soort": "mediaan"}).encode(
        y=alt.Y("indicator:N", title=None, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("situatie:N", scale=alt.Scale(domain=list(SITUATION_COLOURS))),
        x=alt.X("score:Q", title="Positie op de lijn", scale=alt.Scale(domain=domain, nice=False)),
        color=_situation_colour(),
    )
    crosses = base.transform_filter(alt.datum.soort == "deelnemer").mark_point(size=70, filled=False, strokeWidth=2, opacity=0.75).encode(
        shape=_situation_shape(),
        tooltip=[
            alt.Tooltip("indicator:N", title="Indicator"),
            alt.Tooltip("deelnemer:N", title="Deelnemer"),
            alt.Tooltip("situatie:N", title="Situatie"),
            alt.Tooltip("score:Q", title="Positie", format=".1f"),
            alt.Tooltip("links:N", title="Linkerpool"),
            alt.Tooltip("rechts:N", title="Rechterpool"),
        ],
    )
    medians = base.transform_filter(alt.datum.soort == "mediaan").mark_tick(thickness=4, size=22).encode(
        tooltip=[
            alt.Tooltip("indicator:N", title="Indicator"),
            alt.Tooltip("situatie:N", title="Situatie"),
            alt.Tooltip("score:Q", title="Mediaan", format=".1f"),
            alt.Tooltip("n:Q", title="Aantal deelnemers"),
            alt.Tooltip("links:N", title="Linkerpool"),
            alt.Tooltip("rechts:N", title="Rechterpool"),
        ],
    )
    return alt.layer(crosses, medians).properties(height=alt.Step(18))


def _change_chart(domain: list[float]) -> alt.LayerChart:
    """Per indicator the median at the previous and the latest moment, joined by a line."""
    base = _base({"indicator": "", "vorige": 0, "laatste": 0}).encode(
        y=alt.Y("indicator:N", title=None, axis=alt.Axis(labelLimit=260)),
    )
    tooltip = [
        alt.Tooltip("indicator:N", title="Indicator"),
        alt.Tooltip("vorig_moment:N", title="Vorig meetmoment"),
        alt.Tooltip("vorige:Q", title="Mediaan toen", format=".1f"),
        alt.Tooltip("laatste_moment:N", title="Laatste meetmoment"),
        alt.Tooltip("laatste:Q", title="Mediaan nu", format=".1f"),
        alt.Tooltip("verschil:Q", title="Verschil", format="+.1f"),
    ]
    x_scale = alt.Scale(domain=domain, nice=False)
    line = base.mark_rule(strokeWidth=3, color="#999999").encode(
        x=alt.X("vorige:Q", title="Mediaan (huidige situatie)", scale=x_scale), x2="laatste:Q", tooltip=tooltip
    )
    before = base.mark_point(size=90, filled=False, strokeWidth=2, color="#666666", shape="circle").encode(
        x=alt.X("vorige:Q", scale=x_scale), tooltip=tooltip
    )
    after = base.mark_point(size=110, filled=True, color=SITUATION_COLOURS["huidig"], shape="diamond").encode(
        x=alt.X("laatste:Q", scale=x_scale), tooltip=tooltip
    )
    return alt.layer(line, before, after).properties(height=alt.Step(26))


def _participation_chart() -> alt.Chart:
    """Participants per moment, in time order."""
    return _base({"meetmoment": "", "volgorde": 0, "deelnemers": 0}).mark_bar(color=SITUATION_COLOURS["huidig"]).encode(
        x=alt.X("meetmoment:N", title="Meetmoment", sort=alt.EncodingSortField(field="volgorde", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("deelnemers:Q", title="Deelnemers", axis=alt.Axis(tickMinStep=1)),
        tooltip=[
            alt.Tooltip("meetmoment:N", title="Meetmoment"),
            alt.Tooltip("deelnemers:Q", title="Deelnemers met scores"),
            alt.Tooltip("reflecties:Q", title="Reflecties"),
        ],
    ).properties(height=220)


def _cycles_chart() -> alt.Chart:
    """Reflections per value-creation cycle, all five cycles shown, also those never reached."""
    return _base({"cyclus": "", "aantal": 0}).mark_bar(color=CATEGORY_COLOURS[2]).encode(
        y=alt.Y("cyclus:N", title=None, sort=alt.EncodingSortField(field="code", op="min"), axis=alt.Axis(labelLimit=220)),
        x=alt.X("aantal:Q", title="Aantal reflecties", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("cyclus:N", title="Waardecyclus"), alt.Tooltip("aantal:Q", title="Reflecties")],
    ).properties(height=alt.Step(26))


def _trend_chart(domain: list[float]) -> alt.LayerChart:
    """The median of one indicator per network over all moments."""
    base = _base({"netwerk": "", "meetmoment": "", "volgorde": 0, "mediaan": 0}).encode(
        x=alt.X("meetmoment:N", title="Meetmoment", sort=alt.EncodingSortField(field="volgorde", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("mediaan:Q", title="Mediaan (huidige situatie)", scale=alt.Scale(domain=domain, nice=False)),
        color=alt.Color("netwerk:N", title="Netwerk", scale=alt.Scale(range=CATEGORY_COLOURS), legend=alt.Legend(orient="bottom", columns=2, labelLimit=300)),
    )
    tooltip = [
        alt.Tooltip("netwerk:N", title="Netwerk"),
        alt.Tooltip("meetmoment:N", title="Meetmoment"),
        alt.Tooltip("mediaan:Q", title="Mediaan", format=".1f"),
        alt.Tooltip("n:Q", title="Aantal deelnemers"),
    ]
    line = base.mark_line(strokeWidth=2).encode(detail="netwerk:N")
    points = base.mark_point(size=60, filled=True).encode(shape=alt.Shape("netwerk:N", title="Netwerk", legend=None), tooltip=tooltip)
    return alt.layer(line, points).properties(height=260)


def _meetings_chart() -> alt.LayerChart:
    """The mean rating of each meeting, in time order."""
    base = _base({"datum": "", "volgorde": 0, "cijfer": 0}).encode(
        x=alt.X("datum:N", title="Bijeenkomst", sort=alt.EncodingSortField(field="volgorde", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("cijfer:Q", title="Gemiddeld cijfer", scale=alt.Scale(domain=[1, 10], nice=False)),
        tooltip=[
            alt.Tooltip("datum:N", title="Bijeenkomst"),
            alt.Tooltip("cijfer:Q", title="Gemiddeld cijfer", format=".1f"),
            alt.Tooltip("cijfers:Q", title="Aantal cijfers"),
            alt.Tooltip("evaluaties:Q", title="Evaluaties"),
        ],
    )
    line = base.mark_line(strokeWidth=2, color=CATEGORY_COLOURS[0])
    points = base.mark_point(size=70, filled=True, color=CATEGORY_COLOURS[0])
    return alt.layer(line, points).properties(height=220)


@dataclass(frozen=True)
class NetworkCharts:
    positions: ChartSpec | None
    change: ChartSpec | None
    participation: ChartSpec | None
    cycles: ChartSpec | None
    meetings: ChartSpec | None = None


def indicator_label(framework, code: str) -> str:
    return f"{code} {framework.indicator(code).label_nl}"


def network_charts(kinds: ChartKinds, figures, view) -> NetworkCharts:
    """The four charts of a network page, from that network's figures."""
    framework = view.framework
    poles = {ind.code: (ind.left_nl, ind.right_nl) for ind in framework.indicators}
    rows: list[dict] = []
    if not view.is_public:
        for p in figures.positions_latest:
            left, right = poles[p.indicator]
            rows.append({"indicator": indicator_label(framework, p.indicator), "score": p.value, "situatie": p.situation,
                         "soort": "deelnemer", "deelnemer": f"Deelnemer {p.participant}", "links": left, "rechts": right})
    for stat in figures.stats:
        if stat.moment == figures.latest:
            left, right = poles[stat.indicator]
            rows.append({"indicator": indicator_label(framework, stat.indicator), "score": stat.median, "situatie": stat.situation,
                         "soort": "mediaan", "n": stat.n, "links": left, "rechts": right})
    positions = None
    if rows:
        people = dict(figures.participants).get(figures.latest)
        who = "de mediaan van de groep" if view.is_public else f"de kruisjes van {people} deelnemers en de mediaan van de groep"
        positions = kinds.make(POSITIONS, rows, f"{figures.network}, {figures.latest.label}: {who} per indicator, huidige en gewenste situatie.")

    change = None
    if figures.changes:
        change_rows = [
            {"indicator": indicator_label(framework, c.indicator), "vorige": c.previous, "laatste": c.latest,
             "verschil": round(c.delta, 6), "vorig_moment": figures.previous.label, "laatste_moment": figures.latest.label}
            for c in figures.changes
        ]
        change = kinds.make(CHANGE, change_rows, f"{figures.network}: verandering van de mediaan per indicator van {figures.previous.label} naar {figures.latest.label}.")

    stories = dict(figures.stories_per_moment)
    participation_rows = [
        {"meetmoment": m.label, "volgorde": order, "deelnemers": n, "reflecties": stories.get(m, 0)}
        for order, (m, n) in enumerate(figures.participants) if n is not None
    ]
    participation = None
    if participation_rows:
        participation = kinds.make(PARTICIPATION, participation_rows, f"{figures.network}: aantal deelnemers met scores per meetmoment.")

    cycles = None
    if figures.stories:
        cycle_rows = [{"cyclus": f"{code} {framework.cycle(code).nl}", "code": code, "aantal": count} for code, count in figures.cycle_counts]
        cycles = kinds.make(CYCLES, cycle_rows, f"{figures.network}: aantal reflecties per waardecyclus.")
    meeting_rows = [
        {"datum": m.date.strftime("%d-%m-%Y"), "volgorde": order, "cijfer": round(m.mean_rating, 6),
         "cijfers": len(m.ratings), "evaluaties": len(m.notes)}
        for order, m in enumerate(figures.meetings) if m.mean_rating is not None
    ]
    meetings = None
    if meeting_rows:
        meetings = kinds.make(MEETINGS, meeting_rows, f"{figures.network}: gemiddeld cijfer per bijeenkomst.")
    return NetworkCharts(positions, change, participation, cycles, meetings)


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
    return kinds.make(TREND, rows, f"{label}: mediaan per netwerk en meetmoment (huidige situatie).")
