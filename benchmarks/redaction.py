"""Benchmark: what Deduce costs and how many planted names the public texts lose, before and after.

    python benchmarks/redaction.py [--texts N] [--only-names]

Two ways of finding names, side by side in one run:
- "alle lijsten": Deduce as it comes, preparing every lookup list it has (streets, places, care
  institutions too), with the same annotators on (how Netwerkspiegel used it before issue 26);
- "namenlijsten": `generator.core.name_finder.NameFinder`, only the lists its person annotators read.
For each: preparing the lists into an empty cache (in a fresh process), loading them from it (in
another), the time per text, and the recall: names of people who are not participants planted in
Dutch sentences shaped like reflections, in the forms of issue 26 (first names alone, full names,
initials, names with a school, lower-case names, e-mail addresses, phone numbers), passed through what
the public site does to a text (the participants' redactor, then the finder). A planted name counts
as removed when none of its words (an address: the address; a number: none of its groups of three or
more digits) is left. Also the name-free sentences that lose a word (false alarms).
`--only-names` skips "alle lijsten" (preparing those takes a minute or two).
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.texts import FIRST_NAMES, SENTENCES, SURNAMES  # noqa: E402

PARTICLES = {"de", "van", "der", "den", "el", "het", "ten", "ter"}
SCHOOLS = ["OBS De Regenboog", "KBS De Wegwijzer", "CBS Het Kompas", "basisschool De Linde", "IKC Noorderlicht", "SBO De Brug"]
DOMAINS = ["obsderegenboog.nl", "gmail.com", "kbs-wegwijzer.nl", "hotmail.com", "stichting-primo.nl"]
PHONES = ["06-12345678", "06 1234 5678", "+31 6 23456789", "020-1234567", "0612345678", "(010) 123 45 67", "050 - 3456789"]
TEMPLATES: dict[str, list[str]] = {
    "voornaam": ["{first} uit groep 6 vertelde trots over haar onderzoek.", "Toen {first} zijn vraag presenteerde, werd het stil.",
                 "Ik zag dat {first} veel zelfstandiger werkte."],
    "volledige naam": ["Samen met {first} {last} zette ik een onderzoekje op.", "Ik sprak {first} {last} over de aanpak.",
                       "Het gesprek met {first} {last} gaf me nieuwe ideeën."],
    "initialen": ["Ik sprak {initial}. {last} over de aanpak.", "Het idee kwam van {initial}.{initial2}. {last}.",
                  "Mevrouw {initial}. {last} gaf ons feedback."],
    "naam met school": ["{first} {last} van {school} deed mee.", "Juf {first} van {school} liet zien hoe zij plant.",
                        "{first} ({school}) gaf een mooie les."],
    "kleine letters": ["daarna hielp {first_lower} met het plannen.", "ik belde {first_lower} {last_lower} om het te bespreken."],
    "e-mailadres": ["Mail {email} voor het materiaal.", "Stuur je vragen naar {email}, zij weet er alles van."],
    "telefoonnummer": ["Bel me op {phone} als je wilt meedoen.", "Het nummer van de intern begeleider is {phone}."],
}
DISABLED_BEFORE = {"locations", "institutions", "dates", "ages", "identifiers", "urls"}  # what was switched off before


def planted(rng: random.Random, kind: str) -> tuple[str, list[str]]:
    """A sentence with a name in it, and what must not be left of the name."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    compact = "".join(w for w in last.lower().split())
    email = f"{first.lower()}.{compact}@{rng.choice(DOMAINS)}"
    phone = rng.choice(PHONES)
    template = rng.choice(TEMPLATES[kind])
    text = template.format(first=first, last=last, first_lower=first.lower(), last_lower=last.lower(), initial=first[0],
                           initial2=rng.choice("ABCDEFGHJKLMNPRSTW"), school=rng.choice(SCHOOLS), email=email, phone=phone)
    if kind == "e-mailadres":
        return text, [email]
    if kind == "telefoonnummer":
        return text, [group for group in re.findall(r"\d+", phone) if len(group) >= 3]
    words = [w for w in re.findall(r"\w+", last) if w.lower() not in PARTICLES]
    if "{first" in template:
        words.append(first)
    return text, words


def removed(public: str, kind: str, what: list[str]) -> bool:
    if kind == "e-mailadres":
        return what[0] not in public
    if kind == "telefoonnummer":
        return not any(group in re.sub(r"\D", "", public) for group in what) and not any(group in public for group in what)
    return not any(re.search(rf"\b{re.escape(word)}\b", public, re.IGNORECASE) for word in what)


def _child(code: str) -> float:
    """Run `code` in a fresh Python process and return its wall time."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def names_only(cache: str) -> tuple[Callable[[str], str], dict[str, float]]:
    make = ("from pathlib import Path; from generator.core.store import Store; from generator.core.name_finder import NameFinder; "
            f"NameFinder.from_store(Store(Path({cache!r})))('Test met Jan.')")
    times = {"prepare": _child(make), "load": _child(make)}
    from generator.core.name_finder import NameFinder
    from generator.core.store import Store

    return NameFinder.from_store(Store(Path(cache))), times


def all_lists(cache: str) -> tuple[Callable[[str], str], dict[str, float]]:
    make = f"from deduce import Deduce; Deduce(cache_path={cache!r}).deidentify('Test met Jan.')"
    times = {"prepare": _child(make), "load": _child(make)}
    from deduce import Deduce

    from generator.core.name_finder import NameFinder, lookup_structures

    full = Deduce(cache_path=cache)

    class Before:
        def deidentify(self, text: str) -> Any:
            return full.deidentify(text, disabled=set(DISABLED_BEFORE))

    finder = NameFinder(lookup_structures())
    finder._deduce = Before()  # the same wrapping around it as now: only Deduce differs
    return finder, times


def measure(finder: Callable[[str], str], rng: random.Random, count: int) -> dict[str, object]:
    from generator.core.identity import Redactor

    redactor = Redactor(["Anouk de Vries", "c.bakker@kbs-regenboog.nl", "HB-01"])  # participants: not what is planted
    found: dict[str, list[bool]] = {kind: [] for kind in TEMPLATES}
    seconds = 0.0
    for index in range(count):
        kind = list(TEMPLATES)[index % len(TEMPLATES)]
        text, what = planted(rng, kind)
        start = time.perf_counter()
        public = finder(redactor(text))
        seconds += time.perf_counter() - start
        found[kind].append(removed(public, kind, what))
    from benchmarks.texts import MONTHS, THEMES

    name_free = [s.format(thema=THEMES[i % len(THEMES)], groep=1 + i % 8, maand=MONTHS[i % len(MONTHS)]) for i, s in enumerate(SENTENCES)]
    name_free += [line.split(",")[4] for line in (ROOT / "data" / "reflecties.csv").read_text("utf-8").splitlines()[1:] if line.count(",") >= 5]
    false_alarms = sum(finder(text) != text for text in name_free)
    total = [hit for hits in found.values() for hit in hits]
    return {"recall": (sum(total), len(total)), **{kind: (sum(hits), len(hits)) for kind, hits in found.items()},
            "per text": 1000 * seconds / count, "false": (false_alarms, len(name_free))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=700, help="planted sentences (default 700)")
    parser.add_argument("--only-names", action="store_true", help="only the name lists (no minutes preparing all of Deduce's lists)")
    args = parser.parse_args()
    ways = {"namenlijsten (nu)": names_only} if args.only_names else {"alle lijsten (voorheen)": all_lists, "namenlijsten (nu)": names_only}
    results = {}
    for label, make in ways.items():
        with tempfile.TemporaryDirectory(prefix="deduce-bench-") as cache:
            print(f"{label}: voorbereiden …", flush=True)
            finder, times = make(cache)
            results[label] = (times, measure(finder, random.Random(7), args.texts))
    labels = list(results)
    print("\n| | " + " | ".join(labels) + " |")
    print("| --- |" + " --- |" * len(labels))

    def row(name: str, cell: Callable[[tuple[dict[str, float], dict[str, Any]]], str]) -> None:
        print(f"| {name} | " + " | ".join(cell(results[label]) for label in labels) + " |")

    def share(pair: tuple[int, int]) -> str:
        return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})"

    row("lijsten voorbereiden (eenmalig, lege cache)", lambda r: f"{r[0]['prepare']:.1f} s")
    row("laden uit de cache (elke publieke build)", lambda r: f"{r[0]['load']:.1f} s")
    row("tijd per tekst", lambda r: f"{r[1]['per text']:.2f} ms")
    row("recall, alle geplante namen", lambda r: share(r[1]["recall"]))
    for kind in TEMPLATES:
        row(f"recall: {kind}", lambda r, kind=kind: share(r[1][kind]))
    row("naamloze zinnen met een vals alarm", lambda r: f"{r[1]['false'][0]}/{r[1]['false'][1]}")


if __name__ == "__main__":
    main()
