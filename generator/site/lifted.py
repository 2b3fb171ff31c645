"""Stage 3, site: large tables as HTML that Python-Markdown and the search index pass by.

A table with a row per network (the dimension pages, the coaches' overview) is thousands of cells at
a thousand networks. As a Markdown table every cell goes through Python-Markdown's inline patterns,
and the search plugin parses the whole page again to index numbers nobody searches for: most of
MkDocs' time on those pages, which change whenever any network's data does.

So the pages write such a table as HTML between two markers (`lifted_table`). The plugin takes the
block out of the Markdown before it is converted and puts it back into the page's HTML after the
search plugin has indexed it (the page's text around it is still indexed). Without the plugin (plain
MkDocs, another engine that reads `mkdocs.yml`) the block is ordinary raw HTML in Markdown and shows
the same table.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

_START = "<!-- netwerkspiegel:html -->"
_END = "<!-- /netwerkspiegel:html -->"
_BLOCK = re.compile(re.escape(_START) + r"\n(.*?)\n" + re.escape(_END), re.DOTALL)
# What stands in the Markdown meanwhile: a comment, which Python-Markdown keeps and search skips.
# User text never holds one: every `<` a user typed is escaped (`generator.core.text`).
_PLACEHOLDER = "<!-- netwerkspiegel:block {} -->"
_PLACED = re.compile(r"<!-- netwerkspiegel:block (\d+) -->")
_ALIGN = {"l": "", "r": ' style="text-align: right;"'}  # as Python-Markdown's tables write a right-aligned column


def lifted_table(header: Sequence[object], rows: Iterable[Sequence[object]], align: str = "") -> Markup:
    """An HTML table of plain values (every one escaped as text), marked to be lifted out of the
    Markdown. `align`: a letter per column, `l` (left, the default) or `r` (right, for numbers)."""
    if any(letter not in _ALIGN for letter in align):
        raise ValueError(f"align is a letter per column, l or r: {align!r}")

    def cells(tag: str, values: Sequence[object]) -> str:
        return "".join(
            f"<{tag}{_ALIGN[align[index] if index < len(align) else 'l']}>{html.escape(str(value), quote=False)}</{tag}>"
            for index, value in enumerate(values)
        )

    body = "\n".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return Markup(f"{_START}\n<table>\n<thead>\n<tr>{cells('th', header)}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n{_END}\n")


class LiftedBlocksPlugin(BasePlugin):
    """Takes the marked blocks out before Markdown, puts them back after search (see the module).

    Registered after the search plugin, so its `on_page_context` runs after search's."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: dict[str, list[str]] = {}  # a page's source path → its blocks, while it is built

    def on_page_markdown(self, markdown: str, /, *, page: Page, **_: Any) -> str:
        blocks: list[str] = []

        def lift(match: re.Match[str]) -> str:
            blocks.append(match.group(1))
            return _PLACEHOLDER.format(len(blocks) - 1)

        markdown = _BLOCK.sub(lift, markdown)
        if blocks:
            self.blocks[page.file.src_uri] = blocks
        return markdown

    def on_page_context(self, context: Any, /, *, page: Page, **_: Any) -> Any:
        blocks = self.blocks.pop(page.file.src_uri, None)
        if blocks and page.content is not None:
            page.content = _PLACED.sub(lambda match: blocks[int(match.group(1))], page.content)
        return context
