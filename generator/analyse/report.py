"""What `netwerkspiegel check` prints: a plain summary of what was read."""

from __future__ import annotations

from generator.analyse.audience import AudienceView
from generator.core.framework import Framework
from generator.core.model import Dataset
from generator.core.text import count
from generator.core.vocabulary import word


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


def summary(dataset: Dataset) -> str:
    people = {(s.network, s.participant) for s in dataset.scores}
    lines = [
        "De gegevens zijn in orde.",
        f"Gelezen: {count(len(dataset.tables), 'tabel', 'tabellen')}, {count(len(dataset.scores), 'score', 'scores')}, "
        f"{count(len(dataset.reflections), 'reflectie', 'reflecties')} en {count(len(dataset.evaluations), 'evaluatie', 'evaluaties')} "
        f"van {count(len(people), 'deelnemer', 'deelnemers')} in {count(len(dataset.networks), 'netwerk', 'netwerken')}.",
        f"Meetmomenten (in volgorde): {', '.join(m.label for m in dataset.moments)}.",
        f"Schaal: {dataset.settings.scale_text}; "
        f"publieke groepscijfers vanaf {dataset.settings.public_min_group} deelnemers.",
        "",
        "Per bestand of blad:",
    ]
    for table in dataset.tables:
        shape = f"{table.dialect}-export" if table.dialect else ("formulier" if table.form else "tabel")
        accounted = f"{table.used} gebruikt"
        if table.unused:
            accounted += f", {len(table.unused)} niet gebruikt"
        if table.empty:
            accounted += f", {table.empty} leeg"
        lines.append(
            f"- {table.name}: {word(table.kind)} ({shape}), {table.rows} rijen ({accounted}); netwerken: {', '.join(table.networks) or '–'}; "
            f"meetmomenten: {', '.join(table.moments) or '–'}"
        )
    unplaced = [(t, c) for t in dataset.tables for c in t.unplaced_columns]
    if unplaced:
        lines += ["", "Kolommen die Netwerkspiegel niet kon plaatsen (ze worden niet gebruikt):"]
        lines += [f"- {t.name}: '{c}'" for t, c in unplaced]
        lines += ["Geef ze zo nodig een betekenis in netwerkspiegel.toml, bijvoorbeeld:", "", "[kolommen]"]
        lines += [f'"{c}" = "{suggest_meaning(c, dataset.framework)}"' for t, c in unplaced]
    if dataset.ignored_files:
        lines += ["", "Niet gelezen (geen CSV of Excel): " + ", ".join(dataset.ignored_files)]
    lines += ["", "Per netwerk:"]
    for network in dataset.networks:
        moments = sorted({s.moment for s in dataset.scores if s.network == network})
        counts = []
        for moment in moments:
            n = len({s.participant for s in dataset.scores if s.network == network and s.moment == moment})
            counts.append(f"{moment.label}: {n}")
        stories = sum(1 for r in dataset.reflections if r.network == network)
        public = sum(1 for r in dataset.reflections if r.network == network and r.public)
        lines.append(f"- {network}: deelnemers {' · '.join(counts) or '–'}; {stories} reflecties, waarvan {public} openbaar")
    return "\n".join(lines)


def public_texts(view: AudienceView) -> str:
    """Every text the public site will show, exactly as it will show it (after redaction)."""
    framework = view.framework
    stories = sorted(view.stories, key=lambda s: (s.network, s.moment, s.cycle, s.title or "", s.text))
    lines = [f"Teksten op de publieke site ({count(len(stories), 'verhaal', 'verhalen')}, na het weglaten van namen):"]
    if not stories:
        lines.append("- geen: geen enkele reflectie heeft toestemming ('openbaar: ja').")
    for story in stories:
        title = f" '{story.title}'" if story.title else ""
        lines.append(f"- {story.network}, {story.moment.label}, {framework.cycle(story.cycle).nl}{title}:")
        lines += [f"    {line}" for line in story.text.splitlines() if line.strip()]
    themes = sorted(view.themes.items())
    if themes:
        lines += ["", "Thema's van netwerken (zoals in netwerkspiegel.toml):"]
        lines += [f"- {network}: {theme}" for network, theme in themes]
    return "\n".join(lines)
