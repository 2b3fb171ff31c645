"""Where things are in a generated docs folder: one place, shared by the modules that write them
and the ones that read them (the MkDocs build reads the navigation; tests skip the Vega bundle)."""

from __future__ import annotations

from pathlib import PurePosixPath

NAV_FILE = ".netwerkspiegel.json"  # navigation, site name and the coach's look, for the MkDocs build
STATIC_DIR = "grafieken"  # the data of each page's charts (`<hash>.js`), and their static SVGs when made
CHART_KINDS = "assets/grafiekvormen.js"  # the Vega-Lite template of every kind of chart, loaded once
VEGA_BUNDLE = "assets/vega/vega-bundle.js"
COLOUR_CSS = "assets/kleur.css"  # the coach's main colour (`site.kleur`)
LANGUAGE_SCRIPT = "assets/taal.js"  # the texts and number notation of the site's language, for netwerkspiegel.js
REPORTS_FOLDER = "rapporten"  # the PDF reports: one per network (`<slug>.pdf`) and the programme's
PROGRAMME_REPORT = f"{REPORTS_FOLDER}/programma.pdf"
# The folders a network has a file of its own in (`<slug>.md`, `.csv`, `.pdf`), and the names the
# site uses there itself: each folder's list page and the programme's report. No network's file
# name is one of them (`generator.site.pages.network_slugs`), whatever the network is called.
NETWORK_FOLDERS = ("netwerken", "vragenlijsten", REPORTS_FOLDER)
SITE_OWN_NAMES = frozenset({"index", PurePosixPath(PROGRAMME_REPORT).stem})
