"""Output streams whose reader may go away: `netwerkspiegel check | head -1`.

When the reader of stdout or stderr closes its end (a pipe into `head`, a closed terminal), writing
raises `BrokenPipeError`. That is no failure of the work: the command goes on to its end (a build
still finishes and swaps its folders in, or cleans up), what it would still print is dropped without
a word, and it exits with the code of the work itself (0 when it succeeded). No traceback, no
"Exception ignored" at exit.

The root of it is one place: `reader_may_leave()` puts a `Quiet` stream in place of `sys.stdout`
and `sys.stderr` for as long as the command runs. On the first broken pipe it points the stream's
file descriptor at the null device (`os.devnull`), so that what is still buffered, what other code
writes to the descriptor (a library's logging, a process started later) and the final flush go
nowhere instead of failing again.

Another failure to write (a full disk, `check > /dev/full`, a file-size limit) is a failure, but
no reason for a traceback either: the stream is pointed at the null device the same way, the failure
is kept (`Quiet.failed`), and the command says so in one line on stderr and exits with 1
(`failed_streams`, used by `generator.cli.run`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

_GONE = (errno.EPIPE, errno.ECONNRESET, errno.ESHUTDOWN)


def _reader_gone(error: OSError) -> bool:
    return isinstance(error, BrokenPipeError) or error.errno in _GONE


class Quiet:
    """A text stream that drops what it is given once its reader has gone (a closed pipe)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.reader_gone = False
        self.failed: OSError | None = None  # a write that failed for another reason (a full disk)

    def _to_null(self) -> None:
        self.reader_gone = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self._stream.fileno())
            finally:
                os.close(null)
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()  # what was buffered goes to the null device now

    def _failed(self, error: OSError) -> None:
        if not _reader_gone(error) and self.failed is None:
            self.failed = error
        self._to_null()

    def write(self, text: str) -> int:
        if self.reader_gone:
            return len(text)
        try:
            return self._stream.write(text)
        except OSError as error:
            self._failed(error)
            return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self.reader_gone:
            with contextlib.suppress(OSError, ValueError):
                self._stream.flush()
            return
        try:
            self._stream.flush()
        except OSError as error:
            self._failed(error)

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, reconfigure, …
        return getattr(self._stream, name)


def _to_null_if_closed(stream: TextIO | None, descriptor: int) -> TextIO:
    """`stream`, or for a descriptor that was closed when the command started (`>&-`: Python then
    has no stream) the null device on that descriptor, so that no file opened later takes its place."""
    if stream is not None:
        return stream
    null = os.open(os.devnull, os.O_WRONLY)
    if null != descriptor:  # the lowest free descriptor is the closed one, unless another was closed too
        try:
            os.fstat(descriptor)
        except OSError:
            os.dup2(null, descriptor)
        os.close(null)
    return open(descriptor, "w", encoding="utf-8", closefd=False)  # lives as long as the command


def failed_streams() -> tuple[tuple[str, OSError], ...]:
    """The output streams ("stdout", "stderr") a write to failed for a reason other than a reader
    that went away, with the error."""
    return tuple((name, stream.failed) for name, stream in (("stdout", sys.stdout), ("stderr", sys.stderr))
                 if isinstance(stream, Quiet) and stream.failed is not None)


@contextlib.contextmanager
def reader_may_leave() -> Iterator[None]:
    """While the block runs, stdout and stderr survive a reader that goes away (see the module)."""
    original = sys.stdout, sys.stderr
    sys.stdout = Quiet(_to_null_if_closed(sys.stdout, 1))
    sys.stderr = Quiet(_to_null_if_closed(sys.stderr, 2))
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        sys.stdout, sys.stderr = original
