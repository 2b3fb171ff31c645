"""Stage 3, site (template cache): Jinja templates compiled once per version of their source, kept in the store."""

from __future__ import annotations

import jinja2

from generator.core.store import Store


class StoredTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates as entries of the store (`jinja`): a template is compiled once per
    version of its source (and of Jinja) instead of on every build."""

    def __init__(self, store: Store, name: str) -> None:
        self.store, self.name = store, name

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        return self.store.key("jinja", self.name, jinja2.__version__, bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        content = self.store.load("jinja", self._key(bucket))
        if content is not None:
            bucket.bytecode_from_string(content)  # a mismatched or damaged entry leaves the bucket empty: compiled again

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store.save("jinja", self._key(bucket), bucket.bytecode_to_string())


def compiled_templates(store: Store, name: str) -> jinja2.BytecodeCache | None:
    """The compiled templates of `name` (`pagina's`, `mkdocs`) in the store; None when it keeps nothing."""
    return StoredTemplates(store, name) if store.enabled else None
