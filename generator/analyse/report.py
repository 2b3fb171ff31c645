"""What `netwerkspiegel check` prints: a plain summary of what was read."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.analyse.audience import AudienceView, participant_counts
from generator.core.framework import Framework
from generator.core.language import DUTCH, N_, Translations
from generator.core.model import Dataset, TableSummary
from generator.core.moments import Moment
from generator.core.vocabulary import PersonalData, word


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


def summary(dataset: Dataset, t: Translations = DUTCH) -> str:
    _, n_ = t.gettext, t.ngettext
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
        _("De gegevens zijn in orde."),
        read,
        _("Meetmomenten (in volgorde): %(moments)s.") % {"moments": ", ".join(t.moment(m.label) for m in dataset.moments)},
        _("Schaal: %(low)s tot en met %(high)s; publieke groepscijfers vanaf %(minimum)s deelnemers.") % {
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
        shape = _("%(tool)s-export") % {"tool": table.dialect} if table.dialect else (_("formulier") if table.form else _("tabel"))
        accounted = _("%(count)s gebruikt") % {"count": table.used}
        if table.unused:
            accounted += ", " + _("%(count)s niet gebruikt") % {"count": len(table.unused)}
        if table.empty:
            accounted += ", " + _("%(count)s leeg") % {"count": table.empty}
        lines.append("- " + _("%(table)s: %(kind)s (%(shape)s), %(rows)s rijen (%(accounted)s); netwerken: %(networks)s; meetmomenten: %(moments)s") % {
            "table": table.name, "kind": _(word(table.kind)), "shape": shape, "rows": table.rows, "accounted": accounted,
            "networks": ", ".join(table.networks) or "–", "moments": ", ".join(m.render(t) for m in table.moments) or "–"})
    unplaced = [(table, column) for table in dataset.tables for column in table.unplaced_columns]
    if unplaced:
        lines += ["", _("Kolommen die Netwerkspiegel niet kon plaatsen (ze worden niet gebruikt):")]
        lines += [f"- {table.name}: '{column}'" for table, column in unplaced]
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
        lines.append("- " + _("%(network)s: deelnemers %(counts)s; %(stories)s reflecties, waarvan %(public)s openbaar") % {
            "network": network, "counts": " · ".join(counts) or "–", "stories": stories, "public": public})
    lines += _personal_files(dataset.tables, t)
    return "\n".join(lines)


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
    stories = sorted(view.stories, key=lambda s: (s.network, s.moment, s.cycle, s.title or "", s.text))
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
