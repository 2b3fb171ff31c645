"""Google Forms, as the CSV of its responses sheet: `Tijdstempel` (`Timestamp`), `E-mailadres`
when addresses are collected, then one column per question."""

from __future__ import annotations

from generator.core.vocabulary import Meaning
from generator.read.dialects.base import Dialect

DIALECT = Dialect(
    name="Google Forms",
    signatures=(frozenset({"tijdstempel"}), frozenset({"timestamp"})),
    columns={"tijdstempel": Meaning.TIME, "timestamp": Meaning.TIME},
)
