"""A reader that goes away (`netwerkspiegel check | head -1`) ends nothing badly: every command runs
to its end, what it would still print is dropped, no traceback, exit code the work's own (0)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.folders import MARKER
from tests.conftest import ROOT

GOLDEN_DATA = ROOT / "tests" / "golden" / "data"


def run_into_closed_pipe(args: list[str], tmp_path: Path, stderr_too: bool) -> tuple[int, str]:
    """Run the command with a stdout whose reader has already gone (and, with `stderr_too`, stderr
    into the same closed pipe, as `2>&1 | head -1`); returns the exit code and what stderr said
    otherwise."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as error_file:
        process = subprocess.Popen([sys.executable, "-m", "generator", *args], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT if stderr_too else error_file, env=environment, cwd=tmp_path)
        assert process.stdout is not None
        process.stdout.close()  # the reader leaves before a word is written
        code = process.wait(timeout=600)
    return code, errors.read_text("utf-8", "replace")


COMMANDS = {
    "check": ["check", "--data", str(GOLDEN_DATA)],
    "check-publiek": ["check", "--data", str(GOLDEN_DATA), "--audience", "publiek"],
    "cache": ["cache"],
    "help": ["--help"],
    "build-help": ["build", "--help"],
    "version": ["--version"],
    "init": ["init", "nieuw-project"],
}


@pytest.mark.parametrize("stderr_too", [False, True], ids=["stdout", "stdout-and-stderr"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_closed_pipe_ends_every_command_quietly(tmp_path, command, stderr_too):
    code, errors = run_into_closed_pipe(COMMANDS[command], tmp_path, stderr_too)
    assert code == 0, errors
    assert "Traceback" not in errors and "BrokenPipe" not in errors and "Exception ignored" not in errors


def test_a_wrong_option_into_a_closed_pipe_keeps_its_exit_code(tmp_path):
    code, errors = run_into_closed_pipe(["build", "--geen-optie"], tmp_path, stderr_too=False)
    assert code == 2 and "onbekende opties: --geen-optie" in errors and "Traceback" not in errors


@pytest.mark.parametrize("stderr_too, pdf", [(False, False), (True, False), (True, True)], ids=["stdout", "stdout-and-stderr", "with-pdf"])
def test_a_build_into_a_closed_pipe_still_finishes(tmp_path, stderr_too, pdf):
    """The site is built and swapped in whole, nothing staged is left beside it, and a zip is written."""
    args = ["build", "--data", str(GOLDEN_DATA), "--src", "md", "--out", "html", "--zip", "site.zip"] + ([] if pdf else ["--no-pdf"])
    code, errors = run_into_closed_pipe(args, tmp_path, stderr_too)
    assert code == 0, errors
    assert "Traceback" not in errors and "Exception ignored" not in errors
    assert (tmp_path / "html" / "index.html").is_file() and (tmp_path / "html" / MARKER).is_file()
    assert (tmp_path / "md" / "index.md").is_file() and (tmp_path / "site.zip").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no staging, no lock
    assert (tmp_path / "html" / "rapporten").is_dir() == pdf


def test_a_reader_that_takes_one_line_and_leaves(tmp_path):
    """As a coach types it: `netwerkspiegel check --audience publiek 2>&1 | head -1`, on the sample
    data (a long answer: every public text), and `netwerkspiegel --help | head -1`."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for args, first in ((["check", "--data", str(ROOT / "data"), "--audience", "publiek"], b"De gegevens zijn in orde"),
                        (["--help"], b"gebruik: netwerkspiegel")):
        command = subprocess.Popen([sys.executable, "-m", "generator", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment)
        head = subprocess.Popen(["head", "-1"], stdin=command.stdout, stdout=subprocess.PIPE)
        assert command.stdout is not None
        command.stdout.close()  # only `head` reads it
        line, _ = head.communicate(timeout=600)
        assert command.wait(timeout=600) == 0
        assert line.startswith(first) and line.count(b"\n") == 1


@pytest.mark.parametrize("closed", [">&-", "2>&-", ">&- 2>&-"])
def test_a_stream_closed_before_the_command_starts(tmp_path, closed):
    """`netwerkspiegel cache >&-`: Python then has no stdout at all; the command still ends quietly,
    and what it says on the stream that is left is all there."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    completed = subprocess.run(["sh", "-c", f'exec "$0" -m generator cache {closed}', sys.executable], capture_output=True, text=True,
                               env=environment, timeout=600)
    assert completed.returncode == 0
    assert "Traceback" not in completed.stderr + completed.stdout
    said = completed.stdout + completed.stderr
    assert ("De cache van Netwerkspiegel staat in" in said) == (closed == "2>&-")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["check", "cache"])
def test_a_full_disk_under_the_output_is_said_in_one_line_and_exits_1(tmp_path, command):
    """`netwerkspiegel cache > /dev/full`: no traceback; one Dutch line on stderr (when stderr can
    still be written), exit 1."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    errors = tmp_path / "stderr.txt"
    with open("/dev/full", "wb") as full, errors.open("wb") as error_file:
        completed = subprocess.run([sys.executable, "-m", "generator", *COMMANDS[command]], stdout=full,
                                   stderr=error_file, env=environment, cwd=tmp_path, timeout=600, check=False)
    said = errors.read_text("utf-8")
    assert completed.returncode == 1
    assert "Traceback" not in said
    assert said.endswith("Netwerkspiegel kon niet alles schrijven naar stdout: de schijf is vol.\n")
