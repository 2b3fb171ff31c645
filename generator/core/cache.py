"""The user's cache folder: work that is expensive and never changes for the same input.

`$XDG_CACHE_HOME/netwerkspiegel` (by default `~/.cache/netwerkspiegel`). Holds the Vega bundle, the
static SVG of each chart, what was read from each export, the chart templates and the compiled page
templates, each named by version or content, so a stale entry is never used. A cache
that cannot be written is no error: the work is then simply done again next time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import pickle
from pathlib import Path

# The parts of the cache made from the program alone (and the settings): Deduce's lookup structures,
# the chart templates, the compiled page templates, the Vega bundle. Only these may be kept between
# CI runs (the CI files of `init` list them); the others hold what was read from the exports.
PROGRAM_CACHES = ("deduce", "grafiekvormen", "jinja", "vega-bundle-*.js")
DATA_CACHES = ("exports", "tabellen", "netwerken", "svg")


def cache_dir(*parts: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base.joinpath("netwerkspiegel", *parts)


def store(path: Path, content: bytes) -> None:
    """Write atomically (another build may read it at the same time); give up quietly on errors."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, path)
    except OSError:
        pass


def package_digest() -> str:
    """A hash of every file of this program (code, catalogue, data): what cached work depends on
    besides its own input, so that another version never reuses it."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()



def value_digest(value: object) -> str:
    """The SHA-256 of a value by what it holds: pickled without pickle's memo, so that two equal
    values give one digest however their parts happen to be shared (one moment object used a
    thousand times, or a thousand equal ones). Raises what pickling raises (`ValueError` for a
    value that contains itself)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: shared parts are written out each time
    pickler.dump(value)
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


KEPT_UNUSED_DAYS = 30


def prune(cache: Path, used: set[str]) -> None:
    """Entries this build used are marked fresh; entries no build used for `KEPT_UNUSED_DAYS` go
    (an old version of an export, or of the program). Quietly: it is only a cache."""
    now = dt.datetime.now().timestamp()
    try:
        entries = list(cache.iterdir())
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.name in used:
                os.utime(entry)
            elif now - entry.stat().st_mtime > KEPT_UNUSED_DAYS * 86400:
                entry.unlink()
