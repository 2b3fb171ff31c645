"""The whole build as one library call, stage by stage.

read (load → dialects → recognise → validate → assemble)
  → analyse (audience → aggregate → insight)
  → site (pages declare their charts → chart specs and SVGs → Markdown → write → MkDocs build)

Everything is read and checked before anything is written. The pages are written to a staging
folder and built there; only when MkDocs succeeds are `site_src/` (changed files only) and `site/`
(swapped in whole) replaced, so a failed build leaves the previous ones exactly as they were.
"""

from __future__ import annotations

import contextlib
import gc
import shutil
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from generator.analyse.aggregate import aggregate
from generator.analyse.audience import for_audience
from generator.carried import NetworkStore, figure_keys
from generator.core.errors import BuildError, Code, InputError, Problem, UsageError, os_reason
from generator.core.framework import FRAMEWORK_FILE, load_framework
from generator.core.language import N_, Language, Message, translations
from generator.core.model import Dataset
from generator.core.name_removal import NameRemoval
from generator.core.progress import SILENT, Progress, Step
from generator.core.settings import SETTINGS_FILE_NAME, SITE_URL_HELP, valid_site_url
from generator.core.store import Store
from generator.core.vocabulary import Audience
from generator.read.assemble import assemble
from generator.read.kept import KeptTables
from generator.read.load import is_header_only, load_folder
from generator.read.logo import read_logo
from generator.read.settings_file import load_settings
from generator.read.validate import validate_tables
from generator.site.assets import bundle_made_alongside, site_assets
from generator.site.chart_kinds import ChartKinds
from generator.site.charts import indicator_label
from generator.site.engine import MKDOCS_CONFIG, build_html
from generator.site.folders import (
    DATA_FOLDER,
    OUTPUT_FOLDER,
    SOURCE_FOLDER,
    ZIP_FILE,
    ForeignZip,
    check_replaceable,
    check_separate,
    check_zip_target,
    clear_leftovers,
    interrupts_deferred,
    locked,
    make_staging,
    resolve,
    seal,
    swap_in,
    write_zip,
)
from generator.site.pages import GeneratedSite, render_site, template_environment
from generator.site.rendered import PreviousPages
from generator.site.reports import Reports
from generator.site.template_cache import compiled_templates
from generator.site.write import WriteResult, stage_tree


def read_data(data_dir: Path, store: Store | None = None, progress: Progress = SILENT, framework_file: Path = FRAMEWORK_FILE) -> Dataset:
    """Load, validate and model the data folder; raises `InputError` with every problem found.

    `store`: the memo of what was read before (None: nothing is kept or reused): what was parsed
    from each export, and what each canonical score table added to the data set. A table kept
    there, unchanged since and alone holding its networks' scores, is not read again: its networks
    are `Dataset.absent`, their scores packed in `Dataset.absent_scores`.
    `progress`: where reading shows how far it is. `framework_file`: the framework (by default the
    Dimensieraamwerk and the value-creation cycles, `core/data/framework.toml`)."""
    with _no_cycle_collection(), progress.step(N_("Exports lezen en controleren"), unit=N_("bestanden")) as step:
        return _read_data(data_dir, store, step, framework_file)


_SETTINGS_FIRST = frozenset({Code.SETTINGS_UNREADABLE, Code.SCALE_ORDER})


def _read_data(data_dir: Path, store: Store | None, step: Step, framework_file: Path) -> Dataset:
    shown = str(data_dir).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if not data_dir.exists():
        raise UsageError(Message("De datamap '%(path)s' bestaat niet.", path=shown))
    if not data_dir.is_dir():
        raise UsageError(Message("De datamap '%(path)s' is een bestand, geen map. Geef met --data de map met de exports op.", path=shown))
    settings, mappings, framework, problems = load_settings(data_dir, load_framework(framework_file))
    if any(problem.code in _SETTINGS_FIRST for problem in problems):
        # Without its settings (or with a scale that contradicts itself) the data cannot be judged:
        # every row would be measured against defaults, and the cause would drown in what follows
        # from it. So the settings' problems are reported alone, first; the data after they are fixed.
        raise InputError(problems)
    logo_refused = any(p.key == "site.logo" for p in problems)
    logo = None
    if settings.logo and not logo_refused:
        logo, logo_problems = read_logo(data_dir, settings.logo)
        problems += logo_problems
    kept = KeptTables(store, settings, mappings, framework) if store is not None and store.enabled else None
    loaded = load_folder(data_dir, ignore=(SETTINGS_FILE_NAME, settings.logo), store=store, step=step)
    problems += loaded.problems
    validated = validate_tables(loaded.tables, framework, settings, mappings, kept)
    problems += validated.problems
    if not validated.scores and not validated.absent and not problems:
        unfilled = sorted({n.file for n in loaded.notices if is_header_only(n)})
        no_scores = Message(
            "geen scores gevonden. Zet minstens één export met scores in deze map: een CSV- of "
            "Excel-bestand met de kolommen netwerk, meetmoment, deelnemer, indicator en score, of een "
            "formulier met vragen die met een indicator beginnen ('1a. …').")
        if unfilled:
            no_scores = Message("%(no_scores)s Nog leeg (alleen een kopregel): %(files)s; vul die in of zet er exports naast.",
                                no_scores=no_scores, files=", ".join(unfilled))
        for table in validated.tables:
            if table.unplaced_columns:  # the scores may be in columns that were not understood: named
                shown_columns = ", ".join(f"'{column}'" for column in table.unplaced_columns[:12]) + (", …" if len(table.unplaced_columns) > 12 else "")
                hint = (Message("Exporteer in LimeSurvey met 'Vraagcode & vraagtekst' of 'Volledige vraagtekst', of geef de kolommen een betekenis onder [kolommen], bijvoorbeeld \"%(column)s\" = \"1a\".",
                                column=table.unplaced_columns[0]) if table.dialect == "LimeSurvey" else
                        Message("Geef ze een betekenis in netwerkspiegel.toml onder [kolommen], bijvoorbeeld \"%(column)s\" = \"1a\".", column=table.unplaced_columns[0]))
                no_scores = Message("%(no_scores)s In %(file)s kon Netwerkspiegel deze kolommen niet plaatsen: %(columns)s. %(hint)s",
                                    no_scores=no_scores, file=table.name, columns=shown_columns, hint=hint)
        problems.append(Problem(data_dir.name or str(data_dir), None, None, None, no_scores, code=Code.NO_SCORES))
    if problems:
        raise InputError(problems)
    if kept is not None:
        kept.keep(validated.keep)
    dataset = assemble(framework, settings, validated, loaded.ignored_files, mappings.network_themes, loaded.notices, mappings.network_sizes)
    return replace(dataset, logo=logo)


def _site_url_refused(site_url: str) -> UsageError:
    return UsageError(Message("--site-url %(help)s Gekregen: '%(url)s'.", help=SITE_URL_HELP, url=site_url))


def with_site_url(dataset: Dataset, site_url: str | None) -> Dataset:
    """The data set with `site.url` replaced, as `--site-url` and `serve` ask."""
    if site_url is None:
        return dataset
    valid = valid_site_url(site_url)
    if valid is None:
        raise _site_url_refused(site_url)
    return replace(dataset, settings=replace(dataset.settings, site_url=valid))


OVERRIDES_DIR = "sjablonen"


def template_overrides(data_dir: Path) -> Path | None:
    """A project's own page templates: the folder `sjablonen/` beside the data folder, if there is one."""
    folder = data_dir.parent / OVERRIDES_DIR
    return folder if folder.is_dir() else None


@contextlib.contextmanager
def _own_templates_named(overrides: Path | None) -> Iterator[None]:
    """A project's own page template (`sjablonen/`) that Jinja cannot use stops the build (and the
    check) with the template and its line named, not a traceback."""
    import jinja2

    try:
        yield
    except (BuildError, InputError, UsageError):
        raise
    except Exception as error:  # any error an own template raises while it is rendered (1/0, a macro that calls itself)
        if overrides is None:
            raise
        line = getattr(error, "lineno", None) if isinstance(error, jinja2.TemplateError) else None
        place = getattr(error, "filename", None) if isinstance(error, jinja2.TemplateError) else None
        if place is None or not Path(place).is_relative_to(overrides):
            frames = traceback.extract_tb(error.__traceback__)
            own = [frame for frame in frames if Path(frame.filename).is_relative_to(overrides)]
            if not own:
                raise
            place, line = own[-1].filename, own[-1].lineno
        shown = f"{OVERRIDES_DIR}/{Path(place).relative_to(overrides).as_posix()}"
        if isinstance(error, jinja2.TemplateError):
            reason = (error.message or type(error).__name__).rstrip(".")
        else:
            said = str(error)
            reason = f"{type(error).__name__}: {said[:200]}{'…' if len(said) > 200 else ''}" if said else type(error).__name__
        raise BuildError(Message("Het eigen sjabloon %(file)s kan niet worden gebruikt, regel %(line)s (Jinja zegt: %(reason)s). "
                                 "Verbeter het of haal het weg; er is niets geschreven.", file=shown, line=line or "?", reason=reason)) from error


def generate(dataset: Dataset, audience: Audience, overrides: Path | None = None, language: Language | None = None,
             static_charts: bool = False, previous: PreviousPages | None = None, store: Store | None = None,
             progress: Progress = SILENT, reports: bool = True, names: NameRemoval | None = None) -> GeneratedSite:
    """Audience → aggregate → pages with their charts, all in memory, in `language` (by default the
    setting `site.taal`); `static_charts`: every chart also as a static SVG; `previous`: the pages
    of the previous build, taken over where their inputs are the same; `store`: the memo of each
    network's score figures, by what they are made of (a network whose scores were not read,
    `Dataset.absent`, and whose figures are not there has its kept scores unpacked);
    `progress`: where the steps show how far they are; `reports`: the PDF reports too (`generator.site.reports`);
    `names`: what removes names from the texts that go public (by default one made here, with `store`)."""
    t = translations(language or dataset.settings.language)
    store = store or Store(None)
    if audience == Audience.PUBLIC and names is None:
        names = NameRemoval(store, progress)
    dataset = replace(dataset, framework=dataset.framework.in_language(t.language))
    kinds = ChartKinds(dataset.settings, [indicator_label(dataset.framework, code) for code in dataset.framework.indicator_codes()], t,
                       store=store)
    env = template_environment(overrides=overrides, translations=t, compiled=compiled_templates(store, "pagina's"))
    keys = figure_keys(dataset, audience, t.language)
    networks = NetworkStore(store)
    carried = networks.take(keys) if store.enabled else {}
    dataset = dataset.with_scores_of(dataset.absent - carried.keys())
    # With no previous pages every network's report and the programme's are typeset, unless the store
    # has them: the processes that typeset start now, while the figures are made (if the store has
    # them all, those processes end without work).
    expected = len(dataset.networks) + 1 if not (previous and previous.index) else 0
    made_reports = Reports(store, dataset.logo, expected) if reports else None
    with progress.step(N_("Pagina's en grafieken maken")), _own_templates_named(overrides):
        view = for_audience(dataset, audience, names, translations=t, carried={network: kept.view for network, kept in carried.items()})
        figures = aggregate(view, t, carried, keys)
        site = render_site(figures, kinds, env, site_assets(store, translations=t), t, static_charts, previous, store, made_reports)
    if store.enabled:
        networks.keep({network: key for network, key in keys.items() if network not in carried}, figures.scores)
    return replace(site, networks_taken_over=len(carried))


def check(data_dir: Path, audience: Audience, language: Language | None = None, store: Store | None = None, progress: Progress = SILENT,
          framework_file: Path = FRAMEWORK_FILE, names: NameRemoval | None = None) -> Dataset:
    """What `netwerkspiegel check` runs: everything `build` runs on the data before it writes, for
    this audience, so that what would stop a build stops the check with the same report. The data
    folder is read and checked (the logo as the reports decode it, `read_data`), then analysed and
    made into pages in memory (`generate`: the audience, the figures, the pages and their names),
    without typesetting the reports and without writing anything but the cache. Returns the data set.
    Raises what the build would raise (`InputError` with every problem, `UsageError`)."""
    store = store or Store.default()
    check_store_apart(store, ((DATA_FOLDER, resolve(data_dir, DATA_FOLDER)),))
    with bundle_made_alongside(store):  # the pages need the Vega bundle too (made once, then kept)
        dataset = read_data(data_dir, store, progress, framework_file)
    generate(dataset, audience, overrides=template_overrides(data_dir), language=language, store=store, progress=progress,
             reports=False, names=names)
    return dataset


@dataclass(frozen=True)
class BuildResult:
    warnings: tuple[Problem, ...]
    pages: int
    written: WriteResult
    seconds: dict[str, float]
    reused_pages: int = 0  # pages whose HTML came unchanged from the previous site
    networks_taken_over: int = 0  # networks whose figures came from an earlier build (the store)
    networks_with_scores: int = 0


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while hundreds of thousands of records are made.

    The records hold no reference cycles (reference counting frees them), but every allocation
    burst makes the collector walk all of them again: about 40% of reading and generating time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def publish(site: GeneratedSite, src: Path, out: Path, config_file: Path = MKDOCS_CONFIG, offline: bool = False,
            progress: Progress = SILENT, store: Store | None = None) -> tuple[WriteResult, int]:
    """Write and build beside the old folders; only when MkDocs succeeds are they swapped in.
    Returns what was written, and how many pages' HTML was carried over from the previous site.

    `src` and `out` are resolved, checked (`check_replaceable`) and locked by the caller."""
    staged: list[Path] = []
    try:
        new_src, result = stage_tree(site.files, src)
        staged.append(new_src)
        new_out = make_staging(out)
        staged.append(new_out)
        with progress.step(N_("MkDocs bouwt de HTML"), unit=N_("pagina's")) as step:
            reuses = store is None or store.enabled
            reused = build_html(new_src, new_out, config_file, offline=offline, previous=out if out.is_dir() and reuses else None,
                                source_digests=site.digests, step=step, store=store)
        seal(new_out, out)
        swap_in(new_out, out)
        staged.remove(new_out)
        if result.changed or not src.exists():
            swap_in(new_src, src)
            staged.remove(new_src)
    finally:
        for leftover in staged:
            shutil.rmtree(leftover, ignore_errors=True)
    return result, reused


CACHE_FOLDER = Message("de cache (XDG_CACHE_HOME)")


def check_store_apart(store: Store, folders: tuple[tuple[Message, Path], ...]) -> None:
    """The store's folder is apart from the command's folders (resolved): not inside one of them,
    where it would put what was read from the exports (names, e-mail addresses) beside the coach's
    committed data or in the site, nor around one. Refused (UsageError, nothing written) otherwise."""
    if store.folder is None:
        return
    cache = resolve(store.folder, CACHE_FOLDER)
    shown_cache = str(cache).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    for what, folder in folders:
        shown = str(folder).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if cache.is_relative_to(folder):
            raise UsageError(Message(
                "De cache van Netwerkspiegel ('%(cache)s') ligt binnen de map voor %(what)s ('%(path)s'). Daar zou hij bewaren wat uit de "
                "exports gelezen is, met namen en e-mailadressen. Zet XDG_CACHE_HOME op een map daarbuiten (zonder XDG_CACHE_HOME staat de "
                "cache in ~/.cache/netwerkspiegel), of kies een andere map voor %(what)s.", cache=shown_cache, what=what, path=shown))
        if folder.is_relative_to(cache):
            raise UsageError(Message(
                "De map voor %(what)s ('%(path)s') ligt binnen de cache van Netwerkspiegel ('%(cache)s'). Kies een map buiten de cache: "
                "'netwerkspiegel cache --leegmaken' en het opruimen van de cache mogen niet bij je bestanden kunnen.", cache=shown_cache, what=what, path=shown))


def prepare_folders(data_dir: Path, src: Path, out: Path) -> tuple[Path, Path, Path]:
    """The three folders resolved, checked apart from each other: before anything is read."""
    data_dir = resolve(data_dir, DATA_FOLDER)
    src = resolve(src, SOURCE_FOLDER)
    out = resolve(out, OUTPUT_FOLDER)
    check_separate(data_dir, src, out)
    return data_dir, src, out


def build(data_dir: Path, src: Path, out: Path, audience: Audience, config_file: Path = MKDOCS_CONFIG, site_url: str | None = None,
          offline: bool = False, zip_file: Path | None = None, language: Language | None = None, static_charts: bool = False,
          store: Store | None = None, progress: Progress = SILENT, framework_file: Path = FRAMEWORK_FILE, reports: bool = True) -> BuildResult:
    """The whole build. `offline`: a site that works opened from disk; `zip_file`: also that site as
    one archive (implies `offline`); `language`: the site's language instead of the setting `site.taal`;
    `static_charts`: every chart also as a static SVG; `reports`: the PDF reports too; `store`: where work is kept between builds
    (by default the user's cache; `Store(None)`: nothing is reused, everything is made afresh); `progress`: where the steps that take a
    while show how far they are (the command line: stderr)."""
    if site_url is not None and valid_site_url(site_url) is None:
        raise _site_url_refused(site_url)
    data_dir, src, out = prepare_folders(data_dir, src, out)
    store = store or Store.default()
    check_store_apart(store, ((DATA_FOLDER, data_dir), (SOURCE_FOLDER, src), (OUTPUT_FOLDER, out)))
    for target, what in ((src, SOURCE_FOLDER), (out, OUTPUT_FOLDER)):
        check_replaceable(target, what)  # refused before even a lock file is made
    if zip_file is not None:
        zip_file = resolve(zip_file, ZIP_FILE)
        check_zip_target(zip_file, data_dir, src, out)  # before anything is read, built or locked
    with locked_folders(src, out):
        result = _build(data_dir, src, out, audience, config_file, site_url, offline or zip_file is not None, language, static_charts,
                        store, progress, framework_file, reports)
        if zip_file is not None:
            try:
                write_zip(out, zip_file)
            except ForeignZip as error:
                raise BuildError(Message("'%(zip)s' verscheen tijdens het bouwen en is geen zip-bestand van Netwerkspiegel; het is niet vervangen. "
                                         "De site zelf staat klaar in '%(path)s'.", zip=str(zip_file), path=str(out))) from error
            except OSError as error:  # the reason without the hidden name of the file being written
                reason = os_reason(OSError(error.errno, error.strerror))
                raise BuildError(Message("Het zip-bestand '%(zip)s' kon niet worden geschreven: %(reason)s. De site zelf staat klaar in '%(path)s'.",
                                         zip=str(zip_file), reason=reason, path=str(out))) from error
        return result


@contextlib.contextmanager
def locked_folders(src: Path, out: Path) -> Iterator[None]:
    """Hold both folders' locks, clear what killed builds left, and check both may be replaced."""
    try:
        with locked([src, out]):
            for target in (src, out):
                clear_leftovers(target)
            check_replaceable(src, SOURCE_FOLDER)
            check_replaceable(out, OUTPUT_FOLDER)
            try:
                yield
            finally:
                # However the build ends (an error, Ctrl+C in any stage), nothing staged stays behind.
                with interrupts_deferred():
                    for target in (src, out):
                        clear_leftovers(target)
    except OSError as error:
        raise BuildError(Message("Netwerkspiegel kon niet schrijven: %(reason)s. De vorige site blijft staan.", reason=os_reason(error))) from error


def _build(data_dir: Path, src: Path, out: Path, audience: Audience, config_file: Path, site_url: str | None, offline: bool,
           language: Language | None, static_charts: bool, store: Store, progress: Progress, framework_file: Path, reports: bool) -> BuildResult:
    # The previous build's pages and HTML are reused too, unless nothing may be (`--no-cache`).
    previous = PreviousPages(src if src.is_dir() and store.enabled else None)  # checked as ours (`locked_folders`)
    # A first public build (no previous pages) has every text looked at for names: Deduce is
    # prepared by the helpers while the exports are read.
    names = NameRemoval(store, progress, early=not previous.index) if audience == Audience.PUBLIC else None
    try:
        with _no_cycle_collection():
            start = time.perf_counter()
            with bundle_made_alongside(store):
                dataset = with_site_url(read_data(data_dir, store, progress, framework_file), site_url)
            seconds = {N_("lezen en controleren"): time.perf_counter() - start}
            start = time.perf_counter()
            site = generate(dataset, audience, overrides=template_overrides(data_dir), language=language, static_charts=static_charts,
                            previous=previous, store=store, progress=progress, reports=reports, names=names)
            seconds[N_("pagina's maken")] = time.perf_counter() - start
    finally:
        if names is not None:
            names.close()
    warnings, with_scores = dataset.warnings, len(dataset.score_inputs)
    del dataset  # MkDocs need not share the memory (or the collector's attention) with the records
    start = time.perf_counter()
    written, reused = publish(site, src, out, config_file, offline, progress, store)
    store.prune()
    seconds[N_("mkdocs build")] = time.perf_counter() - start
    pages = sum(1 for name in site.files if name.endswith(".md"))
    return BuildResult(warnings, pages, written, seconds, reused, site.networks_taken_over, with_scores)
