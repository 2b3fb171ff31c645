"""Data quality: every file and row read, used or not, and why."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.analyse.figures import Figures
from generator.core.language import Translations
from generator.core.model import TableSummary
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    view = figures.view
    yield PagePlan(
        "kwaliteit.md", "kwaliteit.md.j2",
        {"tables": view.tables, "notices": view.notices, "ignored_files": view.ignored_files,
         "unused": [(table, row) for table in view.tables for row in table.unused], "totals": _totals(view.tables)},
    )


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Gegevenskwaliteit"): "kwaliteit.md"}


KIND = PageKind("quality", _plans, _menu, public=False)


def _totals(tables: Sequence[TableSummary]) -> dict[str, int]:
    return {
        "rows": sum(t.rows for t in tables), "used": sum(t.used for t in tables),
        "unused": sum(len(t.unused) for t in tables), "empty": sum(t.empty for t in tables),
    }
