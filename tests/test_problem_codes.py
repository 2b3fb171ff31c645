"""Every kind of problem (`Code`), made by one small input: its code, where it is, and its exact
wording, once per code. Other tests match codes and locations; this is where the words are fixed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.errors import Code, InputError, Problem
from generator.core.language import Language, Message, translations
from generator.pipeline import read_data
from tests.conftest import REFLECTION_HEADER, SCORE_HEADER, write
from tests.exports import INDICATOR_QUESTIONS_NL, google_forms_csv, limesurvey_csv, microsoft_forms_xlsx

SCORES = SCORE_HEADER + "Net,2025-voorjaar,Anna,1a,7,\n"


SHARED_HEADER = "netwerk,meetmoment,indicator,gedeeld beeld,situatie,toelichting\n"


def scores(data: Path, rows: str = "Net,2025-voorjaar,Anna,1a,7,\n") -> None:
    write(data, "scores.csv", SCORE_HEADER + rows)


def workbook(data: Path, name: str, make: Callable) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    make(book)
    book.save(data / name)


def _scores_sheet(book) -> None:
    sheet = book.active
    sheet.title = "Scores"
    sheet.append(["netwerk", "meetmoment", "deelnemer", "indicator", "score", "situatie"])
    sheet.append(["Net", "2025-voorjaar", "Anna", "1a", 7, "huidig"])


def _hidden(book) -> None:
    _scores_sheet(book)
    book.create_sheet("Oud").sheet_state = "hidden"


def _merged(book) -> None:
    _scores_sheet(book)
    book.active.append(["Net", "2025-voorjaar", "Bert", "1a", 6, "huidig"])
    book.active["G1"], book.active["G2"] = "negeren", "samen"
    book.active.merge_cells("G2:G3")


def _cell(value: object) -> Callable:
    def make(book) -> None:
        _scores_sheet(book)
        book.active["E2"] = value
    return make


def _explanation_only(book) -> None:
    book.active.title = "Uitleg"
    book.active.append(["Vul de scores in op het blad Scores."])


MARCH = dt.datetime(2026, 3, 14, 10, 22, 31)


def _unreadable(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scores(data)
    write(data, "b.csv", SCORES)
    original = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "b.csv":
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def _limit(name: str, value: int, then: Callable[[Path], None]) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def prepare(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(f"generator.read.load.{name}", value)
        then(data)
    return prepare


def _also(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def prepare(data: Path) -> None:
        for step in steps:
            step(data)
    return prepare


def _file(name: str, content: str | bytes) -> Callable[[Path], None]:
    def prepare(data: Path) -> None:
        (data / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return prepare


def _book(name: str, make: Callable) -> Callable[[Path], None]:
    return lambda data: workbook(data, name, make)


def _ms_form(responses: list[dict]) -> Callable[[Path], None]:
    return lambda data: microsoft_forms_xlsx(data / "form.xlsx", ["Netwerk"] + INDICATOR_QUESTIONS_NL, responses)


def _google(rows: list[dict]) -> Callable[[Path], None]:
    return lambda data: google_forms_csv(data / "google.csv", ["Netwerk"] + INDICATOR_QUESTIONS_NL, rows)


ELEVEN = ["7"] * 11
OWN_5A = '[indicatoren."5a"]\nlabel = "Ouderbetrokkenheid"\nvraag = "In welke mate betrekt het netwerk ouders erbij?"\nlinks = "nauwelijks"\nrechts = "intensief"\n'
# code: (how to make the input, (file, sheet, key, row, column, value, message))
CASES: dict[Code, tuple[Callable, tuple]] = {
    Code.FILE_UNREADABLE: (_unreadable,
     ('b.csv', None, None, None, None, None, 'het bestand kan niet worden gelezen: <data>/b.csv: geen toestemming (rechten).')),
    Code.FILE_TOO_LARGE: (_limit("MAX_CSV_BYTES", 10, _also(scores, _file("b.csv", SCORES))),
     ('b.csv', None, None, None, None, None, 'het bestand is 1 MB; Netwerkspiegel leest bestanden tot 1 MB. Splits het bestand.')),
    Code.NOT_TEXT: (_also(scores, _file("b.csv", b"\x00\x01\x02\xff\xfe binary")),
     ('b.csv', None, None, None, None, None, 'dit is geen tekstbestand; bewaar het als CSV (UTF-8 of Windows-1252).')),
    Code.EMPTY: (_also(scores, _file("b.csv", "")),
     ('b.csv', None, None, None, None, None, 'het bestand is leeg.')),
    Code.HEADER_ONLY: (_also(scores, _file("b.csv", SCORE_HEADER)),
     ('b.csv', None, None, None, None, None, 'het bestand bevat alleen een kopregel en nog geen gegevens; het wordt overgeslagen.')),
    Code.TOO_MANY_ROWS: (_limit("MAX_ROWS", 3, _also(scores, _file("b.csv", SCORES * 2 + "Net,2025-voorjaar,Bert,1a,7,\n" * 3))),
     ('b.csv', None, None, None, None, None, 'het bestand heeft meer dan 3 rijen (de grens van Excel).')),
    Code.TOO_MANY_COLUMNS: (_also(scores, _file("b.csv", ",".join(f"k{i}" for i in range(16_385)) + "\n")),
     ('b.csv', None, None, 1, None, None, 'de kopregel heeft 16.385 kolommen; Excel kent er hoogstens 16.384.')),
    Code.CELL_TOO_LONG: (_limit("MAX_CELL_CHARS", 10, _also(scores, _book("lang.xlsx", _cell("x" * 20)))),
     ('lang.xlsx', 'Scores', None, 2, None, None, 'een cel is langer dan 10 tekens (de grens van Excel).')),
    Code.MALFORMED_CSV: (_also(scores, _file("b.csv", SCORE_HEADER + 'Net,2025-voorjaar,"Bert"x,1a,7,\n')),
     ('b.csv', None, None, 2, None, None, 'na een gesloten aanhalingsteken (") volgt nog tekst in dezelfde cel. Zet de hele cel tussen aanhalingstekens en verdubbel de aanhalingstekens erin ("").')),
    Code.EXTRA_CELLS: (_also(scores, _file("b.csv", SCORE_HEADER + "Net,2025-voorjaar,Bert,1a,7,huidig,extra\n")),
     ('b.csv', None, None, 2, None, 'extra', 'deze rij heeft 7 cellen, de kopregel maar 6; staat er een scheidingsteken te veel in de rij?')),
    Code.MISSING_CELLS: (_also(scores, _file("b.csv", SCORE_HEADER + "Net,2025-voorjaar,Bert\n")),
     ('b.csv', None, None, 2, None, None, "deze rij heeft 3 cellen, de kopregel 6; vul de ontbrekende scheidingstekens (komma's) aan, ook voor lege cellen.")),
    Code.RUNAWAY_QUOTE: (_also(scores, _file("b.csv", SCORE_HEADER + 'Net,2025-voorjaar,"Bert,1a,7,\nNet,2025-voorjaar,Carla",1a,7,huidig\n')),
     ('b.csv', None, None, 2, 'deelnemer', 'Bert,1a,7,\nNet,2025-voorjaar,Carla', 'deze cel loopt over meerdere regels en bevat een regel die er uitziet als een eigen rij; staat er een aanhalingsteken (") te veel in deze rij?')),
    Code.INVISIBLE_CHARACTERS: (_also(scores, _file("b.csv", SCORE_HEADER + "Net,2025-voorjaar,Be\u200brt,1a,7,\n")),
     ('b.csv', None, None, 2, None, None, '1 onzichtbare tekens of stuurtekens verwijderd (zoals een zero-width space); de eerste staat in deze rij.')),
    Code.EXCEL_LOCK_FILE: (_also(scores, _file("~$scores.xlsx", b"\x00lock")),
     ('~$scores.xlsx', None, None, None, None, None, "overgeslagen: dit is het tijdelijke slotbestand dat Excel maakt zolang 'scores.xlsx' open staat.")),
    Code.EXCEL_PROTECTED: (_also(scores, _file("geheim.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)),
     ('geheim.xlsx', None, None, None, None, None, 'het Excel-bestand is beveiligd met een wachtwoord (of is een oud .xls-bestand); sla het op als .xlsx zonder wachtwoord.')),
    Code.EXCEL_DAMAGED: (_also(scores, _file("kapot.xlsx", b"PK\x03\x04 not really a zip")),
     ('kapot.xlsx', None, None, None, None, None, 'het Excel-bestand is beschadigd of geen echt .xlsx-bestand; open het in Excel en sla het opnieuw op als .xlsx.')),
    Code.EXCEL_TOO_LARGE: (_limit("MAX_XLSX_PART_BYTES", 100, _also(scores, _book("groot.xlsx", _scores_sheet))),
     ('groot.xlsx', None, None, None, None, None, 'het Excel-bestand pakt uit tot 1 MB (één deel 1 MB); Netwerkspiegel leest werkmappen tot 1.024 MB en bladen tot 1 MB.')),
    Code.EXCEL_NO_DATA: (_also(scores, _book("uitleg.xlsx", _explanation_only)),
     ('uitleg.xlsx', None, None, None, None, None, 'het Excel-bestand bevat geen gegevens (in zichtbare bladen).')),
    Code.HIDDEN_SHEET: (_book("scores.xlsx", _hidden),
     ('scores.xlsx', 'Oud', None, None, None, None, 'dit blad is verborgen in Excel en wordt niet gelezen; maak het zichtbaar als het gegevens bevat die meetellen.')),
    Code.MERGED_CELLS: (_book("scores.xlsx", _merged),
     ('scores.xlsx', 'Scores', None, None, None, None, "dit blad heeft samengevoegde cellen (G2:G3). Alleen de eerste cel van zo'n samenvoeging heeft een waarde; de andere zijn leeg voor Netwerkspiegel. Maak de samenvoeging ongedaan en vul elke cel.")),
    Code.EXCEL_ERROR_VALUE: (_book("scores.xlsx", _cell("#DIV/0!")),
     ('scores.xlsx', 'Scores', None, 2, 'score', '#DIV/0!', 'Excel toont hier een foutwaarde: de formule in deze cel kan niet worden berekend. Herstel de formule of typ de waarde in.')),
    Code.FORMULA_WITHOUT_VALUE: (_book("scores.xlsx", _cell("=3+4")),
     ('scores.xlsx', 'Scores', None, 2, 'score', '=3+4', 'deze cel heeft een formule zonder berekende waarde (het programma dat het bestand opsloeg, rekende formules niet uit). Open het bestand in Excel en sla het opnieuw op.')),
    Code.SETTINGS_UNREADABLE: (_also(scores, _file("netwerkspiegel.toml", "[site\n")),
     ('netwerkspiegel.toml', None, None, None, None, None, "dit is geen geldig TOML-bestand (regel 1, teken 6). Controleer daar aanhalingstekens, haakjes en het '='-teken.")),
    Code.UNKNOWN_SETTING: (_also(scores, _file("netwerkspiegel.toml", "[schaal]\nmaximun = 9\n")),
     ('netwerkspiegel.toml', None, 'schaal.maximun', None, None, None, "onbekende instelling. Bedoelde je 'schaal.maximum'? Geldig zijn: schaal.minimum, schaal.maximum, publiek.minimale_groep, site.titel, formulieren.voorjaar_tot_en_met_maand, site.organisatie, site.logo, site.kleur, site.voettekst, site.url, site.taal, publiek.behoud.")),
    Code.SETTING_VALUE: (_also(scores, _file("netwerkspiegel.toml", '[publiek]\nminimale_groep = "vijf"\n')),
     ('netwerkspiegel.toml', None, 'publiek.minimale_groep', None, None, 'vijf', 'moet een geheel getal zijn.')),
    Code.SETTINGS_TABLE: (_also(scores, _file("netwerkspiegel.toml", "kolommen = 3\n")),
     ('netwerkspiegel.toml', None, 'kolommen', None, None, '3', 'moet een tabel [kolommen] zijn met "kop" = "betekenis".')),
    Code.UNKNOWN_MEANING: (_also(scores, _file("netwerkspiegel.toml", '[kolommen]\n"Welke school?" = "school"\n')),
     ('netwerkspiegel.toml', None, 'kolommen."Welke school?"', None, None, 'school', "onbekende betekenis; gebruik een indicator ('3b' of '3b gewenst'), een waardecyclus ('direct', 'potentieel', 'toegepast', 'gerealiseerd', 'transformatief') of een van: achternaam, afspraak, cijfer, datum, deelnemer, e-mail, gedeeld beeld, id, indicator, meetmoment, naam, negeren, netwerk, niveau, openbaar, reflectie, rol, score, situatie, soort, tijdstip, tips, titel, toelichting, tops, verhaal, voornaam, waarde.")),
    Code.SCALE_ORDER: (_also(lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,4,\n"), _file("netwerkspiegel.toml", "[schaal]\nminimum = 5\nmaximum = 3\n")),
     ('netwerkspiegel.toml', None, 'schaal.minimum', None, None, '5', 'het minimum moet kleiner zijn dan het maximum (3).')),
    Code.LOGO: (_also(scores, _file("netwerkspiegel.toml", '[site]\nlogo = "logo.png"\n')),
     ('netwerkspiegel.toml', None, 'site.logo', None, None, 'logo.png', 'dit bestand staat niet in de datamap.')),
    Code.OWN_INDICATOR_CODE: (_also(scores, _file("netwerkspiegel.toml", OWN_5A.replace('"5a"', '"4d"'))),
     ('netwerkspiegel.toml', None, 'indicatoren."4d"', None, None, '4d', '4d is een indicator van het Dimensieraamwerk zelf (1a tot en met 4d); kies voor een eigen indicator een andere code, zoals 5a of 1e.')),
    Code.OWN_INDICATOR: (_also(scores, _file("netwerkspiegel.toml", '[indicatoren."5a"]\nlabel = "Ouders"\nlinks = "nauwelijks"\n')),
     ('netwerkspiegel.toml', None, 'indicatoren."5a"', None, None, None, 'een eigen indicator heeft een label, een vraag en twee polen (links en rechts); hier ontbreekt: vraag, rechts.')),
    Code.OWN_DIMENSION: (_also(scores, _file("netwerkspiegel.toml", OWN_5A + "dimensie = 7\n")),
     ('netwerkspiegel.toml', None, 'indicatoren."5a".dimensie', None, None, '7', 'er is geen dimensie 7; gebruik 1 tot en met 4, of de naam van een eigen dimensie.')),
    Code.UNRECOGNISED_TABLE: (_also(scores, _file("b.csv", "a,b\n1,2\n")),
     ('b.csv', None, None, 1, None, 'a, b', 'herken het soort bestand niet aan de kopregel. Scores hebben de kolommen netwerk, meetmoment, deelnemer, indicator, score (en eventueel situatie); reflecties hebben netwerk, meetmoment of datum, deelnemer, waarde, reflectie (en eventueel openbaar, niveau, titel).')),
    Code.MISSING_COLUMN: (_also(scores, _file("b.csv", "netwerk,meetmoment,deelnemer,indicator\nNet,2025-voorjaar,Bert,1a\n")),
     ('b.csv', None, None, 1, 'score', None, 'verplichte kolom ontbreekt in dit scorebestand.')),
    Code.AMBIGUOUS_COLUMNS: (_also(scores, _file("b.csv", "netwerk,network,meetmoment,deelnemer,indicator,score\nNet,Net,2025-voorjaar,Bert,1a,7\n")),
     ('b.csv', None, None, 1, 'network', None, "deze kolom (B) betekent hetzelfde als kolom 'netwerk' (A); welke telt? Verwijder of hernoem een van beide, of geef er één in netwerkspiegel.toml onder [kolommen] de betekenis 'negeren'.")),
    Code.HEADERLESS_COLUMN: (_file("scores.csv", SCORE_HEADER.rstrip("\n") + ",\nNet,2025-voorjaar,Anna,1a,7,,\nNet,2025-voorjaar,Bert,1a,6,,zie verslag\n"),
     ('scores.csv', None, None, 3, None, 'zie verslag', "kolom G heeft geen kop maar wel gegevens; Netwerkspiegel leest die kolom niet. Geef de kolom een kop "
                                                        "(en zo nodig een betekenis onder [kolommen] in netwerkspiegel.toml), of haal de gegevens weg.")),
    Code.UNUSED_COLUMNS: (_file("scores.csv", SCORE_HEADER.rstrip("\n") + ",opmerking\nNet,2025-voorjaar,Anna,1a,7,,prima\n"),
     ('scores.csv', None, None, 1, None, 'opmerking', 'deze kolommen worden niet gebruikt.')),
    Code.MAPPING_WITHOUT_COLUMN: (_also(scores, _file("netwerkspiegel.toml", '[kolommen]\n"Hoe sterk zijn de banden?" = "3b"\n')),
     ('netwerkspiegel.toml', None, 'kolommen."Hoe sterk zijn de banden?"', None, None, 'Hoe sterk zijn de banden?', 'geen enkele export heeft een kolom met deze kop; controleer de spelling (hoofdletters en spaties tellen niet) of haal de regel weg.')),
    Code.MAPPING_NOT_READ: (_also(_file("scores.csv", SCORE_HEADER.rstrip("\n") + ",opmerking\nNet,2025-voorjaar,Anna,1a,7,,fijn\n"), _file("netwerkspiegel.toml", '[kolommen]\n"opmerking" = "openbaar"\n')),
     ('scores.csv', None, None, 1, 'opmerking', 'openbaar', "netwerkspiegel.toml geeft deze kolom (G) onder [kolommen] de betekenis 'openbaar', maar dit bestand (scores) leest die niet: een tabel met één waarde per rij heeft vaste kolommen, zoals 'indicator' en 'score' of 'waarde' en 'reflectie'. Pas de betekenis aan of haal de regel weg.")),
    Code.SETTING_WITHOUT_FILE: (_also(scores, _file("netwerkspiegel.toml", '[bestanden."Kruisjes maart.xlsx"]\nnetwerk = "Net"\n')),
     ('netwerkspiegel.toml', None, 'bestanden."Kruisjes maart.xlsx".netwerk', None, None, 'Net',
      "er is geen export met de naam 'Kruisjes maart.xlsx'; controleer de naam (met de extensie, zoals .csv of .xlsx) of haal de regel weg. Bestanden: scores.csv.")),
    Code.SETTING_WITHOUT_NETWORK: (_also(scores, _file("netwerkspiegel.toml", '[netwerken."Nett"]\ngrootte = 12\n')),
     ('netwerkspiegel.toml', None, 'netwerken."Nett".grootte', None, None, '12',
      "geen export heeft een netwerk met de naam 'Nett'; controleer de naam (hoofdletters en spaties tellen niet) of haal de regel weg. Netwerken: Net.")),
    Code.SETTING_TWICE: (_also(scores, _file("netwerkspiegel.toml", '[netwerken."Net"]\ngrootte = 12\n[netwerken."NET"]\ngrootte = 13\n')),
     ('netwerkspiegel.toml', None, 'netwerken."Net".grootte', None, None, '12',
      "'Net' is hetzelfde netwerk als 'NET', dat hier al een waarde heeft (hoofdletters en spaties tellen niet); welke geldt? Haal een van beide weg.")),
    Code.SETTING_NOT_READ: (_also(scores, _file("netwerkspiegel.toml", '[bestanden."scores.csv"]\ndatum = "2026-03-12"\n')),
     ('netwerkspiegel.toml', None, 'bestanden."scores.csv".datum', None, None, '2026-03-12',
      "'scores.csv' leest deze instelling niet: het bestand heeft een eigen kolom met de datum, of geen evaluatie van een bijeenkomst. "
      "Ze is voor de evaluaties in een formulier dat niet naar de datum van de bijeenkomst vraagt; haal de regel weg.")),
    Code.ANONYMISED_TIMES: (_also(scores, lambda data: limesurvey_csv(data / "lime.csv", ["Netwerk"] + INDICATOR_QUESTIONS_NL, [{"started": MARCH, "submitted": MARCH, "answers": ["Net"] + ELEVEN}], anonymised=True)),
     ('lime.csv', None, None, 1, 'submitdate. Datum verstuurd', '1980-01-01 00:00:00', 'elke datum in deze kolom is 1980-01-01 00:00:00: de enquête is anoniem opgeslagen (LimeSurvey: \'Anonieme antwoorden\'), dus de datum zegt niets over het meetmoment. Voeg een vraag \'Meetmoment\' toe, of zet in netwerkspiegel.toml: [bestanden."lime.csv"] meetmoment = "2026-voorjaar".')),
    Code.MIXED_DATE_ORDER: (_also(scores, _file("google.csv", "Tijdstempel,E-mailadres,Netwerk," + INDICATOR_QUESTIONS_NL[0].replace(",", "") + "\n14/3/2026 10:00,a@school.nl,Net,7\n3/15/2026 10:00,b@school.nl,Net,7\n")),
     ('google.csv', None, None, 1, 'Tijdstempel', '14/3/2026 10:00, 3/15/2026 10:00', "de datums in deze kolom staan niet in één volgorde: '14/3/2026 10:00' kan alleen dag-maand zijn, '3/15/2026 10:00' alleen maand-dag. Zet alle datums in dezelfde volgorde.")),
    Code.NO_SCORES: (_file("reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,direct,Leuk,ja\n"),
     ('data', None, None, None, None, None, "geen scores gevonden. Zet minstens één export met scores in deze map: een CSV- of Excel-bestand met de kolommen netwerk, meetmoment, deelnemer, indicator en score, of een formulier met vragen die met een indicator beginnen ('1a. …').")),
    Code.MISSING_VALUE: (lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,,\n"),
     ('scores.csv', None, None, 2, 'score', '', 'score ontbreekt; laat de rij weg als de deelnemer deze indicator niet invulde.')),
    Code.LINE_BREAK: (lambda d: scores(d, 'Net,2025-voorjaar,"An\nna",1a,7,\n'),
     ('scores.csv', None, None, 2, 'deelnemer', 'An\nna', 'deze cel bevat een regeleinde; een naam past op één regel. Staat er in deze of de vorige rij een aanhalingsteken (") te veel?')),
    Code.BAD_MOMENT: (lambda d: scores(d, "Net,morgen,Anna,1a,7,\n"),
     ('scores.csv', None, None, 2, 'meetmoment', 'morgen', "onbekend meetmoment; gebruik bijvoorbeeld '2025-voorjaar', 'najaar 2025', '2026-11-24' of '24-11-2026'.")),
    Code.BAD_DATE: (_also(scores, _file("reflecties.csv", "netwerk,datum,deelnemer,waarde,reflectie\nNet,gisteren,Anna,direct,Leuk\n")),
     ('reflecties.csv', None, None, 2, 'datum', 'gisteren', "geen datum of meetmoment; gebruik bijvoorbeeld '2025-voorjaar', 'najaar 2025', '2026-11-24' of '24-11-2026'.")),
    Code.BAD_TIME: (_also(scores, _file("google.csv", "Tijdstempel,E-mailadres,Netwerk," + INDICATOR_QUESTIONS_NL[0].replace(",", "") + "\ngisteren,a@school.nl,Net,7\n")),
     ('google.csv', None, None, 2, 'Tijdstempel', 'gisteren', "geen datum en tijd; verwacht bijvoorbeeld '2025-03-14 10:22:31' of '14-3-2025 10:22'.")),
    Code.UNKNOWN_INDICATOR: (lambda d: scores(d, "Net,2025-voorjaar,Anna,9z,7,\n"),
     ('scores.csv', None, None, 2, 'indicator', '9z', 'onbekende indicator; geldig zijn 1a, 1b, 2a, 2b, 3a, 3b, 3c, 4a, 4b, 4c, 4d.')),
    Code.UNKNOWN_SITUATION: (lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,7,later\n"),
     ('scores.csv', None, None, 2, 'situatie', 'later', "onbekende situatie; gebruik 'huidig' of 'gewenst' (leeg betekent 'huidig').")),
    Code.UNKNOWN_CYCLE: (_also(scores, _file("reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,magisch,Leuk,ja\n")),
     ('reflecties.csv', None, None, 2, 'waarde', 'magisch', 'onbekende waardecyclus; gebruik direct, potentieel, toegepast, gerealiseerd, transformatief of 1 tot en met 5.')),
    Code.UNKNOWN_LEVEL: (_also(scores, _file("reflecties.csv", "netwerk,meetmoment,deelnemer,waarde,reflectie,niveau\nNet,2025-voorjaar,Anna,direct,Leuk,groot\n")),
     ('reflecties.csv', None, None, 2, 'niveau', 'groot', "onbekend niveau; gebruik 'individueel' of 'collectief'.")),
    Code.NOT_A_NUMBER: (lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,zeven,\n"),
     ('scores.csv', None, None, 2, 'score', 'zeven', 'geen getal; verwacht een getal van 1 tot en met 10.')),
    Code.SCORE_OUT_OF_SCALE: (lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,77,\n"),
     ('scores.csv', None, None, 2, 'score', '77', 'score buiten de schaal van 1 tot en met 10.')),
    Code.BAD_RATING: (_also(scores, _file("evaluaties.csv", "netwerk,datum,tops,tips,cijfer\nNet,2026-01-15,Goed,Korter,11\n")),
     ('evaluaties.csv', None, None, 2, 'cijfer', '11', 'het cijfer moet een getal van 1 tot en met 10 zijn.')),
    Code.UNCLEAR_CONSENT: (_also(scores, _file("reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,direct,Leuk,\"ja, maar alleen intern\"\n")),
     ('reflecties.csv', None, None, 2, 'openbaar', 'ja, maar alleen intern', "onduidelijke toestemming; alleen een duidelijk 'ja' maakt een verhaal openbaar. Gebruik 'ja' of 'nee' (leeg betekent 'nee').")),
    Code.NO_PARTICIPANT: (_also(scores, _google([{"email": "", "time": MARCH, "answers": ["Net"] + ELEVEN}])),
     ('google.csv', None, None, 2, None, None, 'geen deelnemer: de kolommen voor e-mail, naam en ID zijn leeg.')),
    Code.CONFLICTING_SCORES: (lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,7,\nNet,2025-voorjaar,Anna,1a,6,\n"),
     ('scores.csv', None, None, 3, 'score', '6', 'dezelfde deelnemer gaf voor 1a op 2025-voorjaar (huidig) al score 7 in scores.csv rij 2; welke klopt?')),
    Code.DUPLICATE_SCORE: (lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,7,\nNet,2025-voorjaar,Anna,1a,7,\n"),
     ('scores.csv', None, None, 3, None, None, 'herhaalt scores.csv rij 2 (zelfde deelnemer, indicator, meetmoment en score); één keer geteld.')),
    Code.EARLIER_RESPONSE: (_ms_form([{"email": "anna@school.nl", "completed": MARCH, "answers": ["Net"] + ELEVEN},
                                      {"email": "anna@school.nl", "completed": MARCH + dt.timedelta(days=1), "answers": ["Net"] + ELEVEN}]),
     ('form.xlsx', 'Form1', None, 2, None, None, "eerder antwoord van dezelfde deelnemer voor Net op 2026-voorjaar; het latere antwoord (form.xlsx, blad 'Form1' rij 3) telt.")),
    Code.EARLIER_PARTS: (lambda data: microsoft_forms_xlsx(data / "form.xlsx", ["Netwerk", *INDICATOR_QUESTIONS_NL, "Toegepaste waarde: wat doe je nu anders?"], [
                             {"email": "anna@school.nl", "completed": MARCH, "answers": ["Net", *ELEVEN, "Ik plan samen."]},
                             {"email": "anna@school.nl", "completed": MARCH + dt.timedelta(days=1), "answers": ["Net", *ELEVEN, ""]}]),
     ('form.xlsx', 'Form1', None, 2, None, None, "eerder antwoord van dezelfde deelnemer voor Net op 2026-voorjaar: voor de scores telt het latere antwoord "
                                                 "(form.xlsx, blad 'Form1' rij 3); de reflecties van dit antwoord tellen nog mee, want het latere antwoord heeft die niet.")),
    Code.MEETING_DAYS: (lambda data: microsoft_forms_xlsx(data / "form.xlsx", ["Netwerk", *INDICATOR_QUESTIONS_NL, "Wat ging goed?"], [
                            {"email": "anna@school.nl", "completed": MARCH, "answers": ["Net", *ELEVEN, "Fijn"]},
                            {"email": "bert@school.nl", "completed": MARCH + dt.timedelta(days=2), "answers": ["Net", *ELEVEN, "Goed"]}]),
     ('form.xlsx', 'Form1', None, 1, None, None, "de evaluaties van Net op 2026-voorjaar vallen op 2 dagen (14-03-2026 tot en met 16-03-2026); zonder vraag naar de "
                                                 "datum van de bijeenkomst telt elke dag als een eigen bijeenkomst. Was het één bijeenkomst, zet dan in netwerkspiegel.toml: "
                                                 "[bestanden.\"form.xlsx\"] datum = \"2026-03-14\", of vraag in het formulier naar de 'Datum van de bijeenkomst'.")),
    Code.PARTIAL_PARTICIPANT: (_ms_form([{"email": "anna@school.nl", "completed": MARCH, "answers": ["Net"] + ["7"] * 10 + [""]}]),
     ('form.xlsx', 'Form1', None, 2, None, None, 'deze deelnemer (Net, 2026-voorjaar) vulde 10 van de 11 indicatoren in; ontbreekt: 4d. De ingevulde scores tellen mee.')),
    Code.NETWORKS_MERGED: (lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,7,\nnet,2025-voorjaar,Bert,1a,6,\n"),
     ('netwerknamen', None, None, None, None, None, "'Net', 'net' zijn samengevoegd tot 'Net' (ze verschillen alleen in hoofdletters, spaties of accenten).")),
    Code.SAME_PERSON: (lambda d: scores(d, "Net,2025-voorjaar,Anouk de Vries,1a,7,\nNet,2025-najaar,anouk.devries@school.nl,1a,6,\n"),
     ('deelnemers', None, None, None, None, None, 'in \'Net\' zijn \'anouk de vries\' en \'anouk.devries@school.nl\' misschien dezelfde deelnemer, maar geen rij koppelt ze, dus ze tellen als twee. Is het één persoon, zet dan in netwerkspiegel.toml onder [deelnemers]: "anouk de vries" = "anouk.devries@school.nl".')),
    Code.CONFLICTING_SHARED: (_also(scores, _file("gedeeld.csv", SHARED_HEADER + "Net,2025-voorjaar,1a,6,,\nNet,voorjaar 2025,1A,7,huidig,\n")),
     ('gedeeld.csv', None, None, 3, 'gedeeld beeld', '7', 'Net heeft voor 1a op 2025-voorjaar (huidig) al een gedeeld beeld in gedeeld.csv rij 2; '
                                                         'een netwerk spreekt één gedeeld beeld per indicator en meetmoment af. Welke klopt?')),
    Code.UNKNOWN_AGREEMENT_KIND: (_also(scores, _file("afspraken.csv", "netwerk,meetmoment,afspraak,soort\nNet,2025-voorjaar,We lezen een boek.,besluit\n")),
     ('afspraken.csv', None, None, 2, 'soort', 'besluit', "onbekende soort; gebruik 'afspraak' of 'conclusie' (leeg betekent 'afspraak').")),
    Code.INDICATOR_NOT_FOR_NETWORK: (_also(lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,7,\nAnder,2025-voorjaar,Bert,5a,6,\n"),
                                           _file("netwerkspiegel.toml", OWN_5A + 'netwerken = ["Net"]\n')),
     ('scores.csv', None, None, 3, 'indicator', '5a', "5a is een eigen indicator van 'Net' (netwerkspiegel.toml, [indicatoren.\"5a\"]), niet van 'Ander'. "
                                                    "Zet 'Ander' bij netwerken, of haal deze score weg.")),
    Code.UNKNOWN_NETWORK: (_also(scores, _file("netwerkspiegel.toml", OWN_5A + 'netwerken = ["Net", "Techniek Oost"]\n')),
     ('netwerkspiegel.toml', None, 'indicatoren."5a".netwerken', None, None, 'Techniek Oost', 'dit netwerk komt in geen enkele export voor, dus de eigen '
                                                                                          'indicator 5a telt daar niet. Staat de naam er precies zo als in de exports?')),
    Code.NAME_IN_TYPED_TEXT: (lambda d: write(d, "Kruisjes Anna.csv", SCORES),
     ('Kruisjes Anna.csv', None, None, None, None, None, 'de bestandsnaam noemt een deelnemer; die naam komt zo op de site. Kies een naam zonder '
                                                         'namen van deelnemers. (op de pagina Gegevenskwaliteit wordt die naam weggelaten).')),
    Code.NAME_IN_PUBLIC_TEXT: (lambda d: scores(d, "Team Anna,2025-voorjaar,Anna,1a,7,\n"),
     ('netwerknamen', None, None, None, None, 'Team Anna', "de naam van dit netwerk noemt een deelnemer ('Anna'); die naam komt zo op de site. Kies een naam zonder namen van deelnemers.")),
    Code.WITHOUT_SCORES: (_also(scores, _file("afspraken.csv", "netwerk,meetmoment,afspraak\nNet,2025-najaar,We lezen een boek.\n")),
     ('afspraken.csv', None, None, 2, 'meetmoment', '2025-najaar', 'deze afspraak hoort bij Net op 2025-najaar, maar Net heeft op dat meetmoment geen '
                                                                   'scores. Staat het meetmoment er precies zo als in de exports met de kruisjes?')),
    Code.DUPLICATE_AGREEMENT: (_also(scores, _file("afspraken.csv", "netwerk,meetmoment,afspraak\nNet,2025-voorjaar,We lezen een boek.\nNet,2025-voorjaar,we lezen  een boek.\n")),
     ('afspraken.csv', None, None, 3, 'afspraak', 'we lezen  een boek.', 'deze tekst staat voor Net op 2025-voorjaar al in afspraken.csv rij 2; hij wordt één keer getoond.')),
    Code.SIZE_BELOW_RESPONSE: (_also(lambda d: scores(d, "Net,2025-voorjaar,Anna,1a,7,\nNet,2025-voorjaar,Bert,1a,6,\nNet,2025-najaar,Anna,1a,7,\n"),
                                     _file("netwerkspiegel.toml", '[netwerken."net"]\ngrootte = 1\n')),
     ('netwerkspiegel.toml', None, 'netwerken."net".grootte', None, None, '1', "het netwerk 'Net' heeft op 2025-voorjaar 2 deelnemers met scores, meer dan "
      "deze grootte (1): een respons boven 100% kan niet. De site toont daar '2 deelnemers (meer dan de grootte 1)', zonder percentage. Pas de grootte aan "
      "of haal de regel weg.")),
    Code.CHARACTER_NOT_IN_FONTS: (_also(scores, _file("reflecties.csv", REFLECTION_HEADER + "Net,2025-voorjaar,Anna,direct,Leuk 🎉 学习 \U00013000,ja\n")),
     ('reflecties.csv', None, None, 2, None, '\U00013000', "deze reflectie heeft een teken dat geen lettertype van de PDF-rapporten heeft: '\U00013000' "
      "(U+13000 EGYPTIAN HIEROGLYPH A001). In het rapport van 'Net' staat daar een leeg vakje; op de site is het wel te zien.")),
}


def found_problems(data: Path) -> list[Problem]:
    try:
        return list(read_data(data).warnings)
    except InputError as error:
        return list(error.report.problems)


def where(problem: Problem, data: Path) -> tuple:
    """The problem's place and words; the data folder's own path (in an error of the system) as <data>."""
    return (problem.file, problem.sheet, problem.key, problem.row, problem.column, problem.value, str(problem.message).replace(str(data), "<data>"))


@pytest.mark.parametrize("code", list(CASES), ids=str)
def test_each_kind_of_problem_is_located_and_worded(code: Code, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prepare, expected = CASES[code]
    if prepare.__code__.co_argcount == 2:
        prepare(data_dir, monkeypatch)
    else:
        prepare(data_dir)
    found = [p for p in found_problems(data_dir) if p.code == code]
    assert found, [(p.code, p.format()) for p in found_problems(data_dir)]
    assert where(found[0], data_dir) == expected
    # Every text the message is made of has its English in the catalogue, so `--taal en` says it in English.
    assert untranslated(found[0].message) == []


def untranslated(message: Message) -> list[str]:
    english = translations(Language.ENGLISH).messages
    texts = [message.text] + ([message.plural] if message.plural else [])
    missing = [text for text in texts if text not in english]
    for _name, value in message.values:
        if isinstance(value, Message):
            missing += untranslated(value)
    return missing


def test_every_code_has_its_case() -> None:
    assert set(CASES) == set(Code)
