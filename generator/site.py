"""Stage 9, mkdocs build: turn a generated docs folder into HTML with MkDocs Material.

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

from generator.errors import BuildError
from generator.pages import NAV_FILE, PROJECT_ROOT

MKDOCS_CONFIG = PROJECT_ROOT / "mkdocs.yml"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_html(src: Path, out: Path, config_file: Path = MKDOCS_CONFIG) -> None:
    """Build `src` into `out` strictly: any MkDocs warning fails the build."""
    settings = json.loads((src / NAV_FILE).read_text("utf-8"))
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        config = load_config(
            str(config_file),
            docs_dir=str(src),
            site_dir=str(out),
            nav=settings["nav"],
            site_name=settings["site_name"],
            site_url=settings["site_url"],
            strict=True,
        )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError) as error:
        details = "".join(f"\n- {message}" for message in collect.messages)
        raise BuildError(f"MkDocs kon de site niet bouwen: {error}{details}") from error
    finally:
        logger.removeHandler(collect)
