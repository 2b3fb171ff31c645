"""Never lose a file: Netwerkspiegel only replaces folders it wrote itself, swaps them in atomically,
survives being killed, runs one build per folder at a time, and says so in Dutch."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.folders import MARKER, locked
from tests.conftest import ROOT, SCORE_HEADER, write

GOLDEN_DATA = ROOT / "tests" / "golden" / "data"


def tree(folder: Path) -> dict[str, str]:
    """Every file below `folder` (hidden ones too) with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A coach's project folder: data, their own notes, a hidden file, a git repository."""
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    write(tmp_path, "notities.md", "mijn aantekeningen")
    write(tmp_path, ".verborgen", "geheim")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "HEAD", "ref: refs/heads/main\n")
    return tmp_path


def run(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("src, out, message", [
    ("data", "site", "De map voor de gegevens (--data) en de map voor de Markdown (--src) zijn dezelfde"),
    ("site_src", "data", "De map voor de gegevens (--data) en de map voor de HTML (--out) zijn dezelfde"),
    ("data/md", "site", "De map voor de Markdown (--src) ('{root}/data/md') ligt binnen de map voor de gegevens (--data) ('{root}/data')."),
    ("site_src", "data/html", "De map voor de HTML (--out) ('{root}/data/html') ligt binnen de map voor de gegevens (--data) ('{root}/data')."),
    ("site_src", ".", "De map voor de gegevens (--data) ('{root}/data') ligt binnen de map voor de HTML (--out) ('{root}')."),
    ("site_src", "site_src/html", "De map voor de HTML (--out) ('{root}/site_src/html') ligt binnen de map voor de Markdown (--src)"),
    (".", "site", "ligt binnen de map voor de Markdown (--src) ('{root}')"),
])
def test_folders_that_contain_each_other_are_refused_and_nothing_is_touched(project, capsys, src, out, message):
    before = tree(project)
    code = main(["build", "--data", str(project / "data"), "--src", str(project / src), "--out", str(project / out)])
    err = capsys.readouterr().err
    assert code == 2
    assert message.format(root=project) in err
    assert "Traceback" not in err
    assert tree(project) == before


def test_an_existing_folder_that_netwerkspiegel_did_not_write_is_refused(project, capsys):
    own = project / "verslagen"
    own.mkdir()
    write(own, "rapport.docx", "mijn rapport")
    write(own, ".instellingen", "verborgen")
    before = tree(project)
    assert main(["build", "--data", str(project / "data"), "--src", str(own), "--out", str(project / "site")]) == 2
    assert capsys.readouterr().err == (
        f"De map voor de Markdown (--src) ('{own}') bestaat al en is niet door Netwerkspiegel gemaakt (er staan bijvoorbeeld "
        "'.instellingen', 'rapport.docx' in). Netwerkspiegel vervangt alleen mappen die het zelf schreef. Kies een nieuwe of lege "
        "map, of verplaats wat erin staat.\n"
    )
    assert tree(project) == before


def test_a_project_folder_holding_git_is_never_cleaned(project, capsys):
    data = project.parent / (project.name + "-data")
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    (project / MARKER).write_text("netwerkspiegel-map 1\n.git/HEAD\nnotities.md\n.verborgen\ndata/scores.csv\n", "utf-8")
    before = tree(project)
    elsewhere = project.parent / (project.name + "-md")
    assert main(["build", "--data", str(data), "--src", str(elsewhere), "--out", str(project)]) == 2
    assert "bevat '.git': dat is een git-repository. Netwerkspiegel maakt zo'n map nooit leeg" in capsys.readouterr().err
    assert tree(project) == before and not elsewhere.exists()


def test_the_current_folder_as_output_is_refused(project):
    before = tree(project)
    completed = run(["build", "--out", "."], cwd=project)
    assert completed.returncode == 2, completed.stderr
    assert "ligt binnen de map voor de HTML (--out)" in completed.stderr and "Traceback" not in completed.stderr
    assert tree(project) == before


def test_an_existing_file_as_output_is_refused_and_kept(project, capsys):
    write(project, "site", "een bestand met de naam site")
    before = tree(project)
    assert main(["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", str(project / "site")]) == 2
    assert f"De map voor de HTML (--out) ('{project / 'site'}') is een bestand, geen map." in capsys.readouterr().err
    assert tree(project) == before
    assert not list(project.glob(".site*"))


def test_a_file_as_src_is_refused(project, capsys):
    write(project, "md", "tekst")
    assert main(["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", str(project / "site")]) == 2
    assert "De map voor de Markdown (--src)" in capsys.readouterr().err


def test_an_output_folder_that_cannot_be_written_is_a_clear_message(project, capsys):
    write(project, "bestand", "tekst")
    code = main(["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", str(project / "bestand" / "site")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"De map voor de HTML (--out) ('{project}/bestand/site') kan niet worden gemaakt: '{project}/bestand' is een bestand, geen map.\n"
    # A folder the system refuses to write (here /proc) is a clear message too.
    code = main(["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", "/proc/netwerkspiegel-site"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Netwerkspiegel kon niet schrijven: /proc/") and "Traceback" not in err and "Errno" not in err


def test_a_file_added_to_a_built_folder_is_never_thrown_away(project, capsys):
    src, out = project / "md", project / "site"
    args = ["build", "--data", str(project / "data"), "--src", str(src), "--out", str(out)]
    assert main(args) == 0
    assert (out / MARKER).is_file() and (src / MARKER).is_file()
    write(out, "eigen.html", "van mij")
    assert main(args) == 2
    assert "bevat bestanden die Netwerkspiegel niet schreef: 'eigen.html'" in capsys.readouterr().err
    assert (out / "eigen.html").read_text() == "van mij"
    (out / "eigen.html").unlink()
    assert main(args) == 0


def test_a_placeholder_gitkeep_is_kept(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data, "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n")
    src, out = tmp_path / "site_src", tmp_path / "site"
    for folder in (src, out):
        folder.mkdir()
        write(folder, ".gitkeep", "")
    for _ in range(2):
        assert main(["build", "--data", str(data), "--src", str(src), "--out", str(out)]) == 0
        assert (src / ".gitkeep").is_file() and (src / "index.md").is_file()
        assert (out / ".gitkeep").is_file() and (out / "index.html").is_file()


def test_a_second_build_on_the_same_folder_is_told_it_is_busy(project, capsys):
    out = project / "site"
    with locked([out.resolve()]):
        code = main(["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", str(out)])
    assert code == 1
    assert capsys.readouterr().err == (
        f"De map '{out}' wordt op dit moment al gebouwd door een andere Netwerkspiegel. Wacht tot die klaar is en probeer het dan opnieuw.\n"
    )
    assert not out.exists()


def _start_build(folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--data", str(GOLDEN_DATA), "--src", "md", "--out", "html"],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal,
    )


def _ctrl_c_as_in_a_terminal() -> None:
    """Ctrl+C as a terminal delivers it. A command started in the background by a shell without job
    control (as some CI runners start the tests) inherits SIGINT ignored, and Python then keeps it so."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_a_build_killed_at_any_moment_leaves_the_previous_site_whole(tmp_path):
    """SIGKILL at each state of a whole build: afterwards `md/` and `html/` are each either
    the previous build or a complete new one, never a mix, and the next build clears the leftovers."""
    first = _start_build(tmp_path)
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    previous = {name: tree(tmp_path / name) for name in ("md", "html")}
    assert previous["html"]
    # Change the data so a complete new build differs from the previous one.
    data = tmp_path / "data"
    data.mkdir()
    for path in GOLDEN_DATA.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    with (data / "scores.csv").open("a", encoding="utf-8") as handle:
        handle.write("Wereldoriëntatie,2025-najaar,Nieuw,1a,3,huidig,leraar\n")
    kinds = set()
    staged_html = len(previous["html"]) // 2

    def staged(prefix: str, at_least: int = 0):
        def reached(process: subprocess.Popen, before: set[str]) -> bool:
            folders = [p for p in tmp_path.iterdir() if p.name.startswith(prefix) and p.name not in before]  # not a killed build's
            return any(at_least == 0 or sum(1 for _ in folder.rglob("*")) >= at_least for folder in folders)
        return reached

    def holds_lock(process: subprocess.Popen, before: set[str]) -> bool:
        """The build has its lock file open (it reads the data now): Linux shows it under /proc."""
        try:
            return any(os.readlink(f"/proc/{process.pid}/fd/{fd}").endswith(".md.netwerkspiegel-lock") for fd in os.listdir(f"/proc/{process.pid}/fd"))
        except OSError:
            return False

    # Killed at each state the build passes through, waited for (not after fixed delays): reading
    # (its locks held), the Markdown staged, MkDocs begun, MkDocs half way, the swap; and once not at all.
    states = [
        holds_lock,
        staged(".md.netwerkspiegel-tmp-"),
        staged(".html.netwerkspiegel-tmp-"),
        staged(".html.netwerkspiegel-tmp-", staged_html),
        staged(".html.netwerkspiegel-old-"),
        None,
    ]
    reached: list[int] = []
    for state in states:
        before = {p.name for p in tmp_path.iterdir()}
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--data", "data", "--src", "md", "--out", "html"],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)},
            start_new_session=True,
        )
        if state is not None:
            if _reached(lambda: state(process, before), process):  # noqa: B023 (used at once)
                reached.append(states.index(state))
            with contextlib.suppress(ProcessLookupError):  # it may have ended meanwhile
                os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for name in ("md", "html"):
            now = tree(tmp_path / name)
            if now == previous[name]:
                kinds.add("vorige")
            else:
                assert (tmp_path / name / MARKER).is_file(), f"{name} is half written after a kill at state {states.index(state)}"
                listed = set((tmp_path / name / MARKER).read_text("utf-8").splitlines()[1:])
                assert listed == set(now) - {MARKER}, f"{name} is not one complete build after a kill at state {states.index(state)}"
                kinds.add("nieuw")
                previous[name] = now
    assert "vorige" in kinds
    assert reached[:3] == [0, 1, 2], reached  # reading, staging and MkDocs are long enough to be caught
    completed = run(["build", "--data", "data", "--src", "md", "--out", "html"], cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert not [p.name for p in tmp_path.iterdir() if "netwerkspiegel-tmp" in p.name or "netwerkspiegel-old" in p.name]


def _reached(state, process: subprocess.Popen) -> bool:
    """Wait until `state()` holds or the build has ended (a fast build may pass a state unseen)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if state():
            return True
        time.sleep(0.002)
    return False


def _appears(folder: Path, part: str, process: subprocess.Popen) -> bool:
    """Wait until the build has made a file or folder whose name holds `part`, or has ended."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if any(part in p.name for p in folder.iterdir()):
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("moment", ["netwerkspiegel-lock", "netwerkspiegel-tmp"])
def test_ctrl_c_stops_with_a_short_dutch_message_and_exit_130(tmp_path, moment):
    """Ctrl+C at a moment the build is sure to be at, not after a fixed delay (a fast machine
    finishes first, a busy one has not started yet): once it holds its locks (reading the data),
    and once it has made its staging folder (writing and building)."""
    process = _start_build(tmp_path)
    assert _appears(tmp_path, moment, process), f"the build ended without making '{moment}'"
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.strip().endswith("Afgebroken (Ctrl+C). De vorige site is niet veranderd.")
    assert "Traceback" not in err
    assert not [p.name for p in tmp_path.iterdir() if "netwerkspiegel" in p.name]  # no staging folder, no lock
    assert not (tmp_path / "html").exists()  # a first build stopped: no half site


# --- --zip: checked with the folders, before anything is read or built ---

@pytest.mark.parametrize("zip_path, message", [
    ("data/site.zip", "Het zip-bestand ('{root}/data/site.zip') ligt in de map voor de gegevens (--data) ('{root}/data')."),
    ("md/site.zip", "Het zip-bestand ('{root}/md/site.zip') ligt in de map voor de Markdown (--src) ('{root}/md')."),
    ("site/deel/site.zip", "Het zip-bestand ('{root}/site/deel/site.zip') ligt in de map voor de HTML (--out) ('{root}/site')."),
    ("data", "'{root}/data' is een map, geen bestand. Geef met --zip de naam van het zip-bestand, zoals '{root}/data/site.zip'."),
    (".", "'{root}' is een map, geen bestand. Geef met --zip de naam van het zip-bestand, zoals '{root}/site.zip'."),  # the folder holding the others
    ("", "optie --zip: geen naam; geef de naam van het zip-bestand, zoals 'site.zip'"),
    ("koppeling.zip", "Het zip-bestand ('{root}/data/echt.zip') ligt in de map voor de gegevens (--data)"),  # a link into the data
    ("geenmap/site.zip", "De map voor het zip-bestand ('{root}/geenmap') bestaat niet. Maak hem eerst, of kies een bestaande map."),
    ("notities.md/site.zip", "Het zip-bestand ('{root}/notities.md/site.zip') kan niet worden geschreven: '{root}/notities.md' is een bestand, geen map."),
    ("verslagen", "'{root}/verslagen' is een map, geen bestand. Geef met --zip de naam van het zip-bestand, zoals '{root}/verslagen/site.zip'."),
    ("notities.md", "'{root}/notities.md' bestaat al en is geen zip-bestand van Netwerkspiegel. Netwerkspiegel vervangt het niet; kies een andere naam."),
    ("leeg.zip", "'{root}/leeg.zip' bestaat al en is geen zip-bestand van Netwerkspiegel."),
    ("vreemd.zip", "'{root}/vreemd.zip' bestaat al en is geen zip-bestand van Netwerkspiegel."),
])
def test_a_zip_that_cannot_be_written_where_asked_is_refused_before_anything_is_built(project, capsys, zip_path, message):
    """Inside the data, source or output folder (the next build would lock itself out), in a folder
    that is missing or a file, a folder itself, or an existing file that is not our zip: exit 2, a
    Dutch message, nothing written. The site is built in the same folders (site/ already there)."""
    import zipfile

    (project / "verslagen").mkdir()
    (project / "koppeling.zip").symlink_to(project / "data" / "echt.zip")
    write(project, "leeg.zip", "")
    with zipfile.ZipFile(project / "vreemd.zip", "w") as foreign:  # a zip, but not one Netwerkspiegel wrote
        foreign.writestr("a.txt", "van iemand anders")
    args = ["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", str(project / "site")]
    assert main(args) == 0
    capsys.readouterr()
    before = tree(project)
    if zip_path:
        assert main(args + ["--zip", str(project / zip_path)]) == 2
    else:
        with pytest.raises(SystemExit) as stop:
            main(args + ["--zip", ""])
        assert stop.value.code == 2
    err = capsys.readouterr().err
    assert message.format(root=project) in err and "Traceback" not in err and "netwerkspiegel-tmp" not in err
    assert tree(project) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".netwerk") or ".zip." in p.name) == []


def test_a_zip_replaces_only_its_own_archive_atomically(project, capsys):
    """The zip is written beside its path under a hidden name and renamed into place: a second build
    replaces the archive it wrote, leaving nothing hidden behind; a leftover of a killed build is removed."""
    import zipfile

    args = ["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", str(project / "site"), "--no-pdf",
            "--zip", str(project / "deel.zip")]
    assert main(args) == 0
    with zipfile.ZipFile(project / "deel.zip") as archive:
        assert "deel/index.html" in archive.namelist()
    write(project, f".deel.zip.netwerkspiegel-tmp-{os.getpid() + 1}", "half geschreven")
    first = (project / "deel.zip").read_bytes()
    write(project / "data", "scores.csv", SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,8,\n")
    assert main(args) == 0
    assert (project / "deel.zip").read_bytes() != first
    assert [p.name for p in project.iterdir() if "netwerkspiegel-tmp" in p.name] == []


def test_a_zip_that_fails_while_written_names_the_zip_not_a_hidden_file(project, capsys, monkeypatch):
    import zipfile

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device", str(project / ".deel.zip.netwerkspiegel-tmp-1"))

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full_disk)
    args = ["build", "--data", str(project / "data"), "--src", str(project / "md"), "--out", str(project / "site"), "--no-pdf",
            "--zip", str(project / "deel.zip")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"Het zip-bestand '{project}/deel.zip' kon niet worden geschreven: " in err and "netwerkspiegel-tmp" not in err
    assert not (project / "deel.zip").exists() and [p.name for p in project.iterdir() if "netwerkspiegel-tmp" in p.name] == []
