"""The questions to put in a form (Microsoft Forms, Google Forms) so that its export is recognised as it is."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyse.figures import Figures
from generator.core.language import Translations
from generator.core.questions import form_questions
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    yield PagePlan("formulieren.md", "formulieren.md.j2", {"questions": form_questions(figures.view.framework, figures.view.settings, t)})


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Vragen voor formulieren"): "formulieren.md"}


KIND = PageKind("forms", _plans, _menu, public=False)
