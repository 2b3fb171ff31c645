"""Every text marked for translation has its English in the catalogue, and nothing is left over."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract

from generator.core.language import CATALOGUES, Language, read_catalogue, translations
from generator.core.resources import TEMPLATES_DIR

JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true", "newstyle_gettext": "true"}


PYTHON_KEYWORDS = {"_": None, "N_": None, "Message": None, "Plural": (1, 2), "gettext": None, "ngettext": (1, 2)}
PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def _messages() -> list[str | tuple[str, ...]]:
    """Every text marked for translation: `{% trans %}` and `_()` in the page templates, `_()` in the code."""
    found: list[str | tuple[str, ...]] = []
    for template in sorted(TEMPLATES_DIR.glob("*.j2")):
        with template.open("rb") as handle:
            found += [message for _line, message, _comments, _context in extract("jinja2.ext:babel_extract", handle, options=JINJA_OPTIONS)]
    for module in sorted(PACKAGE.rglob("*.py")):
        with module.open("rb") as handle:
            found += [message for _line, message, _comments, _context in extract("python", handle, keywords=PYTHON_KEYWORDS)]
    return found


def marked_texts() -> set[str]:
    """The Dutch texts marked for translation (both forms of a plural)."""
    found: set[str] = set()
    for message in _messages():
        found.update([message] if isinstance(message, str) else [text for text in message if text])
    return found


def marked_plurals() -> set[tuple[str, str]]:
    """The (singular, plural) pairs marked with `{% pluralize %}`."""
    return {(message[0], message[1]) for message in _messages() if not isinstance(message, str)}


def test_every_marked_text_has_its_english_and_no_entry_is_left_over():
    english = read_catalogue(CATALOGUES / "en.po")
    marked = marked_texts()
    assert marked, "no texts are marked for translation"
    assert sorted(marked - set(english)) == [], "texts without English"
    assert sorted(set(english) - marked) == [], "entries no template uses"


def test_dutch_needs_no_catalogue_and_english_comes_from_it():
    assert translations(Language.DUTCH).gettext("Netwerken") == "Netwerken"
    assert translations(Language.ENGLISH).gettext("Netwerken") == "Networks"


def test_a_translated_text_escapes_its_values_as_markdown():
    from generator.site.pages import template_environment

    env = template_environment(translations=translations(Language.ENGLISH))
    text = env.from_string('{{ _("minder dan %(n)s", n=value) }}').render(value="5_*")
    assert text == "fewer than 5\\_\\*"


def test_catalogue_files_are_utf8_po_files():
    for path in Path(CATALOGUES).glob("*.po"):
        assert path.read_bytes().decode("utf-8")


def test_plural_sentences_in_both_languages():
    from generator.site.pages import template_environment

    source = "{% trans count=n %}Deelnemers deelden {{ count }} verhaal, in {{ cycles }} van de 5 cycli van waardecreatie.{% pluralize %}" \
             "Deelnemers deelden {{ count }} verhalen, in {{ cycles }} van de 5 cycli van waardecreatie.{% endtrans %}"
    dutch = template_environment().from_string(source)
    english = template_environment(translations=translations(Language.ENGLISH)).from_string(source)
    assert dutch.render(n=1, cycles=1) == "Deelnemers deelden 1 verhaal, in 1 van de 5 cycli van waardecreatie."
    assert english.render(n=3, cycles=2) == "Participants shared 3 stories, in 2 of the 5 cycles of value creation."
    assert english.render(n=1, cycles=1) == "Participants shared 1 story, in 1 of the 5 cycles of value creation."


def test_the_framework_speaks_the_language_of_the_site():
    from generator.core.framework import load_framework

    dutch = load_framework()
    english = dutch.in_language(Language.ENGLISH)
    assert (dutch.indicator("3b").label, dutch.indicator("3b").left, dutch.dimension("1").name) == (
        "Sterke of zwakke relaties", "sterke relaties", "Praktijk")
    assert (english.indicator("3b").label, english.indicator("3b").left, english.dimension("1").name) == (
        "Strong or weak ties", "strong ties", "Practice")
    assert english.match_cycle("directe waarde") == dutch.match_cycle("immediate value") == 1  # recognition knows both


def test_chart_titles_axes_and_tooltips_come_in_the_language():
    from generator.core.settings import Settings
    from generator.core.vocabulary import ChartKind
    from generator.site.chart_kinds import ChartKinds, declare

    chart = declare(ChartKind.CHANGE, [], "")
    dutch = ChartKinds(Settings(), ["1a Praktijkintegratie"]).spec(chart).json
    english = ChartKinds(Settings(), ["1a Integration in practice"], translations(Language.ENGLISH)).spec(chart).json
    assert '"Mediaan (huidige situatie)"' in dutch and '"Vorig meetmoment"' in dutch
    assert '"Median (current situation)"' in english and '"Previous moment"' in english
    assert "Mediaan" not in english
