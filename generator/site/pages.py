"""Stage 3, site (pages): Markdown pages, CSV files and the navigation, rendered from Jinja2 templates.

The result is a `GeneratedSite` held in memory: nothing is written here. Every `{{ … }}` in a
template is escaped as Markdown unless it is `Markup` made by `generator.core.text` (see there).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.analyse.audience import AudienceView, Story, Withheld
from generator.analyse.figures import Figures, NetworkFigures, Stat
from generator.analyse.insight import patterns
from generator.core.framework import Cycle, Framework
from generator.core.language import DUTCH, N_, Translations
from generator.core.model import SITUATIONS, TableSummary
from generator.core.questions import form_questions
from generator.core.resources import TEMPLATES_DIR
from generator.core.store import Store
from generator.core.text import code_span, html_attr, html_text, md, slugify, url, yaml_title
from generator.core.vocabulary import Situation, StarterKind, word
from generator.site.chart_kinds import Chart, ChartKinds, ChartSpec, script_json
from generator.site.charts import dimension_matrix, indicator_label, network_charts, overview_charts, trend_chart
from generator.site.lifted import lifted_table
from generator.site.paths import CHART_KINDS, COLOUR_CSS, NAV_FILE, STATIC_DIR
from generator.site.rendered import PAGES_INDEX, PreviousPages, RenderedPage, file_digests, page_key, pages_index, program_fingerprint
from generator.site.static import render_static, static_path

# The network CSV's header, in the site's language (the English names are in the catalogue).
CSV_COLUMNS = (N_("netwerk"), N_("meetmoment"), N_("indicator"), N_("situatie"), "n", N_("mediaan"), N_("gemiddelde"), "min", "max", N_("gedeeld"))


@dataclass(frozen=True)
class GeneratedSite:
    """Every file of the docs folder, by relative path, and what MkDocs needs besides."""

    files: dict[str, bytes]
    nav: list
    site_name: str
    digests: dict[str, str] = field(default_factory=dict)  # SHA-256 of each file (all of them when made by `render_site`)


def template_environment(templates_dir: Path = TEMPLATES_DIR, overrides: Path | None = None,
                         translations: Translations = DUTCH, compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """The page templates; a template in `overrides` (a project's `sjablonen/`) replaces ours of the
    same name. Texts marked `{% trans %}` or `_()` come in the language of `translations` (Dutch by default)."""
    loaders = ([jinja2.FileSystemLoader(str(overrides))] if overrides is not None else []) + [jinja2.FileSystemLoader(str(templates_dir))]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=md,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=compiled,  # templates compiled by an earlier build (`generator.site.template_cache`)
    )
    t = translations
    env.globals["lifted_table"] = lifted_table
    env.install_gettext_callables(t.template_gettext, t.template_ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        date=lambda d: Markup(t.date(d)), moment=lambda m: t.moment(m.label), url=url, yaml_title=yaml_title, html=html_text, attr=html_attr,
        num=t.number, signed=t.signed, chart=chart_block, code=code_span, word=lambda member: t.gettext(word(member)),
        message=lambda message: message.render(t), problem=lambda problem: problem.format(t),
    )
    return env


@jinja2.pass_context
def chart_block(context: jinja2.runtime.Context, chart: Chart | None, root: str) -> Markup:
    """A chart: the interactive one (drawn by netwerkspiegel.js), its static SVG when the build
    makes them (`static_charts`), and its summary in words.

    Only a chart the page declared can be shown (its data, and its SVG, were made for that). The
    data is not in the page but in the page's data file (`data-src`, from the site's root), which
    the script loads: so neither Python-Markdown nor the search index nor a link checker reads it,
    and a reader's browser loads it only for a page that shows it.
    """
    if chart is None:
        return Markup("")
    spec = context["chart_specs"].get(chart)
    if spec is None:
        raise ValueError(f"{context.name} shows a chart it did not declare ({chart.kind})")
    static = context["static_paths"].get(chart)
    image = f'![{md(spec.description)}]({root}{static}){{ .ns-static }}\n\n' if static else ""
    return Markup(
        f'<div class="ns-chart" data-kind="{spec.kind}" role="figure" aria-label="{html_attr(spec.description)}" '
        f'data-chart="{spec.id}" data-src="{context["chart_data"]}"></div>\n\n'
        f'{image}<p class="ns-summary">{html_text(spec.description)}</p>'
    )


def chart_data_file(specs: list[ChartSpec]) -> tuple[str, bytes]:
    """(path, content) of the data file of a page's charts: a classic script (a page opened from
    disk may load scripts, not fetch files) that adds each chart's template name and data to
    `window.netwerkspiegelCharts`. Named by its content, so an unchanged page keeps its file."""
    entries = ",".join(f'"{spec.id}":{{"template":"{spec.template}","chart":{spec.data}}}' for spec in sorted(specs, key=lambda spec: spec.id))
    content = ("window.netwerkspiegelCharts=Object.assign(window.netwerkspiegelCharts||{},{" + entries + "});\n").encode("utf-8")
    return f"{STATIC_DIR}/{hashlib.sha256(content).hexdigest()[:20]}.js", content


def chart_kinds_file(kinds: ChartKinds, used: set[str]) -> bytes:
    """`assets/grafiekvormen.js`: the Vega-Lite template of every kind of chart the site shows, loaded once."""
    return ("// Written by Netwerkspiegel: every kind of chart, its data left out (see grafieken/*.js).\n"
            "window.netwerkspiegelKinds=" + script_json(kinds.templates(used)) + ";\n").encode("utf-8")


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

    def content(self) -> tuple[dict[str, Any], tuple[Chart, ...]]:
        return self.make() if self.make is not None else (self.context, self.charts)


def network_slugs(networks: tuple[str, ...]) -> dict[str, str]:
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for name in networks:
        base = slugify(name)
        slug, counter = base, 2
        while slug in used or slug == "index":
            slug, counter = f"{base}-{counter}", counter + 1
        used.add(slug)
        slugs[name] = slug
    return slugs


def render_site(figures: Figures, kinds: ChartKinds, env: jinja2.Environment, assets: dict[str, bytes],
                translations: Translations = DUTCH, static_charts: bool = False, previous: PreviousPages | None = None,
                store: Store | None = None) -> GeneratedSite:
    """Plan the pages (with the charts each declares), make those charts, then render the pages:
    one page at a time, so that only one page's chart rows are in memory (at a thousand networks
    all of them together would be half a gigabyte).

    `static_charts`: every chart also as a static SVG (vl-convert, 20–60 ms a chart), for print
    without JavaScript and to paste into a report; without it, print shows the drawn charts.
    `previous`: the pages of the previous build; one whose inputs are the same is taken from there.
    `store`: where static SVGs are kept between builds."""
    view = figures.view
    t = translations
    _ = t.gettext
    slugs = network_slugs(view.networks)
    files: dict[str, bytes] = dict(assets)
    static_paths: dict[Chart, str] = {}
    static_specs: list[str] = []
    templates: set[str] = set()
    framework = view.framework
    common = {
        "view": view,
        "framework": framework,
        "settings": view.settings,
        "public": view.is_public,
        "slugs": slugs,
        "indicator_label": lambda code: indicator_label(framework, code),
        "starter_kinds": StarterKind,
        "situations": Situation,
    }
    previous = previous or PreviousPages()
    # Static charts are made for the whole site at once: with them every page is rendered.
    fingerprint = None if static_charts else program_fingerprint(env, (
        t.language.value, view.is_public, view.settings, framework.dimensions, framework.indicators, framework.cycles,
        framework.about_dimensions, framework.about_cycles))
    index: dict[str, tuple[str, RenderedPage]] = {}
    for plan in plan_pages(figures, slugs, t):
        key = page_key(fingerprint, plan.inputs) if fingerprint is not None and plan.inputs is not None else None
        reused = previous.get(plan.path, key) if key is not None else None
        if key is not None and reused is not None:
            files.update(reused.files)
            for name, options in reused.chart_templates.items():
                templates.add(kinds.with_options(options) if options else name)
            index[plan.path] = (key, reused)
            continue
        page_context, page_charts = plan.content()
        root = "../" * plan.path.count("/")  # Markdown links are relative to the page's file
        page_specs = {chart: kinds.spec(chart) for chart in page_charts}
        templates |= {spec.template for spec in page_specs.values()}
        data_path = ""
        if page_specs:
            data_path, files[data_path] = chart_data_file(list(page_specs.values()))
        if static_charts:
            for chart, spec in page_specs.items():
                static_specs.append(kinds.full(spec))
                static_paths[chart] = static_path(static_specs[-1])
        context = {**common, "root": root, "chart_specs": page_specs, "chart_data": data_path, "static_paths": static_paths,
                   **page_context}  # a page may narrow the framework to its network
        files[plan.path] = env.get_template(plan.template).render(context).encode("utf-8")
        attached = plan.attachments() if plan.attachments is not None else {}
        files.update(attached)
        if key is not None:
            page_files = {plan.path: files[plan.path], **({data_path: files[data_path]} if data_path else {}), **attached}
            index[plan.path] = (key, RenderedPage(page_files, {spec.template: kinds.options_of(spec.template) for spec in page_specs.values()},
                                                  file_digests(page_files)))
    if fingerprint is not None:
        files[PAGES_INDEX] = pages_index(index)
    if static_specs:
        files.update(render_static(static_specs, store or Store(None), t))
    files[CHART_KINDS] = chart_kinds_file(kinds, templates)
    nav = _navigation(figures, slugs, _)
    # MkDocs and Material print the site name unescaped: it is the coach's text, so escape it here.
    audience_name = _("publiek overzicht") if view.is_public else _("intern")
    site_name = html_attr(f"{view.settings.site_title} — {audience_name}")
    look = _own_look(view, files)
    # Material's interface and search in the site's language; its light/dark switch named in it too.
    language = {"language": t.language.value, "palette_names": [_("Donkere modus"), _("Lichte modus")]}
    files[NAV_FILE] = (json.dumps({"nav": nav, "site_name": site_name, "site_url": view.settings.site_url, **look, **language},
                                  ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
    known = {name: digest for _, page in index.values() for name, digest in page.digests.items()}
    digests = {**file_digests({name: content for name, content in files.items() if name not in known}), **known}
    return GeneratedSite(files, nav, site_name, dict(sorted(digests.items())))


def plan_pages(figures: Figures, slugs: dict[str, str], t: Translations = DUTCH) -> Iterator[PagePlan]:
    """Every page of the site for this audience, with its context and the charts it shows; one at
    a time (a page's charts are declared when it is its turn)."""
    view = figures.view
    framework = view.framework
    yield from [PagePlan("index.md", "index.md.j2", {"networks": figures.networks}), PagePlan("kaders.md", "kaders.md.j2", {}),
                *_list_pages(figures, slugs, t)]
    for network, withheld, theme in _network_contexts(figures):
        slug = slugs[network.network]

        def network_page(network: NetworkFigures = network, slug: str = slug, withheld: list = withheld, theme: Any = theme
                         ) -> tuple[dict[str, Any], tuple[Chart, ...]]:
            charts = network_charts(network, view, t)
            context = {
                "net": network, "charts": charts, "csv_name": f"{slug}.csv", "table": _network_table(network),
                "withheld": withheld, "theme": theme,
                "cycle_table": _cycle_table(network, framework), "stories_by_cycle": _stories_by_cycle(network, framework),
                "framework": framework.for_network(network.network),
            }
            return context, charts.declared()

        # What the template and `network_charts` read besides the settings and the framework.
        def csv_file(network: NetworkFigures = network, slug: str = slug) -> dict[str, bytes]:
            return {f"netwerken/{slug}.csv": _network_csv(network, framework, t)}

        yield PagePlan(f"netwerken/{slug}.md", "network.md.j2", inputs=_network_page_inputs(network, slug, withheld, theme), make=network_page,
                       attachments=csv_file)
    current = _current_stats(figures)
    # Each indicator's figures of the current situation, in the order of `figures.stats`: one pass, not one per indicator.
    current_of: dict[str, list[Stat]] = {}
    for stat in figures.stats:
        if stat.situation == Situation.CURRENT:
            current_of.setdefault(stat.indicator, []).append(stat)
    for dimension in framework.dimensions:
        members = framework.indicators_of(dimension.code)
        trends = [trend_chart(view, current_of.get(indicator.code, []), indicator.code, t) for indicator in members]
        indicators = [
            {"indicator": indicator, "chart": trend, "rows": rows, "table": _dimension_table(rows, t)}
            for indicator, trend in zip(members, trends, strict=True)
            for rows in [_dimension_rows(figures, current, indicator.code)]
        ]
        matrix = dimension_matrix(figures, view, dimension, t)
        yield PagePlan(
            f"dimensies/{dimension.slug}.md", "dimension.md.j2", {"dimension": dimension, "indicators": indicators, "matrix": matrix},
            tuple(chart for chart in [matrix, *trends] if chart is not None),
        )
    overview = overview_charts(figures, view, t)
    if view.is_public:
        yield PagePlan(
            "verhalen.md", "verhalen.md.j2",
            {"stories_by_cycle": _stories_by_cycle_all(figures, framework), "themes": view.themes, "networks": figures.networks,
             "showcase": _showcase_figures(figures), "charts": overview},
            overview.declared(),
        )
    else:
        median_rows = _median_rows(figures, t)
        yield PagePlan(
            "overzicht.md", "overzicht.md.j2",
            {"networks": figures.networks, "charts": overview, "patterns": patterns(framework, view.settings, figures.networks, t),
             "median_rows": median_rows, "median_table": [[row["network"], row["moment"], *row["cells"]] for row in median_rows],
             "median_columns": _median_columns(figures),
             "cycle_rows": [[network.network, *(count for _, count in network.cycle_counts)] for network in figures.networks]},
            overview.declared(),
        )
        yield PagePlan("formulieren.md", "formulieren.md.j2", {"questions": form_questions(framework, view.settings, t)})
        ticks = _scale_ticks(view.settings.scale_min, view.settings.scale_max, t)
        for network in figures.networks:

            def questionnaire(name: str = network.network) -> tuple[dict[str, Any], tuple[Chart, ...]]:
                asked = framework.for_network(name)
                title = t.gettext("Vragenlijst %(network)s") % {"network": name}
                return {"network": name, "title": title, "ticks": ticks, "questions": form_questions(asked, view.settings, t), "framework": asked}, ()

            yield PagePlan(f"vragenlijsten/{slugs[network.network]}.md", "vragenlijst.md.j2",
                           inputs=("questionnaire", slugs[network.network], network.network), make=questionnaire)
        yield PagePlan(
            "kwaliteit.md", "kwaliteit.md.j2",
            {"tables": view.tables, "notices": view.notices, "ignored_files": view.ignored_files,
             "unused": [(table, row) for table in view.tables for row in table.unused], "totals": _totals(view.tables)},
        )


def _network_contexts(figures: Figures) -> Iterator[tuple[NetworkFigures, list[Withheld], str | None]]:
    """Each network's figures, with its withheld groups and its theme."""
    withheld_by_network: dict[str, list[Withheld]] = {}
    for group in figures.view.withheld:
        withheld_by_network.setdefault(group.network, []).append(group)
    for network in figures.networks:
        yield network, withheld_by_network.get(network.network, []), figures.view.themes.get(network.network)


def _network_page_inputs(network: NetworkFigures, slug: str, withheld: list[Withheld], theme: str | None) -> tuple[object, ...]:
    """What a network's page is made from, as its key hashes it: the figures with, in place of the
    crosses and of what is computed from them alone (`ScoreFigures`), the digest of what the
    crosses are made from (`positions_digest`: equal digests, equal crosses and figures). So a
    network whose figures were taken over keeps its page's key, and the key is quick to make."""
    return ("network", slug, replace(network, positions=(), positions_packed=b"", stats=(), changes=(), spreads={}, roles=(), roles_left_out=()),
            withheld, theme)


def _scale_ticks(low: float, high: float, t: Translations) -> list[str]:
    """The numbers printed under a questionnaire's line: every whole number of a short scale, else
    the ends and three steps between them."""
    if float(low).is_integer() and float(high).is_integer() and high - low <= 20:
        return [t.short_number(value) for value in range(int(low), int(high) + 1)]
    return [t.short_number(round(low + (high - low) * step / 4, 2)) for step in range(5)]


def _own_look(view: AudienceView, files: dict[str, bytes]) -> dict[str, object]:
    """The coach's logo, colour and footer line: files for the site and what MkDocs is told.

    Material prints the footer line (`copyright`) as HTML, so the coach's text is escaped here."""
    settings = view.settings
    look: dict[str, object] = {}
    if view.logo is not None:
        path, image = view.logo
        files[path] = image
        look["logo"] = path
    if settings.colour:
        files[COLOUR_CSS] = _colour_css(settings.colour).encode("utf-8")
        look["extra_css"] = [COLOUR_CSS]
    footer = " · ".join(part for part in (settings.organisation, settings.footer) if part)
    if footer:
        look["copyright"] = html.escape(footer)
    return look


def _colour_css(colour: str) -> str:
    """The coach's main colour as Material's primary colour, with a lighter and a darker shade."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))

    def mix(target: int, share: float) -> str:
        return "#" + "".join(f"{round(c + (target - c) * share):02x}" for c in (red, green, blue))

    return (
        "/* site.kleur uit netwerkspiegel.toml */\n"
        ":root, [data-md-color-primary=\"custom\"] {\n"
        f"  --md-primary-fg-color: {colour.lower()};\n"
        f"  --md-primary-fg-color--light: {mix(255, 0.2)};\n"
        f"  --md-primary-fg-color--dark: {mix(0, 0.25)};\n"
        "}\n"
    )


# Beyond this many networks the menu does not list them one by one (a list of hundreds helps nobody,
# and Material would put it into every page): it links to a page that lists them.
NAV_NETWORKS_LIMIT = 20


def _listed(figures: Figures, slugs: dict[str, str], folder: str) -> object:
    """A menu section of one entry per network, or, for many networks, the folder's list page."""
    if len(figures.view.networks) > NAV_NETWORKS_LIMIT:
        return f"{folder}/index.md"
    return [{html_attr(n): f"{folder}/{slugs[n]}.md"} for n in figures.view.networks]


def _list_pages(figures: Figures, slugs: dict[str, str], t: Translations) -> list[PagePlan]:
    if len(figures.view.networks) <= NAV_NETWORKS_LIMIT:
        return []
    count = len(figures.view.networks)
    intro = t.gettext("Alle %(count)s netwerken. Ze staan niet elk apart in het menu; de zoekfunctie bovenaan vindt ze ook.") % {"count": count}
    links = [(name, f"{slugs[name]}.md") for name in figures.view.networks]
    plans = [PagePlan("netwerken/index.md", "lijst.md.j2", {"title": t.gettext("Netwerken"), "intro": intro, "links": links})]
    if not figures.view.is_public:
        plans.append(PagePlan("vragenlijsten/index.md", "lijst.md.j2", {"title": t.gettext("Vragenlijsten"), "intro": intro, "links": links}))
    return plans


def _navigation(figures: Figures, slugs: dict[str, str], _: Callable[[str], str]) -> list:
    framework = figures.view.framework
    nav: list = [{"Home": "index.md"}]
    if not figures.view.is_public:
        nav.append({_("Overzicht voor coaches"): "overzicht.md"})
    nav.append({_("Netwerken"): _listed(figures, slugs, "netwerken")})
    nav.append({_("Dimensies"): [{html_attr(f"{d.code}. {d.name}"): f"dimensies/{d.slug}.md"} for d in framework.dimensions]})
    if figures.view.is_public:
        nav.append({_("Verhalen"): "verhalen.md"})
    nav.append({_("Over de kaders"): "kaders.md"})
    if not figures.view.is_public:
        nav.append({_("Vragenlijsten"): _listed(figures, slugs, "vragenlijsten")})
        nav.append({_("Vragen voor formulieren"): "formulieren.md"})
        nav.append({_("Gegevenskwaliteit"): "kwaliteit.md"})
    return [{str(k): v for k, v in item.items()} for item in nav]


def _totals(tables: Sequence[TableSummary]) -> dict[str, int]:
    return {
        "rows": sum(t.rows for t in tables), "used": sum(t.used for t in tables),
        "unused": sum(len(t.unused) for t in tables), "empty": sum(t.empty for t in tables),
    }


def _median_columns(figures: Figures) -> list[str]:
    """The indicators of the coaches' median table: the eleven, and an own indicator only where a
    network has figures for it."""
    shown = {code for network in figures.networks for code in network.latest_current}
    return [ind.code for ind in figures.view.framework.indicators if not ind.own or ind.code in shown]


def _median_rows(figures: Figures, t: Translations) -> list[dict]:
    """Per network with figures: its name, latest moment, and per indicator the median (and n)."""
    rows = []
    columns = _median_columns(figures)
    for network in figures.networks:
        if network.latest is None:
            continue
        latest = network.latest_current
        cells = [_median_cell(latest.get(c), t) for c in columns]
        rows.append({"network": network.network, "moment": t.moment(network.latest.label), "cells": cells})
    return rows


def _showcase_figures(figures: Figures) -> dict[str, int]:
    """What the public showcase says in numbers (from the public view: consented stories only)."""
    return {
        "networks": len(figures.networks),
        "stories": sum(len(n.stories) for n in figures.networks),
        "cycles": len({s.cycle for n in figures.networks for s in n.stories}),
    }


def _network_table(network: NetworkFigures) -> list[dict[str, Any]]:
    """Latest moment per indicator: medians for current and desired, spread, and n."""
    if network.latest is None:
        return []
    return [
        {"indicator": code, "current": stat, "desired": network.stat(network.latest, code, Situation.DESIRED),
         "spread": network.spreads.get((code, Situation.CURRENT))}
        for code, stat in network.latest_current.items()
    ]


def _cycle_table(network: NetworkFigures, framework: Framework) -> list[dict[str, Any]]:
    """Reflections per cycle and moment: the count, split into individual and collective where known."""
    rows = []
    for cycle in framework.cycles:
        cells = [c for c in network.value_cells if c.cycle == cycle.code]
        texts = [
            (str(c.total) if c.total else "–") + (f" ({c.individual} ind., {c.collective} coll.)" if c.individual or c.collective else "")
            for c in cells
        ]
        rows.append({"cycle": cycle, "cells": texts, "total": sum(c.total for c in cells)})
    return rows


def _stories_by_cycle(network: NetworkFigures, framework: Framework) -> list[tuple[Cycle, list[Story]]]:
    return [(cycle, [s for s in network.stories if s.cycle == cycle.code]) for cycle in framework.cycles]


def _stories_by_cycle_all(figures: Figures, framework: Framework) -> list[tuple[Cycle, list[tuple[str, Story]]]]:
    return [
        (cycle, [(n.network, s) for n in figures.networks for s in n.stories if s.cycle == cycle.code])
        for cycle in framework.cycles
    ]


def _current_stats(figures: Figures) -> list[dict[str, dict]]:
    """Per network (in order): indicator → moment → the figures of the current situation. Made
    once for all dimension pages: scanning every network's figures per indicator grows with both."""
    current: list[dict[str, dict]] = []
    for network in figures.networks:
        by_indicator: dict[str, dict] = {}
        for stat in network.stats:
            if stat.situation == Situation.CURRENT:
                by_indicator.setdefault(stat.indicator, {})[stat.moment] = stat
        current.append(by_indicator)
    return current


def _dimension_rows(figures: Figures, current: list[dict[str, dict]], indicator: str) -> list[dict]:
    """Per network: the median (and n) of the current situation at every moment."""
    rows = []
    for network, by_indicator in zip(figures.networks, current, strict=True):
        cells = by_indicator.get(indicator)
        if cells:
            rows.append({"network": network.network, "cells": [cells.get(m) for m in figures.view.moments]})
    return rows


def _dimension_table(rows: list[dict], t: Translations) -> list[list[str]]:
    return [[row["network"], *(_median_cell(cell, t) for cell in row["cells"])] for row in rows]


def _median_cell(stat: Stat | None, t: Translations) -> str:
    """A table cell of the coaches' overview and the dimension pages: the median and its n, or a dash."""
    return f"{t.number(stat.median)} (n={stat.n})" if stat is not None else "–"


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
