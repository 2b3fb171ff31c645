"""Google Forms, as the CSV of its responses sheet: `Tijdstempel` (`Timestamp`), `E-mailadres`
when addresses are collected, then one column per question; a multiple-choice grid gives one column
per row, `Question [Row]`."""

from __future__ import annotations

from generator.core.vocabulary import Meaning
from generator.read.dialects.base import Dialect, subquestion_first

DIALECT = Dialect(
    name="Google Forms",
    signatures=(frozenset({"tijdstempel"}), frozenset({"timestamp"})),
    columns={"tijdstempel": Meaning.TIME, "timestamp": Meaning.TIME},
    question_text=subquestion_first,  # a multiple-choice grid: `Hoe zie je het netwerk nu? [1a. …]`
)
