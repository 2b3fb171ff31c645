"""Each network's own page, with its figures as CSV beside it; for many networks a page that lists them."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from generator.analyse.audience import Story, Withheld
from generator.analyse.figures import Figures, NetworkFigures
from generator.core.framework import Cycle, Framework
from generator.core.language import N_, Translations
from generator.core.model import SITUATIONS
from generator.core.vocabulary import Situation, word
from generator.site.chart_kinds import Chart
from generator.site.charts import PictureLine, indicator_label, network_charts, picture_lines
from generator.site.page_kinds.base import Gettext, PageKind, PagePlan, Slugs, list_page, listed, response
from generator.site.reports import network_report, network_report_path

# A table to lift out of the Markdown (`generator.site.lifted.lifted_table`): header, rows, alignment.
Table = tuple[list[str], list[list[str]], str]

# The network CSV's header, in the site's language (the English names are in the catalogue).
CSV_COLUMNS = (N_("netwerk"), N_("meetmoment"), N_("indicator"), N_("situatie"), "n", N_("mediaan"), N_("gemiddelde"), "min", "max", N_("gedeeld"))


def _plans(figures: Figures, slugs: Slugs, t: Translations) -> Iterable[PagePlan]:
    view = figures.view
    framework = view.framework
    yield from list_page(figures, slugs, t, "netwerken", t.gettext("Netwerken"))
    for network, withheld, theme in _network_contexts(figures):
        slug = slugs[network.network]

        def network_page(network: NetworkFigures = network, slug: str = slug, withheld: list = withheld, theme: Any = theme
                         ) -> tuple[dict[str, Any], tuple[Chart, ...]]:
            charts = network_charts(network, view, t)
            context = {
                "net": network, "charts": charts, "csv_name": f"{slug}.csv",
                "withheld": withheld, "theme": theme,
                "picture_table": _picture_table(network, picture_lines(network, framework), t, framework),
                "positions_table": _positions_table(network, t, framework),
                "roles_table": _roles_table(network, t, framework),
                "change_table": _change_table(network, t, framework),
                "paths_table": _paths_table(network, t, framework),
                "agreed_table": _agreed_table(network, t, framework),
                "participation_table": _participation_table(network, view.sizes.get(network.network), t, view.settings.public_min_group),
                "cycle_table": _cycle_table(network, t, framework), "stories_by_cycle": _stories_by_cycle(network, framework),
                "meetings_table": _meetings_table(network, t),
                "framework": framework.for_network(network.network),
            }
            return {**context, "report": network_report_path(slug)}, charts.declared()

        def report(network: NetworkFigures = network, slug: str = slug, withheld: list = withheld) -> tuple[str, dict[str, Any]]:
            tables = {
                "agreed": _agreed_table(network, t, framework),
                "participation": _participation_table(network, view.sizes.get(network.network), t, view.settings.public_min_group),
                "cycles": _cycle_table(network, t, framework),
                "meetings": _meetings_table(network, t),
            }
            return network_report_path(slug), network_report(network, view, t, tables, len(withheld))

        def csv_file(network: NetworkFigures = network, slug: str = slug) -> dict[str, bytes]:
            return {f"netwerken/{slug}.csv": _network_csv(network, framework, t)}

        yield PagePlan(f"netwerken/{slug}.md", "network.md.j2", inputs=_network_page_inputs(network, slug, withheld, theme, view.sizes.get(network.network)), make=network_page,
                       attachments=csv_file, report=report)


def _menu(figures: Figures, slugs: Slugs, _: Gettext) -> dict[str, object]:
    return {_("Netwerken"): listed(figures, slugs, "netwerken")}


KIND = PageKind("networks", _plans, _menu)


def _network_contexts(figures: Figures) -> Iterator[tuple[NetworkFigures, list[Withheld], str | None]]:
    """Each network's figures, with its withheld groups and its theme."""
    withheld_by_network: dict[str, list[Withheld]] = {}
    for group in figures.view.withheld:
        withheld_by_network.setdefault(group.network, []).append(group)
    for network in figures.networks:
        yield network, withheld_by_network.get(network.network, []), figures.view.themes.get(network.network)


def _network_page_inputs(network: NetworkFigures, slug: str, withheld: list[Withheld], theme: str | None, size: int | None) -> tuple[object, ...]:
    """What a network's page is made from, as its key hashes it (besides the settings and the
    framework): the figures with, in place of the crosses and of what is computed from them alone
    (`ScoreFigures`), the digest of what the crosses are made from (`positions_digest`: equal
    digests, equal crosses and figures). So a network whose figures were taken over keeps its
    page's key, and the key is quick to make."""
    return ("network", slug, replace(network, positions=(), positions_packed=b"", stats=(), changes=(), spreads={}, roles=(), roles_left_out=(), roles_left_out_for_others=()),
            withheld, theme, size)


def _picture_table(network: NetworkFigures, lines: list[PictureLine], t: Translations, framework: Framework) -> Table:
    """The network's picture as a table (header, rows, alignment): per indicator the median now and
    desired, the agreed position where there is one, and the change since the previous moment."""
    agreed = any(line.agreed is not None for line in lines)
    header = [t.gettext("Indicator"), t.gettext("Nu"), t.gettext("Gewenst")]
    header += [t.gettext("Gedeeld beeld")] if agreed else []
    header += [t.gettext("Sinds %(moment)s") % {"moment": t.moment(network.previous.label)}] if network.previous else []
    rows = []
    for line in lines:
        row = [indicator_label(framework, line.indicator.code), t.number(line.current.median if line.current else None),
               t.number(line.desired.median if line.desired else None)]
        row += [t.number(line.agreed)] if agreed else []
        row += [t.signed(line.change.delta) if line.change else "–"] if network.previous else []
        rows.append([str(cell) for cell in row])
    return header, rows, "l" + "r" * (len(header) - 1)


def _positions_table(network: NetworkFigures, t: Translations, framework: Framework) -> Table:
    """The crosses at the latest moment in figures (header, rows, alignment): per indicator its poles,
    the medians, the agreed position where there is one, the middle half, the range and n."""
    agreed = network.agreed_latest
    header = [t.gettext("Indicator"), t.gettext("Linkerpool"), t.gettext("Rechterpool"), t.gettext("Mediaan huidig"), t.gettext("Mediaan gewenst")]
    header += [t.gettext("Gedeeld beeld huidig")] if agreed else []
    header += [t.gettext("Middelste helft huidig"), t.gettext("Spreiding huidig"), "n"]
    rows = []
    for row in _network_table(network):
        indicator = framework.indicator(row["indicator"])
        current, desired, spread = row["current"], row["desired"], row["spread"]
        shared = agreed.get((row["indicator"], Situation.CURRENT))
        cells = [indicator_label(framework, row["indicator"]), indicator.left, indicator.right, t.number(current.median),
                 t.number(desired.median if desired else None)]
        cells += [t.number(shared.value if shared else None)] if agreed else []
        cells += [f"{t.number(spread.q1)} – {t.number(spread.q3)}", f"{t.number(current.min)} – {t.number(current.max)}", str(current.n)]
        rows.append([str(cell) for cell in cells])
    return header, rows, "lll" + "r" * (len(header) - 6) + "llr"


def _roles_table(network: NetworkFigures, t: Translations, framework: Framework) -> Table:
    """The median of the current situation per role large enough to be shown, per indicator."""
    header = [t.gettext("Indicator"), *(f"{role.role} (n={role.people})" for role in network.roles)]
    rows = [[indicator_label(framework, indicator.code), *(str(t.number(role.median(indicator.code))) for role in network.roles)]
            for indicator in framework.for_network(network.network).indicators]
    return header, rows, "l" + "r" * len(network.roles)


def _change_table(network: NetworkFigures, t: Translations, framework: Framework) -> Table:
    """The median of the current situation at the previous and the latest moment, and the change."""
    header = [t.gettext("Indicator"), t.moment(network.previous.label) if network.previous else "", t.moment(network.latest.label) if network.latest else "",
              t.gettext("Verschil")]
    rows = [[indicator_label(framework, change.indicator), str(t.number(change.previous)), str(t.number(change.latest)), str(t.signed(change.delta))]
            for change in network.changes]
    return header, rows, "lrrr"


def _paths_table(network: NetworkFigures, t: Translations, framework: Framework) -> Table:
    """The median of the current situation per indicator and moment."""
    medians = {(stat.moment, stat.indicator): stat.median for stat in network.stats if stat.situation == Situation.CURRENT}
    header = [t.gettext("Indicator"), *(t.moment(moment.label) for moment in network.moments)]
    rows = [[indicator_label(framework, indicator.code), *(str(t.number(medians.get((moment, indicator.code)))) for moment in network.moments)]
            for indicator in framework.for_network(network.network).indicators]
    return header, rows, "l" + "r" * len(network.moments)


def _agreed_table(network: NetworkFigures, t: Translations, framework: Framework) -> Table:
    """The shared picture per indicator (and situation, where one was agreed) and moment."""
    moments = network.agreed_moments
    agreed = {(a.moment, a.indicator, a.situation): a.value for a in network.agreed}
    header = [t.gettext("Indicator"), *(t.moment(moment.label) for moment in moments)]
    rows = []
    for indicator in framework.for_network(network.network).indicators:
        for situation in SITUATIONS:
            if any(a.indicator == indicator.code and a.situation == situation for a in network.agreed):
                label = indicator_label(framework, indicator.code)
                label += f" ({t.gettext(word(situation))})" if situation == Situation.DESIRED else ""
                rows.append([label, *(str(t.number(agreed.get((moment, indicator.code, situation)))) for moment in moments)])
    return header, rows, "l" + "r" * len(moments)


def _participation_table(network: NetworkFigures, size: int | None, t: Translations, min_group: int) -> Table:
    """Per moment how many put their crosses (of how many members, when the size is known) and how many reflections."""
    header = [t.gettext("Meetmoment"), t.gettext("Deelnemers met scores"), t.gettext("Reflecties")]
    rows = [[t.moment(moment.label), response(people, size, t, min_group), str(stories)]
            for (moment, people), (_, stories) in zip(network.participants, network.stories_per_moment, strict=True)]
    return header, rows, "lrr"


def _meetings_table(network: NetworkFigures, t: Translations) -> Table:
    header = [t.gettext("Bijeenkomst"), t.gettext("Evaluaties"), t.gettext("Gemiddeld cijfer"), t.gettext("Cijfers")]
    rows = [[t.date(meeting.date), str(len(meeting.notes)), str(t.number(meeting.mean_rating)), str(len(meeting.ratings))] for meeting in network.meetings]
    return header, rows, "lrrr"


def _network_table(network: NetworkFigures) -> list[dict[str, Any]]:
    """Latest moment per indicator: medians for current and desired, spread, and n."""
    if network.latest is None:
        return []
    return [
        {"indicator": code, "current": stat, "desired": network.stat(network.latest, code, Situation.DESIRED),
         "spread": network.spreads.get((code, Situation.CURRENT))}
        for code, stat in network.latest_current.items()
    ]


def _cycle_table(network: NetworkFigures, t: Translations, framework: Framework) -> Table:
    """Reflections per cycle and moment: the count, split into individual and collective where
    known; the total; and the stories that pass through the cycle, when there are any."""
    threads = bool(network.threads)
    header = [t.gettext("Waardecyclus"), *(t.moment(moment.label) for moment, _ in network.stories_per_moment), t.gettext("Totaal")]
    header += [t.gettext("Verhalen")] if threads else []
    rows = []
    for cycle in framework.cycles:
        cells = [c for c in network.value_cells if c.cycle == cycle.code]
        texts = [
            (str(c.total) if c.total else "–") + (f" ({c.individual} ind., {c.collective} coll.)" if c.individual or c.collective else "")
            for c in cells
        ]
        row = [f"{cycle.code}. {cycle.name}", *texts, str(sum(c.total for c in cells))]
        row += [", ".join(network.threads_in(cycle.code)) or "–"] if threads else []
        rows.append(row)
    return header, rows, "l" + "r" * (len(network.stories_per_moment) + 1) + ("l" if threads else "")


def _stories_by_cycle(network: NetworkFigures, framework: Framework) -> list[tuple[Cycle, list[Story]]]:
    return [(cycle, [s for s in network.stories if s.cycle == cycle.code]) for cycle in framework.cycles]


def _network_csv(network: NetworkFigures, framework: Framework, t: Translations) -> bytes:
    """Every cell quoted, and text that a spreadsheet could take for a formula neutralised: also
    after a ';' or a tab, because Dutch Excel splits on ';' whatever the quotes say."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([t.gettext(name) for name in CSV_COLUMNS])
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    agreed = {(a.moment, a.indicator, a.situation): a.value for a in network.agreed}
    for stat in sorted(network.stats, key=lambda s: (s.moment, order[s.indicator], SITUATIONS.index(s.situation))):
        writer.writerow([
            _cell_text(stat.network), _cell_text(t.moment(stat.moment.label)), stat.indicator, t.gettext(word(stat.situation)), stat.n,
            _plain(stat.median), _plain(stat.mean), _plain(stat.min), _plain(stat.max),
            _plain(agreed[key]) if (key := (stat.moment, stat.indicator, stat.situation)) in agreed else "",
        ])
    return buffer.getvalue().encode("utf-8")


_FORMULA_START = re.compile(r"(^|[;,\t\r\n|]\s*)([=+\-@\t\r＝＋－＠])")


def _cell_text(text: str) -> str:
    """Text a spreadsheet would read as a formula gets an apostrophe before the formula sign, at
    the start and after every separator a spreadsheet might split on, so it stays text."""
    return _FORMULA_START.sub(lambda m: f"{m.group(1)}'{m.group(2)}", text)


def _plain(value: float) -> str:
    return f"{round(value, 4):g}"
