"""What every kind of page is: the pages it adds to a site (`PagePlan`) and its entry in the menu.

A kind of page is one module in this package with a `KIND` (and one template in `templates/`),
listed once in `PAGE_KINDS` (`__init__.py`), in the order of the menu.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.analyse.figures import Figures, Stat
from generator.core.language import Translations
from generator.core.text import html_attr
from generator.site.chart_kinds import Chart

Slugs = dict[str, str]  # each network's name → its file name (without .md)
Gettext = Callable[[str], str]


@dataclass(frozen=True)
class PagePlan:
    """One page to render: its path, template and context, and every chart it shows.

    A page made from `inputs` alone (a network's own page) has its context and charts made by
    `make`, and only when the previous build did not already render the same inputs (see
    `generator.site.rendered`)."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    charts: tuple[Chart, ...] = ()
    inputs: tuple[object, ...] | None = None
    make: Callable[[], tuple[dict[str, Any], tuple[Chart, ...]]] | None = None
    attachments: Callable[[], dict[str, bytes]] | None = None  # files made from the same inputs (a network's CSV)
    # A PDF report made from the same inputs: its path and data (see `generator.site.reports`).
    report: Callable[[], tuple[str, dict[str, Any]]] | None = None

    def content(self) -> tuple[dict[str, Any], tuple[Chart, ...]]:
        return self.make() if self.make is not None else (self.context, self.charts)


@dataclass(frozen=True)
class PageKind:
    """A kind of page: `plans` gives its pages for a site (one at a time: a page's charts are
    declared when it is its turn), `menu` its entry in the menu (title → page or list of entries),
    or None. `internal` and `public`: on which sites it is."""

    name: str
    plans: Callable[[Figures, Slugs, Translations], Iterable[PagePlan]]
    menu: Callable[[Figures, Slugs, Gettext], dict[str, object] | None]
    internal: bool = True
    public: bool = True

    def on(self, figures: Figures) -> bool:
        return self.public if figures.view.is_public else self.internal


# Beyond this many networks the menu does not list them one by one (a list of hundreds helps nobody,
# and Material would put it into every page): it links to a page that lists them.
NAV_NETWORKS_LIMIT = 20


def listed(figures: Figures, slugs: Slugs, folder: str) -> object:
    """A menu section of one entry per network, or, for many networks, the folder's list page."""
    if len(figures.view.networks) > NAV_NETWORKS_LIMIT:
        return f"{folder}/index.md"
    return [{html_attr(n): f"{folder}/{slugs[n]}.md"} for n in figures.view.networks]


def list_page(figures: Figures, slugs: Slugs, t: Translations, folder: str, title: str) -> list[PagePlan]:
    """For many networks, the page of the folder that lists them all (see `listed`); `title` in the site's language."""
    if len(figures.view.networks) <= NAV_NETWORKS_LIMIT:
        return []
    count = len(figures.view.networks)
    intro = t.gettext("Alle %(count)s netwerken. Ze staan niet elk apart in het menu; de zoekfunctie bovenaan vindt ze ook.") % {"count": count}
    links = [(name, f"{slugs[name]}.md") for name in figures.view.networks]
    return [PagePlan(f"{folder}/index.md", "lijst.md.j2", {"title": title, "intro": intro, "links": links})]


def response(people: int | None, size: int | None, t: Translations, min_group: int) -> str:
    """How many answered at a moment, and of how many members when the coach gave the network's size
    (never a share over 100 %: more than the size is said in words, and `check` warns of it)."""
    if people is None:
        return t.gettext("minder dan %(n)s") % {"n": min_group}
    if size is None:
        return str(people)
    if people > size:
        return t.ngettext("%(people)s deelnemer (meer dan de grootte %(size)s)", "%(people)s deelnemers (meer dan de grootte %(size)s)", people) % {
            "people": people, "size": size}
    return t.gettext("%(people)s van %(size)s (%(share)s%%)") % {"people": people, "size": size, "share": round(100 * people / size)}


def median_cell(stat: Stat | None, t: Translations) -> str:
    """A table cell of the coaches' overview and the dimension pages: the median and its n, or a dash."""
    return f"{t.number(stat.median)} (n={stat.n})" if stat is not None else "–"
