"""One vocabulary for every stage: language-neutral names for what the data is about.

Code compares these members, never words in a language; what a reader sees is looked up where it
is shown (`WORDS` for the data files' own Dutch words, the page templates for the rest).
"""

from __future__ import annotations

from enum import StrEnum

from generator.core.language import N_


class Situation(StrEnum):
    """Where a cross is put: how the network is today, or how the participant would like it to be."""

    CURRENT = "current"
    DESIRED = "desired"


class Level(StrEnum):
    """Whose value a reflection tells: one participant's, or the network's together."""

    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"


class TableKind(StrEnum):
    SCORES = "scores"
    REFLECTIONS = "reflections"
    EVALUATIONS = "evaluations"
    SHARED_PICTURE = "shared picture"  # the network's agreed cross per indicator and moment
    AGREEMENTS = "agreements"  # what the network concluded and agreed at a moment


class PersonalData(StrEnum):
    """What an export holds of people, for `check`'s word on where the file may go."""

    IDENTITY = "identity"  # names, e-mail addresses or codes of participants
    FREE_TEXT = "free text"  # what people wrote: reflections, tops and tips, notes


class AgreementKind(StrEnum):
    """What a network wrote down at a meeting: a conclusion it drew, or an agreement it made."""

    CONCLUSION = "conclusion"
    AGREEMENT = "agreement"


class Audience(StrEnum):
    INTERNAL = "internal"
    PUBLIC = "public"


class ChartKind(StrEnum):
    PICTURE = "picture"  # the network at a glance: every indicator's medians, agreed position and change, poles at both ends
    POSITIONS = "positions"  # every cross on the lines, with the group's median and spread
    CHANGE = "change"  # the median before and after, per indicator
    PATHS = "paths"  # each participant's path through the moments
    PARTICIPATION = "participation"
    TREND = "trend"  # one indicator's median per network over the moments
    MEETINGS = "meetings"
    MATRIX = "matrix"
    CHANGE_MATRIX = "change-matrix"


class StarterKind(StrEnum):
    """What a conversation starter is about."""

    SPREAD = "spread"  # where the crosses differ most
    GAP = "gap"  # where current and desired lie furthest apart
    MOVEMENT = "movement"  # what moved most since the previous moment
    SHARED = "shared"  # where the agreed cross lies notably apart from the crosses' median
    ROLES = "roles"  # where roles (teachers, students, researchers) see an indicator differently


class Meaning(StrEnum):
    """What a column of an export holds."""

    NETWORK = "network"
    MOMENT = "moment"
    DATE = "date"
    PARTICIPANT = "participant"
    INDICATOR = "indicator"
    SCORE = "score"
    SITUATION = "situation"
    VALUE = "value"
    REFLECTION = "reflection"
    PUBLIC = "public"
    LEVEL = "level"
    TITLE = "title"
    TOPS = "tops"
    TIPS = "tips"
    RATING = "rating"
    RESPONSE_ID = "response id"
    TIME = "time"
    START_TIME = "start time"
    OTHER_TIME = "other time"
    EMAIL = "e-mail"
    NAME = "name"
    FIRST_NAME = "first name"
    LAST_NAME = "last name"
    IGNORE = "ignore"
    SHARED = "shared"  # the agreed position on the line (gedeeld beeld)
    ROLE = "role"  # leraar, pabostudent, onderzoeker, schoolleider, …
    STORY = "story"  # the value-creation story a reflection is part of
    NOTE = "note"
    AGREEMENT = "agreement"
    AGREEMENT_KIND = "agreement kind"
    # a whole family of columns: one question per indicator, one per value-creation cycle
    INDICATOR_QUESTION = "indicator question"
    CYCLE_QUESTION = "cycle question"
    SHARED_QUESTION = "shared question"  # '1a. Gedeeld beeld': the network's agreed position, in a form
    NOTE_QUESTION = "note question"  # '1a. Toelichting': what the network said of it


# The Dutch words of the data files and of `netwerkspiegel.toml` (`[kolommen]`): the canonical
# column names, and the values of the `situatie` and `niveau` columns as shown back to the coach.
# Per enum: members of two enums may share a value ("public"). Words the site shows are marked
# with `N_` for the catalogue (a site in English shows "current" where the data says "huidig").
WORDS: dict[type[StrEnum], dict[StrEnum, str]] = {
    Situation: {
        Situation.CURRENT: N_("huidig"),
        Situation.DESIRED: N_("gewenst"),
    },
    Level: {
        Level.INDIVIDUAL: N_("individueel"),
        Level.COLLECTIVE: N_("collectief"),
    },
    TableKind: {
        TableKind.SCORES: N_("scores"),
        TableKind.REFLECTIONS: N_("reflecties"),
        TableKind.EVALUATIONS: N_("evaluaties"),
        TableKind.SHARED_PICTURE: N_("gedeelde beelden"),
        TableKind.AGREEMENTS: N_("afspraken"),
    },
    AgreementKind: {
        AgreementKind.CONCLUSION: N_("conclusie"),
        AgreementKind.AGREEMENT: N_("afspraak"),
    },
    Audience: {
        Audience.INTERNAL: "intern",
        Audience.PUBLIC: "publiek",
    },
    Meaning: {
        Meaning.NETWORK: "netwerk",
        Meaning.MOMENT: "meetmoment",
        Meaning.DATE: "datum",
        Meaning.PARTICIPANT: "deelnemer",
        Meaning.INDICATOR: "indicator",
        Meaning.SCORE: "score",
        Meaning.SITUATION: "situatie",
        Meaning.VALUE: "waarde",
        Meaning.REFLECTION: "reflectie",
        Meaning.PUBLIC: "openbaar",
        Meaning.LEVEL: "niveau",
        Meaning.TITLE: "titel",
        Meaning.TOPS: "tops",
        Meaning.TIPS: "tips",
        Meaning.RATING: "cijfer",
        Meaning.RESPONSE_ID: "id",
        Meaning.TIME: "tijdstip",
        Meaning.START_TIME: "begintijd",
        Meaning.OTHER_TIME: "ander tijdstip",
        Meaning.EMAIL: "e-mail",
        Meaning.NAME: "naam",
        Meaning.FIRST_NAME: "voornaam",
        Meaning.LAST_NAME: "achternaam",
        Meaning.IGNORE: "negeren",
        Meaning.SHARED: "gedeeld beeld",
        Meaning.ROLE: "rol",
        Meaning.STORY: "verhaal",
        Meaning.NOTE: "toelichting",
        Meaning.AGREEMENT: "afspraak",
        Meaning.AGREEMENT_KIND: "soort",
        Meaning.INDICATOR_QUESTION: "indicatorvraag",
        Meaning.CYCLE_QUESTION: "waardevraag",
        Meaning.SHARED_QUESTION: "vraag naar het gedeelde beeld",
        Meaning.NOTE_QUESTION: "vraag naar de toelichting",
    },
}


def word(member: StrEnum) -> str:
    """The Dutch word of the data files for `member`."""
    return WORDS[type(member)][member]
