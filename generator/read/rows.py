"""Stage 1, read (rows): one data row read by what its columns mean, for canonical tables and form
exports alike. Every problem in a cell is recorded with its place (file, sheet, spreadsheet row,
column, value) and its code; `ok` says whether the row can be used."""

from __future__ import annotations

from collections.abc import Mapping

from generator.core.errors import Code, Problem
from generator.core.language import Message
from generator.core.moments import Moment, moment_problem
from generator.core.vocabulary import Meaning
from generator.read.cells import Parsers
from generator.read.load import RawTable

LINE_BREAK = Message("deze cel bevat een regeleinde; een naam past op één regel. Staat er in deze of de vorige rij een aanhalingsteken (\") te veel?")


class RowReader:
    def __init__(self, table: RawTable, number: int, cells: tuple[str, ...], columns: Mapping[Meaning, int], problems: list[Problem],
                 every: Mapping[Meaning, tuple[int, ...]] | None = None):
        self.table, self.number, self.cells, self.columns, self.problems = table, number, cells, columns, problems
        self.every = every if every is not None else {meaning: (index,) for meaning, index in columns.items()}
        self.ok = True

    def get(self, meaning: Meaning) -> str:
        index = self.columns.get(meaning)
        return "" if index is None else self.cells[index]

    def fail_at(self, index: int, message: Message, *, code: Code) -> None:
        self.ok = False
        self.problems.append(Problem(self.table.file, self.number, self.table.header[index], self.cells[index], message, sheet=self.table.sheet, code=code))

    def fail(self, meaning: Meaning, message: Message, *, code: Code) -> None:
        self.fail_at(self.columns[meaning], message, code=code)

    def fail_row(self, message: Message, *, code: Code) -> None:
        """A problem of the row as a whole, not of one cell."""
        self.ok = False
        self.problems.append(Problem(self.table.file, self.number, None, None, message, sheet=self.table.sheet, code=code))

    def one_line(self, index: int) -> str | None:
        """The cell with single spaces; None (and a problem) when it holds a line break."""
        raw = self.cells[index]
        if "\n" in raw:
            self.fail_at(index, LINE_BREAK, code=Code.LINE_BREAK)
            return None
        return " ".join(raw.split())

    def required(self, meaning: Meaning, missing: Message) -> str:
        """A name that must be there, on one line (a network, a participant)."""
        raw = self.get(meaning)
        value = " ".join(raw.split())
        if not value:
            self.fail(meaning, missing, code=Code.MISSING_VALUE)
        elif "\n" in raw:
            self.fail(meaning, LINE_BREAK, code=Code.LINE_BREAK)
        return value

    def moment(self, meaning: Meaning, parsers: Parsers) -> Moment | None:
        text = self.get(meaning)
        if not text:
            self.fail(meaning, Message("meetmoment ontbreekt."), code=Code.MISSING_VALUE)
            return None
        moment = parsers.moment(text)
        if moment is None:
            self.fail(meaning, moment_problem(text), code=Code.BAD_MOMENT)
        return moment
