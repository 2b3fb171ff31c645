"""Where one build's time goes: wall time per stage, without a profiler's overhead.

    python benchmarks/stages.py build --data DIR --src DIR --out DIR [other options of `netwerkspiegel build`]

Runs `netwerkspiegel build` in this process with a stopwatch around each stage function (the
stages of `generator/pipeline.py`) and prints the times after the build's own output. Run it on
the folders of `benchmarks/build.py N --keep DIR` after changing one export to see a rebuild.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

start = time.perf_counter()
import generator.pipeline as pipeline  # noqa: E402  (timed: the imports are part of every build)
import generator.site.pages as pages  # noqa: E402
from generator.cli import main  # noqa: E402

IMPORTS = time.perf_counter() - start

# (module, function, what it is): the stages in the order they run.
STAGES = [
    (pipeline, "load_settings", "lezen: instellingen"),
    (pipeline, "load_folder", "lezen: exports laden (cache per bestand)"),
    (pipeline, "validate_tables", "lezen: controleren"),
    (pipeline, "assemble", "lezen: gegevensset"),
    (pipeline, "for_audience", "analyse: publiek"),
    (pipeline, "aggregate", "analyse: cijfers"),
    (pipeline, "ChartKinds", "site: grafiekvormen"),
    (pages, "page_key", "site: paginasleutels (binnen pagina's maken)"),
    (pipeline, "render_site", "site: pagina's maken"),
    (pipeline, "stage_tree", "site: site_src schrijven"),
    (pipeline, "build_html", "mkdocs build"),
]


def stopwatch(totals: dict[str, float], label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.perf_counter() - began

    return timed


def run(arguments: list[str]) -> None:
    totals: dict[str, float] = {}
    for module, name, label in STAGES:
        setattr(module, name, stopwatch(totals, label, getattr(module, name)))
    began = time.perf_counter()
    code = main(arguments)
    whole = time.perf_counter() - began
    print(f"\n{'imports':52s} {IMPORTS:6.2f} s")
    for _, _, label in STAGES:
        if label in totals:
            print(f"{label:52s} {totals[label]:6.2f} s")
    print(f"{'hele build na de imports':52s} {whole:6.2f} s")
    sys.exit(code)


if __name__ == "__main__":
    run(sys.argv[1:])
