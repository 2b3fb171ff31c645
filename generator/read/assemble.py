"""Stage 1, read (the end): the validated records as one data set in a fixed order."""

from __future__ import annotations

import operator
from collections import defaultdict
from dataclasses import replace

from generator.core.errors import Code, Problem
from generator.core.fonts import describe, unsettable
from generator.core.framework import Framework, name_order, network_key
from generator.core.identity import Redactor
from generator.core.language import Message, MomentName
from generator.core.model import Agreement, Dataset, Evaluation, Reflection, Score, SharedPosition, TableSummary
from generator.core.moments import Moment
from generator.core.settings import SETTINGS_FILE_NAME, Settings
from generator.read.validate import Validated


def assemble(framework: Framework, settings: Settings, validated: Validated, ignored_files: tuple[str, ...],
             themes: tuple[tuple[str, str], ...] = (), notices: tuple[Problem, ...] = (), sizes: tuple[tuple[str, int], ...] = ()) -> Dataset:
    """The data set in a fixed order: networks by name (`name_order`: every list of networks keeps it), moments in time."""
    records: tuple[Score | Reflection | SharedPosition | Agreement, ...] = (*validated.scores, *validated.reflections, *validated.shared, *validated.agreements)
    network_of = operator.attrgetter("network")  # `map` in C: a million records at 1,000 networks
    names = set(map(network_of, records)) | set(map(network_of, validated.evaluations)) | validated.absent
    networks = tuple(sorted(names, key=name_order))
    moments = tuple(sorted(set(map(operator.attrgetter("moment"), records)) | set(validated.absent_moments)))
    # A theme or size names its network as the coach wrote it; matched the way network names are merged.
    keys = {network_key(name): name for name in networks}
    matched = tuple(sorted((keys[network_key(name)], theme) for name, theme in themes if network_key(name) in keys))
    sized = tuple(sorted((keys[network_key(name)], size) for name, size in sizes if network_key(name) in keys))
    identities = validated.identities
    framework = framework.naming_networks(networks)
    redactor = Redactor(identities, keep=settings.public_keep)  # made once: thousands of identities at 1,000 networks
    warnings = (*validated.warnings, *notices, *_typed_by_coach(redactor, settings, networks, matched, validated.tables, ignored_files),
                *_own_words_by_coach(redactor, framework),
                *_not_in_fonts(settings, networks, matched, framework, validated.reflections, validated.agreements, validated.shared,
                               validated.evaluations))
    dataset = Dataset(
        framework, settings, tuple(validated.scores), tuple(validated.reflections), tuple(validated.evaluations),
        networks, moments, tuple(validated.tables), warnings, tuple(ignored_files), matched, identities,
        shared=tuple(sorted(validated.shared, key=lambda s: (s.network, s.moment, s.indicator, s.situation))),
        agreements=tuple(sorted(validated.agreements, key=lambda a: (a.network, a.moment, a.source))),
        redactor=redactor,
        score_inputs=validated.score_inputs,
        absent=validated.absent,
        absent_scores=validated.absent_scores,
        network_sizes=sized,
    )
    warnings += tuple(_larger_than_size(dataset, sizes, keys))
    return replace(dataset, warnings=tuple(sorted(warnings, key=lambda w: (w.file, w.sheet or "", w.row or 0, w.key or "", w.message))))


def _larger_than_size(dataset: Dataset, sizes: tuple[tuple[str, int], ...], keys: dict[str, str]) -> list[Problem]:
    """A network's size (`[netwerken."naam"] grootte`) below the participants it has at a moment:
    the settings contradict the data (a response over 100 %), so the coach is told which setting,
    and the site shows the number without a share (`generator.site.page_kinds.base.response`)."""
    typed = {keys[network_key(name)]: (name, size) for name, size in sizes if network_key(name) in keys}
    if not typed:
        return []
    scores = dataset.with_scores_of(dataset.absent & set(typed)).scores  # a table taken over counts too
    people: defaultdict[tuple[str, Moment], set[str]] = defaultdict(set)
    for score in scores:
        if score.network in typed:
            people[(score.network, score.moment)].add(score.participant)
    problems = []
    for network, (name, size) in typed.items():
        counts = sorted(((len(found), moment) for (of, moment), found in people.items() if of == network), key=lambda item: (-item[0], item[1]))
        if counts and counts[0][0] > size:
            count, moment = counts[0]
            problems.append(Problem(SETTINGS_FILE_NAME, None, None, str(size), Message(
                "het netwerk '%(network)s' heeft op %(moment)s %(count)s deelnemers met scores, meer dan deze grootte (%(size)s): een respons boven "
                "100%% kan niet. De site toont daar '%(count)s deelnemers (meer dan de grootte %(size)s)', zonder percentage. Pas de grootte aan of "
                "haal de regel weg.", network=network, moment=MomentName(moment.label), count=str(count), size=str(size)),
                key=f'netwerken."{name}".grootte', code=Code.SIZE_BELOW_RESPONSE))
    return problems


def _not_in_fonts(settings: Settings, networks: tuple[str, ...], themes: tuple[tuple[str, str], ...], framework: Framework,
                  reflections: tuple[Reflection, ...] | list[Reflection], agreements: tuple[Agreement, ...] | list[Agreement],
                  shared: tuple[SharedPosition, ...] | list[SharedPosition], evaluations: tuple[Evaluation, ...] | list[Evaluation]) -> list[Problem]:
    """Every text a PDF report may show with a character that none of the reports' fonts has
    (`generator.core.fonts`): there it would be an empty box, so the coach is told where it is and
    which character (the site shows it: a browser has fonts of its own)."""
    found: list[Problem] = []

    every = Message("elk rapport")

    def check(text: str | None, what: Message, where: Message, file: str, row: int | None = None, key: str | None = None,
              sheet: str | None = None) -> None:
        characters = unsettable(text) if text else ""
        if characters:
            found.append(Problem(file, row, None, characters, Message(
                "%(what)s heeft een teken dat geen lettertype van de PDF-rapporten heeft: %(characters)s. In %(reports)s staat daar een leeg "
                "vakje; op de site is het wel te zien.", what=what, characters=describe(characters), reports=where), key=key, sheet=sheet,
                code=Code.CHARACTER_NOT_IN_FONTS))

    def report_of(network: str) -> Message:
        return Message("het rapport van '%(network)s'", network=network)

    def at(record: Reflection | Agreement | SharedPosition | Evaluation, text: str | None, what: Message) -> None:
        check(text, what, report_of(record.network), record.source.file, record.source.row, sheet=record.source.sheet)

    for network in networks:
        check(network, Message("de naam van het netwerk '%(network)s'", network=network),
              Message("het rapport van dit netwerk en dat van het programma"), "netwerknamen")
    for key, text, what in (("site.titel", settings.site_title, Message("de titel van de site")),
                            ("site.organisatie", settings.organisation, Message("de naam van de organisatie")),
                            ("site.voettekst", settings.footer, Message("de voettekst"))):
        check(text, what, every, SETTINGS_FILE_NAME, key=key)
    for network, theme in themes:
        check(theme, Message("het thema"), report_of(network), SETTINGS_FILE_NAME, key=f'netwerken."{network}".thema')
    for indicator in framework.own_indicators:
        where = Message("de rapporten van %(networks)s", networks=", ".join(f"'{name}'" for name in indicator.networks)) if indicator.networks else every
        for key, text in (("label", indicator.label_nl), ("links", indicator.left_nl), ("rechts", indicator.right_nl)):
            check(text, Message("deze tekst"), where, SETTINGS_FILE_NAME, key=f'indicatoren."{indicator.code}".{key}')
    for reflection in reflections:
        at(reflection, reflection.title, Message("de titel van deze reflectie"))
        at(reflection, reflection.text, Message("deze reflectie"))
    for agreement in agreements:
        at(agreement, agreement.text, Message("deze conclusie of afspraak"))
    for position in shared:
        at(position, position.note, Message("deze toelichting bij het gedeelde beeld"))
    for evaluation in evaluations:
        at(evaluation, evaluation.tops, Message("deze tops"))
        at(evaluation, evaluation.tips, Message("deze tips"))
    return found


# What every warning about a participant's name in the coach's own words ends with.
NAMES_A_PARTICIPANT = Message("noemt een deelnemer; die naam komt zo op de site. Kies een naam zonder namen van deelnemers.")


def _said(redactor: Redactor, text: str, name: bool = True) -> Message:
    """`NAMES_A_PARTICIPANT`, with the words that matched (for the coach; a page shows them redacted).
    `name`: the text is a name (a title, a network); else a text (a theme, a label, a footer). An
    everyday word alone ("Stichting Hart voor Onderwijs") is no participant's name: `Redactor.typed_names`."""
    words = ", ".join(f"'{word}'" for word in redactor.typed_names(text))
    if name:
        return Message("noemt een deelnemer (%(words)s); die naam komt zo op de site. Kies een naam zonder namen van deelnemers.", words=words)
    return Message("noemt een deelnemer (%(words)s); die naam komt zo op de site. Laat de naam van de deelnemer weg uit deze tekst.", words=words)


def _typed_by_coach(redactor: Redactor, settings: Settings, networks: tuple[str, ...], themes: tuple[tuple[str, str], ...],
                    tables: tuple[TableSummary, ...], ignored_files: tuple[str, ...]) -> list[Problem]:
    """Words the coach typed (network names, the site title, themes, file and sheet names, column
    headers) that name a participant: they would show on the site, so the coach is told where."""
    said = NAMES_A_PARTICIPANT
    found: list[Problem] = []
    shown = Code.NAME_IN_PUBLIC_TEXT  # on every page, also of the public site
    for network in networks:
        if redactor.typed_names(network):
            found.append(Problem("netwerknamen", None, None, network, Message("de naam van dit netwerk %(said)s", said=_said(redactor, network)), code=shown))
    for key, text, what, name in (("site.titel", settings.site_title, Message("de titel van de site"), True),
                                  ("site.organisatie", settings.organisation, Message("de naam van de organisatie"), True),
                                  ("site.voettekst", settings.footer, Message("de voettekst"), False)):
        if redactor.typed_names(text):
            found.append(Problem("netwerkspiegel.toml", None, None, text, Message("%(what)s %(said)s", what=what, said=_said(redactor, text, name)), key=key, code=shown))
    for network, theme in themes:
        if redactor.typed_names(theme):
            found.append(Problem("netwerkspiegel.toml", None, None, theme, Message("dit thema %(said)s", said=_said(redactor, theme, False)),
                                 key=f'netwerken."{network}".thema', code=shown))
    files = sorted({t.file for t in tables} | set(ignored_files))
    for file in files:
        if redactor.mentions(file):
            found.append(Problem(file, None, None, None, Message("de bestandsnaam %(said)s (op de pagina Gegevenskwaliteit wordt die naam weggelaten).", said=said), code=Code.NAME_IN_TYPED_TEXT))
    for table in tables:
        if table.sheet and redactor.mentions(table.sheet):
            found.append(Problem(table.file, None, None, table.sheet, Message("de naam van dit blad %(said)s (op de pagina Gegevenskwaliteit wordt die naam weggelaten).", said=said), sheet=table.sheet, code=Code.NAME_IN_TYPED_TEXT))
        for header in table.unplaced_columns:
            if redactor.mentions(header):
                found.append(Problem(table.file, None, header, None, Message("deze kolomkop %(said)s (op de pagina Gegevenskwaliteit wordt die naam weggelaten).", said=said), sheet=table.sheet, code=Code.NAME_IN_TYPED_TEXT))
    return found


def _own_words_by_coach(redactor: Redactor, framework: Framework) -> list[Problem]:
    """The words of the coach's own indicators and dimensions that name a participant (they show
    on every page of the indicator, in public too)."""
    found: list[Problem] = []
    for indicator in framework.own_indicators:
        texts = (("label", indicator.label_nl, indicator.label_en), ("vraag", indicator.question_nl, indicator.question_en),
                 ("links", indicator.left_nl, indicator.left_en), ("rechts", indicator.right_nl, indicator.right_en))
        # An English text left out is the Dutch one: said once.
        for key, text in [(key, dutch) for key, dutch, _ in texts] + [(f"{key}_en", english) for key, dutch, english in texts if english != dutch]:
            if redactor.typed_names(text):
                found.append(Problem("netwerkspiegel.toml", None, None, text, Message("deze tekst %(said)s", said=_said(redactor, text, False)),
                                     key=f'indicatoren."{indicator.code}".{key}', code=Code.NAME_IN_PUBLIC_TEXT))
    for dimension in framework.dimensions:
        if dimension.own and (redactor.typed_names(dimension.nl) or redactor.typed_names(dimension.en)):
            found.append(Problem("netwerkspiegel.toml", None, None, dimension.nl, Message("de naam van deze dimensie %(said)s", said=_said(redactor, dimension.nl + " / " + dimension.en)),
                                 key="indicatoren", code=Code.NAME_IN_PUBLIC_TEXT))
    return found
