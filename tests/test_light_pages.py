"""Light pages (issue 12): a chart's data is not in its page but in the page's data file, the
templates of the kinds of chart once per site, static SVGs only with --svg, and a menu that does
not list hundreds of networks in every page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.core.language import Language, translations
from generator.core.settings import Settings
from generator.core.vocabulary import Audience, ChartKind
from generator.pipeline import generate, read_data
from generator.site.chart_kinds import ChartKinds, rows_of
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
