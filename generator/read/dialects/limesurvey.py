"""LimeSurvey, "Export responses" as CSV, with headings as question code (`submitdate`), as
question code and text (`submitdate. Datum verstuurd`) or as full text (`Datum verstuurd`).

LimeSurvey stores a response as soon as someone starts it; one that was never sent has an empty
`submitdate` and is not an answer. With a participant list the export has `token`, `firstname`,
`lastname` and `email`.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.core.language import Message
from generator.core.vocabulary import Meaning
from generator.read.dialects.base import Dialect, code_of, text_of

_SUBMITTED = ("submitdate", "datumverstuurd", "datesubmitted")

DIALECT = Dialect(
    name="LimeSurvey",
    signatures=(frozenset({"id", "submitdate"}), frozenset({"antwoordid", "datumverstuurd"}), frozenset({"responseid", "datesubmitted"})),
    columns={
        "id": Meaning.RESPONSE_ID, "antwoordid": Meaning.RESPONSE_ID, "responseid": Meaning.RESPONSE_ID,
        **dict.fromkeys(_SUBMITTED, Meaning.TIME),
        **dict.fromkeys(("startdate", "datumgestart", "startdatum", "datestarted", "datestamp", "datumlaatsteactie", "datelastaction"), Meaning.OTHER_TIME),
        **dict.fromkeys(("lastpage", "laatstepagina", "startlanguage", "starttaal", "seed", "ipaddr", "ip-adres", "ipaddress", "refurl",
                         "verwijzendeurl", "referrerurl"), Meaning.IGNORE),
        "token": Meaning.PARTICIPANT, "toegangscode": Meaning.PARTICIPANT,
        "firstname": Meaning.FIRST_NAME, "voornaam": Meaning.FIRST_NAME,
        "lastname": Meaning.LAST_NAME, "achternaam": Meaning.LAST_NAME,
        "email": Meaning.EMAIL, "e-mailadres": Meaning.EMAIL,
    },
    skip=lambda row: _skip(row),  # defined below, with the names it uses
    key_of=code_of,
    question_text=text_of,
)


def _skip(row: Mapping[str, str]) -> Message | None:
    for key in _SUBMITTED:
        if key in row:
            return None if row[key].strip() else Message("niet verstuurd: '%(column)s' is leeg (LimeSurvey bewaart ook antwoorden die niet zijn afgemaakt)", column=key)
    return None
