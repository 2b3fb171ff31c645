"""What a build keeps for the next, so that a rebuild after one export changed reads and analyses
only the networks whose scores changed.

Of each canonical score table read, what it adds to the data set besides its scores (see
`generator.read.kept`) is kept in the user's cache (`tabellen/`), named by a key of its file, sheet
and bytes, the settings, column meanings and framework, and this program.

What a network's scores alone decide (`ScoreFigures`: its statistics, spreads, changes, roles and
conversation starters, its participant counts) is kept in the user's cache (`netwerken/`), one
file per network, named by a key of everything it is made from: the network's score inputs
(`Dataset.score_inputs`: the bytes of every table that holds its scores, and who is whom), the
framework and settings as the build has them, the audience, the language and this program. Equal
keys, equal figures: a later build takes them instead of analysing the scores again. `serve`
keeps them in memory as well, between its rebuilds.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from generator.analyse.figures import ScoreFigures
from generator.core.cache import package_digest, prune, store, value_digest
from generator.core.errors import Problem
from generator.core.framework import Framework
from generator.core.language import Language
from generator.core.model import Dataset
from generator.core.settings import Mappings, Settings
from generator.core.vocabulary import Audience
from generator.read.kept import KeptTable
from generator.read.load import Loaded, RawTable

T = TypeVar("T")


def figure_keys(dataset: Dataset, audience: Audience, language: Language) -> dict[str, str]:
    """Per network with score inputs, the key of its score figures. `dataset` as the pages are made
    from it (its framework in the site's language, its settings with the site's address)."""
    shared = value_digest((package_digest(), dataset.framework, dataset.settings, audience.value, language.value))
    return {network: hashlib.sha256(f"{shared}\0{inputs}".encode()).hexdigest() for network, inputs in dataset.score_inputs.items()}


class NetworkStore:
    """The score figures and kept tables of earlier builds by key: in `folder` (None: nowhere on
    disk; figures in `netwerken/`, tables in `tabellen/`) and, with `in_memory`, in this object too
    (`serve` keeps one for as long as it runs)."""

    def __init__(self, folder: Path | None, in_memory: bool = False) -> None:
        self.folder = folder / "netwerken" if folder is not None else None
        self.tables_folder = folder / "tabellen" if folder is not None else None
        self.memory: dict[str, ScoreFigures] | None = {} if in_memory else None
        self.tables_memory: dict[str, KeptTable] | None = {} if in_memory else None

    def table_reader(self, settings: Settings, mappings: Mappings, framework: Framework) -> Callable[[RawTable], KeptTable | None]:
        """What was kept of a table read under these settings, column meanings and framework; None when nothing."""
        setup = _setup(settings, mappings, framework)
        read: dict[str, KeptTable | None] = {}  # loading and checking both ask: read from disk once

        def kept(table: RawTable) -> KeptTable | None:
            key = _table_key(setup, table)
            if key in read:
                return read[key]
            found = self.tables_memory.get(key) if self.tables_memory is not None else None
            if found is None and self.tables_folder is not None:
                found = _read(self.tables_folder / key, KeptTable)
            read[key] = found
            return found

        return kept

    def keep_tables(self, settings: Settings, mappings: Mappings, framework: Framework, tables: tuple[tuple[RawTable, KeptTable], ...],
                    loaded: Loaded) -> None:
        """Keep what a build needs of the tables read now, with what loading their files noticed;
        forget what no build used for a month (every table `loaded` holds is used, kept before or now)."""
        setup = _setup(settings, mappings, framework)
        noticed: dict[str, list[Problem]] = {}
        for notice in loaded.notices:
            noticed.setdefault(notice.file, []).append(notice)
        tables = tuple((table, replace(kept, notices=tuple(noticed.get(table.file, ())))) for table, kept in tables)
        used = loaded.tables
        if self.tables_memory is not None:
            self.tables_memory.update((_table_key(setup, table), kept) for table, kept in tables)
            current = {_table_key(setup, table) for table in used}
            self.tables_memory = {key: kept for key, kept in self.tables_memory.items() if key in current}
        if self.tables_folder is None:
            return
        for table, kept in tables:
            store(self.tables_folder / _table_key(setup, table), pickle.dumps(kept, protocol=5))
        prune(self.tables_folder, {_table_key(setup, table) for table in used})

    def take(self, keys: dict[str, str]) -> dict[str, ScoreFigures]:
        """The networks' figures kept under their keys; a network without (or with an unreadable entry) is left out."""
        found: dict[str, ScoreFigures] = {}
        for network, key in keys.items():
            figures = self.memory.get(key) if self.memory is not None else None
            if figures is None and self.folder is not None:
                figures = _read(self.folder / key, ScoreFigures)
            if figures is not None and figures.network == network:
                found[network] = figures
        return found

    def keep(self, keys: dict[str, str], figures: tuple[ScoreFigures, ...]) -> None:
        """Keep each network's figures under its key; forget, in memory at once and on disk after a
        month unused, what this build did not use."""
        kept = {keys[f.network]: f for f in figures if f.network in keys}
        if self.memory is not None:
            self.memory = kept
        if self.folder is None:
            return
        for key, found in kept.items():
            path = self.folder / key
            if not path.exists():
                store(path, pickle.dumps(found, protocol=5))
        prune(self.folder, set(kept))


def _setup(settings: Settings, mappings: Mappings, framework: Framework) -> str:
    """What every kept table was read under besides its own bytes: the settings, column meanings,
    framework and this program."""
    return value_digest((package_digest(), settings, mappings, framework))


def _table_key(setup: str, table: RawTable) -> str:
    return hashlib.sha256(f"{setup}\0{table.file}\0{table.sheet}\0{table.digest}".encode("utf-8", "surrogateescape")).hexdigest()


def _read(path: Path, kind: type[T]) -> T | None:
    try:
        found = pickle.loads(path.read_bytes())
    except Exception:  # missing, or unreadable: read and analysed again
        return None
    return found if isinstance(found, kind) else None
