"""Stage 3, site (pages): Markdown pages, CSV files and the navigation, rendered from Jinja2 templates.

The result is a `GeneratedSite` held in memory: nothing is written here. Every `{{ … }}` in a
template is escaped as Markdown unless it is `Markup` made by `generator.core.text` (see there).
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.analyse.audience import AudienceView
from generator.analyse.figures import Figures
from generator.core.errors import BuildError
from generator.core.fonts import fonts_version
from generator.core.language import DUTCH, Message, Translations
from generator.core.processes import installed_version
from generator.core.resources import TEMPLATES_DIR
from generator.core.store import Store
from generator.core.text import code_span, html_attr, html_text, md, slugify, url, yaml_title
from generator.core.vocabulary import Situation, StarterKind, word
from generator.site.chart_kinds import Chart, ChartKinds, ChartSpec, script_json
from generator.site.charts import indicator_label
from generator.site.lifted import lifted_table
from generator.site.page_kinds import PAGE_KINDS, PagePlan
from generator.site.paths import CHART_KINDS, COLOUR_CSS, NAV_FILE, SITE_OWN_NAMES, STATIC_DIR
from generator.site.rendered import PAGES_INDEX, PreviousPages, RenderedPage, file_digests, page_key, pages_index, program_fingerprint
from generator.site.reports import Reports
from generator.site.static import render_static, static_path


@dataclass(frozen=True)
class GeneratedSite:
    """Every file of the docs folder, by relative path, and what MkDocs needs besides."""

    files: dict[str, bytes]
    nav: list
    site_name: str
    digests: dict[str, str] = field(default_factory=dict)  # SHA-256 of each file (all of them when made by `render_site`)
    networks_taken_over: int = 0  # networks whose figures came from an earlier build (see `generator.pipeline.generate`)


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


def network_slugs(networks: tuple[str, ...]) -> dict[str, str]:
    """Each network's file name (its page, table, questionnaire and report): its name as a slug,
    in the networks' order; a name whose slug another network already has, or that the site uses
    itself in a network's folder (`SITE_OWN_NAMES`: a list page, the programme's report), gets the
    first free `-2`, `-3`, …. So no network overwrites another's files or the site's own."""
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for name in networks:
        base = slugify(name)
        slug, counter = base, 2
        while slug in used or slug in SITE_OWN_NAMES:
            slug, counter = f"{base}-{counter}", counter + 1
        used.add(slug)
        slugs[name] = slug
    return slugs


def _one_file_each(paths: list[str]) -> None:
    """No two pages or reports of a site are one file (one would silently replace the other): a
    fault of Netwerkspiegel (network slugs avoid the site's own names), said before anything is written."""
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise BuildError(Message("Twee delen van de site zouden hetzelfde bestand %(path)s worden; er is niets geschreven en de vorige site "
                                     "blijft staan. Dit is een fout van Netwerkspiegel: meld hem, met de namen van je netwerken.", path=path))
        seen.add(path)


def render_site(figures: Figures, kinds: ChartKinds, env: jinja2.Environment, assets: dict[str, bytes],
                translations: Translations = DUTCH, static_charts: bool = False, previous: PreviousPages | None = None,
                store: Store | None = None, reports: Reports | None = None) -> GeneratedSite:
    """Plan the pages (with the charts each declares; a network page's are declared only when it
    is rendered), make those charts, then render the pages one at a time, so that only one network
    page's chart rows are in memory (at a thousand networks all of them would be half a gigabyte).
    The plans are listed first: the reports of the pages to render are then typeset meanwhile.

    `static_charts`: every chart also as a static SVG (vl-convert, 20–60 ms a chart), for print
    without JavaScript and to paste into a report; without it, print shows the drawn charts.
    `previous`: the pages of the previous build; one whose inputs are the same is taken from there.
    `store`: where static SVGs are kept between builds. `reports`: where the PDF reports go
    (`generator.site.reports`), each made with its page; None: no reports."""
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
        "reports": reports,
    }
    previous = previous or PreviousPages()
    # Static charts are made for the whole site at once: with them every page is rendered.
    fingerprint = None if static_charts else program_fingerprint(env, (
        t.language.value, view.is_public, view.settings, framework.dimensions, framework.indicators, framework.cycles,
        framework.about_dimensions, framework.about_cycles, reports is not None and (installed_version("typst"), fonts_version()), view.logo))
    index: dict[str, tuple[str, RenderedPage]] = {}
    # First which pages are taken over, and the reports of the others: those are typeset (by other
    # processes, when there are many) as they are added and while the pages are rendered.
    plans: list[tuple[PagePlan, str | None, RenderedPage | None]] = []
    report_of: dict[str, str] = {}  # a rendered page's path → its report's
    for plan in plan_pages(figures, slugs, t):
        key = page_key(fingerprint, plan.inputs) if fingerprint is not None and plan.inputs is not None else None
        reused = previous.get(plan.path, key) if key is not None else None
        plans.append((plan, key, reused))
        if reused is None and plan.report is not None and reports is not None:
            report_of[plan.path], data = plan.report()
            reports.add(report_of[plan.path], data)
    _one_file_each([plan.path for plan, _key, _reused in plans] + list(report_of.values()))
    rendered: dict[str, tuple[str, dict[str, bytes], dict[str, tuple[str, ...]]]] = {}
    for plan, key, reused in plans:
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
            rendered[plan.path] = (key, page_files, {spec.template: kinds.options_of(spec.template) for spec in page_specs.values()})
    made = reports.files() if reports is not None else {}
    files.update(made)
    for path, (key, page_files, chart_templates) in rendered.items():
        if path in report_of:
            page_files[report_of[path]] = made[report_of[path]]
        index[path] = (key, RenderedPage(page_files, chart_templates, file_digests(page_files)))
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
    """Every page of the site for this audience, kind by kind (`PAGE_KINDS`), with its context and
    the charts it shows; one at a time (a page's charts are declared when it is its turn)."""
    for kind in PAGE_KINDS:
        if kind.on(figures):
            yield from kind.plans(figures, slugs, t)


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


def _navigation(figures: Figures, slugs: dict[str, str], _: Callable[[str], str]) -> list:
    """The menu: each kind of page's entry, in the order of `PAGE_KINDS`."""
    entries = (kind.menu(figures, slugs, _) for kind in PAGE_KINDS if kind.on(figures))
    return [{str(k): v for k, v in entry.items()} for entry in entries if entry]
