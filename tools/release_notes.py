"""Print the CHANGELOG.md entry of one version (`## 0.3.0` up to the next `## `): the text of its
release. Exits non-zero when the CHANGELOG has no entry for that version, so that no version is
released without one.

    python tools/release_notes.py 0.3.0
"""

from __future__ import annotations

import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"


def entry(changelog: str, version: str) -> str | None:
    lines = changelog.splitlines()
    heading = f"## {version}"
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == heading or line.startswith(heading + " "))
    except StopIteration:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    body = "\n".join(lines[start + 1:end]).strip()
    return body or None


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("gebruik: python tools/release_notes.py VERSIE")
    found = entry(CHANGELOG.read_text("utf-8"), sys.argv[1])
    if found is None:
        sys.exit(f"CHANGELOG.md heeft geen beschrijving onder '## {sys.argv[1]}': schrijf die eerst.")
    print(found)
