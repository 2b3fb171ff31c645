"""Progress of the steps that may take a while, so that a build never looks as if it hangs.

In a terminal a step shows a progress bar (tqdm) once it has taken longer than `QUIET_SECONDS`;
without one (a CI log, a pipe) it writes a line then, and again at least every `LOG_SECONDS`:
the step, how far it is, and how long it has been going. A step that ends sooner shows nothing, so
a quick `check` prints only its answer. Everything goes to stderr: stdout keeps what was asked for.

A clock thread keeps the bar and the lines going while a step waits on something that cannot
report (Deduce preparing its name lists, MkDocs between pages).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import IO, Any

from generator.core.language import DUTCH, Translations

QUIET_SECONDS = 2.0  # a step that ends sooner shows nothing
LOG_SECONDS = 5.0  # without a terminal: a line at least this often (with the first after `QUIET_SECONDS`, never 10 s without one)
_TICK_SECONDS = 0.5


class Step:
    """One step under way: `advance()` counts what was done (a file, a page)."""

    def __init__(self, label: str, total: int | None, unit: str) -> None:
        self.label, self.total, self.unit = label, total, unit
        self.done = 0
        self.started = time.monotonic()

    def advance(self, count: int = 1) -> None:
        self.done += count  # read by the clock thread; an int's update is atomic under the GIL

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def line(self, t: Translations) -> str:
        """The step as one log line: "Pagina's maken: 120 van 400 pagina's (30 %), 12 s"."""
        values = {"label": self.label, "done": self.done, "total": self.total, "unit": self.unit, "seconds": f"{self.elapsed():.0f}"}
        if self.total:
            values["share"] = min(100, round(100 * self.done / self.total))
            return t.gettext("%(label)s: %(done)s van %(total)s %(unit)s (%(share)s %%), %(seconds)s s") % values
        if self.done:
            return t.gettext("%(label)s: %(done)s %(unit)s, %(seconds)s s") % values
        return t.gettext("%(label)s: %(seconds)s s") % values


class Progress:
    """Where steps show their progress: `stream` (None: nowhere), as a bar when `interactive` (by
    default: when `stream` is a terminal), else as lines; in the language of `t`."""

    def __init__(self, stream: IO[str] | None, t: Translations = DUTCH, interactive: bool | None = None,
                 quiet_seconds: float | None = None, log_seconds: float | None = None) -> None:
        self.stream = stream
        self.t = t
        self.interactive = bool(stream is not None and stream.isatty()) if interactive is None else interactive
        self.quiet_seconds = QUIET_SECONDS if quiet_seconds is None else quiet_seconds
        self.log_seconds = LOG_SECONDS if log_seconds is None else log_seconds

    @contextlib.contextmanager
    def step(self, label: str, total: int | None = None, unit: str = "") -> Iterator[Step]:
        """A step called `label` of `total` `unit`s (`total` may be set once known); both texts are
        the Dutch of the catalogue (`N_`), shown in the language of `t`."""
        step = Step(self.t.gettext(label), total, self.t.gettext(unit) if unit else "")
        if self.stream is None:
            yield step
            return
        if self.quiet_seconds <= 0 and not self.interactive:
            self._write(step.line(self.t))
        stop = threading.Event()
        show = self._bar if self.interactive else self._lines
        clock = threading.Thread(target=show, args=(step, stop), name="netwerkspiegel-progress", daemon=True)
        clock.start()
        try:
            yield step
        finally:
            stop.set()
            clock.join()

    def say(self, line: str) -> None:
        """One line about the work (not a step's progress), shown at once; `line` is translated."""
        self._write(line)

    def _lines(self, step: Step, stop: threading.Event) -> None:
        if self.quiet_seconds > 0:  # else its first line was written as the step began
            if stop.wait(self.quiet_seconds):
                return
            self._write(step.line(self.t))
        while not stop.wait(self.log_seconds):
            self._write(step.line(self.t))

    def _bar(self, step: Step, stop: threading.Event) -> None:
        if stop.wait(self.quiet_seconds):
            return
        from tqdm import tqdm

        bar: Any = tqdm(total=step.total, desc=step.label, unit=f" {step.unit}" if step.unit else "", file=self.stream,
                        initial=step.done, leave=False, dynamic_ncols=True,
                        bar_format=None if step.total else ("{desc}: {n_fmt}{unit} [{elapsed}]" if step.unit else "{desc} [{elapsed}]"))
        try:
            while not stop.wait(_TICK_SECONDS):
                bar.update(step.done - bar.n)
            bar.update(step.done - bar.n)
        finally:
            bar.close()

    def _write(self, line: str) -> None:
        if self.stream is None:
            return
        with contextlib.suppress(OSError, ValueError):  # a closed pipe must not stop the build
            self.stream.write(line + "\n")
            self.stream.flush()


SILENT = Progress(None)
