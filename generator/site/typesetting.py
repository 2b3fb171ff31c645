"""Stage 3, site (typesetting): PDFs from the report template and each report's data, with Typst.

Apart from `generator.site.reports`, which says what a report holds: the processes that typeset
reports alongside a build import this module alone (and Typst), so they start in a blink. It also
draws the marks on a report's lines (one SVG per dimension): what a report holds is numbers, how
they look on paper is decided here, where the drawing costs the process that typesets.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.errors import BuildError
from generator.core.fonts import FAMILIES, font_folders
from generator.core.language import Message
from generator.core.resources import TEMPLATES_DIR
from generator.core.vocabulary import Situation
from generator.site.chart_style import SHARED_COLOUR, SITUATION_COLOURS

REPORT_TEMPLATE = TEMPLATES_DIR / "report" / "report.typ"
DRAWING = Path(__file__)  # what a report looks like depends on this module too (its store key)

_GREY = "#8a8a8a"
_NOW, _DESIRED = SITUATION_COLOURS[Situation.CURRENT], SITUATION_COLOURS[Situation.DESIRED]
# How each kind of mark is drawn (`_lines_svg`), in this order: later kinds on top.
_SHAPES = {
    "agreed": f'fill="{SHARED_COLOUR}"',
    "previous": f'stroke="{_GREY}" stroke-width="1.6" stroke-linecap="round" fill="none"',
    "cross-desired": f'stroke="{_DESIRED}" stroke-width="0.9" fill="white"',
    "cross-now": f'stroke="{_NOW}" stroke-width="1" stroke-linecap="round" fill="none"',
    "desired": f'stroke="{_DESIRED}" stroke-width="1.5" fill="white"',
    "now": f'stroke="{_NOW}" stroke-width="1.6" stroke-linecap="round" fill="none"',
    "median-now": f'fill="{_NOW}"',
    "median-desired": f'fill="{_DESIRED}"',
}


@dataclass(frozen=True)
class ReportJob:
    path: str
    data: str  # the report's data as JSON: its lines' marks as numbers (`draw_marks` draws them)


def compile_reports(jobs: Iterable[ReportJob], logo: tuple[str, bytes] | None) -> dict[str, bytes]:
    """Each job's PDF, typeset as the jobs come. Typst sees only a folder of its own with the
    template and the logo, and only the fonts it carries and Netwerkspiegel's (`core/fonts.py`),
    none of the machine's: the same bytes on every machine."""
    import typst

    with tempfile.TemporaryDirectory(prefix="netwerkspiegel-rapporten-") as folder:
        root = Path(folder)
        shutil.copyfile(REPORT_TEMPLATE, root / "report.typ")
        if logo is not None:
            (root / Path(logo[0]).name).write_bytes(logo[1])
        compiler = typst.Compiler(root=str(root), font_paths=[str(folder) for folder in font_folders()], ignore_system_fonts=True)
        families = json.dumps(FAMILIES)
        made = {}
        for job in jobs:
            data = json.dumps(draw_marks(json.loads(job.data)), ensure_ascii=False)
            try:
                pdf = compiler.compile(input=str(root / "report.typ"), format="pdf", sys_inputs={"data": data, "fonts": families},
                                       timestamp=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
            except typst.TypstError as error:  # what is read is checked before; this is the last word, without a traceback
                if logo is not None and "decode image" in error.message:  # the one image from the data (read/logo.py decodes it first)
                    raise BuildError(Message("Het PDF-rapport %(path)s kon niet worden gemaakt: Typst kan het logo (site.logo in netwerkspiegel.toml) "
                                             "niet lezen. Sla het logo opnieuw op als PNG of JPG, of bouw met --no-pdf. De vorige site blijft staan.",
                                             path=job.path)) from error
                raise BuildError(Message("Het PDF-rapport %(path)s kon niet worden gemaakt: %(reason)s. De vorige site blijft staan.",
                                         path=job.path, reason=error.message)) from error
            assert isinstance(pdf, bytes)
            made[job.path] = pdf
        return made


def draw_marks(data: dict[str, Any]) -> dict[str, Any]:
    """A report's data with each block of lines drawn: every dimension's marks as one SVG of the
    report's line width (`svg`), every legend entry's mark as in the lines (10 × 10 points)."""
    blocks = [*data.get("intro", []), *(block for section in data.get("sections", []) for block in section["blocks"])]
    for block in blocks:
        if block["type"] != "lines":
            continue
        low, high = block["scale"]
        for item in block["legend"]:
            item["svg"] = _svg(10, 10, [_mark(item["kind"], 5 - 4 * (item["kind"] == "band"), 5, 9)])
        for dimension in block["dimensions"]:
            dimension["svg"] = _lines_svg(dimension.pop("marks"), low, high, data["line_width"], block["pitch"])
    return data


@functools.lru_cache(maxsize=1 << 16)  # 200 reports draw the same few hundred marks again and again
def _mark(kind: str, x: float, y: float, x2: float) -> tuple[str, str]:
    """One mark at (x, y) (a band or shift to x2): its kind's path (see `_SHAPES`), or ("", an SVG
    element) for a band (`band-now`, `band-desired`; in the legend `band`) or a shift, which are
    drawn in their own colour."""
    if kind.startswith("band") or kind == "shift":
        left, right = sorted((x, x2))
        colour, opacity, thick = (_DESIRED if kind == "band-desired" else _NOW, 0.3, 4) if kind != "shift" else (_GREY, 0.4, 3)
        return "", (f'<rect x="{left}" y="{y - thick / 2}" width="{max(right - left, 0.8)}" height="{thick}" fill="{colour}" '
                    f'fill-opacity="{opacity}"/>')
    if kind in ("now", "previous", "cross-now"):
        r = 2.75 if kind == "cross-now" else 3.5
        return kind, f"M{x - r} {y - r}L{x + r} {y + r}M{x - r} {y + r}L{x + r} {y - r}"
    if kind in ("desired", "cross-desired"):
        r = 2.75 if kind == "cross-desired" else 3.5
        return kind, f"M{x - r} {y}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0"
    if kind == "agreed":
        return kind, f"M{x} {y - 4.5}L{x + 4.5} {y}L{x} {y + 4.5}L{x - 4.5} {y}Z"
    return kind, f"M{x - 1} {y - 3.5}h2v7h-2Z"  # a median


def _svg(width: float, height: float, marks: list[tuple[str, str]], before: str = "") -> str:
    """SVG of `width` × `height` points: `before`, then the bands and shifts, then one path per kind
    of mark over all of them (a few elements, however many crosses), in `_SHAPES`' order."""
    paths: dict[str, list[str]] = {kind: [] for kind in _SHAPES}
    elements = [before]
    for kind, drawn in marks:
        (paths[kind] if kind else elements).append(drawn)
    elements += [f'<path d="{"".join(parts)}" {_SHAPES[kind]}/>' for kind, parts in paths.items() if parts]
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">{"".join(elements)}</svg>'


def _lines_svg(lines: list[list[dict[str, Any]]], low: float, high: float, width: float, pitch: float) -> str:
    """A dimension's indicators as SVG of `width` points by `pitch` a line: each line from `low` to
    `high` with a tick at every whole position, and its marks (see `templates/report/report.typ`)."""
    at = _positions(low, high, width)
    marks: list[tuple[str, str]] = []
    for row, line in enumerate(lines):
        middle = pitch * row + pitch / 2
        marks += [_mark(mark["kind"], at(mark["x"]), round(middle + mark.get("offset", 0), 2), at(mark.get("x2", mark["x"]))) for mark in line]
    return _svg(width, round(pitch * len(lines), 2), marks, _axes(low, high, width, pitch, len(lines)))


@functools.lru_cache(maxsize=64)
def _positions(low: float, high: float, width: float) -> Callable[[float], float]:
    """Where a position on the scale lies on a line `width` points long (5 points in from each end)."""
    inset = 5.0

    @functools.lru_cache(maxsize=1024)
    def at(x: float) -> float:
        return round(inset + (x - low) / (high - low) * (width - 2 * inset), 2)

    return at


@functools.lru_cache(maxsize=256)
def _axes(low: float, high: float, width: float, pitch: float, rows: int) -> str:
    """The lines themselves, each with its ticks, as one path."""
    at = _positions(low, high, width)
    ticks = [at(tick) for tick in range(math.ceil(low), math.floor(high) + 1)]
    axes = []
    for row in range(rows):
        middle = round(pitch * row + pitch / 2, 2)
        axes.append(f"M0 {middle}H{width}" + "".join(f"M{x} {middle - 2}V{middle + 2}" for x in ticks))
    return f'<path d="{"".join(axes)}" stroke="{_GREY}" stroke-width="0.5" fill="none"/>'
