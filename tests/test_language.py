"""Every text marked for translation has its English in the catalogue, and nothing is left over."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract

from generator.core.language import CATALOGUES, Language, read_catalogue, translations
from generator.core.resources import TEMPLATES_DIR

JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true", "newstyle_gettext": "true"}


PYTHON_KEYWORDS = {"_": None, "N_": None, "Message": None, "Plural": (1, 2), "gettext": None, "ngettext": (1, 2), "n_": (1, 2)}
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

    source = "{% trans count=n, all=5 %}Deelnemers deelden {{ count }} verhaal, in {{ cycles }} van de {{ all }} cycli van waardecreatie.{% pluralize %}" \
             "Deelnemers deelden {{ count }} verhalen, in {{ cycles }} van de {{ all }} cycli van waardecreatie.{% endtrans %}"
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
    dutch_kinds = ChartKinds(Settings(), ["1a Praktijkintegratie"])
    english_kinds = ChartKinds(Settings(), ["1a Integration in practice"], translations(Language.ENGLISH))
    dutch, english = dutch_kinds.full(dutch_kinds.spec(chart)), english_kinds.full(english_kinds.spec(chart))
    assert '"Mediaan (huidige situatie)"' in dutch and '"Vorig meetmoment"' in dutch
    assert '"Median (current situation)"' in english and '"Previous moment"' in english
    assert "Mediaan" not in english


def test_numbers_moments_and_dates_in_each_language():
    import datetime as dt

    dutch, english = translations(Language.DUTCH), translations(Language.ENGLISH)
    assert (dutch.number(6.25), english.number(6.25), dutch.number(None)) == ("6,2", "6.2", "–")
    assert (dutch.signed(-0.04), english.signed(1.5), english.whole(16384), dutch.whole(16384)) == ("0,0", "+1.5", "16,384", "16.384")
    assert [english.moment(label) for label in ("2025-voorjaar", "2025-najaar", "2026-zomer", "2026-11-24")] == \
        ["spring 2025", "autumn 2025", "summer 2026", "2026-11-24"]
    assert dutch.moment("2025-voorjaar") == "2025-voorjaar"
    assert (dutch.date(dt.date(2026, 3, 4)), english.date(dt.date(2026, 3, 4))) == ("04-03-2026", "2026-03-04")


def test_the_english_form_questions_are_recognised_as_the_dutch_ones_are():
    from generator.core.framework import load_framework
    from generator.core.questions import form_questions
    from generator.core.settings import Mappings
    from generator.core.vocabulary import Meaning, Situation
    from generator.read.recognise import meaning_of_header

    framework = load_framework().in_language(Language.ENGLISH)
    questions = form_questions(framework, None, translations(Language.ENGLISH))
    meanings = [meaning_of_header(str(q), framework, Mappings()) for q in
                [questions["desired_example"], *questions["indicator_questions"], *questions["reflection_questions"], *questions["evaluation_questions"]]]
    assert meanings[0] == (Meaning.INDICATOR_QUESTION, ("1a", Situation.DESIRED))
    assert meanings[1:12] == [(Meaning.INDICATOR_QUESTION, (code, Situation.CURRENT)) for code in framework.indicator_codes()]
    assert meanings[12:] == [(Meaning.CYCLE_QUESTION, cycle) for cycle in range(1, 6)] + [
        (Meaning.PUBLIC, None), (Meaning.TOPS, None), (Meaning.TIPS, None), (Meaning.RATING, None)]
    # The coach's forms after the meeting: the shared picture, and the conclusions and agreements.
    for language in Language:
        framework = load_framework().in_language(language)
        questions = form_questions(framework, None, translations(language))
        meanings = [meaning_of_header(str(q), framework, Mappings()) for q in [*questions["shared_questions"], *questions["shared_extra"], *questions["agreement_questions"]]]
        assert meanings == [(Meaning.SHARED_QUESTION, (code, Situation.CURRENT)) for code in framework.indicator_codes()] + [
            (Meaning.SHARED_QUESTION, ("1a", Situation.DESIRED)), (Meaning.NOTE_QUESTION, "1a"),
            (Meaning.NETWORK, None), (Meaning.MOMENT, None), (Meaning.AGREEMENT, None), (Meaning.AGREEMENT_KIND, None), (Meaning.PUBLIC, None)]


BAD_SCORES = "netwerk,meetmoment,deelnemer,indicator,score\nNet,2025-voorjaar,Anna,1a,zeven\nNet,2205-voorjaar,Bert,9z,11\n"
ENGLISH_REPORT = [
    "Netwerkspiegel found 4 problems in the input. Nothing has been written.",
    "- scores.csv, row 2, column 'score', value 'zeven': not a number; expected a number from 1 to 10.",
    "- scores.csv, row 3, column 'indicator', value '9z': unknown indicator; valid are 1a, 1b, 2a, 2b, 3a, 3b, 3c, 4a, 4b, 4c, 4d.",
    "- scores.csv, row 3, column 'meetmoment', value '2205-voorjaar': the year 2205 is not between 1990 and 2099; is the year right?",
    "- scores.csv, row 3, column 'score', value '11': score outside the scale of 1 to 10.",
]


@pytest.mark.parametrize("how", ["--taal en", "--taal before the command", "site.taal"])
def test_cli_messages_follow_the_language(how, data_dir, capsys):
    from generator.cli import main
    from tests.conftest import write

    write(data_dir, "scores.csv", BAD_SCORES)
    if how == "site.taal":
        write(data_dir, "netwerkspiegel.toml", '[site]\ntaal = "en"\n')
        argv = ["check", "--data", str(data_dir)]
    else:
        argv = ["check", "--data", str(data_dir), "--taal", "en"] if how == "--taal en" else ["--taal", "en", "check", "--data", str(data_dir)]
    assert main(argv) == 1
    assert capsys.readouterr().err.splitlines() == ENGLISH_REPORT


def test_taal_on_the_command_line_goes_before_the_setting(data_dir, capsys):
    from generator.cli import main
    from tests.conftest import write

    write(data_dir, "scores.csv", BAD_SCORES)
    write(data_dir, "netwerkspiegel.toml", '[site]\ntaal = "en"\n')
    assert main(["check", "--data", str(data_dir), "--taal", "nl"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == "Netwerkspiegel vond 4 problemen in de invoer. Er is niets geschreven."


def test_argparse_and_help_speak_the_language(capsys):
    from generator.cli import main

    with pytest.raises(SystemExit):
        main(["--taal", "en", "build", "--bogus"])
    assert capsys.readouterr().err.splitlines()[-1] == "netwerkspiegel: error: unknown options: --bogus"
    with pytest.raises(SystemExit):
        main(["build", "--bogus"])
    assert capsys.readouterr().err.splitlines()[-1] == "netwerkspiegel: fout: onbekende opties: --bogus"
    with pytest.raises(SystemExit):
        main(["--taal", "en", "--help"])
    help_text = capsys.readouterr().out
    assert help_text.startswith("usage: netwerkspiegel") and "site.taal (default \"nl\"): the language of the site" in help_text


def test_a_whole_site_in_english_from_the_command_line(tmp_path, capsys):
    """`build --taal en`: Material's interface and search, the page texts, the CSV and the script's
    language; the same data in Dutch is untouched by it."""
    import json

    from generator.cli import main
    from tests.golden.regenerate import DATA

    assert main(["build", "--data", str(DATA), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site"), "--taal", "en"]) == 0
    assert capsys.readouterr().out.startswith("Site built for audience 'intern': ")
    site = tmp_path / "site"
    index = (site / "index.html").read_text("utf-8")
    assert '<html lang="en"' in index and 'title="Dark mode"' in index and 'Donkere modus' not in index
    assert json.loads((site / "search" / "search_index.json").read_text("utf-8"))["config"]["lang"] == ["en"]
    csv_file = next((site / "netwerken").glob("*.csv"))
    assert csv_file.read_text("utf-8").splitlines()[0] == '"network","moment","indicator","situation","n","median","mean","min","max","shared"'
    assert '"current"' in csv_file.read_text("utf-8") and '"huidig"' not in csv_file.read_text("utf-8")
    assert '"decimal": "."' in (site / "assets" / "taal.js").read_text("utf-8")
    quality = (site / "kwaliteit" / "index.html").read_text("utf-8")
    assert "Data quality" in quality and "Gegevenskwaliteit" not in quality
