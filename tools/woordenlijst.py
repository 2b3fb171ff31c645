"""Makes `generator/core/data/woorden/nl.txt.gz` from OpenTaal's word list (Debian's `wdutch`).

    python tools/woordenlijst.py /usr/share/dict/dutch

Only the words in lower case (names are capitalised there), of 2 to 20 letters, without digits,
spaces, hyphens or apostrophes; sorted, and gzipped without a time stamp (the same bytes each time).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "generator" / "core" / "data" / "woorden" / "nl.txt.gz"


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/dutch")
    words = {word for word in (line.strip() for line in source.read_text("utf-8").splitlines())
             if word == word.lower() and re.fullmatch(r"[a-zà-ÿ]{2,20}", word)}
    with gzip.GzipFile(TARGET, "wb", mtime=0, compresslevel=9) as handle:
        handle.write(("\n".join(sorted(words)) + "\n").encode("utf-8"))
    print(f"{len(words)} woorden in {TARGET}")


if __name__ == "__main__":
    main()
