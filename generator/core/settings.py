"""The settings a coach may put in `netwerkspiegel.toml` next to the data: typed option objects.

Each option is one object that knows its TOML key, default, Dutch help (shown by `netwerkspiegel
--help`, in the `init` project's settings file and in the README) and how to check a value, in the
manner of MkDocs' `config_options`. `parse_settings` reports every unknown key, wrong value and
impossible combination at once, as located problems.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from generator.core.errors import Code, Problem
from generator.core.language import DUTCH, N_, Language, Message, Translations, available_languages
from generator.core.text import clean_text

SETTINGS_FILE_NAME = "netwerkspiegel.toml"
MAX_TEXT_CHARS = 300  # a title, theme or network name in the settings
# The tables whose keys are the coach's own words (headers, file and network names, people): read
# by `generator.read.settings_file`, not options.
MAPPING_TABLES = ("kolommen", "bestanden", "netwerken", "deelnemers", "indicatoren")

T = TypeVar("T")
_NOTHING = ""
OK = Message(_NOTHING)  # what `check` says of a value it accepts
WHOLE_NUMBER = Message("een geheel getal")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its dotted TOML key, default and help; `check` turns a TOML value into the
    option's value, or gives the reason it cannot (completing "moet … zijn" style messages)."""

    key: str
    default: T
    help: str

    def check(self, value: object) -> tuple[T | None, Message]:
        raise NotImplementedError

    @property
    def example(self) -> str:
        """The default as TOML."""
        return f"{float(self.default):g}"  # type: ignore[arg-type]


@dataclass(frozen=True)
class Number(Option[float]):
    minimum: float = -1e6
    maximum: float = 1e6

    def check(self, value: object) -> tuple[float | None, Message]:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return None, Message("moet een eindig getal zijn.")
        if not self.minimum <= value <= self.maximum:
            return None, Message("moet tussen %(minimum)s en %(maximum)s liggen.", minimum=int(self.minimum), maximum=int(self.maximum))
        return float(value), OK


@dataclass(frozen=True)
class WholeNumber(Option[int]):
    minimum: int = 1
    maximum: int = 10_000
    unit: Message = WHOLE_NUMBER

    def check(self, value: object) -> tuple[int | None, Message]:
        if isinstance(value, bool) or not isinstance(value, int):
            return None, Message("moet een geheel getal zijn.")
        if not self.minimum <= value <= self.maximum:
            return None, Message("moet %(unit)s van %(minimum)s tot en met %(maximum)s zijn.", unit=self.unit, minimum=self.minimum, maximum=self.maximum)
        return value, OK

    @property
    def example(self) -> str:
        return str(self.default)


@dataclass(frozen=True)
class Text(Option[str]):
    """One line of text, without control or invisible characters."""

    def check(self, value: object) -> tuple[str | None, Message]:
        text = " ".join(clean_text(value).split()) if isinstance(value, str) else None
        # Empty only where the default is empty too (no logo, no colour); never longer than the limit.
        if text is not None and not text and self.default:
            return None, Message("mag niet leeg zijn; laat de regel weg voor '%(default)s', of geef een tekst.", default=self.default)
        if text is None or len(text) > MAX_TEXT_CHARS:
            return None, Message("moet tekst van hoogstens %(limit)s tekens op één regel zijn.", limit=MAX_TEXT_CHARS)
        return self.refine(text)

    def refine(self, text: str) -> tuple[str | None, Message]:
        return text, OK

    @property
    def example(self) -> str:
        return f'"{self.default}"'


@dataclass(frozen=True)
class SiteUrl(Text):
    def refine(self, text: str) -> tuple[str | None, Message]:
        valid = valid_site_url(text)
        return (valid, OK) if valid else (None, SITE_URL_HELP)


@dataclass(frozen=True)
class Colour(Text):
    def refine(self, text: str) -> tuple[str | None, Message]:
        problem = colour_problem(text) if text else None
        return (None, problem) if problem else (text, OK)


@dataclass(frozen=True)
class ImageFile(Text):
    def refine(self, text: str) -> tuple[str | None, Message]:
        if text and not re.fullmatch(r"[^/\\]+\.(?:png|jpe?g)", text, re.IGNORECASE):
            return None, Message("moet de naam van een PNG- of JPG-bestand in de datamap zijn, zoals 'logo.png'.")
        return text, OK


@dataclass(frozen=True)
class LanguageChoice(Option[Language]):
    """One of the languages a site can be built in, by its code (`nl`, `en`)."""

    def check(self, value: object) -> tuple[Language | None, Message]:
        codes = list(available_languages())
        if isinstance(value, str) and value.strip().lower() in codes:
            return Language(value.strip().lower()), OK
        return None, Message("moet een van deze talen zijn: %(codes)s.", codes=", ".join(repr(code) for code in codes))

    @property
    def example(self) -> str:
        return f'"{self.default.value}"'


@dataclass(frozen=True)
class WordList(Option[tuple[str, ...]]):
    """A list of single words ("Roos", "Bakker"), each without spaces or punctuation."""

    def check(self, value: object) -> tuple[tuple[str, ...] | None, Message]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return None, Message("moet een lijst van woorden zijn, zoals [\"Roos\", \"Bakker\"].")
        words = [clean_text(item).strip() for item in value]
        wrong = [word for word in words if not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)?", word)]
        if wrong:
            return None, Message("moet een lijst van losse woorden zijn, zonder spaties, cijfers of leestekens; niet: %(words)s. "
                                 "Behouden kan alleen een gewoon woord dat ook een naam is (\"Roos\" in \"basisschool De Roos\"); "
                                 "een volledige naam, een e-mailadres of een code is altijd een persoon en blijft altijd weg.",
                                 words=", ".join(f"'{word}'" for word in wrong))
        return tuple(dict.fromkeys(words)), OK

    @property
    def example(self) -> str:
        return "[" + ", ".join(f'"{word}"' for word in self.default) + "]"


@dataclass(frozen=True)
class Settings:
    """The checked settings of one data folder; every field is one option of `OPTIONS`."""

    scale_min: float = 1.0
    scale_max: float = 10.0
    public_min_group: int = 5
    site_title: str = "Netwerkspiegel"
    spring_until_month: int = 7
    organisation: str = ""
    logo: str = ""
    colour: str = ""
    footer: str = ""
    site_url: str = "http://localhost/"
    language: Language = Language.DUTCH
    public_keep: tuple[str, ...] = ()

    @property
    def scale_range(self) -> Message:
        """`1 tot en met 10` (`1 to 10`), as problems say it."""
        return Message("%(low)s tot en met %(high)s", low=self.scale_min, high=self.scale_max)

    @property
    def scale_text(self) -> str:
        """`1 tot en met 10`, as messages and pages say it."""
        return f"{DUTCH.short_number(self.scale_min)} tot en met {DUTCH.short_number(self.scale_max)}"


_DEFAULT = Settings()

# Every option, by the `Settings` field it fills, in the order help texts list them.
OPTIONS: dict[str, Option[Any]] = {
    "scale_min": Number("schaal.minimum", _DEFAULT.scale_min, N_("de laagste score op de lijn tussen de twee polen.")),
    "scale_max": Number("schaal.maximum", _DEFAULT.scale_max, N_("de hoogste score op de lijn tussen de twee polen.")),
    "public_min_group": WholeNumber(
        "publiek.minimale_groep", _DEFAULT.public_min_group,
        N_("het publieke overzicht toont cijfers alleen voor groepen van minstens zoveel deelnemers; kleinere groepen "
        "worden weggelaten, met een zichtbare melding."), unit=Message("een aantal deelnemers")),
    "site_title": Text("site.titel", _DEFAULT.site_title, N_("de naam van de site, bovenaan elke pagina.")),
    "spring_until_month": WholeNumber(
        "formulieren.voorjaar_tot_en_met_maand", _DEFAULT.spring_until_month,
        N_("bij formulieren zonder kolom 'Meetmoment' bepaalt het tijdstip van het antwoord het meetmoment: januari tot "
        "en met deze maand is '<jaar>-voorjaar', de maanden daarna '<jaar>-najaar'."), maximum=11, unit=Message("een maand")),
    "organisation": Text(
        "site.organisatie", _DEFAULT.organisation,
        N_("de school of organisatie achter de netwerken; staat op de startpagina en onderaan elke pagina.")),
    "logo": ImageFile(
        "site.logo", _DEFAULT.logo,
        N_("een afbeelding (PNG of JPG, hoogstens 1 MB) in de datamap, bijvoorbeeld 'logo.png'; staat links bovenaan elke pagina.")),
    "colour": Colour(
        "site.kleur", _DEFAULT.colour,
        N_("de hoofdkleur van de site als '#rrggbb', bijvoorbeeld '#1f4e79'. Witte tekst erop moet goed leesbaar zijn "
        "(contrast minstens 4,5 : 1, WCAG AA); een te lichte kleur wordt geweigerd.")),
    "footer": Text(
        "site.voettekst", _DEFAULT.footer,
        N_("een regel onderaan elke pagina, bijvoorbeeld een contactpersoon of e-mailadres van de coördinator.")),
    "site_url": SiteUrl(
        "site.url", _DEFAULT.site_url,
        N_("het adres waarop de site komt te staan. Alleen het pad telt: staat de site in een submap (zoals "
        "https://school.github.io/netwerk/), vul dan dat adres in, anders laadt elke pagina volledig opnieuw in "
        "plaats van snel te wisselen.")),
    "language": LanguageChoice(
        "site.taal", _DEFAULT.language,
        N_("de taal van de site: 'nl' (Nederlands) of 'en' (Engels): teksten, grafieken, getallen, meetmomenten en de "
        "CSV-downloads. Op de opdrachtregel gaat --taal hier voor.")),
    "public_keep": WordList(
        "publiek.behoud", _DEFAULT.public_keep,
        N_("gewone woorden die ook de naam van een deelnemer zijn en die je wilt houden waar ze als woord staan, "
        "bijvoorbeeld [\"Roos\", \"Bakker\"]: 'netwerkspiegel check --audience publiek' laat zien welke woorden als naam "
        "zijn weggelaten. Een volledige naam ('Roos Bos'), een naam met voorletter, aanhef of titel ('juf Roos', 'Hoi Roos,') "
        "en een uitgespelde naam blijven altijd weg.")),
}


@dataclass(frozen=True)
class Mappings:
    """The two tables of `netwerkspiegel.toml` whose keys are the coach's own words.

    `[kolommen]` maps a column header (as in the export) to what it holds, e.g.
    `"Hoe sterk zijn de banden buiten het netwerk?" = "3b"`; `[bestanden."naam.xlsx"]` gives the
    network of a file without a network column: `netwerk = "Hoogbegaafdheid"`.
    """

    columns: tuple[tuple[str, str], ...] = ()
    file_networks: tuple[tuple[str, str], ...] = ()
    network_themes: tuple[tuple[str, str], ...] = ()  # `[netwerken."naam"] thema = "…"`
    aliases: tuple[tuple[str, str], ...] = ()  # `[deelnemers] "anouk@school.nl" = "Anouk de Vries"`: one person
    file_moments: tuple[tuple[str, str], ...] = ()  # `[bestanden."naam.csv"] meetmoment = "2026-voorjaar"`
    column_headers: tuple[tuple[str, str], ...] = ()  # each `[kolommen]` key as the coach wrote it, by its folded key
    file_dates: tuple[tuple[str, str], ...] = ()  # `[bestanden."naam.csv"] datum = "2026-03-12"`: the meeting its evaluations are of
    network_sizes: tuple[tuple[str, int], ...] = ()  # `[netwerken."naam"] grootte = 14`: how many members the network has

    def column(self, header_key: str) -> str | None:
        return dict(self.columns).get(header_key)

    def network_of(self, file: str) -> str | None:
        return dict(self.file_networks).get(file_key(file))

    def moment_of(self, file: str) -> str | None:
        return dict(self.file_moments).get(file_key(file))

    def date_of(self, file: str) -> str | None:
        return dict(self.file_dates).get(file_key(file))

    def network_settings(self) -> Iterator[tuple[str, str, str]]:
        """Every `[netwerken."naam"] optie = waarde`: (network as written, option, value as text)."""
        for option, entries in (("thema", self.network_themes), ("grootte", self.network_sizes)):
            for name, value in entries:
                yield name, option, str(value)

    def file_settings(self) -> Iterator[tuple[str, str, str]]:
        """Every `[bestanden."naam"] optie = "waarde"`: (file key, option, value)."""
        for option, entries in (("netwerk", self.file_networks), ("meetmoment", self.file_moments), ("datum", self.file_dates)):
            for name, value in entries:
                yield name, option, value


def file_key(name: str) -> str:
    """A file's name as `[bestanden]` keys it: cleaned, with single spaces (a name as a coach types it)."""
    return " ".join(clean_text(name).split())


def settings_help(t: Translations = DUTCH) -> str:
    lines = [t.gettext("Instellingen in %(file)s (alle optioneel):") % {"file": SETTINGS_FILE_NAME}]
    for option in OPTIONS.values():
        lines.append("  " + t.gettext("%(key)s (standaard %(default)s): %(help)s") % {"key": option.key, "default": option.example, "help": t.gettext(option.help)})
    return "\n".join(lines)


_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_toml(content: bytes) -> tuple[dict | None, Message]:
    """(the TOML as a dict, OK) or (None, why not; tomllib's own text is English)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, Message("het bestand is geen UTF-8 (rond teken %(position)s); sla het op als UTF-8.", position=str(error.start + 1))
    try:
        return tomllib.loads(text), OK
    except tomllib.TOMLDecodeError as error:
        twice = _twice(text, str(error))
        if twice is not None:
            return None, twice
        where = _TOML_WHERE.search(str(error))
        if where:
            return None, Message("dit is geen geldig TOML-bestand (regel %(line)s, teken %(position)s). Controleer daar aanhalingstekens, haakjes en het '='-teken.",
                                 line=where.group(1), position=where.group(2))
        if "end of document" in str(error):
            return None, Message("dit is geen geldig TOML-bestand (aan het eind van het bestand). Controleer daar aanhalingstekens, haakjes en het '='-teken.")
        return None, Message("dit is geen geldig TOML-bestand. Controleer daar aanhalingstekens, haakjes en het '='-teken.")
    except RecursionError:
        return None, Message("de instellingen zijn te diep genest (tabellen of lijsten in elkaar); dat kan geen instellingenbestand zijn.")


_TABLE_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_PREFIX_LINES = 5000  # to find the line of a key given twice when tomllib says only "at end of document"


def _twice(text: str, reason: str) -> Message | None:
    """The TOML error of a key or a table given twice, in words with its line; None for another error."""
    table = _TABLE_TWICE.match(reason)
    if not (reason.startswith("Cannot overwrite a value") or table):
        return None
    where = _TOML_WHERE.search(reason)
    line = where.group(1) if where else None
    if line is None:  # tomllib says where the document ended: the first line after which it fails so
        lines = text.splitlines()
        for number in range(1, min(len(lines), _PREFIX_LINES) + 1):
            try:
                tomllib.loads("\n".join(lines[:number]))
            except tomllib.TOMLDecodeError as error:
                if str(error).split(" (at ")[0] == reason.split(" (at ")[0]:
                    line = str(number)
                    break
    if table:
        name = ".".join(part.strip("'\" ") for part in table.group(1).rstrip(",").split(","))
        return Message("dit is geen geldig TOML-bestand: de tabel [%(table)s] staat er twee keer (de tweede op regel %(line)s); "
                       "zet alles van die tabel onder één kop.", table=name, line=line or "?")
    if line is None:
        return Message("dit is geen geldig TOML-bestand: een sleutel staat er twee keer in dezelfde tabel; haal een van beide weg.")
    return Message("dit is geen geldig TOML-bestand: regel %(line)s zet een sleutel die in dezelfde tabel al een waarde heeft "
                   "(een sleutel mag er maar één keer staan); haal een van beide weg.", line=line)


def valid_site_url(text: str) -> str | None:
    """`text` as the site's address when it is a plain http(s) address, else None.

    Strict, because it ends up in every page: a host name (or IP address) with an optional port,
    and a path of letters, digits and `-._~/%`; no spaces, quotes, query or fragment."""
    if not _SITE_URL.match(text):
        return None
    return text if text.endswith("/") else text + "/"


_SITE_URL = re.compile(
    r"^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])"
    r"(?::\d{1,5})?(?:/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*)*$"
)


def parse_settings(raw: dict[str, Any], file_name: str) -> tuple[Settings, list[Problem]]:
    """The options of a parsed settings file (the mapping tables are left to the read stage)."""
    problems: list[Problem] = []
    flat = dict(_flatten({key: value for key, value in raw.items() if key not in MAPPING_TABLES}))
    by_key = {option.key: attribute for attribute, option in OPTIONS.items()}
    values: dict[str, object] = {}
    for key, value in flat.items():
        attribute = by_key.get(key)
        if attribute is None:
            hint = difflib.get_close_matches(key, by_key, n=1)
            message = (Message("onbekende instelling. Bedoelde je '%(hint)s'? Geldig zijn: %(keys)s.", hint=hint[0], keys=", ".join(by_key)) if hint else
                       Message("onbekende instelling. Geldig zijn: %(keys)s.", keys=", ".join(by_key)))
            problems.append(Problem(file_name, None, None, None, message, key=key, code=Code.UNKNOWN_SETTING))
            continue
        checked, reason = OPTIONS[attribute].check(value)
        if checked is None:
            shown = ", ".join(f'"{item}"' for item in value) if isinstance(value, list) and all(isinstance(item, str) for item in value) else str(value)
            problems.append(Problem(file_name, None, None, shown, reason, key=key, code=Code.SETTING_VALUE))
            continue
        values[attribute] = checked
    settings = replace(_DEFAULT, **values)  # type: ignore[arg-type]
    if settings.scale_min >= settings.scale_max:
        problems.append(Problem(file_name, None, None, f"{settings.scale_min:g}", Message("het minimum moet kleiner zijn dan het maximum (%(maximum)s).", maximum=settings.scale_max), key="schaal.minimum", code=Code.SCALE_ORDER))
    return settings, problems


def _flatten(raw: dict[str, Any]) -> Iterator[tuple[str, object]]:
    """("schaal.minimum", 1), …: nested tables as dotted keys (without recursion: any depth)."""
    stack = [("", raw)]
    while stack:
        prefix, table = stack.pop()
        for key, value in table.items():
            full = f"{prefix}{key}"
            if isinstance(value, dict):
                stack.append((full + ".", value))
            else:
                yield full, value


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on `colour` ('#rrggbb')."""
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def colour_problem(colour: str) -> Message | None:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return Message("moet een kleur zijn als '#rrggbb', bijvoorbeeld '#1f4e79'.")
    ratio = contrast_with_white(colour)
    if ratio < 4.5:
        return Message("witte tekst op deze kleur heeft een contrast van %(ratio)s : 1; dat moet minstens %(minimum)s : 1 zijn (WCAG AA). "
                       "Kies een donkerdere kleur.", ratio=round(ratio, 2), minimum=4.5)
    return None


SITE_URL_HELP = Message(
    "moet een gewoon webadres zijn dat begint met http:// of https://, zoals 'https://school.github.io/netwerk/': "
    "een servernaam, eventueel een poort en een pad, zonder spaties, aanhalingstekens, '?' of '#'."
)
