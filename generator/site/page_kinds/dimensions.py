"""One page per dimension: each indicator's development over all networks and moments."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyse.figures import Figures, Stat
from generator.core.language import Translations
from generator.core.text import html_attr
from generator.core.vocabulary import Situation
from generator.site.charts import dimension_matrix, trend_chart
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs, median_cell


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    view = figures.view
    framework = view.framework
    current = _current_stats(figures)
    # Each indicator's figures of the current situation, in the order of `figures.stats`: one pass, not one per indicator.
    current_of: dict[str, list[Stat]] = {}
    for stat in figures.stats:
        if stat.situation == Situation.CURRENT:
            current_of.setdefault(stat.indicator, []).append(stat)
    for dimension in framework.dimensions:
        members = framework.indicators_of(dimension.code)
        trends = [trend_chart(view, current_of.get(indicator.code, []), indicator.code, t) for indicator in members]
        indicators = [
            {"indicator": indicator, "chart": trend, "rows": rows, "table": [[row["network"], *(median_cell(cell, t) for cell in row["cells"])] for row in rows]}
            for indicator, trend in zip(members, trends, strict=True)
            for rows in [_dimension_rows(figures, current, indicator.code)]
        ]
        matrix = dimension_matrix(figures, view, dimension, t)
        yield PagePlan(
            f"dimensies/{dimension.slug}.md", "dimension.md.j2", {"dimension": dimension, "indicators": indicators, "matrix": matrix},
            tuple(chart for chart in [matrix, *trends] if chart is not None),
        )


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Dimensies"): [{html_attr(f"{d.code}. {d.name}"): f"dimensies/{d.slug}.md"} for d in figures.view.framework.dimensions]}


KIND = PageKind("dimensions", _plans, _menu)


def _current_stats(figures: Figures) -> list[dict[str, dict]]:
    """Per network (in order): indicator → moment → the figures of the current situation. Made
    once for all dimension pages: scanning every network's figures per indicator grows with both."""
    current: list[dict[str, dict]] = []
    for network in figures.networks:
        by_indicator: dict[str, dict] = {}
        for stat in network.stats:
            if stat.situation == Situation.CURRENT:
                by_indicator.setdefault(stat.indicator, {})[stat.moment] = stat
        current.append(by_indicator)
    return current


def _dimension_rows(figures: Figures, current: list[dict[str, dict]], indicator: str) -> list[dict]:
    """Per network: the median (and n) of the current situation at every moment."""
    rows = []
    for network, by_indicator in zip(figures.networks, current, strict=True):
        cells = by_indicator.get(indicator)
        if cells:
            rows.append({"network": network.network, "cells": [cells.get(m) for m in figures.view.moments]})
    return rows
