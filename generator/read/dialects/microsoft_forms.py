"""Microsoft Forms, exported to Excel: `ID`, `Begintijd`, `Tijd van voltooien`, `E-mail`, `Naam`,
(`Tijdstip van laatste wijziging`), then one column per question; in Dutch or English."""

from __future__ import annotations

from generator.core.vocabulary import Meaning
from generator.read.dialects.base import Dialect

DIALECT = Dialect(
    name="Microsoft Forms",
    signatures=(frozenset({"tijdvanvoltooien"}), frozenset({"completiontime"}), frozenset({"begintijd"}), frozenset({"starttime"})),
    columns={
        "id": Meaning.RESPONSE_ID,
        "begintijd": Meaning.START_TIME, "starttime": Meaning.START_TIME,
        "tijdvanvoltooien": Meaning.TIME, "completiontime": Meaning.TIME,
        "tijdstipvanlaatstewijziging": Meaning.OTHER_TIME, "lastmodifiedtime": Meaning.OTHER_TIME,
    },
)
