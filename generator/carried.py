"""What a build keeps for the next, so that a rebuild after one export changed analyses only the
networks whose scores changed (what a read keeps of each score table: `generator.read.kept`).

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

from generator.analyse.figures import ScoreFigures
from generator.core.language import Language
from generator.core.model import Dataset
from generator.core.store import Store, package_digest, value_digest
from generator.core.vocabulary import Audience


def figure_keys(dataset: Dataset, audience: Audience, language: Language) -> dict[str, str]:
    """Per network with score inputs, the key of its score figures. `dataset` as the pages are made
    from it (its framework in the site's language, its settings with the site's address)."""
    shared = value_digest((package_digest(), dataset.framework, dataset.settings, audience.value, language.value))
    return {network: hashlib.sha256(f"{shared}\0{inputs}".encode()).hexdigest() for network, inputs in dataset.score_inputs.items()}


class NetworkStore:
    """The score figures (`netwerken`) of earlier builds, by key, in `store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

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
