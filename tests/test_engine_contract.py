"""What `generator/site/reuse.py` relies on in MkDocs and Material, asked of them directly: after an
upgrade that changes any of it, this fails by name (and `tests/test_reuse.py`, which compares every
kind of rebuild byte for byte with a full build, shows what it broke)."""

from __future__ import annotations

import inspect

import mkdocs.commands.build
from material.plugins.search import plugin as search_plugin
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator.site import reuse


def test_mkdocs_asks_each_file_whether_it_changed_in_a_dirty_build():
    source = inspect.getsource(mkdocs.commands.build)
    assert "def build(config: MkDocsConfig, *, serve_url: str | None = None, dirty: bool = False)" in source
    assert ".is_modified()" in source  # the reuse plugin answers it per file, by content
    assert callable(File.is_modified)


def test_the_dirty_warning_the_reuse_plugin_drops_is_still_mkdocs_own():
    assert reuse._DIRTY_WARNING in inspect.getsource(mkdocs.commands.build)


def test_a_reused_page_can_read_its_front_matter_without_being_rendered():
    assert list(inspect.signature(Page.read_source).parameters) == ["self", "config"]


def test_materials_search_index_keeps_its_entries_in_a_list_the_plugin_can_replace():
    source = inspect.getsource(search_plugin)
    assert "class SearchIndex" in source and "self.entries = []" in source
    assert "self.search_index = SearchIndex(" in source
    assert "def on_post_build(self, *, config):" in source  # the reuse plugin's own runs first (event priority 50)
