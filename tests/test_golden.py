"""The whole generated site_src/ of a tiny data set, compared byte for byte with a checked-in copy.

After an intended change: `python tests/golden/regenerate.py`, then review `git diff tests/golden/`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.language import Language
from generator.core.vocabulary import Audience
from tests.golden.regenerate import golden_files, golden_folder

EXPECTED = Path(__file__).resolve().parent / "golden" / "expected"


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("audience", list(Audience))
def test_generated_site_matches_the_golden_copy(audience, language):
    generated = golden_files(audience, language)
    folder = EXPECTED / golden_folder(audience, language)
    expected = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert sorted(generated) == sorted(expected)
    for path in sorted(expected):
        assert generated[path].decode("utf-8") == expected[path].decode("utf-8"), f"{golden_folder(audience, language)}/{path} differs; see tests/golden/regenerate.py"


@pytest.mark.parametrize("audience", list(Audience))
def test_every_chart_has_its_static_svg(audience):
    import re

    from generator.pipeline import generate, read_data
    from tests.golden.regenerate import DATA

    files = generate(read_data(DATA), audience, static_charts=True).files
    pages = [content.decode("utf-8") for path, content in files.items() if path.endswith(".md")]
    referenced = {match for page in pages for match in re.findall(r"\]\((?:\.\./)*(grafieken/[0-9a-f]{20}\.svg)\)\{ \.ns-static \}", page)}
    charts = sum(page.count('<div class="ns-chart"') for page in pages)
    # Exactly the charts the pages show have a static SVG: none missing, none unused.
    assert charts > 10 and referenced == {p for p in files if p.startswith("grafieken/") and p.endswith(".svg")}
    for path in referenced:
        assert files[path].startswith(b"<svg") and files[path].rstrip().endswith(b"</svg>")
