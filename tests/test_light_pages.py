"""Light pages (issue 12): a chart's data is not in its page but in the page's data file, the
templates of the kinds of chart once per site, static SVGs only with --svg, and a menu that does
not list hundreds of networks in every page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from generator.core.language import Language, translations
from generator.core.settings import Settings
from generator.core.store import Store
from generator.core.text import md
from generator.core.vocabulary import Audience, ChartKind
from generator.pipeline import generate, read_data
from generator.site.chart_kinds import ChartKinds, rows_of
from generator.site.engine import build_html
from generator.site.lifted import lifted_table
from tests.conftest import SCORE_HEADER, write
from tests.golden.regenerate import DATA


def test_a_page_names_its_charts_and_their_data_file_holds_them():
    files = generate(read_data(DATA), Audience.INTERNAL).files
    page = files["netwerken/wereldorientatie.md"].decode("utf-8")
    charts = re.findall(r'<div class="ns-chart" data-kind="([a-z-]+)" role="figure" aria-label="[^"]*" data-chart="([0-9a-f]{16})" data-src="(grafieken/[0-9a-f]{20}\.js)"></div>', page)
    assert len(charts) == page.count('class="ns-chart"') >= 5
    assert len({source for _, _, source in charts}) == 1 and '"rows"' not in page and "datasets" not in page
    source = charts[0][2]
    content = files[source].decode("utf-8")
    assert content.startswith("window.netwerkspiegelCharts=Object.assign(window.netwerkspiegelCharts||{},{") and content.endswith("});\n")
    entries = json.loads(content[content.index("||{},") + 5:-3])
    assert sorted(entries) == sorted(chart for _, chart, _ in charts)
    kinds = files["assets/grafiekvormen.js"].decode("utf-8")
    templates = json.loads(kinds.split("window.netwerkspiegelKinds=", 1)[1].rstrip(";\n"))
    for kind, chart, _ in charts:
        entry = entries[chart]
        assert entry["template"].startswith(kind) and entry["template"] in templates and "datasets" not in templates[entry["template"]]
        rows = rows_of(entry["chart"])
        assert rows and all(None not in row.values() for row in rows)
    # No static SVG unless asked for; with --svg one per chart.
    assert not any(path.endswith(".svg") for path in files)
    with_svg = generate(read_data(DATA), Audience.INTERNAL, static_charts=True).files
    assert sum(path.endswith(".svg") for path in with_svg) == len({chart for page in with_svg for chart in re.findall(
        r'data-chart="([0-9a-f]{16})"', with_svg[page].decode("utf-8", "replace")) if page.endswith(".md")})


def test_many_networks_are_listed_on_a_page_of_their_own_not_in_every_page(data_dir: Path):
    rows = "".join(f"Netwerk {n:02d},2025-voorjaar,Persoon{n},1a,5,\n" for n in range(1, 23))
    write(data_dir, "scores.csv", SCORE_HEADER + rows)
    site = generate(read_data(data_dir), Audience.INTERNAL)
    nav = {key: value for item in site.nav for key, value in item.items()}
    assert nav["Netwerken"] == "netwerken/index.md" and nav["Vragenlijsten"] == "vragenlijsten/index.md"
    listing = site.files["netwerken/index.md"].decode("utf-8")
    assert listing.startswith('---\ntitle: "Netwerken"\n---\n\n# Netwerken\n\nAlle 22 netwerken\\. Ze staan niet elk apart in het menu; '
                              "de zoekfunctie bovenaan vindt ze ook\\.\n\n- [Netwerk 01](netwerk-01.md)\n")
    assert listing.count("\n- [") == 22 and "netwerken/netwerk-22.md" in site.files
    few = generate(read_data(data_dir), Audience.PUBLIC)  # the public site has no questionnaires
    assert "vragenlijsten/index.md" not in few.files and "netwerken/index.md" in few.files
    write(data_dir, "scores.csv", SCORE_HEADER + "".join(f"Netwerk {n:02d},2025-voorjaar,Persoon{n},1a,5,\n" for n in range(1, 4)))
    site = generate(read_data(data_dir), Audience.INTERNAL)
    nav = {key: value for item in site.nav for key, value in item.items()}
    assert nav["Netwerken"] == [{"Netwerk 01": "netwerken/netwerk-01.md"}, {"Netwerk 02": "netwerken/netwerk-02.md"}, {"Netwerk 03": "netwerken/netwerk-03.md"}]
    assert "netwerken/index.md" not in site.files


@pytest.mark.parametrize("language", list(Language))
def test_every_chart_template_is_valid_vega_lite(language):
    """Builds skip Altair's schema check (it costs more than building the templates): here it runs,
    on every kind and on a network's own list of indicators, in both languages, and a build's
    templates are exactly the checked ones."""
    labels, own = ["1a Praktijkintegratie", "1b Duur van de activiteiten"], ("1a Praktijkintegratie", "5a Eigen indicator")
    checked = ChartKinds(Settings(), labels, translations(language), validate=True)  # raises on an invalid template
    built = ChartKinds(Settings(), labels, translations(language))
    names = {kind.value for kind in ChartKind} | {checked.with_options(own)}
    assert built.with_options(own) in names
    assert len(checked.templates(names)) == len(ChartKind) + 1
    assert built.templates(names) == checked.templates(names)


def test_chart_templates_made_alongside_are_the_ones_made_here(tmp_path, monkeypatch):
    """A build with a store has the kinds' templates made by a second process (`Alongside`) while
    it makes the pages: the same templates, kept for the next build; a helper that fails costs
    nothing but the time: the templates are then made in the build's own process."""
    labels = ["1a Praktijkintegratie", "1b Duur van de activiteiten"]
    names = {kind.value for kind in ChartKind}
    here = ChartKinds(Settings(), labels, translations(Language.ENGLISH)).templates(names)
    alongside = ChartKinds(Settings(), labels, translations(Language.ENGLISH), store=Store(tmp_path / "a"))
    assert alongside._alongside is not None
    assert alongside.templates(names) == here
    kept = ChartKinds(Settings(), labels, translations(Language.ENGLISH), store=Store(tmp_path / "a"))
    assert kept._alongside is None and kept.templates(names) == here
    monkeypatch.setattr("generator.site.chart_kinds.TEMPLATES_ALONGSIDE", "import sys; sys.exit(1)")
    failed = ChartKinds(Settings(), labels, translations(Language.ENGLISH), store=Store(tmp_path / "b"))
    assert failed._alongside is not None and failed._alongside.result() is None
    assert failed.templates(names) == here


def test_a_lifted_table_is_escaped_html_between_markers():
    table = lifted_table(["Netwerk", "2025-voorjaar"], [["Rekenen & taal <b>", "5,0 (n=3)"], ["<!-- x -->", "–"]], "lr")
    assert table == (
        "<!-- netwerkspiegel:html -->\n<table>\n<thead>\n"
        '<tr><th>Netwerk</th><th style="text-align: right;">2025-voorjaar</th></tr>\n</thead>\n<tbody>\n'
        '<tr><td>Rekenen &amp; taal &lt;b&gt;</td><td style="text-align: right;">5,0 (n=3)</td></tr>\n'
        '<tr><td>&lt;!-- x --&gt;</td><td style="text-align: right;">–</td></tr>\n'
        "</tbody>\n</table>\n<!-- /netwerkspiegel:html -->\n"
    )
    with pytest.raises(ValueError, match="align is a letter per column"):
        lifted_table(["a"], [], "c")
    # Without the plugin (plain MkDocs, another engine) it is raw HTML that Markdown passes on as is.
    converted = markdown.markdown("Voor.\n\n" + table + "\nNa.", extensions=["tables"])
    assert "<td>Rekenen &amp; taal &lt;b&gt;</td>" in converted and converted.endswith("<p>Na.</p>")


def test_large_tables_skip_markdown_and_search_but_show_in_the_page(tmp_path: Path):
    """The dimension pages' tables are in the HTML where the page puts them, and not in the search
    index (numbers nobody searches for); the text around them is. Text a user typed that looks
    like a marker stays text: it is escaped before the plugin could see it."""
    src = tmp_path / "src"
    src.mkdir()
    typed = md("<!-- netwerkspiegel:html -->\n<b>vet</b>\n<!-- /netwerkspiegel:html -->")
    table = lifted_table(["Netwerk", "Mediaan"], [["Netwerk <i>één</i>", "5,0"]], "lr")
    page = f"# Praktijk\n\nVoor de tabel.\n\n{table}\nNa de tabel: {typed}\n"  # as a template puts them together
    (src / "index.md").write_text(page, "utf-8")
    (src / ".netwerkspiegel.json").write_text(json.dumps({"nav": [{"Praktijk": "index.md"}], "site_name": "Proef", "site_url": "http://localhost/"}), "utf-8")
    build_html(src, tmp_path / "site", processes=1)
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    start, end = html.index("<p>Voor de tabel.</p>"), html.index("<p>Na de tabel:")
    assert html[start:end].split("</p>", 1)[1].strip() == (
        '<table>\n<thead>\n<tr><th>Netwerk</th><th style="text-align: right;">Mediaan</th></tr>\n</thead>\n<tbody>\n'
        '<tr><td>Netwerk &lt;i&gt;één&lt;/i&gt;</td><td style="text-align: right;">5,0</td></tr>\n</tbody>\n</table>')
    assert "netwerkspiegel:" not in html.replace("&lt;!-- netwerkspiegel:html --&gt;", "").replace("&lt;!-- /netwerkspiegel:html --&gt;", "")
    assert "&lt;b&gt;vet&lt;/b&gt;" in html and "<b>vet</b>" not in html
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(entry["text"] for entry in index["docs"])
    assert "Voor de tabel." in text and "Na de tabel" in text
    assert "Mediaan" not in text and "één" not in text


def test_the_dimension_and_overview_tables_are_lifted():
    files = generate(read_data(DATA), Audience.INTERNAL).files
    for path in ("dimensies/praktijk.md", "overzicht.md"):
        page = files[path].decode("utf-8")
        tables = page.count('data-kind="trend"') if path.startswith("dimensies/") else 3  # a table under each indicator's trend; response, medians, cycles
        assert tables and page.count("<!-- netwerkspiegel:html -->\n<table>") == page.count("<!-- /netwerkspiegel:html -->") == tables, path
        assert "| --- |" not in page
