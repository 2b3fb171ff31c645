"""Whole builds through MkDocs: determinism, untouched unchanged files, failed builds, privacy, escaping."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core.errors import BuildError, InputError
from generator.core.vocabulary import Audience, word
from generator.pipeline import build, read_data
from tests.conftest import ROOT, SCORE_HEADER, readable, write

GOLDEN_DATA = ROOT / "tests" / "golden" / "data"
# Every name, e-mail address and code in the exports, as the read stage finds them (8 in the golden set).
IDENTITIES = sorted(read_data(GOLDEN_DATA).identities)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The golden data set built for both audiences, through MkDocs."""
    root = tmp_path_factory.mktemp("built")
    for audience in (Audience.INTERNAL, Audience.PUBLIC):
        build(GOLDEN_DATA, root / f"src-{word(audience)}", root / f"site-{word(audience)}", audience)
    return {"root": root}


def all_text(folder: Path) -> str:
    return "\n".join(readable(p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".gz")


@pytest.mark.parametrize("audience", [Audience.INTERNAL, Audience.PUBLIC])
def test_no_name_or_email_anywhere_in_the_built_site(built, audience):
    for folder in (built["root"] / f"site-{word(audience)}", built["root"] / f"src-{word(audience)}"):
        text = all_text(folder)
        assert (folder / "search" / "search_index.json").exists() or folder.name.startswith("src")
        for identity in IDENTITIES:
            assert not re.search(rf"(?<!\w){re.escape(identity)}(?!\w)", text, re.IGNORECASE), f"{identity} found in {folder.name}"


def test_public_site_has_no_positions_no_private_reflections_and_withholds_small_groups(built):
    text = all_text(built["root"] / "site-publiek")
    assert "Deelnemer 1" not in text
    assert "vertelt." not in text  # the reflection with openbaar = nee
    assert "Fijne eerste bijeenkomst." in text
    page = (built["root"] / "src-publiek" / "netwerken" / "rekenen-taal-b.md").read_text("utf-8")
    assert "Kleine groepen weggelaten" in page
    assert (built["root"] / "src-publiek" / "netwerken" / "rekenen-taal-b.csv").read_text("utf-8") == (
        '"netwerk","meetmoment","indicator","situatie","n","mediaan","gemiddelde","min","max","gedeeld"\n'
    )


def test_user_text_never_becomes_html(built):
    html = (built["root"] / "site-intern" / "netwerken" / "rekenen-taal-b" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; [klik](https://example.org) {{ geheim }} *vet*" in html
    assert "<script>alert" not in html and 'href="https://example.org"' not in html
    assert "Titel met &lt;i&gt;html&lt;/i&gt;" in html
    assert "<title>Rekenen &amp; taal &lt;b&gt; - Gouden testset — intern</title>" in html
    assert "<b>" not in html.split('<div class="md-content"', 1)[1]


def test_csv_per_network_has_one_row_per_network_moment_indicator_situation(built):
    import csv

    lines = list(csv.reader((built["root"] / "site-intern" / "netwerken" / "wereldorientatie.csv").read_text("utf-8").splitlines()))
    assert lines[0] == ["netwerk", "meetmoment", "indicator", "situatie", "n", "mediaan", "gemiddelde", "min", "max", "gedeeld"]
    # Eleven indicators × two situations per moment, and from 2025-najaar the network's own indicator 5a.
    assert len(lines) == 1 + 2 * 11 * 2 + 2
    assert [line[1] for line in lines[1:]] == ["2025-voorjaar"] * 22 + ["2025-najaar"] * 24
    assert [line[2:5] for line in lines[-2:]] == [["5a", "huidig", "5"], ["5a", "gewenst", "1"]]


def test_same_data_gives_identical_files_and_unchanged_files_are_not_rewritten(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    build(GOLDEN_DATA, src, out, Audience.INTERNAL)
    first = snapshot(src)
    result = build(GOLDEN_DATA, src, out, Audience.INTERNAL)
    assert result.written.written == () and result.written.removed == ()
    assert snapshot(src) == first  # same bytes and same modification times


def test_a_build_with_bad_data_leaves_the_previous_site_as_it_was(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    src, out = tmp_path / "src", tmp_path / "out"
    build(data, src, out, Audience.INTERNAL)
    before_src, before_out = snapshot(src), snapshot(out)
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,70,\n")
    with pytest.raises(InputError):
        build(data, src, out, Audience.INTERNAL)
    assert snapshot(src) == before_src and snapshot(out) == before_out


def test_a_failing_mkdocs_build_leaves_the_previous_site_as_it_was(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    build(GOLDEN_DATA, src, out, Audience.INTERNAL)
    before_src, before_out = snapshot(src), snapshot(out)
    broken = tmp_path / "mkdocs.yml"
    broken.write_text((ROOT / "mkdocs.yml").read_text("utf-8") + "\nnot_a_mkdocs_option: 1\nvalidation:\n  links:\n    not_found: nonsense\n")
    with pytest.raises(BuildError) as caught:
        build(GOLDEN_DATA, src, out, Audience.PUBLIC, config_file=broken)
    assert caught.value.message().startswith("MkDocs kon de site niet bouwen")
    assert snapshot(src) == before_src and snapshot(out) == before_out
    assert not list(tmp_path.glob(".out.tmp-*"))


def test_the_command_works_from_any_folder(tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(GOLDEN_DATA), "--src", "md", "--out", "html", "--audience", "publiek"],
        cwd=elsewhere, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("Site gebouwd voor publiek 'publiek': 10 pagina's in html/")
    assert (elsewhere / "html" / "verhalen" / "index.html").exists()
    nav = json.loads((elsewhere / "md" / ".netwerkspiegel.json").read_text("utf-8"))
    assert nav["site_name"] == "Gouden testset — publiek overzicht"


def test_a_moment_with_only_reflections_counts_zero_participants(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data, "reflecties.csv", "netwerk,meetmoment,deelnemer,waarde,reflectie,openbaar\nNet,2025-najaar,Anna,direct,Leuk,ja\n")
    from generator.analyse.aggregate import aggregate
    from generator.analyse.audience import for_audience
    from generator.pipeline import read_data

    dataset = read_data(data)
    intern = aggregate(for_audience(dataset, Audience.INTERNAL)).networks[0]
    public = aggregate(for_audience(dataset, Audience.PUBLIC)).networks[0]
    assert [(m.label, n) for m, n in intern.participants] == [("2025-voorjaar", 1), ("2025-najaar", 0)]
    assert [(m.label, n) for m, n in public.participants] == [("2025-voorjaar", None), ("2025-najaar", 0)]
