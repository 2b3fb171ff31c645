"""What a read keeps of each canonical score table, so that the next need not read it again.

A score table whose bytes are unchanged, read under the same settings, column meanings and
framework, and under the same `context` (who is whom, how each network is spelled, every identity:
see `generator.read.validate`), that alone holds its networks' scores, is not read again: what it
added to the data set (its participants' identities, its spellings of network names, its summary
and warnings, its scores packed as the data set had them) is taken from here. Its scores are
unpacked only when a build must analyse them (see `Dataset.with_scores_of`); a build that has its
networks' figures in the store (`generator.carried`) never does.

They are kept in the store (`tabellen`), named by a key of the table's file, sheet and bytes, the
settings, column meanings and framework, and this program.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from generator.core.errors import Problem
from generator.core.framework import Framework
from generator.core.model import TableSummary
from generator.core.moments import Moment
from generator.core.settings import Mappings, Settings
from generator.core.store import Store, package_digest, value_digest
from generator.read.load import RawTable


@dataclass(frozen=True)
class KeptTable:
    identity_rows: tuple[tuple[str, ...], ...]  # each combination of identities its rows hold
    spellings: tuple[tuple[str, int], ...]  # each network name as written, and how many of its scores have it
    context: str  # the digest of who is whom, spellings and setup that the rest was made under
    alone: bool  # no other table held scores of its networks: its warnings are its own
    summary: TableSummary
    warnings: tuple[Problem, ...]  # every warning about a row or column of this table
    pairs: tuple[tuple[str, str], ...]  # (network, person) of its scores, networks as merged
    moments: tuple[Moment, ...]  # of its scores
    scores: bytes  # its scores as the data set had them, packed (`pack_scores`)

    @property
    def networks(self) -> tuple[str, ...]:
        return self.summary.networks


class KeptTables:
    """What earlier reads kept of their score tables (`tabellen`), in `store`, for tables read under
    these settings, column meanings and framework."""

    def __init__(self, store: Store, settings: Settings, mappings: Mappings, framework: Framework) -> None:
        self.store = store
        self.setup = value_digest((package_digest(), settings, mappings, framework))

    def __call__(self, table: RawTable) -> KeptTable | None:
        """What was kept of this table; None when nothing (or nothing readable)."""
        found = self.store.recall("tabellen", self._key(table), KeptTable)
        return found if isinstance(found, KeptTable) else None

    def keep(self, tables: tuple[tuple[RawTable, KeptTable], ...]) -> None:
        """Keep what a later read may take over of the tables read now (an entry already there
        could not be taken over: it is written anew)."""
        for table, kept in tables:
            self.store.keep("tabellen", self._key(table), kept, again=True)

    def _key(self, table: RawTable) -> str:
        return hashlib.sha256(f"{self.setup}\0{table.file}\0{table.sheet}\0{table.digest}".encode("utf-8", "surrogateescape")).hexdigest()
