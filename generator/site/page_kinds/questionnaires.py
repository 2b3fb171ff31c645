"""Each network's questionnaire on paper: its indicators as lines to put a cross on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.analyse.figures import Figures
from generator.core.language import Translations
from generator.core.questions import form_questions
from generator.site.chart_kinds import Chart
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs, list_page, listed


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    view = figures.view
    yield from list_page(figures, slugs, t, "vragenlijsten", t.gettext("Vragenlijsten"))
    ticks = _scale_ticks(view.settings.scale_min, view.settings.scale_max, t)
    for network in figures.networks:

        def questionnaire(name: str = network.network) -> tuple[dict[str, Any], tuple[Chart, ...]]:
            asked = view.framework.for_network(name)
            title = t.gettext("Vragenlijst %(network)s") % {"network": name}
            return {"network": name, "title": title, "ticks": ticks, "questions": form_questions(asked, view.settings, t), "framework": asked}, ()

        yield PagePlan(f"vragenlijsten/{slugs[network.network]}.md", "vragenlijst.md.j2",
                       inputs=("questionnaire", slugs[network.network], network.network), make=questionnaire)


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Vragenlijsten"): listed(figures, slugs, "vragenlijsten")}


KIND = PageKind("questionnaires", _plans, _menu, public=False)


def _scale_ticks(low: float, high: float, t: Translations) -> list[str]:
    """The numbers printed under a questionnaire's line: every whole number of a short scale, else
    the ends and three steps between them."""
    if float(low).is_integer() and float(high).is_integer() and high - low <= 20:
        return [t.short_number(value) for value in range(int(low), int(high) + 1)]
    return [t.short_number(round(low + (high - low) * step / 4, 2)) for step in range(5)]
