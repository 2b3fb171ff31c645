"""Second processes of this same program: the Vega bundle made alongside the reading, the chart
templates made alongside the pages, and MkDocs' helper that builds a share of the pages. One way
to start them, so each finds the package (also from a checkout) and none outlives the build that
started it."""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
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


class Alongside:
    """Work done by a second process of this program, on another core, while this one goes on: the
    question (any picklable value) goes to `code` on its standard input, the answer comes back
    pickled on its standard output (`answer_parent` is the other end). `result()` waits for it; it
    is None when the process could not start or failed, and the caller then does the work itself
    (and so shows any error itself)."""

    def __init__(self, code: str, question: object) -> None:
        self._answer: bytes | None = None
        self._talk: threading.Thread | None = None
        try:
            process = start_python(code, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError:
            return
        # Written and read by a thread: the question may be larger than a pipe holds before the
        # helper reads it, and the answer is read whenever it comes, so neither side waits.
        self._talk = threading.Thread(target=self._exchange, args=(process, pickle.dumps(question)), daemon=True)
        self._talk.start()

    def _exchange(self, process: subprocess.Popen[bytes], question: bytes) -> None:
        try:
            answer, _ = process.communicate(question)
        except OSError:
            return
        if process.returncode == 0:
            self._answer = answer

    def result(self) -> object | None:
        if self._talk is None:
            return None
        self._talk.join()
        try:
            return pickle.loads(self._answer) if self._answer is not None else None
        except (pickle.UnpicklingError, EOFError, ValueError):
            return None


def answer_parent(work: Callable[..., object]) -> None:
    """In the second process of `Alongside`: `work(*question)` with the question from standard
    input, its answer pickled on standard output."""
    question = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(work(*question)))
