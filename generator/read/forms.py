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
from generator.core.language import Message
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
    REFLECTIONS,
    RESPONSE_ID,
    SCORES,
    SHARED_PICTURE,
    START_TIME,
    TIME,
    TIPS,
    TOPS,
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


def table_problems(table: RawTable, layout: Layout, mappings: Mappings) -> list[Problem]:
    """What a form table lacks to place its rows at all: one problem per missing source."""
    problems = []

    def missing(column: str, message: Message, *, code: Code) -> None:
        problems.append(Problem(table.file, table.header_row, column, None, message, sheet=table.sheet, code=code))

    if NETWORK not in layout.columns and mappings.network_of(table.file) is None:
        missing(word(NETWORK), Message("geen kolom met het netwerk. Voeg een kolom 'Netwerk' toe, of zet in netwerkspiegel.toml: [bestanden.\"%(file)s\"] netwerk = \"…\".", file=table.file), code=Code.MISSING_COLUMN)
    when_columns = (MOMENT, TIME, START_TIME, DATE) if layout.kind == EVALUATIONS else (MOMENT, TIME, START_TIME)
    if not any(column in layout.columns for column in when_columns):
        what = word(DATE) if layout.kind == EVALUATIONS else word(MOMENT)
        missing(what, Message("geen kolom met het meetmoment of de datum, en geen tijdstip van het antwoord (zoals 'Tijd van voltooien' of 'Tijdstempel')."), code=Code.MISSING_COLUMN)
    if layout.kind not in (EVALUATIONS, SHARED_PICTURE) and not any(c in layout.columns for c in (*IDENTITY_MEANINGS, RESPONSE_ID)):
        missing(word(PARTICIPANT), Message("geen kolom met de deelnemer (e-mail, naam, ID of deelnemer)."), code=Code.MISSING_COLUMN)
    if layout.kind == EVALUATIONS and TOPS not in layout.columns and TIPS not in layout.columns:
        missing(word(TOPS), Message("geen kolom met tops of tips."), code=Code.MISSING_COLUMN)
    return problems


def read_responses(table: RawTable, layout: Layout, parsers: Parsers, settings: Settings, mappings: Mappings,
                   problems: list[Problem]) -> tuple[list[Response], list[UnusedRow]]:
    time_column = layout.columns.get(TIME, layout.columns.get(START_TIME))
    is_day_first = True
    if time_column is not None:
        is_day_first = cells.day_first([row[time_column] for _, row in table.rows], table.header[time_column])
    responses: list[Response] = []
    unused: list[UnusedRow] = []
    kind = layout.kind
    if kind is None:
        raise ValueError(f"{table.file}: only a recognised table has responses")
    for number, row in table.rows:
        reader = _FormRow(table, layout, number, row, problems)
        network = reader.network(mappings)
        when = reader.when(time_column, is_day_first)
        source = Source(table.file, number, table.sheet)
        records: Sequence[Score | Reflection | Evaluation | SharedPosition]
        moment: Moment | dt.date | None
        if kind == EVALUATIONS:
            moment = date = reader.date(when)
            participant = reader.participant()
            records = reader.evaluation(network, date, participant, source)
        else:
            moment = period = reader.period(parsers, when, settings)
            participant = reader.participant()
            if kind == SCORES:
                records = reader.scores(network, period, participant, source, settings)
            elif kind == SHARED_PICTURE:
                records = reader.shared_positions(network, period, source, settings)
            else:
                records = reader.reflections(network, period, participant, source)
        if not reader.ok or moment is None:
            continue  # every problem of the row was reported by `reader`
        if not records:
            unused.append(UnusedRow(table.file, table.sheet, number, _EMPTY_REASON[kind]))
            continue
        order = (when or dt.datetime.min, table.file, table.sheet or "", number)
        responses.append(Response(kind, network, moment, participant, order, source, tuple(records)))
    return responses, unused


_EMPTY_REASON = {
    SCORES: Message("geen antwoord op een indicatorvraag"),
    REFLECTIONS: Message("geen antwoord op een waardevraag"),
    EVALUATIONS: Message("geen tops, tips of cijfer"),
    SHARED_PICTURE: Message("geen antwoord op een vraag naar het gedeelde beeld"),
}


class _FormRow(RowReader):
    """One response of a form export: where and when it was given, by whom, and the records it gives."""

    def __init__(self, table: RawTable, layout: Layout, number: int, cells: tuple[str, ...], problems: list[Problem]):
        super().__init__(table, number, cells, layout.columns, problems, layout.every)
        self.layout = layout

    def network(self, mappings: Mappings) -> str:
        if NETWORK not in self.layout.columns:
            return mappings.network_of(self.table.file) or ""
        return self.required(NETWORK, Message("netwerk ontbreekt."))

    def when(self, column: int | None, is_day_first: bool) -> dt.datetime | None:
        if column is None:
            return None
        text = self.cells[column]
        if not text:
            if MOMENT not in self.layout.columns and DATE not in self.layout.columns:
                self.fail_at(column, Message("het tijdstip van het antwoord ontbreekt."), code=Code.MISSING_VALUE)
            return None
        value = cells.timestamp(text, is_day_first)
        if value is None:
            self.fail_at(column, Message("geen datum en tijd; verwacht bijvoorbeeld '2025-03-14 10:22:31' of '14-3-2025 10:22'."), code=Code.BAD_TIME)
        return value

    def period(self, parsers: Parsers, when: dt.datetime | None, settings: Settings) -> Moment | None:
        """The moment from its column, else the half year of the response time."""
        if MOMENT in self.layout.columns:
            return self.moment(MOMENT, parsers)
        return half_year(when, settings.spring_until_month) if when else None

    def date(self, when: dt.datetime | None) -> dt.date | None:
        if DATE in self.layout.columns:
            text = self.get(DATE)
            date = parse_date(text) if text else None
            if date is None:
                self.fail(DATE, Message("datum ontbreekt.") if not text else Message("geen datum; gebruik bijvoorbeeld '2026-11-24' of '24-11-2026'."), code=Code.MISSING_VALUE if not text else Code.BAD_DATE)
            return date
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

    def reflections(self, network: str, moment: Moment | None, participant: str | None, source: Source) -> list[Reflection]:
        public, unclear = cells.consent_of(self.cells, self.layout.all_of(PUBLIC))
        for index in unclear:
            self.fail_at(index, UNCLEAR_CONSENT, code=Code.UNCLEAR_CONSENT)
        if moment is None or participant is None:
            return []  # the row failed already
        return [
            Reflection(network, moment, participant, cycle, self.cells[index], public, None, None, source)
            for index, cycle in self.layout.cycles if self.cells[index]
        ]

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
