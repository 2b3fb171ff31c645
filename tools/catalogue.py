"""Add English texts to the catalogue: `python tools/catalogue.py` lists the marked Dutch texts that
have no English yet; with a TOML file of `"Dutch" = "English"` pairs it adds them, sorted, and drops
entries no template uses any more.

    python tools/catalogue.py [new-english.toml]
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core.language import CATALOGUES  # noqa: E402
from tests.test_language import marked_plurals, marked_texts  # noqa: E402

HEADER = """# English texts of Netwerkspiegel. The source language is Dutch: every msgid is the Dutch text as it
# stands in a template or the code; msgstr is its English. tests/test_language.py checks that every
# text marked for translation has an entry here, and that no entry is left over. Add texts with
# tools/catalogue.py.
"""


def main() -> None:
    path = CATALOGUES / "en.po"
    with path.open("rb") as handle:
        old = read_po(handle)
    english: dict[str, str] = {}
    for message in old:
        if message.id and message.string:
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            english.update(zip(ids, strings, strict=False))
    if len(sys.argv) > 1:
        english.update(tomllib.loads(Path(sys.argv[1]).read_text("utf-8")))
    marked = marked_texts()
    plurals = marked_plurals()
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the same file for the same texts
    catalogue = Catalog(locale="en", project="netwerkspiegel", version="", creation_date=fixed, revision_date=fixed,
                        last_translator="Netwerkspiegel", language_team="Netwerkspiegel", header_comment=HEADER.rstrip("\n"), fuzzy=False)
    in_plural = {text for pair in plurals for text in pair}
    for dutch in sorted(marked - in_plural):
        if dutch in english:
            catalogue.add(dutch, english[dutch])
    for singular, plural in sorted(plurals):
        if singular in english and plural in english:
            catalogue.add((singular, plural), (english[singular], english[plural]))
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=0, omit_header=False, sort_output=True, no_location=True)
    for dutch in sorted(marked - set(english)):
        print(f"zonder Engels: {dutch!r}")


if __name__ == "__main__":
    main()
