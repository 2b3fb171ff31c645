"""Stage 3, site (chart templates): each kind of chart built with Altair, as a Vega-Lite template
whose data is the named dataset `rows`. Imported only when a template is built (see
`generator.site.chart_kinds.ChartKinds`): importing Altair alone takes a quarter of a second.
"""

from __future__ import annotations

from typing import Any, Literal

import altair as alt

from generator.core.vocabulary import ChartKind, Situation, word
from generator.site.chart_style import (
    CATEGORY_COLOURS,
    CROSS_SHAPE,
    CURRENT_COLOUR,
    DATASET,
    ROW_STEP,
    SHARED_COLOUR,
    SHARED_SHAPE,
    SITUATION_COLOURS,
    SITUATION_SHAPES,
    Gettext,
    LegendOrient,
)


def kind_templates(domain: list[float], labels: list[str], _: Gettext, validate: bool) -> dict[str, dict[str, Any]]:
    """Every kind's template, by the kind's name."""
    builders: dict[ChartKind, alt.TopLevelMixin] = {
        ChartKind.PATHS: _paths_chart(domain, labels, _),
        ChartKind.MATRIX: _matrix_chart("blues", False, _),
        ChartKind.CHANGE_MATRIX: _matrix_chart("purpleorange", True, _),
        ChartKind.PICTURE: _picture_chart(domain, _),
        ChartKind.POSITIONS: _positions_chart(domain, _),
        ChartKind.CHANGE: _change_chart(domain, _),
        ChartKind.PARTICIPATION: _participation_chart(_),
        ChartKind.TREND: _trend_chart(domain, _),
        ChartKind.MEETINGS: _meetings_chart(_),
    }
    return {kind.value: _template(chart, validate) for kind, chart in builders.items()}


def paths_template(domain: list[float], options: list[str], _: Gettext, validate: bool) -> dict[str, Any]:
    """The paths template for a network's own list of indicators."""
    return _template(_paths_chart(domain, options, _), validate)


def _template(chart: alt.TopLevelMixin, validate: bool) -> dict[str, Any]:
    # Width follows the page; height is fixed or per row, so only the width is fitted.
    autosize = alt.AutoSizeParams(type="fit-x", contains="padding")
    spec: dict[str, Any] = chart.properties(autosize=autosize).to_dict(validate=validate)
    # The chart is described by its summary and its table; marks and guides stay out of the
    # accessibility tree instead of hundreds of unnamed symbols.
    spec.setdefault("config", {})["aria"] = False
    return spec


def _base() -> alt.Chart:
    return alt.Chart(alt.NamedData(DATASET)).properties(width="container")


def _situation_colour(_: Gettext, orient: LegendOrient = "top") -> alt.Color:
    return _by_situation(alt.Color, SITUATION_COLOURS, _, orient)


def _situation_shape(_: Gettext, orient: LegendOrient = "top") -> alt.Shape:
    return _by_situation(alt.Shape, SITUATION_SHAPES, _, orient)


def _by_situation(channel: Any, values: dict[Situation, str], _: Gettext, orient: LegendOrient) -> Any:
    """A colour or shape per situation, named in the legend in the site's language."""
    return channel(
        "situatie:N",
        title=_("Situatie"),
        scale=alt.Scale(domain=[_(word(situation)) for situation in values], range=list(values.values())),
        # The legend draws each situation's symbol as the crosses are drawn: × and ○, unfilled, whole.
        legend=alt.Legend(orient=orient, symbolOpacity=1, symbolFillColor="transparent", symbolStrokeWidth=2),
    )


PICTURE_STEP = 34  # pixels per indicator in the network's picture: twelve lines and the legend fit the first screen
NARROW = 560  # pixels: a chart this narrow (a phone) shows indicators by their code


def _picture_chart(domain: list[float], _: Gettext) -> alt.TopLevelMixin:
    """The network at a glance: per indicator (grouped by dimension, a thin rule between two) a line
    with its poles in words at both ends, the median now (×) and desired (○), the agreed position
    (◆), and a grey × with a band from where the median was at the previous moment. One legend."""
    base = _base().encode(
        y=alt.Y("indicator:N", title=None, sort=alt.EncodingSortField(field="volgorde", order="ascending"),
                scale=alt.Scale(type="band", paddingInner=0, paddingOuter=0),
                # On a narrow screen only the indicator's code (its name is in the table below and the tooltip): the lines keep their width.
                axis=alt.Axis(labelLimit=230, labelFontSize=12, ticks=False, domain=False,
                              labelExpr=f"containerSize()[0] < {NARROW} ? split(datum.label, ' ')[0] : datum.label")),
    )
    x_scale = alt.Scale(domain=domain, nice=False)
    x_axis = alt.Axis(title=None, orient="bottom", grid=False, tickMinStep=1)

    def only(kind: str) -> alt.Chart:
        return base.transform_filter(alt.datum.soort == kind)

    marks = [_("nu"), _("gewenst"), _("gedeeld beeld"), _("vorige keer")]
    colours = [SITUATION_COLOURS[Situation.CURRENT], SITUATION_COLOURS[Situation.DESIRED], SHARED_COLOUR, "#8a8a8a"]
    shapes = [CROSS_SHAPE, "circle", SHARED_SHAPE, CROSS_SHAPE]
    legend = alt.Legend(title=None, orient="top", symbolOpacity=1, symbolStrokeWidth=2, symbolFillColor="transparent",
                        columns={"expr": f"containerSize()[0] < {NARROW} ? 2 : 4"})
    border = only("grens").mark_rule(color="#8a8a8a", strokeWidth=1, opacity=0.5, yOffset=-PICTURE_STEP / 2).encode(
        x=alt.X("x:Q", scale=x_scale), x2="x2:Q"
    )
    line = only("lijn").mark_rule(color="#8a8a8a", strokeWidth=2).encode(x=alt.X("x:Q", scale=x_scale, axis=x_axis), x2="x2:Q")
    moved = only("verschuiving").mark_rule(color="#8a8a8a", strokeWidth=5, opacity=0.45).encode(x=alt.X("x:Q", scale=x_scale), x2="x2:Q")
    signs = only("teken").mark_point(size=110, strokeWidth=2.5, filled=False, opacity=1, fillOpacity=0.45).encode(
        x=alt.X("x:Q", scale=x_scale),
        color=alt.Color("teken:N", scale=alt.Scale(domain=marks, range=colours), legend=legend),
        shape=alt.Shape("teken:N", scale=alt.Scale(domain=marks, range=shapes), legend=legend),
        size=alt.condition(alt.datum.teken == marks[2], alt.value(260), alt.value(110)),
        fill=alt.condition(alt.datum.teken == marks[2], alt.value(SHARED_COLOUR), alt.value("transparent")),
        tooltip=[alt.Tooltip("indicator:N", title=_("Indicator")), alt.Tooltip("teken:N", title=_("Wat")), alt.Tooltip("moment:N", title=_("Meetmoment")),
                 alt.Tooltip("x:Q", title=_("Positie"), format=".1f"), alt.Tooltip("n:Q", title=_("Aantal deelnemers"))],
    )
    limit = {"expr": "width / 2 - 6"}
    left = only("pool-links").mark_text(align="left", baseline="middle", dy=-10, fontSize=10, opacity=0.85, limit=limit).encode(
        x=alt.X("x:Q", scale=x_scale), text="tekst:N"
    )
    right = only("pool-rechts").mark_text(align="right", baseline="middle", dy=-10, fontSize=10, opacity=0.85, limit=limit).encode(
        x=alt.X("x:Q", scale=x_scale), text="tekst:N"
    )
    return alt.layer(border, line, moved, signs, left, right).properties(height=alt.Step(PICTURE_STEP)).configure_view(stroke=None)


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
    # A tick on the line at every whole position (ten steps on a long scale), so a cross can be read off its own line.
    ticks = only("lijn").transform_calculate(
        stap="datum.x2 - datum.x <= 20 ? 1 : (datum.x2 - datum.x) / 10"
    ).transform_calculate(
        tick="sequence(datum.x, datum.x2 + datum.stap / 2, datum.stap)"
    ).transform_flatten(["tick"]).mark_tick(orient="vertical", size=9, thickness=1, color="#8a8a8a").encode(x=alt.X("tick:Q", scale=x_scale))
    # Between two indicators a thin rule: each line's poles (below it) stay with their line, apart from the next title.
    separator = only("lijn").transform_calculate(offset=f"{ROW_STEP / 2}").mark_rule(color="#8a8a8a", strokeWidth=1, opacity=0.35).encode(
        x=alt.X("x:Q", scale=x_scale), x2="x2:Q"
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
    agreed = only("gedeeld").mark_point(shape=SHARED_SHAPE, size=200, filled=True, color=SHARED_COLOUR, stroke="#ffffff", strokeWidth=1).encode(
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
    return alt.layer(separator, line, ticks, band, crosses, medians, agreed, title, left, right).properties(height=alt.Step(ROW_STEP))


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
    # Both are the current situation's median: a cross (×) as everywhere, grey and small before, in colour and larger now.
    before = base.mark_point(size=70, filled=False, strokeWidth=2, color="#8a8a8a", shape=CROSS_SHAPE).encode(
        x=alt.X("vorige:Q", scale=x_scale), tooltip=tooltip
    )
    after = base.mark_point(size=120, filled=False, strokeWidth=3, color=CURRENT_COLOUR, shape=CROSS_SHAPE).encode(
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
        color=alt.Color("netwerk:N", title=_("Netwerk"), scale=alt.Scale(range=CATEGORY_COLOURS), legend=alt.Legend(orient="bottom", columns=2, labelLimit=300),
                        sort=alt.EncodingSortField(field="netwerk_volgorde", op="min")),  # the networks' order, not the alphabet's
    )
    tooltip = [
        alt.Tooltip("netwerk:N", title=_("Netwerk")),
        alt.Tooltip("meetmoment:N", title=_("Meetmoment")),
        alt.Tooltip("mediaan:Q", title=_("Mediaan"), format=".1f"),
        alt.Tooltip("n:Q", title=_("Aantal deelnemers")),
    ]
    line = base.mark_line(strokeWidth=2).encode(detail="netwerk:N")
    points = base.mark_point(size=60, filled=True).encode(shape=alt.Shape("netwerk:N", title=_("Netwerk"), legend=None, sort=alt.EncodingSortField(field="netwerk_volgorde", op="min")),
                                                             tooltip=tooltip)
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
