"""A coach's own repository: it installs what made it, it keeps raw data private, it shows progress."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.core.installation import _UNREADABLE, InstallSource, SourceKind, source_of
from generator.core.progress import Progress
from generator.core.store import DATA_NAMESPACES, PROGRAM_NAMESPACES, default_folder
from generator.core.vocabulary import Audience
from generator.pipeline import build
from generator.project import project_files
from tests.conftest import REFLECTION_HEADER, ROOT, SCORE_HEADER, write

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def requirement_lines(source: InstallSource) -> list[str]:
    text = project_files(source)["requirements.txt"]().decode("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("direct_url, kind, line", [
    (None, SourceKind.INDEX, "netwerkspiegel==0.2.0"),
    ({"url": "https://git.school.nl/ict/netwerkspiegel.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "v0.2.0"}},
     SourceKind.VCS, f"netwerkspiegel @ git+https://git.school.nl/ict/netwerkspiegel.git@{COMMIT}"),
    ({"url": "https://git.school.nl/ict/tools.git", "subdirectory": "netwerkspiegel", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
     SourceKind.VCS, f"netwerkspiegel @ git+https://git.school.nl/ict/tools.git@{COMMIT}#subdirectory=netwerkspiegel"),
    ({"url": "https://intranet.school.nl/netwerkspiegel-0.2.0-py3-none-any.whl", "archive_info": {"hashes": {"sha256": "ab" * 32}}},
     SourceKind.ARCHIVE, "netwerkspiegel @ https://intranet.school.nl/netwerkspiegel-0.2.0-py3-none-any.whl#sha256=" + "ab" * 32),
    ({"url": "https://intranet.school.nl/netwerkspiegel-0.2.0.tar.gz", "archive_info": {"hash": "sha256=" + "cd" * 32}},
     SourceKind.ARCHIVE, "netwerkspiegel @ https://intranet.school.nl/netwerkspiegel-0.2.0.tar.gz#sha256=" + "cd" * 32),
])
def test_init_pins_exactly_the_source_the_program_came_from(direct_url, kind, line):
    source = source_of("0.2.0", direct_url)
    assert source.kind == kind
    assert requirement_lines(source) == [line]


@pytest.mark.parametrize("direct_url, kind, said", [
    ({"url": "file:///home/coach/netwerkspiegel", "dir_info": {"editable": True}}, SourceKind.FOLDER,
     "# een map op één computer (file:///home/coach/netwerkspiegel), misschien met eigen wijzigingen."),
    ({"url": "file:///home/coach/netwerkspiegel", "dir_info": {}}, SourceKind.FOLDER,
     "# een map op één computer (file:///home/coach/netwerkspiegel), misschien met eigen wijzigingen."),
    ({"url": "file:///tmp/netwerkspiegel-0.2.0-py3-none-any.whl", "archive_info": {}}, SourceKind.LOCAL_FILE,
     "# een bestand op één computer (file:///tmp/netwerkspiegel-0.2.0-py3-none-any.whl)."),
])
def test_a_source_on_this_computer_is_explained_not_pinned(direct_url, kind, said):
    source = source_of("0.2.0", direct_url)
    assert (source.kind, source.requirement) == (kind, None)
    text = project_files(source)["requirements.txt"]().decode("utf-8")
    assert "# LET OP: deze Netwerkspiegel 0.2.0 is geïnstalleerd uit\n" + said + "\n# Daar kan de CI niet bij." in text
    assert requirement_lines(source) == ["netwerkspiegel==0.2.0"]


@pytest.mark.parametrize("direct_url", [
    _UNREADABLE,  # direct_url.json that is not JSON
    ["not", "a", "record"],
    {"vcs_info": {"vcs": "git", "commit_id": COMMIT}},  # no url
    {"url": "https://git.school.nl/x.git\nevil-package==1.0", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
    {"url": "https://git.school.nl/x.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT + " evil"}},
    {"url": "https://git.school.nl/x.git", "subdirectory": "a b", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
    {"url": "https://intranet.school.nl/ns.whl", "archive_info": {"hashes": {"sha256": "ab\nevil"}}},
])
def test_a_record_that_cannot_be_read_or_would_add_a_line_pins_nothing(direct_url):
    """Never a guessed source, and never a second requirement smuggled in by the record."""
    source = source_of("0.2.0", direct_url)
    assert (source.kind, source.requirement) == (SourceKind.UNKNOWN, None)
    text = project_files(source)["requirements.txt"]().decode("utf-8")
    assert "# een bron die pip niet leesbaar vastlegde (direct_url.json)" in text and "evil" not in text
    assert requirement_lines(source) == ["netwerkspiegel==0.2.0"]


def test_init_says_when_it_cannot_pin_the_source(tmp_path, capsys, monkeypatch):
    import generator.cli

    monkeypatch.setattr(generator.cli, "install_source", lambda: source_of("0.2.0", {"url": "file:///opt/ns", "dir_info": {"editable": True}}))
    assert main(["init", str(tmp_path)]) == 0
    assert ("Let op: deze Netwerkspiegel komt uit file:///opt/ns; die bron kan requirements.txt niet voor een CI vastleggen. "
            "Zet in requirements.txt waar de CI hem vandaan haalt; de uitleg staat erin.\n") in capsys.readouterr().out


def _venv(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    return folder / "bin"


def _pip(bin_dir: Path, *arguments: str, cwd: Path) -> None:
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", *arguments], cwd=cwd, capture_output=True, text=True, env=_clean_env())
    assert done.returncode == 0, done.stderr[-3000:]


def _clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}


def test_installed_from_git_init_pins_the_commit_and_a_fresh_environment_gets_the_same_program(tmp_path):
    """As the README tells a coach: install from the git repository, `init`, and the CI's
    `pip install -r requirements.txt` in another fresh environment gives the same program."""
    repository = tmp_path / "netwerkspiegel.git"  # the working tree as a repository of its own, committed
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (ROOT / name).is_file():
            (repository / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repository / name)
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(git + ["init", "--quiet"], cwd=repository, check=True)
    subprocess.run(git + ["add", "-A"], cwd=repository, check=True)
    subprocess.run(git + ["commit", "--quiet", "-m", "uitgave"], cwd=repository, check=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repository, capture_output=True, text=True, check=True).stdout.strip()

    coach = _venv(tmp_path / "coach-venv")
    _pip(coach, f"git+{repository.as_uri()}", cwd=tmp_path)
    assert subprocess.run([str(coach / "netwerkspiegel"), "init", "monitoring"], cwd=tmp_path, capture_output=True, env=_clean_env()).returncode == 0
    project = tmp_path / "monitoring"
    pinned = [line for line in (project / "requirements.txt").read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert pinned == [f"netwerkspiegel @ git+{repository.as_uri()}@{commit}"]

    ci = _venv(tmp_path / "ci-venv")
    _pip(ci, "--upgrade", "pip", cwd=project)  # as CI's Python comes: pip older than 24 refuses a git+file: requirement
    _pip(ci, "-r", "requirements.txt", cwd=project)
    versions = [subprocess.run([str(b / "netwerkspiegel"), "--version"], cwd=project, capture_output=True, text=True, env=_clean_env()).stdout
                for b in (coach, ci)]
    from generator import __version__

    assert versions == [f"netwerkspiegel {__version__} (git {commit[:12]})\n"] * 2


# --- raw data never public ---

def _ci_files(tmp_path: Path) -> tuple[dict, dict]:
    assert main(["init", str(tmp_path)]) == 0
    github = yaml.safe_load((tmp_path / ".github/workflows/netwerkspiegel.yml").read_text("utf-8"))
    gitlab = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text("utf-8"))
    return github, gitlab


def test_the_github_workflow_stops_first_on_a_public_repository(tmp_path, capsys):
    github, _ = _ci_files(tmp_path)
    first = github["jobs"]["build"]["steps"][0]
    # Only a private repository passes: not a public one, nor an enterprise's internal one.
    assert first["if"] == "${{ github.event.repository.private != true || github.event.repository.visibility != 'private' }}"
    assert first["env"] == {"VISIBILITY": "${{ github.event.repository.visibility }}"}
    for visibility in ("public", "internal", ""):
        refused = subprocess.run(["bash", "-c", first["run"]], capture_output=True, text=True, env={"PATH": os.environ["PATH"], "VISIBILITY": visibility})
        assert refused.returncode == 1
        assert refused.stdout.startswith(f"::error title=Geen privé-repository::Deze repository is niet privé (zichtbaarheid: {visibility or 'onbekend'}). "
                                         "De map data/ bevat namen, e-mailadressen")
    assert github["jobs"]["deploy"]["needs"] == "build"  # nothing is published after the refusal


def _gitlab_guard(gitlab: dict, visibility: str) -> subprocess.CompletedProcess:
    script = "\n".join(gitlab["alleen-prive"]["script"])
    return subprocess.run(["sh", "-c", script], capture_output=True, text=True, env={"PATH": os.environ["PATH"], "CI_PROJECT_VISIBILITY": visibility})


def test_the_gitlab_pipeline_stops_first_on_a_project_that_is_not_private(tmp_path, capsys):
    _, gitlab = _ci_files(tmp_path)
    guard = gitlab["alleen-prive"]
    assert guard["stage"] == ".pre" and guard["before_script"] == [] and guard["cache"] == []  # first, installing nothing
    for visibility in ("public", "internal"):
        refused = _gitlab_guard(gitlab, visibility)
        assert refused.returncode == 1
        assert refused.stdout.startswith(f"Dit project is niet privé (zichtbaarheid: {visibility}). De map data/ bevat namen, e-mailadressen")
    assert _gitlab_guard(gitlab, "private").returncode == 0


def test_ci_caches_only_program_parts_and_keeps_the_internal_site_seven_days(tmp_path, capsys):
    github, gitlab = _ci_files(tmp_path)
    [cache] = [step for step in github["jobs"]["build"]["steps"] if str(step.get("uses", "")).startswith("actions/cache@")]
    assert cache["with"]["path"].split() == [f"~/.cache/netwerkspiegel/{part}" for part in PROGRAM_NAMESPACES]
    assert gitlab["cache"]["paths"] == [".cache/pip/"] + [f".cache/netwerkspiegel/{part}" for part in PROGRAM_NAMESPACES]
    [internal] = [step for step in github["jobs"]["build"]["steps"] if step.get("name", "").startswith("Interne site als download")]
    assert internal["with"]["retention-days"] == 7
    assert gitlab["interne-site"]["artifacts"]["expire_in"] == "7 days"
    assert "build/interne-site" not in str(github["jobs"]["build"]["steps"][-1]) and gitlab["pages"]["artifacts"]["paths"] == ["public"]


def test_the_program_caches_hold_nothing_read_from_the_exports(tmp_path):
    """After both builds, every part of the cache is named a program part or a data part, and the
    program parts (what CI keeps) hold no name, reflection or score text of the exports."""
    data = tmp_path / "data"
    data.mkdir()
    # Made-up names: Deduce's own name lists (a program part) hold every real one.
    people = ["Zorbulaxi Qwendrifft", "Kremplovia Fnurkstra", "Wubbeltrix Gnoffel", "Plistrona Vrekkeldop", "Snurfiko Xandelwip"]
    write(data, "scores.csv", SCORE_HEADER + "".join(f"Netwerk Oost,2025-voorjaar,{p},1a,{6 + i % 3},\n" for i, p in enumerate(people)))
    write(data, "reflecties.csv", REFLECTION_HEADER + f"Netwerk Oost,2025-voorjaar,{people[0]},1,Zeldzaamwoordje in een verhaal,ja\n")
    build(data, tmp_path / "md", tmp_path / "site", Audience.INTERNAL)
    build(data, tmp_path / "pmd", tmp_path / "publiek", Audience.PUBLIC)
    root = default_folder()
    entries = sorted(entry.name for entry in root.iterdir())
    unnamed = [name for name in entries if name not in PROGRAM_NAMESPACES + DATA_NAMESPACES]
    assert unnamed == [], "a cache part that is neither a program part nor a data part"
    secrets = [word.encode() for person in people for word in person.split()] + [b"Zeldzaamwoordje", b"Netwerk Oost"]
    for entry in entries:
        if entry in PROGRAM_NAMESPACES:
            for path in [root / entry] if (root / entry).is_file() else (root / entry).rglob("*"):
                if path.is_file():
                    content = path.read_bytes()
                    assert not [s for s in secrets if s in content], path


def test_check_says_once_which_files_hold_personal_data(data_dir, capsys):
    write(data_dir, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data_dir, "reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,1,Fijn gesprek,ja\n")
    write(data_dir, "gedeeld-beeld.csv", "netwerk,meetmoment,indicator,gedeeld beeld\nNet,2025-voorjaar,1a,6\n")
    assert main(["check", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.count("Persoonsgegevens:") == 1
    assert (
        "\nPersoonsgegevens: deze bestanden bevatten gegevens van deelnemers. Op een site komen die nooit zo terecht, maar de "
        "bestanden zelf horen alleen in een privé-repository of op je eigen computer, nooit in een openbare repository: wie de "
        "repository kan lezen, kan ze lezen.\n"
        "- reflecties.csv: namen, e-mailadressen of codes van deelnemers; wat deelnemers schreven\n"
        "- scores.csv: namen, e-mailadressen of codes van deelnemers\n"
    ) in out and out.split("\nLet op (", 1)[0].endswith("- scores.csv: namen, e-mailadressen of codes van deelnemers\n")  # the warnings follow


# --- never silent ---

def wait_until(condition, seconds: float = 30.0) -> None:
    """Wait for a state (not for a fixed time): fails when it is not reached within `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the state was not reached"
        time.sleep(0.01)


def test_without_a_terminal_a_long_step_writes_a_line_at_least_every_interval():
    stream = io.StringIO()
    progress = Progress(stream, interactive=False, quiet_seconds=0.2, log_seconds=0.3)
    with progress.step("Pagina's en grafieken maken"):
        pass  # a quick step says nothing
    with progress.step("MkDocs bouwt de HTML", total=40, unit="pagina's") as step:
        for _ in range(10):
            step.advance()
        wait_until(lambda: len(stream.getvalue().splitlines()) >= 3)  # the first line, then one per interval
    lines = stream.getvalue().splitlines()
    assert lines[0] == "MkDocs bouwt de HTML: 10 van 40 pagina's (25 %), 0 s"
    assert all(line.startswith("MkDocs bouwt de HTML: 10 van 40 pagina's (25 %), ") for line in lines)


def test_in_a_terminal_a_long_step_shows_a_bar():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(stream, quiet_seconds=0.1)
    with progress.step("Exports lezen en controleren", total=4, unit="bestanden") as step:
        step.advance(2)
        wait_until(lambda: "2/4" in stream.getvalue())  # the bar appeared and showed the count
    shown = stream.getvalue()
    assert "\r" in shown and "Exports lezen en controleren:  50%" in shown and "2/4" in shown


def test_check_and_build_without_a_terminal_say_what_they_are_doing(tmp_path, capsys, monkeypatch):
    """The command line's steps report on stderr, never on stdout; shown here from the first second."""
    import generator.core.progress

    monkeypatch.setattr(generator.core.progress, "QUIET_SECONDS", 0.0)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no texts kept from other tests: each is looked at
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(data, "reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,1,Fijn gesprek met Piet,ja\n")
    assert main(["check", "--data", str(data), "--audience", "publiek"]) == 0
    checked = capsys.readouterr()
    lines = checked.err.splitlines()
    assert lines[0] == "Exports lezen en controleren: 0 s"
    # Its first line as it begins.
    assert "Deduce voorbereiden (de lijsten met namen laden): 0 s" in lines
    # what it counts: texts Deduce has read (not texts it changed, which check lists)
    assert "Deduce zoekt namen van wie geen deelnemer is in de publieke teksten: 0 van 1 teksten nagekeken (0 %), 0 s" in lines  # the story (what the coach configured is not looked at: issue 38), checked.err
    assert "Fijn gesprek met [naam]" in checked.out and "Deduce zoekt" not in checked.out
    assert main(["build", "--data", str(data), "--src", str(tmp_path / "md"), "--out", str(tmp_path / "site"), "--taal", "en"]) == 0
    assert capsys.readouterr().err.splitlines()[:3] == [
        "Reading and checking the exports: 0 s", "Making the pages and charts: 0 s", "MkDocs builds the HTML: 0 s"]


# --- a release ---

def test_a_release_takes_its_text_from_the_changelog_and_needs_one():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import release_notes
    finally:
        sys.path.remove(str(ROOT / "tools"))
    changelog = "# Wijzigingen\n\n## Nog niet uitgebracht\n- iets\n\n## 0.3.0\n\n### Vertrouwen\n- veilig\n\n## 0.2.0\n- ouder\n"
    assert release_notes.entry(changelog, "0.3.0") == "### Vertrouwen\n- veilig"
    assert release_notes.entry(changelog, "0.2.0") == "- ouder"
    assert release_notes.entry(changelog, "0.4.0") is None
    from generator import __version__

    assert release_notes.entry((ROOT / "CHANGELOG.md").read_text("utf-8"), __version__), "the version being made has no CHANGELOG entry"
