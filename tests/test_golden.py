"""The whole generated site_src/ of a tiny data set, compared byte for byte with a checked-in copy.

After an intended change: `python tests/golden/regenerate.py`, then review `git diff tests/golden/`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.audience import AUDIENCES
from tests.golden.regenerate import golden_files

EXPECTED = Path(__file__).resolve().parent / "golden" / "expected"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_generated_site_matches_the_golden_copy(audience):
    generated = golden_files(audience)
    folder = EXPECTED / audience
    expected = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert sorted(generated) == sorted(expected)
    for path in sorted(expected):
        assert generated[path].decode("utf-8") == expected[path].decode("utf-8"), f"{audience}/{path} differs; see tests/golden/regenerate.py"
