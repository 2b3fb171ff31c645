"""The validated data set: frozen records that later stages read and never change.

Before the audience stage a record still carries the participant as given in the export; the
audience stage replaces it by an anonymous position number (see `generator.analyse.audience`).
"""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import NamedTuple

from generator.core.errors import Problem
from generator.core.framework import Framework
from generator.core.identity import Redactor
from generator.core.language import Message
from generator.core.moments import Moment
from generator.core.settings import Settings
from generator.core.vocabulary import AgreementKind, Level, Meaning, PersonalData, Situation, TableKind

SITUATIONS = (Situation.CURRENT, Situation.DESIRED)


# The per-row records are immutable NamedTuples rather than frozen dataclasses: an export can hold
# hundreds of thousands of rows, and a tuple is built and hashed in C, several times faster.
class Source(NamedTuple):
    file: str
    row: int
    sheet: str | None = None

    def describe(self) -> Message:
        if self.sheet:
            return Message("%(file)s, blad '%(sheet)s' rij %(row)s", file=self.file, sheet=self.sheet, row=str(self.row))
        return Message("%(file)s rij %(row)s", file=self.file, row=str(self.row))


class Score(NamedTuple):
    network: str
    moment: Moment
    participant: str
    indicator: str
    situation: Situation
    value: float
    source: Source
    role: str | None = None  # leraar, pabostudent, … when the export says so


def pack_scores(scores: tuple[Score, ...] | list[Score]) -> bytes:
    """Score records as bytes, column by column: the records share most of their values (a
    network, a moment, a person's key), which pickle then writes once; fast both ways."""
    if not scores:
        return b""
    *fields, sources, roles = zip(*scores, strict=True)
    files, rows, sheets = zip(*sources, strict=True)
    return pickle.dumps((fields, files, rows, sheets, roles), protocol=5)


def unpack_scores(packed: bytes) -> tuple[Score, ...]:
    """The records `pack_scores` packed, equal to the originals and in their order."""
    if not packed:
        return ()
    fields, files, rows, sheets, roles = pickle.loads(packed)
    return tuple(map(Score._make, zip(*fields, map(Source._make, zip(files, rows, sheets, strict=True)), roles, strict=True)))


def role_of(text: str) -> str | None:
    """A role as the site groups it: one line, lower case; None when empty."""
    role = " ".join(text.split()).lower()
    return role or None


@dataclass(frozen=True)
class Reflection:
    network: str
    moment: Moment
    participant: str
    cycle: int
    text: str
    public: bool
    level: Level | None
    title: str | None
    source: Source
    story: str | None = None  # the value-creation story this reflection is a part of

    def _replace(self, **changes: object) -> Reflection:
        """As a NamedTuple's: every kind of record can be given, say, its network's chosen spelling alike."""
        return replace(self, **changes)  # type: ignore[arg-type]


class SharedPosition(NamedTuple):
    """The network's one agreed cross on an indicator's line at a moment (the chapter's Figure 2)."""

    network: str
    moment: Moment
    indicator: str
    situation: Situation
    value: float
    note: str  # what the network said of it; '' when nothing
    source: Source


class Agreement(NamedTuple):
    """A conclusion or agreement the network wrote down at a moment; public only when it says so."""

    network: str
    moment: Moment
    text: str
    kind: AgreementKind
    public: bool
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
    reason: Message


class NotRead(StrEnum):
    """Why a column is not read."""

    TOOL = "tool"  # the form tool's own data (IP address, last page): not needed
    IGNORED = "ignored"  # 'negeren' in `[kolommen]`
    SAME = "same"  # means what an earlier column means, which is the one read
    UNPLACED = "unplaced"  # Netwerkspiegel does not know what it holds
    NO_HEADER = "no header"  # a column without a heading (said in a note where it holds anything)


@dataclass(frozen=True)
class ColumnUse:
    """What Netwerkspiegel does with one column of a table: `meaning` and `detail` (an indicator
    code and situation, a cycle number) for a column it reads, else `not_read`."""

    column: int  # 0-based; shown as a spreadsheet letter
    header: str
    meaning: Meaning | None
    detail: tuple[str | int, ...] = ()
    not_read: NotRead | None = None
    mapped: bool = False  # its meaning comes from `[kolommen]`


@dataclass(frozen=True)
class TableSummary:
    """What one file (or one sheet of a workbook) held: for `check` and the data-quality page.

    `rows` counts every row below the header; `used` + `len(unused)` + `empty` adds up to it."""

    file: str
    sheet: str | None
    kind: TableKind
    form: bool
    rows: int
    used: int
    empty: int
    unused: tuple[UnusedRow, ...]
    networks: tuple[str, ...]
    moments: tuple[Message, ...]  # the moments, or the meetings' dates, as the quality page lists them
    unplaced_columns: tuple[str, ...]
    dialect: str | None = None  # the form tool whose export this is ("Qualtrics")
    personal: tuple[PersonalData, ...] = ()  # what the file holds of people (its columns read as such)
    parts: tuple[TableKind, ...] = ()  # what a form's rows give (scores, reflections, an evaluation)
    columns: tuple[ColumnUse, ...] = ()  # every column, accounted for
    counts: tuple[tuple[TableKind, int], ...] = ()  # records read per kind
    public: int = 0  # reflections (or agreements) with consent
    times: tuple[str, str] | None = None  # the first and last response time read (ISO dates)
    anonymised: bool = False  # every response time is LimeSurvey's stand-in for a time it did not keep

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
    shared: tuple[SharedPosition, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    # The redactor of `identities`, made once when the data set is assembled (its keys take a
    # quarter of a second at 1,000 networks); None: the audience stage makes it.
    redactor: Redactor | None = field(default=None, compare=False, repr=False)
    # Per network with scores, a digest of everything its scores are made from (equal digests,
    # equal scores; see `generator.read.validate`): how a build knows which networks it may take
    # from the previous one. Derived from the rest, so not compared.
    score_inputs: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Networks whose scores were not read again, their tables unchanged since an earlier build (see
    # `generator.read.kept`): `scores` has none of theirs; a build takes their figures over, or
    # unpacks their scores (`with_scores_of`) when the store has not their figures.
    absent: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # Per table taken over: its networks and its scores packed (`pack_scores`).
    absent_scores: tuple[tuple[tuple[str, ...], bytes], ...] = field(default=(), compare=False, repr=False)
    network_sizes: tuple[tuple[str, int], ...] = ()  # network → how many members it has (`[netwerken."naam"] grootte`)

    def with_scores_of(self, networks: frozenset[str] | set[str]) -> Dataset:
        """The data set with the scores of these absent networks (and of every other network of
        their tables) unpacked into `scores`, as a full read would have them."""
        unpack = [(names, packed) for names, packed in self.absent_scores if networks & set(names)]
        if not unpack:
            return self
        scores = self.scores + tuple(score for _, packed in unpack for score in unpack_scores(packed))
        return replace(self, scores=scores, absent=self.absent - {name for names, _ in unpack for name in names},
                       absent_scores=tuple(entry for entry in self.absent_scores if entry not in unpack))
