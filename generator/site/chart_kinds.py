"""Stage 3, site (chart kinds): the Vega-Lite specification of every kind of chart, built with
Altair once per build (`generator.site.chart_templates`) and kept in the user's cache.

Building an Altair chart costs 15–25 ms; a site with hundreds of charts would spend most of its
time there. So each kind is built once as a template whose data is a named dataset, `rows`; a
chart is its kind's template with its own rows in `datasets` and its own description. No
selections or params are used, so Altair's automatic `view_N`/`param_N` names never appear.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from generator.core.language import DUTCH, Translations
from generator.core.processes import Alongside, installed_version
from generator.core.settings import Settings
from generator.core.store import Store
from generator.core.vocabulary import ChartKind
from generator.site.chart_style import DATASET


@dataclass(frozen=True, eq=False)
class Chart:
    """A chart a page shows: its kind, its rows and its one-line description. Equal only to
    itself, so each declared chart is one entry however alike two are."""

    kind: ChartKind
    rows: tuple[dict[str, Any], ...]
    description: str
    options: tuple[str, ...] = ()  # the indicators to choose from (paths), when not all of the framework's


@dataclass(frozen=True)
class ChartSpec:
    """A chart made: the name of its kind's template and its own data (rows and description) as
    JSON. The page's script puts the two together; the template is shared by every chart of its
    kind and loaded once per site (`assets/grafiekvormen.js`)."""

    kind: ChartKind
    description: str
    template: str  # the template's name in `ChartKinds.templates()`
    data: str  # {"description": …, "rows": […]} as JSON

    @property
    def id(self) -> str:
        """The chart's name in its page's data file: a hash of what it shows."""
        return hashlib.sha256(f"{self.template}\n{self.data}".encode()).hexdigest()[:16]


def script_json(value: object) -> str:
    """Compact, sorted JSON that is also safe inside a script: `</` and `<!--` from a coach's or
    participant's text can never end or comment out the script it is in."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


# The second process that makes the kinds' templates (see `ChartKinds`).
TEMPLATES_ALONGSIDE = "from generator.core.processes import answer_parent; from generator.site.chart_kinds import templates_for; answer_parent(templates_for)"


class ChartKinds:
    """Every chart kind as a Vega-Lite template, built once for one scale and one framework."""

    def __init__(self, settings: Settings, indicator_labels: list[str], translations: Translations = DUTCH, validate: bool = False,
                 store: Store | None = None):
        """`validate`: check each template against the Vega-Lite schema (the tests do; it costs more
        than building them). `store`: where the templates are kept (`grafiekvormen`) by what they
        are made of (scale, labels, language, this program and Altair's version), so a build whose
        settings did not change neither imports nor runs Altair. When they are not kept yet, a
        second process makes them (`Alongside`) while this one makes the pages, which need only
        the templates' names; asking for the templates themselves waits for them."""
        self._domain = [settings.scale_min, settings.scale_max]
        self._labels = tuple(indicator_labels)
        self._gettext = translations.gettext  # titles, axes, legends, tooltips
        self._validate = validate
        self._options: dict[str, tuple[str, ...]] = {}  # a template of a network's own indicators: its list
        self._kinds: dict[str, dict[str, Any]] | None = None  # each kind's template, once there
        self._own: dict[str, dict[str, Any]] = {}  # the templates of `with_options`
        self._store, self._key = store, None
        self._alongside: Alongside | None = None
        if store is not None and store.enabled and not validate:
            self._key = store.key("grafiekvormen", self._domain, self._labels, translations.language.value, installed_version("altair"))
            try:
                self._kinds = json.loads(store.load("grafiekvormen", self._key) or b"")
                return
            except ValueError:
                self._alongside = Alongside(TEMPLATES_ALONGSIDE, (self._domain, list(self._labels), translations))

    def _templates(self) -> dict[str, dict[str, Any]]:
        """Every template made: the kinds' (made here when no second process made them) and the own lists'."""
        if self._kinds is None:
            answer = self._alongside.result() if self._alongside is not None else None
            made = answer if isinstance(answer, dict) else None
            if made is None:
                from generator.site.chart_templates import kind_templates

                made = kind_templates(self._domain, list(self._labels), self._gettext, self._validate)
            self._kinds = made
            if self._store is not None and self._key is not None:
                self._store.save("grafiekvormen", self._key, json.dumps(made, sort_keys=True).encode("utf-8"))
        return {**self._kinds, **self._own}

    def spec(self, chart: Chart) -> ChartSpec:
        """The chart as its kind's template (by name) and its own rows and description."""
        name = chart.kind.value
        if chart.kind == ChartKind.PATHS and chart.options and chart.options != self._labels:
            # A network asked other indicators (own ones) than all chooses from its own list: a template of its own.
            name = self.with_options(chart.options)
        return ChartSpec(chart.kind, chart.description, name, script_json({"description": chart.description, **columns(chart.rows)}))

    def with_options(self, options: tuple[str, ...]) -> str:
        """The name of the paths template for a network's own list of indicators, made when first asked."""
        name = f"{ChartKind.PATHS.value}-{hashlib.sha256(json.dumps(list(options)).encode()).hexdigest()[:12]}"
        if name not in self._own:
            from generator.site.chart_templates import paths_template

            self._own[name] = paths_template(self._domain, list(options), self._gettext, self._validate)
            self._options[name] = tuple(options)
        return name

    def options_of(self, name: str) -> tuple[str, ...]:
        """What `with_options` made the template `name` for; () for a kind's own template."""
        return self._options.get(name, ())

    def full(self, spec: ChartSpec) -> str:
        """The whole Vega-Lite specification of a made chart, as JSON (for its static SVG)."""
        data = json.loads(spec.data)
        return script_json({**self._templates()[spec.template], "datasets": {DATASET: rows_of(data)}, "description": data["description"]})

    def templates(self, used: set[str]) -> dict[str, dict[str, Any]]:
        """The templates of the kinds the site uses, by name."""
        return {name: template for name, template in sorted(self._templates().items()) if name in used}


def templates_for(domain: list[float], labels: list[str], translations: Translations) -> dict[str, dict[str, Any]]:
    """Every kind's template: what the second process of `ChartKinds` answers."""
    from generator.site.chart_templates import kind_templates

    return kind_templates(domain, labels, translations.gettext, False)


def columns(rows: tuple[dict[str, Any], ...]) -> dict[str, list]:
    """Rows as columns: the field names once, then per row its values in that order (null where a
    row lacks the field). Half the size of a list of objects, which repeat every name in every row;
    netwerkspiegel.js (and `rows_of`) make the rows again."""
    fields = sorted({field for row in rows for field in row})
    return {"fields": fields, "values": [list(map(row.get, fields)) for row in rows]}


def rows_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of `columns`, each with only the fields it had."""
    fields = data["fields"]
    return [{field: value for field, value in zip(fields, values, strict=True) if value is not None} for values in data["values"]]


def declare(kind: ChartKind, rows: list[dict[str, Any]], description: str, options: tuple[str, ...] = ()) -> Chart:
    return Chart(kind, tuple(rows), description, options)

