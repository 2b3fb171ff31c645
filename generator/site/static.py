"""Stage 3, site (static charts): every chart also as a static SVG file, for print and for readers without JavaScript.

Rendering one chart with vl-convert takes 20–60 ms, so each SVG is kept in the store (`svg`) by
its specification, the locale and vl-convert's version: a chart whose data did not change is
never rendered twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import version

from generator.core.language import DUTCH, Translations
from generator.core.store import Store
from generator.site.paths import STATIC_DIR

PRINT_WIDTH = 680


def static_path(spec_json: str) -> str:
    """The SVG's path in the docs folder, named by the chart's content."""
    return f"{STATIC_DIR}/{hashlib.sha256(spec_json.encode('utf-8')).hexdigest()[:20]}.svg"


# One vl-convert runtime renders one chart at a time; beyond this many charts to render, a pool of
# processes (one per core) renders them side by side.
POOL_THRESHOLD = 40
def number_locale(t: Translations) -> dict[str, object]:
    """Vega's number notation for the site's language (Babel's locale data, as `Translations` has it)."""
    return {"decimal": t.decimal, "thousands": t.group, "grouping": [3], "currency": ["€", ""]}


def _render(spec_json: str, locale: dict[str, object]) -> bytes:
    import vl_convert

    spec = json.loads(spec_json)
    spec["width"] = PRINT_WIDTH  # a page width instead of "container": there is no container here
    return vl_convert.vegalite_to_svg(spec, config={"locale": {"number": locale}}).encode("utf-8")


def _ignore_interrupts() -> None:
    """Ctrl+C reaches the whole process group: the main process says it was stopped, and the
    workers, which it ends itself, stay quiet instead of printing tracebacks."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def render_static(spec_jsons: list[str], store: Store, t: Translations = DUTCH) -> dict[str, bytes]:
    """{docs path: SVG bytes} for every distinct chart, its numbers in the notation of `t`'s
    language: from the store, else rendered (and kept)."""
    renderer = version("vl-convert-python")
    locale = number_locale(t)
    files: dict[str, bytes] = {}
    missing: dict[str, str] = {}
    keys: dict[str, str] = {}
    for spec_json in spec_jsons:
        path = static_path(spec_json)
        if path in files or path in missing:
            continue
        keys[path] = store.key("svg", renderer, PRINT_WIDTH, locale, spec_json)
        cached = store.load("svg", keys[path])
        if cached is not None:
            files[path] = cached
        else:
            missing[path] = spec_json
    if len(missing) > POOL_THRESHOLD and (os.cpu_count() or 1) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # "spawn", not fork: `serve` rebuilds from a server thread, and forking a threaded process can hang.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context, initializer=_ignore_interrupts) as pool:
            rendered = dict(zip(missing, pool.map(_render, missing.values(), [locale] * len(missing), chunksize=8), strict=True))
    else:
        rendered = {path: _render(spec_json, locale) for path, spec_json in missing.items()}
    for path in sorted(rendered):
        files[path] = rendered[path]
        store.save("svg", keys[path], rendered[path])
    return files
