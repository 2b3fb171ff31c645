"""The home page: what the site is, the networks, the dimensions."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyse.figures import Figures
from generator.core.language import Translations
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    yield PagePlan("index.md", "index.md.j2", {"networks": figures.networks})


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {"Home": "index.md"}


KIND = PageKind("home", _plans, _menu)
