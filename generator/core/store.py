"""The store: one content-addressed memo for work that is expensive and always the same for the same input.

Every reuse goes through a `Store`: what was parsed from each export (`exports`), what a build
needs of each score table it read (`tabellen`), each network's score figures (`netwerken`), each
static SVG (`svg`), each network's PDF report (`rapporten`), the public texts without names
(`teksten`), the chart templates (`grafiekvormen`), the compiled page and theme templates
(`jinja`), the Vega bundle (`vega`), and the lookup lists Deduce finds names with (`deduce`).
An entry is named by a key: a digest of everything the work depends on (its input, the settings,
and this program, which `Store.key` always adds), so a stale entry is never used, only left unused.

On disk the store is the user's cache folder (`$XDG_CACHE_HOME/netwerkspiegel`, by default
`~/.cache/netwerkspiegel`), one folder per namespace, one file per entry. Each entry file carries what it holds:
our marker (`ENTRY_MARKER`), the length and the SHA-256 of its content (with its namespace and key),
then the content. An entry is used only when all of that checks (`load`, `has`): one cut short by a
killed build, a flipped byte, or a file that is not ours under an entry's name is absent, and the
work is done again. Entries are written beside their name and moved into place (`os.replace`), so a
kill leaves no half entry under the real name. One rule prunes it: an entry is touched
when a build uses it, and `prune` removes every entry no build used for `KEPT_UNUSED_DAYS`. Pruning
and `clear` remove only files the store can prove it wrote (an entry's name, our marker and a digest
that checks); anything else stays (`clear` names it), and no link is followed. A store
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
import stat
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

# The names the store gives its entries: a key (a SHA-256 in hex), and a write a killed build left half
# done. Pruning and clearing touch nothing else, and of those names only regular files that are
# provably ours: an entry carries our marker and a digest of its namespace, its name (the key) and its
# content that checks; a half-done write of ours starts with our marker (`_ours`). Nothing else is
# the store's: not what an older version wrote without the marker (named, left), not a link, and no
# folder below a link: a namespace folder (or the cache folder itself) that is a link is never entered.
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}")
_TEMPORARY_NAME = re.compile(r"\.([0-9a-f]{64})\.\d+\.tmp")
_CHUNK = 1 << 20


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


def _open_folder(name: str | Path, folder: int | None = None) -> int | None:
    """A descriptor of the folder `name` (in `folder`), or None when it is no folder or a link."""
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=folder)
    except OSError:
        return None


def _ours(namespace: str, name: str, folder: int) -> int | None:
    """The size of `name` in the namespace's open `folder` when it is a file the store wrote (an entry
    whose marker and digest check, or a write of ours cut short); None for anything else."""
    temporary = _TEMPORARY_NAME.fullmatch(name)
    if not (_ENTRY_NAME.fullmatch(name) or temporary):
        return None
    key = temporary.group(1) if temporary else name
    try:
        descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                return None
            start = handle.read(_START)
            if temporary:  # cut short by a killed build: our marker, then what could be written
                return status.st_size if start.startswith(ENTRY_MARKER) else None
            if len(start) < _START or not start.startswith(ENTRY_MARKER):
                return None
            digest, length = _HEADER.unpack_from(start, len(ENTRY_MARKER))
            found = hashlib.sha256(f"{namespace}\0{key}\0".encode("utf-8", "surrogateescape"))
            read = 0
            while chunk := handle.read(_CHUNK):
                found.update(chunk)
                read += len(chunk)
                if read > length:
                    return None
            return status.st_size if read == length and found.digest() == digest else None
    except OSError:
        return None


@dataclass(frozen=True)
class _Namespace:
    """What the folder of one namespace holds: the store's files (name, size) and anything else."""

    ours: tuple[tuple[str, int], ...]
    foreign: tuple[str, ...]
    link: bool = False  # the folder is a link or no folder: never entered


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
        top = _open_folder(self.folder)
        if top is None:
            return
        try:
            for namespace in NAMESPACES:
                folder = _open_folder(namespace, top)
                if folder is None:
                    continue
                try:
                    for name in os.listdir(folder):
                        with contextlib.suppress(OSError):
                            if (namespace, name) in used:
                                os.utime(name, dir_fd=folder, follow_symlinks=False)  # read whole or written by this store
                            elif (now - os.stat(name, dir_fd=folder, follow_symlinks=False).st_mtime > KEPT_UNUSED_DAYS * 86400
                                  and _ours(namespace, name, folder) is not None):
                                os.unlink(name, dir_fd=folder)
                finally:
                    os.close(folder)
        finally:
            os.close(top)

    def _scan(self, namespace: str, top: int) -> _Namespace:
        """What the folder of `namespace` (in the open cache folder `top`) holds."""
        folder = _open_folder(namespace, top)
        if folder is None:
            try:
                os.stat(namespace, dir_fd=top, follow_symlinks=False)
            except OSError:
                return _Namespace((), ())  # not there
            return _Namespace((), (), link=True)
        try:
            names = sorted(os.listdir(folder))
            sizes = {name: _ours(namespace, name, folder) for name in names}
        except OSError:
            return _Namespace((), ())
        finally:
            os.close(folder)
        return _Namespace(tuple((name, size) for name, size in sizes.items() if size is not None),
                          tuple(name for name, size in sizes.items() if size is None))

    def _others(self, top: int) -> tuple[Path, ...]:
        """What the cache folder holds besides the namespaces' folders."""
        assert self.folder is not None
        try:
            return tuple(self.folder / name for name in sorted(os.listdir(top)) if name not in NAMESPACES)
        except OSError:
            return ()

    def usage(self) -> tuple[Usage, ...]:
        """Per namespace, how many entries and bytes it holds on disk (its entries only, each checked
        whole: a file that is not the store's is named apart, in `foreign`; a namespace folder that
        is a link is not entered, and named). Anything at the top of the cache folder that is no
        namespace's folder is named under the first namespace; a cache folder that is itself a
        link is named there and not entered."""
        if self.folder is None:
            return tuple(Usage(namespace, 0, 0) for namespace in NAMESPACES)
        top = _open_folder(self.folder)
        if top is None:
            linked = (self.folder,) if self.folder.is_symlink() else ()
            return tuple(Usage(namespace, 0, 0, linked if index == 0 else ()) for index, namespace in enumerate(NAMESPACES))
        try:
            found, others = [], self._others(top)
            for index, namespace in enumerate(NAMESPACES):
                scan = self._scan(namespace, top)
                foreign = (self.folder / namespace,) if scan.link else tuple(self.folder / namespace / name for name in scan.foreign)
                found.append(Usage(namespace, len(scan.ours), sum(size for _, size in scan.ours), (others if index == 0 else ()) + foreign))
        finally:
            os.close(top)
        return tuple(found)

    def clear(self) -> Cleared:
        """Remove every entry of the store (each checked to be one), and a namespace's folder when
        that leaves it empty; anything that is not the store's stays where it is (returned in
        `foreign`): files beside the entries, a namespace folder that is a link (never entered),
        what lies at the top of the cache folder, or the cache folder itself when it is a link."""
        freed, foreign, failed = 0, [], []
        top = _open_folder(self.folder) if self.folder is not None else None
        if self.folder is not None and top is None and self.folder.is_symlink():
            foreign.append(self.folder)
        if self.folder is not None and top is not None:
            try:
                foreign += self._others(top)
                for namespace in NAMESPACES:
                    scan = self._scan(namespace, top)
                    if scan.link:
                        foreign.append(self.folder / namespace)
                        continue
                    foreign += [self.folder / namespace / name for name in scan.foreign]
                    folder = _open_folder(namespace, top)
                    if folder is None:
                        continue
                    try:
                        for name, size in scan.ours:
                            try:
                                os.unlink(name, dir_fd=folder)
                                freed += size
                            except OSError:
                                failed.append(self.folder / namespace / name)
                    finally:
                        os.close(folder)
                    if not scan.foreign:
                        with contextlib.suppress(OSError):
                            os.rmdir(namespace, dir_fd=top)
            finally:
                os.close(top)
        if self._memory is not None:
            self._memory.clear()
        return Cleared(freed, tuple(foreign), tuple(failed))
