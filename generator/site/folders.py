"""Stage 3, site (folders): the folders Netwerkspiegel writes, and how it keeps every other file safe.

- A folder Netwerkspiegel writes carries a marker file listing what it wrote. A folder may only be
  replaced when everything in it is listed there (or it is empty); anything else is refused before
  anything is touched. A folder that holds `.git` is never replaced.
- `--data`, `--src` and `--out` may not contain each other (a build would read its own output).
- A new folder is made beside the old one under a hidden name, and swapped in with one atomic
  rename (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere two renames that the next build repairs).
  A build killed at any moment leaves the previous folder whole; the next build clears leftovers.
- One build at a time per folder: a lock file beside it; a second build is told the folder is busy.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import glob
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from generator.core.errors import BusyError, UsageError, os_reason
from generator.core.language import Message

MARKER = ".netwerkspiegel-map"
BUILD_MANIFEST = ".netwerkspiegel-bouw.json"  # what `generator.site.reuse` compares the next build with
KEPT = (".gitkeep",)  # a placeholder that keeps an empty folder in git; carried over, never ours
_STAGING = ".netwerkspiegel-tmp-"
_OLD = ".netwerkspiegel-old-"
_LOCK = ".netwerkspiegel-lock"
_MARKER_HEADER = "netwerkspiegel-map 1"


def staging_prefix(target: Path) -> str:
    return f".{target.name}{_STAGING}"


def _old_prefix(target: Path) -> str:
    return f".{target.name}{_OLD}"


def _shown(path: Path) -> str:
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# What each folder is for, as messages name it.
DATA_FOLDER, SOURCE_FOLDER, OUTPUT_FOLDER = Message("de gegevens (--data)"), Message("de Markdown (--src)"), Message("de HTML (--out)")
ZIP_FILE = Message("het zip-bestand (--zip)")


def resolve(path: Path, what: Message) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError) as error:
        reason = os_reason(error) if isinstance(error, OSError) else Message("een kring van snelkoppelingen")
        raise UsageError(Message("De map voor %(what)s ('%(path)s') kan niet worden gebruikt: %(reason)s.", what=what, path=_shown(path), reason=reason)) from error


def check_separate(data: Path, src: Path, out: Path) -> None:
    """`--data`, `--src` and `--out` are three folders apart: none equals or contains another."""
    named = ((DATA_FOLDER, data), (SOURCE_FOLDER, src), (OUTPUT_FOLDER, out))
    for index, (first_name, first) in enumerate(named):
        for second_name, second in named[index + 1:]:
            if first == second:
                raise UsageError(Message("De map voor %(first)s en de map voor %(second)s zijn dezelfde ('%(path)s'). Kies drie aparte mappen.",
                                         first=first_name, second=second_name, path=_shown(first)))
            if second.is_relative_to(first) or first.is_relative_to(second):
                inner_name, outer_name = (second_name, first_name) if second.is_relative_to(first) else (first_name, second_name)
                inner, outer = (second, first) if second.is_relative_to(first) else (first, second)
                raise UsageError(Message(
                    "De map voor %(inner)s ('%(inner_path)s') ligt binnen de map voor %(outer)s ('%(outer_path)s'). "
                    "Kies mappen die niet in elkaar liggen: anders leest of wist de ene wat de andere bevat.",
                    inner=inner_name, inner_path=_shown(inner), outer=outer_name, outer_path=_shown(outer),
                ))


def written_files(folder: Path) -> frozenset[str] | None:
    """What the marker says Netwerkspiegel wrote in `folder`; None when there is no (valid) marker."""
    marker = folder / MARKER
    try:
        lines = marker.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or lines[0] != _MARKER_HEADER:
        return None
    return frozenset(lines[1:])


def write_marker(folder: Path, files: list[str]) -> None:
    text = "\n".join([_MARKER_HEADER, *sorted(files)]) + "\n"
    (folder / MARKER).write_text(text, "utf-8")


def seal(staging: Path, target: Path) -> None:
    """Mark a folder built by someone else (MkDocs) as ours: everything in it is listed in the
    marker. A placeholder that `target` had (`.gitkeep`) is carried over, unlisted: not ours to drop."""
    write_marker(staging, [name for name in _all_files(staging) if name != MARKER])
    for name in KEPT:
        if (target / name).is_file():
            shutil.copy2(target / name, staging / name)


def _all_files(folder: Path) -> Iterator[str]:
    """Every file and link below `folder` (hidden ones too), relative, as posix paths."""
    top = os.fspath(folder)
    for root, directories, names in os.walk(top, followlinks=False):
        # os.walk joins each root onto `top`: the rest is the relative folder (string work, not
        # Path objects: a site at a thousand networks has tens of thousands of files).
        relative = root[len(top.rstrip(os.sep)) + 1:].replace(os.sep, "/")
        for name in names + [d for d in directories if os.path.islink(os.path.join(root, d))]:
            yield f"{relative}/{name}" if relative else name


def check_replaceable(target: Path, what: Message) -> None:
    """Refuse (UsageError, nothing touched) unless `target` is absent, empty, or wholly ours."""
    for ancestor in target.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise UsageError(Message("De map voor %(what)s ('%(path)s') kan niet worden gemaakt: '%(file)s' is een bestand, geen map.",
                                         what=what, path=_shown(target), file=_shown(ancestor)))
            break
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir():
        raise UsageError(Message("De map voor %(what)s ('%(path)s') is een bestand, geen map. Netwerkspiegel vervangt geen bestanden; kies een andere map.",
                                 what=what, path=_shown(target)))
    if (target / ".git").exists():
        raise UsageError(Message("De map voor %(what)s ('%(path)s') bevat '.git': dat is een git-repository. Netwerkspiegel maakt zo'n map nooit leeg; "
                                 "kies een map erbinnen, zoals '%(inside)s'.", what=what, path=_shown(target), inside=_shown(target / "site")))
    try:
        present = [name for name in _all_files(target) if name not in KEPT]
    except OSError as error:
        raise UsageError(Message("De map voor %(what)s ('%(path)s') kan niet worden gelezen: %(reason)s.", what=what, path=_shown(target), reason=os_reason(error))) from error
    if not present:
        return
    ours = written_files(target)
    if ours is None:
        raise UsageError(Message(
            "De map voor %(what)s ('%(path)s') bestaat al en is niet door Netwerkspiegel gemaakt "
            "(er staan bijvoorbeeld %(examples)s in). Netwerkspiegel vervangt alleen mappen die het zelf "
            "schreef. Kies een nieuwe of lege map, of verplaats wat erin staat.", what=what, path=_shown(target), examples=_examples(present)
        ))
    foreign = [name for name in present if name != MARKER and name not in ours]
    if foreign:
        raise UsageError(Message(
            "De map voor %(what)s ('%(path)s') bevat bestanden die Netwerkspiegel niet schreef: "
            "%(examples)s. Netwerkspiegel zou ze bij het bouwen weggooien; verplaats ze eerst.", what=what, path=_shown(target), examples=_examples(foreign)
        ))


def _examples(names: list[str], limit: int = 3) -> str | Message:
    shown = ", ".join(f"'{name}'" for name in sorted(names)[:limit])
    return Message("%(names)s en nog %(more)s", names=shown, more=len(names) - limit) if len(names) > limit else shown


def clear_leftovers(target: Path) -> None:
    """Remove what killed builds left beside `target`, and put back a folder a kill left renamed.

    Called while holding the folder's lock, so no other build is using these."""
    parent = target.parent
    if not parent.is_dir():
        return
    olds = sorted(p for p in parent.iterdir() if p.name.startswith(_old_prefix(target)))
    if olds and not target.exists():
        os.rename(olds[-1], target)  # killed between the two renames of a swap: undo the first
        olds = olds[:-1]
    for leftover in olds + [p for p in parent.iterdir() if p.name.startswith(staging_prefix(target))]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def make_staging(target: Path) -> Path:
    """A new hidden folder beside `target` (same disk, so it can be renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it private; a site is for reading
    return staging


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux 3.15+); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(staging: Path, target: Path) -> None:
    """Put `staging` where `target` is, atomically where the system can; the old one is removed."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # `staging` now holds the previous folder
        return
    old = Path(tempfile.mkdtemp(prefix=_old_prefix(target), dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl+C waits until the block is done (a cleanup must not stop halfway), then takes effect."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received and callable(previous):
        previous(signal.SIGINT, None)


@contextlib.contextmanager
def locked(targets: list[Path]) -> Iterator[None]:
    """Hold a lock beside each target folder for the whole build; BusyError when another has it.

    The lock file is removed again when the build ends, so a project folder keeps no trace."""
    try:
        import fcntl
    except ImportError:  # not on Windows: one build at a time is then up to the user
        yield
        return
    held: list[tuple[Path, int]] = []
    try:
        # Ctrl+C between making a lock file and noting it as held would leave the file behind.
        with interrupts_deferred():
            for target in sorted(set(targets)):
                target.parent.mkdir(parents=True, exist_ok=True)
                lock_path = target.parent / f".{target.name}{_LOCK}"
                held.append((lock_path, _acquire(lock_path, target, fcntl)))
        yield
    finally:
        for lock_path, descriptor in reversed(held):
            with contextlib.suppress(OSError):
                os.unlink(lock_path)  # while still holding it: a waiting build then makes a new one
            os.close(descriptor)


def _acquire(lock_path: Path, target: Path, fcntl: ModuleType) -> int:
    for _ in range(5):
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(descriptor)
            raise BusyError(Message(
                "De map '%(path)s' wordt op dit moment al gebouwd door een andere Netwerkspiegel. "
                "Wacht tot die klaar is en probeer het dan opnieuw.", path=_shown(target)
            )) from error
        try:
            if os.stat(lock_path).st_ino == os.fstat(descriptor).st_ino:
                return descriptor  # still the file at that name: the lock is ours
        except FileNotFoundError:
            pass
        os.close(descriptor)  # the previous build removed it just now: lock the new one
    raise BusyError(Message("De map '%(path)s' wordt op dit moment al gebouwd door een andere Netwerkspiegel.", path=_shown(target)))


ZIP_COMMENT = b"netwerkspiegel-site"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the same site gives the same archive, byte for byte


def _zip_is_ours(zip_file: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(zip_file) as existing:
            return existing.comment == ZIP_COMMENT
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def check_zip_target(zip_file: Path, data: Path, src: Path, out: Path) -> None:
    """Refuse (UsageError, nothing touched) a zip that cannot be written where it is asked, before
    anything is read or built. `zip_file` and the folders are resolved (a link is judged by where it
    points).

    - Not inside the folder for the data, the Markdown or the HTML (nor one of them): the next build
      would read it as an export, or refuse a folder that holds a file it did not write.
    - Its folder exists, is a folder and may be written in (nothing is made for it: a mistyped
      folder is said, not created).
    - A file already at its path is replaced only when it is a zip Netwerkspiegel wrote (its
      comment says so); any other file, or a folder, is never replaced.
    """
    if zip_file.is_dir():  # first: `--zip .` names a folder (one that holds the others), not a place inside one
        raise UsageError(Message("'%(path)s' is een map, geen bestand. Geef met --zip de naam van het zip-bestand, zoals '%(example)s'.",
                                 path=_shown(zip_file), example=_shown(zip_file / "site.zip")))
    for what, folder in ((DATA_FOLDER, data), (SOURCE_FOLDER, src), (OUTPUT_FOLDER, out)):
        if zip_file == folder or zip_file.is_relative_to(folder) or folder.is_relative_to(zip_file):
            raise UsageError(Message(
                "Het zip-bestand ('%(path)s') ligt in de map voor %(what)s ('%(folder)s'). Kies een plek buiten de mappen voor de gegevens, "
                "de Markdown en de HTML: anders leest of weigert de volgende build het.", path=_shown(zip_file), what=what, folder=_shown(folder)))
    folder = zip_file.parent
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                raise UsageError(Message("Het zip-bestand ('%(path)s') kan niet worden geschreven: '%(file)s' is een bestand, geen map.",
                                         path=_shown(zip_file), file=_shown(ancestor)))
            break
    if not folder.is_dir():
        raise UsageError(Message("De map voor het zip-bestand ('%(folder)s') bestaat niet. Maak hem eerst, of kies een bestaande map.",
                                 folder=_shown(folder)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(Message("In de map voor het zip-bestand ('%(folder)s') mag Netwerkspiegel niet schrijven; kies een andere plek.",
                                 folder=_shown(folder)))
    if (zip_file.exists() or zip_file.is_symlink()) and not _zip_is_ours(zip_file):
        raise UsageError(Message("'%(path)s' bestaat al en is geen zip-bestand van Netwerkspiegel. Netwerkspiegel vervangt het niet; kies een andere naam.", path=_shown(zip_file)))


class ForeignZip(Exception):
    """A file that is not a zip of Netwerkspiegel appeared at the zip's path while the site was built."""


def write_zip(folder: Path, zip_file: Path) -> None:
    """`folder` as one archive, written beside the target (a hidden name in the same folder) and
    then renamed into place: the path holds the old archive or the new one, never half of one.
    Raises `ForeignZip` (nothing replaced) when a file that is not ours appeared at the path since
    `check_zip_target`."""
    import zipfile

    for leftover in zip_file.parent.glob(f".{glob.escape(zip_file.name)}{_STAGING}*"):  # what a killed build left
        if leftover.is_file() and not leftover.is_symlink():
            with contextlib.suppress(OSError):
                leftover.unlink()
    temporary = zip_file.with_name(f".{zip_file.name}{_STAGING}{os.getpid()}")
    try:
        with zipfile.ZipFile(temporary, "x", zipfile.ZIP_DEFLATED) as archive:
            archive.comment = ZIP_COMMENT
            for name in sorted(_all_files(folder)):
                if name in (MARKER, BUILD_MANIFEST):
                    continue
                info = zipfile.ZipInfo(f"{zip_file.stem}/{name}", date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, (folder / name).read_bytes())
        if (zip_file.exists() or zip_file.is_symlink()) and not _zip_is_ours(zip_file):
            raise ForeignZip(str(zip_file))
        os.replace(temporary, zip_file)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
