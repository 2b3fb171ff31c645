"""Stage 3, site (template cache): Jinja templates compiled once per version of their source."""

from __future__ import annotations

import jinja2

from generator.core.cache import cache_dir


def compiled_templates(name: str) -> jinja2.BytecodeCache | None:
    """A Jinja bytecode cache in the user's cache folder (`jinja/<name>`): a template is compiled
    once per version of its source instead of on every build. None when the folder cannot be made."""
    folder = cache_dir("jinja", name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
