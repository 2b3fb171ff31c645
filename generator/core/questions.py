"""The exact questions to paste into Microsoft Forms or Google Forms, so that their exports are
recognised without a `[kolommen]` mapping. Shown on the site and in the README of `init`."""

from __future__ import annotations

from generator.core.framework import Framework
from generator.core.settings import Settings
from generator.core.text import short_number

REFLECTION_QUESTIONS = (
    "Directe waarde: wat vond je waardevol aan de bijeenkomsten zelf?",
    "Potentiële waarde: wat heb je geleerd of gekregen dat je later kunt gebruiken?",
    "Toegepaste waarde: wat doe je nu anders in je praktijk?",
    "Gerealiseerde waarde: welk effect zie je bij je leerlingen of collega's?",
    "Transformatieve waarde: hoe kijk je nu anders naar succes of naar het netwerk?",
    "Mag je verhaal openbaar gedeeld worden (zonder naam)?",
)
EVALUATION_QUESTIONS = ("Wat ging goed?", "Wat kan de volgende keer beter?", "Welk rapportcijfer geef je deze bijeenkomst?")


def form_questions(framework: Framework, settings: Settings | None = None) -> dict[str, object]:
    """Every question, each indicator question starting with its code (`1a. In welke mate …`)."""
    settings = settings or Settings()
    first = framework.indicators[0]
    return {
        "indicator_questions": [f"{indicator.code}. {indicator.question}" for indicator in framework.indicators],
        "desired_example": f"{first.code}. Gewenste situatie: {first.question}",
        "reflection_questions": REFLECTION_QUESTIONS,
        "evaluation_questions": EVALUATION_QUESTIONS,
        "scale": f"{short_number(settings.scale_min)} tot en met {short_number(settings.scale_max)}",
    }
