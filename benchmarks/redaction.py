"""Benchmark: what Deduce costs and how many names it finds in texts that go public.

    python benchmarks/redaction.py [--texts N]

1. Builds Deduce's lookup structures into an empty cache folder (once per machine in real use) and
   times it, in a fresh process.
2. Loads them from that cache in another fresh process (what every public build pays) and times it.
3. Plants names of people who are not participants (pupils, colleagues, parents) in Dutch sentences
   shaped like reflections, in several forms, and measures recall: a planted name counts as found
   when none of its words is left in the public text. Also the share of name-free sentences that
   lose a word (false alarms) and the time per text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_NAMES = [
    "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Tess", "Finn", "Noor", "Levi", "Lotte", "Milan", "Fleur", "Jesse",
    "Eva", "Thijs", "Anouk", "Ruben", "Lisa", "Bram", "Fatima", "Mohamed", "Yasmina", "Ahmed", "Ayoub", "Zeynep", "Mehmet",
    "Priya", "Wei", "Kofi", "Annemiek", "Joost", "Ingrid", "Hendrik", "Marieke", "Gerrit", "Wilma", "Kees", "Femke", "Stijn",
]
SURNAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
    "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "Yilmaz", "El Amrani", "Kaya",
    "Okafor", "Nguyen", "van der Linden", "Kuipers", "Verhoeven", "Schouten", "Postma",
]
TEMPLATES = {
    "volledige naam": ["Samen met {first} {last} zette ik een onderzoekje op.", "Ik sprak {first} {last} over de aanpak.",
                       "Het gesprek met {first} {last} gaf me nieuwe ideeën."],
    "voornaam": ["{first} uit groep 6 vertelde trots over haar onderzoek.", "Toen {first} zijn vraag presenteerde, werd het stil.",
                 "Ik zag dat {first} veel zelfstandiger werkte."],
    "titel en achternaam": ["Mevrouw {last} van de bovenbouw deed mee.", "Meester {last} gaf een mooie les.",
                            "Juf {first} liet de kinderen zelf kiezen."],
    "kleine letters": ["daarna hielp {first_lower} met het plannen.", "ik belde {first_lower} {last_lower} om het te bespreken."],
}
NAME_FREE = [
    "Het was fijn om collega's van andere scholen te spreken die met dezelfde vragen worstelen.",
    "Via het netwerk ken ik nu een onderzoeker die me kan helpen met literatuur over executieve functies.",
    "In groep 7 werken de kinderen nu met een weektaak die ze zelf plannen.",
    "Onze school heeft het onderzoekend leren opgenomen in het schoolplan.",
    "Ik kijk anders naar succes: niet het cijfer maar het proces telt.",
    "De bijeenkomst in maart gaf energie; we gaan door met de onderzoekscyclus.",
    "Leerlingen stellen betere vragen en presenteren hun bevindingen aan de klas.",
    "We hebben een doorgaande lijn voor zelfgestuurd leren opgezet, van groep 1 tot en met 8.",
]


def _sample_reflections() -> list[str]:
    """The reflections of the sample data: real-sounding texts that name nobody."""
    import csv

    with (ROOT / "data" / "reflecties.csv").open(encoding="utf-8") as handle:
        return [row["reflectie"] for row in csv.DictReader(handle)]


def _child(code: str) -> float:
    """Run `code` in a fresh Python process and return its wall time."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=600, help="planted sentences (default 600)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="deduce-bench-") as cache:
        load = f"from generator.core.identity import NameFinder; from pathlib import Path; NameFinder(Path({cache!r}))('Test met Jan.')"
        build_seconds = _child(load)
        load_seconds = _child(load)
        import_seconds = _child("import deduce")
        from generator.core.identity import NameFinder

        finder = NameFinder(Path(cache))
        rng = random.Random(7)
        found: dict[str, list[bool]] = {kind: [] for kind in TEMPLATES}
        start = time.perf_counter()
        for index in range(args.texts):
            kind = list(TEMPLATES)[index % len(TEMPLATES)]
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            template = rng.choice(TEMPLATES[kind])
            text = template.format(first=first, last=last, first_lower=first.lower(), last_lower=last.lower())
            planted = [w for w in re.findall(r"\w+", f"{first} {last}" if "{last" in template else first) if w.lower() not in ("de", "van", "der", "den", "el")]
            if "{last}" in template and "{first" not in template:
                planted = [w for w in re.findall(r"\w+", last) if w.lower() not in ("de", "van", "der", "den", "el")]
            public = finder(text)
            found[kind].append(not any(re.search(rf"\b{re.escape(w)}\b", public, re.IGNORECASE) for w in planted))
        seconds = time.perf_counter() - start
        name_free = NAME_FREE + _sample_reflections()
        false_alarms = sum(finder(text) != text for text in name_free)
    total = [hit for hits in found.values() for hit in hits]
    result = {
        "deduce: opzoekstructuren bouwen (eenmalig, koude cache)": f"{build_seconds:.1f} s",
        "deduce: laden uit de cache (elke publieke build)": f"{load_seconds:.1f} s",
        "deduce: alleen importeren": f"{import_seconds:.1f} s",
        "tijd per tekst": f"{1000 * seconds / args.texts:.2f} ms",
        "recall (alle geplante namen)": f"{sum(total) / len(total):.3f} ({sum(total)}/{len(total)})",
        **{f"recall: {kind}": f"{sum(hits) / len(hits):.3f} ({sum(hits)}/{len(hits)})" for kind, hits in found.items()},
        "naamloze zinnen met een vals alarm": f"{false_alarms}/{len(name_free)}",
        "voorbeeld": finder("Ik heb een map gekregen. Goud waard. Daarna hielp sanne de vries met plannen."),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
