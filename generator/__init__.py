"""Netwerkspiegel: from monitoring exports of learning networks to an evaluation site.

The pipeline runs in named stages, each its own module:
load → validate → model → audience → aggregate → charts → pages → write → mkdocs build.
`generator.pipeline` strings them together; `generator.cli` is a thin shell around it.
"""

__version__ = "0.2.0"
