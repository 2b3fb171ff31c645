"""The page on the frameworks: where the lines and the stories come from (the framework file's texts)."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyse.figures import Figures
from generator.core.language import Translations
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    yield PagePlan("kaders.md", "kaders.md.j2", {})


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Over de kaders"): "kaders.md"}


KIND = PageKind("frameworks", _plans, _menu)
