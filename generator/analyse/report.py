"""What `netwerkspiegel check` prints: a plain summary of what was read."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.analyse.audience import AudienceView, CleanedText, participant_counts
from generator.core.dutch_words import is_word
from generator.core.errors import Problem
from generator.core.framework import Framework, name_order
from generator.core.identity import fold_word
from generator.core.language import DUTCH, N_, Translations
from generator.core.model import ColumnUse, Dataset, NotRead, TableSummary
from generator.core.moments import Moment
from generator.core.text import column_letter
from generator.core.vocabulary import Meaning, PersonalData, Situation, TableKind, word


def suggest_meaning(header: str, framework: Framework) -> str:
    """The closest indicator question (as its code) for an unplaced header, else 'negeren'."""
    import difflib

    from generator.core.framework import fold

    folded = fold(header)
    best, code = 0.0, "negeren"
    for indicator in framework.indicators:
        for text in (indicator.question_nl, indicator.question_en, indicator.label):
            ratio = difflib.SequenceMatcher(None, folded, fold(text)).ratio()
            if ratio > best:
                best, code = ratio, indicator.code
    if best < 0.6:
        return "negeren"
    return f"{code} gewenst" if any(w in folded for w in ("gewenst", "desired", "wens")) else code


def verdict(warnings: int, t: Translations = DUTCH) -> str:
    """`check`'s one verdict on data that can be built (data that cannot is a problem report)."""
    if not warnings:
        return t.gettext("De gegevens zijn in orde.")
    return t.ngettext("De gegevens zijn in orde, op %(count)s waarschuwing na (zie 'Let op').",
                      "De gegevens zijn in orde, op %(count)s waarschuwingen na (zie 'Let op').", warnings) % {"count": t.whole(warnings)}


def summary(dataset: Dataset, t: Translations = DUTCH, warnings: Sequence[Problem] | None = None) -> str:
    """What was read, by what the data set holds: the same whether a table was read again or taken
    over from an earlier read (`Dataset.absent`: its scores are unpacked to be counted). Its first
    line is the verdict, counting `warnings` (by default the data set's)."""
    _, n_ = t.gettext, t.ngettext
    dataset = dataset.with_scores_of(dataset.absent)
    people = {(s.network, s.participant) for s in dataset.scores}
    settings = dataset.settings
    read = _("Gelezen: %(tables)s, %(scores)s, %(reflections)s en %(evaluations)s van %(people)s in %(networks)s.") % {
        "tables": n_("%(count)s tabel", "%(count)s tabellen", len(dataset.tables)) % {"count": len(dataset.tables)},
        "scores": n_("%(count)s score", "%(count)s scores", len(dataset.scores)) % {"count": t.whole(len(dataset.scores))},
        "reflections": n_("%(count)s reflectie", "%(count)s reflecties", len(dataset.reflections)) % {"count": len(dataset.reflections)},
        "evaluations": n_("%(count)s evaluatie", "%(count)s evaluaties", len(dataset.evaluations)) % {"count": len(dataset.evaluations)},
        "people": n_("%(count)s deelnemer", "%(count)s deelnemers", len(people)) % {"count": len(people)},
        "networks": n_("%(count)s netwerk", "%(count)s netwerken", len(dataset.networks)) % {"count": len(dataset.networks)},
    }
    lines = [
        verdict(len(dataset.warnings if warnings is None else warnings), t),
        read,
        _("Meetmomenten (in volgorde): %(moments)s.") % {"moments": ", ".join(t.moment(m.label) for m in dataset.moments)},
        n_("Schaal: %(low)s tot en met %(high)s; publieke groepscijfers vanaf %(minimum)s deelnemer.",
           "Schaal: %(low)s tot en met %(high)s; publieke groepscijfers vanaf %(minimum)s deelnemers.", settings.public_min_group) % {
            "low": t.short_number(settings.scale_min), "high": t.short_number(settings.scale_max), "minimum": settings.public_min_group},
    ]
    framework = dataset.framework.in_language(t.language)
    own = framework.own_indicators
    if own:
        lines.append(_("Eigen indicatoren: %(indicators)s.") % {"indicators": "; ".join(
            f"{ind.code} {ind.label} ({framework.dimension(ind.dimension).name}; "
            + (_("alleen %(networks)s") % {"networks": ", ".join(ind.networks)} if ind.networks else _("alle netwerken")) + ")"
            for ind in own)})
    lines += ["", _("Per bestand of blad:")]
    for table in dataset.tables:
        lines += _table_lines(table, framework, t)
    unplaced = [(table, column) for table in dataset.tables for column in table.unplaced_columns]
    if unplaced:
        lines += ["", _("Kolommen die Netwerkspiegel niet kon plaatsen (ze worden niet gebruikt):")]
        lines += [f"- {table_name(table, t)}: '{column}'" for table, column in unplaced]
        lines += [_("Geef ze zo nodig een betekenis in netwerkspiegel.toml, bijvoorbeeld:"), "", "[kolommen]"]
        lines += [f'"{column}" = "{suggest_meaning(column, dataset.framework)}"' for _table, column in unplaced]
    if dataset.ignored_files:
        lines += ["", _("Niet gelezen (geen CSV of Excel): %(files)s") % {"files": ", ".join(dataset.ignored_files)}]
    lines += ["", _("Per netwerk:")]
    # Grouped in one pass: a scan of every score per network grows with the square of the networks.
    participants: defaultdict[str, list[tuple[Moment, int]]] = defaultdict(list)
    for (network, moment), count in participant_counts(dataset.scores).items():
        participants[network].append((moment, count))
    reflections = Counter(r.network for r in dataset.reflections)
    public_reflections = Counter(r.network for r in dataset.reflections if r.public)
    for network in dataset.networks:
        counts = [f"{t.moment(moment.label)}: {count}" for moment, count in sorted(participants[network])]
        stories, public = reflections[network], public_reflections[network]
        lines.append("- " + n_("%(network)s: deelnemers %(counts)s; %(stories)s reflectie, waarvan %(public)s openbaar",
                               "%(network)s: deelnemers %(counts)s; %(stories)s reflecties, waarvan %(public)s openbaar", stories) % {
            "network": network, "counts": " · ".join(counts) or "–", "stories": stories, "public": public})
    lines += _personal_files(dataset.tables, t)
    return "\n".join(lines)


def table_name(table: TableSummary, t: Translations) -> str:
    return t.gettext("%(file)s (blad '%(sheet)s')") % {"file": table.file, "sheet": table.sheet} if table.sheet else table.file


_KIND_COUNTS = {
    TableKind.SCORES: (N_("%(count)s score"), N_("%(count)s scores")),
    TableKind.REFLECTIONS: (N_("%(count)s reflectie"), N_("%(count)s reflecties")),
    TableKind.EVALUATIONS: (N_("%(count)s evaluatie"), N_("%(count)s evaluaties")),
    TableKind.SHARED_PICTURE: (N_("%(count)s gedeelde positie"), N_("%(count)s gedeelde posities")),
    TableKind.AGREEMENTS: (N_("%(count)s afspraak of conclusie"), N_("%(count)s afspraken en conclusies")),
}


def _table_lines(table: TableSummary, framework: Framework, t: Translations) -> list[str]:
    """A table's line, what it gave, and what each of its columns is used as."""
    _, n_ = t.gettext, t.ngettext
    shape = _("%(tool)s-export") % {"tool": table.dialect} if table.dialect else (_("formulier") if table.form else _("tabel"))
    accounted = _("%(count)s gebruikt") % {"count": t.whole(table.used)}
    if table.unused:
        accounted += ", " + _("%(count)s niet gebruikt") % {"count": t.whole(len(table.unused))}
    if table.empty:
        accounted += ", " + _("%(count)s leeg") % {"count": t.whole(table.empty)}
    parts = table.parts or (table.kind,)
    kinds = [_(word(part)) for part in parts]
    kind = kinds[0] if len(kinds) == 1 else _("%(first)s en %(last)s") % {"first": ", ".join(kinds[:-1]), "last": kinds[-1]}
    lines = ["- " + n_("%(table)s: %(kind)s (%(shape)s), %(rows)s rij (%(accounted)s); netwerken: %(networks)s; meetmomenten: %(moments)s",
                       "%(table)s: %(kind)s (%(shape)s), %(rows)s rijen (%(accounted)s); netwerken: %(networks)s; meetmomenten: %(moments)s", table.rows) % {
        "table": table_name(table, t), "kind": kind, "shape": shape, "rows": t.whole(table.rows), "accounted": accounted,
        "networks": ", ".join(table.networks) or "–", "moments": ", ".join(m.render(t) for m in table.moments) or "–"}]
    if table.counts:
        given = []
        for part, count in table.counts:
            singular, plural = _KIND_COUNTS[part]
            text = n_(singular, plural, count) % {"count": t.whole(count)}
            if part == TableKind.REFLECTIONS or (part == TableKind.AGREEMENTS and count):
                text += " " + _("(waarvan %(count)s openbaar)") % {"count": t.whole(table.public)}
            given.append(text)
        lines.append("  " + _("gelezen: %(records)s") % {"records": ", ".join(given)})
    if table.anonymised:
        lines.append("  " + _("antwoorden zonder datum: de enquête is anoniem opgeslagen (elke datum is 1980-01-01)"))
    if table.times:
        first, last = (t.date(dt.date.fromisoformat(day)) for day in table.times)
        lines.append("  " + (_("antwoorden op %(first)s") % {"first": first} if first == last else
                             _("antwoorden van %(first)s tot en met %(last)s") % {"first": first, "last": last}))
    if table.columns:
        lines.append("  " + _("kolommen:"))
        lines += ["    " + line for line in column_lines(table, framework, t)]
    return lines


# What a column is used as, per meaning.
_USES = {
    Meaning.NETWORK: N_("netwerk"), Meaning.MOMENT: N_("meetmoment"), Meaning.DATE: N_("datum"),
    Meaning.PARTICIPANT: N_("deelnemer (identiteit)"), Meaning.EMAIL: N_("e-mailadres (identiteit)"), Meaning.NAME: N_("naam (identiteit)"),
    Meaning.FIRST_NAME: N_("voornaam (identiteit)"), Meaning.LAST_NAME: N_("achternaam (identiteit)"),
    Meaning.RESPONSE_ID: N_("antwoordnummer (identiteit als e-mail en naam ontbreken)"),
    Meaning.TIME: N_("tijdstip van het antwoord (geeft het meetmoment)"), Meaning.START_TIME: N_("begintijd van het antwoord"),
    Meaning.OTHER_TIME: N_("ander tijdstip van het programma (niet nodig)"),
    Meaning.INDICATOR: N_("indicator"), Meaning.SCORE: N_("score"), Meaning.SITUATION: N_("situatie"),
    Meaning.VALUE: N_("waardecyclus van de reflectie"), Meaning.REFLECTION: N_("reflectie"), Meaning.PUBLIC: N_("toestemming om te delen"),
    Meaning.LEVEL: N_("niveau"), Meaning.TITLE: N_("titel"), Meaning.STORY: N_("verhaal"),
    Meaning.TOPS: N_("tops (wat ging goed)"), Meaning.TIPS: N_("tips (wat kan beter)"), Meaning.RATING: N_("cijfer"),
    Meaning.SHARED: N_("gedeeld beeld"), Meaning.NOTE: N_("toelichting"), Meaning.AGREEMENT: N_("afspraak of conclusie"),
    Meaning.AGREEMENT_KIND: N_("soort (afspraak of conclusie)"), Meaning.ROLE: N_("rol"),
}
_NOT_READ = {
    NotRead.TOOL: N_("niet gebruikt: gegevens van het programma zelf, niet nodig"),
    NotRead.IGNORED: N_("niet gebruikt: 'negeren' in netwerkspiegel.toml"),
    NotRead.SAME: N_("niet gebruikt: betekent hetzelfde als een eerdere kolom"),
    NotRead.UNPLACED: N_("niet gebruikt: Netwerkspiegel weet niet wat deze kolom bevat (zie hieronder)"),
    NotRead.NO_HEADER: N_("niet gebruikt: een kolom zonder kop"),
}


def _use(column: ColumnUse, framework: Framework, t: Translations) -> tuple[tuple, str]:
    """(what groups it with its neighbours, what it is used as)."""
    _ = t.gettext
    if column.meaning is None:
        return ("not", column.not_read), _(_NOT_READ[column.not_read or NotRead.UNPLACED])
    detail = column.detail
    if column.meaning == Meaning.INDICATOR_QUESTION:
        situation = _(word(Situation(str(detail[1]))))
        return ("score", detail[1]), _("score voor %(code)s (%(situation)s)") % {"code": detail[0], "situation": situation}
    if column.meaning == Meaning.SHARED_QUESTION:
        return ("shared", detail[1]), _("gedeeld beeld voor %(code)s (%(situation)s)") % {"code": detail[0], "situation": _(word(Situation(str(detail[1]))))}
    if column.meaning == Meaning.CYCLE_QUESTION:
        return ("cycle", detail[0]), _("reflectie over %(cycle)s") % {"cycle": framework.cycle(int(detail[0])).name.lower()}
    if column.meaning == Meaning.NOTE_QUESTION:
        return ("note", detail[0]), _("toelichting bij %(code)s") % {"code": detail[0]}
    if column.meaning == Meaning.PUBLIC and detail:
        return ("consent", detail[0]), _("toestemming om de reflectie over %(cycle)s te delen") % {"cycle": framework.cycle(int(detail[0])).name.lower()}
    text = _(_USES.get(column.meaning, column.meaning.value))
    return (column.meaning, column.mapped), text + (" " + _("(netwerkspiegel.toml)") if column.mapped else "")


def column_lines(table: TableSummary, framework: Framework, t: Translations) -> list[str]:
    """One line per column, or per run of neighbouring columns of one family (scores of the current
    situation, the form tool's own data): `H–R: score voor 1a … 4d (huidig)`."""
    lines = []
    runs: list[list[tuple[ColumnUse, tuple, str]]] = []
    for column in table.columns:
        group, text = _use(column, framework, t)
        if runs and runs[-1][0][1] == group and group[0] in ("score", "shared", "not") and runs[-1][-1][0].column == column.column - 1:
            runs[-1].append((column, group, text))
        else:
            runs.append([(column, group, text)])
    for run in runs:
        first, last = run[0][0], run[-1][0]
        if len(run) == 1:
            lines.append(f"{column_letter(first.column)} '{_short(first.header)}': {run[0][2]}")
        elif run[0][1][0] in ("score", "shared"):
            codes = [str(c.detail[0]) for c, *_ in run]
            text = run[0][2].replace(codes[0], f"{codes[0]} … {codes[-1]}" if len(codes) > 2 else f"{codes[0]}, {codes[-1]}", 1)
            lines.append(f"{column_letter(first.column)}–{column_letter(last.column)}: {text}")
        else:
            headers = ", ".join(f"'{_short(c.header)}'" for c, *_ in run)
            lines.append(f"{column_letter(first.column)}–{column_letter(last.column)} ({headers}): {run[0][2]}")
    return lines


def _short(header: str, limit: int = 50) -> str:
    text = " ".join(header.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_PERSONAL_WORDS = {
    PersonalData.IDENTITY: N_("namen, e-mailadressen of codes van deelnemers"),
    PersonalData.FREE_TEXT: N_("wat deelnemers schreven"),
}


def _personal_files(tables: Sequence[TableSummary], t: Translations) -> list[str]:
    """Once, which files hold personal data, and where they may go."""
    _ = t.gettext
    held: dict[str, set[PersonalData]] = {}
    for table in tables:
        if table.personal:
            held.setdefault(table.file, set()).update(table.personal)
    if not held:
        return []
    lines = ["", _("Persoonsgegevens: deze bestanden bevatten gegevens van deelnemers. Op een site komen die nooit zo "
                   "terecht, maar de bestanden zelf horen alleen in een privé-repository of op je eigen computer, nooit "
                   "in een openbare repository: wie de repository kan lezen, kan ze lezen.")]
    lines += [f"- {file}: " + "; ".join(_(_PERSONAL_WORDS[kind]) for kind in PersonalData if kind in kinds) for file, kinds in held.items()]
    return lines


def public_texts(view: AudienceView, t: Translations = DUTCH) -> str:
    """Every text the public site will show, exactly as it will show it (after redaction)."""
    _ = t.gettext
    framework = view.framework
    stories = sorted(view.stories, key=lambda s: (name_order(s.network), s.moment, s.cycle, s.title or "", s.text))
    lines = [t.ngettext("Teksten op de publieke site (%(count)s verhaal, na het weglaten van namen):",
                        "Teksten op de publieke site (%(count)s verhalen, na het weglaten van namen):", len(stories)) % {"count": len(stories)}]
    if not stories:
        lines.append("- " + _("geen: geen enkele reflectie heeft toestemming ('openbaar: ja')."))
    for story in stories:
        title = f" '{story.title}'" if story.title else ""
        lines.append(f"- {story.network}, {t.moment(story.moment.label)}, {framework.cycle(story.cycle).name}{title}:")
        lines += [f"    {line}" for line in story.text.splitlines() if line.strip()]
    themes = sorted(view.themes.items())
    if themes:
        lines += ["", _("Thema's van netwerken (zoals in netwerkspiegel.toml):")]
        lines += [f"- {network}: {theme}" for network, theme in themes]
    return "\n".join(lines)


def public_changes(cleaned: Mapping[str, CleanedText], keep: Sequence[str], t: Translations = DUTCH) -> str:
    """Every change the public site makes to what participants wrote: each text as it will appear, and
    what was left out of it; the everyday words among them, with the setting that keeps them.

    For the coach's terminal only: it shows the names that were removed."""
    _ = t.gettext
    changed = [(text, found) for text, found in sorted(cleaned.items(), key=lambda item: item[1].text) if found.changes]
    places = sum(len(found.changes) for _text, found in changed)
    if not changed:
        lines = [_("Uit de publieke teksten hoeft niets weggelaten te worden: ze noemen geen deelnemers, namen, e-mailadressen of telefoonnummers.")]
    else:
        lines = [t.ngettext("Wat de publieke site weglaat (%(places)s plaats in %(texts)s tekst; wat er stond zie je alleen hier, nooit op de site):",
                            "Wat de publieke site weglaat (%(places)s plaatsen in %(texts)s teksten; wat er stond zie je alleen hier, nooit op de site):",
                            places) % {"places": places, "texts": len(changed)}]
    keepable: Counter[str] = Counter()
    contexts: dict[str, list[str]] = {}
    for _text, found in changed:
        lines.append("- " + _translated(found.text, t).replace("\n", " "))
        removed = []
        for change in found.changes:
            item = f"'{_one_line(change.removed)}' → {_translated(change.mark, t) or '–'}"
            if change.everyday:
                item += " " + _("(ook een gewoon woord)")
            if change.keepable is not None:  # only a capital said "person": what the coach may keep
                keepable[change.keepable] += 1
                contexts.setdefault(change.keepable, []).append(change.context)
            removed.append(item)
        lines.append("    " + _("weggelaten: %(removed)s") % {"removed": "; ".join(removed)})
    if keepable:
        words = sorted(keepable, key=lambda word: (-keepable[word], word))
        kept = list(dict.fromkeys(fold_word(word) for word in keep))
        lines += ["", _("Gewone woorden die alleen om hun plaats of hoofdletter als naam zijn weggelaten. Met publiek.behoud komen ze "
                        "terug op deze plaatsen, zo gelezen als hier (het woord tussen »«; wat de publieke site er dan nog weglaat, staat "
                        "er als [naam] of [deelnemer]); kijk bij elke plaats of er het woord staat en niet een persoon:")]
        for word in words:
            lines.append(f"- '{word}':")
            lines += ["    " + _translated(context, t) for context in dict.fromkeys(contexts[word])]
        lines += ["", _("Staat er overal het woord, houd het dan in netwerkspiegel.toml (waar het een persoon is, met een voornaam, "
                        "voorletter, aanhef of titel, \"met Roos\", \"Roos vertelde\", \"Roos,\", \"Onze Roos\", \"- Roos:\", "
                        "blijft het altijd weg):"),
                  "", "[publiek]", "behoud = [" + ", ".join(f'"{word}"' for word in dict.fromkeys([*kept, *words])) + "]"]
    as_word = [(found.text, found_words) for _text, found in sorted(cleaned.items(), key=lambda item: item[1].text) if (found_words := found.as_word)]
    if as_word:
        lines += ["", _("Namen van deelnemers die als gewoon woord blijven staan (kijk of er geen persoon mee bedoeld is; "
                        "is het toch een persoon, laat de naam dan weg of schrijf er een voornaam bij):")]
        by_word: dict[str, list[str]] = {}
        for text, found_words in as_word:
            for word in dict.fromkeys(fold_word(word) for word in found_words):
                by_word.setdefault(word, []).append(_translated(text, t).replace("\n", " "))
        for word in sorted(by_word, key=lambda word: (-len(by_word[word]), word)):
            shown_texts = by_word[word]
            lines.append("- " + t.ngettext("'%(word)s' (%(count)s tekst), bijvoorbeeld:", "'%(word)s' (%(count)s teksten), bijvoorbeeld:",
                                           len(shown_texts)) % {"word": word, "count": len(shown_texts)})
            lines += ["    " + _short_text(text) for text in shown_texts[:3]]
    staying = [(found.text, word) for _text, found in sorted(cleaned.items(), key=lambda item: item[1].text) for word in found.kept]
    if staying:
        lines += ["", _("Wat publiek.behoud laat staan (zonder die instelling was het weggelaten):")]
        lines += ["- " + _("'%(word)s' in: %(text)s") % {"word": _one_line(word), "text": _translated(text, t).replace("\n", " ")} for text, word in staying]
    strange = [word for word in keep if not is_word(fold_word(word))]
    if strange:
        lines += ["", _("Geen gewoon Nederlands woord in publiek.behoud (het wordt weggelaten waar het een naam is): %(words)s.")
                  % {"words": ", ".join(f"'{word}'" for word in strange)}]
    return "\n".join(lines)


def _short_text(text: str, limit: int = 160) -> str:
    """A text on one line, cut after `limit` characters."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _one_line(text: str) -> str:
    """What was removed, on one line: a line break in it shown as \\n."""
    return text.replace("\r", "").replace("\n", "\\n").replace("\t", " ")


def _translated(text: str, t: Translations) -> str:
    from generator.core.identity import MARKS

    for mark in MARKS:
        text = text.replace(mark, t.gettext(mark))
    return text
