"""Stage 3, site (typesetting): PDFs from the report template and each report's data, with Typst.

Apart from `generator.site.reports`, which says what a report holds: the processes that typeset
reports alongside a build import this module alone (and Typst), so they start in a blink.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import BuildError
from generator.core.language import Message
from generator.core.resources import TEMPLATES_DIR

REPORT_TEMPLATE = TEMPLATES_DIR / "report" / "report.typ"


@dataclass(frozen=True)
class ReportJob:
    path: str
    data: str  # the report's data as JSON


def compile_reports(jobs: list[ReportJob], logo: tuple[str, bytes] | None) -> dict[str, bytes]:
    """Each job's PDF. Typst sees only a folder of its own with the template and the logo, and
    only the fonts it carries (none of the machine's): the same bytes on every machine."""
    import typst

    with tempfile.TemporaryDirectory(prefix="netwerkspiegel-rapporten-") as folder:
        root = Path(folder)
        shutil.copyfile(REPORT_TEMPLATE, root / "report.typ")
        if logo is not None:
            (root / Path(logo[0]).name).write_bytes(logo[1])
        compiler = typst.Compiler(root=str(root), ignore_system_fonts=True)
        made = {}
        for job in jobs:
            try:
                pdf = compiler.compile(input=str(root / "report.typ"), format="pdf", sys_inputs={"data": job.data},
                                       timestamp=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
            except typst.TypstError as error:  # what is read is checked before; this is the last word, without a traceback
                raise BuildError(Message("Het PDF-rapport %(path)s kon niet worden gemaakt: %(reason)s. De vorige site blijft staan.",
                                         path=job.path, reason=error.message)) from error
            assert isinstance(pdf, bytes)
            made[job.path] = pdf
        return made
