"""`netwerkspiegel serve` as a coach runs it: a real server on 127.0.0.1 in its own process. It answers
any request without a traceback, and follows a data folder that is moved away, brought back or
replaced. Every wait is bounded (the server is stopped whatever happens)."""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import free_port
from tests.conftest import ROOT, SCORE_HEADER, write

WAIT_SECONDS = 240  # the most any one step may take before the test fails (a build with its PDFs)


class Served:
    def __init__(self, process: subprocess.Popen, errors: Path, port: int) -> None:
        self.process, self.errors, self.port = process, errors, port

    def said(self) -> str:
        return self.errors.read_text("utf-8", "replace")

    def wait_for(self, text: str, count: int = 1) -> str:
        """Until stderr holds `text` `count` times (bounded); returns stderr."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            said = self.said()
            if said.count(text) >= count:
                return said
            assert self.process.poll() is None, said
            time.sleep(0.1)
        pytest.fail(f"{text!r} ({count}×) not said in time:\n{self.said()}")

    def request(self, method: str, path: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def raw(self, line: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=60) as connection:
            connection.sendall(line)
            received = b""
            with contextlib.suppress(ConnectionResetError):  # the server closes with the rest of a long line unread
                while chunk := connection.recv(65536):
                    received += chunk
            return received


@contextlib.contextmanager
def serving(root: Path) -> Iterator[Served]:
    port = free_port()
    errors = root / "stderr.txt"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(root / "cache")}
    with errors.open("wb") as error_file:
        process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--data", "data", "--src", "md", "--out", "site", "--port", str(port)],
                                   cwd=root, stdout=subprocess.DEVNULL, stderr=error_file, env=environment)
        served = Served(process, errors, port)
        try:
            served.wait_for("De site staat op")
            yield served
        finally:
            process.terminate()  # (not SIGINT: a shell that starts the tests in the background has it ignored)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def project_data(folder: Path, title: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write(folder, "netwerkspiegel.toml", f'[site]\ntitel = "{title}"\n')
    write(folder, "scores.csv", SCORE_HEADER + "".join(f"Net,2025-voorjaar,{name},1a,{score},\n" for name, score in (("Anna", 6), ("Bert", 7), ("Cor", 5))))


def served_title(served: Served, title: str) -> None:
    """Until the served home page carries `title` (bounded)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            status, body = served.request("GET", "/")
        except OSError:  # a busy machine: the server may be between two connections; asked again
            assert served.process.poll() is None, served.said()
            status, body = 0, b""
        if status == 200 and title.encode() in body:
            return
        time.sleep(0.2)
    pytest.fail(f"the site never showed {title!r}:\n{served.said()}")


def test_serve_answers_any_request_without_a_traceback(tmp_path):
    project_data(tmp_path / "data", "Eerste titel")
    with serving(tmp_path) as served:
        assert served.request("GET", "/")[0] == 200
        status, body = served.request("HEAD", "/")
        assert status == 200 and body == b""
        for path, expected in (
            ("/%00", 400), ("/index.html%00.png", 400), ("/%0a", 400), ("/%ff%fe", 400), ("/%c3", 400),
            ("/..%2f..%2f..%2fetc%2fpasswd", 404), ("/../../../etc/passwd", 404), ("/%2e%2e/%2e%2e/etc/passwd", 404),
            ("/" + "a" * 300, 404), ("/" + "a/" * 3000, 414), ("/" + "%e2%82%ac" * 1000, 404), ("/netwerken/bestaat-niet/", 404),
            ("/livereload/abc/def", 404),
        ):
            assert served.request("GET", path)[0] == expected, path
        assert served.request("HEAD", "/bestaat-niet/") == (404, b"")
        assert served.request("HEAD", "/%00") == (400, b"")
        for method in ("POST", "PUT", "DELETE", "BREW", "OPTIONS"):
            assert served.request(method, "/")[0] == 405, method
        # (A request line Python cannot read is answered as HTTP/0.9: the error page alone.)
        assert b"Error code: 400" in served.raw(b"\x00\x01 nonsens\r\n\r\n")
        assert b"Error code: 414" in served.raw(b"GET /" + b"x" * 70000 + b" HTTP/1.1\r\n\r\n")
        with socket.create_connection(("127.0.0.1", served.port), timeout=60) as gone:
            gone.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and leaves halfway
        assert served.request("GET", "/")[0] == 200  # still answering
    said = served.said()
    assert "Traceback" not in said and "Error" not in said, said
    assert "code 414" in said and max(map(len, said.splitlines())) < 400  # a 6,000-character path is not echoed whole


def test_serve_follows_a_data_folder_that_is_moved_away_and_replaced(tmp_path):
    project_data(tmp_path / "data", "Eerste titel")
    with serving(tmp_path) as served:
        served_title(served, "Eerste titel")
        # Moved away: said, the site stays.
        os.rename(tmp_path / "data", tmp_path / "data.old")
        served.wait_for("De datamap '%s' is er niet meer" % (tmp_path / "data"))
        assert served.request("GET", "/")[0] == 200
        # Back as a copy with a change (mv data data.old && cp -r data.old data): rebuilt.
        shutil.copytree(tmp_path / "data.old", tmp_path / "data")
        write(tmp_path / "data", "netwerkspiegel.toml", '[site]\ntitel = "Tweede titel"\n')
        served.wait_for("De datamap '%s' is er weer" % (tmp_path / "data"))
        served_title(served, "Tweede titel")
        # And changes to the new folder keep being followed.
        write(tmp_path / "data", "netwerkspiegel.toml", '[site]\ntitel = "Derde titel"\n')
        served_title(served, "Derde titel")
        # Replaced at once, as a git checkout does (no moment without a folder): followed too.
        project_data(tmp_path / "data.nieuw", "Vierde titel")
        os.rename(tmp_path / "data", tmp_path / "data.weg")
        os.rename(tmp_path / "data.nieuw", tmp_path / "data")
        served_title(served, "Vierde titel")
        write(tmp_path / "data", "netwerkspiegel.toml", '[site]\ntitel = "Vijfde titel"\n')
        served_title(served, "Vijfde titel")
    assert "Traceback" not in served.said()
