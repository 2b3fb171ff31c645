"""`netwerkspiegel serve`: build, serve on 127.0.0.1, rebuild when data or templates change.

Uses MkDocs' own live-reload server on the built HTML. It watches the data folder and the
templates, never the generated docs folder, so a rebuild cannot trigger itself.

Two things are added to MkDocs' server here:
- Any request is answered without a traceback: only GET and HEAD (else 405); a path that is not
  UTF-8, holds a control character (`/%00`) or is absurdly long is refused (400, 414); what is not
  there is 404; HEAD gets the headers without the body.
- The data folder is followed by its path, not by what was there when `serve` started: moved away
  (`mv data data.old`), `serve` says so and keeps the site; back again or replaced (`cp -r`, a git
  checkout) it is watched anew and the site rebuilt. MkDocs' watcher stops for good once the folder
  it watches is gone, so a follower (`_follow`) checks the path every half second.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer
from mkdocs.livereload import _Handler as _MkDocsHandler

from generator.core.errors import NetwerkspiegelError, UsageError
from generator.core.language import DUTCH, Language, Message, Translations
from generator.core.progress import Progress
from generator.core.resources import MKDOCS_CONFIG, TEMPLATES_DIR
from generator.core.store import Store
from generator.core.vocabulary import Audience
from generator.pipeline import build, template_overrides

FOLLOW_SECONDS = 0.5  # how often a watched folder's path is looked at (MkDocs polls as often)
LONGEST_PATH = 4096  # characters of a request's path; longer is refused (414)

StartResponse = Callable[..., Any]


def _answer(start_response: StartResponse, status: str, headers: list[tuple[str, str]] | None = None, exc_info: Any = None) -> list[bytes]:
    body = status.encode("ascii")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body))), *(headers or [])], exc_info)
    return [body]


def _refusal(environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]]] | None:
    """Why a request is not served at all (its status and headers), or None."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return "405 Method Not Allowed", [("Allow", "GET, HEAD")]
    path = environ.get("PATH_INFO", "")
    if len(path) > LONGEST_PATH:
        return "414 URI Too Long", []
    try:
        text = path.encode("latin-1").decode("utf-8")  # WSGI gives the bytes as latin-1
    except UnicodeError:
        return "400 Bad Request", []
    if any(ord(character) < 32 or ord(character) == 127 for character in text):
        return "400 Bad Request", []
    return None


LOGGED_REQUEST = 200  # characters of a request line in the log; the rest is left out (…)


class _ShortLogHandler(_MkDocsHandler):
    """MkDocs' request handler, whose log line names a request by at most `LOGGED_REQUEST`
    characters: a 10,000-character path (refused with 414) does not fill the terminal."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        line = self.requestline
        shown = line if len(line) <= LOGGED_REQUEST else f"{line[:LOGGED_REQUEST]}… ({len(line)} tekens)"
        logging.getLogger("mkdocs.livereload").log(logging.DEBUG if str(code) == "200" else logging.WARNING, f'"{shown}" code {code}')


class SiteServer(LiveReloadServer):
    """MkDocs' live-reload server that answers every request without a traceback, and that can be
    asked to rebuild (when a watched folder came back)."""

    def __init__(self, *args: Any, texts: Translations = DUTCH, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.RequestHandlerClass = _ShortLogHandler
        self.texts = texts

    def serve_request(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        result = self._answer_request(environ, start_response)
        if environ.get("REQUEST_METHOD") == "HEAD":  # the headers (with the length the body would have), no body
            close = getattr(result, "close", None)
            if close is not None:
                close()
            return []
        return result

    def _answer_request(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        refused = _refusal(environ)
        if refused is not None:
            return _answer(start_response, *refused)
        try:
            result = self._serve_request(environ, start_response)
        except Exception as error:
            print(self.texts.gettext("De server kon '%(path)s' niet geven: %(error)s") % {"path": environ.get("PATH_INFO", ""), "error": error},
                  file=sys.stderr)
            return _answer(start_response, "500 Internal Server Error", exc_info=sys.exc_info())
        return _answer(start_response, "404 Not Found") if result is None else result

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A reader that went away mid-answer is no error; anything else one line, no traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        print(self.texts.gettext("De server kon een verzoek niet beantwoorden: %(error)s") % {"error": error}, file=sys.stderr)

    def rewatch(self, path: str) -> None:
        """Watch what is at `path` now, in place of what was watched there before."""
        if path in self._watched_paths:
            self.unwatch(path)
        self.watch(path)

    def request_rebuild(self) -> None:
        """Build again, as when a watched file changed (MkDocs' own signal to its build loop)."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()


def _follow(server: SiteServer, folder: str, what: Message, texts: Translations, stop: threading.Event, seconds: float = FOLLOW_SECONDS) -> None:
    """Keep `folder` watched by its path, whatever happens to the folder that was there (see the module)."""
    present = True
    while not stop.wait(seconds):
        if not os.path.isdir(folder):
            if present:
                present = False
                print(texts.gettext("%(what)s '%(path)s' is er niet meer (verplaatst, hernoemd of verwijderd). De site blijft staan zoals hij was; "
                                    "zodra de map er weer is, bouwt Netwerkspiegel opnieuw.") % {"what": what.render(texts), "path": folder}, file=sys.stderr)
            continue
        # (Before MkDocs starts its watcher no watch is alive yet: nothing to follow then.)
        watching = not server.observer.is_alive() or any(emitter.watch.path == folder and emitter.is_alive() for emitter in server.observer.emitters)
        if present and watching:
            continue
        if not present:
            print(texts.gettext("%(what)s '%(path)s' is er weer: de site wordt opnieuw gebouwd.") % {"what": what.render(texts), "path": folder},
                  file=sys.stderr)
        present = True
        try:
            server.rewatch(folder)  # MkDocs' watch of the folder that was there stopped with it: watch the one there now
        except OSError:  # gone again this very moment: the next look says so
            continue
        server.request_rebuild()


def serve(data_dir: Path, src: Path, out: Path, audience: Audience, port: int, host: str = "127.0.0.1", language: Language | None = None,
          texts: Translations = DUTCH) -> None:
    """`language`: the site's (by default `site.taal`); `texts`: the language of what is printed."""
    if not 1 <= port <= 65535:
        raise UsageError(Message("De poort moet een getal van 1 tot en met 65535 zijn (gekregen: %(port)s).", port=str(port)))
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            raise UsageError(Message("Poort %(port)s op %(host)s is al in gebruik (of niet toegestaan); kies een andere met --port.", port=str(port), host=host)) from error
    # The site's own address, so Material's instant navigation recognises its links.
    address = f"http://{host}:{port}/"
    # What the store holds stays in memory between rebuilds as well: after one export changed,
    # only its networks are read and analysed again (see `generator.carried`).
    store = Store.default(in_memory=True)
    progress = Progress(sys.stderr, texts)
    # The folders by their absolute path, links not followed: a folder replaced at that path (or a
    # link pointed elsewhere) is the one built from next.
    data_dir = Path(os.path.abspath(data_dir))
    build(data_dir, src, out, audience, site_url=address, language=language, store=store, progress=progress)
    out = out.resolve()

    def rebuild() -> None:
        try:
            build(data_dir, src, out, audience, site_url=address, language=language, store=store, progress=progress)
            print(texts.gettext("Opnieuw gebouwd."), file=sys.stderr)
        except NetwerkspiegelError as error:
            print(error.message(texts) + "\n" + texts.gettext("De vorige versie van de site blijft staan."), file=sys.stderr)

    server = SiteServer(builder=rebuild, host=host, port=port, root=str(out), texts=texts)
    overrides = template_overrides(data_dir)
    followed = [(str(data_dir), Message("De datamap"))] + ([(os.path.abspath(overrides), Message("De map met eigen sjablonen"))] if overrides else [])
    for path in (TEMPLATES_DIR, MKDOCS_CONFIG):
        server.watch(str(path.resolve()))
    for folder, _ in followed:
        server.watch(folder)
    stop = threading.Event()
    followers = [threading.Thread(target=_follow, args=(server, folder, what, texts, stop), daemon=True) for folder, what in followed]
    print(texts.gettext("De site staat op %(address)s (stoppen met Ctrl+C).") % {"address": address}, file=sys.stderr)
    try:
        for follower in followers:
            follower.start()
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
