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
Deduce that earlier versions made is pruned as one entry). Each entry file carries what it holds:
our marker (`ENTRY_MARKER`), the length and the SHA-256 of its content (with its namespace and key),
then the content. An entry is used only when all of that checks (`load`, `has`): one cut short by a
killed build, a flipped byte, or a file that is not ours under an entry's name is absent, and the
work is done again. Entries are written beside their name and moved into place (`os.replace`), so a
kill leaves no half entry under the real name. One rule prunes it: an entry is touched
when a build uses it, and `prune` removes every entry no build used for `KEPT_UNUSED_DAYS`. Pruning
and `clear` remove only files that are recognisably the store's (the marker, or an earlier version's
entry by its name and first bytes); anything else in the folder stays (`clear` names it). A store
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
import logging
import os
import pickle
import re
import shutil
import struct
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


_log = logging.getLogger(__name__)

# Every entry file starts with this marker, then the SHA-256 of its namespace, key and content and the
# content's length (`_HEADER`), then the content: an entry is used only when all of it checks.
ENTRY_MARKER = b"netwerkspiegel-cache 1\n"
_HEADER = struct.Struct(">32sQ")
_START = len(ENTRY_MARKER) + _HEADER.size

# The names the store gives its entries: a key (a SHA-256 in hex), a write a killed build left half
# done, and in `deduce` also the folder per version of Deduce that earlier versions of this program
# made. Pruning and clearing touch nothing else, even in a namespace folder a user linked elsewhere,
# and of those names only files that are recognisably ours: our marker, or (written by a version
# before the marker) how that version's entries of the namespace began.
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}")
_TEMPORARY_NAME = re.compile(r"\.[0-9a-f]{64}\.\d+\.tmp")
_DEDUCE_VERSION = re.compile(r"\d+(?:\.\d+)*\w*")
_DEDUCE_LISTS = "lookup_structs.pickle"
_PICKLED = (b"\x80",)
_EARLIER_ENTRIES = {
    "exports": _PICKLED, "tabellen": _PICKLED, "netwerken": _PICKLED, "teksten": _PICKLED, "deduce": _PICKLED,
    "svg": (b"<svg", b"<?xml"), "rapporten": (b"%PDF-",), "grafiekvormen": (b"{",), "jinja": (b"j2",), "vega": (b"/* Vega ",),
}


def _entry_digest(namespace: str, key: str, content: bytes | memoryview) -> bytes:
    digest = hashlib.sha256(f"{namespace}\0{key}\0".encode("utf-8", "surrogateescape"))
    digest.update(content)
    return digest.digest()


def framed(namespace: str, key: str, content: bytes) -> bytes:
    """An entry's file: the marker, the digest and length of `content`, then `content`."""
    return ENTRY_MARKER + _HEADER.pack(_entry_digest(namespace, key, content), len(content)) + content


def unframed(namespace: str, key: str, entry: bytes) -> bytes | None:
    """The content of an entry's file when it is whole (marker, length and digest as written for
    this namespace and key); None when it is damaged, cut short, or not an entry of ours."""
    if len(entry) < _START or not entry.startswith(ENTRY_MARKER):
        return None
    digest, length = _HEADER.unpack_from(entry, len(ENTRY_MARKER))
    content = memoryview(entry)[_START:]
    if len(content) != length or _entry_digest(namespace, key, content) != digest:
        return None
    return bytes(content)


def _ours(namespace: str, path: Path) -> bool:
    """Whether `path`, in the folder of `namespace`, is an entry the store wrote (never a link)."""
    name = path.name
    version = namespace == "deduce" and _DEDUCE_VERSION.fullmatch(name)
    if path.is_symlink():
        return False
    if path.is_dir():  # a folder where Deduce kept its lists for an earlier version of this program, and nothing else
        try:
            return bool(version) and all(p.name == _DEDUCE_LISTS and not p.is_symlink() for p in path.rglob("*") if not p.is_dir())
        except OSError:
            return False
    temporary = _TEMPORARY_NAME.fullmatch(name)
    if not (_ENTRY_NAME.fullmatch(name) or version or temporary) or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            start = handle.read(_START)
    except OSError:
        return False
    if not start or start.startswith(ENTRY_MARKER) or (temporary and ENTRY_MARKER.startswith(start)):
        return True  # (an empty file under an entry's name holds nothing anyone could lose)
    return start.startswith(_EARLIER_ENTRIES[namespace])


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
        return path.stat().st_size
    except OSError:
        return 0


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
    foreign: tuple[Path, ...] = ()  # files in its folder that are not the store's (not counted)


@dataclass(frozen=True)
class Cleared:
    """What `Store.clear` did."""

    freed: int  # bytes
    foreign: tuple[Path, ...] = ()  # left: not the store's
    failed: tuple[Path, ...] = ()  # the store's, but they could not be removed


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

    def _checked(self, namespace: str, key: str) -> bytes | None:
        path = self._path(namespace, key)
        if path is None:
            return None
        try:
            entry = path.read_bytes()
        except OSError:
            return None
        content = unframed(namespace, key, entry)
        if content is None:
            _log.debug("cache entry %s/%s is damaged or cut short: it is made again", namespace, key)
        return content

    def load(self, namespace: str, key: str) -> bytes | None:
        """The entry's bytes, or None when there is none, it cannot be read, or it is not whole
        (cut short by a killed build, damaged, not ours): the work is then done again."""
        content = self._checked(namespace, key)
        if content is not None:
            self._used.add((namespace, key))
        return content

    def has(self, namespace: str, key: str) -> bool:
        """Whether there is a whole entry under `key` (`load` would give it)."""
        return self._checked(namespace, key) is not None

    def save(self, namespace: str, key: str, content: bytes) -> None:
        """Write atomically (another build may read it at the same time); give up quietly on errors."""
        path = self._path(namespace, key)
        if path is None:
            return
        self._used.add((namespace, key))
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(framed(namespace, key, content))
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()

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
                with contextlib.suppress(OSError):
                    if (namespace, entry.name) in used:
                        os.utime(entry)  # read whole or written by this store
                    elif now - entry.lstat().st_mtime > KEPT_UNUSED_DAYS * 86400 and _ours(namespace, entry):
                        _remove(entry)

    def _entries(self, namespace: str) -> tuple[list[Path], list[Path]]:
        """(the store's entries, anything else) in the folder of `namespace`."""
        folder = self.folder / namespace if self.folder is not None else None
        try:
            found = sorted(folder.iterdir()) if folder is not None else []
        except OSError:
            return [], []
        ours = [entry for entry in found if _ours(namespace, entry)]
        return ours, [entry for entry in found if entry not in ours]

    def usage(self) -> tuple[Usage, ...]:
        """Per namespace, how many entries and bytes it holds on disk (its entries only: a file
        that is not the store's is named apart, in `foreign`)."""
        found = []
        for namespace in NAMESPACES:
            ours, foreign = self._entries(namespace)
            found.append(Usage(namespace, len(ours), sum(map(_size, ours)), tuple(foreign)))
        return tuple(found)

    def clear(self) -> Cleared:
        """Remove every entry of the store, and a namespace's folder when that leaves it empty; a
        file that is not the store's stays where it is (returned in `foreign`)."""
        freed, foreign, failed = 0, [], []
        if self.folder is not None:
            for namespace in NAMESPACES:
                ours, others = self._entries(namespace)
                foreign += others
                for entry in ours:
                    size = _size(entry)
                    try:
                        _remove(entry)
                        freed += size
                    except OSError:
                        failed.append(entry)
                folder = self.folder / namespace
                if not others and not folder.is_symlink():
                    with contextlib.suppress(OSError):
                        folder.rmdir()
        if self._memory is not None:
            self._memory.clear()
        return Cleared(freed, tuple(foreign), tuple(failed))


def _remove(entry: Path) -> None:
    shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
