"""Networks, stories and settings as participants and coaches really write them, in the PDF reports
and the site: names in any script and with emoji, words far longer than a line, numbered networks,
names the site uses for its own files, and a network size below its response (issue 38)."""

from __future__ import annotations

import json
import random
import struct
import unicodedata
import zlib
from pathlib import Path

import pytest

from generator.core import fonts
from generator.core.errors import Code
from generator.core.framework import name_order
from generator.core.vocabulary import Audience
from generator.pipeline import generate, read_data
from generator.site import reports, typesetting
from generator.site.pages import network_slugs
from generator.site.paths import NETWORK_FOLDERS, PROGRAMME_REPORT, SITE_OWN_NAMES
from tests.conftest import REFLECTION_HEADER, SCORE_HEADER, readable, write

SCRIPTS = {  # a text in each script participants of Dutch schools write, and emoji
    "emoji": "Feest 🎉 👍 ✅ ❤ ☀", "Chinees": "学习网络 教师", "Japans": "学校の先生", "Koreaans": "교사 네트워크", "Arabisch": "شبكة المعلمين",
    "Hebreeuws": "רשת מורים", "Grieks": "Δίκτυο δασκάλων", "Russisch": "Сеть учителей", "Hindi": "शिक्षक नेटवर्क", "Thai": "เครือข่ายครู",
    "Turks": "Öğretmen ağı ğış", "Tamil": "ஆசிரியர் வலையமைப்பு", "Bengaals": "শিক্ষক নেটওয়ার্ক", "Armeens": "Ուսուցիչների ցանց",
    "Georgisch": "მასწავლებელთა ქსელი", "Amhaars": "የመምህራን አውታረ መረብ",
}


def _scores(networks: list[str], people: int = 5, moment: str = "2025-najaar") -> str:
    rows = [f'"{network}",{moment},p{person}.n{number}@school.nl,{indicator},{3 + person % 5},{situation}'
            for number, network in enumerate(networks) for person in range(people) for indicator in ("1a", "1b")
            for situation in ("huidig", "gewenst")]
    return SCORE_HEADER + "\n".join(rows) + "\n"


def _typeset(data_dir: Path, audience: Audience = Audience.INTERNAL) -> tuple[dict[str, bytes], dict[str, dict]]:
    """The built files and each report's data as Typst got it."""
    sent: dict[str, dict] = {}
    original = reports.compile_reports

    def recording(jobs: list[reports.ReportJob], logo: tuple[str, bytes] | None) -> dict[str, bytes]:
        jobs = list(jobs)
        sent.update({job.path: json.loads(job.data) for job in jobs})
        return original(jobs, logo)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reports, "compile_reports", recording)
        patch.setattr(reports, "ALONGSIDE_FROM", 10**9)  # typeset here, where it is recorded
        return dict(generate(read_data(data_dir), audience).files), sent


# Natural order


def test_network_names_are_in_natural_order_without_case_or_accents():
    ordered = ["Ébène", "index", "Netwerk 1", "netwerk 2", "Netwerk 02b", "Netwerk 9", "Netwerk 10", "Netwerk 11", "netwerk 100",
               "Netwerk ١٠١", "Rekenen 3a", "Rekenen 3b", "rekenen 12", "Zelfstandig leren", "zelfstandig-leren"]
    shuffled = ordered[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=name_order) == ordered
    # Deterministic: names that differ only in case or spelling of digits keep one order.
    assert sorted(["netwerk 01", "Netwerk 1", "NETWERK 1"], key=name_order) == sorted(["NETWERK 1", "netwerk 01", "Netwerk 1"], key=name_order)
    assert sorted(["x" + "9" * 5000, "x" + "1" * 5001, "x10"], key=name_order) == ["x10", "x" + "9" * 5000, "x" + "1" * 5001]


def test_a_name_that_starts_with_an_emoji_or_a_mark_sorts_under_its_first_letter():
    ordered = ["Alpha", "👩\u200d🏫 Leraren", "Nederland", "🇳🇱 Nederland", "“Netwerk 2”", "- Netwerk 10", "Zeta", "🎉"]
    shuffled = ordered[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=name_order) == ordered


def test_every_list_of_networks_keeps_the_natural_order(data_dir):
    names = [f"Netwerk {number}" for number in (11, 2, 10, 1, 21, 3)]
    write(data_dir, "scores.csv", _scores(names))
    dataset = read_data(data_dir)
    expected = ["Netwerk 1", "Netwerk 2", "Netwerk 3", "Netwerk 10", "Netwerk 11", "Netwerk 21"]
    assert list(dataset.networks) == expected
    assert list(dataset.tables[0].networks) == expected  # what `check` lists per table
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reports, "PICTURES_IN_PROGRAMME", 3)
        files, sent = _typeset(data_dir)
    programme = sent[PROGRAMME_REPORT]
    response = next(block for section in programme["sections"] for block in section["blocks"] if block["type"] == "table")
    assert [row[0] for row in response["rows"]] == expected
    pictures = [dimension["title"] for section in programme["sections"] for block in section["blocks"] if block["type"] == "lines"
                for dimension in block["dimensions"]]
    assert pictures == expected[:3]  # the first three in that order, not "Netwerk 1, 10, 11"
    overview = files["overzicht.md"].decode()
    assert [overview.index(f"<tr><td>{name}</td>") for name in expected] == sorted(overview.index(f"<tr><td>{name}</td>") for name in expected)
    nav = json.loads(files[".netwerkspiegel.json"])
    listed = [next(iter(entry)) for section in nav["nav"] if isinstance(section, dict) and "Netwerken" in section
              for entry in section["Netwerken"] if isinstance(entry, dict)]
    assert [name for name in listed if name in expected] == expected


# Names the site uses itself


@pytest.mark.parametrize("hostile", [["Programma"], ["programma", "Index"], ["PROGRAMMA!", "index.", "Programma 2", "programma-2"],
                                     ["Zelfstandig leren", "zelfstandig-leren", "Zelfstandig_leren!"]])
def test_no_network_takes_a_file_of_the_site_or_of_another_network(data_dir, hostile):
    names = [*hostile, "Rekenen"]
    write(data_dir, "scores.csv", _scores(names))
    files, sent = _typeset(data_dir)
    networks = read_data(data_dir).networks
    slugs = network_slugs(networks)
    assert len(set(slugs.values())) == len(networks)
    assert not set(slugs.values()) & SITE_OWN_NAMES
    programme = sent[PROGRAMME_REPORT]
    assert programme["kind"] == "Rapport van het programma"
    assert "Rapport van het programma" in readable(files[PROGRAMME_REPORT])
    for network in networks:
        report = f"rapporten/{slugs[network]}.pdf"
        assert sent[report]["title"] == network and sent[report]["kind"] == "Rapport van het netwerk"
        assert f"rapporten/{slugs[network]}.pdf" in files[f"netwerken/{slugs[network]}.md"].decode()
    assert "(rapporten/programma.pdf)" in files["index.md"].decode()
    for folder in NETWORK_FOLDERS:  # each folder's own list page is the site's, not a network's
        index = files.get(f"{folder}/index.md")
        if index is not None:
            assert not any(f"# {network}\n" in index.decode() for network in networks)


def test_names_without_latin_letters_each_keep_a_file_of_their_own():
    slugs = network_slugs(tuple(SCRIPTS.values()))
    assert len(set(slugs.values())) == len(SCRIPTS)
    alone = network_slugs((SCRIPTS["Thai"],))  # the same file name, whatever other networks there are
    assert alone[SCRIPTS["Thai"]] == slugs[SCRIPTS["Thai"]]


# Fonts


def test_the_report_fonts_set_every_script_participants_write_and_no_font_of_the_machine_is_used():
    for script, text in SCRIPTS.items():
        assert fonts.unsettable(text) == "", script
    assert fonts.unsettable("Hiëroglief 𓀀 en \ue000") == "𓀀\ue000"
    assert fonts.unsettable("👩\u200d🏫 👍🏽 ❤️") == ""  # joiners, skin tones and variation selectors
    for folder in fonts.font_folders():
        assert list(folder.glob("*.tt[fc]")), folder  # the fonts come with a package, not from the machine
    assert "manimgx-fonts==" in fonts.fonts_version()


def test_names_and_stories_in_any_script_are_set_in_the_pdf_and_a_character_no_font_has_is_located(data_dir):
    names = [f"{script} {text}" for script, text in SCRIPTS.items()]
    write(data_dir, "scores.csv", _scores(names))
    stories = [f'"{name}",2025-najaar,p0.n{number}@school.nl,direct,"Wij schreven: {SCRIPTS[name.split()[0]]}.",ja' for number, name in enumerate(names)]
    stories.append(f'"{names[0]}",2025-najaar,p1.n0@school.nl,direct,"Een hiëroglief 𓀀 in het verhaal.",ja')
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + "\n".join(stories) + "\n")
    dataset = read_data(data_dir)
    missing = [w for w in dataset.warnings if w.code == Code.CHARACTER_NOT_IN_FONTS]
    assert [(w.file, w.row, w.value) for w in missing] == [("reflecties.csv", len(names) + 2, "𓀀")]
    assert "U+13000 EGYPTIAN HIEROGLYPH A001" in missing[0].format()
    files, _ = _typeset(data_dir)
    for name in names:
        report = files[f"rapporten/{network_slugs(dataset.networks)[name]}.pdf"]
        text = unicodedata.normalize("NFC", readable(report))
        script = name.split()[0]
        if script not in ("Arabisch", "Hebreeuws", "Thai", "Hindi", "Tamil", "Bengaals"):  # text extraction of shaped scripts reorders
            assert SCRIPTS[script] in text, script
        used = _fonts_of(report)
        assert all(font.startswith(("LibertinusSerif", "NotoSans", "NotoEmoji")) for font in used), used  # none of the machine's
        if script not in ("Grieks", "Russisch", "Hebreeuws", "Turks"):  # Libertinus Serif sets these itself
            assert any(font.startswith(("NotoSans", "NotoEmoji")) for font in used), (script, used)
    assert "NotoEmoji-Regular" in _fonts_of(files[f"rapporten/{network_slugs(dataset.networks)[names[0]]}.pdf"])


def _fonts_of(pdf: bytes) -> set[str]:
    """The fonts a PDF sets its text in, without the subset's prefix."""
    import io

    import pypdf

    found = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            found.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return found


# Long words


def _png_rows(png: bytes) -> list[bytes]:
    """The rows of a PNG that Typst made (8-bit RGBA), unfiltered."""
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert depth == 8 and colour == 6
    data, at = b"", 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(data), width * 4, [], bytearray(width * 4)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - 4] if x >= 4 else 0
            up, corner = previous[x], previous[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                nearest = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
                line[x] = (line[x] + nearest) & 255
        rows.append(bytes(line))
        previous = line
    return rows


def test_a_word_of_three_thousand_characters_and_a_long_url_stay_on_the_page_everywhere(data_dir):
    long, url = "Lang" + "x" * 3000, "https://example.org/" + "pad/" * 120 + "einde"
    name = "Netwerk" + "y" * 200
    write(data_dir, "scores.csv", _scores([name, "Kort"]))
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + f'"{name}",2025-najaar,p0.n0@school.nl,direct,"Zie {url} en {long}.",ja\n')
    write(data_dir, "netwerkspiegel.toml", f'[site]\ntitel = "{"Titel" * 40}"\n[netwerken."{name}"]\nthema = "{long[:290]}"\n')
    files, sent = _typeset(data_dir)
    text = "".join(readable(files[path]).replace("\n", "") for path in files if path.endswith(".pdf"))
    assert long in text and url in text  # broken over lines, but no invisible character in the text a reader copies
    import typst

    compiler = typst.Compiler(root=str(reports.REPORT_TEMPLATE.parent), font_paths=[str(f) for f in fonts.font_folders()], ignore_system_fonts=True)
    for path in (PROGRAMME_REPORT, f"rapporten/{network_slugs(read_data(data_dir).networks)[name]}.pdf"):
        data = json.dumps(typesetting.draw_marks(sent[path]))
        pages = compiler.compile(input=str(reports.REPORT_TEMPLATE), format="png", ppi=24, sys_inputs={"data": data, "fonts": json.dumps(fonts.FAMILIES)})
        for page in pages if isinstance(pages, list) else [pages]:
            rows = _png_rows(page)
            width = len(rows[0]) // 4
            margin = int(1.8 / 2.54 * 24) - 3  # the right margin (1.8 cm), less a little for anti-aliasing
            ink = [y for y, row in enumerate(rows) if any(row[x * 4 + 3] > 40 and min(row[x * 4:x * 4 + 3]) < 200 for x in range(width - margin, width))]
            assert ink == [], f"{path}: text in the right margin on rows {ink[:5]}"


# The network's size


def test_a_size_below_the_response_is_a_warning_naming_the_setting_and_no_share_over_100(data_dir):
    write(data_dir, "scores.csv", _scores(["Rekenen", "Taal"], people=6))
    write(data_dir, "netwerkspiegel.toml", '[netwerken."rekenen"]\ngrootte = 3\n[netwerken."Taal"]\ngrootte = 12\n')
    dataset = read_data(data_dir)
    found = [w for w in dataset.warnings if w.code == Code.SIZE_BELOW_RESPONSE]
    assert [(w.file, w.key, w.value) for w in found] == [("netwerkspiegel.toml", 'netwerken."rekenen".grootte', "3")]
    assert "6 deelnemers" in str(found[0].message) and "2025-najaar" in str(found[0].message)
    files, sent = _typeset(data_dir)
    page = files["netwerken/rekenen.md"].decode()
    assert "6 deelnemers (meer dan de grootte 3)" in page and "200%" not in page
    assert "6 van 12 (50%)" in files["netwerken/taal.md"].decode()
    assert "6 deelnemers (meer dan de grootte 3)" in json.dumps(sent["rapporten/rekenen.pdf"], ensure_ascii=False)
    assert "6 deelnemers (meer dan de grootte 3)" in files["overzicht.md"].decode()


def test_a_table_reckons_with_characters_twice_as_wide_as_latin():
    """Chinese, Japanese, Korean and emoji are about 1 em wide: a table whose rows are of a fixed
    height (every cell estimated on one line) must not hold a cell that is wider in truth."""
    assert reports._wide("学习网络" * 5, 10) >= 20 * 10 + 8
    assert reports._wide("Netwerk", 10) == round(7 * 10 * 0.56 + 8.5, 1)  # Latin as before
    table = reports._table(["Netwerk", "2025-najaar"], [["学习网络" * 16, "6"]], "lr", landscape=True)
    assert table["row"] == 0  # laid out as it comes, not in rows of one line


def test_two_parts_of_the_site_on_one_path_stop_the_build_in_words(data_dir, monkeypatch):
    """Should a network's file name ever be one the site uses (here: the reserved names forgotten),
    the build stops before writing, in words, instead of one report replacing the other."""
    from generator.core.errors import BuildError
    from generator.site import pages

    write(data_dir, "scores.csv", _scores(["Programma", "Rekenen"]))
    monkeypatch.setattr(pages, "SITE_OWN_NAMES", frozenset())
    with pytest.raises(BuildError, match=r"rapporten/programma\.pdf"):
        generate(read_data(data_dir), Audience.INTERNAL)
