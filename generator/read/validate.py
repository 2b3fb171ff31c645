"""Stage 1, read (validate): recognise each table, check every cell, and account for every row.

Every problem is collected as a located `Problem` (file, sheet, spreadsheet row, column, value);
nothing is skipped silently and nothing is guessed. Canonical tables are read here, form exports in
`generator.read.forms`. Then, over all tables at once: network names that differ only in case, spaces or
accents are merged; of two form responses by one participant for one network and moment the later
counts; duplicate scores are checked; participants who scored only part of the indicators are
reported. Every data row ends up used, or listed as unused with its reason.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from generator.core.errors import Code, Problem
from generator.core.framework import Framework, name_order, network_key
from generator.core.identity import People, identity_key, suspected_pairs
from generator.core.language import DUTCH, Message, MomentName, joined, listed
from generator.core.model import Agreement, Evaluation, Reflection, Score, SharedPosition, Source, TableSummary, UnusedRow, pack_scores
from generator.core.moments import Moment, half_year
from generator.core.settings import SETTINGS_FILE_NAME, Mappings, Settings, file_key
from generator.core.store import value_digest
from generator.core.text import column_letter
from generator.core.vocabulary import Meaning, PersonalData, Situation, word
from generator.read.account import column_uses
from generator.read.canonical import agreement_row, missing_columns, reflection_row, score_records, shared_row
from generator.read.cells import Parsers
from generator.read.dialects import DIALECTS, Dialect, apply_dialect
from generator.read.forms import Response, anonymised, is_anonymous, read_responses, table_problems, time_column, times_needed
from generator.read.kept import KeptTable
from generator.read.load import ERROR_VALUE, FORMULA_WITHOUT_VALUE, RawTable
from generator.read.recognise import (
    AGREEMENTS,
    EMAIL,
    EVALUATIONS,
    FIRST_NAME,
    IDENTITY_MEANINGS,
    LAST_NAME,
    NAME,
    NETWORK,
    PARTICIPANT,
    REFLECTIONS,
    SCORES,
    SHARED_PICTURE,
    Layout,
    mapping_keys,
    recognise,
)

_MISSING_COLUMN = {
    SHARED_PICTURE: Message("verplichte kolom ontbreekt in dit bestand met gedeelde beelden."),
    AGREEMENTS: Message("verplichte kolom ontbreekt in dit bestand met afspraken."),
    SCORES: Message("verplichte kolom ontbreekt in dit scorebestand."),
    REFLECTIONS: Message("verplichte kolom ontbreekt in dit reflectiebestand."),
    EVALUATIONS: Message("verplichte kolom ontbreekt in dit evaluatiebestand."),
}
UNRECOGNISED = Message(
    "herken het soort bestand niet aan de kopregel. Scores hebben de kolommen "
    "netwerk, meetmoment, deelnemer, indicator, score (en eventueel situatie); "
    "reflecties hebben netwerk, meetmoment of datum, deelnemer, waarde, reflectie "
    "(en eventueel openbaar, niveau, titel)."
)
UNRECOGNISED_FORM = Message(
    "%(lead)s Een formulier heeft vragen die met een indicator beginnen ('1a. …'), vragen per waardecyclus "
    "('Directe waarde: …') of tops en tips; eigen kolomkoppen kun je in netwerkspiegel.toml onder "
    "[kolommen] een betekenis geven."
)


@dataclass(frozen=True)
class Validated:
    """Records whose `participant` is the person's key (see `generator.core.identity.People`), and
    `identities`: every name, e-mail and code the exports hold, for redaction."""

    scores: tuple[Score, ...]
    reflections: tuple[Reflection, ...]
    evaluations: tuple[Evaluation, ...]
    tables: tuple[TableSummary, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    identities: frozenset[str] = frozenset()
    shared: tuple[SharedPosition, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    # Per network, a digest of everything its scores are made from (see `_score_inputs`).
    score_inputs: dict[str, str] = field(default_factory=dict)
    # The networks of the tables taken over from an earlier build (`kept`): none of their scores is
    # in `scores`; each such table's networks and its scores packed (`pack_scores`) are in `absent_scores`.
    absent: frozenset[str] = frozenset()
    absent_moments: tuple[Moment, ...] = ()  # the moments of those tables' scores
    absent_scores: tuple[tuple[tuple[str, ...], bytes], ...] = ()
    keep: tuple[tuple[RawTable, KeptTable], ...] = ()  # what a later build may take over of the tables read now


def _one_shared_position_each(shared: list[SharedPosition], problems: list[Problem]) -> list[SharedPosition]:
    """A network agrees on one position per indicator, situation and moment: a second one is a
    problem (which of the two holds would be a guess)."""
    first: dict[tuple, SharedPosition] = {}
    for position in shared:
        key = (position.network, position.moment.key, position.indicator, position.situation)
        earlier = first.setdefault(key, position)
        if earlier is not position:
            problems.append(Problem(
                position.source.file, position.source.row, word(Meaning.SHARED), DUTCH.short_number(position.value),
                Message("%(network)s heeft voor %(indicator)s op %(moment)s (%(situation)s) al een gedeeld beeld in %(where)s; "
                        "een netwerk spreekt één gedeeld beeld per indicator en meetmoment af. Welke klopt?",
                        network=position.network, indicator=position.indicator, moment=MomentName(position.moment.label),
                        situation=Message(word(position.situation)), where=earlier.source.describe()),
                sheet=position.source.sheet, code=Code.CONFLICTING_SHARED,
            ))
    return list(first.values())


def _each_agreement_once(agreements: list[Agreement], warnings: list[Problem]) -> list[Agreement]:
    """An agreement written down twice for one network and moment (the same words, whatever the
    case or spaces) is shown once; the second is reported."""
    first: dict[tuple, Agreement] = {}
    for agreement in agreements:
        earlier = first.setdefault((agreement.network, agreement.moment.key, agreement.kind, " ".join(agreement.text.casefold().split())), agreement)
        if earlier is not agreement:
            warnings.append(Problem(
                agreement.source.file, agreement.source.row, word(Meaning.AGREEMENT), agreement.text,
                Message("deze tekst staat voor %(network)s op %(moment)s al in %(where)s; hij wordt één keer getoond.",
                        network=agreement.network, moment=MomentName(agreement.moment.label), where=earlier.source.describe()),
                sheet=agreement.source.sheet, code=Code.DUPLICATE_AGREEMENT,
            ))
    return list(first.values())


def _without_scores(records: list[SharedPosition | Agreement], scores: list[Score], taken_over: list[_Kept]) -> list[Problem]:
    """A shared picture or an agreement belongs to a network at a moment it scored: of another
    network or moment (a name or moment spelled otherwise, a row of another programme) it would
    make a page of its own, so it is a problem. Networks whose scores were kept (not read again)
    count at each of their moments."""
    scored = {(score.network, score.moment.key) for score in scores}
    networks = {network for network, _ in scored}
    for taken in taken_over:
        networks.update(taken.kept.networks)
        scored.update((network, moment.key) for network in taken.kept.networks for moment in taken.kept.moments)
    problems = []
    for record in records:
        if (record.network, record.moment.key) in scored:
            continue
        what = Message("dit gedeelde beeld") if isinstance(record, SharedPosition) else Message("deze afspraak")
        if record.network in networks:
            column, value = Meaning.MOMENT, record.moment.label
            message = Message("%(what)s hoort bij %(network)s op %(moment)s, maar %(network)s heeft op dat meetmoment geen scores. "
                              "Staat het meetmoment er precies zo als in de exports met de kruisjes?",
                              what=what, network=record.network, moment=MomentName(record.moment.label))
        else:
            column, value = Meaning.NETWORK, record.network
            message = Message("%(what)s hoort bij %(network)s, maar dat netwerk heeft in geen enkele export scores. "
                              "Staat de naam er precies zo als in de exports met de kruisjes?", what=what, network=record.network)
        problems.append(Problem(record.source.file, record.source.row, word(column), value, message, sheet=record.source.sheet, code=Code.WITHOUT_SCORES))
    return problems


@dataclass
class _TableResult:
    table: RawTable
    layout: Layout
    records: list
    responses: list[Response]
    unused: list[UnusedRow]
    dialect: Dialect | None = None
    identity_rows: list[tuple[str, ...]] = field(default_factory=list)  # see `_identity_cells`
    spellings: Counter = field(default_factory=Counter)  # each network name as its records write it


def validate_tables(tables: tuple[RawTable, ...], framework: Framework, settings: Settings, mappings: Mappings | None = None,
                    kept: Callable[[RawTable], KeptTable | None] | None = None) -> Validated:
    """Every table read and checked, and then the checks over all tables at once.

    `kept`: the memo of what an earlier read kept of a score table (see `generator.read.kept`); a
    table it gives, still under the same context and alone holding its networks' scores, is not
    read again: its networks are `Validated.absent`, its scores come packed as it kept them."""
    mappings = mappings or Mappings()
    parsers = Parsers(framework, settings.spring_until_month)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    slots: list[_TableResult | _Kept] = []  # in the order of the tables
    identity_rows: list[tuple[str, ...]] = []
    used = _SettingsUse()
    for table in tables:
        earlier = kept(table) if kept is not None and table.digest else None
        if earlier is not None:
            used.keys.update(key for header in table.header for key in mapping_keys(header, None))
            identity_rows += earlier.identity_rows
            slots.append(_Kept(table, earlier))
            continue
        result = _read_table(table, framework, settings, mappings, parsers, problems, warnings, used)
        if result is not None:
            identity_rows += result.identity_rows
            slots.append(result)

    for alias, identity in mappings.aliases:
        identity_rows.append((alias, identity))
    persons = _people(identity_rows)
    identities = frozenset(value for row in identity_rows for value in row)
    spellings: Counter = Counter()
    for slot in slots:
        if isinstance(slot, _Kept):
            spellings.update(dict(slot.kept.spellings))
        else:
            slot.spellings = Counter(map(operator.attrgetter("network"), _records_of(slot)))
            spellings.update(slot.spellings)
    chosen = _chosen_names(spellings, warnings)
    context = value_digest((settings, mappings, framework, sorted(persons.items()), sorted(chosen.items()), sorted(identities)))
    holders = _score_holders(slots, chosen)
    taken_over: list[_Kept] = []
    read: list[_TableResult | _Kept] = []
    for slot in slots:
        if isinstance(slot, _Kept):
            if slot.kept.context == context and slot.kept.alone and all(holders[n] == 1 for n in slot.kept.networks):
                taken_over.append(slot)
                read.append(slot)
                continue
            # Read after all; its identities and spellings, counted above, are the same.
            result = _read_table(slot.table, framework, settings, mappings, parsers, problems, warnings, used)
            if result is None:
                continue
            result.spellings = Counter(map(operator.attrgetter("network"), _records_of(result)))
            slot = result
        read.append(slot)
    slots = read
    results = [slot for slot in slots if isinstance(slot, _TableResult)]
    _assign_persons(results, persons)
    pairs = {id(result): _distinct(_records_of(result), "network", "participant") for result in results}
    warnings += _suspected_duplicates([*pairs.values(), *(set(t.kept.pairs) for t in taken_over)], persons)
    _merge_network_names(results, chosen)
    score_inputs = _score_inputs(slots, context)
    _keep_latest_responses(results, warnings)
    if framework.own_indicators:
        _own_indicators_in_their_networks(results, framework, problems, warnings, {n for t in taken_over for n in t.kept.networks})
    scores = _deduplicate(results, parsers, problems, warnings)
    # A form may hold several kinds of record (scores, reflections, an evaluation): collected by what they are.
    reflections = [r for result in results if result.layout.gives(REFLECTIONS) for r in _records_of(result, Reflection)]
    evaluations = [r for result in results if result.layout.gives(EVALUATIONS) for r in _records_of(result, Evaluation)]
    shared = _one_shared_position_each([r for result in results if result.layout.gives(SHARED_PICTURE) for r in _records_of(result, SharedPosition)], problems)
    agreements = _each_agreement_once([r for result in results if result.layout.gives(AGREEMENTS) for r in _records_of(result, Agreement)], warnings)
    problems += _without_scores([*shared, *agreements], scores, taken_over)
    problems += _mappings_without_column(mappings, used.keys) + _file_settings_not_used(mappings, tables, used) + _network_settings_problems(mappings, chosen)
    _report_partial_participants(scores, framework, parsers, warnings)
    summary_of = {id(result): _summary(result) for result in results}
    summaries = [slot.kept.summary if isinstance(slot, _Kept) else summary_of[id(slot)] for slot in slots]
    for taken in taken_over:
        warnings += taken.kept.warnings
    warnings.sort(key=lambda w: (w.file, w.sheet or "", w.row or 0, w.message))
    keep: tuple[tuple[RawTable, KeptTable], ...] = ()
    if kept is not None and not problems:
        about: dict[tuple[str, str | None], list[Problem]] = defaultdict(list)
        for warning in warnings:
            about[(warning.file, warning.sheet)].append(warning)
        keepable = [result for result in results if _keepable(result)]
        final: dict[tuple[str, str | None], list[Score]] = {(result.table.file, result.table.sheet): [] for result in keepable}
        for score in scores:
            if (where := (score.source.file, score.source.sheet)) in final:
                final[where].append(score)
        keep = tuple(_to_keep(result, summary_of[id(result)], about[(result.table.file, result.table.sheet)], pairs[id(result)], context, holders, chosen,
                              final[(result.table.file, result.table.sheet)])
                     for result in keepable)
    return Validated(tuple(scores), tuple(reflections), tuple(evaluations), tuple(summaries), tuple(problems), tuple(warnings), identities,
                     tuple(shared), tuple(agreements), score_inputs,
                     absent=frozenset(n for t in taken_over for n in t.kept.networks),
                     absent_moments=tuple(sorted({m for t in taken_over for m in t.kept.moments})),
                     absent_scores=tuple((t.kept.networks, t.kept.scores) for t in taken_over),
                     keep=keep)


@dataclass
class _Kept:
    """A table an earlier build kept (see `generator.read.kept`), not read (yet)."""

    table: RawTable
    kept: KeptTable


def _keepable(result: _TableResult) -> bool:
    """A canonical score table read from a file: what it adds besides its scores can be kept."""
    return result.layout.kind == SCORES and not result.layout.form and result.dialect is None and bool(result.table.digest)


def _to_keep(result: _TableResult, summary: TableSummary, warnings: list[Problem], pairs: set, context: str, holders: Counter,
             chosen: dict[str, str], scores: list[Score]) -> tuple[RawTable, KeptTable]:
    """What a later read takes over of a table; `warnings`: those about the table; `scores`: its
    scores as the data set has them (persons' keys, networks as merged, duplicates left out)."""
    return result.table, KeptTable(
        identity_rows=tuple(result.identity_rows),
        spellings=tuple(result.spellings.items()),
        context=context,
        alone=all(holders[chosen[name]] == 1 for name in result.spellings),
        summary=summary,
        warnings=tuple(warnings),
        pairs=tuple(sorted(pairs)),
        moments=tuple(sorted(set(map(operator.attrgetter("moment"), result.records)))),
        scores=pack_scores(scores),
    )


def _score_holders(slots: list[_TableResult | _Kept], chosen: dict[str, str]) -> Counter:
    """How many tables hold scores of each network (as merged)."""
    holders: Counter = Counter()
    for slot in slots:
        if isinstance(slot, _Kept):
            holders.update({chosen[name] for name, _ in slot.kept.spellings})
        elif slot.layout.gives(SCORES):
            holders.update({chosen[name] for name in _distinct(_records_of(slot, Score), "network")})
    return holders


def _read_table(table: RawTable, framework: Framework, settings: Settings, mappings: Mappings, parsers: Parsers,
                problems: list[Problem], warnings: list[Problem], used: _SettingsUse) -> _TableResult | None:
    """One table recognised and every cell checked: its records, or None (with the problems said).
    `used` learns what of the settings the table uses."""
    presented = apply_dialect(table, DIALECTS)
    table = presented.table
    if mappings.columns:
        used.keys.update(key for header in table.header for key in mapping_keys(header, presented.dialect))
    used.unjudged.add(file_key(table.file))  # until the table is recognised
    if presented.dialect is not None and not table.rows and not table.empty_rows:
        # Only the header rows of an export (a survey nobody answered yet): said, like a header-only file.
        message = (Message("het blad bevat alleen de kopregels van een %(tool)s-export en nog geen antwoorden; het wordt overgeslagen.", tool=presented.dialect.name)
                   if table.sheet else
                   Message("het bestand bevat alleen de kopregels van een %(tool)s-export en nog geen antwoorden; het wordt overgeslagen.", tool=presented.dialect.name))
        warnings.append(Problem(table.file, None, None, None, message, sheet=table.sheet, code=Code.HEADER_ONLY))
        return None
    layout = recognise(table, framework, mappings, presented.dialect)
    kind = layout.kind
    if kind is None:
        message = Message(UNRECOGNISED_FORM.text, lead=UNRECOGNISED) if table.sheet is not None or len(table.header) > 6 else UNRECOGNISED
        if presented.dialect is not None and presented.dialect.name == "LimeSurvey" and any("[" in header and "." not in header for header in layout.unplaced):
            message = Message("%(message)s LimeSurvey schreef alleen de codes van de vragen (zoals '%(column)s'): exporteer met 'Vraagcode & vraagtekst' of 'Volledige vraagtekst', "
                              "geef de deelvragen codes als 'SQ1a', of geef de kolommen een betekenis onder [kolommen], bijvoorbeeld \"%(column)s\" = \"1a\".",
                              message=message, column=next(h for h in layout.unplaced if "[" in h))
        problems.append(Problem(table.file, table.header_row, None, ", ".join(table.header), message, sheet=table.sheet, code=Code.UNRECOGNISED_TABLE))
        return None
    warnings += _headerless_columns(table)
    used.unjudged.discard(file_key(table.file))
    used.applied.update((file_key(table.file), option) for option in _file_settings_read(layout))
    identities = _identity_cells(table, layout)
    column_problems = _ambiguous_columns(table, layout) + _mappings_not_read(table, layout, mappings)
    if column_problems:
        problems += column_problems
        return None
    # Rows the form tool itself marks as no answer (a preview, an unfinished response) are listed, not read.
    skipped = [UnusedRow(table.file, table.sheet, number, reason) for number, reason in sorted(presented.skipped.items())]
    answers = replace(table, rows=tuple(row for row in table.rows if row[0] not in presented.skipped)) if skipped else table
    answers = _without_flagged_rows(answers, layout, problems)
    if layout.form or layout.kind == EVALUATIONS:
        missing = table_problems(answers, layout, mappings)
        if missing:
            problems += missing
            return None
        responses, unused = read_responses(answers, layout, parsers, settings, mappings, problems)
        if layout.parts[1:] and times_needed(layout, file_moment=False, file_date=mappings.date_of(table.file) is not None)[1]:
            warnings += _meeting_days(table, responses, settings)
        result = _TableResult(table, layout, [], responses, skipped + unused, presented.dialect, identities)
    else:
        # A canonical table may name its participants in an e-mail or name column instead.
        columns = dict(layout.columns)
        if PARTICIPANT not in columns:
            for meaning in (EMAIL, NAME):
                if meaning in columns:
                    columns[PARTICIPANT] = columns[meaning]
                    break
        layout = replace(layout, columns=columns)
        missing_names = missing_columns(kind, layout.columns)
        if missing_names:
            problems += [
                Problem(table.file, table.header_row, column, None, _MISSING_COLUMN[kind], sheet=table.sheet, code=Code.MISSING_COLUMN)
                for column in missing_names
            ]
            return None
        records: list[Score | Reflection | SharedPosition | Agreement]
        if kind == SCORES:
            records = [r for r in score_records(answers, layout.columns, parsers, settings, problems) if r]
        elif kind == SHARED_PICTURE:
            records = [r for r in (shared_row(answers, n, c, layout.columns, parsers, settings, problems) for n, c in answers.rows) if r]
        elif kind == AGREEMENTS:
            records = [r for r in (agreement_row(answers, n, c, layout.columns, parsers, problems, layout.every) for n, c in answers.rows) if r]
        else:
            records = [r for r in (reflection_row(answers, n, c, layout.columns, parsers, problems, layout.every) for n, c in answers.rows) if r]
        result = _TableResult(table, layout, records, [], skipped, presented.dialect, identities)
    if layout.unplaced:
        warnings.append(Problem(table.file, table.header_row, None, ", ".join(layout.unplaced), Message("deze kolommen worden niet gebruikt."), sheet=table.sheet, code=Code.UNUSED_COLUMNS))
    return result


def _headerless_columns(table: RawTable) -> list[Problem]:
    """A column without a heading is not read; where it holds anything, that is said, at its first value."""
    found = []
    for index, name in enumerate(table.header):
        if name.strip():
            continue
        first = next(((number, cells[index]) for number, cells in table.rows if index < len(cells) and cells[index].strip()), None)
        if first is not None:
            found.append(Problem(table.file, first[0], None, first[1], Message(
                "kolom %(letter)s heeft geen kop maar wel gegevens; Netwerkspiegel leest die kolom niet. Geef de kolom een kop "
                "(en zo nodig een betekenis onder [kolommen] in netwerkspiegel.toml), of haal de gegevens weg.", letter=column_letter(index)),
                sheet=table.sheet, code=Code.HEADERLESS_COLUMN))
    return found


@dataclass
class _SettingsUse:
    """What the tables read use of the settings: so that a setting nothing uses is said, not ignored."""

    keys: set[str] = field(default_factory=set)  # the `[kolommen]` keys that name a column of some table
    applied: set[tuple[str, str]] = field(default_factory=set)  # (file key, `[bestanden]` option) some table of that file reads
    unjudged: set[str] = field(default_factory=set)  # files with a table not recognised (or only a header): said already


def _file_settings_read(layout: Layout) -> Iterator[str]:
    """The `[bestanden]` options a table reads: a form (or evaluations) without a column of its own for it."""
    if not (layout.form or layout.kind == EVALUATIONS):
        return  # a table with one value per row has its own columns for all of them
    if NETWORK not in layout.columns:
        yield "netwerk"
    moment, date = times_needed(layout, file_moment=False, file_date=False)  # what no column of its own gives
    if moment:
        yield "meetmoment"
    if date:
        yield "datum"


_NOT_READ_SETTING = {
    "netwerk": Message("'%(file)s' leest deze instelling niet: het bestand heeft een eigen kolom met het netwerk. Ze is voor een formulier dat niet naar het netwerk vraagt; haal de regel weg."),
    "meetmoment": Message("'%(file)s' leest deze instelling niet: het bestand heeft een eigen kolom met het meetmoment, of alleen evaluaties (die horen bij de datum van een bijeenkomst). "
                          "Ze is voor een formulier dat niet naar het meetmoment vraagt; haal de regel weg."),
    "datum": Message("'%(file)s' leest deze instelling niet: het bestand heeft een eigen kolom met de datum, of geen evaluatie van een bijeenkomst. "
                     "Ze is voor de evaluaties in een formulier dat niet naar de datum van de bijeenkomst vraagt; haal de regel weg."),
}


def _network_settings_problems(mappings: Mappings, chosen: dict[str, str]) -> list[Problem]:
    """A `[netwerken]` entry for a network no export holds, or a second entry for the same network
    and option under another spelling (which of the two holds would be a guess): a typing error
    would otherwise go unnoticed. Names are compared as network names are merged (case, spaces and
    accents do not count)."""
    known = {network_key(name) for name in chosen.values()}
    first: dict[tuple[str, str], str] = {}
    problems = []
    for name, option, value in mappings.network_settings():
        key = f"netwerken.\"{name}\".{option}"
        if network_key(name) not in known:
            problems.append(Problem(SETTINGS_FILE_NAME, None, None, value, Message(
                "geen export heeft een netwerk met de naam '%(network)s'; controleer de naam (hoofdletters en spaties tellen niet) of haal de regel weg. Netwerken: %(networks)s.",
                network=name, networks=", ".join(sorted(set(chosen.values()), key=name_order)) or "–"), key=key, code=Code.SETTING_WITHOUT_NETWORK))
        elif (earlier := first.setdefault((network_key(name), option), name)) != name:
            problems.append(Problem(SETTINGS_FILE_NAME, None, None, value, Message(
                "'%(network)s' is hetzelfde netwerk als '%(earlier)s', dat hier al een waarde heeft (hoofdletters en spaties tellen niet); welke geldt? Haal een van beide weg.",
                network=name, earlier=earlier), key=key, code=Code.SETTING_TWICE))
    return problems


def _file_settings_not_used(mappings: Mappings, tables: tuple[RawTable, ...], used: _SettingsUse) -> list[Problem]:
    """A `[bestanden]` entry for a file that is not there, or that no table of its file reads (it has
    its own column for it, or nothing it could apply to): a typing error would otherwise go unnoticed."""
    files = {file_key(table.file) for table in tables}
    problems = []
    for name, option, value in mappings.file_settings():
        key = f"bestanden.\"{name}\".{option}"
        if name not in files:
            problems.append(Problem(SETTINGS_FILE_NAME, None, None, value, Message(
                "er is geen export met de naam '%(file)s'; controleer de naam (met de extensie, zoals .csv of .xlsx) of haal de regel weg. Bestanden: %(files)s.",
                file=name, files=", ".join(sorted(files)) or "–"), key=key, code=Code.SETTING_WITHOUT_FILE))
        elif name not in used.unjudged and (name, option) not in used.applied:
            problems.append(Problem(SETTINGS_FILE_NAME, None, None, value, Message(_NOT_READ_SETTING[option].text, file=name), key=key, code=Code.SETTING_NOT_READ))
    return problems


def _meeting_days(table: RawTable, responses: list[Response], settings: Settings) -> list[Problem]:
    """A form that holds crosses or stories and an evaluation, without a question for the meeting's
    date: each day with answers is a meeting of its own. Said where one network's evaluations of one
    half year fall on several days: likely one meeting, answered on several days."""
    days: dict[tuple[str, str], set[dt.date]] = {}
    for response in responses:
        if response.kind == EVALUATIONS and isinstance(response.moment, dt.date):
            days.setdefault((response.network, half_year(response.moment, settings.spring_until_month).label), set()).add(response.moment)
    found = []
    for (network, moment), dates in sorted(days.items()):
        if len(dates) > 1:
            first, last = min(dates), max(dates)
            found.append(Problem(table.file, table.header_row, None, None, Message(
                "de evaluaties van %(network)s op %(moment)s vallen op %(count)s dagen (%(first)s tot en met %(last)s); zonder vraag naar de datum van de "
                "bijeenkomst telt elke dag als een eigen bijeenkomst. Was het één bijeenkomst, zet dan in netwerkspiegel.toml: "
                "[bestanden.\"%(file)s\"] datum = \"%(day)s\", of vraag in het formulier naar de 'Datum van de bijeenkomst'.",
                network=network, moment=MomentName(moment), count=len(dates), first=first, last=last, file=table.file, day=first.isoformat()),
                sheet=table.sheet, code=Code.MEETING_DAYS))
    return found


def _score_inputs(slots: list[_TableResult | _Kept], context: str) -> dict[str, str]:
    """Per network, a digest of everything its scores are made from: each table that holds any of
    them (its file, sheet and bytes, in the order the tables are read: a repeated score counts
    where it first appears) and `context`, what every record depends on (the settings, column
    meanings, framework, who is whom, the chosen spelling of each network, every identity).

    Equal digests, equal scores: the build takes a network's figures from the previous build by
    it (see `generator.carried`). Counted before form responses give way to later ones, so a
    table whose response lost still counts. A network with a table not read from a file (no
    digest, as in tests that make tables themselves) gets none, and is always analysed anew."""
    tables: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
    for slot in slots:
        if isinstance(slot, _Kept):
            networks: Iterable[str] = slot.kept.networks
        elif slot.layout.gives(SCORES):
            networks = sorted(_distinct(_records_of(slot, Score), "network"))
        else:
            continue
        for network in networks:
            tables[network].append((slot.table.file, slot.table.sheet, slot.table.digest))
    return {network: value_digest((context, tuple(found))) for network, found in tables.items() if all(digest for *_, digest in found)}


def _identity_cells(table: RawTable, layout: Layout) -> list[tuple[str, ...]]:
    """Per row, every identity it holds (participant, e-mail, name columns, first and last name
    joined): one person's names. Rows that are not read (a preview, an unfinished answer) count too."""
    columns = [index for meaning in IDENTITY_MEANINGS if meaning not in (FIRST_NAME, LAST_NAME) for index in layout.all_of(meaning)]
    name_parts = [index for meaning in (FIRST_NAME, LAST_NAME) for index in layout.all_of(meaning)]
    if not columns and not name_parts:
        return []
    found = []
    read = operator.itemgetter(*columns, *name_parts)
    width = len(columns) + len(name_parts)
    # A participant's every row names the same identities: each combination is linked once, in row order.
    for combination in dict.fromkeys(read(cells) for _, cells in table.rows):
        cells_read = combination if width > 1 else (combination,)
        values = [v for v in (" ".join(cells_read[i].split()) for i in range(len(columns))) if v and not is_anonymous(v)]
        joined = " ".join(" ".join(cells_read[i].split()) for i in range(len(columns), width)).strip()
        if joined:
            values.append(joined)
        if values:
            found.append(tuple(values))
    return found


def _mappings_not_read(table: RawTable, layout: Layout, mappings: Mappings) -> list[Problem]:
    """A column the coach gave a meaning in `[kolommen]` that this table does not read: the mapping
    cannot apply here (a consent column in a form without reflections, a cycle in a score table)."""
    used = layout.used_columns() | set(layout.ignored)
    problems = []
    for index, key in layout.mapped:
        if index in used or any(index == later for later, _ in layout.ambiguous):
            continue
        problems.append(Problem(
            table.file, table.header_row, table.header[index], mappings.column(key),
            Message("netwerkspiegel.toml geeft deze kolom (%(letter)s) onder [kolommen] de betekenis '%(meaning)s', maar dit bestand "
                    "(%(kind)s) leest die niet: %(why)s Pas de betekenis aan of haal de regel weg.",
                    letter=column_letter(index), meaning=mappings.column(key) or "", kind=Message(word(layout.kind)) if layout.kind else Message("onbekend"),
                    why=_not_read_reason(layout)),
            sheet=table.sheet, code=Code.MAPPING_NOT_READ,
        ))
    return problems


def _not_read_reason(layout: Layout) -> Message:
    if not layout.form:
        return Message("een tabel met één waarde per rij heeft vaste kolommen, zoals 'indicator' en 'score' of 'waarde' en 'reflectie'.")
    return Message("een formulier leest per deel (scores, reflecties, evaluatie) alleen de kolommen van dat deel, en dit formulier heeft %(parts)s.",
                   parts=joined([Message(word(part)) for part in layout.parts]))


def _mappings_without_column(mappings: Mappings, matched: set[str]) -> list[Problem]:
    """A `[kolommen]` entry that names no column of any export: a typing error would otherwise leave a column unread."""
    headers = dict(mappings.column_headers)
    return [
        Problem(SETTINGS_FILE_NAME, None, None, headers.get(key, key),
                Message("geen enkele export heeft een kolom met deze kop; controleer de spelling (hoofdletters en spaties tellen niet) of haal de regel weg."),
                key=f"kolommen.\"{headers.get(key, key)}\"", code=Code.MAPPING_WITHOUT_COLUMN)
        for key, _meaning in mappings.columns if key not in matched
    ]


def _ambiguous_columns(table: RawTable, layout: Layout) -> list[Problem]:
    """Two columns that mean what only one may mean: which counts would be a guess."""
    used = layout.used_columns()
    return [
        Problem(
            table.file, table.header_row, table.header[index], None,
            Message("deze kolom (%(letter)s) betekent hetzelfde als kolom '%(other)s' (%(other_letter)s); "
                    "welke telt? Verwijder of hernoem een van beide, of geef er één in netwerkspiegel.toml onder [kolommen] de betekenis 'negeren'.",
                    letter=column_letter(index), other=table.header[earlier], other_letter=column_letter(earlier)),
            sheet=table.sheet, code=Code.AMBIGUOUS_COLUMNS
        )
        for index, earlier in layout.ambiguous
        if earlier in used
    ]


_FLAG_CODES = {ERROR_VALUE: Code.EXCEL_ERROR_VALUE, FORMULA_WITHOUT_VALUE: Code.FORMULA_WITHOUT_VALUE}
_FLAG_MESSAGES = {
    ERROR_VALUE: Message("Excel toont hier een foutwaarde: de formule in deze cel kan niet worden berekend. Herstel de formule of typ de waarde in."),
    FORMULA_WITHOUT_VALUE: Message("deze cel heeft een formule zonder berekende waarde (het programma dat het bestand opsloeg, rekende formules niet uit). Open het bestand in Excel en sla het opnieuw op."),
}


def _without_flagged_rows(table: RawTable, layout: Layout, problems: list[Problem]) -> RawTable:
    """Cells that show an error value or hold an uncomputed formula, in columns that are read, are
    problems; their rows are not read further (the problem is the row's one message)."""
    used = layout.used_columns()
    flagged = [f for f in table.flagged if f[1] in used]
    if not flagged:
        return table
    for row, column, kind, shown in flagged:
        problems.append(Problem(table.file, row, table.header[column], shown, _FLAG_MESSAGES[kind], sheet=table.sheet, code=_FLAG_CODES[kind]))
    rows = {row for row, *_ in flagged}
    return replace(table, rows=tuple(r for r in table.rows if r[0] not in rows))


def _people(identity_rows: list[tuple[str, ...]]) -> dict[str, str]:
    people = People()
    for row in identity_rows:
        people.link(row)
    return people.persons()


def _assign_persons(results: list[_TableResult], persons: dict[str, str]) -> None:
    """Every record's participant becomes its person's key: one person, one key, in every file."""

    known: dict[str, str] = {}  # a participant's every row spells it the same: folded once

    def person(participant: str | None) -> str | None:
        if participant is None:
            return None
        found = known.get(participant)
        if found is None:
            key = identity_key(participant)
            found = known[participant] = persons.get(key, key)
        return found

    def record(r: Any) -> Any:  # any record with a participant
        participant = getattr(r, "participant", None)
        if participant is None:
            return r
        key = person(participant)
        if key == participant:  # already the person's key (a folded e-mail, mostly): the record as it is
            return r
        return r._replace(participant=key) if hasattr(r, "_replace") else replace(r, participant=key)

    for result in results:
        # A table's rows name a few participants many times: when each already is its person's key
        # (the usual case), the table's records stay as they are, unvisited one by one.
        if any(person(p) != p for p in _distinct(result.records, "participant")):
            result.records = [record(r) for r in result.records]
        result.responses = [
            replace(response, participant=person(response.participant), records=tuple(record(r) for r in response.records))
            for response in result.responses
        ]


def _distinct(records: list, *fields: str) -> set:
    """The distinct values of `fields` (one field: the value, more: a tuple) over records; a kind
    without one of the fields (an agreed position has no participant) gives None for it."""
    try:
        return set(map(operator.attrgetter(*fields), records))  # in C: a table has up to a million records
    except AttributeError:
        values = (tuple(getattr(r, name, None) for name in fields) for r in records)
        return set(values) if len(fields) > 1 else {value for value, in values}


def _suspected_duplicates(pairs: list[set[tuple[str, str]]], persons: dict[str, str]) -> list[Problem]:
    """Persons in one network who may be one person (a name and an e-mail that spells it) although
    no row links them: said, not guessed. `pairs`: per table, its (network, person) pairs."""
    members: dict[str, list[str]] = defaultdict(list)
    for key, person in persons.items():
        members[person].append(key)
    by_network: dict[str, set[str]] = defaultdict(set)
    for found in pairs:
        for network, participant in found:
            if participant in members:
                by_network[network].add(participant)
    warnings = []
    for network in sorted(by_network):
        for first, second in suspected_pairs({p: members[p] for p in by_network[network]}):
            warnings.append(Problem(
                "deelnemers", None, None, None,
                Message("in '%(network)s' zijn '%(first)s' en '%(second)s' misschien dezelfde deelnemer, maar geen rij koppelt ze, "
                        "dus ze tellen als twee. Is het één persoon, zet dan in netwerkspiegel.toml onder [deelnemers]: \"%(first)s\" = \"%(second)s\".",
                        network=network, first=first, second=second), code=Code.SAME_PERSON
            ))
    return warnings


def _records_of(result: _TableResult, kind: type | None = None) -> list:
    """A table's records; with `kind`, only those of that type (a form may give several)."""
    records = result.records + [record for response in result.responses for record in response.records]
    if kind is None:
        return records
    if len(result.layout.parts) <= 1:  # one kind of record: all or none (a million scores are not looked at one by one)
        return records if result.layout.kind is not None and _RECORD_KINDS.get(result.layout.kind) is kind else []
    return [r for r in records if isinstance(r, kind)]


_RECORD_KINDS = {SCORES: Score, REFLECTIONS: Reflection, EVALUATIONS: Evaluation, SHARED_PICTURE: SharedPosition, AGREEMENTS: Agreement}


def _chosen_names(counts: Counter, warnings: list[Problem]) -> dict[str, str]:
    """Each spelling of a network name (with how many records write it so) → the most used
    spelling of its key; merged spellings are said."""
    variants: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        variants[network_key(name)].append(name)
    chosen: dict[str, str] = {}
    for names in variants.values():
        best = sorted(names, key=lambda n: (-counts[n], n))[0]
        for name in names:
            chosen[name] = best
        if len(names) > 1:
            listed = ", ".join(f"'{n}'" for n in sorted(names))
            warnings.append(Problem("netwerknamen", None, None, None, Message("%(names)s zijn samengevoegd tot '%(name)s' (ze verschillen alleen in hoofdletters, spaties of accenten).", names=listed, name=best), code=Code.NETWORKS_MERGED))
    return chosen


def _merge_network_names(results: list[_TableResult], chosen: dict[str, str]) -> None:
    """Rewrite every network name to its chosen spelling (`_chosen_names`)."""
    if all(chosen[name] == name for name in chosen):
        return  # no two spellings of one network: every record stays as it is
    for result in results:
        result.records = [r if chosen[r.network] == r.network else r._replace(network=chosen[r.network]) for r in result.records]
        result.responses = [r if chosen[r.network] == r.network else r.replace_network(chosen[r.network]) for r in result.responses]


def _keep_latest_responses(results: list[_TableResult], warnings: list[Problem]) -> None:
    """Of two form responses by one participant for one network and moment, the later counts, part by
    part: a form row gives one response per part (scores, reflections, an evaluation). A row whose
    every part a later answer replaced is not used; one that keeps some parts is used, and said."""
    latest: dict[tuple, Response] = {}
    for result in results:
        for response in result.responses:
            if response.participant is None:
                continue
            key = (response.kind, response.network, response.moment, response.participant)
            if key not in latest or response.when > latest[key].when:
                latest[key] = response
    for result in results:
        kept = []
        replaced: dict[int, list[tuple[Response, Response]]] = {}  # row: (earlier response, the later one that counts)
        for response in result.responses:
            winner = latest.get((response.kind, response.network, response.moment, response.participant)) if response.participant else None
            if winner is None or winner is response:
                kept.append(response)
            else:
                replaced.setdefault(response.source.row, []).append((response, winner))
        still = {response.source.row: response for response in kept}
        for row, pairs in replaced.items():
            earlier, winner = pairs[0]
            values = {"network": earlier.network, "moment": _moment_label(earlier.moment), "later": winner.source.describe()}
            if row not in still:
                reason = Message("eerder antwoord van dezelfde deelnemer voor %(network)s op %(moment)s; het latere antwoord (%(later)s) telt", **values)
                result.unused.append(UnusedRow(result.table.file, result.table.sheet, row, reason))
                warnings.append(Problem(result.table.file, row, None, None, Message("%(reason)s.", reason=reason), sheet=result.table.sheet, code=Code.EARLIER_RESPONSE))
                continue
            parts = listed([Message(word(response.kind)) for response, _ in pairs])
            counting = listed([Message(word(response.kind)) for response in kept if response.source.row == row])
            warnings.append(Problem(result.table.file, row, None, None, Message(
                "eerder antwoord van dezelfde deelnemer voor %(network)s op %(moment)s: voor de %(parts)s telt het latere antwoord (%(later)s); "
                "de %(counting)s van dit antwoord tellen nog mee, want het latere antwoord heeft die niet.", parts=parts, counting=counting, **values),
                sheet=result.table.sheet, code=Code.EARLIER_PARTS))
        result.responses = kept


def _own_indicators_in_their_networks(results: list[_TableResult], framework: Framework, problems: list[Problem], warnings: list[Problem],
                                      elsewhere: set[str]) -> None:
    """An own indicator for some networks, scored (or agreed on) in another network, is a problem:
    counting it would be a guess at what the coach meant. A network the settings name that no
    export has is said (a typing error would otherwise silently leave it without the indicator)."""
    restricted = {ind.code: ind for ind in framework.own_indicators if ind.networks}
    if not restricted:
        return
    present = {network_key(name) for name in elsewhere}  # networks of tables not read again
    for result in results:
        present |= {network_key(r.network) for r in _records_of(result)}
        if not (result.layout.gives(SCORES) or result.layout.gives(SHARED_PICTURE)):
            continue
        form_columns = {(code, situation): result.table.header[index] for index, code, situation in result.layout.indicators}
        indicator_column = result.layout.columns.get(Meaning.INDICATOR)
        for record in _records_of(result, Score) + _records_of(result, SharedPosition):
            indicator = restricted.get(record.indicator)
            if indicator is None or indicator.applies_to(record.network):
                continue
            source = record.source
            problems.append(Problem(
                source.file, source.row,
                result.table.header[indicator_column] if indicator_column is not None else form_columns.get((record.indicator, record.situation)),
                record.indicator,
                Message("%(code)s is een eigen indicator van %(networks)s (netwerkspiegel.toml, [indicatoren.\"%(code)s\"]), niet van '%(network)s'. "
                        "Zet '%(network)s' bij netwerken, of haal deze score weg.",
                        code=record.indicator, networks=", ".join(f"'{name}'" for name in indicator.networks), network=record.network),
                sheet=source.sheet, code=Code.INDICATOR_NOT_FOR_NETWORK,
            ))
    for indicator in restricted.values():
        for name in indicator.networks:
            if network_key(name) not in present:
                warnings.append(Problem(
                    "netwerkspiegel.toml", None, None, name,
                    Message("dit netwerk komt in geen enkele export voor, dus de eigen indicator %(code)s telt daar niet. "
                            "Staat de naam er precies zo als in de exports?", code=indicator.code),
                    key=f"indicatoren.\"{indicator.code}\".netwerken", code=Code.UNKNOWN_NETWORK,
                ))


def _moment_label(moment: Moment | dt.date) -> str:
    return MomentName(moment.label) if isinstance(moment, Moment) else moment.isoformat()


_SCORE_KEY = operator.attrgetter("network", "moment.key", "participant", "indicator", "situation")


def _deduplicate(results: list[_TableResult], parsers: Parsers, problems: list[Problem], warnings: list[Problem]) -> list[Score]:
    seen: dict[tuple, Score] = {}
    kept: list[Score] = []
    for result in results:
        if not result.layout.gives(SCORES):
            continue
        records = _records_of(result, Score)
        # Usually no score repeats another: then one dict of the table's keys, made in C, shows it.
        keys = dict(zip(map(_SCORE_KEY, records), records, strict=True))
        if len(keys) == len(records) and keys.keys().isdisjoint(seen.keys()):
            seen.update(keys)
            kept += records
            continue
        duplicate_rows: dict[int, Message] = {}
        for score in records:
            key = _SCORE_KEY(score)
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = score
                kept.append(score)
                continue
            where = earlier.source.describe()
            if earlier.value != score.value:
                problems.append(Problem(
                    score.source.file, score.source.row, "score", DUTCH.short_number(score.value),
                    Message("dezelfde deelnemer gaf voor %(indicator)s op %(moment)s (%(situation)s) al score %(score)s in %(where)s; welke klopt?",
                            indicator=score.indicator, moment=MomentName(score.moment.label), situation=Message(word(score.situation)),
                            score=earlier.value, where=where),
                    sheet=score.source.sheet, code=Code.CONFLICTING_SCORES
                ))
            elif not result.layout.form:
                reason = Message("herhaalt %(where)s (zelfde deelnemer, indicator, meetmoment en score); één keer geteld", where=where)
                duplicate_rows[score.source.row] = reason
                warnings.append(Problem(score.source.file, score.source.row, None, None, Message("%(reason)s.", reason=reason), sheet=score.source.sheet, code=Code.DUPLICATE_SCORE))
        result.unused += [UnusedRow(result.table.file, result.table.sheet, row, reason) for row, reason in duplicate_rows.items()]
    return kept


_PARTICIPANT_AT_MOMENT = operator.attrgetter("situation", "network", "moment", "participant")
_OWN_USE = operator.attrgetter("indicator", "situation", "network", "moment")


def _report_partial_participants(scores: list[Score], framework: Framework, parsers: Parsers, warnings: list[Problem]) -> None:
    """Participants who scored only part of the indicators are kept, and said to be partial."""
    # Scores are unique per participant, indicator, situation and moment (`_deduplicate`), so how
    # many indicators a participant answered is how many scores they have: counted in C.
    counts = Counter(map(_PARTICIPANT_AT_MOMENT, scores))
    # An own indicator counts only at the moments its network used it: a network that adds one
    # this spring did not leave it out last autumn.
    own = {ind.code for ind in framework.own_indicators}
    own_used: dict[tuple, set[str]] = defaultdict(set)
    if own:
        for indicator, situation, network, moment in set(map(_OWN_USE, scores)):
            if indicator in own and situation == Situation.CURRENT:
                own_used[(network, moment)].add(indicator)
    codes_of: dict[tuple, tuple[str, ...]] = {}
    partial: dict[tuple, tuple[str, ...]] = {}  # in the order the participants first appear
    for (situation, network, moment, participant), count in counts.items():
        if situation != Situation.CURRENT:
            continue
        group = (network, moment)
        if group not in codes_of:
            asked = framework.for_network(network).indicator_codes()
            codes_of[group] = tuple(code for code in asked if code not in own or code in own_used[group])
        if count < len(codes_of[group]):
            partial[(network, moment, participant)] = codes_of[group]
    if not partial:
        return
    answered: dict[tuple, set[str]] = defaultdict(set)
    first: dict[tuple, Source] = {}
    for score in scores:
        key = (score.network, score.moment, score.participant)
        if key in partial and score.situation == Situation.CURRENT:
            answered[key].add(score.indicator)
            first.setdefault(key, score.source)
    for key, codes in partial.items():
        found = answered[key]
        lacking = ", ".join(code for code in codes if code not in found)
        source = first[key]
        warnings.append(Problem(
            source.file, source.row, None, None,
            Message("deze deelnemer (%(network)s, %(moment)s) vulde %(found)s van de %(all)s indicatoren in; ontbreekt: %(lacking)s. "
                    "De ingevulde scores tellen mee.", network=key[0], moment=MomentName(key[1].label), found=len(found), all=len(codes), lacking=lacking),
            sheet=source.sheet, code=Code.PARTIAL_PARTICIPANT
        ))


def _date_range(dates: list) -> tuple[Message, ...]:
    if not dates:
        return ()
    if len(dates) == 1:
        return (Message("1 bijeenkomst: %(first)s", first=dates[0]),)
    return (Message("%(count)s bijeenkomsten: %(first)s tot en met %(last)s", count=len(dates), first=dates[0], last=dates[-1]),)


def _summary(result: _TableResult) -> TableSummary:
    table = result.table
    layout = result.layout
    kind = layout.kind
    if kind is None:
        raise ValueError(f"{table.file}: only a recognised table is summarised")
    records = _records_of(result)
    unused = tuple(sorted(result.unused, key=lambda u: u.row))
    empty = len(table.empty_rows)
    rows = len(table.rows) + empty
    parts = layout.parts or (kind,)
    moments = sorted({r.moment for r in records if not isinstance(r, Evaluation)})
    dates = sorted({r.date for r in records if isinstance(r, Evaluation)})
    counts = tuple((part, len(_records_of(result, _RECORD_KINDS[part]))) for part in parts)
    public = sum(1 for r in records if isinstance(r, (Reflection, Agreement)) and r.public)
    times = sorted(response.when[0] for response in result.responses if response.when[0] != dt.datetime.min)
    return TableSummary(
        table.file, table.sheet, kind, layout.form, rows, rows - empty - len(unused), empty, unused,
        tuple(sorted({r.network for r in records}, key=name_order)),
        tuple(Message("%(moment)s", moment=MomentName(m.label)) for m in moments) + _date_range(dates),
        tuple(layout.unplaced),
        result.dialect.name if result.dialect else None,
        _personal(layout),
        parts,
        column_uses(table.header, layout),
        counts,
        public,
        (times[0].date().isoformat(), times[-1].date().isoformat()) if times else None,
        layout.form and anonymised(table, time_column(layout)),
    )


_TEXT_MEANINGS = (Meaning.REFLECTION, Meaning.TOPS, Meaning.TIPS, Meaning.NOTE, Meaning.AGREEMENT, Meaning.STORY, Meaning.TITLE)


def _personal(layout: Layout) -> tuple[PersonalData, ...]:
    """What a table's columns hold of people: identities, and texts they wrote."""
    meanings = set(layout.columns) | {meaning for meaning, columns in layout.every.items() if columns}
    if layout.gives(REFLECTIONS) and layout.form:
        meanings.add(Meaning.REFLECTION)
    found = []
    if meanings & set(IDENTITY_MEANINGS):
        found.append(PersonalData.IDENTITY)
    if meanings & set(_TEXT_MEANINGS) or layout.cycles or layout.notes:
        found.append(PersonalData.FREE_TEXT)
    return tuple(found)
