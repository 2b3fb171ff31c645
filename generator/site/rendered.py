"""Stage 3, site (pages): a page whose inputs did not change is taken from the previous docs folder.

After one network's export changed, the other networks' pages would be charted and rendered again
to the same bytes. A page that declares its inputs (`PagePlan.inputs`: the network's figures, the
settings, the framework, …) gets a key: a hash of those inputs, of the program that renders them
(every file of the package and every template, a project's own templates included) and of the
options. The docs folder keeps an index (`PAGES_INDEX`) of each page's key and files (with their
hashes). A page whose key is in the previous index is copied from there, byte for byte what
rendering would give; anything missing, changed since or unreadable is simply rendered.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator.core.store import package_digest, value_digest

PAGES_INDEX = ".netwerkspiegel-paginas.json"
_FORMAT = 1


@dataclass(frozen=True)
class RenderedPage:
    """A page's files (its Markdown and its chart data) and the chart templates it uses: by name,
    with the indicators a network's own template was made for (see `ChartKinds.with_options`)."""

    files: dict[str, bytes]
    chart_templates: dict[str, tuple[str, ...]]
    digests: dict[str, str]  # each file's SHA-256, computed once (see `file_digests`)


class PreviousPages:
    """The pages of the previous build, from its docs folder; empty when there is none (or no index)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.index: dict[str, Any] = {}
        if folder is None:
            return
        try:
            index = json.loads((folder / PAGES_INDEX).read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(index, dict) and index.get("format") == _FORMAT and isinstance(index.get("pages"), dict):
            self.index = index["pages"]

    def get(self, path: str, key: str) -> RenderedPage | None:
        entry = self.index.get(path)
        if self.folder is None or not isinstance(entry, dict) or entry.get("key") != key:
            return None
        files, digests = {}, {}
        try:
            for name, digest in entry["files"].items():
                file = self.folder / name
                if file.is_symlink() or not file.is_file():
                    return None
                files[name] = file.read_bytes()
                if hashlib.sha256(files[name]).hexdigest() != digest:  # changed since, by anyone: render it
                    return None
                digests[name] = digest
            templates = entry["templates"]
            if not isinstance(templates, dict):
                return None
            return RenderedPage(files, {str(name): tuple(str(o) for o in options) for name, options in templates.items()}, digests)
        except (OSError, KeyError, TypeError, AttributeError):
            return None


def program_fingerprint(env: jinja2.Environment, options: tuple[object, ...]) -> str:
    """Everything besides a page's own inputs that shapes it: the package's files, the templates
    as `env` finds them (a project's own first), and the build's options."""
    digest = hashlib.sha256(package_digest().encode())
    assert env.loader is not None
    for name in sorted(env.loader.list_templates()):
        source, _, _ = env.loader.get_source(env, name)
        digest.update(name.encode() + b"\0" + source.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(pickle.dumps(options, protocol=5))
    return digest.hexdigest()


def page_key(fingerprint: str, inputs: tuple[object, ...]) -> str | None:
    """The key of a page: the same inputs (compared by what they hold, see `value_digest`) and
    program, the same page. None (the page is simply rendered) for inputs that cannot be pickled."""
    try:
        return value_digest((fingerprint, inputs))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError, ValueError):
        return None


def pages_index(entries: dict[str, tuple[str, RenderedPage]]) -> bytes:
    """The index the next build reads: per page its key, files and chart templates."""
    pages = {
        path: {"key": key, "files": {name: page.digests[name] for name in sorted(page.files)}, "templates": {name: list(page.chart_templates[name]) for name in sorted(page.chart_templates)}}
        for path, (key, page) in sorted(entries.items())
    }
    return (json.dumps({"format": _FORMAT, "pages": pages}, indent=0, sort_keys=True) + "\n").encode("utf-8")


def file_digests(files: dict[str, bytes]) -> dict[str, str]:
    """Each file's SHA-256. Hashed once per build: the pages index, and the reuse of the previous
    site's HTML (`generator.site.reuse`), read them from here instead of hashing every file again."""
    return {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}
