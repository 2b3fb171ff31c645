"""Stage 1, read (forms): form exports ("wide": one row per response) and meeting evaluations.

Microsoft Forms (Excel: `ID`, `Begintijd`, `Tijd van voltooien`, `E-mail`, `Naam`, then the
questions) and Google Forms (CSV: `Tijdstempel`, `E-mailadres`, then the questions), in Dutch and
English. Each row becomes one `Response` holding the records it gives: scores for every answered
indicator question, one reflection per answered value question, or one meeting evaluation.

- network: a `Netwerk` / `Welk netwerk…?` column, else the file's network from the settings;
- moment: a `Meetmoment` column, else the response time (January–July `<jaar>-voorjaar`, later
  months `<jaar>-najaar`; the boundary is a setting);
- participant: the e-mail address, else the name, else the response ID.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.errors import Code, Problem
from generator.core.language import Message, listed
from generator.core.model import Evaluation, Reflection, Score, SharedPosition, Source, UnusedRow, role_of
from generator.core.moments import Moment, half_year, parse_date
from generator.core.settings import Mappings, Settings
from generator.core.vocabulary import Meaning, Situation, TableKind, word
from generator.read import cells
from generator.read.canonical import UNCLEAR_CONSENT
from generator.read.cells import Parsers
from generator.read.load import RawTable
from generator.read.recognise import (
    DATE,
    EMAIL,
    EVALUATIONS,
    FIRST_NAME,
    IDENTITY_MEANINGS,
    LAST_NAME,
    MOMENT,
    NAME,
    NETWORK,
    PARTICIPANT,
    PUBLIC,
    RATING,
    REFLECTION,
    REFLECTIONS,
    RESPONSE_ID,
    SCORES,
    SHARED_PICTURE,
    START_TIME,
    TIME,
    TIPS,
    TOPS,
    VALUE,
    Layout,
)
from generator.read.rows import RowReader

_ANONYMOUS = {"anonymous", "anoniem", "anonyme", "anoniem antwoord"}


def is_anonymous(value: str) -> bool:
    """Microsoft Forms writes `anonymous` where it knows no e-mail address."""
    return value.strip().lower() in _ANONYMOUS
RATING_RANGE = (1.0, 10.0)


@dataclass(frozen=True)
class Response:
    """One answered form (or one evaluation row): who, where, when, and the records it gives."""

    kind: TableKind
    network: str
    moment: Moment | dt.date
    participant: str | None
    when: tuple
    source: Source
    records: tuple

    def replace_network(self, network: str) -> Response:
        return Response(self.kind, network, self.moment, self.participant, self.when, self.source,
                        tuple(record._replace(network=network) for record in self.records))


# LimeSurvey writes this as every date of a survey with anonymised responses.
ANONYMISED_TIME = "1980-01-01 00:00:00"


def anonymised(table: RawTable, column: int | None) -> bool:
    """Whether every time in the column is LimeSurvey's stand-in for a time it did not keep."""
    if column is None:
        return False
    values = {row[column].strip() for _, row in table.rows} - {""}
    return bool(values) and all(value.startswith(ANONYMISED_TIME[:10]) for value in values)


def time_column(layout: Layout) -> int | None:
    return layout.columns.get(TIME, layout.columns.get(START_TIME))


def table_problems(table: RawTable, layout: Layout, mappings: Mappings) -> list[Problem]:
    """What a form table lacks to place its rows at all: one problem per missing source."""
    problems = []

    def missing(column: str, message: Message, *, code: Code) -> None:
        problems.append(Problem(table.file, table.header_row, column, None, message, sheet=table.sheet, code=code))

    if NETWORK not in layout.columns and mappings.network_of(table.file) is None:
        missing(word(NETWORK), Message("geen kolom met het netwerk. Voeg een kolom 'Netwerk' toe, of zet in netwerkspiegel.toml: [bestanden.\"%(file)s\"] netwerk = \"…\".", file=table.file), code=Code.MISSING_COLUMN)
    column = time_column(layout)
    needs_moment, needs_date = times_needed(layout, mappings.moment_of(table.file) is not None, mappings.date_of(table.file) is not None)
    # Each part needs its moment (scores, reflections) or its meeting's date (an evaluation): from its
    # own column, from the settings, or from the response time, which an anonymised survey does not keep.
    for needed, anonymised_message, missing_message, what in (
            (needs_moment, _ANONYMISED_MOMENT, _NO_MOMENT, word(MOMENT)), (needs_date, _ANONYMISED_DATE, _NO_DATE, word(DATE))):
        if needed and column is not None and anonymised(table, column):
            problems.append(Problem(table.file, table.header_row, table.header[column], ANONYMISED_TIME,
                                    Message(anonymised_message.text, time=ANONYMISED_TIME, file=table.file), sheet=table.sheet, code=Code.ANONYMISED_TIMES))
        elif needed and column is None:
            missing(what, Message(missing_message.text, file=table.file), code=Code.MISSING_COLUMN)
    if column is not None and not anonymised(table, column) and day_first(table, column) is None:
        first, second = _orders(table, column)
        problems.append(Problem(
            table.file, table.header_row, table.header[column], f"{first}, {second}",
            Message("de datums in deze kolom staan niet in één volgorde: '%(first)s' kan alleen dag-maand zijn, '%(second)s' alleen maand-dag. "
                    "Zet alle datums in dezelfde volgorde.", first=first, second=second),
            sheet=table.sheet, code=Code.MIXED_DATE_ORDER))
    if layout.kind not in (EVALUATIONS, SHARED_PICTURE) and not any(c in layout.columns for c in (*IDENTITY_MEANINGS, RESPONSE_ID)):
        missing(word(PARTICIPANT), Message("geen kolom met de deelnemer (e-mail, naam, ID of deelnemer)."), code=Code.MISSING_COLUMN)
    if layout.kind == EVALUATIONS and TOPS not in layout.columns and TIPS not in layout.columns:
        missing(word(TOPS), Message("geen kolom met tops of tips."), code=Code.MISSING_COLUMN)
    return problems


def times_needed(layout: Layout, file_moment: bool, file_date: bool) -> tuple[bool, bool]:
    """Whether the response time must give the moment (of the scores and reflections) and the meeting's
    date (of an evaluation): where no column of their own, nor the settings for the file, give them."""
    parts = layout.parts or ((layout.kind,) if layout.kind else ())
    return (parts != (EVALUATIONS,) and MOMENT not in layout.columns and not file_moment,
            EVALUATIONS in parts and DATE not in layout.columns and not file_date)


_ANONYMISED_MOMENT = Message(
    "elke datum in deze kolom is %(time)s: de enquête is anoniem opgeslagen (LimeSurvey: 'Anonieme antwoorden'), "
    "dus de datum zegt niets over het meetmoment. Voeg een vraag 'Meetmoment' toe, of zet in netwerkspiegel.toml: "
    "[bestanden.\"%(file)s\"] meetmoment = \"2026-voorjaar\".")
_ANONYMISED_DATE = Message(
    "elke datum in deze kolom is %(time)s: de enquête is anoniem opgeslagen (LimeSurvey: 'Anonieme antwoorden'), "
    "dus de datum van de bijeenkomst is onbekend. Voeg een vraag 'Datum van de bijeenkomst' toe, of zet in netwerkspiegel.toml: "
    "[bestanden.\"%(file)s\"] datum = \"2026-03-12\".")
_NO_MOMENT = Message(
    "geen kolom met het meetmoment, en geen tijdstip van het antwoord (zoals 'Tijd van voltooien' of 'Tijdstempel'). "
    "Voeg een kolom 'Meetmoment' toe, of zet in netwerkspiegel.toml: [bestanden.\"%(file)s\"] meetmoment = \"2026-voorjaar\".")
_NO_DATE = Message(
    "geen kolom met de datum van de bijeenkomst, en geen tijdstip van het antwoord (zoals 'Tijd van voltooien' of 'Tijdstempel'). "
    "Voeg een kolom 'Datum' toe, of zet in netwerkspiegel.toml: [bestanden.\"%(file)s\"] datum = \"2026-03-12\".")


def day_first(table: RawTable, column: int) -> bool | None:
    """The day/month order of a time column, from the whole column and the form's language (None: both orders in it)."""
    return cells.day_first([row[column] for _, row in table.rows], table.header[column])


def _orders(table: RawTable, column: int) -> tuple[str, str]:
    """A value that can only be day-first, and one that can only be month-first."""
    first = second = ""
    for _, row in table.rows:
        order = cells.date_order(row[column])
        if order is True and not first:
            first = row[column].strip()
        elif order is False and not second:
            second = row[column].strip()
    return first, second


def read_responses(table: RawTable, layout: Layout, parsers: Parsers, settings: Settings, mappings: Mappings,
                   problems: list[Problem]) -> tuple[list[Response], list[UnusedRow]]:
    """Per row, one response per part the form holds (scores, reflections, an evaluation)."""
    column = time_column(layout)
    if anonymised(table, column):
        column = None  # the times say nothing: the moment comes from its question or the settings
    is_day_first = bool(day_first(table, column)) if column is not None else True
    given_moment, given_date = mappings.moment_of(table.file), mappings.date_of(table.file)
    file_moment = parsers.moment(given_moment) if given_moment else None
    file_date = parse_date(given_date) if given_date else None
    responses: list[Response] = []
    unused: list[UnusedRow] = []
    if layout.kind is None:
        raise ValueError(f"{table.file}: only a recognised table has responses")
    parts = layout.parts or (layout.kind,)
    needs_time = any(times_needed(layout, file_moment is not None, file_date is not None))
    for number, row in table.rows:
        reader = _FormRow(table, layout, number, row, problems, needs_time)
        network = reader.network(mappings)
        when = reader.when(column, is_day_first)
        source = Source(table.file, number, table.sheet)
        participant = reader.participant()
        given: list[tuple[TableKind, Moment | dt.date | None, Sequence[Score | Reflection | Evaluation | SharedPosition]]] = []
        period = reader.period(parsers, when, settings, file_moment) if parts != (EVALUATIONS,) else None
        for part in parts:
            records: Sequence[Score | Reflection | Evaluation | SharedPosition]
            moment: Moment | dt.date | None = period
            if part == EVALUATIONS:
                if not any(reader.get(meaning) for meaning in (TOPS, TIPS, RATING)):
                    continue  # nothing said of the meeting: no date needed
                moment = date = reader.date(when, file_date)
                records = reader.evaluation(network, date, participant, source)
            elif part == SCORES:
                records = reader.scores(network, period, participant, source, settings)
            elif part == SHARED_PICTURE:
                records = reader.shared_positions(network, period, source, settings)
            else:
                records = reader.reflections(network, period, participant, source, parsers)
            given.append((part, moment, records))
        if not reader.ok or any(moment is None for _, moment, _ in given):
            continue  # every problem of the row was reported by `reader`
        if not any(records for *_, records in given):
            unused.append(UnusedRow(table.file, table.sheet, number, _empty_reason(parts)))
            continue
        order = (when or dt.datetime.min, table.file, table.sheet or "", number)
        for part, moment, records in given:
            if records and moment is not None:
                responses.append(Response(part, network, moment, participant, order, source, tuple(records)))
    return responses, unused


_EMPTY_REASON = {
    SCORES: Message("geen antwoord op een indicatorvraag"),
    REFLECTIONS: Message("geen antwoord op een waardevraag"),
    EVALUATIONS: Message("geen tops, tips of cijfer"),
    SHARED_PICTURE: Message("geen antwoord op een vraag naar het gedeelde beeld"),
}


def _empty_reason(parts: tuple[TableKind, ...]) -> Message:
    """Why a row gives nothing: for each part the form holds, what it lacks."""
    return listed([_EMPTY_REASON[part] for part in parts])


class _FormRow(RowReader):
    """One response of a form export: where and when it was given, by whom, and the records it gives."""

    def __init__(self, table: RawTable, layout: Layout, number: int, cells: tuple[str, ...], problems: list[Problem], needs_time: bool = True):
        super().__init__(table, number, cells, layout.columns, problems, layout.every)
        self.layout = layout
        self.needs_time = needs_time

    def network(self, mappings: Mappings) -> str:
        if NETWORK not in self.layout.columns:
            return mappings.network_of(self.table.file) or ""
        return self.required(NETWORK, Message("netwerk ontbreekt."))

    def when(self, column: int | None, is_day_first: bool) -> dt.datetime | None:
        if column is None:
            return None
        text = self.cells[column]
        if not text:
            if self.needs_time:
                self.fail_at(column, Message("het tijdstip van het antwoord ontbreekt."), code=Code.MISSING_VALUE)
            return None
        value = cells.timestamp(text, is_day_first)
        if value is None:
            self.fail_at(column, Message("geen datum en tijd; verwacht bijvoorbeeld '2025-03-14 10:22:31' of '14-3-2025 10:22'."), code=Code.BAD_TIME)
        return value

    def period(self, parsers: Parsers, when: dt.datetime | None, settings: Settings, file_moment: Moment | None) -> Moment | None:
        """The moment from its column, else the file's moment from the settings, else the half year of the response time."""
        if MOMENT in self.layout.columns:
            return self.moment(MOMENT, parsers)
        if file_moment is not None:
            return file_moment
        return half_year(when, settings.spring_until_month) if when else None

    def date(self, when: dt.datetime | None, file_date: dt.date | None) -> dt.date | None:
        """The meeting's date from its column, else the file's date from the settings, else the day of the response."""
        if DATE in self.layout.columns:
            text = self.get(DATE)
            date = parse_date(text) if text else None
            if date is None:
                self.fail(DATE, Message("datum ontbreekt.") if not text else Message("geen datum; gebruik bijvoorbeeld '2026-11-24' of '24-11-2026'."), code=Code.MISSING_VALUE if not text else Code.BAD_DATE)
            return date
        if file_date is not None:
            return file_date
        if when is None and self.ok:
            self.fail_row(Message("geen datum voor de evaluatie van de bijeenkomst: het tijdstip van het antwoord ontbreekt."), code=Code.MISSING_VALUE)
        return when.date() if when else None

    def participant(self) -> str | None:
        """The e-mail address, else the name (also as first and last name), else the response ID."""
        for meaning in (PARTICIPANT, EMAIL, NAME):
            for index in self.layout.all_of(meaning):
                value = self.one_line(index)
                if value is None:
                    return None
                if value and not is_anonymous(value):
                    return value
        parts = []
        for meaning in (FIRST_NAME, LAST_NAME):
            for index in self.layout.all_of(meaning):
                value = self.one_line(index)
                if value is None:
                    return None
                parts.append(value)
        if " ".join(part for part in parts if part):
            return " ".join(part for part in parts if part)
        response_id = self.get(RESPONSE_ID)
        if response_id:
            return f"antwoord {response_id} in {self.table.file}"
        if self.layout.kind not in (EVALUATIONS, SHARED_PICTURE):  # a shared picture is the network's, not a participant's
            self.fail_row(Message("geen deelnemer: de kolommen voor e-mail, naam en ID zijn leeg."), code=Code.NO_PARTICIPANT)
        return None

    def scores(self, network: str, moment: Moment | None, participant: str | None, source: Source, settings: Settings) -> list[Score]:
        found = []
        for index, code, situation in self.layout.indicators:
            text = self.cells[index]
            if not text:
                continue  # not answered: the participant is reported as partial, the rest counts
            value = self._value(index, settings)
            if value is not None and moment is not None and participant is not None:  # else the row failed already
                found.append(Score(network, moment, participant, code, situation, value, source, role_of(self.get(Meaning.ROLE))))
        return found

    def _value(self, index: int, settings: Settings) -> float | None:
        """An answer on the scale: a number, or a choice that starts with one ('7 - vaak')."""
        value = cells.answer(self.cells[index])
        if value is None:
            self.fail_at(index, Message("dit antwoord begint niet met een getal; gebruik een getal of een keuze als '7 - vaak'."), code=Code.NOT_A_NUMBER)
        elif not settings.scale_min <= value <= settings.scale_max:
            self.fail_at(index, Message("score buiten de schaal van %(scale)s.", scale=settings.scale_range), code=Code.SCORE_OUT_OF_SCALE)
        else:
            return value
        return None

    def shared_positions(self, network: str, moment: Moment | None, source: Source, settings: Settings) -> list[SharedPosition]:
        """The network's agreed position per answered question; a note goes with the current
        situation (or the desired one, when only that was agreed). A note without a position is a
        problem: it would be lost."""
        agreed: dict[str, dict[Situation, float]] = {}
        for index, code, situation in self.layout.indicators:
            if self.cells[index]:
                value = self._value(index, settings)
                if value is not None:
                    agreed.setdefault(code, {})[situation] = value
        answered = {code for index, code, _ in self.layout.indicators if self.cells[index]}
        notes = {}
        for index, code in self.layout.notes:
            note = " ".join(self.cells[index].split())
            if note and code not in answered:
                self.fail_at(index, Message("een toelichting bij %(code)s, maar geen gedeeld beeld voor %(code)s; vul het gedeelde beeld in of laat de toelichting weg.",
                                            code=code), code=Code.MISSING_VALUE)
            notes[code] = note
        if moment is None or not self.ok:
            return []
        found = []
        for code, values in agreed.items():
            with_note = Situation.CURRENT if Situation.CURRENT in values else Situation.DESIRED
            for situation, value in values.items():
                found.append(SharedPosition(network, moment, code, situation, value, notes.get(code, "") if situation == with_note else "", source))
        return found

    def reflections(self, network: str, moment: Moment | None, participant: str | None, source: Source, parsers: Parsers) -> list[Reflection]:
        """One reflection per answered cycle question, and the one of a reflection question with its
        cycle question. Consent: the question for that cycle's reflection where the form asks one,
        else the form's consent questions; every answer must be clear."""
        general = self.layout.all_of(PUBLIC)
        public, unclear = cells.consent_of(self.cells, general)
        own: dict[int, list[int]] = {}
        for index, cycle in self.layout.consents:
            own.setdefault(cycle, []).append(index)
        for indices in own.values():
            unclear += cells.consent_of(self.cells, tuple(indices))[1]
        for index in sorted(set(unclear)):
            self.fail_at(index, UNCLEAR_CONSENT, code=Code.UNCLEAR_CONSENT)

        def consent(cycle: int) -> bool:
            return cells.consent_of(self.cells, tuple(own[cycle]))[0] if cycle in own else public

        found = [(cycle, self.cells[index]) for index, cycle in self.layout.cycles if self.cells[index].strip()]
        if REFLECTION in self.layout.columns or VALUE in self.layout.columns:
            text, named = self.get(REFLECTION), self.get(VALUE)
            told = parsers.cycle(named) if named else None
            if text.strip() and REFLECTION in self.layout.columns:
                if VALUE not in self.layout.columns:
                    self.fail(REFLECTION, Message("een reflectie zonder vraag naar de waardecyclus; voeg een vraag 'Over welke waardecyclus gaat je verhaal?' toe, "
                                                  "of stel per waardecyclus een eigen vraag."), code=Code.UNKNOWN_CYCLE)
                elif not named:
                    self.fail(VALUE, Message("een reflectie zonder antwoord op de vraag naar de waardecyclus; vul de cyclus in "
                                             "(direct, potentieel, toegepast, gerealiseerd, transformatief)."), code=Code.MISSING_VALUE)
                elif told is None:
                    self.fail(VALUE, Message("onbekende waardecyclus; gebruik direct, potentieel, toegepast, gerealiseerd, transformatief of 1 tot en met 5."), code=Code.UNKNOWN_CYCLE)
                else:
                    found.append((told, text))
            elif named and told is None:
                self.fail(VALUE, Message("onbekende waardecyclus; gebruik direct, potentieel, toegepast, gerealiseerd, transformatief of 1 tot en met 5."), code=Code.UNKNOWN_CYCLE)
        if moment is None or participant is None or not self.ok:
            return []  # the row failed already
        return [Reflection(network, moment, participant, cycle, text, consent(cycle), None, None, source) for cycle, text in found]

    def evaluation(self, network: str, date: dt.date | None, participant: str | None, source: Source) -> list[Evaluation]:
        tops, tips, rating_text = self.get(TOPS), self.get(TIPS), self.get(RATING)
        rating = None
        if rating_text:
            rating = cells.answer(rating_text)
            low, high = RATING_RANGE
            if rating is None or not low <= rating <= high:
                self.fail(RATING, Message("het cijfer moet een getal van 1 tot en met 10 zijn."), code=Code.BAD_RATING)
                rating = None
        if not (tops or tips or rating is not None) or date is None:
            return []
        return [Evaluation(network, date, tops, tips, participant, rating, source)]
