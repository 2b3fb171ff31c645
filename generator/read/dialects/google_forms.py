"""Google Forms, as the CSV of its responses sheet: `Tijdstempel` (`Timestamp`), `E-mailadres`
when addresses are collected (and `Score` for a quiz: the tool's own), then one column per question; a
multiple-choice grid gives one column per row, `Question [Row]`. The CSV downloaded from Forms itself
writes its times as `2026/03/05 4:40:00 PM GMT+1`."""

from __future__ import annotations

from generator.core.vocabulary import Meaning
from generator.read.dialects.base import Dialect, subquestion_first

DIALECT = Dialect(
    name="Google Forms",
    signatures=(frozenset({"tijdstempel"}), frozenset({"timestamp"})),
    columns={"tijdstempel": Meaning.TIME, "timestamp": Meaning.TIME, "score": Meaning.IGNORE, "totaalscore": Meaning.IGNORE},
    question_text=subquestion_first,  # a multiple-choice grid: `Hoe zie je het netwerk nu? [1a. …]`
)
