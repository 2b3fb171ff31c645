"""LimeSurvey, "Export responses" as CSV, with headings as question code (`submitdate`), as
question code and text (`submitdate. Datum verstuurd`) or as full text (`Datum verstuurd`).

An array question (the eleven lines as one question, one subquestion each) gives a column per
subquestion: `G02Q01[SQ001]. Hoe zie je het netwerk nu? [1a. In welke mate …]` (code and text),
`Hoe zie je het netwerk nu? [1a. In welke mate …]` (text) or `G02Q01[SQ001]` (code). The
subquestion names the indicator, the question the situation (`gewenst` in it: the desired one). With
codes only, the codes must say it: subquestion code `1a`, `SQ1a` or `i1a`, and for the desired
situation a question code with `gewenst` or `wens` (`gewenst[SQ1a]`); otherwise the columns need
`[kolommen]`. A survey with anonymised responses writes `1980-01-01 00:00:00` as every date
(`generator.read.forms`).

LimeSurvey stores a response as soon as someone starts it; one that was never sent has an empty
`submitdate` and is not an answer. With a participant list the export has `token`, `firstname`,
`lastname` and `email`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.core.language import Message
from generator.core.vocabulary import Meaning
from generator.read.dialects.base import Dialect, code_of, subquestion_first, text_of

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
    question_text=lambda header: question_text(header),  # defined below
)

_ARRAY_CODE = re.compile(r"^\s*(?P<question>[A-Za-z][A-Za-z0-9_]*)\[(?P<sub>[A-Za-z0-9_]+)\]\s*$")
_INDICATOR_IN_CODE = re.compile(r"(?:^|[a-z_])([1-9][a-z])$")
_DESIRED_IN_CODE = re.compile(r"gewenst|wens|desired|wish")


def question_text(header: str) -> str:
    """The question as Netwerkspiegel recognises it: without its code, and for an array question's
    subquestion `1a. In welke mate … (Hoe zie je het netwerk nu?)`: the indicator first."""
    text = text_of(header)
    found = _ARRAY_CODE.match(text)
    if found:
        indicator = _INDICATOR_IN_CODE.search(found.group("sub").lower())
        if indicator is None:
            return text
        desired = " gewenst" if _DESIRED_IN_CODE.search(found.group("question").lower()) else ""
        return f"{indicator.group(1)}{desired}"
    return subquestion_first(text)


def _skip(row: Mapping[str, str]) -> Message | None:
    for key in _SUBMITTED:
        if key in row:
            return None if row[key].strip() else Message("niet verstuurd: '%(column)s' is leeg (LimeSurvey bewaart ook antwoorden die niet zijn afgemaakt)", column=key)
    return None
