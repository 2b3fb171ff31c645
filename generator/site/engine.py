"""Stage 3, site (engine): turn a generated docs folder into HTML with MkDocs Material.

The theme, extensions and assets are set in the project's `mkdocs.yml`; the docs folder, the
output folder, the navigation and the site name come from the generated site (`NAV_FILE`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.core.errors import BuildError
from generator.core.language import Message
from generator.core.resources import MKDOCS_CONFIG
from generator.site.paths import NAV_FILE
from generator.site.reuse import DropDirtyWarning, ReusePlugin


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


FILE_WORKER = "assets/file-worker.js"


def build_html(src: Path, out: Path, config_file: Path = MKDOCS_CONFIG, offline: bool = False, previous: Path | None = None) -> int:
    """Build `src` into `out` strictly: any MkDocs warning fails the build. Returns how many pages
    were carried over from `previous` (the site built last time, see `generator.site.reuse`)
    instead of being built again.

    `offline`: a site that works opened from disk (file://), e.g. shared as a folder or a zip:
    links to `page.html` instead of `page/`, the search index as a script (browsers do not let a
    page on disk fetch files), and search's web worker run in a frame (`assets/file-worker.js`).
    Like Material's offline plugin, but without its shim from another host."""
    settings = json.loads((src / NAV_FILE).read_text("utf-8"))
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    dirty_warning = DropDirtyWarning()
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(dirty_warning)
    try:
        config = load_config(
            str(config_file),
            docs_dir=str(src),
            site_dir=str(out),
            nav=settings["nav"],
            site_name=settings["site_name"],
            site_url=settings["site_url"],
            strict=True,
            use_directory_urls=not offline,
        )
        language = settings.get("language", "nl")
        config.theme["language"] = language
        config.plugins["material/search"].config["lang"] = [language]
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
        reuse = ReusePlugin(previous, src / NAV_FILE, config_file, offline)
        config.plugins["netwerkspiegel/reuse"] = reuse
        dirty = reuse.manifest_matches(src)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
        reuse.write_manifest(out)
        if offline:
            index = out / "search" / "search_index.json"
            if index.is_file():
                (out / "search" / "search_index.js").write_text("var __index = " + index.read_text("utf-8"), "utf-8")
    except (MkDocsException, OSError) as error:
        details = "".join(f"\n- {message}" for message in collect.messages)
        raise BuildError(Message("MkDocs kon de site niet bouwen: %(error)s%(details)s", error=str(error), details=details)) from error
    finally:
        logger.removeHandler(collect)
        build_logger.removeFilter(dirty_warning)
    return len(reuse.reused)
