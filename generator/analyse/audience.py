"""Stage 2, analyse (audience): cut the data set down to what one audience may see, before anything else.

Later stages only ever receive an `AudienceView`; names and e-mail addresses do not exist in it.

Every name, e-mail address and code of a participant (and its parts) is blanked out of every free
text (`[deelnemer]`: reflections, titles, tops, tips, and what the data-quality page quotes),
because people mention each other in what they write. Texts that go public also lose the names of
anyone else (pupils, colleagues, parents) and phone numbers, found by Deduce (`[naam]`).

- `intern`: meeting evaluations without their author, and what was read and not used (for the
  data-quality page); every score, each participant replaced by an anonymous position number per network
  (stable across moments, so a position can be followed); every reflection, without its author.
- `publiek`: no individual positions at all: only the score values of groups (network × moment ×
  indicator × situatie) of at least `publiek.minimale_groep` participants; smaller groups are
  listed as left out, so the pages can say so. Only reflections with `openbaar: ja`, without author.
  No meeting evaluations and nothing about the input files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from generator.core.dutch_words import is_word
from generator.core.errors import Code, InputError, Problem, UsageError
from generator.core.framework import Framework
from generator.core.identity import MARKS, NAME_MARK, PARTICIPANT_MARK, SUFFIXES, TOKEN, TUSSENVOEGSELS, Redactor, fold_word, found_name_verdicts, kept_word
from generator.core.language import DUTCH, Message, Translations
from generator.core.model import Dataset, Score, TableSummary
from generator.core.moments import Moment
from generator.core.name_removal import NameRemoval
from generator.core.settings import Settings
from generator.core.store import Store
from generator.core.vocabulary import AgreementKind, Audience, Situation

INTERNAL, PUBLIC = Audience.INTERNAL, Audience.PUBLIC


class Position(NamedTuple):
    """One cross on one indicator line. `participant` is an anonymous number, or None in public.

    A NamedTuple, like `Score`: there is one per score, and tuples are cheap to build."""

    network: str
    moment: Moment
    participant: int | None
    indicator: str
    situation: Situation
    value: float
    role: str | None = None  # the participant's role, internally only


@dataclass(frozen=True)
class Story:
    network: str
    moment: Moment
    cycle: int
    text: str
    level: str | None
    title: str | None
    public: bool
    thread: str | None = None  # the value-creation story it is part of


class MeetingNote(NamedTuple):
    """One evaluation after a meeting, without its author (internal site only)."""

    network: str
    date: dt.date
    tops: str
    tips: str
    rating: float | None


class Agreed(NamedTuple):
    """The network's agreed cross (its shared picture) on one line at one moment; its note only internally."""

    network: str
    moment: Moment
    indicator: str
    situation: Situation
    value: float
    note: str


class Decision(NamedTuple):
    """A conclusion or agreement of the network at a moment, without names; in public only when consented."""

    network: str
    moment: Moment
    kind: AgreementKind
    text: str


@dataclass(frozen=True)
class Withheld:
    """A group too small for the public site: which group was left out, not what it scored."""

    network: str
    moment: Moment
    indicator: str
    situation: Situation


class CarriedScores(NamedTuple):
    """What a view holds of one network's scores besides its positions, as an earlier build made
    it: the network's figures are taken from that build (see `generator.analyse.aggregate`)."""

    participants: tuple[tuple[Moment, int], ...]  # as `AudienceView.participants` counts them
    withheld: tuple[Withheld, ...]


@dataclass(frozen=True)
class AudienceView:
    audience: str
    framework: Framework
    settings: Settings
    networks: tuple[str, ...]
    moments: tuple[Moment, ...]
    positions: tuple[Position, ...]
    stories: tuple[Story, ...]
    participants: dict[tuple[str, Moment], int]
    withheld: tuple[Withheld, ...]
    meetings: tuple[MeetingNote, ...] = ()
    # what was read and what was not used, for the internal data-quality page; empty in public
    tables: tuple[TableSummary, ...] = ()
    notices: tuple[Problem, ...] = ()
    ignored_files: tuple[str, ...] = ()
    themes: dict[str, str] = field(default_factory=dict)  # network → its theme, for both audiences
    sizes: dict[str, int] = field(default_factory=dict)  # network → how many members it has (the coach's setting)
    logo: tuple[str, bytes] | None = None
    agreed: tuple[Agreed, ...] = ()
    decisions: tuple[Decision, ...] = ()

    @property
    def is_public(self) -> bool:
        return self.audience == PUBLIC


def for_audience(dataset: Dataset, audience: Audience, names: Callable[[Sequence[str]], list[str]] | None = None, translations: Translations = DUTCH,
                 carried: Mapping[str, CarriedScores] | None = None) -> AudienceView:
    """The view for one audience. `names` removes names of anyone from the texts that go public,
    given all at once (by default Deduce, see `generator.core.name_removal.NameRemoval`); it is only
    used for the public site.
    Where a name was removed, the mark (`[deelnemer]`) is in the language of `translations`.

    `carried`: networks whose scores an earlier build made into this view's parts from the same
    scores (see `Dataset.score_inputs`): their positions are left out, their counts and withheld
    groups taken as given."""
    if not isinstance(audience, Audience):
        raise UsageError(Message("Onbekend publiek '%(audience)s'; kies 'intern' of 'publiek'.", audience=str(audience)))
    carried = carried or {}
    scores = dataset.scores
    if carried:  # in C: a million scores at 1,000 networks
        scores = tuple(itertools.compress(scores, map(operator.not_, map(carried.__contains__, map(_NETWORK, scores)))))
    numbers = _anonymous_numbers(scores)
    redactor = dataset.redactor or Redactor(dataset.identities)
    internal = audience == INTERNAL
    # A role is a category, but typed freely: without names, and never in public (a lone researcher is identifiable).
    roles = {role: redactor(role) for role in set(map(_ROLE, scores)) if role} if internal else {}
    positions = _positions(scores, numbers, roles)
    participants = participant_counts(positions)
    marks = {mark: translations.gettext(mark) for mark in MARKS if translations.gettext(mark) != mark}

    def in_language(text: str) -> str:
        for mark, shown in marks.items():
            text = text.replace(mark, shown)
        return text

    def redact(text: str) -> str:
        return in_language(redactor(text))

    told = _told_threads(dataset, internal)
    settings, framework, themes = dataset.settings, dataset.framework, dict(dataset.themes)
    redactor = redactor.keeping(settings.public_keep)
    def typed(text: str) -> str:
        """What the coach configured stays as typed: only a participant's full name, a name that is no
        everyday word or a participant's address goes (in public it stopped the build below)."""
        return in_language(redactor.typed(text))

    if internal:
        text_of = redact
    else:
        named = [p for p in dataset.warnings if p.code == Code.NAME_IN_PUBLIC_TEXT]
        if named:  # a participant's name in what the coach typed would stand on every public page
            raise InputError([replace(p, message=Message("%(message)s Voor de publieke site is dat een fout: pas het aan en bouw dan opnieuw.",
                                                         message=p.message)) for p in named])
        # Every text participants wrote that goes public, without participants, then without anyone's name: all at once.
        cleaned = clean_public_texts(public_texts_of(dataset), redactor, names or NameRemoval(Store.default()))

        def text_of(text: str) -> str:
            """A reflection's text or title, an agreement: in public without anyone's name."""
            return in_language(cleaned[text].text)

    # What the coach typed shows on every page: internally without participants; the footer is meant
    # for a contact, so only participants' names and addresses go there.
    settings = replace(settings, site_title=typed(settings.site_title), organisation=typed(settings.organisation), footer=typed(settings.footer))
    framework = framework.with_own_texts(typed)
    themes = {network: typed(theme) for network, theme in themes.items()}
    threads = {key: text_of(key[1]) for key in told}
    stories = [
        Story(r.network, r.moment, r.cycle, text_of(r.text), r.level, text_of(r.title) if r.title else None, r.public,
              threads.get((r.network, r.story)) if r.story else None)
        for r in dataset.reflections
        if internal or r.public
    ]
    meetings = [
        MeetingNote(e.network, e.date, redact(e.tops), redact(e.tips), e.rating)
        for e in dataset.evaluations
    ] if internal else []
    withheld: list[Withheld] = []
    networks = dataset.networks
    if not internal:
        positions, withheld = _public_groups(positions, dataset.settings.public_min_group)
        participants = {key: n for key, n in participants.items() if n >= dataset.settings.public_min_group}
        # Only networks with something public: scores (maybe all withheld, which the page says) or
        # consented stories. A network known only from meeting evaluations is internal.
        shown = set(map(_NETWORK, dataset.scores)) | carried.keys() | {s.network for s in stories}
        networks = tuple(n for n in networks if n in shown)
    for network, parts in carried.items():
        participants.update(((network, moment), count) for moment, count in parts.participants)
        withheld += parts.withheld
    if carried:
        withheld.sort(key=_WITHHELD_ORDER)
    # The shared picture is a group statement: in public only where the group has the minimum size.
    agreed = [
        Agreed(a.network, a.moment, a.indicator, a.situation, a.value, redact(a.note) if internal else "")
        for a in dataset.shared
        if internal or (a.network, a.moment) in participants
    ]
    decisions = [
        Decision(a.network, a.moment, a.kind, text_of(a.text))
        for a in dataset.agreements
        if internal or a.public
    ]
    return AudienceView(
        audience, framework, settings, networks, dataset.moments,
        tuple(positions), tuple(stories), participants, tuple(withheld),
        meetings=tuple(meetings),
        tables=tuple(_redacted_table(t, redact) for t in dataset.tables) if internal else (),
        notices=tuple(_redacted_problem(p, redact) for p in dataset.warnings) if internal else (),
        ignored_files=tuple(redact(f) for f in dataset.ignored_files) if internal else (),
        themes={network: theme for network, theme in themes.items() if network in networks},
        sizes={network: size for network, size in dataset.network_sizes if network in networks},
        logo=dataset.logo,
        agreed=tuple(agreed),
        decisions=tuple(d for d in decisions if d.network in networks),
    )


def public_texts_of(dataset: Dataset) -> list[str]:
    """Every text participants wrote that the public site shows: consented reflections and their
    titles, the value-creation stories they are part of, consented agreements (sorted, once each)."""
    public = {*(key[1] for key in _told_threads(dataset, False)), *(a.text for a in dataset.agreements if a.public)}
    for r in dataset.reflections:
        if r.public:
            public.update((r.text, r.title) if r.title else (r.text,))
    return sorted(public)


class Change(NamedTuple):
    """One thing the public site leaves out of a text: what stood there, its mark, whether it is
    also an everyday Dutch word, and the word the coach may keep there (`publiek.behoud`: only where
    nothing but a capital said "person"), else None. Never on a page."""

    removed: str
    mark: str
    everyday: bool
    keepable: str | None = None
    context: str = ""  # for a word the coach may keep: its sentence as `behoud` would bring it back, the word marked »…«


@dataclass(frozen=True)
class CleanedText:
    """A public text as the site shows it (its marks in Dutch), what was left out of it, and (for
    `check`) the everyday words the coach keeps that stay in it where they would have gone."""

    text: str
    changes: tuple[Change, ...]
    kept: tuple[str, ...] = ()
    as_word: tuple[str, ...] = ()  # participants' names that stay as the everyday word they also are


def clean_public_texts(texts: Sequence[str], redactor: Redactor, names: Callable[[Sequence[str]], list[str]],
                       review: bool = False) -> dict[str, CleanedText]:
    """Each text without participants (`redactor`), then without anyone's name (`names`, Deduce: all
    texts at once); a word the coach keeps (`redactor.keep`) that Deduce took for a name on weak
    evidence alone (a capital) is put back. With every change, for `check`.

    `review` (for `check`): also which removed words the coach could keep, found by keeping them all
    and seeing which come back (so a word is offered only where keeping it brings back the word,
    never a person), and where a kept word now stays."""
    finals = _cleaned(texts, redactor, names)
    result = {text: CleanedText(final, tuple(Change(removed, mark, _everyday(removed)) for removed, mark, _at in _changes(text, final)))
              for text, final in finals.items()}
    if not review:
        return result
    candidates = {form for found in result.values() for change in found.changes if change.everyday for form in _forms(change.removed)}
    trial = _cleaned([text for text in texts if any(c.everyday for c in result[text].changes)], redactor.keeping(candidates), names)
    bare = _cleaned(texts, redactor.without_kept(), names) if redactor.keep else {}
    for text in texts:
        final = finals[text]
        changes = _changes(text, final)
        trial_changes = _changes(text, trial[text]) if text in trial else []
        # a place comes back only where nothing is removed there with the word kept (not where Deduce then takes
        # "de Linde" as one name: keeping "linde" would not bring it back there)
        back = {at for removed, _mark, at in changes
                if not any(where < at + len(removed) and at < where + len(other) for other, _m, where in trial_changes)} if text in trial else set()
        kept: tuple[str, ...] = ()
        if text in bare:
            now = {at for _removed, _mark, at in changes}
            kept = tuple(removed for removed, _mark, at in _changes(text, bare[text]) if at not in now)
        result[text] = CleanedText(final, tuple(Change(removed, mark, _everyday(removed), _base(removed, redactor) if at in back else None,
                                                       _context(text, trial_changes, at, removed) if at in back else "")
                                                for removed, mark, at in changes), kept,
                                   tuple(word for word in redactor.kept_as_word(text) if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", final)))
    return result


def _context(text: str, removed_there: list[tuple[str, str, int]], at: int, removed: str) -> str:
    """The sentence of `text` around `at`, as it reads with the word kept (`removed_there`: what is still
    removed then, with its mark), the word marked »…«: what keeping it would bring back."""
    start = max(text.rfind(mark, 0, at) for mark in ".!?\n") + 1
    ends = [found for mark in ".!?\n" if (found := text.find(mark, at + len(removed))) >= 0]
    end = min(ends) + 1 if ends else len(text)
    pieces, index = [], start
    for other, mark, where in sorted(removed_there, key=operator.itemgetter(2)):
        if start <= where and where + len(other) <= end and where >= index:
            pieces += [text[index:where], mark]
            index = where + len(other)
    pieces.append(text[index:end])
    sentence, shift = "".join(pieces), sum(len(m) - len(o) for o, m, w in removed_there if start <= w < at and w + len(o) <= end)
    local = at - start + shift
    return " ".join((sentence[:local] + "»" + removed + "«" + sentence[local + len(removed):]).split())


def _cleaned(texts: Sequence[str], redactor: Redactor, names: Callable[[Sequence[str]], list[str]]) -> dict[str, str]:
    without_participants = {text: redactor(text) for text in texts}
    ordered = sorted(set(without_participants.values()))
    found = dict(zip(ordered, names(ordered), strict=True))
    return {text: _kept_back(without_participants[text], found[without_participants[text]], redactor.keep) for text in texts}


def _forms(removed: str) -> set[str]:
    """A removed word, folded, and what it is without an ending ("stormpje": "storm")."""
    words = [fold_word(word) for word in TOKEN.findall(removed) if len(word) > 1 and fold_word(word) not in TUSSENVOEGSELS]
    return {form for word in words for form in (word, *(word[:-len(suffix)] for suffix in SUFFIXES if word.endswith(suffix)))}


def _base(removed: str, redactor: Redactor) -> str:
    """The word to keep for what was removed, folded and without an ending ("Stormpje": "storm")."""
    words = [fold_word(word) for word in TOKEN.findall(removed) if len(word) > 1 and fold_word(word) not in TUSSENVOEGSELS]
    word = words[0] if words else fold_word(removed)
    for suffix in SUFFIXES:
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and is_word(stem) and (stem in redactor.keys or not is_word(word)):
            return stem
    return word


_PIECES = re.compile("|".join(re.escape(mark) for mark in MARKS) + r"|[^\W_]+|\s+|.", re.DOTALL)


def _changes(before: str, after: str) -> list[tuple[str, str, int]]:
    """(what stood there, the mark now there, where it stood in `before`) for each place `after` has a mark where `before` had words."""
    old, new = _PIECES.findall(before), _PIECES.findall(after)
    offsets = list(itertools.accumulate(map(len, old), initial=0))
    found = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation in ("replace", "delete"):
            inserted = "".join(new[new_start:new_end]).strip()
            removed = "".join(old[old_start:old_end]).strip()
            if removed:
                found.append((removed, inserted, offsets[old_start]))
    return found


def _everyday(removed: str) -> bool:
    """Whether what was removed is one everyday Dutch word (with a particle or an initial perhaps)."""
    words = [fold_word(word) for word in TOKEN.findall(removed)]
    substantive = [word for word in words if len(word) > 1 and word not in TUSSENVOEGSELS]
    return len(substantive) == 1 and is_word(substantive[0])


def _kept_back(before: str, after: str, keep: frozenset[str]) -> str:
    """`after` with a word the coach keeps put back where Deduce replaced it by `[naam]` on weak
    evidence alone (a capital: "basisschool De Storm"; never "met Storm", "Storm vertelde")."""
    if not keep or NAME_MARK not in after:
        return after
    old, new = _PIECES.findall(before), _PIECES.findall(after)
    offsets = list(itertools.accumulate(map(len, old), initial=0))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    operations = matcher.get_opcodes()
    named = [(offsets[o_start], offsets[o_end]) for operation, o_start, o_end, n_start, n_end in operations
             if operation == "replace" and "".join(new[n_start:n_end]) == NAME_MARK]
    verdicts = dict(zip(named, found_name_verdicts(before, named), strict=True))
    pieces: list[str] = []
    for operation, old_start, old_end, new_start, new_end in operations:
        everyday, kind = verdicts.get((offsets[old_start], offsets[old_end]), (None, None)) if operation == "replace" else (None, None)
        if everyday is not None and kind == "weak" and kept_word(everyday, keep):
            pieces += old[old_start:old_end]
        else:
            pieces += new[new_start:new_end]
    return "".join(pieces)


def _told_threads(dataset: Dataset, internal: bool) -> list[tuple[str, str]]:
    """The (network, story) pairs shown as a value-creation story. In public only a story whose first
    part (in the order of the cycles) may be public: otherwise its public parts stand on their own."""
    parts: dict[tuple[str, str], list] = {}
    for r in dataset.reflections:
        if r.story:
            parts.setdefault((r.network, r.story), []).append(r)
    return sorted(key for key, found in parts.items() if internal or min(found, key=lambda r: (r.cycle, r.moment)).public)


def _redacted_problem(problem: Problem, redact: Callable[[str], str]) -> Problem:
    """A notice for the data-quality page: it may quote a cell, a file name or a header."""
    def maybe(text: str | None) -> str | None:
        return None if text is None else redact(text)

    return Problem(redact(problem.file), problem.row, maybe(problem.column), maybe(problem.value), problem.message.map_text(redact), problem.key, maybe(problem.sheet), code=problem.code)


def _redacted_table(table: TableSummary, redact: Callable[[str], str]) -> TableSummary:
    return replace(
        table,
        file=redact(table.file),
        sheet=None if table.sheet is None else redact(table.sheet),
        unused=tuple(replace(u, file=redact(u.file), sheet=None if u.sheet is None else redact(u.sheet), reason=u.reason.map_text(redact)) for u in table.unused),
        unplaced_columns=tuple(redact(c) for c in table.unplaced_columns),
    )


REDACTED = PARTICIPANT_MARK


def _anonymous_numbers(scores: Sequence[Score]) -> dict[tuple[str, str], int]:
    """Participants numbered per network in the order they first appear in the files.

    Keyed by the person (validate gave every record its person's key), so one person has one number.
    """
    numbers: dict[tuple[str, str], int] = {}
    counters: dict[str, int] = defaultdict(int)
    for key in dict.fromkeys(map(_NETWORK_AND_PARTICIPANT, scores)):  # the person's key: one per person
        counters[key[0]] += 1
        numbers[key] = counters[key[0]]
    return numbers


# There is a position per score, a million at 1,000 networks: the columns are read, and the
# positions made, by `map` in C rather than a record at a time in Python.
_NETWORK, _MOMENT, _INDICATOR, _SITUATION, _VALUE, _ROLE = (
    operator.attrgetter(name) for name in ("network", "moment", "indicator", "situation", "value", "role"))
_NETWORK_AND_PARTICIPANT = operator.attrgetter("network", "participant")
_NETWORK_AND_MOMENT = operator.attrgetter("network", "moment")
_NETWORK_MOMENT_PARTICIPANT = operator.attrgetter("network", "moment", "participant")
_FIRST_TWO = operator.itemgetter(0, 1)
_new_position = functools.partial(tuple.__new__, Position)


def _positions(scores: tuple[Score, ...], numbers: dict[tuple[str, str], int], roles: dict[str, str]) -> list[Position]:
    """A position per score: the participant's number instead of the person, the role as `roles`
    says (None for a score without role, and for every role when `roles` is empty)."""
    return list(map(_new_position, zip(
        map(_NETWORK, scores), map(_MOMENT, scores), map(numbers.__getitem__, map(_NETWORK_AND_PARTICIPANT, scores)),
        map(_INDICATOR, scores), map(_SITUATION, scores), map(_VALUE, scores), map(roles.get, map(_ROLE, scores)), strict=True,
    )))


def participant_counts(records: Sequence[Score] | Sequence[Position]) -> dict[tuple[str, Moment], int]:
    """How many took part per network and moment (distinct participants, persons or numbers), in
    the order the moments first appear."""
    people = Counter(map(_FIRST_TWO, set(map(_NETWORK_MOMENT_PARTICIPANT, records))))
    return {key: people[key] for key in dict.fromkeys(map(_NETWORK_AND_MOMENT, records))}


def _public_groups(positions: list[Position], minimum: int) -> tuple[list[Position], list[Withheld]]:
    groups: dict[tuple, list[Position]] = defaultdict(list)
    for position in positions:
        groups[(position.network, position.moment, position.indicator, position.situation)].append(position)
    kept: list[Position] = []
    withheld: list[Withheld] = []
    for key, members in groups.items():
        if len(members) >= minimum:
            kept += [Position(p.network, p.moment, None, p.indicator, p.situation, p.value) for p in members]
        else:
            withheld.append(Withheld(*key))
    withheld.sort(key=_WITHHELD_ORDER)
    return kept, withheld


_WITHHELD_ORDER = operator.attrgetter("network", "moment", "indicator", "situation")
