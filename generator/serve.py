"""`netwerkspiegel serve`: build, serve on 127.0.0.1, rebuild when data or templates change.

Uses MkDocs' own live-reload server on the built HTML. It watches the data folder and the
templates, never the generated docs folder, so a rebuild cannot trigger itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from generator.core.errors import NetwerkspiegelError, UsageError
from generator.core.language import DUTCH, Language, Message, Translations
from generator.core.progress import Progress
from generator.core.resources import MKDOCS_CONFIG, TEMPLATES_DIR
from generator.core.store import Store
from generator.core.vocabulary import Audience
from generator.pipeline import build, template_overrides


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
    build(data_dir, src, out, audience, site_url=address, language=language, store=store, progress=progress)
    out = out.resolve()

    def rebuild() -> None:
        try:
            build(data_dir, src, out, audience, site_url=address, language=language, store=store, progress=progress)
            print(texts.gettext("Opnieuw gebouwd."), file=sys.stderr)
        except NetwerkspiegelError as error:
            print(error.message(texts) + "\n" + texts.gettext("De vorige versie van de site blijft staan."), file=sys.stderr)

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(out))
    overrides = template_overrides(data_dir)
    for path in (data_dir, TEMPLATES_DIR, MKDOCS_CONFIG, *([overrides] if overrides else [])):
        server.watch(str(path.resolve()))
    print(texts.gettext("De site staat op %(address)s (stoppen met Ctrl+C).") % {"address": address}, file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
