"""The validated data set: frozen records that later stages read and never change.

Before the audience stage a record still carries the participant as given in the export; the
audience stage replaces it by an anonymous position number (see `generator.audience`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from generator.errors import Problem
from generator.framework import Framework
from generator.moments import Moment
from generator.settings import Settings

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


@dataclass(frozen=True)
class FileSummary:
    """What one input file held, for `netwerkspiegel check`."""

    file: str
    kind: str
    rows: int
    networks: tuple[str, ...]
    moments: tuple[str, ...]
    unused_columns: tuple[str, ...]


@dataclass(frozen=True)
class Dataset:
    framework: Framework
    settings: Settings
    scores: tuple[Score, ...]
    reflections: tuple[Reflection, ...]
    networks: tuple[str, ...]
    moments: tuple[Moment, ...]
    files: tuple[FileSummary, ...]
    warnings: tuple[Problem, ...]
    ignored_files: tuple[str, ...] = ()


def assemble(framework: Framework, settings: Settings, scores, reflections, files, warnings, ignored_files) -> Dataset:
    """The data set in a fixed order: networks by name, moments in time."""
    from generator.framework import fold

    networks = tuple(sorted({r.network for r in (*scores, *reflections)}, key=lambda name: (fold(name), name)))
    moments = tuple(sorted({r.moment for r in (*scores, *reflections)}))
    return Dataset(framework, settings, tuple(scores), tuple(reflections), networks, moments, tuple(files), tuple(warnings), tuple(ignored_files))
