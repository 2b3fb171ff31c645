"""Microsoft Forms, exported to Excel: `ID`, `Begintijd`, `Tijd van voltooien`, `E-mail`, `Naam`,
(`Tijdstip van laatste wijziging`), then one column per question; in Dutch or English. A form in quiz
mode adds `Total points` and `Quiz feedback`, and beside a question `Points - <question>` and
`Feedback - <question>`: the tool's own data, not answers (a quiz's points beside the consent question
must not count as a second consent question)."""

from __future__ import annotations

import re

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
        **dict.fromkeys(("totalpoints", "quizfeedback", "totaalaantalpunten", "totaalpunten"), Meaning.IGNORE),
    },
    own=re.compile(r"^\s*(points|punten|feedback)\s+-\s+\S", re.IGNORECASE),
)
