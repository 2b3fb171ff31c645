"""Second processes of this same program: the Vega bundle made alongside the reading, the chart
templates made alongside the pages, and MkDocs' helper that builds a share of the pages. One way
to start them, so each finds the package (also from a checkout) and none outlives the build that
started it."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])


def start_python(code: str, *arguments: str, stdin: int = subprocess.DEVNULL, stdout: int = subprocess.DEVNULL,
                 stderr: int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    """Run `code` (with `arguments` in `sys.argv[1:]`) in a fresh Python that imports this package."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_PARENT, os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-c", code, *arguments], stdin=stdin, stdout=stdout,
                            stderr=stderr, env=environment, preexec_fn=_die_with_parent if sys.platform == "linux" else None)


def _die_with_parent() -> None:
    """In the child, before it starts: ended with its parent, also when that is killed (`kill -9`),
    so it never writes beside a folder the next build is clearing."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def installed_version(name: str) -> str:
    """The installed version of a distribution, for cache keys; "-" when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
