"""The languages a site can be built in, and their catalogues.

Dutch is the source language: every text in the code and the templates is Dutch, and a catalogue
(`data/taal/<language>.po`, gettext's format, read with Babel) gives it in another language. A text
without a translation stays Dutch, and a test makes sure no translated page has one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from markupsafe import Markup

from generator.core.text import md

CATALOGUES = Path(__file__).resolve().parent / "data" / "taal"


class Language(StrEnum):
    DUTCH = "nl"
    ENGLISH = "en"


class MarkdownText(Markup):
    """A translated template text: Markdown as written, its `%(…)s` values escaped as Markdown
    (as every `{{ … }}` of a template is), so a participant's or coach's text is always text."""

    @classmethod
    def escape(cls, s: object) -> MarkdownText:
        return cls(md(s))


@dataclass(frozen=True)
class Translations:
    language: Language
    messages: Mapping[str, str] = field(default_factory=dict)

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

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


def translations(language: Language) -> Translations:
    if language == Language.DUTCH:
        return Translations(language)
    return Translations(language, read_catalogue(CATALOGUES / f"{language.value}.po"))
