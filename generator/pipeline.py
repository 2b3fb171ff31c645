"""The whole build as one library call, stage by stage.

load → validate → model → audience → aggregate → charts → pages → write → mkdocs build

Everything is read and checked before anything is written. The pages are written to a staging
folder and built there; only when MkDocs succeeds are `site_src/` (changed files only) and `site/`
(swapped in whole) replaced, so a failed build leaves the previous ones exactly as they were.
"""

from __future__ import annotations

import contextlib
import gc
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from generator.aggregate import aggregate
from generator.assets import site_assets
from generator.audience import for_audience
from generator.charts import ChartKinds, indicator_label
from generator.errors import InputError, Problem, UsageError
from generator.framework import load_framework
from generator.load import load_folder
from generator.model import Dataset, assemble
from generator.pages import GeneratedSite, render_site, template_environment
from generator.settings import SETTINGS_FILE_NAME, load_settings
from generator.site import MKDOCS_CONFIG, build_html
from generator.validate import validate_tables
from generator.write import WriteResult, write_tree


def read_data(data_dir: Path) -> Dataset:
    """Load, validate and model the data folder; raises `InputError` with every problem found."""
    if not data_dir.is_dir():
        raise UsageError(f"De datamap '{data_dir}' bestaat niet.")
    framework = load_framework()
    settings, mappings, problems = load_settings(data_dir, framework)
    loaded = load_folder(data_dir, ignore=(SETTINGS_FILE_NAME,))
    problems += loaded.problems
    validated = validate_tables(loaded.tables, framework, settings, mappings)
    problems += validated.problems
    if not validated.scores and not any(p.row is not None for p in problems):
        problems.append(Problem(
            data_dir.name or str(data_dir), None, None, None,
            "geen scores gevonden. Zet minstens één export met scores in deze map: een CSV- of "
            "Excel-bestand met de kolommen netwerk, meetmoment, deelnemer, indicator en score, of een "
            "formulier met vragen die met een indicator beginnen ('1a. …').",
        ))
    if problems:
        raise InputError(problems)
    return assemble(framework, settings, validated, loaded.ignored_files, mappings.network_themes)


def with_site_url(dataset: Dataset, site_url: str | None) -> Dataset:
    """The data set with `site.url` replaced, as `--site-url` and `serve` ask."""
    if site_url is None:
        return dataset
    if not site_url.startswith(("http://", "https://")):
        raise UsageError(f"--site-url moet beginnen met http:// of https:// (gekregen: '{site_url}').")
    return replace(dataset, settings=replace(dataset.settings, site_url=site_url.rstrip("/") + "/"))


def generate(dataset: Dataset, audience: str, previous_src: Path | None = None) -> GeneratedSite:
    """Audience → aggregate → charts → pages, all in memory."""
    view = for_audience(dataset, audience)
    figures = aggregate(view)
    kinds = ChartKinds(dataset.settings, [indicator_label(dataset.framework, code) for code in dataset.framework.indicator_codes()])
    return render_site(figures, kinds, template_environment(), site_assets(previous_src))


@dataclass(frozen=True)
class BuildResult:
    warnings: tuple[Problem, ...]
    pages: int
    written: WriteResult
    seconds: dict[str, float]


@contextlib.contextmanager
def _no_cycle_collection():
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


def publish(site: GeneratedSite, src: Path, out: Path, config_file: Path = MKDOCS_CONFIG) -> WriteResult:
    """Build in a staging folder; only on success update `src` and swap in `out`."""
    src, out = src.resolve(), out.resolve()
    if src == out or out.is_relative_to(src) or src.is_relative_to(out):
        raise UsageError("De map voor de Markdown (--src) en de map voor de HTML (--out) moeten los van elkaar staan.")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="netwerkspiegel-src-") as staging_name:
        staging = Path(staging_name)
        write_tree(site.files, staging)
        new_out = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        try:
            build_html(staging, new_out, config_file)
        except BaseException:
            shutil.rmtree(new_out, ignore_errors=True)
            raise
    result = write_tree(site.files, src)
    old_out = out.with_name(f".{out.name}.old")
    shutil.rmtree(old_out, ignore_errors=True)
    if out.exists():
        out.rename(old_out)
    new_out.rename(out)
    shutil.rmtree(old_out, ignore_errors=True)
    return result


def build(data_dir: Path, src: Path, out: Path, audience: str, config_file: Path = MKDOCS_CONFIG, site_url: str | None = None) -> BuildResult:
    seconds: dict[str, float] = {}
    with _no_cycle_collection():
        start = time.perf_counter()
        dataset = with_site_url(read_data(data_dir), site_url)
        seconds["lezen en controleren"] = time.perf_counter() - start
        start = time.perf_counter()
        site = generate(dataset, audience, previous_src=src)
        seconds["pagina's maken"] = time.perf_counter() - start
    warnings = dataset.warnings
    del dataset  # MkDocs need not share the memory (or the collector's attention) with the records
    start = time.perf_counter()
    written = publish(site, src, out, config_file)
    seconds["mkdocs build"] = time.perf_counter() - start
    pages = sum(1 for name in site.files if name.endswith(".md"))
    return BuildResult(warnings, pages, written, seconds)
