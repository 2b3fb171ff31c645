"""A coach's own project: the installed tool, `init`, the CI files, a site opened from disk, own look."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.framework import load_framework
from generator.core.questions import form_questions
from generator.core.vocabulary import Audience, Situation
from generator.pipeline import build, read_data
from tests.browser import chromium, chromium_available
from tests.conftest import ROOT, SCORE_HEADER, readable, write
from tests.exports import google_forms_csv

GOLDEN_DATA = ROOT / "tests" / "golden" / "data"
PROJECT_FILES = [
    "README.md", ".gitignore", "requirements.txt", ".github/workflows/netwerkspiegel.yml", ".gitlab-ci.yml",
    "data/netwerkspiegel.toml", "data/scores.xlsx", "data/reflecties.xlsx", "data/evaluaties.xlsx",
]
browser = pytest.mark.skipif(
    not chromium_available() and not os.environ.get("NETWERKSPIEGEL_REQUIRE_BROWSER"), reason="Chromium is not installed"
)


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_makes_a_project_and_never_overwrites(tmp_path, capsys):
    project = tmp_path / "monitoring"
    assert main(["init", str(project)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Nieuw project in {project}/:\n" + "".join(f"- {name}\n" for name in PROJECT_FILES))
    assert sorted(tree_bytes(project)) == sorted(PROJECT_FILES)
    before = tree_bytes(project)
    assert main(["init", str(project)]) == 0
    assert capsys.readouterr().out.startswith("Al aanwezig, niet veranderd (9):\n")
    assert tree_bytes(project) == before


def test_init_into_a_folder_with_files_keeps_them(tmp_path, capsys):
    write(tmp_path, "README.md", "mijn eigen uitleg")
    (tmp_path / "data").mkdir()
    write(tmp_path / "data", "scores.xlsx", "niet aanraken")
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Al aanwezig, niet veranderd (2):\n- README.md\n- data/scores.xlsx\n" in out
    assert (tmp_path / "README.md").read_text() == "mijn eigen uitleg"
    assert (tmp_path / "data" / "scores.xlsx").read_text() == "niet aanraken"
    assert (tmp_path / ".gitlab-ci.yml").is_file()


def everything_below(folder: Path) -> dict[str, str]:
    """Every file, folder and link below `folder`, with what it is (and a file's bytes)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        found[name] = ("link:" + os.readlink(path)) if path.is_symlink() else ("map" if path.is_dir() else path.read_bytes().hex())
    return found


@pytest.mark.parametrize("arrange, problems", [
    # data/ is a file: the workbooks cannot go there (before: README and .gitignore were written first).
    (lambda root: write(root, "data", "een bestand"), ["'{root}/data' is een bestand, geen map; daar hoort een map van het project."]),
    (lambda root: (write(root, ".github", "x"), (root / "data").mkdir(), write(root / "data", "netwerkspiegel.toml", "")),
     ["'{root}/.github' is een bestand, geen map"]),
    (lambda root: ((root / ".github").mkdir(), write(root / ".github", "workflows", "x")), ["'{root}/.github/workflows' is een bestand, geen map"]),
    # where a file goes, a folder stands
    (lambda root: (root / "README.md").mkdir(), ["'{root}/README.md' is een map; daar hoort het bestand README.md van het project."]),
    (lambda root: ((root / "data" / "scores.xlsx").mkdir(parents=True)), ["'{root}/data/scores.xlsx' is een map; daar hoort het bestand data/scores.xlsx"]),
    # a link to nothing where a folder goes
    (lambda root: (root / "data").symlink_to(root / "weg"), ["'{root}/data' is een snelkoppeling (symbolische link) naar iets dat niet bestaat"]),
    # several at once, all said
    (lambda root: (write(root, "data", "x"), (root / ".gitlab-ci.yml").mkdir()),
     ["'{root}/.gitlab-ci.yml' is een map; daar hoort het bestand .gitlab-ci.yml", "'{root}/data' is een bestand, geen map"]),
])
def test_init_checks_everything_before_writing_anything(tmp_path, capsys, arrange, problems):
    arrange(tmp_path)
    before = everything_below(tmp_path)
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Het project is niet gemaakt; er is niets geschreven. Eerst moet dit anders:\n- ") and "Traceback" not in err
    for problem in problems:
        assert problem.format(root=tmp_path) in err
    assert err.count("\n- ") == len(problems)
    assert everything_below(tmp_path) == before


def test_init_in_a_file_or_below_one_writes_nothing(tmp_path, capsys):
    write(tmp_path, "notities.md", "mijn aantekeningen")
    for target in (tmp_path / "notities.md", tmp_path / "notities.md" / "project"):
        assert main(["init", str(target)]) == 2
        assert f"'{tmp_path}/notities.md' is een bestand, geen map" in capsys.readouterr().err
    assert everything_below(tmp_path) == {"notities.md": b"mijn aantekeningen".hex()}


def test_init_follows_a_link_to_a_folder_and_skips_links_where_files_go(tmp_path, capsys):
    (tmp_path / "gedeeld").mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / "data").symlink_to(tmp_path / "gedeeld")
    (project / "README.md").symlink_to(tmp_path / "nergens")
    assert main(["init", str(project)]) == 0
    assert "Al aanwezig, niet veranderd (1):\n- README.md\n" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "gedeeld").iterdir()) == ["evaluaties.xlsx", "netwerkspiegel.toml", "reflecties.xlsx", "scores.xlsx"]
    assert os.readlink(project / "README.md") == str(tmp_path / "nergens")
    os.mkfifo(project / ".gitignore.tmp")
    (project / ".gitignore.tmp").rename(project / ".gitignore")  # not a regular file either: there already, skipped
    (project / "requirements.txt").unlink()
    assert main(["init", str(project)]) == 0
    assert capsys.readouterr().out.startswith("Nieuw project in")
    assert (project / ".gitignore").is_fifo() and (project / "requirements.txt").is_file()


def test_init_in_a_folder_it_may_not_write_in_writes_nothing(tmp_path, capsys, monkeypatch):
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    project.chmod(0o555)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root may write anywhere: the permission bits as a user has them
        import generator.project

        monkeypatch.setattr(generator.project.os, "access", lambda path, mode: bool(os.stat(path).st_mode & 0o200))
    try:
        assert main(["init", str(project)]) == 2
        err = capsys.readouterr().err
        assert f"In de map '{project}' mag Netwerkspiegel niet schrijven (rechten)" in err
        assert sorted(p.name for p in project.rglob("*")) == ["data"]
    finally:
        project.chmod(0o755)


def test_init_in_a_folder_it_may_not_look_into_writes_nothing(tmp_path, capsys, monkeypatch):
    """A folder without the right to look into it (mode 600): a Dutch message, no traceback."""
    project = tmp_path / "project"
    project.mkdir()
    real_stat = os.stat

    def no_entry(path, *args, **kwargs):
        if str(path).startswith(str(project) + os.sep):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", no_entry)  # what a user (not root) meets in a folder of mode 600
    monkeypatch.setattr(os, "lstat", no_entry)
    assert main(["init", str(project)]) == 2
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert err.startswith(f"De map van het project kan niet worden bekeken: {project}/") and "geen toestemming (rechten). Er is niets geschreven." in err
    assert list(project.iterdir()) == []


@pytest.mark.parametrize("failing", [1, 4, 8])
def test_init_that_fails_while_writing_removes_only_what_it_wrote(tmp_path, capsys, monkeypatch, failing):
    """The disk is full at the n-th file: what this run made (files and folders) is gone again, what
    was there (a README of the coach's, an empty data folder) is kept, and the message says so in Dutch."""
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    write(project, "README.md", "mijn eigen uitleg")
    before = everything_below(tmp_path)
    opened = []
    real_open = Path.open

    def open_until_full(self, mode="r", *args, **kwargs):
        if mode == "xb":
            opened.append(self)
            if len(opened) == failing:
                raise OSError(28, "No space left on device", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_until_full)
    assert main(["init", str(project)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Het project kon niet worden gemaakt: {opened[-1]}: de schijf is vol. Wat Netwerkspiegel deze keer schreef, is weer weggehaald")
    assert everything_below(tmp_path) == before


def test_init_stopped_by_ctrl_c_while_writing_takes_back_what_it_wrote(tmp_path):
    """Ctrl+C at the fifth file: what this run made is removed, exit 130, a short Dutch message."""
    project = tmp_path / "project"
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "real_open, opened = Path.open, []\n"
        "def open_then_interrupt(self, mode='r', *args, **kwargs):\n"
        "    if mode == 'xb':\n"
        "        opened.append(self)\n"
        "        if len(opened) == 5:\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real_open(self, mode, *args, **kwargs)\n"
        "Path.open = open_then_interrupt\n"
        "sys.argv = ['netwerkspiegel', 'init', sys.argv[1]]\n"
        "from generator.cli import run\n"
        "run()\n"
    )
    completed = subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    assert completed.returncode == 130, completed.stderr
    assert completed.stderr == "Afgebroken (Ctrl+C). Wat init deze keer schreef, is weer weggehaald.\n"
    assert list(tmp_path.iterdir()) == []


def test_init_that_meets_a_file_made_meanwhile_keeps_it_and_removes_its_own(tmp_path, capsys, monkeypatch):
    project = tmp_path / "project"
    real_open = Path.open

    def another_program_was_quicker(self, mode="r", *args, **kwargs):
        if mode == "xb" and self.name == "requirements.txt":
            real_open(self, "wb").write(b"van een ander programma")
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", another_program_was_quicker)
    assert main(["init", str(project)]) == 2
    assert f"'{project}/requirements.txt' werd door een ander programma gemaakt terwijl het project werd geschreven" in capsys.readouterr().err
    assert everything_below(tmp_path) == {"project": "map", "project/requirements.txt": b"van een ander programma".hex()}


def test_a_build_right_after_init_says_exactly_what_to_add_then_builds(tmp_path, capsys, monkeypatch):
    assert main(["init", str(tmp_path)]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 1
    assert capsys.readouterr().err == (
        "Netwerkspiegel vond 1 probleem in de invoer. Er is niets geschreven.\n"
        "- data: geen scores gevonden. Zet minstens één export met scores in deze map: een CSV- of Excel-bestand met de "
        "kolommen netwerk, meetmoment, deelnemer, indicator en score, of een formulier met vragen die met een indicator "
        "beginnen ('1a. …'). Nog leeg (alleen een kopregel): evaluaties.xlsx, reflecties.xlsx, scores.xlsx; vul die in of "
        "zet er exports naast.\n"
    )
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "data" / "scores.xlsx")
    for person in ("Anna", "Bert", "Cor", "Dirk", "Eva"):
        book["Scores"].append(["Rekenen", "2026-voorjaar", person, "1a", 6, "huidig"])
    book.save(tmp_path / "data" / "scores.xlsx")
    assert main(["build"]) == 0
    assert (tmp_path / "site" / "netwerken" / "rekenen" / "index.html").is_file()
    assert main(["build", "--audience", "publiek", "--src", "publiek_src", "--out", "publiek"]) == 0


def _ci_tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} ontbreekt: installeer de testhulpmiddelen (pip install -e '.[test]')")
    return found


def test_the_ci_files_pass_actionlint_and_the_gitlab_schema(tmp_path):
    assert main(["init", str(tmp_path)]) == 0
    lint = subprocess.run([_ci_tool("actionlint"), ".github/workflows/netwerkspiegel.yml"], cwd=tmp_path, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    schema = subprocess.run([_ci_tool("check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", ".gitlab-ci.yml"], cwd=tmp_path, capture_output=True, text=True)
    assert schema.returncode == 0, schema.stdout + schema.stderr
    workflow = (tmp_path / ".github/workflows/netwerkspiegel.yml").read_text("utf-8")
    assert "actions/deploy-pages@" in workflow and "retention-days: 7" in workflow and "path: build/publiek\n" in workflow
    gitlab = (tmp_path / ".gitlab-ci.yml").read_text("utf-8")
    assert "--out public " in gitlab and "expire_in: 7 days" in gitlab and "\npages:\n" in gitlab


def test_the_release_workflow_of_this_repository_passes_actionlint_and_publishes_without_a_token():
    workflow = ROOT / ".github" / "workflows" / "release.yml"
    lint = subprocess.run([_ci_tool("actionlint"), str(workflow)], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    text = workflow.read_text("utf-8")
    assert "pypa/gh-action-pypi-publish@" in text and "id-token: write" in text and "password" not in text and "secrets." not in text
    assert "python tools/check_release.py dist/*.whl" in text and "python tools/release_notes.py" in text


def test_the_questions_on_the_site_are_recognised_without_a_mapping(data_dir):
    questions = form_questions(load_framework())
    indicator = list(questions["indicator_questions"])
    desired = [q.replace(". ", ". Gewenste situatie: ", 1) for q in indicator]
    reflection = list(questions["reflection_questions"])
    evaluation = list(questions["evaluation_questions"])
    time = dt.datetime(2026, 3, 14, 10, 0)
    google_forms_csv(data_dir / "kruisjes.csv", ["Netwerk"] + indicator + desired, [
        {"email": "a@x.nl", "time": time, "answers": ["Net"] + ["6"] * 11 + ["8"] * 11}])
    google_forms_csv(data_dir / "reflecties.csv", ["Netwerk"] + reflection, [
        {"email": "a@x.nl", "time": time, "answers": ["Net", "Fijn", "", "", "", "", "Ja"]}])
    google_forms_csv(data_dir / "evaluatie.csv", ["Netwerk"] + evaluation, [
        {"email": "a@x.nl", "time": time, "answers": ["Net", "Goed", "Beter", "8"]}])
    dataset = read_data(data_dir)
    assert len(dataset.scores) == 22 and {s.situation for s in dataset.scores} == {Situation.CURRENT, Situation.DESIRED}
    assert [(r.text, r.public) for r in dataset.reflections] == [("Fijn", True)]
    assert [(e.tops, e.tips, e.rating) for e in dataset.evaluations] == [("Goed", "Beter", 8.0)]
    assert all(not t.unplaced_columns for t in dataset.tables)


# --- own look ---

def _png() -> bytes:
    import struct
    import zlib

    raw = b"".join(b"\x00" + bytes([0, 80, 120]) * 8 for _ in range(8))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_own_title_organisation_logo_colour_and_footer(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (data / "logo.png").write_bytes(_png())
    write(data, "netwerkspiegel.toml", '[site]\ntitel = "Netwerken Oost"\norganisatie = "Pabo <Oost>"\nlogo = "logo.png"\n'
          'kleur = "#1F4E79"\nvoettekst = "Contact: <script>x</script> coordinator@pabo.nl"\n')
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert 'src="assets/logo.png"' in html and "assets/kleur.css" in html
    assert "Pabo &lt;Oost&gt; · Contact: &lt;script&gt;x&lt;/script&gt; coordinator@pabo.nl" in html and "<script>x" not in html
    assert "--md-primary-fg-color: #1f4e79;" in (tmp_path / "site" / "assets" / "kleur.css").read_text("utf-8")
    assert "logo.png" not in " ".join(read_data(data).ignored_files)
    # The reports wear the same look: the organisation's name and logo, its footer line.
    report = (tmp_path / "site" / "rapporten" / "net.pdf").read_bytes()
    assert b"/Subtype/Image" in report
    text = readable(report)
    assert text.startswith("/Title: Net\n/Author: Pabo <Oost>\n--- 1 / 1\nNetwerken Oost — intern Gegevens tot en met 2025-voorjaar\nPabo <Oost>\nRapport van het netwerk\nNet\n")
    assert "Net · Contact: <script>x</script> coordinator@pabo.nl pagina 1 van 1" in text


def test_a_whole_jpg_logo_is_taken_and_set_in_the_reports(tmp_path):
    import vl_convert

    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (data / "logo.jpg").write_bytes(vl_convert.svg_to_jpeg('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
                                                           '<rect width="40" height="20" fill="#1f4e79"/></svg>'))
    write(data, "netwerkspiegel.toml", '[site]\nlogo = "logo.jpg"\n')
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)
    assert (tmp_path / "site" / "assets" / "logo.jpg").read_bytes() == (data / "logo.jpg").read_bytes()
    assert b"/Subtype/Image" in (tmp_path / "site" / "rapporten" / "net.pdf").read_bytes()


@pytest.mark.parametrize("toml, message", [
    ('kleur = "#ffcc00"', "netwerkspiegel.toml, sleutel 'site.kleur', waarde '#ffcc00': witte tekst op deze kleur heeft een contrast van 1,51 : 1; dat moet minstens 4,5 : 1 zijn (WCAG AA). Kies een donkerdere kleur."),
    ('kleur = "paars"', "netwerkspiegel.toml, sleutel 'site.kleur', waarde 'paars': moet een kleur zijn als '#rrggbb', bijvoorbeeld '#1f4e79'."),
    ('logo = "../geheim.png"', "netwerkspiegel.toml, sleutel 'site.logo', waarde '../geheim.png': moet de naam van een PNG- of JPG-bestand in de datamap zijn, zoals 'logo.png'."),
    ('logo = "ontbreekt.png"', "netwerkspiegel.toml, sleutel 'site.logo', waarde 'ontbreekt.png': dit bestand staat niet in de datamap."),
    ('logo = "nep.png"', "netwerkspiegel.toml, sleutel 'site.logo', waarde 'nep.png': dit is geen PNG- of JPG-afbeelding."),
    # The right first bytes are not enough: a damaged or cut-off image would break the site's header and the PDF reports.
    ('logo = "kapot.png"', "netwerkspiegel.toml, sleutel 'site.logo', waarde 'kapot.png': deze afbeelding is beschadigd of niet af; "
                           "sla het logo opnieuw op als PNG of JPG."),
    ('logo = "half.png"', "netwerkspiegel.toml, sleutel 'site.logo', waarde 'half.png': deze afbeelding is beschadigd of niet af; "
                          "sla het logo opnieuw op als PNG of JPG."),
    ('logo = "kapot.jpg"', "netwerkspiegel.toml, sleutel 'site.logo', waarde 'kapot.jpg': deze afbeelding is beschadigd of niet af; "
                           "sla het logo opnieuw op als PNG of JPG."),
])
def test_a_look_that_cannot_be_used_is_refused(data_dir, toml, message):
    from generator.core.errors import InputError

    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "nep.png", "<svg onload=alert(1)>")
    (data_dir / "kapot.png").write_bytes(b"\x89PNG\r\n\x1a\nrubbish-not-a-png")
    (data_dir / "half.png").write_bytes(_png()[:-20])
    (data_dir / "kapot.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40)
    write(data_dir, "netwerkspiegel.toml", f"[site]\n{toml}\n")
    with pytest.raises(InputError) as caught:
        read_data(data_dir)
    assert [p.format() for p in caught.value.report.problems] == [message]


def test_a_project_overrides_a_page_template_from_its_own_folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (tmp_path / "sjablonen").mkdir()
    write(tmp_path / "sjablonen", "kaders.md.j2", "# Onze eigen uitleg\n\nVoor {{ settings.site_title }}: *eigen tekst*.\n")
    build(data, tmp_path / "src", tmp_path / "site", Audience.INTERNAL)
    assert (tmp_path / "src" / "kaders.md").read_text("utf-8") == "# Onze eigen uitleg\n\nVoor Netwerkspiegel: *eigen tekst*.\n"


# --- a site that works without a web server ---

def test_zip_writes_the_offline_site_and_never_replaces_a_foreign_file(tmp_path, capsys):
    args = ["build", "--data", str(GOLDEN_DATA), "--src", str(tmp_path / "md"), "--out", str(tmp_path / "site")]
    write(tmp_path, "verslag.zip", "mijn eigen zip")
    assert main(args + ["--zip", str(tmp_path / "verslag.zip")]) == 2
    assert "bestaat al en is geen zip-bestand van Netwerkspiegel" in capsys.readouterr().err
    assert (tmp_path / "verslag.zip").read_text() == "mijn eigen zip"
    assert main(args + ["--zip", str(tmp_path / "intern.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "intern.zip") as archive:
        names = archive.namelist()
    assert "intern/index.html" in names and "intern/search/search_index.js" in names and "intern/netwerken/wereldorientatie.html" in names
    first = (tmp_path / "intern.zip").read_bytes()
    assert main(args + ["--zip", str(tmp_path / "intern.zip")]) == 0
    assert (tmp_path / "intern.zip").read_bytes() == first  # the same data, the same archive


@browser
def test_the_offline_site_works_opened_from_disk(tmp_path):
    """Through file:// URLs: a chart renders, a navigation link is followed, search finds a network,
    and nothing is asked of another host."""
    build(GOLDEN_DATA, tmp_path / "md", tmp_path / "site", Audience.INTERNAL, offline=True)
    outside: list[str] = []
    errors: list[str] = []
    with chromium() as browser_:
        page = browser_.new_page()
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:", "about:")) else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        console: list[str] = []
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        page.goto((tmp_path / "site" / "index.html").as_uri())
        page.click("nav.md-nav--primary >> text=Wereldoriëntatie")
        page.wait_for_url("**/netwerken/wereldorientatie.html")
        page.wait_for_selector(".ns-chart[data-rendered]", state="attached", timeout=20_000)
        assert page.locator(".ns-chart[data-rendered=true] svg").count() >= 1
        assert page.locator(".ns-chart[data-rendered=error]").count() == 0
        page.click(".md-search__input")
        # As a reader would: type once the search says it is ready (no longer "Zoeken initialiseren").
        page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('initialiseren')", timeout=20_000)
        page.locator("input.md-search__input").press_sequentially("Wereldori", delay=30)  # keys, as typed
        try:
            page.wait_for_selector(".md-search-result__item", state="attached", timeout=20_000)
        except Exception as error:
            raise AssertionError(f"{page.locator('.md-search-result__meta').inner_text()!r} {console[-8:]}") from error
        assert "Wereldoriëntatie" in page.locator(".md-search-result__item").first.inner_text()
    assert outside == [] and errors == []


# --- installed as a package ---

def test_the_wheel_works_installed_in_a_fresh_environment_outside_the_checkout(tmp_path):
    """Build the wheel, install it in a new virtual environment, and use it as a coach would."""
    wheels = tmp_path / "wheels"
    source = tmp_path / "source"  # a copy, so that building leaves nothing behind in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "mkdocs.yml"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("generator", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    [wheel] = list(wheels.glob("netwerkspiegel-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"generator/_resources/mkdocs.yml", "generator/_resources/templates/network.md.j2",
            "generator/_resources/templates/assets/netwerkspiegel.js", "generator/core/data/framework.toml"} <= names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    installed = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr[-3000:]
    command = venv / "bin" / "netwerkspiegel"
    elsewhere = tmp_path / "ergens"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    version = subprocess.run([str(command), "--version"], cwd=elsewhere, capture_output=True, text=True, env=env)
    from generator import __version__

    assert version.stdout == f"netwerkspiegel {__version__}\n"
    assert subprocess.run([str(command), "init", "project"], cwd=elsewhere, capture_output=True, env=env).returncode == 0
    for path in GOLDEN_DATA.iterdir():
        if path.suffix == ".csv":
            shutil.copy(path, elsewhere / "project" / "data" / path.name)
    # The golden data's own indicator, added to the settings of the new project as a coach would.
    own = (GOLDEN_DATA / "netwerkspiegel.toml").read_text("utf-8").split("[indicatoren", 1)[1]
    with (elsewhere / "project" / "data" / "netwerkspiegel.toml").open("a", encoding="utf-8") as settings:
        settings.write("\n[indicatoren" + own)
    result = subprocess.run([str(command), "build", "--offline"], cwd=elsewhere / "project", capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "project" / "site" / "netwerken" / "wereldorientatie.html").is_file()
    where = subprocess.run([str(python), "-c", "import generator, sys; print(generator.__file__)"], cwd=elsewhere, capture_output=True, text=True, env=env)
    assert str(ROOT) not in where.stdout and str(venv) in where.stdout


def test_init_refused_by_the_system_names_the_file_and_the_reason_in_words(tmp_path):
    """A file-size limit (ulimit -f) stops init halfway: the reason in words, the file named, nothing left."""
    import resource

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (5 * 1024, 5 * 1024))

    done = subprocess.run([sys.executable, "-c", "from generator.cli import run; run()", "init", str(tmp_path / "e")],
                          capture_output=True, text=True, preexec_fn=limited, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "systeemfout" not in done.stderr
    assert "het bestand wordt te groot (een grens van het systeem, zoals ulimit -f, of de schijf)" in done.stderr
    assert re.search(r"Het project kon niet worden gemaakt: \S*e/\S+: het bestand wordt te groot", done.stderr), done.stderr
    assert not (tmp_path / "e").exists() or not any((tmp_path / "e").iterdir())
