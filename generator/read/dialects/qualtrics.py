"""Qualtrics, "Download data table" as CSV or Excel.

Three header rows: row 1 the column names (`StartDate`, …, `ResponseId`, `Q1`, …), row 2 the
question texts, row 3 `{"ImportId": …}` per column. Qualtrics also records previews and tests of
the survey (`Status` "Survey Preview", "Survey Test", spam) and, when a survey closes, responses
that were never finished (`Finished` False): none of those is an answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.core.framework import fold, header_key
from generator.core.language import Message
from generator.core.vocabulary import Meaning
from generator.read.dialects.base import Dialect, statement_first

_IGNORED = (
    "status", "ipaddress", "progress", "duration(inseconds)", "finished", "externalreference", "externaldatareference",
    "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage", "q_recaptchascore", "q_relevantidduplicate",
)
# `Status` as text ("Use choice text") or as its number ("Use numeric values").
_NOT_ANSWERS = {
    "surveypreview", "surveytest", "spam", "previewspam", "offlinesurveypreview", "1", "2", "8", "9", "17",
}
_UNFINISHED = {"false", "0", "onwaar"}


def _header_rows(header: tuple[str, ...], first_rows: list[tuple[str, ...]]) -> int:
    """3 with the question texts and the ImportId row; 2 when only the question texts came along."""
    def import_ids(row: tuple[str, ...]) -> bool:
        return bool(row) and row[0].lstrip().startswith('{"ImportId"')

    if len(first_rows) >= 2 and import_ids(first_rows[1]):
        return 3
    if first_rows and import_ids(first_rows[0]):
        return 2
    keys = [header_key(name) for name in header]
    if first_rows and "responseid" in keys:
        response_id = first_rows[0][keys.index("responseid")] if keys.index("responseid") < len(first_rows[0]) else ""
        return 1 if response_id.startswith("R_") or not response_id else 2
    return 1


def _skip(row: Mapping[str, str]) -> Message | None:
    status = row.get("status", "")
    if header_key(status) in _NOT_ANSWERS:
        return Message("geen echt antwoord: Status '%(status)s' (een voorbeeld, test of spam in Qualtrics)", status=status)
    finished = row.get("finished", "")
    if fold(finished).strip() in _UNFINISHED:
        return Message("niet afgemaakt: Finished '%(finished)s'", finished=finished)
    return None


DIALECT = Dialect(
    name="Qualtrics",
    signatures=(frozenset({"startdate", "enddate", "responseid"}),),
    columns={
        "startdate": Meaning.OTHER_TIME, "enddate": Meaning.TIME, "recordeddate": Meaning.OTHER_TIME,
        "responseid": Meaning.RESPONSE_ID, "recipientemail": Meaning.EMAIL,
        "recipientfirstname": Meaning.FIRST_NAME, "recipientlastname": Meaning.LAST_NAME,
        **dict.fromkeys(_IGNORED, Meaning.IGNORE),
    },
    header_rows=_header_rows,
    question_row=2,
    skip=_skip,
    question_text=statement_first,  # a matrix table: `Hoe zie je het netwerk nu? - 1a. …`
    # Its own fields: fraud detection and data policy (`Q_RecaptchaScore`, `Q_RelevantIDDuplicate`,
    # `Q_DataPolicyViolations`, `Q_BallotBoxStuffing`, …); a question's ID is `Q1`, `QID1` or `Q1_1`.
    own=re.compile(r"^\s*Q_[A-Za-z]"),
)
