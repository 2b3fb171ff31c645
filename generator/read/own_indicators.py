"""A network's own indicators, from `[indicatoren."5a"]` in the settings file: checked, and added to
the framework so that they go everywhere the eleven go (recognition, validation, pages, charts).

    [indicatoren."5a"]
    label = "Ouderbetrokkenheid"
    vraag = "In welke mate betrekt het netwerk ouders bij zijn activiteiten?"
    links = "nauwelijks"
    rechts = "intensief"
    dimensie = "Omgeving"            # optional: 1–4, or the name of an own dimension
    netwerken = ["Hoogbegaafdheid"]  # optional: all networks when left out
    label_en = "Parental involvement" # optional, also vraag_en, links_en, rechts_en, dimensie_en
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from generator.core.errors import Code, Problem
from generator.core.framework import Dimension, Framework, Indicator, fold
from generator.core.language import N_, Language, Message, translations
from generator.core.settings import MAX_TEXT_CHARS
from generator.core.text import clean_text, slugify

TABLE = "indicatoren"
REQUIRED = ("label", "vraag", "links", "rechts")
ENGLISH = ("label_en", "vraag_en", "links_en", "rechts_en")
KEYS = REQUIRED + ("dimensie", "netwerken") + ENGLISH + ("dimensie_en",)
MAX_NETWORKS = 1000

OWN_DIMENSION = N_("Eigen indicatoren")
OWN_DIMENSION_DESCRIPTION = N_("Indicatoren die netwerken zelf aan het Dimensieraamwerk toevoegden, voor wat in hun praktijk telt.")
Fail = Callable[..., None]  # records one problem: fail(message, key=…, value=…, code=…)
_CODE = re.compile(r"^\s*([1-9])\s*([a-zA-Z])\s*$")


@dataclass
class _OwnDimension:
    name: str
    english: str | None
    key: str  # where it was first named, for a conflicting English name


def add_own_indicators(raw: dict[str, Any], file_name: str, framework: Framework) -> tuple[Framework, list[Problem]]:
    """The framework with the settings' own indicators (and own dimensions), and every problem with them."""
    problems: list[Problem] = []
    table = raw.get(TABLE, {})
    if not isinstance(table, dict):
        problems.append(Problem(file_name, None, None, None, Message(
            "moet tabellen [indicatoren.\"5a\"] bevatten, één per eigen indicator, met label, vraag, links en rechts."), key=TABLE, code=Code.SETTINGS_TABLE))
        return framework, problems
    standard = framework.indicator_codes()
    english = translations(Language.ENGLISH)
    dimensions: dict[str, _OwnDimension] = {}  # by folded name
    found: dict[str, Indicator] = {}
    seen: set[str] = set()  # every code given, also of an indicator with problems
    for given, entry in table.items():
        where = f"{TABLE}.\"{given}\""

        def fail(message: Message, *, key: str = where, value: str | None = None, code: Code = Code.OWN_INDICATOR) -> None:
            problems.append(Problem(file_name, None, None, value, message, key=key, code=code))

        match = _CODE.match(given)
        if match is None:
            fail(Message("een eigen indicator heeft een code van een cijfer en een letter, zoals '5a' of '1e'; "
                         "een formuliervraag ervoor begint met die code ('5a. …')."), value=given, code=Code.OWN_INDICATOR_CODE)
            continue
        code = (match.group(1) + match.group(2)).lower()
        if code in standard:
            fail(Message("%(code)s is een indicator van het Dimensieraamwerk zelf (%(first)s tot en met %(last)s); kies voor een eigen indicator "
                         "een andere code, zoals 5a of 1e.", code=code, first=min(standard), last=max(standard)), value=given, code=Code.OWN_INDICATOR_CODE)
            continue
        if code in seen:
            fail(Message("de code %(code)s staat al eerder onder [indicatoren]; elke eigen indicator heeft een eigen code.", code=code),
                 value=given, code=Code.OWN_INDICATOR_CODE)
            continue
        seen.add(code)
        if not isinstance(entry, dict):
            fail(Message("moet een tabel zijn met label, vraag, links en rechts, zoals [indicatoren.\"%(code)s\"] met daaronder label = \"…\".", code=code),
                 value=str(entry), code=Code.SETTINGS_TABLE)
            continue
        texts: dict[str, str] = {}
        broken = False
        for key, value in entry.items():
            if key not in KEYS:
                fail(Message("onbekende instelling voor een eigen indicator; geldig zijn: %(keys)s.", keys=", ".join(KEYS)), key=f"{where}.{key}",
                     code=Code.UNKNOWN_SETTING)
                broken = True
            elif key in ("dimensie", "netwerken"):
                continue
            elif not isinstance(value, str) or not " ".join(clean_text(value).split()) or len(value) > MAX_TEXT_CHARS:
                fail(Message("moet tekst van hoogstens %(limit)s tekens op één regel zijn.", limit=MAX_TEXT_CHARS), key=f"{where}.{key}",
                     value=str(value), code=Code.SETTING_VALUE)
                broken = True
            else:
                texts[key] = " ".join(clean_text(value).split())
        lacking = [key for key in REQUIRED if key not in entry]
        if lacking:
            fail(Message("een eigen indicator heeft een label, een vraag en twee polen (links en rechts); hier ontbreekt: %(lacking)s.",
                         lacking=", ".join(lacking)), code=Code.OWN_INDICATOR)
            broken = True
        dimension = _dimension_of(code, entry, where, framework, dimensions, fail)
        networks = _networks_of(entry, where, fail)
        if broken or dimension is None or networks is None:
            continue
        found[code] = Indicator(
            code=code, dimension=dimension, label_nl=texts["label"], label_en=texts.get("label_en", texts["label"]),
            question_nl=texts["vraag"], question_en=texts.get("vraag_en", texts["vraag"]),
            left_nl=texts["links"], right_nl=texts["rechts"], left_en=texts.get("links_en", texts["links"]),
            right_en=texts.get("rechts_en", texts["rechts"]), own=True, networks=networks,
        )
    if not found:
        return framework, problems
    own_dimensions = []
    slugs = {dimension.slug for dimension in framework.dimensions} | {"index"}
    for number, (folded, own) in enumerate(dimensions.items(), start=len(framework.dimensions) + 1):
        slug, counter = slugify(own.name), 2
        while slug in slugs:
            slug, counter = f"{slugify(own.name)}-{counter}", counter + 1
        slugs.add(slug)
        default = folded == fold(OWN_DIMENSION)
        own_dimensions.append(Dimension(
            code=str(number), nl=own.name, en=own.english or (english.gettext(OWN_DIMENSION) if default else own.name), slug=slug,
            description_nl=OWN_DIMENSION_DESCRIPTION, description_en=english.gettext(OWN_DIMENSION_DESCRIPTION), own=True,
        ))
    codes = {folded: dimension.code for folded, dimension in zip(dimensions, own_dimensions, strict=True)}
    indicators = tuple(ind if ind.dimension in framework_codes(framework) else _placed(ind, codes) for ind in found.values())
    return framework.with_own(tuple(own_dimensions), indicators), problems


def framework_codes(framework: Framework) -> set[str]:
    return {dimension.code for dimension in framework.dimensions}


def _placed(indicator: Indicator, codes: dict[str, str]) -> Indicator:
    """An indicator in an own dimension: until now it held the dimension's folded name."""
    return replace(indicator, dimension=codes[indicator.dimension])


def _dimension_of(code: str, entry: dict[str, Any], where: str, framework: Framework, dimensions: dict[str, _OwnDimension],
                  fail: Fail) -> str | None:
    """The code of one of the four dimensions, or the folded name of an own dimension (numbered
    later); None when `dimensie` is not valid. Without `dimensie`, an indicator 1e–4z is in
    dimension 1–4 and any other in 'Eigen indicatoren'."""
    value = entry.get("dimensie")
    english = entry.get("dimensie_en")
    if value is None:
        if code[0] in framework_codes(framework):
            return code[0]
        value = OWN_DIMENSION
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = " ".join(clean_text(value).split()) if isinstance(value, str) else ""
    if not text or len(text) > MAX_TEXT_CHARS:
        fail(Message("moet een van de dimensies 1 tot en met 4 zijn, of de naam van een eigen dimensie (tekst van hoogstens %(limit)s tekens).",
                     limit=MAX_TEXT_CHARS), key=f"{where}.dimensie", value=str(value), code=Code.OWN_DIMENSION)
        return None
    for dimension in framework.dimensions:
        if text == dimension.code or fold(text) in (fold(dimension.nl), fold(dimension.en)):
            if english is not None:
                fail(Message("dimensie_en geldt alleen voor een eigen dimensie; %(dimension)s heeft al een Engelse naam.", dimension=dimension.nl),
                     key=f"{where}.dimensie_en", value=str(english), code=Code.OWN_DIMENSION)
                return None
            return dimension.code
    if text.isdigit():
        fail(Message("er is geen dimensie %(number)s; gebruik 1 tot en met 4, of de naam van een eigen dimensie.", number=text),
             key=f"{where}.dimensie", value=text, code=Code.OWN_DIMENSION)
        return None
    if english is not None and (not isinstance(english, str) or not " ".join(clean_text(english).split()) or len(english) > MAX_TEXT_CHARS):
        fail(Message("moet tekst van hoogstens %(limit)s tekens op één regel zijn.", limit=MAX_TEXT_CHARS), key=f"{where}.dimensie_en",
             value=str(english), code=Code.SETTING_VALUE)
        return None
    english_text = " ".join(clean_text(english).split()) if isinstance(english, str) else None
    folded = fold(text)
    own = dimensions.setdefault(folded, _OwnDimension(text, english_text, where))
    if english_text is not None and own.english is not None and english_text != own.english:
        fail(Message("de dimensie '%(dimension)s' heeft bij %(other)s de Engelse naam '%(english)s'; geef een dimensie één Engelse naam.",
                     dimension=own.name, other=own.key, english=own.english), key=f"{where}.dimensie_en", value=english_text, code=Code.OWN_DIMENSION)
        return None
    if own.english is None:
        own.english = english_text
    return folded


def _networks_of(entry: dict[str, Any], where: str, fail: Fail) -> tuple[str, ...] | None:
    """The networks an own indicator is for: () for all; None when `netwerken` is not a list of names."""
    value = entry.get("netwerken")
    if value is None:
        return ()
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or len(names) > MAX_NETWORKS:
        fail(Message("moet een lijst met netwerknamen zijn, zoals [\"Hoogbegaafdheid\", \"Onderzoekend leren\"]; laat de regel weg voor alle netwerken."),
             key=f"{where}.netwerken", value=str(value), code=Code.SETTING_VALUE)
        return None
    cleaned = []
    for name in names:
        text = " ".join(clean_text(name).split()) if isinstance(name, str) else ""
        if not text or len(text) > MAX_TEXT_CHARS:
            fail(Message("moet de naam van een netwerk zijn (tekst van hoogstens %(limit)s tekens).", limit=MAX_TEXT_CHARS),
                 key=f"{where}.netwerken", value=str(name), code=Code.SETTING_VALUE)
            return None
        if text not in cleaned:
            cleaned.append(text)
    return tuple(cleaned)
