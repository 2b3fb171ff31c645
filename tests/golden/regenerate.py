"""Regenerate the golden copies of site_src/ for the tiny data set in tests/golden/data/.

    python tests/golden/regenerate.py

Then read the diff (`git diff tests/golden/`) before committing: it is exactly what changed for users.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from generator.analyse.audience import AUDIENCES  # noqa: E402
from generator.pipeline import generate, read_data  # noqa: E402
from generator.site.assets import VEGA_BUNDLE  # noqa: E402
from generator.site.static import STATIC_DIR  # noqa: E402

STATIC = STATIC_DIR + "/"

DATA = HERE / "data"
# The Vega bundle is third-party code of almost a megabyte; it is checked apart, not copied here.
NOT_COPIED = (VEGA_BUNDLE,)


def golden_files(audience: str) -> dict[str, bytes]:
    """The generated files to compare. Static SVGs are rendered by vl-convert with the machine's
    fonts, so they are listed by name (their names hash the chart's data) rather than copied."""
    site = generate(read_data(DATA), audience)
    files = {path: content for path, content in site.files.items() if path not in NOT_COPIED and not path.startswith(STATIC)}
    listing = sorted(path for path in site.files if path.startswith(STATIC))
    files["grafieken.txt"] = ("".join(f"{path}\n" for path in listing)).encode("utf-8")
    return files


def main() -> None:
    for audience in AUDIENCES:
        target = HERE / "expected" / audience
        shutil.rmtree(target, ignore_errors=True)
        for path, content in golden_files(audience).items():
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            (target / path).write_bytes(content)
        print(f"{target.relative_to(HERE.parent.parent)}: bijgewerkt")


if __name__ == "__main__":
    main()
