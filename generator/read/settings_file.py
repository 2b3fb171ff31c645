"""The settings file of a data folder, read: its options (`generator.core.settings`) and the
tables whose keys are the coach's own words, checked against what a column may mean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.core.errors import Code, Problem, os_reason
from generator.core.framework import Framework
from generator.core.language import Language, Message
from generator.core.moments import moment_problem, parse_date, parse_moment
from generator.core.settings import MAX_TEXT_CHARS, OPTIONS, SETTINGS_FILE_NAME, Mappings, Settings, file_key, parse_settings, parse_toml
from generator.core.text import clean_text
from generator.read.own_indicators import add_own_indicators
from generator.read.recognise import MAPPING_HELP, header_key, meaning_of_mapping

MAX_SETTINGS_BYTES = 1024 * 1024


def load_settings(data_dir: Path, framework: Framework) -> tuple[Settings, Mappings, Framework, list[Problem]]:
    """Settings and mappings from the data folder, and the framework with the network's own
    indicators; defaults when there is no settings file."""
    path = data_dir / SETTINGS_FILE_NAME
    if not path.exists() and not path.is_symlink():
        return Settings(), Mappings(), framework, []

    def fail(message: Message, *, code: Code) -> tuple[Settings, Mappings, Framework, list[Problem]]:
        return Settings(), Mappings(), framework, [Problem(path.name, None, None, None, message, code=code)]

    if not path.is_file():
        return fail(Message("dit is geen bestand (maar een map of een snelkoppeling die nergens heen wijst); de instellingen horen in een tekstbestand netwerkspiegel.toml."), code=Code.SETTINGS_UNREADABLE)
    try:
        content = path.read_bytes()
    except OSError as error:
        return fail(Message("het bestand kan niet worden gelezen: %(reason)s.", reason=os_reason(error)), code=Code.SETTINGS_UNREADABLE)
    if len(content) > MAX_SETTINGS_BYTES:
        return fail(Message("het instellingenbestand is groter dan 1 MB; dat kan geen instellingenbestand zijn."), code=Code.SETTINGS_UNREADABLE)
    raw, message = parse_toml(content)
    if raw is None:
        return fail(message, code=Code.SETTINGS_UNREADABLE)
    settings, problems = parse_settings(raw, path.name)
    framework, indicator_problems = add_own_indicators(raw, path.name, framework)  # before the mappings: a column may mean '5a'
    mappings, mapping_problems = parse_mappings(raw, path.name, framework)
    return settings, mappings, framework, problems + indicator_problems + mapping_problems


def parse_mappings(raw: dict[str, Any], file_name: str, framework: Framework) -> tuple[Mappings, list[Problem]]:
    """`[kolommen]`, `[bestanden]` and `[netwerken]`; what a mapped column may mean is checked by `recognise`."""
    problems: list[Problem] = []
    columns: dict[str, str] = {}
    headers: dict[str, str] = {}
    table = raw.get("kolommen", {})
    if not isinstance(table, dict):
        problems.append(Problem(file_name, None, None, str(table), Message("moet een tabel [kolommen] zijn met \"kop\" = \"betekenis\"."), key="kolommen", code=Code.SETTINGS_TABLE))
        table = {}
    for header, meaning in table.items():
        if not isinstance(meaning, str) or meaning_of_mapping(meaning, framework) is None:
            problems.append(Problem(file_name, None, None, str(meaning), Message("onbekende betekenis; %(help)s", help=MAPPING_HELP), key=f"kolommen.\"{header}\"", code=Code.UNKNOWN_MEANING))
            continue
        columns[header_key(header)] = meaning
        headers.setdefault(header_key(header), header)
    files = _per_name(raw, "bestanden", {"netwerk": Message("de naam van een netwerk"), "meetmoment": Message("een meetmoment, zoals '2026-voorjaar'"),
                                         "datum": Message("de datum van de bijeenkomst, zoals '2026-03-12'")},
                      file_name, problems)
    networks, moments, dates = files["netwerk"], files["meetmoment"], files["datum"]
    for name, moment in list(moments.items()):
        if parse_moment(moment) is None:
            problems.append(Problem(file_name, None, None, moment, moment_problem(moment), key=f"bestanden.\"{name}\".meetmoment", code=Code.SETTING_VALUE))
            del moments[name]
    for name, date in list(dates.items()):
        if parse_date(date) is None:
            problems.append(Problem(file_name, None, None, date, Message("geen datum; gebruik bijvoorbeeld '2026-11-24' of '24-11-2026'."),
                                    key=f"bestanden.\"{name}\".datum", code=Code.SETTING_VALUE))
            del dates[name]
    per_network = _per_name(raw, "netwerken", {"thema": Message("tekst: het thema of de praktijkvraag van het netwerk"),
                                               "grootte": Message("een heel getal van 1 tot en met %(most)s (hoeveel leden het netwerk heeft)", most=MAX_NETWORK_SIZE)},
                            file_name, problems, whole=frozenset({"grootte"}))
    themes, sizes = per_network["thema"], {name: int(size) for name, size in per_network["grootte"].items()}
    aliases: dict[str, str] = {}
    table = raw.get("deelnemers", {})
    if not isinstance(table, dict):
        problems.append(Problem(file_name, None, None, None, Message("moet een tabel [deelnemers] zijn met \"naam of e-mail\" = \"naam of e-mail\" (twee namen van één persoon)."), key="deelnemers", code=Code.SETTINGS_TABLE))
        table = {}
    for alias, identity in table.items():
        if not isinstance(identity, str) or not identity.strip() or not alias.strip():
            problems.append(Problem(file_name, None, None, None, Message("moet een naam of e-mailadres zijn: de andere naam van dezelfde deelnemer."), key=f"deelnemers.\"{alias}\"", code=Code.SETTING_VALUE))
            continue
        aliases[clean_text(alias)] = clean_text(identity)
    mappings = Mappings(tuple(sorted(columns.items())), tuple(sorted(networks.items())), tuple(sorted(themes.items())), tuple(sorted(aliases.items())),
                        tuple(sorted(moments.items())), tuple(sorted(headers.items())), tuple(sorted(dates.items())), tuple(sorted(sizes.items())))
    return mappings, problems


MAX_NETWORK_SIZE = 10_000


def _per_name(raw: dict[str, Any], table_name: str, keys: dict[str, Message], file_name: str, problems: list[Problem],
              whole: frozenset[str] = frozenset()) -> dict[str, dict[str, str]]:
    """A table of `[<table>."<name>"] <key> = "…"` entries: per key, {name: value}; every other key is reported.
    A key of `whole` takes a whole number from 1 to `MAX_NETWORK_SIZE` (given as its text)."""
    found: dict[str, dict[str, str]] = {key: {} for key in keys}
    written: dict[tuple[str, str], str] = {}  # (option, the name as keyed) → the name as the coach wrote it first
    table = raw.get(table_name, {})
    if not isinstance(table, dict):
        problems.append(Problem(file_name, None, None, str(table), Message("moet een tabel [%(table)s.\"naam\"] zijn.", table=table_name), key=table_name, code=Code.SETTINGS_TABLE))
        return found
    for name, options in table.items():
        options = options if isinstance(options, dict) else {"": options}
        for option, value in options.items():
            where = f"{table_name}.\"{name}\".{option}"
            if option not in keys:
                message = (Message("onbekende instelling; hier kan alleen '%(key)s' worden gezet.", key=next(iter(keys))) if len(keys) == 1 else
                           Message("onbekende instelling; hier kunnen alleen %(keys)s worden gezet.", keys=", ".join(f"'{key}'" for key in keys)))
                problems.append(Problem(file_name, None, None, None, message, key=where, code=Code.UNKNOWN_SETTING))
            elif (earlier := written.setdefault((option, file_key(name)), name)) != name:
                problems.append(Problem(file_name, None, None, None, Message(
                    "'%(name)s' is dezelfde naam als '%(earlier)s', dat hier al een waarde heeft (spaties tellen niet); welke geldt? Haal een van beide weg.",
                    name=name, earlier=earlier), key=where, code=Code.SETTING_TWICE))
            elif option in whole:
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_NETWORK_SIZE:
                    problems.append(Problem(file_name, None, None, str(value), Message("moet %(what)s zijn.", what=keys[option]), key=where, code=Code.SETTING_VALUE))
                else:
                    found[option][file_key(name)] = str(value)
            elif not isinstance(value, str) or not value.strip():
                problems.append(Problem(file_name, None, None, str(value), Message("moet %(what)s zijn.", what=keys[option]), key=where, code=Code.SETTING_VALUE))
            elif len(value) > MAX_TEXT_CHARS:
                problems.append(Problem(file_name, None, None, value, Message("is langer dan %(limit)s tekens.", limit=MAX_TEXT_CHARS), key=where, code=Code.SETTING_VALUE))
            else:
                found[option][file_key(name)] = " ".join(clean_text(value).split())  # a file's or a network's name
    return found


def settings_language(data_dir: Path) -> Language | None:
    """The `site.taal` of the data folder's settings file, when there is one that says it validly; for
    the command line, whose messages follow it before the data is read (a broken file is reported then)."""
    path = data_dir / SETTINGS_FILE_NAME
    try:
        if not path.is_file() or path.stat().st_size > MAX_SETTINGS_BYTES:
            return None
        raw, _reason = parse_toml(path.read_bytes())
    except OSError:
        return None
    site = raw.get("site") if raw is not None else None
    language, _problem = OPTIONS["language"].check(site.get("taal")) if isinstance(site, dict) and "taal" in site else (None, None)
    return language
