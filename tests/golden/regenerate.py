"""Regenerate the golden copies of site_src/ for the tiny data set in tests/golden/data/.

    python tests/golden/regenerate.py      (or: make golden)

Then read the diff (`git diff tests/golden/`) before committing: it is exactly what changed for users.
Every chart's Vega-Lite specification is kept pretty-printed in a file of its own
(`<audience>/grafieken-json/<page>-<n>.json`), so a chart change reads as a diff of that chart.
"""

from __future__ import annotations

import html
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
from generator.site.paths import STATIC_DIR, VEGA_BUNDLE  # noqa: E402

STATIC = STATIC_DIR + "/"

DATA = HERE / "data"
# The Vega bundle is third-party code of almost a megabyte, checked apart; our own script and styles
# are copied into every site unchanged from templates/assets/, so a copy here would only repeat them.
OWN_ASSETS = tuple(f"assets/{path.relative_to(TEMPLATES_DIR / 'assets').as_posix()}" for path in (TEMPLATES_DIR / "assets").rglob("*") if path.is_file())
NOT_COPIED = (VEGA_BUNDLE, *OWN_ASSETS)


_SPEC = re.compile(r'data-spec="([^"]*)"')


def golden_folder(audience: Audience, language: Language) -> str:
    """`intern`, `publiek` (Dutch, the default) and `en/intern`, `en/publiek`."""
    return word(audience) if language == Language.DUTCH else f"{language.value}/{word(audience)}"


def golden_files(audience: Audience, language: Language = Language.DUTCH) -> dict[str, bytes]:
    """The generated files to compare. Static SVGs are rendered by vl-convert with the machine's
    fonts, so they are listed by name (their names hash the chart's data) rather than copied.
    Chart specifications are taken out of the pages into pretty-printed files of their own."""
    site = generate(read_data(DATA), audience, language=language)
    files = {path: content for path, content in site.files.items() if path not in NOT_COPIED and not path.startswith(STATIC)}
    for path in sorted(p for p in files if p.endswith(".md")):
        counter = iter(range(1, 1000))

        def take_out(match: re.Match[str], page: str = path, counter: Iterator[int] = counter) -> str:
            name = f"grafieken-json/{page[:-3].replace('/', '-')}-{next(counter)}.json"
            spec = json.loads(html.unescape(match.group(1)))
            files[name] = (json.dumps(spec, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
            return f'data-spec="zie {name}"'

        files[path] = _SPEC.sub(take_out, files[path].decode("utf-8")).encode("utf-8")
    listing = sorted(path for path in site.files if path.startswith(STATIC))
    files["grafieken.txt"] = ("".join(f"{path}\n" for path in listing)).encode("utf-8")
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
