"""The languages a site can be built in, and their catalogues.

Dutch is the source language: every text in the code and the templates is Dutch, and a catalogue
(`data/taal/<language>.po`, gettext's format, read with Babel) gives it in another language. A text
without a translation stays Dutch, and a test makes sure no translated page has one.

A language is its catalogue: one file adds one (in the package's `data/taal/`, or in a folder named
by the environment variable `NETWERKSPIEGEL_TAALMAPPEN`). Numbers and dates follow Babel's locale
data for the language's code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from markupsafe import Markup

from generator.core.text import md

CATALOGUES = Path(__file__).resolve().parent / "data" / "taal"


CATALOGUE_FOLDERS_VARIABLE = "NETWERKSPIEGEL_TAALMAPPEN"


def catalogue_folders() -> tuple[Path, ...]:
    """Where catalogues are found: the package's own, then any folder the environment names."""
    extra = os.environ.get(CATALOGUE_FOLDERS_VARIABLE, "")
    return (CATALOGUES, *(Path(part) for part in extra.split(os.pathsep) if part))


def catalogue_of(code: str) -> Path | None:
    for folder in catalogue_folders():
        path = folder / f"{code}.po"
        if path.is_file():
            return path
    return None


def available_languages() -> tuple[str, ...]:
    """Dutch, then every language with a catalogue, by code."""
    found = {path.stem for folder in catalogue_folders() if folder.is_dir() for path in folder.glob("*.po")}
    return ("nl", *sorted(found - {"nl"}))


class _Languages(type):
    def __iter__(cls) -> Iterator[Language]:
        """Every available language (`for language in Language`), Dutch first."""
        return iter([Language(code) for code in available_languages()])


class Language(str, metaclass=_Languages):
    """A language by its code (`nl`, `en`, …): Dutch, or one with a catalogue. `Language("xx")`
    for a code without one raises `ValueError`."""

    __slots__ = ()
    DUTCH: ClassVar[Language]
    ENGLISH: ClassVar[Language]

    def __new__(cls, code: str) -> Language:
        if code != "nl" and (not re.fullmatch(r"[a-z]{2,3}(?:_[A-Z]{2})?", code) or catalogue_of(code) is None):
            raise ValueError(f"no catalogue for the language {code!r}")
        return super().__new__(cls, code)

    @property
    def value(self) -> str:
        return str(self)

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (Language, (str(self),))


Language.DUTCH = str.__new__(Language, "nl")
Language.ENGLISH = str.__new__(Language, "en")


class MarkdownText(Markup):
    """A translated template text: Markdown as written, its `%(…)s` values escaped as Markdown
    (as every `{{ … }}` of a template is), so a participant's or coach's text is always text."""

    @classmethod
    def escape(cls, s: object) -> MarkdownText:
        return cls(md(s))


def Plural(singular: str, plural: str, count: int, /, **values: object) -> Message:
    """A message with a singular and a plural form, chosen by `count` (a value too, as `%(count)s`)."""
    message = Message(singular, count=count, **values)
    message.plural, message.count = plural, count
    return message


def joined(messages: list[Message], separator: str = ", ") -> Message:
    """Messages shown one after the other, each in the reader's language."""
    template = separator.join(f"%(part{i})s" for i in range(len(messages)))
    return Message(template, **{f"part{i}": m for i, m in enumerate(messages)})


def listed(messages: list[Message]) -> Message:
    """Messages as a list in the reader's language: `scores, reflecties en evaluaties`."""
    if len(messages) == 1:
        return messages[0]
    return Message("%(first)s en %(last)s", first=joined(messages[:-1]), last=messages[-1])


def N_(text: str) -> str:
    """Marks a text for the catalogue where it is written down; it is translated where it is used."""
    return text


# A season moment's canonical label; the season's display name comes from the catalogue.
_SEASON_LABEL = re.compile(r"^(\d{4})-(voorjaar|zomer|najaar|winter)$")
_SEASON_TEXTS = {
    "voorjaar": N_("%(year)s-voorjaar"),
    "zomer": N_("%(year)s-zomer"),
    "najaar": N_("%(year)s-najaar"),
    "winter": N_("%(year)s-winter"),
}


@dataclass(frozen=True)
class Translations:
    """A language's texts (from its catalogue) and its way of writing numbers and moments.

    Code calls `gettext` (often as `_`) and `ngettext` with the Dutch text itself, or marks it with `N_`
    where it is written down, so the catalogue test finds every text."""

    language: Language
    messages: Mapping[str, str] = field(default_factory=dict)
    decimal: str = ","  # the decimal sign and the thousands separator, from Babel's locale data
    group: str = "."

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def number(self, value: float | None, digits: int = 1) -> Markup:
        """`6,5` in Dutch, `6.5` in English; an en dash for a missing value."""
        if value is None:
            return Markup("–")
        return Markup(f"{value:.{digits}f}".replace(".", self.decimal))

    def whole(self, value: int) -> str:
        """`3.200` in Dutch, `3,200` in English."""
        return f"{value:,}".replace(",", self.group)

    def short_number(self, value: float) -> str:
        """The shortest notation: `7`, `6,5` (for values as the coach typed them)."""
        return f"{value:g}".replace(".", self.decimal)

    def signed(self, value: float, digits: int = 1) -> Markup:
        """`+0,5`, `−`-less zero (`0,0`), in the language's notation."""
        text = f"{value:+.{digits}f}"
        if text.lstrip("+-").strip("0.") == "":
            text = text[1:]
        return Markup(text.replace(".", self.decimal))

    def date(self, day: dt.date) -> str:
        """`24-11-2026` in Dutch; the catalogue gives the format of another language, else Babel's
        medium date of its locale (`5 Mrt 2026`)."""
        pattern = self.gettext("%d-%m-%Y")
        if self.language == Language.DUTCH or pattern != "%d-%m-%Y":
            return day.strftime(pattern)
        from babel.dates import format_date

        return format_date(day, "medium", locale=self.language.value)

    def moment(self, label: str) -> str:
        """A moment as the site shows it: `2025-voorjaar` (Dutch) or `spring 2025`; dates stay ISO."""
        found = _SEASON_LABEL.match(label)
        if found is None:
            return label
        return self.gettext(_SEASON_TEXTS[found.group(2)]) % {"year": found.group(1)}

    def template_gettext(self, message: str) -> MarkdownText:
        return MarkdownText(self.gettext(message))

    def template_ngettext(self, singular: str, plural: str, n: int) -> MarkdownText:
        return MarkdownText(self.ngettext(singular, plural, n))


def read_catalogue(path: Path) -> dict[str, str]:
    """{Dutch text: translation} of a gettext catalogue; untranslated and fuzzy entries left out."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalogue = read_po(handle)
    found: dict[str, str] = {}
    for message in catalogue:
        if not message.id or not message.string or message.fuzzy:
            continue
        if isinstance(message.id, str):
            found[message.id] = str(message.string)
        else:  # singular and plural; Dutch and English both have one form for 1 and one for the rest
            for dutch, translated in zip(message.id, message.string, strict=False):
                if translated:
                    found[dutch] = translated
    return found


DUTCH = Translations(Language.DUTCH)


class MomentName(str):
    """A moment's canonical label as a message value: shown as the language names it (`spring 2025`)."""

    __slots__ = ()


def _shown(value: object, t: Translations) -> object:
    if isinstance(value, Message):
        return value.render(t)
    if isinstance(value, MomentName):
        return t.moment(value)
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return t.date(value)
    if isinstance(value, int):
        return t.whole(value)
    if isinstance(value, float):
        return t.short_number(value)
    return value


class Message:
    """A text for the user kept as its Dutch template and values, and said in a language only when
    shown: a problem found while reading is reported in the language of the command line or site.

    `Message("het bestand is %(size)s groot.", size=…)`: values are text (shown as it is), whole
    numbers (with the language's thousands separator: `16.384`; pass a year or row as text), decimal
    numbers (`6,5`) or messages. A message reads as Dutch (`str()`), compares and sorts as that text."""

    __slots__ = ("count", "plural", "text", "values")

    def __init__(self, text: str, /, **values: object):
        self.text = text
        self.values: tuple[tuple[str, object], ...] = tuple(values.items())
        self.plural: str | None = None
        self.count = 0

    def render(self, t: Translations = DUTCH) -> str:
        template = t.gettext(self.text) if self.plural is None else t.ngettext(self.text, self.plural, self.count)
        if not self.values:
            return template
        return template % {name: _shown(value, t) for name, value in self.values}

    def kind(self, t: Translations = DUTCH) -> str:
        """The message with its values left out (`…`), nested messages kept: what messages of one kind share."""
        template = t.gettext(self.text) if self.plural is None else t.ngettext(self.text, self.plural, 2)
        if not self.values:
            return template
        return template % {name: value.kind(t) if isinstance(value, Message) else "…" for name, value in self.values}

    def map_text(self, change: Callable[[str], str]) -> Message:
        """The same message with every text value changed (by the redactor), numbers kept."""
        message = Message(self.text)
        message.plural, message.count = self.plural, self.count
        message.values = tuple(
            (name, change(value) if isinstance(value, str) else value.map_text(change) if isinstance(value, Message) else value)
            for name, value in self.values
        )
        return message

    def __str__(self) -> str:
        return self.render(DUTCH)

    def __bool__(self) -> bool:
        return bool(self.text)  # the empty message is "nothing to say"

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and str(self) == str(other)

    def __lt__(self, other: Message) -> bool:
        return str(self) < str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def translations(language: Language) -> Translations:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    if language == Language.DUTCH:
        return DUTCH
    path = catalogue_of(language.value)
    if path is None:
        raise ValueError(f"no catalogue for the language {language!r}")
    return Translations(language, read_catalogue(path), get_decimal_symbol(language.value), get_group_symbol(language.value))
