"""The kinds of page a site has, in the order of its menu. A new kind is one module here (its
`KIND`: the pages it adds and its menu entry), its template in `templates/`, and a line below."""

from __future__ import annotations

from generator.site.page_kinds import dimensions, forms, frameworks, home, networks, overview, quality, questionnaires, stories
from generator.site.page_kinds.base import PageKind, PagePlan

PAGE_KINDS: tuple[PageKind, ...] = (
    home.KIND,
    overview.KIND,
    networks.KIND,
    dimensions.KIND,
    stories.KIND,
    frameworks.KIND,
    questionnaires.KIND,
    forms.KIND,
    quality.KIND,
)

__all__ = ["PAGE_KINDS", "PageKind", "PagePlan"]
