"""Names removed from every text that goes public, each text once, beside the rest of the build.

`NameRemoval` is what a public build calls with all its texts at once (`generator.analyse.audience`):
- each text is looked at once, however often it occurs;
- what was found is kept in the store (`teksten`) by the texts' digests, in `SHARES` shares, so
  a later build looks again only at the shares where a text changed, and does not even load Deduce
  when none did;
- the texts not kept are split between helper processes (`HELPERS`, on the other cores), which
  start to prepare Deduce when the removal is made, while the exports are being read; a helper
  that fails has its share done in this process.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from generator.core.language import N_
from generator.core.name_finder import NameFinder, deduce_versions
from generator.core.processes import Alongside, answer_parent_each
from generator.core.progress import SILENT, Progress
from generator.core.store import Store

SHARES = 256
HELPERS = 2
FEW = 400  # so few texts not kept that starting helpers would take longer than looking here
NAMESPACE = "teksten"
LOOKING = N_("Deduce zoekt namen van wie geen deelnemer is in de publieke teksten")
LOOKED_AT = N_("teksten nagekeken")

NAMES_ALONGSIDE = "from generator.core.name_removal import answer_parent; answer_parent()"


def _share(text: str) -> int:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[0] % SHARES


class NameRemoval:
    """`removal(texts)`: each text without names of anyone, phone numbers and e-mail addresses.

    `early`: start the helpers now (when most texts will not be in the store: a first build, a CI
    run), so that Deduce is ready when the texts are; else they start when a text is not kept."""

    def __init__(self, store: Store, progress: Progress = SILENT, early: bool = False) -> None:
        self._store, self._progress = store, progress
        self._helpers: list[Alongside] = []
        if early:
            self._start_helpers()

    def _start_helpers(self) -> None:
        if not self._helpers:
            count = max(1, min(HELPERS, os.cpu_count() or 1))
            folder = str(self._store.folder) if self._store.folder is not None else None
            self._helpers = [Alongside(NAMES_ALONGSIDE, (folder,), more=True) for _ in range(count)]

    def __call__(self, texts: Sequence[str]) -> list[str]:
        unique = sorted(set(texts))
        by_share: dict[int, list[str]] = defaultdict(list)
        for text in unique:
            by_share[_share(text)].append(text)
        versions = deduce_versions()
        found: dict[str, str] = {}
        missing: list[tuple[str, list[str]]] = []
        for share in sorted(by_share):
            members = by_share[share]
            key = self._store.key("zonder namen", versions, members)
            kept = self._store.recall(NAMESPACE, key, tuple)
            if isinstance(kept, tuple) and len(kept) == len(members) and all(isinstance(item, str) for item in kept):
                found.update(zip(members, kept, strict=True))
            else:
                missing.append((key, members))
        if missing:
            todo = [text for _, members in missing for text in members]
            found.update(zip(todo, self._find(todo), strict=True))
            for key, members in missing:
                self._store.keep(NAMESPACE, key, tuple(found[text] for text in members))
        self.close()
        return [found[text] for text in texts]

    def _find(self, texts: list[str]) -> list[str]:
        if not self._helpers and len(texts) < FEW:
            with self._progress.step(N_("Deduce voorbereiden (de lijsten met namen laden)")):
                finder = _finder(self._store.folder)
            with self._progress.step(LOOKING, total=len(texts), unit=LOOKED_AT) as step:
                found = []
                for text in texts:
                    found.append(finder(text))
                    step.advance()
                return found
        # What the line counts: texts Deduce has read, not texts it changed (`check` lists those).
        with self._progress.step(LOOKING, total=len(texts), unit=LOOKED_AT) as step:
            self._start_helpers()
            parts = _split(texts, len(self._helpers))
            for helper, part in zip(self._helpers, parts, strict=True):
                helper.send(part)
            results: list[str] = []
            helpers, self._helpers = self._helpers, []
            for helper, part in zip(helpers, parts, strict=True):
                answer = helper.result()
                if isinstance(answer, list) and len(answer) == 1 and isinstance(answer[0], list) and len(answer[0]) == len(part):
                    results += answer[0]
                else:  # the helper failed: its share here (and any error with it, shown as errors are)
                    finder = _finder(self._store.folder)
                    results += [finder(text) for text in part]
                step.advance(len(part))
            return results

    def close(self) -> None:
        """Helpers not needed (every text was kept): stopped, without waiting for them."""
        helpers, self._helpers = self._helpers, []
        for helper in helpers:
            helper.cancel()


def _split(texts: list[str], parts: int) -> list[list[str]]:
    size = -(-len(texts) // parts)
    return [texts[start:start + size] for start in range(0, size * parts, size)]


def _remove_names(items: Iterator[list[str]], folder: str | None) -> list[list[str]]:
    """In a helper: Deduce prepared first (before any text comes), then each batch of texts."""
    finder = NameFinder.from_store(Store(Path(folder) if folder is not None else None))
    return [[finder(text) for text in batch] for batch in items]


def answer_parent() -> None:
    """The helper's side of `NameRemoval`."""
    if hasattr(os, "nice"):
        os.nice(5)  # the process that reads the exports keeps its core
    answer_parent_each(_remove_names)


@functools.lru_cache(maxsize=1)
def _finder(folder: Path | None) -> NameFinder:
    """Deduce in this process, prepared once per store folder (`serve` rebuilds, tests)."""
    return NameFinder.from_store(Store(folder))
