"""The few exception types of the library, and located problem records gathered into one report.

Every stage reports what is wrong with the input as `Problem` records; the pipeline collects them
all and raises `InputError` once, so a coach sees every problem in one go. The CLI turns the
exceptions below into messages and exit codes; nothing else in the library prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in the input, in Dutch, as the coach will read it.

    `row` is the row number as a spreadsheet shows it (the header is row 1); `key` locates a
    problem in a settings file instead of a row. Fields that do not apply stay None.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    key: str | None = None
    sheet: str | None = None

    def format(self) -> str:
        where = [self.file]
        if self.sheet is not None:
            where.append(f"blad '{self.sheet}'")
        if self.key is not None:
            where.append(f"sleutel '{self.key}'")
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        text = ", ".join(where)
        if self.value is not None:
            text += f", waarde '{_shorten(self.value)}'"
        return f"{text}: {self.message}"


def _shorten(value: str, limit: int = 60) -> str:
    value = value.replace("\r", " ").replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass(frozen=True)
class Report:
    """All problems found in one run, sorted by file and row so the report reads like the files."""

    problems: tuple[Problem, ...]

    def format(self) -> str:
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        lines = [f"Netwerkspiegel vond {count} {noun} in de invoer. Er is niets geschreven."]
        lines += [f"- {problem.format()}" for problem in self.problems]
        return "\n".join(lines)


class NetwerkspiegelError(Exception):
    """Base class of everything the CLI reports as a clean message with exit code 1."""

    def message(self) -> str:
        return str(self)


class InputError(NetwerkspiegelError):
    """The data folder or its settings hold problems; nothing has been written."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.report = Report(tuple(sorted(problems, key=_problem_order)))
        super().__init__(self.report.format())


def _problem_order(problem: Problem) -> tuple:
    return (problem.file, problem.sheet or "", problem.row or 0, problem.key or "", problem.column or "", problem.message)


class BuildError(NetwerkspiegelError):
    """MkDocs or writing the site failed; the previous site_src/ and site/ are left as they were."""


class UsageError(NetwerkspiegelError):
    """A folder or option given on the command line cannot be used."""
