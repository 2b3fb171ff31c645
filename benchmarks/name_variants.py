"""Benchmark: what finding participants' names in their Dutch variants costs in ordinary words lost.

    python benchmarks/name_variants.py [--participants N]

Participants: N names from `benchmarks/texts.py` (a first name and a surname each, with an e-mail
address). Ordinary words: every word of this project's Dutch prose (README, CHANGELOG, the sample
reflections, the sentences of the benchmarks) and Deduce's 1,000 most frequent Dutch words, each
also with a capital (as at the start of a sentence). It prints how many of those words the redactor
removes, by the rule that found them: a name part itself (as before issue 27), a name part with an
ending (possessive -s, diminutive), one letter wrong; and the words themselves.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.texts import FIRST_NAMES, SENTENCES, SURNAMES  # noqa: E402
from generator.core.identity import SUFFIXES, Redactor, fold_word  # noqa: E402


def ordinary_words() -> set[str]:
    from deduce.deduce import _LOOKUP_LIST_PATH

    prose = [(ROOT / name).read_text("utf-8") for name in ("README.md", "CHANGELOG.md", "data/reflecties.csv")]
    prose += SENTENCES
    prose.append((_LOOKUP_LIST_PATH / "src" / "whitelist" / "lst_common_word" / "items.txt").read_text("utf-8"))
    words = {w for text in prose for w in re.findall(r"[^\W\d_]{2,}", text) if w.islower()}
    return words | {w[0].upper() + w[1:] for w in words}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=40)
    args = parser.parse_args()
    rng = random.Random(3)
    people = []
    for number in range(args.participants):
        first, last = FIRST_NAMES[number % len(FIRST_NAMES)], rng.choice(SURNAMES)
        people += [f"{first} {last}", f"{first.lower()}.{last.replace(' ', '').lower()}@school.nl"]
    redactor = Redactor(people)
    words = sorted(ordinary_words())
    by_rule: dict[str, list[str]] = {"naamdeel (al voor issue 27)": [], "met uitgang (-s, -je, -tje, -pje, -kje, -etje)": [],
                                     "één letter anders": [], "initialen": []}
    for word in words:
        if redactor(word) == word:
            continue
        folded = fold_word(word)
        if folded in redactor.keys:
            by_rule["naamdeel (al voor issue 27)"].append(word)
        elif any(folded.endswith(s) and folded[: -len(s)] in redactor.keys for s in SUFFIXES) or folded.endswith("etje"):
            by_rule["met uitgang (-s, -je, -tje, -pje, -kje, -etje)"].append(word)
        elif folded in redactor.initials:
            by_rule["initialen"].append(word)
        else:
            by_rule["één letter anders"].append(word)
    print(f"Deelnemers: {args.participants} (naam en e-mailadres); gewone woorden: {len(words)} (klein en met hoofdletter)")
    print("| regel | gewone woorden weggelaten | aandeel | voorbeelden |")
    print("| --- | --- | --- | --- |")
    for rule, found in by_rule.items():
        print(f"| {rule} | {len(found)} | {len(found) / len(words):.2%} | {', '.join(found[:12])} |")
    total = sum(len(found) for found in by_rule.values())
    print(f"| samen | {total} | {total / len(words):.2%} | |")


if __name__ == "__main__":
    main()
