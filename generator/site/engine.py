"""Stage 3, site (engine): turn a generated docs folder into HTML with MkDocs Material.

The theme, extensions and assets are set in the project's `mkdocs.yml`; the docs folder, the
output folder, the navigation and the site name come from the generated site (`NAV_FILE`).
"""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin

from generator.core.errors import BuildError
from generator.core.language import Message
from generator.core.processes import start_python
from generator.core.progress import Step
from generator.core.resources import MKDOCS_CONFIG
from generator.core.store import Store
from generator.site.lifted import LiftedBlocksPlugin
from generator.site.paths import NAV_FILE
from generator.site.reuse import SEARCH_INDEX, DropDirtyWarning, ReusePlugin


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


FILE_WORKER = "assets/file-worker.js"


def build_html(src: Path, out: Path, config_file: Path = MKDOCS_CONFIG, offline: bool = False, previous: Path | None = None,
               processes: int | None = None, source_digests: dict[str, str] | None = None, step: Step | None = None,
               store: Store | None = None) -> int:
    """Build `src` into `out` strictly: any MkDocs warning fails the build. Returns how many pages
    were carried over from `previous` (the site built last time, see `generator.site.reuse`)
    instead of being built again.

    `offline`: a site that works opened from disk (file://), e.g. shared as a folder or a zip:
    links to `page.html` instead of `page/`, the search index as a script (browsers do not let a
    page on disk fetch files), and search's web worker run in a frame (`assets/file-worker.js`).
    Like Material's offline plugin, but without its shim from another host.

    `processes`: how many processes build the pages (by default two on a machine with two cores or
    more, for a site of `PAGES_FOR_TWO` pages or more that is built whole); see `generator.site.reuse`.
    `source_digests`: the SHA-256 of files in `src`, by relative path, as the caller wrote them (not hashed again).
    `step`: counts the pages this process builds, for the progress shown.
    `store`: where the theme's compiled templates are kept (None: compiled anew)."""
    collect = _Collect()
    try:
        reuse = _build(src, out, config_file, offline, previous, processes, collect, source_digests=source_digests, step=step, store=store)
        index = out / SEARCH_INDEX
        if offline and index.is_file():
            index.with_suffix(".js").write_text("var __index = " + index.read_text("utf-8"), "utf-8")
    except (MkDocsException, OSError) as error:
        raise _failed(str(error), collect.messages) from error
    return len(reuse.reused)


PAGES_FOR_TWO = 60  # below this, starting a second process costs more than it saves


def _failed(error: str, messages: list[str]) -> BuildError:
    details = "".join(f"\n- {message}" for message in messages)
    return BuildError(Message("MkDocs kon de site niet bouwen: %(error)s%(details)s", error=error, details=details))


def _build(src: Path, out: Path, config_file: Path, offline: bool, previous: Path | None, processes: int | None,
           collect: _Collect, share: tuple[int, int] | None = None, source_digests: dict[str, str] | None = None,
           step: Step | None = None, store: Store | None = None) -> ReusePlugin:
    """One MkDocs build; `share` (index, count): a helper process's part of the pages."""
    settings = json.loads((src / NAV_FILE).read_text("utf-8"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    dirty_warning = DropDirtyWarning()
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(dirty_warning)
    helper: PageHelper | None = None
    try:
        config = load_config(
            str(config_file),
            docs_dir=str(src),
            site_dir=str(out),
            nav=settings["nav"],
            # escaped once (`pages.py`, Material prints it unescaped in most places) and marked so: its `| e` in a
            # title attribute would escape it a second time ("&amp;amp;")
            site_name=Markup(settings["site_name"]),
            site_url=settings["site_url"],
            strict=True,
            use_directory_urls=not offline,
        )
        site_language = settings.get("language", "nl")
        language = _theme_language(site_language)
        config.theme["language"] = language
        config.plugins["material/search"].config["lang"] = [_search_language(language)]
        if language != site_language:  # Material's texts in English, the page itself in the site's language
            config.plugins["netwerkspiegel/lang"] = _PageLanguage(language, site_language)
        for scheme, name in zip(config.theme["palette"], settings.get("palette_names", []), strict=False):
            scheme["toggle"]["name"] = name
        if "logo" in settings:
            config.theme["logo"] = settings["logo"]
            config.theme["favicon"] = settings["logo"]
        if "copyright" in settings:
            config["copyright"] = settings["copyright"]
        for stylesheet in settings.get("extra_css", []):
            config.extra_css.append(stylesheet)
        if offline:
            config.extra["polyfills"] = [FILE_WORKER]
            # Instant navigation fetches pages and the sitemap: a page on disk may fetch nothing.
            features = config.theme["features"]
            config.theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
        config.plugins["netwerkspiegel/lifted"] = LiftedBlocksPlugin()
        if step is not None:
            config.plugins["netwerkspiegel/progress"] = _CountPages(step)
        reuse = ReusePlugin(previous, src / NAV_FILE, config_file, offline, source_digests, store)
        config.plugins["netwerkspiegel/reuse"] = reuse
        dirty = reuse.manifest_matches(src)
        if share is None and not dirty:
            count = processes if processes is not None else (2 if (os.cpu_count() or 1) >= 2 and _pages(src) >= PAGES_FOR_TWO else 1)
            if count > 1:
                helper = PageHelper(src, out, config_file, offline, count, store)
                reuse.share_with(helper.wait, (0, count))
                dirty = True  # this process builds its part of the pages; the helpers build theirs
        elif share is not None:
            reuse.share_with(None, share)
            dirty = True
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
        if share is None:
            reuse.write_manifest(out)
        return reuse
    finally:
        if helper is not None:
            helper.stop()
        logger.removeHandler(collect)
        build_logger.removeFilter(dirty_warning)


def _theme_language(code: str) -> str:
    """The language of Material's own texts (buttons, search): the site's, or, for a language
    Material does not know (a catalogue added for Frisian), English, Material's own default."""
    import material

    partials = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return code if (partials / f"{code.replace('_', '-')}.html").is_file() else "en"


def _search_language(code: str) -> str:
    """Search's stemmer: the language's own where lunr has one, else English's."""
    import material

    stemmers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    return code if code == "en" or (stemmers / f"lunr.{code}.min.js").is_file() else "en"


class _PageLanguage(BasePlugin):
    """Each page's `<html lang>` says the site's language, also where Material's own texts are in
    another (Material takes `lang` from its texts' language): a screen reader reads the page aright."""

    def __init__(self, theme: str, site: str) -> None:
        self.theme, self.site = f'<html lang="{theme}"', f'<html lang="{html.escape(site)}"'

    def on_post_page(self, output: str, /, **_: Any) -> str:
        return output.replace(self.theme, self.site, 1)


class _CountPages(BasePlugin):
    """Counts each page this process renders, for the progress of the build."""

    def __init__(self, step: Step) -> None:
        self.step = step

    def on_post_page(self, output: str, /, **_: Any) -> str:
        self.step.advance()
        return output


def _pages(src: Path) -> int:
    return sum(1 for path in src.rglob("*.md") if not path.name.startswith("."))


class PageHelper:
    """Second (and further) processes that build their share of the pages into folders of their
    own beside `out`; the main build waits for them, takes their pages and search entries."""

    def __init__(self, src: Path, out: Path, config_file: Path, offline: bool, count: int, store: Store | None = None) -> None:
        self.folders = [out.parent / f"{out.name}-deel{index}" for index in range(1, count)]
        self.processes: list[subprocess.Popen[bytes]] = []
        for index, folder in enumerate(self.folders, start=1):
            shutil.rmtree(folder, ignore_errors=True)
            kept = os.fsdecode(store.folder) if store is not None and store.folder is not None else None
            arguments = json.dumps([str(src), str(folder), str(config_file), offline, index, count, kept])
            code = "import sys; from generator.site.engine import build_share; sys.exit(build_share(sys.argv[1]))"
            self.processes.append(start_python(code, arguments, stderr=subprocess.PIPE))

    def wait(self) -> list[Path]:
        """The helpers' folders once all have finished; a helper's failure is this build's."""
        for process in self.processes:
            _, errors = process.communicate()
            if process.returncode != 0:
                lines = errors.decode("utf-8", "replace").strip().splitlines() or [f"exit code {process.returncode}"]
                if process.returncode != _MKDOCS_FAILED:  # the helper itself broke (a traceback): its last line says what
                    lines = lines[-1:]
                raise _failed(lines[0], lines[1:])
        return self.folders

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)


def build_share(arguments: str) -> int:
    """A helper process: build one share of the pages (see `PageHelper`); `_MKDOCS_FAILED` with the
    reasons on stderr when MkDocs fails."""
    src, folder, config_file, offline, index, count, kept = json.loads(arguments)
    collect = _Collect()
    try:
        _build(Path(src), Path(folder), Path(config_file), offline, None, None, collect, share=(index, count),
               store=Store(Path(kept) if kept is not None else None))
    except (MkDocsException, OSError) as error:
        sys.stderr.write("\n".join([str(error), *collect.messages]) + "\n")
        return _MKDOCS_FAILED
    return 0


_MKDOCS_FAILED = 3  # a helper's exit code when MkDocs refused its pages (its reasons on stderr)
