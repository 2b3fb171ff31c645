from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import hypothesis
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORE_HEADER = "netwerk,meetmoment,deelnemer,indicator,score,situatie\n"
REFLECTION_HEADER = "netwerk,meetmoment,deelnemer,waarde,reflectie,openbaar\n"


# Hypothesis: random examples on a developer's machine (to find new cases), the same examples on
# every CI run (so CI judges the change, not the luck of the draw). `.ci/run` picks "ci".
hypothesis.settings.register_profile("ci", derandomize=True, database=None)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_configure(config: pytest.Config) -> None:
    """A private cache for this test run (Deduce's lookup structures, the Vega bundle, chart SVGs),
    so what the tests cover never depends on what an earlier run or the user left in `~/.cache`.
    Build processes the tests start inherit it. pip keeps the user's own cache: it is not ours."""
    user_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    os.environ.setdefault("PIP_CACHE_DIR", str(user_cache / "pip"))
    os.environ["XDG_CACHE_HOME"] = config.stash[_CACHE] = tempfile.mkdtemp(prefix="netwerkspiegel-testcache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(config.stash.get(_CACHE, ""), ignore_errors=True)


_CACHE = pytest.StashKey[str]()

# Modules whose tests build whole sites again and again, install packages or prepare Deduce:
# `make test-fast` (`-m "not slow and not browser"`) leaves them out for the inner loop; `make test` runs all.
SLOW_MODULES = {"test_build", "test_carried", "test_coach_repository", "test_e2e", "test_folders", "test_golden", "test_loop",
                "test_privacy", "test_project", "test_reuse", "test_store"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.module is not None and item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def readable(content: bytes) -> str:
    """A built file as the text a reader gets from it: a PDF's metadata and the text of its pages
    (its own bytes are compressed), any other file decoded as UTF-8."""
    if not content.startswith(b"%PDF-"):
        return content.decode("utf-8", "replace")
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(content))
    metadata = reader.metadata or {}
    pages = reader.pages
    return "".join([f"{name}: {metadata[name]}\n" for name in ("/Title", "/Author") if name in metadata]
                   + [f"--- {number} / {len(pages)}\n{page.extract_text()}\n" for number, page in enumerate(pages, start=1)])
