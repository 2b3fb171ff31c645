"""Netwerkspiegel: from monitoring exports of learning networks to an evaluation site.

The build runs in stages, one subpackage each, and imports only point down this list (an
import-linter contract in pyproject.toml, checked by the tests):

    generator.cli, generator.serve      the command line: thin, turns exceptions into exit codes
    generator.pipeline                  the stages strung together, as one library call
    generator.project                   `netwerkspiegel init`: a coach's new monitoring project
    generator.site                      pages, charts, assets; written and built by MkDocs
    generator.analyse                   audience, aggregates, insights (pure)
    generator.read                      files → one validated data set
    generator.core                      the shared vocabulary and records
"""

__version__ = "0.2.0"
