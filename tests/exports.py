"""Files shaped like real form exports, for tests and the sample data.

Microsoft Forms "Open in Excel": one sheet, `Id, Begintijd, Tijd van voltooien, E-mail, Naam,
Tijdstip van laatste wijziging` (English: `ID, Start time, Completion time, Email, Name, Last
modified time`), then one column per question; times are real Excel date-times; an anonymous
response has `anonymous` as e-mail. Google Forms "Download responses (.csv)": `Tijdstempel,
E-mailadres` (English: `Timestamp, Email Address`), then the questions; Dutch timestamps as
`14-3-2026 10:22:31`, English ones as `3/14/2026 10:22:31`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from generator.core.questions import REFLECTION_QUESTIONS

MS_HEADERS = {
    "nl": ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijdstip van laatste wijziging"],
    "en": ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"],
}
GOOGLE_HEADERS = {"nl": ["Tijdstempel", "E-mailadres"], "en": ["Timestamp", "Email Address"]}


def microsoft_forms_xlsx(path: Path, questions: list[str], responses: list[dict], language: str = "nl",
                         sheet: str = "Form1", extra_sheets: dict[str, list[list]] | None = None, quiz: bool = False) -> Path:
    """responses: dicts with `email`, `name`, `completed` (datetime) and `answers` (list, one per question).
    `quiz`: a form in quiz mode, as Microsoft Forms exports it: `Total points` and `Quiz feedback` before
    `Last modified time`, and beside each question `Points - <question>` and `Feedback - <question>`."""
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    own = MS_HEADERS[language][:5] + (["Total points", "Quiz feedback"] if quiz else []) + MS_HEADERS[language][5:]
    asked = [name for question in questions for name in ([question, f"Points - {question}", f"Feedback - {question}"] if quiz else [question])]
    worksheet.append(own + asked)
    for number, response in enumerate(responses, start=1):
        completed = response["completed"]
        started = completed - dt.timedelta(minutes=6)
        answers = [cell for answer in response["answers"] for cell in ([answer, 0, None] if quiz else [answer])]
        worksheet.append([number, started, completed, response.get("email", "anonymous"), response.get("name", ""),
                          *([0, None] if quiz else []), None] + answers)
    for title, rows in (extra_sheets or {}).items():
        extra = workbook.create_sheet(title)
        for row in rows:
            extra.append(row)
    save_reproducibly(workbook, path)
    return path


FIXED_TIME = (2026, 4, 1, 0, 0, 0)


def save_reproducibly(workbook, path: Path) -> None:
    """openpyxl stamps the save time into docProps/core.xml and every zip entry; fix both, so the
    same fixture is the same bytes (and regenerating the sample data changes nothing)."""
    import re
    import zipfile

    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*FIXED_TIME)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + stamp.encode(), content)
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME), content, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def google_forms_csv(path: Path, questions: list[str], responses: list[dict], language: str = "nl", from_forms: bool = False,
                     quiz: bool = False) -> Path:
    """responses: dicts with `email`, `time` (datetime) and `answers`. The CSV of the responses sheet, or
    with `from_forms` the one downloaded from Forms itself: every cell quoted, times as
    `2026/03/05 4:40:00 PM CET`. `quiz`: a quiz's `Score` column (`4 / 5`) after the e-mail address."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL if from_forms else csv.QUOTE_MINIMAL)
    writer.writerow(GOOGLE_HEADERS[language] + (["Score"] if quiz else []) + questions)
    for response in responses:
        time = response["time"]
        if from_forms:
            stamp = f"{time:%Y/%m/%d} {time.hour % 12 or 12}:{time:%M:%S %p} {'CEST' if 4 <= time.month <= 9 else 'CET'}"
        else:
            stamp = (f"{time.day}-{time.month}-{time.year} {time:%H:%M:%S}" if language == "nl"
                     else f"{time.month}/{time.day}/{time.year} {time:%H:%M:%S}")
        writer.writerow([stamp, response.get("email", "")] + (["0 / 0"] if quiz else []) + list(response["answers"]))
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


INDICATOR_QUESTIONS_NL = [
    "1a. In welke mate richt de groep zich op speciale gebeurtenissen of worden de groepsactiviteiten in het dagelijkse werk geïntegreerd?",
    "1b. In welke mate laat de groep tijdelijke of permanente sociale activiteiten zien?",
    "2a. In welke mate richt de groep zich op het uitwisselen of verbreden/verdiepen van kennis en vaardigheden?",
    "2b. In welke mate ervaart de groep waardecreatie, individueel of gezamenlijk?",
    "3a. In welke mate zien de deelnemers elkaar als kennissen of laten ze een gedeelde identiteit zien?",
    "3b. In welke mate laat de groep sterke of zwakke relaties zien?",
    "3c. In welke mate zien de deelnemers elkaar als taakuitvoerders of kenniswerkers?",
    "4a. In welke mate wordt de groep extern aangestuurd of ligt de organisatie binnen de groep zelf?",
    "4b. In welke mate laat de groep lokale of bredere activiteiten zien?",
    "4c. In welke mate laat de groep hiërarchische of gelijkwaardige relaties zien?",
    "4d. In welke mate heeft de groep gedeelde normen over de manier waarop ze onderling communiceren?",
]
INDICATOR_QUESTIONS_EN = [
    "1a) To what extent does the group focus on special events, or are group activities integrated in daily work?",
    "1b) To what extent does the group show temporary or permanent social activities?",
    "2a) To what extent does the group focus on exchanging, or on broadening/deepening knowledge and skills?",
    "2b) To what extent does the group experience value creation, individually or collectively?",
    "3a) To what extent do participants see each other as acquaintances, or show a shared identity?",
    "3b) To what extent does the group show strong or weak ties?",
    "3c) To what extent do participants see each other as task performers or knowledge workers?",
    "4a) To what extent is the group steered externally, or is it organised within the group itself?",
    "4b) To what extent does the group show local or broader activities?",
    "4c) To what extent does the group show hierarchical or equal relations?",
    "4d) To what extent does the group share norms about how its members communicate?",
]
REFLECTION_QUESTIONS_NL = list(REFLECTION_QUESTIONS)  # the questions the site and `init` give coaches
REFLECTION_QUESTIONS_EN = [
    "Immediate value: what did you value in the meetings themselves?",
    "Potential value: what did you learn or gain that you can use later?",
    "Applied value: what do you do differently in your practice now?",
    "Realized value: what effect do you see in your pupils or colleagues?",
    "Reframing value: how do you now see success or the network differently?",
    "May your story be shared publicly (without your name)?",
]


# Qualtrics "Download data table", CSV: three header rows (column names, question texts, ImportIds).
QUALTRICS_COLUMNS = [
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/Amsterdam"}'),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/Amsterdam"}'),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/Amsterdam"}'),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("RecipientLastName", "Recipient Last Name", '{"ImportId":"recipientLastName"}'),
    ("RecipientFirstName", "Recipient First Name", '{"ImportId":"recipientFirstName"}'),
    ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
    ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
    ("LocationLatitude", "Location Latitude", '{"ImportId":"locationLatitude"}'),
    ("LocationLongitude", "Location Longitude", '{"ImportId":"locationLongitude"}'),
    ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
]


QUALTRICS_FRAUD_COLUMNS = [
    ("Q_RecaptchaScore", "Q_RecaptchaScore", '{"ImportId":"Q_RecaptchaScore"}'),
    ("Q_RelevantIDDuplicate", "Q_RelevantIDDuplicate", '{"ImportId":"Q_RelevantIDDuplicate"}'),
    ("Q_RelevantIDFraudScore", "Q_RelevantIDFraudScore", '{"ImportId":"Q_RelevantIDFraudScore"}'),
    ("Q_DataPolicyViolations", "Q_DataPolicyViolations", '{"ImportId":"Q_DataPolicyViolations"}'),
]


def qualtrics_csv(path: Path, questions: list[str], responses: list[dict], import_ids: bool = True, fraud: bool = False) -> Path:
    """responses: dicts with `ended` (datetime), `answers`, and optionally `first`, `last`, `email`,
    `status` ("IP Address", "Survey Preview", or a number), `finished` ("True"/"False"). `fraud`: the
    fraud-detection and data-policy fields a newer survey adds after the questions."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    extra = QUALTRICS_FRAUD_COLUMNS if fraud else []
    writer.writerow([c[0] for c in QUALTRICS_COLUMNS] + [f"QID{n}" for n in range(1, len(questions) + 1)] + [c[0] for c in extra])
    writer.writerow([c[1] for c in QUALTRICS_COLUMNS] + questions + [c[1] for c in extra])
    if import_ids:
        writer.writerow([c[2] for c in QUALTRICS_COLUMNS] + [f'{{"ImportId":"QID{n}"}}' for n in range(1, len(questions) + 1)] + [c[2] for c in extra])
    for number, response in enumerate(responses, start=1):
        ended = response["ended"]
        finished = response.get("finished", "True")
        writer.writerow([
            f"{ended - dt.timedelta(minutes=7):%Y-%m-%d %H:%M:%S}", f"{ended:%Y-%m-%d %H:%M:%S}", response.get("status", "IP Address"),
            "145.100.0.1", "100" if finished == "True" else "40", "420", finished, f"{ended:%Y-%m-%d %H:%M:%S}",
            f"R_{number:03d}xYzAbC", response.get("last", ""), response.get("first", ""), response.get("email", ""), "",
            "52.09", "5.12", "email" if response.get("email") else "anonymous", "NL",
        ] + list(response["answers"]) + (["0.9", "", "0", ""] if fraud else []))
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    return path


# LimeSurvey "Export responses", CSV, with a participant list; headings "question code & question text".
LIMESURVEY_COLUMNS = [
    ("id", "Antwoord ID"), ("submitdate", "Datum verstuurd"), ("lastpage", "Laatste pagina"), ("startlanguage", "Starttaal"),
    ("seed", "Seed"), ("startdate", "Datum gestart"), ("datestamp", "Datum laatste actie"), ("token", "Toegangscode"),
    ("firstname", "Voornaam"), ("lastname", "Achternaam"), ("email", "E-mailadres"),
]


def limesurvey_csv(path: Path, questions: list[str], responses: list[dict], headings: str = "code-text",
                   codes: list[str] | None = None, anonymised: bool = False, datestamp: bool = True) -> Path:
    """responses: dicts with `started` (datetime), `submitted` (datetime or None: not sent), `answers`,
    and optionally `token`, `first`, `last`, `email`. headings: "code", "text" or "code-text".
    `codes`: the question codes (an array question's subquestion as `G02Q01[SQ001]`); a question
    text `Hoe zie je het netwerk nu? [1a. …]` is an array's subquestion, as LimeSurvey writes it.
    `anonymised`: a survey with anonymised responses, as LimeSurvey exports it: no participant
    list, and `1980-01-01 00:00:00` for every date. `datestamp=False`: a survey without date stamps,
    whose export has no `startdate` and `datestamp` columns at all (as in LimeSurvey's own export tests)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    codes = codes or [f"G01Q{n:02d}" for n in range(1, len(questions) + 1)]
    own = LIMESURVEY_COLUMNS[:7] if anonymised else LIMESURVEY_COLUMNS
    if not datestamp:
        own = [column for column in own if column[0] not in ("startdate", "datestamp")]
    names = [(code, text) for code, text in own] + list(zip(codes, questions, strict=True))
    writer.writerow([code if headings == "code" else text if headings == "text" else f"{code}. {text}" for code, text in names])
    for number, response in enumerate(responses, start=1):
        started, submitted = response["started"], response.get("submitted")
        if anonymised:
            started = dt.datetime(1980, 1, 1)
            submitted = dt.datetime(1980, 1, 1) if submitted else None
        people = [] if anonymised else [response.get("token", ""), response.get("first", ""), response.get("last", ""), response.get("email", "")]
        stamps = [f"{started:%Y-%m-%d %H:%M:%S}", f"{(submitted or started):%Y-%m-%d %H:%M:%S}"] if datestamp else []
        writer.writerow([
            str(number), f"{submitted:%Y-%m-%d %H:%M:%S}" if submitted else "", "3" if submitted else "1", "nl", "123456789",
            *stamps, *people,
        ] + list(response["answers"]))
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    return path
