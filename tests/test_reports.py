"""The PDF reports: one per network and one for the programme, linked from the site, reading as
text, holding in public only what the public site may hold, made alike by a second process."""

from __future__ import annotations

import json
import os
import re

import pytest

from generator.core import fonts
from generator.core.store import Store
from generator.core.vocabulary import Audience
from generator.pipeline import generate, read_data
from generator.site import reports, typesetting
from generator.site.charts import indicator_label
from tests.conftest import ROOT, readable

DATA = ROOT / "data"
ARTIFACTS = ROOT / "tests" / "artifacts"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def dataset():
    return read_data(DATA)


@pytest.fixture(scope="module")
def internal(dataset):
    return generate(dataset, Audience.INTERNAL).files


@pytest.fixture(scope="module")
def public(dataset):
    return generate(dataset, Audience.PUBLIC).files


def test_each_network_and_the_programme_have_a_report_linked_from_their_page(internal, public):
    for files in (internal, public):
        pages = sorted(path for path in files if re.fullmatch(r"netwerken/(?!index\.md).+\.md", path))
        assert pages
        for page in pages:
            slug = page.removeprefix("netwerken/").removesuffix(".md")
            assert files[f"rapporten/{slug}.pdf"].startswith(b"%PDF-")
            assert f"[Rapport als PDF](../rapporten/{slug}.pdf){{ .md-button title=" in files[page].decode("utf-8")
        assert files["rapporten/programma.pdf"].startswith(b"%PDF-")
        assert "[Het rapport van het programma](rapporten/programma.pdf) (PDF, A4)" in files["index.md"].decode("utf-8")
        assert len([path for path in files if path.endswith(".pdf")]) == len(pages) + 1


def test_a_network_report_reads_as_text_with_every_indicator_and_its_poles(dataset, internal):
    text = _flat(readable(internal["rapporten/zelfgestuurd-leren.pdf"]))
    assert text.startswith("/Title: Zelfgestuurd leren /Author: ")
    framework = dataset.framework.for_network("Zelfgestuurd leren")
    assert "1e" in framework.indicator_codes()  # an own indicator of this network: in its report too
    picture = text[text.index("Het beeld op "):text.index("Deelname")]
    for indicator in framework.indicators:
        assert f"{indicator_label(framework, indicator.code)} {indicator.left} {indicator.right}" in picture
    assert "Om over te praten" not in text  # the meeting's questions are on the page and in the presentation, not for a board
    for heading in ("kruisje nu", "In grijs: waar de mediaan nu op 2025-najaar stond", "Wat het meest verschoof", "Deelname", "Waardecreatie", "pagina 1 van "):
        assert heading in text


def test_the_programme_report_sets_every_network_side_by_side(dataset, internal, public):
    internal_text, public_text = _flat(readable(internal["rapporten/programma.pdf"])), _flat(readable(public["rapporten/programma.pdf"]))
    for network in dataset.networks:
        assert network in internal_text
    assert "Wat opvalt" in internal_text and "Mediaan per indicator" in internal_text
    pictures = internal_text[internal_text.index("Het beeld per netwerk"):]
    assert [network for network in dataset.networks if network in pictures] == list(dataset.networks)
    assert "1e Stem van leerlingen de leraren bepalen leerlingen bepalen mee" in pictures  # an own indicator, with its network
    assert "Wat opvalt" not in public_text and "Groepscijfers staan er alleen voor groepen van minstens 5 deelnemers." in public_text


def test_the_programme_report_shows_the_picture_of_at_most_twenty_networks(dataset, monkeypatch):
    monkeypatch.setattr(reports, "PICTURES_IN_PROGRAMME", 1)
    text = _flat(readable(generate(dataset, Audience.INTERNAL).files["rapporten/programma.pdf"]))
    pictures = text[text.index("Het beeld per netwerk"):]
    assert [network for network in dataset.networks if network in pictures] == [dataset.networks[0]]
    assert "Het beeld van de andere netwerken staat in hun eigen rapport." in pictures


def test_a_public_report_holds_no_text_that_was_not_made_public(dataset, internal, public):
    """Reflections without consent, meeting evaluations and the shared picture's notes are in the
    internal reports and in no public one; public stories are."""
    secret = [story.text for story in dataset.reflections if not story.public]
    shown = [story.text for story in dataset.reflections if story.public]
    assert secret and shown
    internal_text = _flat(" ".join(readable(content) for path, content in internal.items() if path.endswith(".pdf")))
    public_text = _flat(" ".join(readable(content) for path, content in public.items() if path.endswith(".pdf")))
    assert any(_flat(text) in internal_text for text in secret)
    assert not [text for text in secret if _flat(text) in public_text]
    assert any(_flat(text) in public_text for text in shown)
    assert "Bijeenkomsten" in internal_text and "Bijeenkomsten" not in public_text
    assert "Kruisje nu" not in public_text and "kruisje nu" not in public_text


def test_reports_made_by_a_second_process_are_the_same_bytes(dataset, internal, tmp_path, monkeypatch):
    monkeypatch.setattr(reports, "ALONGSIDE_FROM", 1)
    sent: list[list[str]] = []  # the reports each second process was given
    original = reports.Alongside

    class Counted(original):  # type: ignore[misc,valid-type]
        def __init__(self, code, question, more=False):
            sent.append([])
            self._sent = sent[-1]
            super().__init__(code, question, more)

        def send(self, item):
            if isinstance(item, reports.ReportJob):
                self._sent.append(item.path)
            super().send(item)

    monkeypatch.setattr(reports, "Alongside", Counted)
    alongside = generate(dataset, Audience.INTERNAL, store=Store(tmp_path / "store")).files
    assert len(sent) == min(2, os.cpu_count() or 1)  # one a core
    assert sorted(path for share in sent for path in share) == sorted(path for path in alongside if path.endswith(".pdf"))
    assert len(sent) == 1 or all(sent)
    assert {path: content for path, content in alongside.items() if path.endswith(".pdf")} == {
        path: content for path, content in internal.items() if path.endswith(".pdf")}
    # Kept in the store: the next build typesets none (with no previous pages its processes start
    # early, and end without work).
    sent.clear()
    again = generate(dataset, Audience.INTERNAL, store=Store(tmp_path / "store")).files
    assert not [path for share in sent for path in share] and again == alongside


def test_a_report_that_cannot_be_typeset_fails_the_build_in_words_and_keeps_the_previous_site(tmp_path, monkeypatch, capsys):
    from generator.cli import main
    from generator.site import typesetting
    from tests.golden.regenerate import DATA as GOLDEN

    args = ["build", "--data", str(GOLDEN), "--src", str(tmp_path / "src"), "--out", str(tmp_path / "site")]
    assert main(args) == 0
    before = (tmp_path / "site" / "rapporten" / "programma.pdf").read_bytes()
    broken = tmp_path / "report.typ"
    broken.write_text("#let data = (\n", "utf-8")
    monkeypatch.setattr(typesetting, "REPORT_TEMPLATE", broken)
    monkeypatch.setattr(reports, "ALONGSIDE_FROM", 10**9)
    capsys.readouterr()
    assert main([*args, "--no-cache"]) == 1
    error = capsys.readouterr().err
    assert "Traceback" not in error
    assert error.splitlines()[-1] == "Het PDF-rapport rapporten/programma.pdf kon niet worden gemaakt: unclosed delimiter. De vorige site blijft staan."
    assert (tmp_path / "site" / "rapporten" / "programma.pdf").read_bytes() == before


@pytest.mark.parametrize("audience", list(Audience))
def test_first_pages_of_the_reports_as_images(dataset, audience, monkeypatch):
    """The first page of a network's report (A4 upright) and of the programme's (A4 across), as
    PNG in tests/artifacts/ to look at."""
    import typst

    jobs: list[reports.ReportJob] = []
    original = reports.compile_reports

    def recording(batch, logo):
        jobs.extend(batch)
        return original(batch, logo)

    monkeypatch.setattr(reports, "compile_reports", recording)
    monkeypatch.setattr(reports, "ALONGSIDE_FROM", 10**9)  # typeset here, where they are recorded
    generate(dataset, audience)
    ARTIFACTS.mkdir(exist_ok=True)
    compiler = typst.Compiler(root=str(reports.REPORT_TEMPLATE.parent), font_paths=[str(f) for f in fonts.font_folders()], ignore_system_fonts=True)
    for job in jobs:
        if job.path not in ("rapporten/zelfgestuurd-leren.pdf", "rapporten/programma.pdf"):
            continue
        data = json.dumps(typesetting.draw_marks(json.loads(job.data)))
        pages = compiler.compile(input=str(reports.REPORT_TEMPLATE), format="png", ppi=96, sys_inputs={"data": data, "fonts": json.dumps(fonts.FAMILIES)})
        first = pages[0] if isinstance(pages, list) else pages
        assert first is not None and first.startswith(b"\x89PNG")
        width, height = int.from_bytes(first[16:20], "big"), int.from_bytes(first[20:24], "big")
        assert (width < height) == (job.path != "rapporten/programma.pdf")  # upright, or across for the table of all networks
        name = "programma" if job.path == "rapporten/programma.pdf" else "netwerk"
        (ARTIFACTS / f"rapport-{name}-{audience.value}.png").write_bytes(first)
    assert {"rapporten/zelfgestuurd-leren.pdf", "rapporten/programma.pdf"} <= {job.path for job in jobs}


def test_a_tables_columns_fit_the_line_and_keep_numbers_on_one_line_where_they_can():
    """Columns after the first are as wide as their longest cell (a number never wraps) while they
    fit beside the first column's longest cell; a table too wide for that shares what is left."""
    header = ["Netwerk", "Laatste meetmoment", *[f"{number}a" for number in range(1, 13)]]
    rows = [["Zelfgestuurd leren", "2026-voorjaar", *["7,5 (n=10)"] * 12]]
    table = reports._table(header, rows, "ll" + "r" * 12, landscape=True)
    widths = table["widths"]
    assert widths[0] == 0.0 and len(widths) == len(header)  # the first column takes the rest of the line
    assert min(widths[2:]) >= len("7,5 (n=10)") * table["size"] * 0.56
    first = len("Zelfgestuurd leren") * table["size"] * 0.56
    assert sum(widths) <= reports.TEXT_WIDTH[True] - first
    many = reports._table(["Waardecyclus", *[f"20{year}-voorjaar" for year in range(10, 40)]], [["1. Directe waarde", *["12"] * 30]], "l" + "r" * 30)
    first = len("1. Directe waarde") * many["size"] * 0.56
    assert sum(many["widths"]) <= reports.TEXT_WIDTH[False] - first  # narrower alike, beside the first column's longest cell
    assert len(set(many["widths"][1:])) == 1
    assert table["row"] > 0 and many["row"] == 0  # rows of a fixed height only where every cell fits on one line


def test_a_very_long_name_stays_out_of_the_body_of_every_page(tmp_path):
    """A 3,000-character word as a network's name: the running footer is cut to one line with …, the
    title on page 1 is cut too (the whole name follows it as text), and the programme's footer does
    not say its name twice."""
    from tests.conftest import SCORE_HEADER, write

    data = tmp_path / "data"
    data.mkdir()
    name = "Leer" * 750
    write(data, "scores.csv", SCORE_HEADER + "".join(f"{name},2025-voorjaar,Deelnemer {i},{code},{i % 9 + 1},\n"
                                                      for i in range(12) for code in ("1a", "1b", "2a", "2b", "3a")))
    files = generate(read_data(data), Audience.INTERNAL).files
    report = next(path for path in files if path.startswith("rapporten/leer"))
    pages = readable(files[report]).split("\n--- ")[1:]
    assert len(pages) >= 2
    assert "Leer" * 20 in _flat(pages[0]) and "…" in pages[0]  # the title, cut, is on page 1
    for page in pages[1:]:
        assert _flat(page).count("Leer") <= 20  # only the footer's few words, not the whole name
    programme = _flat(readable(files["rapporten/programma.pdf"]))
    assert "Netwerkspiegel · Netwerkspiegel" not in programme
    assert reports.shortened(name, 60) == "Leer" * 14 + "Lee…"
    assert reports.shortened("👩\u200d🏫" * 40, 60).endswith("🏫…")
