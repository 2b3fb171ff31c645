"""Stage 3, site (engine): reuse the previous site's HTML for every page whose source did not change.

After one network's export changed, only a handful of pages differ. MkDocs would still convert,
index and render all of them; this plugin lets it build only what changed (MkDocs' `dirty` build)
and makes the result exactly what a full build gives:

- The previous site carries a manifest (`BUILD_MANIFEST`): a key of everything that shapes every page
  (versions, `mkdocs.yml`, navigation and site settings, the list of pages, offline or not) and the
  hash of each source file. Only when the key is the same is anything reused.
- A file whose source hash is the same, and which is still exactly what the previous build wrote
  (its hash is in the manifest too), is hard-linked from the previous site into the new (staging)
  folder, and marked unmodified for MkDocs. MkDocs writes only files it builds, which are never the
  linked ones, so the previous site stays untouched (a build killed at any moment leaves it whole).
- The search index gets the previous entries of each reused page, in page order, as a full build
  would put them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from generator.core.processes import installed_version
from generator.core.store import Store, package_digest
from generator.site.folders import BUILD_MANIFEST
from generator.site.template_cache import compiled_templates

_FORMAT = 1
SEARCH_INDEX = "search/search_index.json"
# Content-named files (chart data, static charts): a page that names one is itself changed when
# the name changes, so which of them exist does not shape the pages that stay the same.
_CONTENT_NAMED = ("grafieken/",)
_DIRTY_WARNING = "A 'dirty' build is being performed"


def _versions() -> str:
    """The engine's versions, and this program's own files (its plugins shape the HTML too)."""
    names = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")
    return ";".join(f"{name}={installed_version(name)}" for name in names) + f";netwerkspiegel={package_digest()}"


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class DropDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may be inaccurate: this one is made exact, and a strict build
    would otherwise fail on the warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


class ReusePlugin(BasePlugin):
    """Given the previous site folder, reuse what is unchanged; always writes the manifest."""

    def __init__(self, previous: Path | None, settings_file: Path, config_file: Path, offline: bool,
                 source_digests: dict[str, str] | None = None, store: Store | None = None) -> None:
        super().__init__()
        self.previous = previous
        self.store = store  # where the theme's compiled templates are kept
        # SHA-256 of docs files as the generator wrote them into this (new, staged) docs folder:
        # not hashed again. Any other file is hashed here.
        self.source_digests = source_digests or {}
        self.settings_file = settings_file
        self.config_file = config_file
        self.offline = offline
        self.hashes: dict[str, str] = {}
        self.key = ""
        self.reused: set[str] = set()  # source paths of the pages whose HTML was carried over
        self.carried: dict[str, str] = {}  # built path → hash of every file carried over
        self.old_manifest: dict[str, Any] | None = None
        self.files: Files | None = None
        self.share = (0, 1)  # (index, count): this process builds every count-th page from index
        self.elsewhere: set[str] = set()  # source paths of the pages another process builds
        self.wait_for_helpers: Callable[[], list[Path]] | None = None  # in the main process: the others' folders, once done

    def share_with(self, wait_for_helpers: Callable[[], list[Path]] | None, share: tuple[int, int]) -> None:
        """Build only one share of the pages: every `count`-th from `index`, in page order. The
        main process (index 0) also copies every other file, then takes the helpers' pages and
        search entries (`wait_for_helpers()` gives their folders). A page's HTML does not depend on
        which process built it: every process has every page's source, navigation and settings."""
        self.wait_for_helpers, self.share = wait_for_helpers, share

    def manifest_matches(self, docs_dir: Path) -> bool:
        """Whether the previous site was built with the same key: then this build may be dirty."""
        self.key = self._key(docs_dir)
        if self.previous is None:
            return False
        try:
            manifest = json.loads((self.previous / BUILD_MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(manifest, dict) or manifest.get("format") != _FORMAT or manifest.get("key") != self.key:
            return False
        if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("built"), dict):
            return False
        # The search index carries the entries of reused pages: it must be the one this build wrote.
        index = self.previous / SEARCH_INDEX
        if index.is_file() and manifest["built"].get(SEARCH_INDEX) != _digest(str(index)):
            return False
        self.old_manifest = manifest
        return True

    def _key(self, docs_dir: Path) -> str:
        key = hashlib.sha256()
        key.update(_versions().encode())
        key.update(b"\0offline" if self.offline else b"\0online")
        for path in (self.config_file, self.settings_file):
            key.update(b"\0" + path.read_bytes())
        names = sorted(
            path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*")
            if path.is_file() and not path.name.startswith(".")
        )
        for name in names:
            if not name.startswith(_CONTENT_NAMED):
                key.update(b"\0" + name.encode("utf-8", "surrogateescape"))
        return key.hexdigest()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = os.path.abspath(config.docs_dir)
        built = [file for file in files if not file.inclusion.is_excluded()]  # hidden files are not built
        index, count = self.share
        if self.wait_for_helpers is not None or count == 1:  # a helper process writes no manifest: it needs no hashes
            for file in built:  # the theme's own files (outside the docs folder) are the same with the same key
                if file.abs_src_path is not None and file.abs_src_path.startswith(docs_dir + os.sep):
                    known = self.source_digests.get(file.src_uri)
                    self.hashes[file.src_uri] = known if known is not None else _digest(file.abs_src_path)
        if count > 1:
            for position, file in enumerate(file for file in built if file.is_documentation_page()):
                if position % count != index:
                    self.elsewhere.add(file.src_uri)
            for file in built:
                here = file.src_uri not in self.elsewhere if file.is_documentation_page() else index == 0
                file.is_modified = (lambda answer: lambda: answer)(here)  # type: ignore[method-assign]
            return files
        if self.old_manifest is None or self.previous is None:
            return files
        old_hashes, old_built = self.old_manifest["files"], self.old_manifest["built"]
        site_dir = Path(config.site_dir)
        folders: set[Path] = set()
        for file in built:
            same = file.src_uri not in self.hashes or old_hashes.get(file.src_uri) == self.hashes[file.src_uri]
            carried = same and self._carry_over(self.previous / file.dest_uri, site_dir / file.dest_uri, old_built.get(file.dest_uri), folders)
            if carried:  # MkDocs never writes a file it is told is unchanged: its hash stays the one just checked
                self.carried[file.dest_uri] = old_built[file.dest_uri]
            # MkDocs' dirty build asks each file whether it changed: the answer is ours, by content.
            file.is_modified = (lambda changed: lambda: changed)(not carried)  # type: ignore[method-assign]
            if carried and file.is_documentation_page():
                self.reused.add(file.src_uri)
        return files

    @staticmethod
    def _carry_over(old: Path, new: Path, digest: str | None, folders: set[Path]) -> bool:
        """Link (or copy) a file of the previous site, if it is still exactly what that build wrote.
        `folders`: the folders made so far (each page of a site with directory URLs has its own)."""
        if not old.is_file() or old.is_symlink() or digest is None or _digest(str(old)) != digest:
            return False
        if new.parent not in folders:
            new.parent.mkdir(parents=True, exist_ok=True)
            folders.add(new.parent)
        try:
            os.link(old, new)
        except OSError:  # a file system without hard links
            try:
                shutil.copy2(old, new)
            except OSError:
                return False
        return True

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # The theme's templates, compiled once per version of their source instead of on every build.
        compiled = compiled_templates(self.store, "mkdocs") if self.store is not None else None
        if compiled is not None:
            env.bytecode_cache = compiled
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A reused page is not rendered, but its front matter is read as in a full build: the
        # navigation of the pages that are rendered may show its title or metadata.
        self.files = files
        for file in files.documentation_pages():
            if (file.src_uri in self.reused or file.src_uri in self.elsewhere) and file.page is not None:
                file.page.read_source(config)
        return nav

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.wait_for_helpers is not None:
            folders = self.wait_for_helpers()
            site_dir = Path(config.site_dir)
            others: list[dict[str, Any]] = []
            for folder in folders:
                others += json.loads((folder / SEARCH_INDEX).read_text("utf-8")).get("docs", [])
                for file in self.files or []:
                    built = folder / file.dest_uri
                    if file.src_uri in self.elsewhere and built.is_file():
                        (site_dir / file.dest_uri).parent.mkdir(parents=True, exist_ok=True)
                        os.replace(built, site_dir / file.dest_uri)
            self._merge_search_entries(config, self.elsewhere, others)
        elif self.reused and self.previous is not None:
            previous = json.loads((self.previous / SEARCH_INDEX).read_text("utf-8"))
            self._merge_search_entries(config, self.reused, previous.get("docs", []))

    def write_manifest(self, site_dir: Path) -> None:
        """After the build: the key, each source's hash and each built file's hash (so a file
        changed since, by anyone, is never carried over)."""
        built = {}
        for file in self.files or []:
            target = site_dir / file.dest_uri
            if file.dest_uri in self.carried:
                built[file.dest_uri] = self.carried[file.dest_uri]
            elif not file.inclusion.is_excluded() and target.is_file():
                built[file.dest_uri] = _digest(str(target))
        if (site_dir / SEARCH_INDEX).is_file():
            built[SEARCH_INDEX] = _digest(str(site_dir / SEARCH_INDEX))
        manifest = {"format": _FORMAT, "key": self.key, "files": dict(sorted(self.hashes.items())), "built": dict(sorted(built.items()))}
        (site_dir / BUILD_MANIFEST).write_text(json.dumps(manifest, indent=0, sort_keys=True) + "\n", "utf-8")

    def _merge_search_entries(self, config: MkDocsConfig, pages: set[str], entries_elsewhere: list[dict[str, Any]]) -> None:
        """The search index in page order, as one full build makes it: for `pages` the entries from
        elsewhere (the previous site, or a helper process), for the rest this build's own."""
        search = config.plugins.get("material/search")
        if search is None or not getattr(search.config, "enabled", True):
            return
        elsewhere_by_page = _by_page(entries_elsewhere)
        new_by_page = _by_page(search.search_index.entries)
        entries: list[dict[str, Any]] = []
        assert self.files is not None
        for page_file in self.files.documentation_pages():
            url = page_file.page.url if page_file.page is not None else page_file.url
            entries += (elsewhere_by_page if page_file.src_uri in pages else new_by_page).get(url, [])
        search.search_index.entries = entries


def _by_page(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        grouped[entry["location"].split("#", 1)[0]].append(entry)
    return grouped

