"""Second processes of this same program: the Vega bundle made alongside the reading, the chart
templates made alongside the pages, and MkDocs' helper that builds a share of the pages. One way
to start them, so each finds the package (also from a checkout) and none outlives the build that
started it."""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

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
    question (any picklable value) goes to `code` on its standard input, then, with `more`, any
    further items (`send`) as this process has them; the answer comes back pickled on its standard output
    (`answer_parent` or `answer_parent_each` is the other end). `result()` ends the input and waits
    for the answer; it is None when the process could not start or failed, and the caller then
    does the work itself (and so shows any error itself)."""

    def __init__(self, code: str, question: object, more: bool = False) -> None:
        self._answer: bytes | None = None
        self._threads: list[threading.Thread] = []
        self._items: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._process: subprocess.Popen[bytes] | None = None
        try:
            process = start_python(code, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError:
            return
        self._process = process
        # Written and read by threads: an item may be larger than a pipe holds before the helper
        # reads it, and the answer is read whenever it comes, so neither side waits for the other.
        self._threads = [threading.Thread(target=self._write, args=(process,), daemon=True),
                         threading.Thread(target=self._read, args=(process,), daemon=True)]
        for thread in self._threads:
            thread.start()
        self.send(question)
        if not more:
            self._items.put(None)

    def send(self, item: object) -> None:
        """One more item for the second process, after the question (`answer_parent_each`)."""
        data = pickle.dumps(item)
        self._items.put(len(data).to_bytes(8, "big") + data)

    def _write(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None
        with contextlib.suppress(OSError):  # the process ended early: `_read` sees how
            while (frame := self._items.get()) is not None:
                process.stdin.write(frame)
                process.stdin.flush()
        with contextlib.suppress(OSError):
            process.stdin.close()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        try:
            with process.stdout:
                answer = process.stdout.read()
        except OSError:
            answer = None
        if process.wait() == 0:
            self._answer = answer

    def cancel(self) -> None:
        """The work is not needed after all: the process is stopped, without waiting for it."""
        self._items.put(None)
        if self._process is not None:
            with contextlib.suppress(OSError):
                self._process.kill()
        self._threads = []

    def result(self) -> object | None:
        if not self._threads:
            return None
        self._items.put(None)  # the end of the input (the writer stops at the first)
        for thread in self._threads:
            thread.join()
        try:
            return pickle.loads(self._answer) if self._answer is not None else None
        except (pickle.UnpicklingError, EOFError, ValueError):
            return None


def _items_from_parent() -> Iterator[Any]:
    """What `Alongside` sends, item by item, until the parent ends its input."""
    stream = sys.stdin.buffer
    while len(head := stream.read(8)) == 8:
        item = stream.read(int.from_bytes(head, "big"))
        yield pickle.loads(item)


def answer_parent(work: Callable[..., object]) -> None:
    """In the second process of `Alongside`: `work(*question)` with the question from standard
    input, its answer pickled on standard output."""
    question = next(_items_from_parent())
    sys.stdout.buffer.write(pickle.dumps(work(*question)))


def answer_parent_each(work: Callable[..., object]) -> None:
    """In the second process of `Alongside`: `work(items, *question)`, with the items the parent
    sends after the question as they come (an iterator), its answer pickled on standard output."""
    items = _items_from_parent()
    question = next(items)
    sys.stdout.buffer.write(pickle.dumps(work(items, *question)))
