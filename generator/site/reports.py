"""Stage 3, site (reports): PDF reports, A4, for a school board or a network's own archive.

A report per network (its page's picture, crosses, change, shared picture, conclusions, value
creation and meetings in short) and one for the programme (every network side by side). Each is
the one Typst template (`templates/report/report.typ`) with the report's data as JSON: every text in
the site's language, every user text only ever data shown as text. The data come from the
audience's figures, so a public report holds exactly what the public site may hold.

A report belongs to a page (`PagePlan.report`): it is reused with its page, and otherwise kept in
the store by what it is made of (`rapporten`). The reports a build must make are typeset by other
processes (`Alongside`) as they are added, while the pages are rendered; a handful are typeset here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.analyse.audience import AudienceView
from generator.analyse.figures import Figures, NetworkFigures
from generator.core.fonts import FAMILIES, fonts_version
from generator.core.framework import Framework
from generator.core.language import N_, Translations
from generator.core.processes import Alongside, installed_version
from generator.core.store import Store
from generator.core.vocabulary import Situation, StarterKind, word
from generator.site.charts import PictureLine, indicator_label, picture_lines
from generator.site.paths import REPORTS_FOLDER
from generator.site.typesetting import DRAWING, REPORT_TEMPLATE, ReportJob, compile_reports

DEFAULT_COLOUR = "#1f4e79"  # the reports' colour when the settings give none (white on it: 9 : 1)
# From this many reports to typeset, other processes typeset them while this one renders the pages.
ALONGSIDE_FROM = 2
# The other process that typesets reports (see `Reports`): it imports only what typesetting needs, and
# gives way to the process that renders the pages (a lower priority, where the system has one).
REPORTS_ALONGSIDE = ("import os; hasattr(os, 'nice') and os.nice(10); from generator.core.processes import answer_parent_each; "
                     "from generator.site.typesetting import compile_reports; answer_parent_each(compile_reports)")

ReportData = dict[str, Any]
PICTURES_IN_PROGRAMME = 20  # the programme's report shows the picture of this many networks (the rest: their own reports)
LINE_WIDTH = {False: 198.0, True: 340.0}  # an indicator's line in points: A4 upright, A4 across
TEXT_WIDTH = {False: 493.0, True: 739.0}  # between the margins (1.8 cm a side; see report.typ), in points


def network_report_path(slug: str) -> str:
    return f"{REPORTS_FOLDER}/{slug}.pdf"


class Reports:
    """The reports of one build: taken from the store where the same report was made before, the
    others typeset as they are added by other processes once there is much to typeset, else here;
    collected by `files`."""

    def __init__(self, store: Store, logo: tuple[str, bytes] | None, expected: int = 0) -> None:
        """`expected`: how many reports are sure to be typeset (none of them made before); from
        `ALONGSIDE_FROM` the other processes start now, while this one makes what the reports show."""
        self._store, self._logo = store, logo
        # What every report is made of besides its data: the template, the drawing, Typst, the logo.
        self._made_of = (hashlib.sha256(REPORT_TEMPLATE.read_bytes() + DRAWING.read_bytes()).hexdigest(), installed_version("typst"), fonts_version(), FAMILIES,
                         hashlib.sha256(logo[1]).hexdigest() if logo else None)
        self._made: dict[str, bytes] = {}
        self._jobs: list[tuple[ReportJob, str | None]] = []  # every report to typeset, with its key in the store
        self._waiting: list[ReportJob] = []  # those no other process has been given
        self._helpers: list[_Helper] = []
        if expected >= ALONGSIDE_FROM:
            self._start()

    def _start(self) -> None:
        """Other processes typeset from now on, as many as the machine has cores (at most two: this
        process renders the pages meanwhile), each given what comes next while it typesets."""
        self._helpers = [_Helper(Alongside(REPORTS_ALONGSIDE, (self._logo,), more=True)) for _ in range(min(2, os.cpu_count() or 1))]
        for waiting in sorted(self._waiting, key=lambda job: (-len(job.data), job.path)):
            self._give(waiting)
        self._waiting = []

    def add(self, path: str, data: ReportData) -> None:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        key = None
        if self._store.enabled:
            key = self._store.key("rapporten", self._made_of, text)
            kept = self._store.load("rapporten", key)
            if kept is not None and kept.startswith(b"%PDF-"):
                self._made[path] = kept
                return
        job = ReportJob(path, text)
        self._jobs.append((job, key))
        if self._helpers:
            self._give(job)
            return
        self._waiting.append(job)
        if len(self._waiting) >= ALONGSIDE_FROM:
            self._start()

    def _give(self, job: ReportJob) -> None:
        """To the process with the least to typeset so far (by the size of the data)."""
        helper = min(self._helpers, key=lambda helper: helper.size)
        helper.jobs.append(job)
        helper.size += len(job.data)
        helper.process.send(job)

    def files(self) -> dict[str, bytes]:
        made: dict[str, bytes] = {}
        shares: list[tuple[Alongside | None, list[ReportJob]]] = [*((helper.process, helper.jobs) for helper in self._helpers), (None, self._waiting)]
        for process, jobs in shares:
            answer = process.result() if process is not None else None
            if isinstance(answer, dict) and set(answer) == {job.path for job in jobs}:
                made.update(answer)
            elif jobs:  # typeset here: no other process was asked, or it failed (here any error shows)
                made.update(compile_reports(jobs, self._logo))
        for job, key in self._jobs:
            if key is not None:
                self._store.save("rapporten", key, made[job.path])
        return {**self._made, **made}


@dataclass
class _Helper:
    """A process that typesets reports, with what it was given."""

    process: Alongside
    jobs: list[ReportJob] = field(default_factory=list)
    size: int = 0  # the jobs' data, in characters


# What the reports say, in the site's language.


# The running header and footer repeat on every page in the margin: a text there is cut to this many
# characters (with …) so that it stays on one line or two and never reaches the body text, however
# long a network's name, the site's title or the footer setting is. The first page's title is cut
# too (a heading cannot break across pages); the whole name then follows as ordinary text.
RUNNING_MOST = 60
TITLE_MOST = 150
# What continues the character before it: accents, variation selectors, skin tones, and a joiner.
_CONTINUING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u200c\u200d\U0001f3fb-\U0001f3ff]")


def shortened(text: str, most: int) -> str:
    """`text`, or its start cut at a space where one is near (else anywhere, not inside a character
    with its accents or an emoji sequence) and …, at most `most` characters in all."""
    if len(text) <= most:
        return text
    end = most - 1
    space = text.rfind(" ", 0, end)
    if space > most * 2 // 3:
        end = space
    whole = end
    while whole > 0 and (_CONTINUING.match(text[whole]) or unicodedata.combining(text[whole]) or text[whole - 1] in "\u200c\u200d"):
        whole -= 1
    return text[:whole or end].rstrip() + "…"


def _look(view: AudienceView, t: Translations, title: str, kind: str, subtitle: str, data_date: str, landscape: bool = False) -> ReportData:
    settings = view.settings
    audience = t.gettext("publiek overzicht") if view.is_public else t.gettext("intern")
    footer = shortened(settings.footer or "Netwerkspiegel", RUNNING_MOST)
    running = shortened(title, RUNNING_MOST)
    return {
        "lang": t.language.value.split("_")[0], "title": title, "kind": kind, "subtitle": subtitle, "landscape": landscape,
        "heading": shortened(title, TITLE_MOST),
        "author": settings.organisation or settings.site_title, "organisation": shortened(settings.organisation or settings.site_title, TITLE_MOST),
        "header": f"{shortened(settings.site_title, RUNNING_MOST)} — {audience}",
        "footer": running if running == footer else f"{running} · {footer}",
        "data_date": data_date, "page": t.gettext("pagina %(page)s van %(pages)s") % {"page": "{n}", "pages": "{total}"},
        "colour": settings.colour or DEFAULT_COLOUR, "logo": Path(view.logo[0]).name if view.logo is not None else "",
        "line_width": LINE_WIDTH[landscape], "text_width": TEXT_WIDTH[landscape],
    }


def _text(text: str) -> dict[str, Any]:
    return {"type": "text", "text": text}


def _table(header: list[str], rows: list[list[str]], align: str, landscape: bool = False) -> dict[str, Any]:
    """A table for the template (`table-block`): its text size by its number of columns, the width
    of each column after the first (which takes the rest of the line), in points, and the height of
    a row when every cell fits on one line (a table of fixed rows is laid out in half the time:
    it counts for 200 network reports), else 0."""
    header, rows = [str(cell) for cell in header], [[str(cell) for cell in row] for row in rows]
    size = 7 if len(header) > 8 else 8 if len(header) > 5 else 9
    line = TEXT_WIDTH[landscape]
    widths = _column_widths(header, rows, size, line)
    first = line - sum(widths)
    one_line = all(_wide(row[0], size) <= first and all(_wide(cell, size) <= width for cell, width in zip(row[1:], widths, strict=True))
                   for row in rows)
    return {"type": "table", "header": header, "rows": rows, "align": align, "size": size, "widths": [0.0, *widths],
            "row": round(0.75 * size + 7, 2) if one_line else 0}


def _wide(text: str, size: float, bold: bool = False) -> float:
    """A cell's width on one line, estimated, not measured: a character is at most 0.56 em wide in
    the report's font (Libertinus Serif; digits 0.5 em), bold 0.6 em, a wide one (Chinese, Japanese,
    Korean, an emoji) 1.2 em; 4 points on either side."""
    em = 0.6 if bold else 0.56
    wide = 0 if text.isascii() else sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    return round(((len(text) - wide) * em + wide * 1.2) * size + 8.5, 1)


def _column_widths(header: list[str], rows: list[list[str]], size: float, line: float) -> list[float]:
    """Each column's width after the first, in the line left by the first column's longest cell (at
    most a third of the line): its longest cell and its header on one line; else the header's
    longest word; else all narrower alike (their text wraps)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(header)
    cells = [max((_wide(cell, size) for cell in column), default=0.0) for column in columns]
    rest = line - min(max(cells[0], _wide(header[0], size, True)), line / 3)
    for heading in (lambda text: _wide(text, size, True), lambda text: max(_wide(part, size, True) for part in text.split() or [""])):
        widths = [max(cell, heading(text)) for cell, text in zip(cells[1:], header[1:], strict=True)]
        if sum(widths) <= rest:
            return widths
    return [round(width * rest / sum(widths), 1) for width in widths]


def _legend(t: Translations, kinds: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Each kind of mark with its name (drawn in typesetting, as in the lines)."""
    return [{"kind": kind, "text": t.gettext(text)} for kind, text in kinds]


def _drawn(block: dict[str, Any], view: AudienceView, t: Translations) -> dict[str, Any]:
    """Each dimension of a block with its lines' marks apart (drawn as one SVG in typesetting:
    `generator.site.typesetting.draw_marks`) and in words for a screen reader (`alt`), named as in
    the block's legend."""
    words = {item["kind"]: item["text"] for item in block["legend"]}
    said_of: dict[float, str] = {}  # a few positions, said hundreds of times

    def number(x: float) -> str:
        if x not in said_of:
            said_of[x] = str(t.number(x))
        return said_of[x]

    for dimension in block["dimensions"]:
        lines = [line.pop("marks") for line in dimension["lines"]]
        alts = []
        for line, marks in zip(dimension["lines"], lines, strict=True):
            by_kind: dict[str, list[dict[str, Any]]] = {}
            for mark in marks:
                by_kind.setdefault("band" if mark["kind"].startswith("band") else mark["kind"], []).append(mark)
            said = []
            for kind in words:
                values = by_kind.get(kind, [])
                if kind == "band":  # the middle half of now and of desired
                    said += [f"{words[kind]} {number(mark['x'])} – {number(mark['x2'])}" for mark in values]
                elif kind.startswith("cross") and values:
                    said.append(f"{words[kind]}: {', '.join(number(mark['x']) for mark in values)}")
                else:
                    said += [f"{words[kind]} {number(mark['x'])}" for mark in values]
            alts.append(f"{line['label']}: {'; '.join(said)}")
        dimension["alt"] = ". ".join(alts)
        dimension["marks"] = lines
    block["scale"] = [view.settings.scale_min, view.settings.scale_max]
    return block


def _lines_block(network: NetworkFigures, framework: Framework, t: Translations, marks_of: Callable[[PictureLine], list[dict[str, Any]]],
                 legend: list[tuple[str, str]], if_drawn: list[tuple[str, str]], pitch: float) -> dict[str, Any]:
    """Every indicator of the network's picture (`generator.site.charts.picture_lines`) as a line
    with the marks `marks_of` gives it, grouped by dimension; in the legend `legend`, then each of
    `if_drawn` that some line has."""
    dimensions: list[dict[str, Any]] = []
    for line in picture_lines(network, framework):
        dimension = framework.dimension(line.indicator.dimension)
        title = f"{dimension.code}. {dimension.name}"
        if not dimensions or dimensions[-1]["title"] != title:
            dimensions.append({"title": title, "lines": []})
        dimensions[-1]["lines"].append({"label": indicator_label(framework, line.indicator.code), "left": line.indicator.left,
                                        "right": line.indicator.right, "marks": marks_of(line)})
    drawn = {mark["kind"] for d in dimensions for item in d["lines"] for mark in item["marks"]}
    legend = legend + [(kind, name) for kind, name in if_drawn if kind in drawn]
    return {"type": "lines", "pitch": pitch, "legend": _legend(t, legend), "dimensions": dimensions}


def _picture_block(network: NetworkFigures, framework: Framework, t: Translations) -> dict[str, Any]:
    """The network's picture as on its page: the medians now and desired, the shared picture, and
    where the median was last time."""
    def marks_of(line: PictureLine) -> list[dict[str, Any]]:
        marks: list[dict[str, Any]] = [{"kind": "agreed", "x": line.agreed}] if line.agreed is not None else []
        if line.change is not None and network.previous is not None:
            marks += [{"kind": "shift", "x": line.change.previous, "x2": line.change.latest}, {"kind": "previous", "x": line.change.previous}]
        marks += [{"kind": "desired", "x": line.desired.median}] if line.desired is not None else []
        return marks + ([{"kind": "now", "x": line.current.median}] if line.current is not None else [])

    return _lines_block(network, framework, t, marks_of, [("now", N_("nu")), ("desired", N_("gewenst"))],
                        [("agreed", N_("gedeeld beeld")), ("previous", N_("vorige keer"))], 19)


def _network_block(network: NetworkFigures, view: AudienceView, framework: Framework, t: Translations) -> dict[str, Any]:
    """The picture and the crosses at the latest moment in one figure per dimension: internally every
    participant's cross (above the line now, below it desired), in public only the group's; the
    middle half and the median now and desired; the shared picture; and in grey where the median now
    was last time."""
    crosses: dict[tuple[str, Situation], list[float]] = {}
    if not view.is_public:
        for position in network.positions_latest:
            crosses.setdefault((position.indicator, position.situation), []).append(position.value)

    def marks_of(line: PictureLine) -> list[dict[str, Any]]:
        marks: list[dict[str, Any]] = [{"kind": "agreed", "x": line.agreed}] if line.agreed is not None else []
        if line.change is not None and network.previous is not None:
            marks.append({"kind": "previous", "x": line.change.previous, "offset": -4})
        for situation, sign, kind in ((Situation.CURRENT, -1, "now"), (Situation.DESIRED, 1, "desired")):
            spread = network.spreads.get((line.indicator.code, situation))
            if spread is None:
                continue
            marks.append({"kind": f"band-{kind}", "x": spread.q1, "x2": spread.q3, "offset": 4 * sign})
            stacked: dict[float, int] = {}
            for value in sorted(crosses.get((line.indicator.code, situation), [])):
                level = min(stacked.get(value, 0), 3)
                stacked[value] = stacked.get(value, 0) + 1
                marks.append({"kind": f"cross-{kind}", "x": value, "offset": sign * (10 + 5 * level)})
            marks.append({"kind": f"median-{kind}", "x": spread.median, "offset": 4 * sign})
        return marks

    legend = [("cross-now", N_("kruisje nu")), ("cross-desired", N_("kruisje gewenst"))] if not view.is_public else []
    legend += [("median-now", N_("mediaan nu")), ("median-desired", N_("mediaan gewenst")), ("band", N_("middelste helft van de kruisjes"))]
    return _lines_block(network, framework.for_network(network.network), t, marks_of, legend,
                        [("agreed", N_("gedeeld beeld")), ("previous", N_("mediaan nu, vorige keer"))], 56 if not view.is_public else 19)


def network_report(network: NetworkFigures, view: AudienceView, t: Translations, tables: dict[str, tuple[list[str], list[list[str]], str]],
                   withheld: int) -> ReportData:
    """A network's report: what its page shows, on paper. `tables`: the page's tables (header,
    rows, alignment) by their name; `withheld`: how many groups the public site leaves out."""
    _ = t.gettext
    framework = view.framework
    latest = t.moment(network.latest.label) if network.latest else "–"
    data = _look(view, t, network.network, _("Rapport van het netwerk"),
                 _("Het beeld van het netwerk op %(moment)s, voor het gesprek en voor wie het netwerk steunt.") % {"moment": latest}
                 if network.latest else _("Dit netwerk heeft nog geen kruisjes."),
                 _("Gegevens tot en met %(moment)s") % {"moment": latest})
    theme = view.themes.get(network.network)
    data["intro"] = [_text(theme)] if theme else []
    if view.is_public:
        data["intro"].append({"type": "note", "text": _("Een positie op een lijn is niet goed of fout: het netwerk bepaalt zelf waar het naartoe wil. "
                                                      "Dit rapport toont alleen groepscijfers, voor groepen van minstens %(n)s deelnemers, en "
                                                      "verhalen die deelnemers openbaar wilden maken.") % {"n": view.settings.public_min_group}})
    else:
        data["intro"].append({"type": "note", "text": _("Een positie op een lijn is niet goed of fout: het netwerk bepaalt zelf waar het naartoe wil. "
                                                      "Deelnemers staan er alleen als anonieme kruisjes in. Dit rapport is intern: deel het "
                                                      "alleen binnen het netwerk en met wie het netwerk steunt.")})
    if view.is_public and withheld:
        data["intro"].append({"type": "note", "text": t.ngettext("Voor dit netwerk is %(count)s combinatie van meetmoment, indicator en situatie weggelaten.",
                                                                 "Voor dit netwerk zijn %(count)s combinaties van meetmoment, indicator en situatie weggelaten.",
                                                                 withheld) % {"count": withheld}})
    sections: list[dict[str, Any]] = []
    if network.latest is not None:
        figure = _drawn(_network_block(network, view, framework, t), view, t)
        if figure["dimensions"]:
            blocks: list[dict[str, Any]] = [figure]
            if network.previous is not None and network.changes:
                blocks.insert(0, {"type": "note", "text": _("In grijs: waar de mediaan nu op %(previous)s stond, de verandering sinds vorige keer.")
                                  % {"previous": t.moment(network.previous.label)}})
                moved = [starter.sentence for starter in network.starters if starter.kind == StarterKind.MOVEMENT] if not view.is_public else []
                if moved:
                    blocks += [{"type": "heading", "text": _("Wat het meest verschoof")}, {"type": "list", "items": moved}]
            sections.append({"title": _("Het beeld op %(moment)s") % {"moment": latest}, "blocks": blocks})
    if network.agreed:
        blocks = [_table(*tables["agreed"])]
        if not view.is_public:
            notes = sorted((a for a in network.agreed if a.note), key=lambda a: a.moment, reverse=True)
            blocks += [{"type": "list", "items": [f"{indicator_label(framework, a.indicator)}, {t.moment(a.moment.label)}: {a.note}" for a in notes]}] if notes else []
        sections.append({"title": _("Het gedeelde beeld"), "blocks": blocks})
    if network.decisions:
        blocks = []
        for moment in network.decision_moments:
            blocks += [{"type": "heading", "text": t.moment(moment.label)},
                       {"type": "list", "items": [f"{_(word(d.kind)).capitalize()}: {d.text}" for d in network.decisions_at(moment)]}]
        sections.append({"title": _("Conclusies en afspraken"), "blocks": blocks})
    sections.append({"title": _("Deelname"), "blocks": [_table(*tables["participation"])]})
    values: list[dict[str, Any]] = [_table(*tables["cycles"])]
    for cycle in framework.cycles:
        stories = [s for s in network.stories if s.cycle == cycle.code]
        if stories:
            values += [{"type": "heading", "text": f"{cycle.code}. {cycle.name}"},
                       {"type": "stories", "items": [{"title": s.title or "", "text": s.text,
                                                      "meta": t.moment(s.moment.label) + (f" · {_(word(s.level))}" if s.level else "")}  # type: ignore[arg-type]
                                                     for s in stories]}]
    if not network.stories:
        values.append(_text(_("Dit netwerk heeft nog geen verhalen openbaar gemaakt.") if view.is_public else _("Dit netwerk heeft nog geen reflecties.")))
    sections.append({"title": _("Waardecreatie"), "blocks": values})
    if not view.is_public and network.meetings:
        blocks = [_table(*tables["meetings"])]
        last = network.meetings[-1]
        blocks += [{"type": "heading", "text": _("Bijeenkomst van %(day)s") % {"day": t.date(last.date)}}]
        blocks += [{"type": "note", "text": _("Tops: wat ging goed")}, {"type": "list", "items": list(last.tops)}] if last.tops else []
        blocks += [{"type": "note", "text": _("Tips: wat kan beter")}, {"type": "list", "items": list(last.tips)}] if last.tips else []
        sections.append({"title": _("Bijeenkomsten"), "blocks": blocks})
    data["sections"] = sections
    return data


def programme_report(figures: Figures, t: Translations, patterns: tuple[str, ...], response: tuple[list[str], list[list[str]]],
                     medians: tuple[list[str], list[list[str]]], cycles: tuple[list[str], list[list[str]]]) -> ReportData:
    """The programme's report: every network side by side. Internally with what stands out across
    networks (the coaches' overview); publicly what the public site shows of all networks."""
    _ = t.gettext
    view = figures.view
    moments = [t.moment(moment.label) for moment in view.moments]
    data = _look(view, t, view.settings.site_title, _("Rapport van het programma"),
                 t.ngettext("%(count)s netwerk, op zijn laatste meetmoment.", "%(count)s netwerken naast elkaar, elk op zijn laatste meetmoment.",
                            len(view.networks)) % {"count": len(view.networks)},
                 _("Gegevens tot en met %(moment)s") % {"moment": moments[-1]} if moments else "", landscape=True)
    data["intro"] = [{"type": "note", "text": _("Een positie op een lijn is niet goed of fout: elk netwerk bepaalt zelf waar het naartoe wil.")}]
    if view.is_public:
        data["intro"].append({"type": "note", "text": _("Groepscijfers staan er alleen voor groepen van minstens %(n)s deelnemers.")
                              % {"n": view.settings.public_min_group}})
    sections: list[dict[str, Any]] = []
    if not view.is_public:
        sections.append({"title": _("Wat opvalt"), "blocks": [{"type": "list", "items": list(patterns)} if patterns
                                                              else _text(_("Er springt nu geen patroon over de netwerken heen uit."))]})
    sections.append({"title": _("Respons"), "blocks": [_table(*response, "l" + "r" * (len(response[0]) - 1), landscape=True)]})
    sections.append({"title": _("Mediaan per indicator"), "blocks": [_table(*medians, "ll" + "r" * (len(medians[0]) - 2), landscape=True)]})
    sections.append({"title": _("Waardecreatie per netwerk"), "blocks": [_table(*cycles, "l" + "r" * (len(cycles[0]) - 1), landscape=True)]})
    pictures = [_picture_block(network, view.framework, t) for network in figures.networks[:PICTURES_IN_PROGRAMME]]
    shown = [(network, block) for network, block in zip(figures.networks, pictures, strict=False) if block["dimensions"]]
    if shown:
        blocks: list[dict[str, Any]] = []
        for network, block in shown:  # a network's indicators as one group, under its name
            block["dimensions"] = [{"title": network.network, "lines": [line for d in block["dimensions"] for line in d["lines"]]}]
            blocks.append(_drawn(block, view, t))
        for block in blocks[1:]:
            block["legend"] = []  # one legend, with the first network
        if len(figures.networks) > PICTURES_IN_PROGRAMME:
            blocks.append(_text(_("Het beeld van de andere netwerken staat in hun eigen rapport.")))
        sections.append({"title": _("Het beeld per netwerk"), "blocks": blocks})
    data["sections"] = sections
    return data
