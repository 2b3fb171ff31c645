"""The home page: what the site is, the networks, the dimensions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.analyse.figures import Figures
from generator.analyse.insight import patterns
from generator.core.language import Translations
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs
from generator.site.page_kinds.overview import cycle_rows, median_columns, median_rows, response_rows
from generator.site.paths import PROGRAMME_REPORT
from generator.site.reports import programme_report


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    def report() -> tuple[str, dict[str, Any]]:
        view = figures.view
        _ = t.gettext
        response = ([_("Netwerk"), *(t.moment(moment.label) for moment in view.moments)], response_rows(figures, t))
        medians = ([_("Netwerk"), _("Laatste meetmoment"), *median_columns(figures)],
                   [[row["network"], row["moment"], *row["cells"]] for row in median_rows(figures, t)])
        cycles = ([_("Netwerk"), *(cycle.name for cycle in view.framework.cycles)], [[str(cell) for cell in row] for row in cycle_rows(figures)])
        found = () if view.is_public else patterns(view.framework, view.settings, figures.networks, t)
        return PROGRAMME_REPORT, programme_report(figures, t, found, response, medians, cycles)

    yield PagePlan("index.md", "index.md.j2", {"networks": figures.networks}, report=report)


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {"Home": "index.md"}


KIND = PageKind("home", _plans, _menu)
