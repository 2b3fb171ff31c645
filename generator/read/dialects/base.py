"""What every dialect declares, and how a table is read through its dialect."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from generator.core.framework import header_key
from generator.core.language import Message
from generator.core.vocabulary import Meaning
from generator.read.load import RawTable


@dataclass(frozen=True)
class Dialect:
    """One export format of a form tool.

    `signatures`: sets of column keys (`header_key`: no case, accents or spaces); the dialect is recognised when all keys
    of one set are in row 1. `columns`: what the dialect's own columns mean (other columns are
    questions). `question_row`: the header row that names the questions, when a header has more
    rows (`header_rows`). `skip(row)`: why a row, as {column key: cell}, is not an answer.
    `own`: a pattern of headers that are the tool's own data too (a quiz's `Points - <question>`)."""

    name: str
    signatures: tuple[frozenset[str], ...]
    columns: Mapping[str, Meaning]
    header_rows: Callable[[tuple[str, ...], list[tuple[str, ...]]], int] = lambda header, rows: 1
    question_row: int = 1
    skip: Callable[[Mapping[str, str]], Message | None] = lambda row: None
    key_of: Callable[[str], str] = header_key
    question_text: Callable[[str], str] = lambda header: header
    own: re.Pattern[str] | None = None

    def recognises(self, header: tuple[str, ...]) -> bool:
        keys = {self.key_of(name) for name in header}
        return any(signature <= keys for signature in self.signatures)

    def meaning(self, header: str) -> Meaning | None:
        found = self.columns.get(self.key_of(header))
        if found is None and self.own is not None and self.own.match(header):
            return Meaning.IGNORE
        return found


@dataclass(frozen=True)
class DialectTable:
    """A table as its dialect presents it: the header questions named, and the data rows that are
    not answers, with the reason (they are listed as unused, never dropped silently)."""

    table: RawTable
    dialect: Dialect | None
    skipped: Mapping[int, Message] = field(default_factory=dict)


def apply_dialect(table: RawTable, dialects: tuple[Dialect, ...]) -> DialectTable:
    dialect = next((d for d in dialects if d.recognises(table.header)), None)
    if dialect is None:
        return DialectTable(table, None)
    rows = list(table.rows)
    extra = dialect.header_rows(table.header, [cells for _, cells in rows[:3]]) - 1
    header = table.header
    if extra > 0:
        header_rows = [cells for _, cells in rows[:extra]]
        questions = header_rows[dialect.question_row - 2] if dialect.question_row > 1 else header
        # Its own columns keep their row-1 name; a question is named by its text.
        header = tuple(
            name if dialect.meaning(name) is not None or not (index < len(questions) and questions[index].strip()) else questions[index].strip()
            for index, name in enumerate(table.header)
        )
        last_header_row = rows[extra - 1][0]
        table = replace(table, header=header, rows=tuple(rows[extra:]),
                        empty_rows=tuple(r for r in table.empty_rows if r > last_header_row),
                        flagged=tuple(f for f in table.flagged if f[0] > last_header_row))
    keys = [dialect.key_of(name) for name in table.header]
    skipped = {}
    for number, cells in table.rows:
        reason = dialect.skip(dict(zip(keys, cells, strict=False)))
        if reason is not None:
            skipped[number] = reason
    return DialectTable(table, dialect, skipped)


# `G01Q03. …`, and an array question's `G02Q01[SQ001]. …` (the question's code, its subquestion's code).
_CODE_AND_TEXT = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*(?:\[[A-Za-z0-9_]+\])?)\.\s+\S")


def code_of(header: str) -> str:
    """`submitdate. Datum verstuurd` → `submitdate`: LimeSurvey's "code & question text" headings."""
    found = _CODE_AND_TEXT.match(header)
    return header_key(found.group(1) if found else header)


def text_of(header: str) -> str:
    """`G01Q03. 1a. In welke mate …` → `1a. In welke mate …`: the question without its code."""
    found = _CODE_AND_TEXT.match(header)
    return header[found.end() - 1:] if found else header


_SUBQUESTION = re.compile(r"^(?P<question>.*?)\s*\[(?P<sub>[^\[\]]+)\]\s*$", re.DOTALL)
# Qualtrics' matrix: `Question - Statement`, read so only where the statement starts with an indicator code.
_STATEMENT = re.compile(r"^(?P<question>.+?)\s+-\s+(?P<sub>[1-9]\s*[A-Za-z](?:[.):]|\s).*)$", re.DOTALL)


def subquestion_first(text: str, pattern: re.Pattern[str] = _SUBQUESTION) -> str:
    """A grid's or array's column, `Hoe zie je het netwerk nu? [1a. In welke mate …]` (LimeSurvey,
    Google Forms) or `Hoe zie je het netwerk nu? - 1a. In welke mate …` (Qualtrics), as
    `1a. In welke mate … (Hoe zie je het netwerk nu?)`: the line first, so its code is recognised."""
    found = pattern.match(text)
    if found and found.group("question").strip():
        return f"{found.group('sub').strip()} ({found.group('question').strip()})"
    return text


def statement_first(text: str) -> str:
    return subquestion_first(text, _STATEMENT)
