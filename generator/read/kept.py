"""What a read keeps of each canonical score table, so that the next need not read it again.

A score table whose bytes are unchanged, read under the same settings, column meanings and
framework, and under the same `context` (who is whom, how each network is spelled, every identity:
see `generator.read.validate`), that alone holds its networks' scores, is not read again: what it
added to the data set (its participants' identities, its spellings of network names, its summary
and warnings, its scores packed as the data set had them) is taken from here. Its scores are
unpacked only when a build must analyse them (see `Dataset.with_scores_of`); a build that has its
networks' figures in the store (`generator.carried`) never does.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.errors import Problem
from generator.core.model import TableSummary
from generator.core.moments import Moment


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
