"""Stage 8, write: put a generated site into a folder, touching only files that changed.

`mkdocs serve` and editors watch the docs folder: rewriting unchanged files would make them rebuild
for nothing (or forever), so a file is written only when its bytes differ, and files that are no
longer generated are removed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def write_tree(files: dict[str, bytes], target: Path) -> WriteResult:
    target.mkdir(parents=True, exist_ok=True)
    written, unchanged = [], 0
    for relative in sorted(files):
        path = target / relative
        content = files[relative]
        if path.is_file() and path.stat().st_size == len(content) and path.read_bytes() == content:
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, path)
        written.append(relative)
    removed = []
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target).as_posix()
        if path.is_file() and relative not in files and path.name != ".gitkeep":
            path.unlink()
            removed.append(relative)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return WriteResult(tuple(written), unchanged, tuple(sorted(removed)))
