"""The validated data set: frozen records that later stages read and never change.

Before the audience stage a record still carries the participant as given in the export; the
audience stage replaces it by an anonymous position number (see `generator.analyse.audience`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from generator.core.errors import Problem
from generator.core.framework import Framework, fold
from generator.core.identity import Redactor
from generator.core.moments import Moment
from generator.core.settings import Settings

CURRENT = "huidig"
DESIRED = "gewenst"
SITUATIONS = (CURRENT, DESIRED)

INDIVIDUAL = "individueel"
COLLECTIVE = "collectief"


# The per-row records are immutable NamedTuples rather than frozen dataclasses: an export can hold
# hundreds of thousands of rows, and a tuple is built and hashed in C, several times faster.
class Source(NamedTuple):
    file: str
    row: int
    sheet: str | None = None

    def describe(self) -> str:
        sheet = f", blad '{self.sheet}'" if self.sheet else ""
        return f"{self.file}{sheet} rij {self.row}"


class Score(NamedTuple):
    network: str
    moment: Moment
    participant: str
    indicator: str
    situation: str
    value: float
    source: Source


@dataclass(frozen=True)
class Reflection:
    network: str
    moment: Moment
    participant: str
    cycle: int
    text: str
    public: bool
    level: str | None
    title: str | None
    source: Source


class Evaluation(NamedTuple):
    """A short evaluation after a meeting: what went well (tops), what could be better (tips)."""

    network: str
    date: dt.date
    tops: str
    tips: str
    participant: str | None
    rating: float | None
    source: Source


@dataclass(frozen=True)
class UnusedRow:
    """A row of an input table that holds data but is not used, and why."""

    file: str
    sheet: str | None
    row: int
    reason: str


@dataclass(frozen=True)
class TableSummary:
    """What one file (or one sheet of a workbook) held: for `check` and the data-quality page.

    `rows` counts every row below the header; `used` + `len(unused)` + `empty` adds up to it."""

    file: str
    sheet: str | None
    kind: str
    form: bool
    rows: int
    used: int
    empty: int
    unused: tuple[UnusedRow, ...]
    networks: tuple[str, ...]
    moments: tuple[str, ...]
    unplaced_columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.file} (blad '{self.sheet}')" if self.sheet else self.file


@dataclass(frozen=True)
class Dataset:
    framework: Framework
    settings: Settings
    scores: tuple[Score, ...]
    reflections: tuple[Reflection, ...]
    evaluations: tuple[Evaluation, ...]
    networks: tuple[str, ...]
    moments: tuple[Moment, ...]
    tables: tuple[TableSummary, ...]
    warnings: tuple[Problem, ...]
    ignored_files: tuple[str, ...] = ()
    themes: tuple[tuple[str, str], ...] = ()  # network → its theme or practice question
    # every name, e-mail and code in the exports: what the audience stage removes from all text
    identities: frozenset[str] = frozenset()
    logo: tuple[str, bytes] | None = None  # (path in the site, the image) from `site.logo`


def assemble(framework: Framework, settings: Settings, validated, ignored_files, themes=(), notices=()) -> Dataset:
    """The data set in a fixed order: networks by name, moments in time."""
    records = (*validated.scores, *validated.reflections)
    names = {r.network for r in records} | {e.network for e in validated.evaluations}
    networks = tuple(sorted(names, key=lambda name: (fold(name), name)))
    moments = tuple(sorted({r.moment for r in records}))
    # A theme names its network as the coach wrote it; match it the way network names are merged.
    keys = {"".join(fold(name).split()): name for name in networks}
    matched = tuple(sorted((keys[k], theme) for k, theme in (("".join(fold(n).split()), t) for n, t in themes) if k in keys))
    identities = validated.identities
    warnings = tuple(sorted(
        (*validated.warnings, *notices, *_typed_by_coach(Redactor(identities), settings, networks, matched, validated.tables, ignored_files)),
        key=lambda w: (w.file, w.sheet or "", w.row or 0, w.key or "", w.message),
    ))
    return Dataset(
        framework, settings, tuple(validated.scores), tuple(validated.reflections), tuple(validated.evaluations),
        networks, moments, tuple(validated.tables), warnings, tuple(ignored_files), matched, identities,
    )


def _typed_by_coach(redactor: Redactor, settings: Settings, networks, themes, tables, ignored_files) -> list[Problem]:
    """Words the coach typed (network names, the site title, themes, file and sheet names, column
    headers) that name a participant: they would show on the site, so the coach is told where."""
    said = "noemt een deelnemer; die naam komt zo op de site. Kies een naam zonder namen van deelnemers."
    found: list[Problem] = []
    for network in networks:
        if redactor.mentions(network):
            found.append(Problem("netwerknamen", None, None, network, f"de naam van dit netwerk {said}"))
    if redactor.mentions(settings.site_title):
        found.append(Problem("netwerkspiegel.toml", None, None, settings.site_title, f"de titel van de site {said}", key="site.titel"))
    for network, theme in themes:
        if redactor.mentions(theme):
            found.append(Problem("netwerkspiegel.toml", None, None, theme, f"dit thema {said}", key=f'netwerken."{network}".thema'))
    files = sorted({t.file for t in tables} | set(ignored_files))
    for file in files:
        if redactor.mentions(file):
            found.append(Problem(file, None, None, None, f"de bestandsnaam {said} (op de pagina Gegevenskwaliteit wordt die naam weggelaten)."))
    for table in tables:
        if table.sheet and redactor.mentions(table.sheet):
            found.append(Problem(table.file, None, None, table.sheet, f"de naam van dit blad {said} (op de pagina Gegevenskwaliteit wordt die naam weggelaten).", sheet=table.sheet))
        for header in table.unplaced_columns:
            if redactor.mentions(header):
                found.append(Problem(table.file, None, header, None, f"deze kolomkop {said} (op de pagina Gegevenskwaliteit wordt die naam weggelaten).", sheet=table.sheet))
    return found
