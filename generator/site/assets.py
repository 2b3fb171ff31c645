"""The site's own static files: our script and styles, and the Vega libraries as one bundle.

The Vega, Vega-Lite and vega-embed JavaScript is written into the site itself (made by
vl-convert-python), so a built site never asks another host for anything. Making the bundle takes
about a second, so a bundle with the same version line is reused from the store (`vega`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from generator.core.language import DUTCH, N_, Translations
from generator.core.processes import installed_version, start_python
from generator.core.resources import TEMPLATES_DIR
from generator.core.store import Store
from generator.site.paths import LANGUAGE_SCRIPT, VEGA_BUNDLE

# The texts netwerkspiegel.js shows (buttons, accessible names), given to it in the site's language.
SCRIPT_TEXTS = (N_("Opslaan als SVG"), N_("Opslaan als PNG"), N_("Klik voor acties"), N_("Grafiek opslaan"), N_("Zoeken"), N_("Tabel"),
                N_("Vorige"), N_("Volgende"), N_("Stoppen"))


def _bundle_header() -> bytes:
    import vl_convert

    return (
        f"/* Vega {vl_convert.get_vega_version()}, Vega-Lite {vl_convert.get_vegalite_versions()[-1]}, "
        f"vega-embed {vl_convert.get_vega_embed_version()}: bundled by vl-convert-python "
        f"{installed_version('vl-convert-python')} for Netwerkspiegel, as a classic script in its own scope. */\n"
    ).encode()


def _bundle_key(header: bytes) -> str:
    return hashlib.sha256(header).hexdigest()  # the versions alone decide the bundle


def vega_bundle(store: Store) -> bytes:
    """The bundle from the store (`vega`) when its version line matches; otherwise made anew (and
    kept, when the store can be written)."""
    header = _bundle_header()
    kept = store.load("vega", _bundle_key(header))
    if kept is not None and kept.startswith(header):
        return kept
    import vl_convert

    # Wrapped in a function: a classic script (file:// allows no modules) whose top-level names stay
    # its own; it hands vega, vegaLite and vegaEmbed to the page through `window`.
    script = vl_convert.javascript_bundle(None)  # type: ignore[arg-type]  # the snippet is optional; the stub says str
    bundle = header + b'(function () {\n"use strict";\n' + script.encode("utf-8") + b"\n})();\n"
    store.save("vega", _bundle_key(header), bundle)
    return bundle


@contextlib.contextmanager
def bundle_made_alongside(store: Store) -> Iterator[None]:
    """Make the Vega bundle (when it is not in the cache yet) in a second process while the block
    runs: on a fresh runner that second of work then overlaps with reading the data, on another
    core. The block's end waits for it; `vega_bundle` then finds it in the store (or, when the
    store cannot be written, makes it itself)."""
    if store.folder is None or store.has("vega", _bundle_key(_bundle_header())):
        yield
        return
    try:
        helper = start_python("import sys; from pathlib import Path; from generator.core.store import Store; from generator.site.assets import vega_bundle; "
                              "vega_bundle(Store(Path(sys.argv[1])))", os.fsdecode(store.folder))
    except OSError:
        yield
        return
    try:
        yield
        helper.wait()
    finally:
        if helper.poll() is None:
            helper.kill()
            helper.wait()


def language_script(t: Translations) -> bytes:
    """`assets/taal.js`: the language's number notation (Babel's locale data) and script texts."""
    language = {"decimal": t.decimal, "thousands": t.group, "texts": {text: t.gettext(text) for text in SCRIPT_TEXTS}}
    return ("// Written by Netwerkspiegel: the site's language for netwerkspiegel.js.\nwindow.netwerkspiegelLanguage = "
            + json.dumps(language, ensure_ascii=False, sort_keys=True) + ";\n").encode("utf-8")


def site_assets(store: Store, templates_dir: Path = TEMPLATES_DIR, translations: Translations = DUTCH) -> dict[str, bytes]:
    files = {
        f"assets/{path.relative_to(templates_dir / 'assets').as_posix()}": path.read_bytes()
        for path in sorted((templates_dir / "assets").rglob("*"))
        if path.is_file()
    }
    files[VEGA_BUNDLE] = vega_bundle(store)
    files[LANGUAGE_SCRIPT] = language_script(translations)
    return files
