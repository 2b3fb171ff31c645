"""The Dimensieraamwerk and the value-creation cycles, read from `data/framework.toml`.

The definitions are data, not code: labels, questions and poles live in the TOML file beside this
module, and everything that shows or recognises them asks the `Framework` object.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from generator.core.language import Language

FRAMEWORK_FILE = Path(__file__).parent / "data" / "framework.toml"


class _Text:
    """A text of a framework record in the record's `language`: its field `<field>_<language>` (see
    `_in`). A class attribute, not a dataclass field."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __get__(self, record: object, owner: type | None = None) -> str:
        return _in(record, self.field, record.language)  # type: ignore[attr-defined]


class _Named:
    """`name` and `description` in the record's language, from its `nl`/`en` and
    `description_nl`/`description_en` fields (dimensions and cycles)."""

    language: Language
    name = _Text("")
    description = _Text("description")


@dataclass(frozen=True)
class Dimension(_Named):
    code: str
    nl: str
    en: str
    slug: str
    description_nl: str
    description_en: str
    language: Language = Language.DUTCH  # the language of `name` and `description`
    own: bool = False  # a dimension a network added (`dimensie` of an own indicator)
    texts: tuple[tuple[str, str], ...] = ()  # the TOML's texts in further languages (`fy`, `description_fy`)


@dataclass(frozen=True)
class Indicator:
    code: str
    dimension: str
    label_nl: str
    label_en: str
    question_nl: str
    question_en: str
    left_nl: str
    right_nl: str
    left_en: str
    right_en: str
    language: Language = Language.DUTCH  # the language of `label`, `question`, `left` and `right`
    own: bool = False  # added by the coach in `[indicatoren]`, not one of the framework's eleven
    networks: tuple[str, ...] = ()  # an own indicator's networks (as the settings name them); () is all
    texts: tuple[tuple[str, str], ...] = ()  # the TOML's texts in further languages (`label_fy`, …)

    def applies_to(self, network: str) -> bool:
        """Whether the network's participants are asked this indicator."""
        return not self.networks or network_key(network) in {network_key(name) for name in self.networks}

    label = _Text("label")
    question = _Text("question")
    left = _Text("left")
    right = _Text("right")


@dataclass(frozen=True)
class Cycle(_Named):
    code: int
    slug: str
    nl: str
    en: str
    aliases: tuple[str, ...]
    description_nl: str
    description_en: str
    language: Language = Language.DUTCH  # the language of `name` and `description`
    texts: tuple[tuple[str, str], ...] = ()  # the TOML's texts in further languages


@dataclass(frozen=True)
class About:
    """How the site names and introduces one of the two frameworks (`[about_dimensions]`, `[about_cycles]`)."""

    name_nl: str  # as a heading
    name_en: str
    in_text_nl: str  # as running text writes it, with its article ("het Dimensieraamwerk")
    in_text_en: str
    source: str  # the reference, in every language
    about_nl: str  # what it is and how a network uses it
    about_en: str
    language: Language = Language.DUTCH
    texts: tuple[tuple[str, str], ...] = ()  # further languages: `name_fy`, `in_text_fy`, `about_fy`

    name = _Text("name")
    in_text = _Text("in_text")
    about = _Text("about")


# The texts of an own indicator or dimension that show on pages.
_OWN_TEXT_FIELDS: dict[type, tuple[str, ...]] = {
    Indicator: ("label_nl", "label_en", "question_nl", "question_en", "left_nl", "right_nl", "left_en", "right_en"),
    Dimension: ("nl", "en", "description_nl", "description_en"),
}


def _in(record: object, field: str, language: Language) -> str:
    """A text of the framework in one language: the field `<field>_<language>` of the TOML (a name:
    the field `<language>`); a language the file does not give (a catalogue added later) shows Dutch."""
    name = f"{field}_{language.value}" if field else language.value
    found = getattr(record, name, None)
    if found is None:
        found = dict(getattr(record, "texts", ())).get(name)
    if found is None:
        found = getattr(record, f"{field}_nl" if field else "nl")
    return str(found)


def fold(text: str) -> str:
    """Lower case, accents removed, inner white space collapsed: how user words are compared."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


_DIGITS = re.compile(r"(\d+)")


def name_order(name: str) -> tuple[tuple[str | tuple[int, str], ...], str, str]:
    """The one order of network names, wherever they are listed (pages, menus, tables, charts,
    reports, `check`): natural ("Netwerk 2" before "Netwerk 10"), without case or accents, and
    the name itself last, so that the order is the same on every run. A run of digits counts by
    its value (any script's digits, however long: no conversion to a number). What stands before
    the first letter or digit (an emoji, a quote, a dash) does not count for the order: "🇳🇱 Nederland"
    sorts under N; it only decides between names that are otherwise the same."""
    folded = fold(name)
    start = next((index for index, ch in enumerate(folded) if ch.isalnum()), 0)
    parts = _DIGITS.split(folded[start:])
    key: list[str | tuple[int, str]] = []
    for index, part in enumerate(parts):
        if index % 2:
            digits = "".join(str(unicodedata.decimal(ch)) for ch in part).lstrip("0")
            key.append((len(digits), digits))
        else:
            key.append(part)
    return tuple(key), folded, name


def network_key(name: str) -> str:
    """Network names that differ only in case, spaces or accents are one network."""
    return "".join(fold(name).split())


def header_key(name: str) -> str:
    """How column headers and their keys are compared: `fold` without any spaces."""
    return "".join(fold(name).split())


_INDICATOR_CODE = re.compile(r"^\s*([1-9])\s*([a-z])\s*[.):]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Framework:
    dimensions: tuple[Dimension, ...]
    indicators: tuple[Indicator, ...]
    cycles: tuple[Cycle, ...]
    about_dimensions: About  # the framework of dimensions and indicators (the Dimensieraamwerk)
    about_cycles: About  # the framework of cycles (value creation)

    def in_language(self, language: Language) -> Framework:
        """The same framework, its names, questions, poles and introductions in `language`."""
        return Framework(
            tuple(replace(item, language=language) for item in self.dimensions),
            tuple(replace(item, language=language) for item in self.indicators),
            tuple(replace(item, language=language) for item in self.cycles),
            replace(self.about_dimensions, language=language),
            replace(self.about_cycles, language=language),
        )

    def with_own(self, dimensions: tuple[Dimension, ...], indicators: tuple[Indicator, ...]) -> Framework:
        """The framework with a network's own dimensions (after the four) and indicators; every
        indicator in the order of its dimension, then of its code."""
        all_dimensions = self.dimensions + dimensions
        order = {dimension.code: index for index, dimension in enumerate(all_dimensions)}
        ordered = sorted(self.indicators + indicators, key=lambda ind: (order[ind.dimension], ind.code))
        return replace(self, dimensions=all_dimensions, indicators=tuple(ordered))

    def for_network(self, network: str) -> Framework:
        """The indicators one network is asked (the eleven and its own), and their dimensions."""
        if not any(ind.networks for ind in self.indicators):
            return self
        indicators = tuple(ind for ind in self.indicators if ind.applies_to(network))
        used = {ind.dimension for ind in indicators}
        return replace(self, dimensions=tuple(dim for dim in self.dimensions if dim.code in used), indicators=indicators)

    def naming_networks(self, networks: tuple[str, ...]) -> Framework:
        """The own indicators' networks spelled as the data spells them (the settings may differ
        in case, spaces or accents, as network names are merged)."""
        if not any(ind.networks for ind in self.indicators):
            return self
        spelled = {network_key(name): name for name in networks}
        indicators = tuple(
            replace(ind, networks=tuple(dict.fromkeys(spelled.get(network_key(name), name) for name in ind.networks))) if ind.networks else ind
            for ind in self.indicators
        )
        return replace(self, indicators=indicators)

    def own_texts(self) -> list[str]:
        """Every text the coach wrote for own indicators and dimensions (every language)."""
        found: list[str] = []
        records: list[Dimension | Indicator] = [*(d for d in self.dimensions if d.own), *self.own_indicators]
        for record in records:
            found += [getattr(record, name) for name in _OWN_TEXT_FIELDS[type(record)]] + [text for _, text in record.texts]
        return found

    def with_own_texts(self, change: Callable[[str], str]) -> Framework:
        """The framework with `change` made to every text of own indicators and dimensions."""
        def changed(record: Dimension | Indicator) -> Any:
            if not record.own:
                return record
            changes: dict[str, Any] = {name: change(getattr(record, name)) for name in _OWN_TEXT_FIELDS[type(record)]}
            return replace(record, texts=tuple((name, change(text)) for name, text in record.texts), **changes)

        return replace(self, dimensions=tuple(map(changed, self.dimensions)), indicators=tuple(map(changed, self.indicators)))

    @property
    def own_indicators(self) -> tuple[Indicator, ...]:
        return tuple(ind for ind in self.indicators if ind.own)

    def __getstate__(self) -> dict[str, object]:
        """Its fields only, not what `cached_property` found meanwhile: a key made of a framework
        (`value_digest`) must not depend on whether it was asked for an indicator before."""
        return {field.name: getattr(self, field.name) for field in fields(self)}

    @cached_property
    def _by_code(self) -> dict[str, Indicator]:
        return {ind.code: ind for ind in self.indicators}

    def indicator(self, code: str) -> Indicator:
        return self._by_code[code]  # asked for every cross of every chart: a dictionary, not a search

    def dimension(self, code: str) -> Dimension:
        return next(dim for dim in self.dimensions if dim.code == code)

    def cycle(self, code: int) -> Cycle:
        return next(cyc for cyc in self.cycles if cyc.code == code)

    def indicators_of(self, dimension_code: str) -> tuple[Indicator, ...]:
        return tuple(ind for ind in self.indicators if ind.dimension == dimension_code)

    def indicator_codes(self) -> tuple[str, ...]:
        return tuple(ind.code for ind in self.indicators)

    def match_indicator(self, text: str) -> str | None:
        """`1a`, `1A`, `1a.`, `1 a` → `1a`; None when it is not a known indicator."""
        found = _INDICATOR_CODE.match(text)
        if not found:
            return None
        code = (found.group(1) + found.group(2)).lower()
        return code if code in self.indicator_codes() else None

    def match_cycle(self, text: str) -> int | None:
        """A cycle number (1–5) or one of its names in Dutch or English; None when unknown."""
        folded = fold(text)
        for cyc in self.cycles:
            if folded == str(cyc.code) or folded in cyc.aliases:
                return cyc.code
        return None


def load_framework(path: Path = FRAMEWORK_FILE) -> Framework:
    """The framework of one data file: `[about_dimensions]` and `[about_cycles]` (names, source and
    introduction of the two), `[[dimension]]`, `[[indicator]]` and `[[cycle]]` tables with their texts in Dutch and English (`label_nl`, `label_en`, …), and in any further language as
    `<field>_<code>` (`label_fy`)."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)

    def record(kind: type[_Record], item: dict[str, Any]) -> _Record:
        known = {f.name for f in fields(kind)}
        further = tuple(sorted((key, str(value)) for key, value in item.items() if key not in known))
        return kind(**{key: value for key, value in item.items() if key in known}, texts=further)

    dimensions = tuple(record(Dimension, item) for item in raw["dimension"])
    indicators = tuple(record(Indicator, item) for item in raw["indicator"])
    cycles = tuple(record(Cycle, {**item, "aliases": tuple(fold(alias) for alias in item["aliases"])}) for item in raw["cycle"])
    return Framework(dimensions, indicators, cycles, record(About, raw["about_dimensions"]), record(About, raw["about_cycles"]))


_Record = TypeVar("_Record", "Dimension", "Indicator", "Cycle", "About")
