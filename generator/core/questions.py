"""The exact questions to paste into Microsoft Forms or Google Forms, so that their exports are
recognised without a `[kolommen]` mapping. Shown on the site and in the README of `init`.

The English questions (from the catalogue) are recognised as well as the Dutch ones."""

from __future__ import annotations

from generator.core.framework import Framework
from generator.core.language import DUTCH, N_, Translations
from generator.core.settings import Settings

REFLECTION_QUESTIONS = (
    N_("Directe waarde: wat vond je waardevol aan de bijeenkomsten zelf?"),
    N_("Potentiële waarde: wat heb je geleerd of gekregen dat je later kunt gebruiken?"),
    N_("Toegepaste waarde: wat doe je nu anders in je praktijk?"),
    N_("Gerealiseerde waarde: welk effect zie je bij je leerlingen of collega's?"),
    N_("Transformatieve waarde: hoe kijk je nu anders naar succes of naar het netwerk?"),
    N_("Mag je verhaal openbaar gedeeld worden (zonder naam)?"),
)
# The coach's forms after the meeting: the network's shared picture (one response per network and
# moment), and its conclusions and agreements (one response each).
SHARED_PICTURE_QUESTION = N_("%(code)s. Gedeeld beeld")
SHARED_PICTURE_DESIRED = N_("%(code)s. Gedeeld beeld gewenste situatie")
SHARED_PICTURE_NOTE = N_("%(code)s. Toelichting")
AGREEMENT_QUESTIONS = (N_("Netwerk"), N_("Meetmoment"), N_("Conclusie of afspraak"), N_("Soort"), N_("Openbaar"))
EVALUATION_QUESTIONS = (N_("Wat ging goed?"), N_("Wat kan de volgende keer beter?"), N_("Welk rapportcijfer geef je deze bijeenkomst?"))


def form_questions(framework: Framework, settings: Settings | None = None, t: Translations = DUTCH) -> dict[str, object]:
    """Every question, each indicator question starting with its code (`1a. In welke mate …`), in
    the language of `t` (and of the framework given)."""
    settings = settings or Settings()
    first = framework.indicators[0]
    return {
        "indicator_questions": [f"{indicator.code}. {indicator.question}" for indicator in framework.indicators],
        # an own indicator for some networks: its question, and for which networks
        "only_for": {f"{indicator.code}. {indicator.question}": ", ".join(indicator.networks) for indicator in framework.indicators if indicator.networks},
        "desired_example": t.gettext("%(code)s. Gewenste situatie: %(question)s") % {"code": first.code, "question": first.question},
        "reflection_questions": tuple(t.gettext(question) for question in REFLECTION_QUESTIONS),
        "evaluation_questions": tuple(t.gettext(question) for question in EVALUATION_QUESTIONS),
        "shared_questions": [t.gettext(SHARED_PICTURE_QUESTION) % {"code": indicator.code} for indicator in framework.indicators],
        "shared_extra": (t.gettext(SHARED_PICTURE_DESIRED) % {"code": first.code}, t.gettext(SHARED_PICTURE_NOTE) % {"code": first.code}),
        "agreement_questions": tuple(t.gettext(question) for question in AGREEMENT_QUESTIONS),
        "scale": t.gettext("%(low)s tot en met %(high)s") % {"low": t.short_number(settings.scale_min), "high": t.short_number(settings.scale_max)},
    }
