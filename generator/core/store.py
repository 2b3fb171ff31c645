"""The store: one content-addressed memo for work that is expensive and always the same for the same input.

Every reuse goes through a `Store`: what was parsed from each export (`exports`), what a build
needs of each score table it read (`tabellen`), each network's score figures (`netwerken`), each
static SVG (`svg`), each network's PDF report (`rapporten`), the public texts without names
(`teksten`), the chart templates (`grafiekvormen`), the compiled page and theme templates
(`jinja`), the Vega bundle (`vega`), and the lookup lists Deduce finds names with (`deduce`).
An entry is named by a key: a digest of everything the work depends on (its input, the settings,
and this program, which `Store.key` always adds), so a stale entry is never used, only left unused.

On disk the store is the user's cache folder (`$XDG_CACHE_HOME/netwerkspiegel`, by default
`~/.cache/netwerkspiegel`), one folder per namespace, one file per entry (a folder per version of
Deduce that earlier versions made is pruned as one entry). One rule prunes it: an entry is touched
when a build uses it, and `prune` removes every entry no build used for `KEPT_UNUSED_DAYS`. A store
that cannot be written is no error: the work is then simply done again next time. `Store(None)` reads and writes nothing (`build --no-cache`).

The store knows nothing of the stages that use it (an import-linter contract keeps it so): it
keeps bytes, or values it pickles.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import os
import pickle
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

KEPT_UNUSED_DAYS = 30

# What each namespace holds. The program's namespaces depend on the program (and the settings)
# alone: only these may be kept between CI runs (the CI files of `init` list them); the data's
# namespaces hold what was read from the exports, which a CI cache must not carry.
PROGRAM_NAMESPACES = ("deduce", "grafiekvormen", "jinja", "vega")
DATA_NAMESPACES = ("exports", "tabellen", "netwerken", "svg", "rapporten", "teksten")
NAMESPACES = PROGRAM_NAMESPACES + DATA_NAMESPACES


# The names the store gives its entries: a key (a SHA-256 in hex), a write a killed build left half
# done, and in `deduce` also the folder per version of Deduce that earlier versions of this program
# made. Pruning touches nothing else, even in a namespace folder a user linked elsewhere.
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}|\.[0-9a-f]{64}\.\d+\.tmp")
_DEDUCE_VERSION = re.compile(r"\d+(?:\.\d+)*\w*")


def _ours(namespace: str, name: str) -> bool:
    return bool(_ENTRY_NAME.fullmatch(name) or (namespace == "deduce" and _DEDUCE_VERSION.fullmatch(name)))


def default_folder() -> Path:
    """The user's cache folder for Netwerkspiegel."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "netwerkspiegel"


@functools.cache
def _package_digest(package: Path, stamp: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in stamp:
        digest.update(name.encode() + b"\0" + (package / name).read_bytes() + b"\0")
    return digest.hexdigest()


def package_digest() -> str:
    """A hash of every file of this program (code, catalogues, data): what stored work depends on
    besides its own input, so that another version never reuses it. Hashed once per version of the
    files (their sizes and times as the stamp), not on every call."""
    package = Path(__file__).resolve().parent.parent
    stamp = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            status = path.stat()
            stamp.append((path.relative_to(package).as_posix(), status.st_size, status.st_mtime_ns))
    return _package_digest(package, tuple(stamp))


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


@dataclass(frozen=True)
class Usage:
    """How much one namespace holds."""

    namespace: str
    entries: int
    size: int  # bytes


class Store:
    """The memo. `folder`: where entries are kept between runs (None: nowhere, every piece of work is
    done afresh); `in_memory`: also keep the values used in this object, between builds of one
    process (`serve`), so a rebuild neither reads nor unpickles them again."""

    def __init__(self, folder: Path | None, in_memory: bool = False) -> None:
        self.folder = folder
        self._memory: dict[tuple[str, str], object] | None = {} if in_memory else None
        self._used: set[tuple[str, str]] = set()
        self._program: str | None = None

    @classmethod
    def default(cls, in_memory: bool = False) -> Store:
        return cls(default_folder(), in_memory)

    @property
    def enabled(self) -> bool:
        """Whether anything is reused at all: a store with neither a folder nor memory is a build
        that reuses nothing (`--no-cache`), not even the previous site's pages."""
        return self.folder is not None or self._memory is not None

    def key(self, *parts: object) -> str:
        """The key of work made from `parts` by this program (its every file is part of the key,
        hashed once per store: the code a process runs does not change while it runs)."""
        if self._program is None:
            self._program = package_digest()
        return value_digest((self._program, parts))

    def _path(self, namespace: str, key: str) -> Path | None:
        if namespace not in NAMESPACES:
            raise ValueError(f"unknown namespace {namespace!r}")
        return self.folder / namespace / key if self.folder is not None else None

    def load(self, namespace: str, key: str) -> bytes | None:
        """The entry's bytes, or None when there is none (or it cannot be read)."""
        path = self._path(namespace, key)
        if path is None:
            return None
        try:
            content = path.read_bytes()
        except OSError:
            return None
        self._used.add((namespace, key))
        return content

    def has(self, namespace: str, key: str) -> bool:
        path = self._path(namespace, key)
        return path is not None and path.is_file()

    def save(self, namespace: str, key: str, content: bytes) -> None:
        """Write atomically (another build may read it at the same time); give up quietly on errors."""
        path = self._path(namespace, key)
        if path is None:
            return
        self._used.add((namespace, key))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(content)
            os.replace(temporary, path)
        except OSError:
            pass

    def memo(self, namespace: str, key: str, make: Callable[[], T], kind: type | None = None) -> T:
        """The value kept under `key`, else `make()` (kept then). Values are pickled; an entry that
        cannot be unpickled (or is not a `kind`) is made again."""
        found = self.recall(namespace, key, kind)
        if found is not None:
            return found  # type: ignore[return-value]
        value = make()
        self.keep(namespace, key, value)
        return value

    def recall(self, namespace: str, key: str, kind: type | None = None) -> object | None:
        """The value kept under `key` (from memory, else unpickled from disk); None when none."""
        if self._memory is not None and (namespace, key) in self._memory:
            self._used.add((namespace, key))
            return self._memory[(namespace, key)]
        content = self.load(namespace, key)
        if content is None:
            return None
        try:
            value = pickle.loads(content)
        except Exception:  # a damaged or foreign entry: the work is done again
            return None
        if kind is not None and not isinstance(value, kind):
            return None
        if self._memory is not None:
            self._memory[(namespace, key)] = value
        return value

    def keep(self, namespace: str, key: str, value: object, again: bool = False) -> None:
        """Keep a value under `key` (pickled on disk unless it is there already; and in memory).
        `again`: also when an entry is there (one that could not be used)."""
        self._used.add((namespace, key))
        if self._memory is not None:
            self._memory[(namespace, key)] = value
        if self.folder is None or (not again and self.has(namespace, key)):
            return
        self.save(namespace, key, pickle.dumps(value, protocol=5))

    def prune(self) -> None:
        """The one rule: entries used since this store was made are marked fresh (in memory, only
        they stay); entries no build used for `KEPT_UNUSED_DAYS` go. Quietly: it is only a cache."""
        used, self._used = self._used, set()
        if self._memory is not None:
            self._memory = {entry: value for entry, value in self._memory.items() if entry in used}
        if self.folder is None:
            return
        now = dt.datetime.now().timestamp()
        for namespace in NAMESPACES:
            try:
                entries = list((self.folder / namespace).iterdir())
            except OSError:
                continue
            for entry in entries:
                if not _ours(namespace, entry.name):
                    continue
                with contextlib.suppress(OSError):
                    if (namespace, entry.name) in used:
                        os.utime(entry)
                    elif now - entry.stat().st_mtime > KEPT_UNUSED_DAYS * 86400:
                        shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()

    def usage(self) -> tuple[Usage, ...]:
        """Per namespace, how many entries and bytes it holds on disk."""
        found = []
        for namespace in NAMESPACES:
            entries, size = 0, 0
            folder = self.folder / namespace if self.folder is not None else None
            if folder is not None and folder.is_dir():
                for entry in folder.iterdir():
                    entries += 1
                    files = [entry] if not entry.is_dir() else [p for p in entry.rglob("*") if p.is_file()]
                    size += sum(p.stat().st_size for p in files if not p.is_symlink())
            found.append(Usage(namespace, entries, size))
        return tuple(found)

    def clear(self) -> int:
        """Remove every namespace's entries (nothing else in the folder: not ours to remove);
        returns how many bytes were freed."""
        freed = sum(u.size for u in self.usage())
        if self.folder is not None:
            for namespace in NAMESPACES:
                shutil.rmtree(self.folder / namespace, ignore_errors=True)
        if self._memory is not None:
            self._memory.clear()
        return freed
