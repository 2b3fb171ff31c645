"""The public showcase: the stories participants made public, per cycle, and where the networks stand."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyse.audience import Story
from generator.analyse.figures import Figures
from generator.core.framework import Cycle, Framework
from generator.core.language import Translations
from generator.site.charts import overview_charts
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    overview = overview_charts(figures, figures.view, t)
    yield PagePlan(
        "verhalen.md", "verhalen.md.j2",
        {"stories_by_cycle": _stories_by_cycle_all(figures, figures.view.framework), "themes": figures.view.themes, "networks": figures.networks,
         "showcase": _showcase_figures(figures), "charts": overview},
        overview.declared(),
    )


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Verhalen"): "verhalen.md"}


KIND = PageKind("stories", _plans, _menu, internal=False)


def _showcase_figures(figures: Figures) -> dict[str, int]:
    """What the public showcase says in numbers (from the public view: consented stories only)."""
    return {
        "networks": len(figures.networks),
        "stories": sum(len(n.stories) for n in figures.networks),
        "cycles": len({s.cycle for n in figures.networks for s in n.stories}),
    }


def _stories_by_cycle_all(figures: Figures, framework: Framework) -> list[tuple[Cycle, list[tuple[str, Story]]]]:
    return [
        (cycle, [(n.network, s) for n in figures.networks for s in n.stories if s.cycle == cycle.code])
        for cycle in framework.cycles
    ]
