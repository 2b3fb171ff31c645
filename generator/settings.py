"""The settings a coach may put in `netwerkspiegel.toml` next to the data: a typed schema.

Each option is declared once, with its TOML key, type, default and a Dutch explanation (shown by
`netwerkspiegel check` and in the README). Reading reports every unknown key, wrong type and
impossible combination at once, as located problems.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from generator.errors import Problem, os_reason
from generator.load import clean_text
from generator.text import short_number

SETTINGS_FILE_NAME = "netwerkspiegel.toml"
MAX_TEXT_CHARS = 300  # a title, theme or network name in the settings


@dataclass(frozen=True)
class Settings:
    scale_min: float = 1.0
    """schaal.minimum: de laagste score op de lijn tussen de twee polen."""

    scale_max: float = 10.0
    """schaal.maximum: de hoogste score op de lijn tussen de twee polen."""

    public_min_group: int = 5
    """publiek.minimale_groep: het publieke overzicht toont cijfers alleen voor groepen van minstens
    zoveel deelnemers; kleinere groepen worden weggelaten, met een zichtbare melding."""

    site_title: str = "Netwerkspiegel"
    """site.titel: de naam van de site, bovenaan elke pagina."""

    spring_until_month: int = 7
    """formulieren.voorjaar_tot_en_met_maand: bij formulieren zonder kolom 'Meetmoment' bepaalt het
    tijdstip van het antwoord het meetmoment: januari tot en met deze maand is '<jaar>-voorjaar', de
    maanden daarna '<jaar>-najaar'."""

    organisation: str = ""
    """site.organisatie: de school of organisatie achter de netwerken; staat op de startpagina en
    onderaan elke pagina."""

    logo: str = ""
    """site.logo: een afbeelding (PNG of JPG, hoogstens 1 MB) in de datamap, bijvoorbeeld
    'logo.png'; staat links bovenaan elke pagina."""

    colour: str = ""
    """site.kleur: de hoofdkleur van de site als '#rrggbb', bijvoorbeeld '#1f4e79'. Witte tekst
    erop moet goed leesbaar zijn (contrast minstens 4,5 : 1, WCAG AA); een te lichte kleur wordt
    geweigerd."""

    footer: str = ""
    """site.voettekst: een regel onderaan elke pagina, bijvoorbeeld een contactpersoon of
    e-mailadres van de coördinator."""

    site_url: str = "http://localhost/"
    """site.url: het adres waarop de site komt te staan. Alleen het pad telt: staat de site in een
    submap (zoals https://school.github.io/netwerk/), vul dan dat adres in, anders laadt elke
    pagina volledig opnieuw in plaats van snel te wisselen."""


    @property
    def scale_text(self) -> str:
        """`1 tot en met 10`, as messages and pages say it."""
        return f"{short_number(self.scale_min)} tot en met {short_number(self.scale_max)}"


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

    def column(self, header_key: str) -> str | None:
        return dict(self.columns).get(header_key)

    def network_of(self, file: str) -> str | None:
        return dict(self.file_networks).get(file)


@dataclass(frozen=True)
class Option:
    key: str
    attribute: str
    kind: type
    default: object
    help: str


def _options() -> tuple[Option, ...]:
    defaults = Settings()
    docs = _attribute_docs()
    options = []
    for field in fields(Settings):
        key, _, help_text = docs[field.name].partition(": ")
        kind = {"float": float, "int": int, "str": str}[str(field.type)]
        options.append(Option(key, field.name, kind, getattr(defaults, field.name), " ".join(help_text.split())))
    return tuple(options)


def _attribute_docs() -> dict[str, str]:
    """The docstring under each field of `Settings`, read from the source so there is one truth."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(Settings))
    body = tree.body[0].body
    docs = {}
    for node, following in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(following, ast.Expr):
            docs[node.target.id] = following.value.value
    return docs


OPTIONS = _options()

_KIND_NAMES = {float: "een eindig getal", int: "een geheel getal", str: f"tekst van hoogstens {MAX_TEXT_CHARS} tekens op één regel"}


def settings_help() -> str:
    lines = [f"Instellingen in {SETTINGS_FILE_NAME} (alle optioneel):"]
    for option in OPTIONS:
        lines.append(f"  {option.key} (standaard {option.default!r}): {option.help}")
    return "\n".join(lines)


MAX_SETTINGS_BYTES = 1024 * 1024


def load_settings(data_dir: Path, framework) -> tuple[Settings, Mappings, list[Problem]]:
    """Settings and mappings from the data folder; defaults when there is no settings file."""
    path = data_dir / SETTINGS_FILE_NAME
    if not path.exists() and not path.is_symlink():
        return Settings(), Mappings(), []

    def fail(message: str) -> tuple[Settings, Mappings, list[Problem]]:
        return Settings(), Mappings(), [Problem(path.name, None, None, None, message)]

    if not path.is_file():
        return fail("dit is geen bestand (maar een map of een snelkoppeling die nergens heen wijst); de instellingen horen in een tekstbestand netwerkspiegel.toml.")
    try:
        content = path.read_bytes()
    except OSError as error:
        return fail(f"het bestand kan niet worden gelezen: {os_reason(error)}.")
    if len(content) > MAX_SETTINGS_BYTES:
        return fail("het instellingenbestand is groter dan 1 MB; dat kan geen instellingenbestand zijn.")
    raw, message = parse_toml(content)
    if raw is None:
        return fail(message)
    settings, problems = parse_settings(raw, path.name)
    mappings, mapping_problems = parse_mappings(raw, path.name, framework)
    return settings, mappings, problems + mapping_problems


_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_toml(content: bytes) -> tuple[dict | None, str]:
    """(the TOML as a dict, "") or (None, why not in Dutch; tomllib's own text is English)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, f"het bestand is geen UTF-8 (rond teken {error.start + 1}); sla het op als UTF-8."
    try:
        return tomllib.loads(text), ""
    except tomllib.TOMLDecodeError as error:
        where = _TOML_WHERE.search(str(error))
        place = f" (regel {where.group(1)}, teken {where.group(2)})" if where else (" (aan het eind van het bestand)" if "end of document" in str(error) else "")
        return None, f"dit is geen geldig TOML-bestand{place}. Controleer daar aanhalingstekens, haakjes en het '='-teken."
    except RecursionError:
        return None, "de instellingen zijn te diep genest (tabellen of lijsten in elkaar); dat kan geen instellingenbestand zijn."


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


def parse_mappings(raw: dict, file_name: str, framework) -> tuple[Mappings, list[Problem]]:
    """`[kolommen]`, `[bestanden]` and `[netwerken]`; what a mapped column may mean is checked by `recognise`."""
    from generator.recognise import header_key, meaning_of_mapping, MAPPING_HELP

    problems: list[Problem] = []
    columns: dict[str, str] = {}
    table = raw.get("kolommen", {})
    if not isinstance(table, dict):
        problems.append(Problem(file_name, None, None, str(table), "moet een tabel [kolommen] zijn met \"kop\" = \"betekenis\".", key="kolommen"))
        table = {}
    for header, meaning in table.items():
        if not isinstance(meaning, str) or meaning_of_mapping(meaning, framework) is None:
            problems.append(Problem(file_name, None, None, str(meaning), f"onbekende betekenis; {MAPPING_HELP}", key=f"kolommen.\"{header}\""))
            continue
        columns[header_key(header)] = meaning
    networks = _per_name(raw, "bestanden", "netwerk", "de naam van een netwerk", file_name, problems)
    themes = _per_name(raw, "netwerken", "thema", "tekst: het thema of de praktijkvraag van het netwerk", file_name, problems)
    aliases: dict[str, str] = {}
    table = raw.get("deelnemers", {})
    if not isinstance(table, dict):
        problems.append(Problem(file_name, None, None, None, "moet een tabel [deelnemers] zijn met \"naam of e-mail\" = \"naam of e-mail\" (twee namen van één persoon).", key="deelnemers"))
        table = {}
    for alias, identity in table.items():
        if not isinstance(identity, str) or not identity.strip() or not alias.strip():
            problems.append(Problem(file_name, None, None, None, "moet een naam of e-mailadres zijn: de andere naam van dezelfde deelnemer.", key=f"deelnemers.\"{alias}\""))
            continue
        aliases[clean_text(alias)] = clean_text(identity)
    mappings = Mappings(tuple(sorted(columns.items())), tuple(sorted(networks.items())), tuple(sorted(themes.items())), tuple(sorted(aliases.items())))
    return mappings, problems


def _per_name(raw: dict, table_name: str, key: str, what: str, file_name: str, problems: list[Problem]) -> dict[str, str]:
    """A table of `[<table>."<name>"] <key> = "…"` entries: {name: value}; every other key is reported."""
    found: dict[str, str] = {}
    table = raw.get(table_name, {})
    if not isinstance(table, dict):
        problems.append(Problem(file_name, None, None, str(table), f"moet een tabel [{table_name}.\"naam\"] zijn.", key=table_name))
        return found
    for name, options in table.items():
        options = options if isinstance(options, dict) else {"": options}
        for option, value in options.items():
            where = f"{table_name}.\"{name}\".{option}"
            if option != key:
                problems.append(Problem(file_name, None, None, None, f"onbekende instelling; hier kan alleen '{key}' worden gezet.", key=where))
            elif not isinstance(value, str) or not value.strip():
                problems.append(Problem(file_name, None, None, str(value), f"moet {what} zijn.", key=where))
            elif len(value) > MAX_TEXT_CHARS:
                problems.append(Problem(file_name, None, None, value, f"is langer dan {MAX_TEXT_CHARS} tekens.", key=where))
            else:
                found[" ".join(clean_text(name).split())] = " ".join(clean_text(value).split())
    return found


def parse_settings(raw: dict, file_name: str) -> tuple[Settings, list[Problem]]:
    raw = dict(raw)
    raw.pop("kolommen", None)
    raw.pop("bestanden", None)
    raw.pop("netwerken", None)
    raw.pop("deelnemers", None)
    problems: list[Problem] = []
    flat = dict(_flatten(raw))
    known = {option.key: option for option in OPTIONS}
    values: dict[str, object] = {}
    for key, value in flat.items():
        option = known.get(key)
        if option is None:
            hint = difflib.get_close_matches(key, known, n=1)
            suggestion = f" Bedoelde je '{hint[0]}'?" if hint else ""
            valid = ", ".join(known)
            problems.append(Problem(file_name, None, None, None, f"onbekende instelling.{suggestion} Geldig zijn: {valid}.", key=key))
            continue
        converted = _convert(value, option.kind)
        if converted is None:
            problems.append(Problem(file_name, None, None, str(value), f"moet {_KIND_NAMES[option.kind]} zijn.", key=key))
            continue
        values[option.attribute] = converted
    settings = Settings(**values)
    if settings.scale_min >= settings.scale_max:
        problems.append(Problem(file_name, None, None, f"{settings.scale_min:g}", f"het minimum moet kleiner zijn dan het maximum ({settings.scale_max:g}).", key="schaal.minimum"))
    if not 1 <= settings.spring_until_month <= 11:
        problems.append(Problem(file_name, None, None, str(settings.spring_until_month), "moet een maand van 1 tot en met 11 zijn.", key="formulieren.voorjaar_tot_en_met_maand"))
    if valid_site_url(settings.site_url) is None:
        problems.append(Problem(file_name, None, None, settings.site_url, SITE_URL_HELP, key="site.url"))
    else:
        settings = replace(settings, site_url=valid_site_url(settings.site_url) or settings.site_url)
    if settings.colour and colour_problem(settings.colour):
        problems.append(Problem(file_name, None, None, settings.colour, colour_problem(settings.colour) or "", key="site.kleur"))
    if settings.logo and not re.fullmatch(r"[^/\\]+\.(?:png|jpe?g)", settings.logo, re.IGNORECASE):
        problems.append(Problem(file_name, None, None, settings.logo, "moet de naam van een PNG- of JPG-bestand in de datamap zijn, zoals 'logo.png'.", key="site.logo"))
    if not -1e6 <= settings.scale_min <= 1e6 or not -1e6 <= settings.scale_max <= 1e6:
        problems.append(Problem(file_name, None, None, None, "de schaal moet tussen -1.000.000 en 1.000.000 liggen.", key="schaal"))
    if not 1 <= settings.public_min_group <= 10_000:
        problems.append(Problem(file_name, None, None, str(settings.public_min_group), "moet een aantal deelnemers van 1 tot en met 10.000 zijn.", key="publiek.minimale_groep"))
    return settings, problems


def _flatten(raw: dict):
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


def colour_problem(colour: str) -> str | None:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return "moet een kleur zijn als '#rrggbb', bijvoorbeeld '#1f4e79'."
    ratio = contrast_with_white(colour)
    if ratio < 4.5:
        return (f"witte tekst op deze kleur heeft een contrast van {ratio:.2f} : 1; dat moet minstens 4,5 : 1 zijn (WCAG AA). "
                "Kies een donkerdere kleur.").replace(".", ",", 1)
    return None


SITE_URL_HELP = (
    "moet een gewoon webadres zijn dat begint met http:// of https://, zoals 'https://school.github.io/netwerk/': "
    "een servernaam, eventueel een poort en een pad, zonder spaties, aanhalingstekens, '?' of '#'."
)


def _convert(value: object, kind: type) -> object | None:
    """The value as the option's type, or None. Numbers must be finite (no inf or nan); text is one
    line without control or invisible characters."""
    if isinstance(value, bool):
        return None
    if kind is float and isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if kind is int and isinstance(value, int):
        return value
    if kind is str and isinstance(value, str):
        text = " ".join(clean_text(value).split())
        return text if text and len(text) <= MAX_TEXT_CHARS else None
    return None
