"""The coaches' overview: all networks side by side, the patterns worth a conversation."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyse.figures import Figures
from generator.analyse.insight import patterns
from generator.core.language import Translations
from generator.site.charts import overview_charts
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs, median_cell, response


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    view = figures.view
    overview = overview_charts(figures, view, t)
    medians = median_rows(figures, t)
    yield PagePlan(
        "overzicht.md", "overzicht.md.j2",
        {"networks": figures.networks, "charts": overview, "patterns": patterns(view.framework, view.settings, figures.networks, t),
         "median_rows": medians, "median_table": [[row["network"], row["moment"], *row["cells"]] for row in medians],
         "median_columns": median_columns(figures),
         "cycle_rows": cycle_rows(figures),
         "response_columns": [t.moment(moment.label) for moment in view.moments],
         "response_rows": response_rows(figures, t)},
        overview.declared(),
    )


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Overzicht voor coaches"): "overzicht.md"}


KIND = PageKind("overview", _plans, _menu, public=False)


def cycle_rows(figures: Figures) -> list[list[object]]:
    """Per network: how many reflections (stories, in public) in each cycle of value creation."""
    return [[network.network, *(count for _, count in network.cycle_counts)] for network in figures.networks]


def response_rows(figures: Figures, t: Translations) -> list[list[str]]:
    """Per network: how many answered at every moment (and of how many members); a dash where it took no part."""
    view = figures.view
    rows = []
    for network in figures.networks:
        counted = dict(network.participants)
        size = view.sizes.get(network.network)
        rows.append([network.network, *(response(counted[moment], size, t, view.settings.public_min_group) if moment in counted else "–"
                                        for moment in view.moments)])
    return rows


def median_columns(figures: Figures) -> list[str]:
    """The indicators of the coaches' median table: the framework's, and an own indicator only where
    a network has figures for it."""
    shown = {code for network in figures.networks for code in network.latest_current}
    return [ind.code for ind in figures.view.framework.indicators if not ind.own or ind.code in shown]


def median_rows(figures: Figures, t: Translations) -> list[dict]:
    """Per network with figures: its name, latest moment, and per indicator the median (and n)."""
    rows = []
    columns = median_columns(figures)
    for network in figures.networks:
        if network.latest is None:
            continue
        latest = network.latest_current
        cells = [median_cell(latest.get(c), t) for c in columns]
        rows.append({"network": network.network, "moment": t.moment(network.latest.label), "cells": cells})
    return rows
