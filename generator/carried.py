"""What a build keeps for the next, so that a rebuild after one export changed reads and analyses
only the networks whose scores changed.

Of each canonical score table read, what it adds to the data set, its scores packed (see
`generator.read.kept`), is kept in the store (`tabellen`), named by a key of its file, sheet
and bytes, the settings, column meanings and framework, and this program.

What a network's scores alone decide (`ScoreFigures`: its statistics, spreads, changes, roles and
conversation starters, its participant counts) is kept in the store (`netwerken`), one
entry per network, named by a key of everything it is made from: the network's score inputs
(`Dataset.score_inputs`: the bytes of every table that holds its scores, and who is whom), the
framework and settings as the build has them, the audience, the language and this program. Equal
keys, equal figures: a later build takes them instead of analysing the scores again. `serve`
keeps them in memory as well, between its rebuilds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from generator.analyse.figures import ScoreFigures
from generator.core.framework import Framework
from generator.core.language import Language
from generator.core.model import Dataset
from generator.core.settings import Mappings, Settings
from generator.core.store import Store, package_digest, value_digest
from generator.core.vocabulary import Audience
from generator.read.kept import KeptTable
from generator.read.load import RawTable


def figure_keys(dataset: Dataset, audience: Audience, language: Language) -> dict[str, str]:
    """Per network with score inputs, the key of its score figures. `dataset` as the pages are made
    from it (its framework in the site's language, its settings with the site's address)."""
    shared = value_digest((package_digest(), dataset.framework, dataset.settings, audience.value, language.value))
    return {network: hashlib.sha256(f"{shared}\0{inputs}".encode()).hexdigest() for network, inputs in dataset.score_inputs.items()}


class NetworkStore:
    """The score figures (`netwerken`) and kept tables (`tabellen`) of earlier builds, by key, in `store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def table_reader(self, settings: Settings, mappings: Mappings, framework: Framework) -> Callable[[RawTable], KeptTable | None]:
        """What an earlier read kept of a table read under these settings, column meanings and
        framework; None when nothing."""
        setup = _setup(settings, mappings, framework)
        read: dict[str, KeptTable | None] = {}  # loading and checking both ask: read once

        def kept(table: RawTable) -> KeptTable | None:
            key = _table_key(setup, table)
            if key not in read:
                found = self.store.recall("tabellen", key, KeptTable)
                read[key] = found if isinstance(found, KeptTable) else None
            return read[key]

        return kept

    def keep_tables(self, settings: Settings, mappings: Mappings, framework: Framework, tables: tuple[tuple[RawTable, KeptTable], ...]) -> None:
        """Keep what a later read may take over of the tables read now."""
        setup = _setup(settings, mappings, framework)
        for table, kept in tables:
            self.store.keep("tabellen", _table_key(setup, table), kept, again=True)  # read now: what is there was not usable

    def take(self, keys: dict[str, str]) -> dict[str, ScoreFigures]:
        """The networks' figures kept under their keys; a network without (or with an unreadable entry) is left out."""
        found: dict[str, ScoreFigures] = {}
        for network, key in keys.items():
            figures = self.store.recall("netwerken", key, ScoreFigures)
            if isinstance(figures, ScoreFigures) and figures.network == network:
                found[network] = figures
        return found

    def keep(self, keys: dict[str, str], figures: tuple[ScoreFigures, ...]) -> None:
        """Keep each network's figures made now under its key (`keys`: those not taken from here,
        so an entry already there could not be used)."""
        for found in figures:
            if found.network in keys:
                self.store.keep("netwerken", keys[found.network], found, again=True)


def _setup(settings: Settings, mappings: Mappings, framework: Framework) -> str:
    """What every kept table was read under besides its own bytes: the settings, column meanings,
    framework, and this program."""
    return value_digest((package_digest(), settings, mappings, framework))


def _table_key(setup: str, table: RawTable) -> str:
    return hashlib.sha256(f"{setup}\0{table.file}\0{table.sheet}\0{table.digest}".encode("utf-8", "surrogateescape")).hexdigest()


