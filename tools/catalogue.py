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
from tests.test_language import marked_texts  # noqa: E402

HEADER = """# English texts of Netwerkspiegel. The source language is Dutch: every msgid is the Dutch text as it
# stands in a template or the code; msgstr is its English. tests/test_language.py checks that every
# text marked for translation has an entry here, and that no entry is left over. Add texts with
# tools/catalogue.py.
"""


def main() -> None:
    path = CATALOGUES / "en.po"
    with path.open("rb") as handle:
        old = read_po(handle)
    english = {str(m.id): str(m.string) for m in old if m.id and m.string}
    if len(sys.argv) > 1:
        english.update(tomllib.loads(Path(sys.argv[1]).read_text("utf-8")))
    marked = marked_texts()
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the same file for the same texts
    catalogue = Catalog(locale="en", project="netwerkspiegel", version="", creation_date=fixed, revision_date=fixed,
                        last_translator="Netwerkspiegel", language_team="Netwerkspiegel", header_comment=HEADER.rstrip("\n"), fuzzy=False)
    for dutch in sorted(marked):
        if dutch in english:
            catalogue.add(dutch, english[dutch])
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=0, omit_header=False, sort_output=True, no_location=True)
    for dutch in sorted(marked - set(english)):
        print(f"zonder Engels: {dutch!r}")


if __name__ == "__main__":
    main()
