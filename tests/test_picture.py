"""The network's picture: first on its page, every indicator it was asked (own ones too), with its
table, the conversation starters right after it."""

from __future__ import annotations

import json
import re

from generator.core.vocabulary import Audience
from generator.pipeline import generate, read_data
from generator.site.chart_kinds import rows_of
from tests.conftest import ROOT

DATA = ROOT / "data"


def rows_of_chart(files: dict[str, bytes], page: str, kind: str) -> list[dict]:
    """The rows of the page's one chart of `kind`, from the page's data file."""
    found = re.search(rf'data-kind="{kind}" role="figure" aria-label="[^"]*" data-chart="([0-9a-f]{{16}})" data-src="([^"]+)"', page)
    assert found is not None, kind
    content = files[found.group(2)].decode("utf-8")
    entries = json.loads(content[content.index("||{},") + 5:-3])
    return rows_of(entries[found.group(1)]["chart"])


def test_the_picture_comes_first_and_holds_every_indicator_of_the_network():
    dataset = read_data(DATA)
    files = generate(dataset, Audience.INTERNAL).files
    page = files["netwerken/zelfgestuurd-leren.md"].decode("utf-8")
    first_chart = re.search(r'data-kind="([a-z-]+)"', page)
    assert first_chart is not None and first_chart.group(1) == "picture"
    assert page.index('data-kind="picture"') < page.index("## Om over te praten") < page.index("## Kruisjes op")
    asked = dataset.framework.for_network("Zelfgestuurd leren").indicator_codes()
    assert "1e" in asked  # an own indicator of this network
    table = page[page.index('data-kind="picture"'):page.index("## Om over te praten")]
    assert re.findall(r"<tr><td>(\d[a-z]) ", table) == list(asked)  # its table, lifted out of the Markdown
    rows = rows_of_chart(files, page, "picture")
    lines = [row for row in rows if row["soort"] == "lijn"]
    assert [row["indicator"].split(" ")[0] for row in sorted(lines, key=lambda row: row["volgorde"])] == list(asked)
    assert {row["soort"] for row in rows} == {"lijn", "pool-links", "pool-rechts", "teken", "verschuiving", "grens"}
    poles = {row["tekst"] for row in rows if row["soort"].startswith("pool")}
    assert {"speciale gebeurtenissen", "geïntegreerd in het dagelijkse werk"} <= poles


def test_the_public_picture_shows_group_figures_only():
    files = generate(read_data(DATA), Audience.PUBLIC).files
    page = files["netwerken/zelfgestuurd-leren.md"].decode("utf-8")
    rows = rows_of_chart(files, page, "picture")
    assert rows and not any("deelnemer" in json.dumps(row) for row in rows)
    assert "Om over te praten" not in page
