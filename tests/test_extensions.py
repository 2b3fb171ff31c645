"""A language is one catalogue file and a framework one data file: shown here with a third
language (Frisian) and a toy framework that live in the test data alone, no code changed."""

from __future__ import annotations

import re

from generator.core.framework import load_framework
from generator.core.language import CATALOGUE_FOLDERS_VARIABLE, Language, available_languages, translations
from generator.core.vocabulary import Audience
from generator.pipeline import build
from tests.conftest import ROOT, write

TEST_DATA = ROOT / "tests" / "data"
TOY_FRAMEWORK = TEST_DATA / "kader" / "speelkader.toml"


def test_a_third_language_is_one_catalogue_file(monkeypatch):
    assert "fy" not in available_languages()
    monkeypatch.setenv(CATALOGUE_FOLDERS_VARIABLE, str(TEST_DATA / "taal"))
    assert available_languages() == ("nl", "en", "fy")
    frisian = translations(Language("fy"))
    assert frisian.gettext("Netwerken") == "Netwurken"
    assert frisian.gettext("Gegevenskwaliteit") == "Gegevenskwaliteit"  # not translated: stays Dutch
    assert frisian.moment("2025-voorjaar") == "maitiid 2025"
    assert str(frisian.number(6.5)) == "6,5" and frisian.whole(3200) == "3.200"  # Babel's notation of fy
    import datetime as dt

    assert frisian.date(dt.date(2026, 3, 5)) == "5 Mrt 2026"  # Babel's medium date of fy: the catalogue gives none
    assert translations(Language.ENGLISH).whole(3200) == "3,200"


def test_a_toy_framework_is_one_data_file():
    framework = load_framework(TOY_FRAMEWORK)
    assert framework.indicator_codes() == ("1a", "1b", "2a")
    assert [cycle.code for cycle in framework.cycles] == [1, 2]
    frisian = framework.in_language(str.__new__(Language, "fy"))
    assert frisian.indicator("1a").label == "Moetsje"
    assert frisian.indicator("1b").label == "Delen"  # no Frisian text in the file: Dutch
    assert frisian.dimension("1").name == "Tegearre" and frisian.dimension("2").name == "Richting"
    assert framework.in_language(Language.ENGLISH).indicator("2a").right == "settled"


def test_a_site_in_the_third_language_with_the_toy_framework(tmp_path, monkeypatch):
    monkeypatch.setenv(CATALOGUE_FOLDERS_VARIABLE, str(TEST_DATA / "taal"))
    data = tmp_path / "data"
    data.mkdir()
    rows = "".join(f"Netwerk Noord,{moment},deelnemer{person}@school.nl,{code},{score},huidig\n"
                   for moment in ("2025-voorjaar", "2025-najaar") for person in range(1, 6)
                   for code, score in (("1a", 3 + person % 3), ("1b", 6), ("2a", 7.5)))
    write(data, "scores.csv", "netwerk,meetmoment,deelnemer,indicator,score,situatie\n" + rows)
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL, language=Language("fy"), framework_file=TOY_FRAMEWORK)
    page = (tmp_path / "src" / "netwerken" / "netwerk-noord.md").read_text("utf-8")
    assert "Moetsje" in page and "Delen" in page  # the toy framework's texts, in Frisian where it has them
    assert "Tegearre" in (tmp_path / "src" / "dimensies" / "samen.md").read_text("utf-8")
    assert sorted(p.name for p in (tmp_path / "src" / "dimensies").iterdir()) == ["richting.md", "samen.md"]
    assert "Praktijkintegratie" not in page and "4d" not in page  # nothing of the Dimensieraamwerk's indicators
    assert "hjerst 2025" in page  # the catalogue's name of the moment
    about = (tmp_path / "src" / "kaders.md").read_text("utf-8")
    assert "## Boartersramt" in about and "It Boartersramt beskriuwt" in about and "(Testdata, 2026)" in about
    assert "## Twee cycli" in about  # no Frisian name in the file: Dutch
    pages = {path.relative_to(tmp_path / "src").as_posix(): path.read_text("utf-8") for path in (tmp_path / "src").rglob("*.md")}
    for name, text in pages.items():  # no page speaks of the Dimensieraamwerk, its source or its counts
        for word in ("Dimensieraamwerk", "Vrieling", "Wenger", "elf", "vier dimensies", "5 cycli", "vijf cycli"):
            assert not re.search(rf"\b{word}\b", text), (name, word)
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert re.search(r'<html lang="fy"', html) and "Netwurken" in html


def test_a_page_kind_is_one_module_and_a_template(tmp_path, monkeypatch):
    """A kind of page is its `PageKind` (the pages it adds, its menu entry) and its template: here a
    colophon, from the test alone, on the internal site only."""
    from generator.site import pages
    from generator.site.page_kinds import PAGE_KINDS, PageKind, PagePlan

    colophon = PageKind(
        "colophon",
        lambda figures, slugs, t: [PagePlan("colofon.md", "colofon.md.j2", {"count": len(figures.networks)})],
        lambda figures, slugs, _: {"Colofon": "colofon.md"},
        public=False,
    )
    monkeypatch.setattr(pages, "PAGE_KINDS", (*PAGE_KINDS, colophon))
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "sjablonen").mkdir()
    write(tmp_path / "sjablonen", "colofon.md.j2", "# Colofon\n\n{{ count }} netwerken, {{ framework.about_dimensions.name }}.\n")
    write(data, "scores.csv", "netwerk,meetmoment,deelnemer,indicator,score\n"
          + "".join(f"Netwerk {n},2025-voorjaar,d{p}@school.nl,1a,{p}\n" for n in "AB" for p in range(1, 6)))
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)
    assert (tmp_path / "src" / "colofon.md").read_text("utf-8") == "# Colofon\n\n2 netwerken, Dimensieraamwerk.\n"
    html = (tmp_path / "site" / "colofon" / "index.html").read_text("utf-8")
    assert "2 netwerken, Dimensieraamwerk." in html
    assert 'href="colofon/"' in (tmp_path / "site" / "index.html").read_text("utf-8")  # in the menu
