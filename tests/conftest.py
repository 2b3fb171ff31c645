from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORE_HEADER = "netwerk,meetmoment,deelnemer,indicator,score,situatie\n"
REFLECTION_HEADER = "netwerk,meetmoment,deelnemer,waarde,reflectie,openbaar\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path
