"""Form exports by the tool that made them: one module per dialect, registered here.

A dialect says how its exports are recognised (the names of its own columns in row 1), how many
header rows they have and which row names the questions, what its own columns mean (time of the
answer, who answered, columns to leave alone), and which rows are not real answers (a preview, an
unfinished response). Add a dialect: write a module like `qualtrics.py` and list it in `DIALECTS`.
Questions themselves are recognised the same way for every dialect (`generator.read.recognise`).
"""

from __future__ import annotations

from generator.read.dialects import google_forms, limesurvey, microsoft_forms, qualtrics
from generator.read.dialects.base import Dialect, DialectTable, apply_dialect

# The most specific first: a Qualtrics or LimeSurvey export also has columns a generic form has.
DIALECTS: tuple[Dialect, ...] = (qualtrics.DIALECT, limesurvey.DIALECT, microsoft_forms.DIALECT, google_forms.DIALECT)

__all__ = ["DIALECTS", "Dialect", "DialectTable", "apply_dialect"]
