"""The user's cache folder: work that is expensive and never changes for the same input.

`$XDG_CACHE_HOME/netwerkspiegel` (by default `~/.cache/netwerkspiegel`). Holds the Vega bundle and
the static SVG of each chart, named by version or content, so a stale entry is never used. A cache
that cannot be written is no error: the work is then simply done again next time.
"""

from __future__ import annotations

import os
from pathlib import Path


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
