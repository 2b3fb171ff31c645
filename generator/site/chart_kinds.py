"""Stage 3, site (chart kinds): the Vega-Lite specification of every kind of chart, built with
Altair once per build.

Building an Altair chart costs 15–25 ms; a site with hundreds of charts would spend most of its
time there. So each kind is built once as a template whose data is a named dataset, `rows`; a
chart is its kind's template with its own rows in `datasets` and its own description. No
selections or params are used, so Altair's automatic `view_N`/`param_N` names never appear.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import altair as alt

from generator.core.language import DUTCH, Translations
from generator.core.settings import Settings
from generator.core.vocabulary import ChartKind, Situation, word

DATASET = "rows"
LegendOrient = Literal["top", "bottom", "left", "right"]
Gettext = Callable[[str], str]

# Okabe–Ito colours: distinguishable with every common form of colour blindness. Keyed by the
# situation as the chart's data names it (the legend shows that word).
# By situation; the data and the legend name it in the site's language (`huidig`, `current`).
SITUATION_COLOURS = {Situation.CURRENT: "#0072B2", Situation.DESIRED: "#E69F00"}
SITUATION_SHAPES = {Situation.CURRENT: "circle", Situation.DESIRED: "diamond"}
CURRENT_COLOUR = SITUATION_COLOURS[Situation.CURRENT]
SHARED_COLOUR = "#009E73"  # the agreed cross: bluish green, apart from both situations for every colour vision
CATEGORY_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


@dataclass(frozen=True, eq=False)
class Chart:
    """A chart a page shows: its kind, its rows and its one-line description. Equal only to
    itself, so each declared chart is one entry however alike two are."""

    kind: ChartKind
    rows: tuple[dict[str, Any], ...]
    description: str
    options: tuple[str, ...] = ()  # the indicators to choose from (paths), when not all of the framework's


@dataclass(frozen=True)
class ChartSpec:
    """A chart made: the name of its kind's template and its own data (rows and description) as
    JSON. The page's script puts the two together; the template is shared by every chart of its
    kind and loaded once per site (`assets/grafiekvormen.js`)."""

    kind: ChartKind
    description: str
    template: str  # the template's name in `ChartKinds.templates()`
    data: str  # {"description": …, "rows": […]} as JSON

    @property
    def id(self) -> str:
        """The chart's name in its page's data file: a hash of what it shows."""
        return hashlib.sha256(f"{self.template}\n{self.data}".encode()).hexdigest()[:16]


def script_json(value: object) -> str:
    """Compact, sorted JSON that is also safe inside a script: `</` and `<!--` from a coach's or
    participant's text can never end or comment out the script it is in."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


class ChartKinds:
    """Every chart kind as a Vega-Lite template, built once for one scale and one framework."""

    def __init__(self, settings: Settings, indicator_labels: list[str], translations: Translations = DUTCH):
        domain = [settings.scale_min, settings.scale_max]
        _ = translations.gettext  # titles, axes, legends, tooltips
        builders: dict[ChartKind, alt.TopLevelMixin] = {
            ChartKind.PATHS: _paths_chart(domain, indicator_labels, _),
            ChartKind.MATRIX: _matrix_chart("blues", False, _),
            ChartKind.CHANGE_MATRIX: _matrix_chart("purpleorange", True, _),
            ChartKind.POSITIONS: _positions_chart(domain, _),
            ChartKind.CHANGE: _change_chart(domain, _),
            ChartKind.PARTICIPATION: _participation_chart(_),
            ChartKind.TREND: _trend_chart(domain, _),
            ChartKind.MEETINGS: _meetings_chart(_),
        }
        self._templates: dict[str, dict[str, Any]] = {kind.value: self._template(chart) for kind, chart in builders.items()}
        self._labels = tuple(indicator_labels)
        self._domain, self._gettext = domain, _
        self._options: dict[str, tuple[str, ...]] = {}  # a template of a network's own indicators: its list

    @staticmethod
    def _template(chart: alt.TopLevelMixin) -> dict[str, Any]:
        # Width follows the page; height is fixed or per row, so only the width is fitted.
        autosize = alt.AutoSizeParams(type="fit-x", contains="padding")
        spec: dict[str, Any] = chart.properties(autosize=autosize).to_dict(validate=True)
        # The chart is described by its summary and its table; marks and guides stay out of the
        # accessibility tree instead of hundreds of unnamed symbols.
        spec.setdefault("config", {})["aria"] = False
        return spec

    def spec(self, chart: Chart) -> ChartSpec:
        """The chart as its kind's template (by name) and its own rows and description."""
        name = chart.kind.value
        if chart.kind == ChartKind.PATHS and chart.options and chart.options != self._labels:
            # A network asked other indicators (own ones) than all chooses from its own list: a template of its own.
            name = self.with_options(chart.options)
        return ChartSpec(chart.kind, chart.description, name, script_json({"description": chart.description, **columns(chart.rows)}))

    def with_options(self, options: tuple[str, ...]) -> str:
        """The name of the paths template for a network's own list of indicators, made when first asked."""
        name = f"{ChartKind.PATHS.value}-{hashlib.sha256(json.dumps(list(options)).encode()).hexdigest()[:12]}"
        if name not in self._templates:
            self._templates[name] = self._template(_paths_chart(self._domain, list(options), self._gettext))
            self._options[name] = tuple(options)
        return name

    def options_of(self, name: str) -> tuple[str, ...]:
        """What `with_options` made the template `name` for; () for a kind's own template."""
        return self._options.get(name, ())

    def full(self, spec: ChartSpec) -> str:
        """The whole Vega-Lite specification of a made chart, as JSON (for its static SVG)."""
        data = json.loads(spec.data)
        return script_json({**self._templates[spec.template], "datasets": {DATASET: rows_of(data)}, "description": data["description"]})

    def templates(self, used: set[str]) -> dict[str, dict[str, Any]]:
        """The templates of the kinds the site uses, by name."""
        return {name: template for name, template in sorted(self._templates.items()) if name in used}


def columns(rows: tuple[dict[str, Any], ...]) -> dict[str, list]:
    """Rows as columns: the field names once, then per row its values in that order (null where a
    row lacks the field). Half the size of a list of objects, which repeat every name in every row;
    netwerkspiegel.js (and `rows_of`) make the rows again."""
    fields = sorted({field for row in rows for field in row})
    return {"fields": fields, "values": [[row.get(field) for field in fields] for row in rows]}


def rows_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of `columns`, each with only the fields it had."""
    fields = data["fields"]
    return [{field: value for field, value in zip(fields, values, strict=True) if value is not None} for values in data["values"]]


def declare(kind: ChartKind, rows: list[dict[str, Any]], description: str, options: tuple[str, ...] = ()) -> Chart:
    return Chart(kind, tuple(rows), description, options)


def _base() -> alt.Chart:
    return alt.Chart(alt.NamedData(DATASET)).properties(width="container")


def _situation_colour(_: Gettext, orient: LegendOrient = "top") -> alt.Color:
    return alt.Color(
        "situatie:N",
        title=_("Situatie"),
        scale=alt.Scale(domain=[_(word(situation)) for situation in SITUATION_COLOURS], range=list(SITUATION_COLOURS.values())),
        legend=alt.Legend(orient=orient),
    )


def _situation_shape(_: Gettext, orient: LegendOrient = "top") -> alt.Shape:
    return alt.Shape(
        "situatie:N",
        title=_("Situatie"),
        scale=alt.Scale(domain=[_(word(situation)) for situation in SITUATION_SHAPES], range=list(SITUATION_SHAPES.values())),
        legend=alt.Legend(orient=orient),
    )


ROW_STEP = 116  # pixels per indicator line: title above, crosses stacked on both sides, poles below
CROSS_STEP = 7  # pixels between crosses at the same position


def _positions_chart(domain: list[float], _: Gettext) -> alt.TopLevelMixin:
    """Per indicator a line between its two poles (named at both ends): each participant's cross
    (stacked where several share a position: current above the line, desired below), the
    interquartile band and the median of the group for both situations."""
    base = _base().encode(
        # One band per indicator, no padding, marks at its centre: offsets are pixels from the line.
        y=alt.Y("indicator:N", axis=None, bandPosition=0.5, scale=alt.Scale(type="band", paddingInner=0, paddingOuter=0),
                sort=alt.EncodingSortField(field="indicator", order="ascending")),
        yOffset=alt.YOffset("offset:Q", scale=None),
    )
    x_scale = alt.Scale(domain=domain, nice=False)
    x_axis = alt.Axis(title=_("Positie op de lijn"), orient="bottom", grid=False, tickMinStep=1)

    def only(kind: str) -> alt.Chart:
        return base.transform_filter(alt.datum.soort == kind)

    line = only("lijn").mark_rule(color="#8a8a8a", strokeWidth=2).encode(
        x=alt.X("x:Q", scale=x_scale, axis=x_axis), x2="x2:Q"
    )
    band = only("band").mark_rule(strokeWidth=9, opacity=0.3, strokeCap="round").encode(
        x=alt.X("x:Q", scale=x_scale), x2="x2:Q", color=_situation_colour(_, "bottom"),
        tooltip=[alt.Tooltip("situatie:N", title=_("Situatie")), alt.Tooltip("x:Q", title=_("Eerste kwartiel"), format=".1f"),
                 alt.Tooltip("x2:Q", title=_("Derde kwartiel"), format=".1f")],
    )
    crosses = only("kruis").mark_point(size=55, strokeWidth=2, filled=False, opacity=0.9).encode(
        x=alt.X("x:Q", scale=x_scale), color=_situation_colour(_, "bottom"), shape=_situation_shape(_, "bottom"),
        tooltip=[alt.Tooltip("titel:N", title=_("Indicator")), alt.Tooltip("deelnemer:N", title=_("Deelnemer")),
                 alt.Tooltip("situatie:N", title=_("Situatie")), alt.Tooltip("x:Q", title=_("Positie"), format=".1f")],
    )
    medians = only("mediaan").mark_tick(thickness=4, size=26).encode(
        x=alt.X("x:Q", scale=x_scale), color=_situation_colour(_, "bottom"),
        tooltip=[alt.Tooltip("titel:N", title=_("Indicator")), alt.Tooltip("situatie:N", title=_("Situatie")),
                 alt.Tooltip("x:Q", title=_("Mediaan"), format=".1f"), alt.Tooltip("n:Q", title=_("Aantal deelnemers"))],
    )
    # The network's agreed cross (its shared picture): on the line itself, in a colour of its own.
    agreed = only("gedeeld").mark_point(shape="cross", size=260, filled=True, color=SHARED_COLOUR, stroke="#ffffff", strokeWidth=1).encode(
        x=alt.X("x:Q", scale=x_scale),
        tooltip=[alt.Tooltip("titel:N", title=_("Indicator")), alt.Tooltip("situatie:N", title=_("Situatie")),
                 alt.Tooltip("x:Q", title=_("Gedeeld beeld"), format=".1f"), alt.Tooltip("toelichting:N", title=_("Toelichting"))],
    )
    title = only("titel").mark_text(align="left", baseline="middle", fontWeight="bold", fontSize=13).encode(
        x=alt.X("x:Q", scale=x_scale), text="titel:N"
    )
    limit = {"expr": "width / 2 - 6"}
    left = only("pool-links").mark_text(align="left", baseline="middle", fontSize=11, opacity=0.8, limit=limit).encode(
        x=alt.X("x:Q", scale=x_scale), text="tekst:N"
    )
    right = only("pool-rechts").mark_text(align="right", baseline="middle", fontSize=11, opacity=0.8, limit=limit).encode(
        x=alt.X("x:Q", scale=x_scale), text="tekst:N"
    )
    return alt.layer(line, band, crosses, medians, agreed, title, left, right).properties(height=alt.Step(ROW_STEP))


def _paths_chart(domain: list[float], options: list[str], _: Gettext) -> alt.TopLevelMixin:
    """Each participant's own path over the moments for one indicator (chosen in a list), with
    the group's median. The one param is named, so the spec stays the same build after build."""
    choice = alt.param(
        name="indicator_keuze", value=options[0],
        bind=alt.binding_select(options=options, name=_("Indicator") + " "),
    )
    base = _base().encode(
        x=alt.X("meetmoment:N", title=_("Meetmoment"), sort=alt.EncodingSortField(field="volgorde", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("score:Q", title=_("Positie (huidige situatie)"), scale=alt.Scale(domain=domain, nice=False)),
    ).transform_filter(alt.datum.indicator == choice)
    paths = base.transform_filter(alt.datum.soort == "pad").mark_line(strokeWidth=1.5, opacity=0.45, color="#7a7a7a", point=alt.OverlayMarkDef(size=25, color="#7a7a7a")).encode(
        detail="deelnemer:N",
        tooltip=[alt.Tooltip("deelnemer:N", title=_("Deelnemer")), alt.Tooltip("meetmoment:N", title=_("Meetmoment")), alt.Tooltip("score:Q", title=_("Positie"), format=".1f")],
    )
    median = base.transform_filter(alt.datum.soort == "mediaan").mark_line(strokeWidth=4, color=CURRENT_COLOUR, point=alt.OverlayMarkDef(size=80, shape="diamond", color=CURRENT_COLOUR)).encode(
        tooltip=[alt.Tooltip("meetmoment:N", title=_("Meetmoment")), alt.Tooltip("score:Q", title=_("Mediaan"), format=".1f"), alt.Tooltip("n:Q", title=_("Aantal deelnemers"))],
    )
    return alt.layer(paths, median).add_params(choice).properties(height=280)


def _matrix_chart(scheme: Literal["blues", "purpleorange"], diverging: bool, _: Gettext) -> alt.TopLevelMixin:
    """A table of coloured cells with their value written in: rows × columns, order from fields."""
    base = _base().encode(
        y=alt.Y("rij:N", title=None, sort=alt.EncodingSortField(field="rij_volgorde", op="min"), axis=alt.Axis(labelLimit=240)),
        x=alt.X("kolom:N", title=None, sort=alt.EncodingSortField(field="kolom_volgorde", op="min"),
                axis=alt.Axis(orient="top", labelAngle=0, labelLimit={"expr": "bandwidth('x') - 2"})),
    )
    scale = alt.Scale(scheme=scheme, domainMid=0) if diverging else alt.Scale(scheme=scheme)
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=1).encode(
        color=alt.Color("waarde:Q", scale=scale, legend=None),
        tooltip=[alt.Tooltip("rij:N", title=" "), alt.Tooltip("kolom:N", title="  "), alt.Tooltip("uitleg:N", title=_("Waarde"))],
    )
    # On a phone the columns narrow: the numbers shrink with them instead of running together.
    text = base.mark_text(fontSize={"expr": "clamp(bandwidth('x') / 3.4, 7, 12)"}).encode(
        text="tekst:N",
        color=alt.condition("datum.donker", alt.value("#ffffff"), alt.value("#1b1b1b")),
    )
    return alt.layer(cells, text).properties(height=alt.Step(30))


def _change_chart(domain: list[float], _: Gettext) -> alt.TopLevelMixin:
    """Per indicator the median at the previous and the latest moment, joined by a line."""
    base = _base().encode(
        y=alt.Y("indicator:N", title=None, axis=alt.Axis(labelLimit=260)),
    )
    tooltip = [
        alt.Tooltip("indicator:N", title=_("Indicator")),
        alt.Tooltip("vorig_moment:N", title=_("Vorig meetmoment")),
        alt.Tooltip("vorige:Q", title=_("Mediaan toen"), format=".1f"),
        alt.Tooltip("laatste_moment:N", title=_("Laatste meetmoment")),
        alt.Tooltip("laatste:Q", title=_("Mediaan nu"), format=".1f"),
        alt.Tooltip("verschil:Q", title=_("Verschil"), format="+.1f"),
    ]
    x_scale = alt.Scale(domain=domain, nice=False)
    line = base.mark_rule(strokeWidth=3, color="#999999").encode(
        x=alt.X("vorige:Q", title=_("Mediaan (huidige situatie)"), scale=x_scale), x2="laatste:Q", tooltip=tooltip
    )
    before = base.mark_point(size=90, filled=False, strokeWidth=2, color="#666666", shape="circle").encode(
        x=alt.X("vorige:Q", scale=x_scale), tooltip=tooltip
    )
    after = base.mark_point(size=110, filled=True, color=CURRENT_COLOUR, shape="diamond").encode(
        x=alt.X("laatste:Q", scale=x_scale), tooltip=tooltip
    )
    return alt.layer(line, before, after).properties(height=alt.Step(26))


def _participation_chart(_: Gettext) -> alt.TopLevelMixin:
    """Participants per moment, in time order."""
    return _base().mark_bar(color=CURRENT_COLOUR).encode(
        x=alt.X("meetmoment:N", title=_("Meetmoment"), sort=alt.EncodingSortField(field="volgorde", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("deelnemers:Q", title=_("Deelnemers"), axis=alt.Axis(tickMinStep=1)),
        tooltip=[
            alt.Tooltip("meetmoment:N", title=_("Meetmoment")),
            alt.Tooltip("deelnemers:Q", title=_("Deelnemers met scores")),
            alt.Tooltip("reflecties:Q", title=_("Reflecties")),
        ],
    ).properties(height=220)


def _trend_chart(domain: list[float], _: Gettext) -> alt.TopLevelMixin:
    """The median of one indicator per network over all moments."""
    base = _base().encode(
        x=alt.X("meetmoment:N", title=_("Meetmoment"), sort=alt.EncodingSortField(field="volgorde", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("mediaan:Q", title=_("Mediaan (huidige situatie)"), scale=alt.Scale(domain=domain, nice=False)),
        color=alt.Color("netwerk:N", title=_("Netwerk"), scale=alt.Scale(range=CATEGORY_COLOURS), legend=alt.Legend(orient="bottom", columns=2, labelLimit=300)),
    )
    tooltip = [
        alt.Tooltip("netwerk:N", title=_("Netwerk")),
        alt.Tooltip("meetmoment:N", title=_("Meetmoment")),
        alt.Tooltip("mediaan:Q", title=_("Mediaan"), format=".1f"),
        alt.Tooltip("n:Q", title=_("Aantal deelnemers")),
    ]
    line = base.mark_line(strokeWidth=2).encode(detail="netwerk:N")
    points = base.mark_point(size=60, filled=True).encode(shape=alt.Shape("netwerk:N", title=_("Netwerk"), legend=None), tooltip=tooltip)
    return alt.layer(line, points).properties(height=260)


def _meetings_chart(_: Gettext) -> alt.TopLevelMixin:
    """The mean rating of each meeting, in time order."""
    base = _base().encode(
        x=alt.X("datum:N", title=_("Bijeenkomst"), sort=alt.EncodingSortField(field="volgorde", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("cijfer:Q", title=_("Gemiddeld cijfer"), scale=alt.Scale(domain=[1, 10], nice=False)),
        tooltip=[
            alt.Tooltip("datum:N", title=_("Bijeenkomst")),
            alt.Tooltip("cijfer:Q", title=_("Gemiddeld cijfer"), format=".1f"),
            alt.Tooltip("cijfers:Q", title=_("Aantal cijfers")),
            alt.Tooltip("evaluaties:Q", title=_("Evaluaties")),
        ],
    )
    line = base.mark_line(strokeWidth=2, color=CATEGORY_COLOURS[0])
    points = base.mark_point(size=70, filled=True, color=CATEGORY_COLOURS[0])
    return alt.layer(line, points).properties(height=220)
