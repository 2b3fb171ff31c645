"""Where things are in a generated docs folder: one place, shared by the modules that write them
and the ones that read them (the MkDocs build reads the navigation; tests skip the Vega bundle)."""

from __future__ import annotations

NAV_FILE = ".netwerkspiegel.json"  # navigation, site name and the coach's look, for the MkDocs build
STATIC_DIR = "grafieken"  # the data of each page's charts (`<hash>.js`), and their static SVGs when made
CHART_KINDS = "assets/grafiekvormen.js"  # the Vega-Lite template of every kind of chart, loaded once
VEGA_BUNDLE = "assets/vega/vega-bundle.js"
COLOUR_CSS = "assets/kleur.css"  # the coach's main colour (`site.kleur`)
LANGUAGE_SCRIPT = "assets/taal.js"  # the texts and number notation of the site's language, for netwerkspiegel.js
