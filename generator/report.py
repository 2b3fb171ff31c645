"""What `netwerkspiegel check` prints: a plain summary of what was read."""

from __future__ import annotations

from generator.model import Dataset


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(dataset: Dataset) -> str:
    people = {(s.network, s.participant.casefold()) for s in dataset.scores}
    lines = [
        "De gegevens zijn in orde.",
        f"Gelezen: {_count(len(dataset.files), 'bestand', 'bestanden')}, {_count(len(dataset.scores), 'score', 'scores')} "
        f"en {_count(len(dataset.reflections), 'reflectie', 'reflecties')} van {_count(len(people), 'deelnemer', 'deelnemers')} "
        f"in {_count(len(dataset.networks), 'netwerk', 'netwerken')}.",
        f"Meetmomenten (in volgorde): {', '.join(m.label for m in dataset.moments)}.",
        f"Schaal: {dataset.settings.scale_min:g} tot en met {dataset.settings.scale_max:g}; "
        f"publieke groepscijfers vanaf {dataset.settings.public_min_group} deelnemers.",
        "",
        "Per bestand:",
    ]
    for file in dataset.files:
        lines.append(
            f"- {file.file}: {file.kind}, {file.rows} rijen; netwerken: {', '.join(file.networks) or '–'}; "
            f"meetmomenten: {', '.join(file.moments) or '–'}"
        )
    if dataset.ignored_files:
        lines += ["", "Niet gelezen (geen CSV): " + ", ".join(dataset.ignored_files)]
    lines += ["", "Per netwerk:"]
    for network in dataset.networks:
        moments = sorted({s.moment for s in dataset.scores if s.network == network})
        counts = []
        for moment in moments:
            n = len({s.participant.casefold() for s in dataset.scores if s.network == network and s.moment == moment})
            counts.append(f"{moment.label}: {n}")
        stories = sum(1 for r in dataset.reflections if r.network == network)
        public = sum(1 for r in dataset.reflections if r.network == network and r.public)
        lines.append(f"- {network}: deelnemers {' · '.join(counts) or '–'}; {stories} reflecties, waarvan {public} openbaar")
    return "\n".join(lines)
