"""`netwerkspiegel init`: a coach's own monitoring project, ready to fill, build and publish.

Writes starter workbooks (headers, drop-down lists, an explanation sheet), the settings file with
every setting explained, a README for the coach, a `.gitignore`, a pinned `requirements.txt` and CI
for GitHub and GitLab. It never overwrites a file: what exists is skipped and listed. Everything is
planned and checked before the first file is written; a failure while writing takes back only what
that run made.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from openpyxl.worksheet.datavalidation import DataValidation

from generator.core.errors import UsageError, os_reason
from generator.core.framework import Framework, load_framework
from generator.core.installation import InstallSource
from generator.core.language import DUTCH, Message
from generator.core.questions import form_questions
from generator.core.resources import TEMPLATES_DIR
from generator.core.settings import OPTIONS, Settings
from generator.core.store import PROGRAM_NAMESPACES
from generator.core.vocabulary import Level, Situation, word


@dataclass(frozen=True)
class InitResult:
    created: tuple[str, ...]
    skipped: tuple[str, ...]
    source: InstallSource  # what `requirements.txt` pins (or, with no requirement, explains)


def _settings_sections() -> list[tuple[str, list[dict[str, object]]]]:
    sections: dict[str, list[dict[str, object]]] = {}
    for option in OPTIONS.values():
        section, name = option.key.split(".", 1)
        example = option.example
        words, lines, line = option.help.split(), [], ""
        for help_word in words:
            if len(line) + len(help_word) + 1 > 95:
                lines.append(line)
                line = help_word
            else:
                line = f"{line} {help_word}".strip()
        lines.append(line)
        sections.setdefault(section, []).append({"name": name, "example": example, "help_lines": lines})
    return list(sections.items())


def _render(template: str, **context: object) -> bytes:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR / "project")), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False,
    )
    return env.get_template(template).render(**context).encode("utf-8")


def project_files(source: InstallSource) -> dict[str, Callable[[], bytes]]:
    """Every file of a new project, by path, made only when it is written; `requirements.txt` pins
    `source`, the program that runs `init`."""
    framework = load_framework()
    caches = {"program_caches": PROGRAM_NAMESPACES}
    context = {"version": source.version, "source": source, "min_group": Settings().public_min_group, **caches, **form_questions(framework)}
    return {
        "README.md": lambda: _render("README.md.j2", **context),
        ".gitignore": lambda: _render("gitignore.j2"),
        "requirements.txt": lambda: _render("requirements.txt.j2", source=source),
        ".github/workflows/netwerkspiegel.yml": lambda: _render("github-workflow.yml.j2", **caches),
        ".gitlab-ci.yml": lambda: _render("gitlab-ci.yml.j2", **caches),
        "data/netwerkspiegel.toml": lambda: _render("netwerkspiegel.toml.j2", sections=_settings_sections()),
        "data/scores.xlsx": lambda: _scores_workbook(framework),
        "data/reflecties.xlsx": lambda: _reflections_workbook(framework),
        "data/evaluaties.xlsx": _evaluations_workbook,
    }


def _shown(path: Path) -> str:
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _lines(problems: list[Message]) -> Message:
    """Several problems as one message, one per line."""
    joined = Message("- %(problem)s", problem=problems[0])
    for problem in problems[1:]:
        joined = Message("%(before)s\n- %(problem)s", before=joined, problem=problem)
    return joined


@dataclass(frozen=True)
class _Plan:
    write: tuple[str, ...]  # the files to write, in order
    skip: tuple[str, ...]  # the files (or links) that are there already: never changed
    folders: tuple[Path, ...]  # the folders to make, parents first


def _plan(folder: Path, relatives: list[str]) -> _Plan:
    """What `init` will write and make, with every precondition checked first: UsageError with every
    problem at once (nothing written) when one fails.

    A folder on the way (the project folder, `data/`, `.github/workflows/`) must be a folder or be
    makeable: not a file, not a link to nothing or to a file (a link to a folder is followed: the
    coach put it there). Where a file goes, a folder may not stand. Every folder written in must
    allow it. A file or link already at a file's path is skipped, never changed."""
    problems: list[Message] = []
    said: set[Path] = set()
    to_make: list[Path] = []
    write, skip = [], []

    def usable_folder(path: Path) -> bool:
        """True when `path` is (or will be made as) a folder; a problem is noted once when it cannot be."""
        if path in said:
            return False
        if path.is_symlink() and not path.exists():
            problems.append(Message("'%(path)s' is een snelkoppeling (symbolische link) naar iets dat niet bestaat; daar hoort een map. "
                                    "Haal de koppeling weg of laat hem naar een map wijzen.", path=_shown(path)))
        elif path.exists() and not path.is_dir():
            problems.append(Message("'%(path)s' is een bestand, geen map; daar hoort een map van het project. Hernoem of verplaats het bestand.",
                                    path=_shown(path)))
        else:
            return True
        said.add(path)
        return False

    def writable(directory: Path) -> None:
        """Writing in `directory` (made now, if need be) is allowed: checked at the folder that exists."""
        existing = next(candidate for candidate in (directory, *directory.parents) if candidate.exists())
        if not _writable(existing) and existing not in said:
            said.add(existing)
            problems.append(Message("In de map '%(path)s' mag Netwerkspiegel niet schrijven (rechten); het project kan daar niet worden gemaakt.",
                                    path=_shown(existing)))

    ancestors = [candidate for candidate in reversed(folder.parents)]
    for candidate in ancestors + [folder]:
        if not usable_folder(candidate):
            break
    else:
        for relative in relatives:
            path = folder / relative
            parents = [folder / Path(*Path(relative).parts[:depth]) for depth in range(1, len(Path(relative).parts))]
            if not all(usable_folder(parent) for parent in parents):
                continue
            if path.is_symlink() or (path.exists() and not path.is_dir()):  # a file (or a pipe, a device): never touched
                skip.append(relative)
                continue
            if path.is_dir():
                problems.append(Message("'%(path)s' is een map; daar hoort het bestand %(name)s van het project. Hernoem of verplaats die map.",
                                        path=_shown(path), name=relative))
                continue
            writable(path.parent)
            write.append(relative)
            for parent in [*reversed(folder.parents), folder, *parents]:
                if not parent.exists() and parent not in to_make:
                    to_make.append(parent)
    if problems:
        raise UsageError(Message("Het project is niet gemaakt; er is niets geschreven. Eerst moet dit anders:\n%(problems)s", problems=_lines(problems)))
    return _Plan(tuple(write), tuple(skip), tuple(to_make))


def init_project(folder: Path, source: InstallSource) -> InitResult:
    """Create the project in `folder` (made when missing); existing files are skipped, never changed.

    Every file is planned and made in memory and every precondition checked before the first is
    written (`_plan`). When writing still fails midway (a full disk, a file made at that moment by
    another program), what this run made is removed again and nothing else is touched."""
    files = project_files(source)
    try:
        plan = _plan(folder, list(files))
    except OSError as error:  # a folder on the way that may not even be looked into
        raise UsageError(Message("De map van het project kan niet worden bekeken: %(reason)s. Er is niets geschreven.", reason=os_reason(error))) from error
    contents = {relative: files[relative]() for relative in plan.write}
    made: list[Path] = []
    current: Path | None = None  # what is being made: named when the system refuses without a name
    try:
        for directory in plan.folders:
            current = directory
            directory.mkdir()
            made.append(directory)
        for relative, content in contents.items():
            path = current = folder / relative
            with path.open("xb") as handle:  # "x": never replace a file another program made just now
                made.append(path)
                handle.write(content)
    except BaseException as error:
        for path in reversed(made):  # only what this run made; a folder that is not empty stays
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    path.rmdir()
                else:
                    path.unlink()
        if isinstance(error, FileExistsError):
            raise UsageError(Message("'%(path)s' werd door een ander programma gemaakt terwijl het project werd geschreven; het is niet overschreven. "
                                     "Wat Netwerkspiegel deze keer schreef, is weer weggehaald; draai 'netwerkspiegel init' opnieuw.",
                                     path=_shown(Path(str(error.filename))))) from error
        if isinstance(error, OSError):
            if error.filename is None and current is not None:
                error.filename = str(_shown(current))
            raise UsageError(Message("Het project kon niet worden gemaakt: %(reason)s. Wat Netwerkspiegel deze keer schreef, is weer weggehaald; "
                                     "wat er al stond, is niet veranderd.", reason=os_reason(error))) from error
        raise
    return InitResult(plan.write, plan.skip, source)


# --- starter workbooks ---

_ROWS = 2000  # rows that get the drop-down lists


def _workbook(title: str, headers: list[tuple[str, int, str]], validations: list[tuple[str, object]], explanation: list[str]) -> bytes:
    """A sheet with bold headers (width, input hint), drop-down lists per column, and an explanation sheet."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append([name for name, _, _ in headers])
    sheet.freeze_panes = "A2"
    for index, (_, width, _) in enumerate(headers, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    for column, validation in validations:
        validation.add(f"{column}2:{column}{_ROWS}")  # type: ignore[attr-defined]
        sheet.add_data_validation(validation)
    uitleg = book.create_sheet("Uitleg")
    uitleg.column_dimensions["A"].width = 110
    for line in explanation:
        uitleg.append([line])
    uitleg["A1"].font = Font(bold=True, size=14)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _list(values: list[str], prompt: str, allow_blank: bool = False) -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=allow_blank, showDropDown=False)
    validation.promptTitle, validation.prompt = "Kies", prompt
    validation.errorTitle, validation.error = "Geen geldige keuze", f"Kies een van: {', '.join(values)}."
    validation.showInputMessage = validation.showErrorMessage = True
    return validation


def _number(low: float, high: float, prompt: str, whole: bool = False) -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(type="whole" if whole else "decimal", operator="between", formula1=str(low), formula2=str(high), allow_blank=True)
    validation.promptTitle, validation.prompt = "Getal", prompt
    validation.errorTitle, validation.error = "Buiten de schaal", f"Een getal van {DUTCH.short_number(low)} tot en met {DUTCH.short_number(high)}."
    validation.showInputMessage = validation.showErrorMessage = True
    return validation


def _scale(settings: Settings) -> DataValidation:
    """A drop-down of the whole numbers of the scale; other numbers on the scale (6,5) are allowed
    after a warning, since the scale is a line, not a list."""
    from openpyxl.worksheet.datavalidation import DataValidation

    low, high = int(settings.scale_min), int(settings.scale_max)
    validation = DataValidation(type="list", formula1='"' + ",".join(str(n) for n in range(low, high + 1)) + '"', allow_blank=True)
    validation.errorStyle = "warning"
    validation.promptTitle, validation.prompt = "Score", f"Een getal van {settings.scale_text}; ook tussenwaarden als 6,5."
    validation.errorTitle, validation.error = "Buiten de lijst", f"Is dit een getal van {settings.scale_text}? Kies 'Ja' om het te houden."
    validation.showInputMessage = validation.showErrorMessage = True
    return validation


def _hint(prompt: str) -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(allow_blank=True)
    validation.promptTitle, validation.prompt = "Tip", prompt
    validation.showInputMessage = True
    return validation


_COMMON_EXPLANATION = [
    "",
    "Vul op het eerste blad één rij per regel in; de kopregel (rij 1) blijft staan. Keuzelijsten helpen bij de vaste kolommen.",
    "Namen en e-mailadressen van deelnemers komen nooit op een site: ze dienen alleen om te tellen wie wat invulde.",
    "Dit blad (Uitleg) wordt door Netwerkspiegel nooit gelezen. Controleer je invoer met: netwerkspiegel check",
]


def _scores_workbook(framework: Framework) -> bytes:
    settings = Settings()
    codes = list(framework.indicator_codes())
    explanation = [
        "Kruisjes op het Dimensieraamwerk",
        "Eén rij per deelnemer × indicator × meetmoment (× situatie).",
        "netwerk: de naam van het netwerk. meetmoment: bijvoorbeeld 2026-voorjaar of najaar 2026.",
        "deelnemer: een naam, e-mailadres of code. indicator: 1a tot en met 4d (of een eigen indicator).",
        f"score: een getal van {settings.scale_text}. situatie: huidig (standaard) of gewenst.",
        "",
        "De indicatoren (links de ene pool, rechts de andere):",
        *[f"{ind.code}. {ind.label}: {ind.left} ↔ {ind.right}" for ind in framework.indicators],
        *_COMMON_EXPLANATION,
    ]
    return _workbook(
        "Scores",
        [("netwerk", 26, ""), ("meetmoment", 16, ""), ("deelnemer", 28, ""), ("indicator", 11, ""), ("score", 9, ""), ("situatie", 11, "")],
        [
            ("B", _hint("Bijvoorbeeld 2026-voorjaar, najaar 2026 of een datum (24-11-2026).")),
            ("C", _hint("Een naam, e-mailadres of code; komt nooit op de site.")),
            ("D", _list(codes, "De indicator van het Dimensieraamwerk.")),
            ("E", _scale(settings)),
            ("F", _list([word(Situation.CURRENT), word(Situation.DESIRED)], "Huidig (leeg is ook huidig) of gewenst.", allow_blank=True)),
        ],
        explanation,
    )


def _reflections_workbook(framework: Framework) -> bytes:
    cycles = [cycle.slug for cycle in framework.cycles]
    explanation = [
        "Reflecties op waardecreatie",
        "Eén rij per reflectie of verhaal.",
        "waarde: de cyclus van waardecreatie: " + ", ".join(f"{c.code} = {c.name}" for c in framework.cycles) + ".",
        "openbaar: alleen 'ja' zet de reflectie (zonder namen) op de publieke site; leeg betekent nee.",
        "niveau: individueel of collectief (optioneel). titel: een korte titel voor het verhaal (optioneel).",
        *_COMMON_EXPLANATION,
    ]
    return _workbook(
        "Reflecties",
        [("netwerk", 26, ""), ("meetmoment", 16, ""), ("deelnemer", 28, ""), ("waarde", 16, ""), ("reflectie", 70, ""),
         ("openbaar", 11, ""), ("niveau", 14, ""), ("titel", 30, "")],
        [
            ("B", _hint("Bijvoorbeeld 2026-voorjaar of een datum.")),
            ("D", _list(cycles, "De cyclus van waardecreatie.")),
            ("F", _list(["ja", "nee"], "Mag dit (zonder namen) op de publieke site? Alleen 'ja' telt.", allow_blank=True)),
            ("G", _list([word(Level.INDIVIDUAL), word(Level.COLLECTIVE)], "Optioneel.", allow_blank=True)),
        ],
        explanation,
    )


def _evaluations_workbook() -> bytes:
    explanation = [
        "Evaluaties van bijeenkomsten",
        "Eén rij per ingevulde evaluatie: wat ging goed (tops), wat kan beter (tips), en eventueel een cijfer.",
        "Evaluaties staan alleen op de interne site.",
        *_COMMON_EXPLANATION,
    ]
    return _workbook(
        "Evaluaties",
        [("netwerk", 26, ""), ("datum", 14, ""), ("tops", 50, ""), ("tips", 50, ""), ("cijfer", 9, "")],
        [
            ("B", _hint("De datum van de bijeenkomst, bijvoorbeeld 24-11-2026.")),
            ("E", _number(1, 10, "Een cijfer van 1 tot en met 10 (optioneel).", whole=True)),
        ],
        explanation,
    )
