"""Regenerate the golden copies of site_src/ for the tiny data set in tests/golden/data/.

    python tests/golden/regenerate.py      (or: make golden)

Then read the diff (`git diff tests/golden/`) before committing: it is exactly what changed for users.
Every chart's Vega-Lite specification is kept pretty-printed in a file of its own
(`<audience>/grafieken-json/<page>-<n>.json`), so a chart change reads as a diff of that chart;
every PDF report as the text it reads as (`rapporten/<name>.pdf.txt`).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from generator.core.language import Language  # noqa: E402
from generator.core.resources import TEMPLATES_DIR  # noqa: E402
from generator.core.vocabulary import Audience, word  # noqa: E402
from generator.pipeline import generate, read_data  # noqa: E402
from generator.site.chart_kinds import rows_of  # noqa: E402
from generator.site.paths import CHART_KINDS, STATIC_DIR, VEGA_BUNDLE  # noqa: E402
from generator.site.rendered import PAGES_INDEX  # noqa: E402
from tests.conftest import readable  # noqa: E402

STATIC = STATIC_DIR + "/"

DATA = HERE / "data"
# The Vega bundle is third-party code of almost a megabyte, checked apart; our own script and styles
# are copied into every site unchanged from templates/assets/, so a copy here would only repeat them.
OWN_ASSETS = tuple(f"assets/{path.relative_to(TEMPLATES_DIR / 'assets').as_posix()}" for path in (TEMPLATES_DIR / "assets").rglob("*") if path.is_file())
# The index of rendered pages holds keys that hash the program itself: bookkeeping, not content
# (tests/test_reuse.py checks what it does).
NOT_COPIED = (VEGA_BUNDLE, *OWN_ASSETS, PAGES_INDEX)


_CHART = re.compile(r'data-chart="([0-9a-f]{16})" data-src="(grafieken/[0-9a-f]{20}\.js)"')
_ASSIGNED = re.compile(r"^window\.[A-Za-z]+=(?:Object\.assign\(window\.[A-Za-z]+\|\|\{\},)?(.*?)\)?;\n$", re.DOTALL)


def _script_json(content: bytes) -> dict:
    """The JSON a data script or the chart kinds file hands to the page."""
    text = content.decode("utf-8").split("\n", 1)[1] if content.startswith(b"//") else content.decode("utf-8")
    found = _ASSIGNED.match(text)
    if found is None:
        raise ValueError(text[:80])
    return json.loads(found.group(1))


def golden_folder(audience: Audience, language: Language) -> str:
    """`intern`, `publiek` (Dutch, the default) and `en/intern`, `en/publiek`."""
    return word(audience) if language == Language.DUTCH else f"{language.value}/{word(audience)}"


def golden_files(audience: Audience, language: Language = Language.DUTCH) -> dict[str, bytes]:
    """The generated files to compare. The charts' data files are listed by name (their names hash
    their content); each chart, its kind's template with its data, is a pretty-printed file of its
    own, named in the page where it is shown."""
    site = generate(read_data(DATA), audience, language=language)
    files = {path: content for path, content in site.files.items() if path not in NOT_COPIED + (CHART_KINDS,) and not path.startswith(STATIC)}
    kinds = _script_json(site.files[CHART_KINDS])
    for path in sorted(p for p in files if p.endswith(".md")):
        counter = iter(range(1, 1000))

        def take_out(match: re.Match[str], page: str = path, counter: Iterator[int] = counter) -> str:
            name = f"grafieken-json/{page[:-3].replace('/', '-')}-{next(counter)}.json"
            entry = _script_json(site.files[match.group(2)])[match.group(1)]
            spec = {**kinds[entry["template"]], "datasets": {"rows": rows_of(entry["chart"])}, "description": entry["chart"]["description"]}
            files[name] = (json.dumps(spec, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
            return f'data-chart="zie {name}"'

        files[path] = _CHART.sub(take_out, files[path].decode("utf-8")).encode("utf-8")
    listing = sorted(path for path in site.files if path.startswith(STATIC))
    files["grafieken.txt"] = ("".join(f"{path}\n" for path in listing)).encode("utf-8")
    for path in sorted(p for p in files if p.endswith(".pdf")):  # a report as the text it reads as, page by page
        files[f"{path}.txt"] = readable(files.pop(path)).encode("utf-8")
    return files


def main() -> None:
    for language in Language:
        for audience in Audience:
            target = HERE / "expected" / golden_folder(audience, language)
            shutil.rmtree(target, ignore_errors=True)
            for path, content in golden_files(audience, language).items():
                (target / path).parent.mkdir(parents=True, exist_ok=True)
                (target / path).write_bytes(content)
            print(f"{target.relative_to(HERE.parent.parent)}: bijgewerkt")


if __name__ == "__main__":
    main()
