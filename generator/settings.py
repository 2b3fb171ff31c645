"""The settings a coach may put in `netwerkspiegel.toml` next to the data: a typed schema.

Each option is declared once, with its TOML key, type, default and a Dutch explanation (shown by
`netwerkspiegel check` and in the README). Reading reports every unknown key, wrong type and
impossible combination at once, as located problems.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from generator.errors import Problem

SETTINGS_FILE_NAME = "netwerkspiegel.toml"


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

    site_url: str = "http://localhost/"
    """site.url: het adres waarop de site komt te staan. Alleen het pad telt: staat de site in een
    submap (zoals https://school.github.io/netwerk/), vul dan dat adres in, anders laadt elke
    pagina volledig opnieuw in plaats van snel te wisselen."""


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

_KIND_NAMES = {float: "een getal", int: "een geheel getal", str: "tekst"}


def settings_help() -> str:
    lines = [f"Instellingen in {SETTINGS_FILE_NAME} (alle optioneel):"]
    for option in OPTIONS:
        lines.append(f"  {option.key} (standaard {option.default!r}): {option.help}")
    return "\n".join(lines)


def load_settings(data_dir: Path) -> tuple[Settings, list[Problem]]:
    """Settings from the data folder; defaults when there is no settings file."""
    path = data_dir / SETTINGS_FILE_NAME
    if not path.exists():
        return Settings(), []
    try:
        raw = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return Settings(), [Problem(path.name, None, None, None, f"dit is geen geldig TOML-bestand ({error}).")]
    return parse_settings(raw, path.name)


def parse_settings(raw: dict, file_name: str) -> tuple[Settings, list[Problem]]:
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
    if not settings.site_url.startswith(("http://", "https://")):
        problems.append(Problem(file_name, None, None, settings.site_url, "moet beginnen met http:// of https://.", key="site.url"))
    if settings.public_min_group < 1:
        problems.append(Problem(file_name, None, None, str(settings.public_min_group), "moet minstens 1 zijn.", key="publiek.minimale_groep"))
    return settings, problems


def _flatten(raw: dict, prefix: str = ""):
    for key, value in raw.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, full + ".")
        else:
            yield full, value


def _convert(value: object, kind: type) -> object | None:
    if isinstance(value, bool):
        return None
    if kind is float and isinstance(value, (int, float)):
        return float(value)
    if kind is int and isinstance(value, int):
        return value
    if kind is str and isinstance(value, str) and value.strip():
        return value.strip()
    return None
