"""Stage 3, site (write): put a generated site into a new folder beside the old one, then swap it in.

`mkdocs serve` and editors watch the docs folder: rewriting unchanged files would make them rebuild
for nothing (or forever), so a file whose bytes did not change is carried over as the same file (a
hard link: same modification time), and when nothing changed at all the folder is not swapped.
See `generator.site.folders` for what keeps other files safe.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.site.folders import KEPT, MARKER, make_staging, write_marker, written_files


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


def _same_file(path: Path, content: bytes) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def stage_tree(files: dict[str, bytes], target: Path) -> tuple[Path, WriteResult]:
    """A new folder beside `target` holding `files` (and the marker); what differs from `target`."""
    staging = make_staging(target)
    write_marker(staging, [])  # ours from the first moment: a killed build's leftover is recognisable
    previous = written_files(target) or frozenset()
    written, unchanged = [], 0
    folders: set[Path] = set()  # made already: thousands of files share a few hundred folders
    for relative in sorted(files):
        old, new = target / relative, staging / relative
        if new.parent not in folders:
            new.parent.mkdir(parents=True, exist_ok=True)
            folders.add(new.parent)
        content = files[relative]
        if _same_file(old, content):
            try:
                os.link(old, new)
            except OSError:  # a file system without hard links (a USB stick, a network share)
                shutil.copy2(old, new)
            unchanged += 1
            continue
        new.write_bytes(content)
        written.append(relative)
    for name in KEPT:
        if (target / name).is_file():
            shutil.copy2(target / name, staging / name)
    write_marker(staging, list(files))
    removed = tuple(sorted(name for name in previous if name not in files and name != MARKER))
    return staging, WriteResult(tuple(written), unchanged, removed)
