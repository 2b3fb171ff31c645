"""Stage 2, analyse (insight): what the figures say, in plain sentences (Dutch, or from the catalogue).

Conversation starters (where the crosses differ most, where current and desired lie furthest apart,
what moved most) and the one- or two-sentence summary of every chart, used as its accessible
description and shown under it. Sentences describe positions between two poles; none calls a
position good or bad: the network sets its own goals.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from generator.analyse.audience import Agreed
from generator.analyse.figures import Change, NetworkFigures, RoleFigures, Spread, Starter
from generator.core.framework import Framework
from generator.core.language import DUTCH, Translations
from generator.core.settings import Settings
from generator.core.vocabulary import Situation, StarterKind

SPREAD, GAP, MOVEMENT = StarterKind.SPREAD, StarterKind.GAP, StarterKind.MOVEMENT
MINIMUM_DIFFERENCE = 0.5  # smaller gaps and movements are not worth a sentence
STARTERS_PER_KIND = 3


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def spreads(values_by_key: dict[tuple[str, Situation], list[float]]) -> dict[tuple[str, Situation], Spread]:
    """Quartiles per (indicator, situation), as pandas' default (linear) computes them."""
    found = {}
    for (indicator, situation), values in values_by_key.items():
        ordered = sorted(values)
        if len(ordered) == 1:
            q1 = q3 = ordered[0]
        else:
            q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        found[(indicator, situation)] = Spread(indicator, situation, len(ordered), ordered[0], q1, statistics.median(ordered), q3, ordered[-1])
    return found


def _name(framework: Framework, code: str) -> str:
    return f"{code}, {lower_first(framework.indicator(code).label)},"


def _listed(t: Translations, items: Sequence[str]) -> str:
    """`a`, `a en b`, `a, b en c` (`and` in English)."""
    if len(items) <= 1:
        return "".join(items)
    return t.gettext("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _towards(framework: Framework, code: str, difference: float) -> str:
    indicator = framework.indicator(code)
    return indicator.right if difference > 0 else indicator.left


def conversation_starters(framework: Framework, latest_spreads: dict[tuple[str, Situation], Spread], changes: Sequence[Change],
                          previous_label: str | None, t: Translations = DUTCH) -> tuple[Starter, ...]:
    """A short ranked list per kind; ties go to the indicator that comes first in the framework."""
    _, num = t.gettext, t.number
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    starters: list[Starter] = []
    current = [s for (code, situation), s in latest_spreads.items() if situation == Situation.CURRENT and s.n > 1 and s.iqr > 0]
    for rank, s in enumerate(sorted(current, key=lambda s: (-s.iqr, -(s.high - s.low), order[s.indicator]))[:STARTERS_PER_KIND]):
        lead = (_("Over %(name)s lopen jullie beelden het verst uiteen") if rank == 0 else
                _("Ook over %(name)s lopen de beelden uiteen")) % {"name": _name(framework, s.indicator)}
        starters.append(Starter(SPREAD, s.indicator, _(
            "%(lead)s: de kruisjes liggen tussen %(low)s en %(high)s, de middelste helft tussen %(q1)s en %(q3)s."
        ) % {"lead": lead, "low": num(s.low), "high": num(s.high), "q1": num(s.q1), "q3": num(s.q3)}))
    gaps = []
    for (code, situation), s in latest_spreads.items():
        desired = latest_spreads.get((code, Situation.DESIRED))
        if situation == Situation.CURRENT and desired is not None and abs(desired.median - s.median) >= MINIMUM_DIFFERENCE:
            gaps.append((s, desired))
    for rank, (s, desired) in enumerate(sorted(gaps, key=lambda pair: (-abs(pair[1].median - pair[0].median), order[pair[0].indicator]))[:STARTERS_PER_KIND]):
        difference = desired.median - s.median
        lead = (_("Bij %(name)s ligt het gewenste het verst van het huidige") if rank == 0 else
                _("Ook bij %(name)s verschillen huidig en gewenst")) % {"name": _name(framework, s.indicator)}
        sentence = (_("%(lead)s: de mediaan is nu %(now)s en gewenst %(desired)s, %(difference)s punt richting '%(pole)s'.")
                    if abs(difference) == 1 else
                    _("%(lead)s: de mediaan is nu %(now)s en gewenst %(desired)s, %(difference)s punten richting '%(pole)s'."))
        starters.append(Starter(GAP, s.indicator, sentence % {
            "lead": lead, "now": num(s.median), "desired": num(desired.median), "difference": num(abs(difference)),
            "pole": _towards(framework, s.indicator, difference)}))
    moved = [c for c in changes if abs(c.delta) >= MINIMUM_DIFFERENCE]
    for rank, c in enumerate(sorted(moved, key=lambda c: (-abs(c.delta), order[c.indicator]))[:STARTERS_PER_KIND]):
        lead = (_("Sinds %(moment)s verschoof %(name)s het meest") if rank == 0 else
                _("Ook %(name)s verschoof")) % {"name": _name(framework, c.indicator), "moment": t.moment(previous_label or "")}
        starters.append(Starter(MOVEMENT, c.indicator, _(
            "%(lead)s: de mediaan ging van %(previous)s naar %(latest)s, richting '%(pole)s'."
        ) % {"lead": lead, "previous": num(c.previous), "latest": num(c.latest), "pole": _towards(framework, c.indicator, c.delta)}))
    return tuple(starters)


SHARED_DIFFERENCE = 1.0  # an agreed cross this far from the crosses' median: the conversation moved the group


def shared_picture_starters(framework: Framework, agreed: Sequence[Agreed], medians: dict[tuple[str, Situation], float], t: Translations = DUTCH) -> tuple[Starter, ...]:
    """Where the network agreed on a position notably apart from the median of its own crosses,
    the largest difference first; ties go to the indicator that comes first in the framework."""
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    found = []
    for position in agreed:
        median = medians.get((position.indicator, position.situation))
        if median is not None and abs(position.value - median) >= SHARED_DIFFERENCE:
            found.append((position, median))
    found.sort(key=lambda pair: (-abs(pair[0].value - pair[1]), order[pair[0].indicator], pair[0].situation != Situation.CURRENT))
    starters = []
    for position, median in found:
        difference = position.value - median
        values = {"name": _name(framework, position.indicator), "agreed": t.number(position.value), "median": t.number(median),
                  "difference": t.number(abs(difference)), "pole": _towards(framework, position.indicator, difference)}
        values["situation"] = t.gettext("de huidige situatie") if position.situation == Situation.CURRENT else t.gettext("de gewenste situatie")
        text = t.ngettext("Bij %(name)s spraken jullie samen %(agreed)s af voor %(situation)s, %(difference)s punt van de mediaan van de kruisjes "
                          "(%(median)s): het gesprek bracht de groep richting '%(pole)s'.",
                          "Bij %(name)s spraken jullie samen %(agreed)s af voor %(situation)s, %(difference)s punten van de mediaan van de kruisjes "
                          "(%(median)s): het gesprek bracht de groep richting '%(pole)s'.", 1 if abs(difference) == 1 else 2) % values
        starters.append(Starter(StarterKind.SHARED, position.indicator, text))
    return tuple(starters)


ROLE_DIFFERENCE = 1.5  # role medians this far apart: the roles see the indicator differently


def role_starters(framework: Framework, roles: Sequence[RoleFigures], t: Translations = DUTCH) -> tuple[Starter, ...]:
    """Where roles see an indicator differently (their medians 1.5 points or more apart), the
    largest difference first, at most three; only roles of the minimum group size take part."""
    found: list[tuple[float, int, str, RoleFigures, float, RoleFigures, float]] = []
    for order, code in enumerate(framework.indicator_codes()):
        medians = [(role, median) for role in roles if (median := role.median(code)) is not None]
        if len(medians) < 2:
            continue
        low_role, low = min(medians, key=lambda pair: (pair[1], pair[0].role))
        high_role, high = max(medians, key=lambda pair: (pair[1], pair[0].role))
        if high - low >= ROLE_DIFFERENCE:
            found.append((low - high, order, code, low_role, low, high_role, high))
    starters = []
    for _difference, _order, code, low_role, low, high_role, high in sorted(found, key=lambda item: (item[0], item[1]))[:STARTERS_PER_KIND]:
        starters.append(Starter(StarterKind.ROLES, code, t.gettext(
            "Bij %(name)s zien de rollen het verschillend: de mediaan van '%(low_role)s' (n=%(low_n)s) is %(low)s, "
            "die van '%(high_role)s' (n=%(high_n)s) %(high)s. Wat zien zij anders?") % {
            "name": _name(framework, code), "low_role": low_role.role, "low_n": low_role.people, "low": t.number(low),
            "high_role": high_role.role, "high_n": high_role.people, "high": t.number(high)}))
    return tuple(starters)


def picture_summary(network: str, moment: str, previous: str | None, agreed: bool, t: Translations) -> str:
    """What the network's picture shows, in one sentence (its table follows it)."""
    values = {"network": network, "moment": t.moment(moment), "previous": t.moment(previous) if previous else ""}
    text = t.gettext("Het beeld van %(network)s op %(moment)s: per indicator de mediaan nu (×) en gewenst (○)") % values
    if agreed:
        text += t.gettext(", het gedeelde beeld (◆)")
    if previous:
        text += t.gettext(" en waar de mediaan op %(previous)s stond (grijs ×)") % values
    return text + "."


def positions_summary(network: str, moment: str, people: int | None, starters: tuple[Starter, ...], framework: Framework, public: bool,
                      t: Translations) -> str:
    _ = t.gettext
    values = {"network": network, "moment": t.moment(moment), "people": people}
    if public:
        first = _("De mediaan van %(network)s op %(moment)s per indicator, huidig en gewenst.") % values
    else:
        first = t.ngettext("De kruisjes van %(people)s deelnemer van %(network)s op %(moment)s, per indicator tussen de twee polen, met de mediaan van de groep.",
                           "De kruisjes van %(people)s deelnemers van %(network)s op %(moment)s, per indicator tussen de twee polen, met de mediaan van de groep.",
                           people or 0) % values
    spread = next((s for s in starters if s.kind == SPREAD), None)
    gap = next((s for s in starters if s.kind == GAP), None)
    parts = []
    if spread and not public:
        parts.append(_("de beelden lopen het verst uiteen bij %(code)s (%(label)s)") % {
            "code": spread.indicator, "label": lower_first(framework.indicator(spread.indicator).label)})
    if gap:
        parts.append(_("huidig en gewenst liggen het verst uiteen bij %(code)s (%(label)s)") % {
            "code": gap.indicator, "label": lower_first(framework.indicator(gap.indicator).label)})
    if not parts:
        return first
    second = _listed(t, parts)
    return f"{first} {second[0].upper()}{second[1:]}."


def change_summary(network: str, previous: str, latest: str, changes: Sequence[Change], framework: Framework, t: Translations = DUTCH) -> str:
    _, num = t.gettext, t.number
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    ups = sum(1 for c in changes if c.delta >= MINIMUM_DIFFERENCE)
    downs = sum(1 for c in changes if c.delta <= -MINIMUM_DIFFERENCE)
    steady = len(changes) - ups - downs
    text = t.ngettext(
        "Van %(previous)s naar %(latest)s schoof de mediaan van %(network)s bij %(ups)s indicator naar rechts, bij %(downs)s naar links en bleef hij bij %(steady)s (bijna) gelijk.",
        "Van %(previous)s naar %(latest)s schoof de mediaan van %(network)s bij %(ups)s indicatoren naar rechts, bij %(downs)s naar links en bleef hij bij %(steady)s (bijna) gelijk.",
        ups,
    ) % {"previous": t.moment(previous), "latest": t.moment(latest), "network": network, "ups": ups, "downs": downs, "steady": steady}
    biggest = max(changes, key=lambda c: (abs(c.delta), -order[c.indicator]), default=None)
    if biggest is not None and abs(biggest.delta) >= MINIMUM_DIFFERENCE:
        text += " " + _("De grootste verschuiving: %(code)s, van %(previous)s naar %(latest)s.") % {
            "code": biggest.indicator, "previous": num(biggest.previous), "latest": num(biggest.latest)}
    return text


def participation_summary(network: str, counts: list[tuple[str, int]], t: Translations = DUTCH) -> str:
    _ = t.gettext
    if not counts:
        return _("Voor %(network)s zijn nog geen deelnemers met scores.") % {"network": network}
    if len(counts) <= 4:
        listed = [_("%(n)s op %(moment)s") % {"n": n, "moment": t.moment(moment)} for moment, n in counts]
        return _("Deelnemers van %(network)s met scores: %(counts)s.") % {"network": network, "counts": _listed(t, listed)}
    first, last = counts[0], counts[-1]
    highest = max(counts, key=lambda pair: pair[1])
    return _("Het aantal deelnemers van %(network)s met scores ging van %(first)s op %(first_moment)s naar %(last)s op %(last_moment)s; "
             "het hoogst was %(highest)s, op %(highest_moment)s.") % {
        "network": network, "first": first[1], "first_moment": t.moment(first[0]), "last": last[1], "last_moment": t.moment(last[0]),
        "highest": highest[1], "highest_moment": t.moment(highest[0])}


def cycles_summary(network: str, cycle_counts: list[tuple[str, int]], t: Translations = DUTCH) -> str:
    total = sum(count for _, count in cycle_counts)
    reached = [name for name, count in cycle_counts if count]
    missing = [name for name, count in cycle_counts if not count]
    text = t.ngettext("%(network)s heeft %(total)s reflectie in %(reached)s van de %(cycles)s cycli van waardecreatie.",
                      "%(network)s heeft %(total)s reflecties in %(reached)s van de %(cycles)s cycli van waardecreatie.", total) % {
        "network": network, "total": total, "reached": len(reached), "cycles": len(cycle_counts)}
    if missing:
        text += " " + t.gettext("Nog niet bereikt: %(cycles)s.") % {"cycles": ", ".join(lower_first(m) for m in missing)}
    return text


def meetings_summary(network: str, meetings: list[tuple[str, float]], t: Translations = DUTCH) -> str:
    _, num = t.gettext, t.number
    if len(meetings) == 1:
        return _("De bijeenkomst van %(network)s op %(date)s kreeg gemiddeld een %(rating)s.") % {
            "network": network, "date": meetings[0][0], "rating": num(meetings[0][1])}
    low = min(meetings, key=lambda m: m[1])
    high = max(meetings, key=lambda m: m[1])
    return _("%(count)s bijeenkomsten van %(network)s kregen gemiddeld tussen %(low)s (%(low_date)s) en %(high)s (%(high_date)s).") % {
        "count": len(meetings), "network": network, "low": num(low[1]), "low_date": low[0], "high": num(high[1]), "high_date": high[0]}


def paths_summary(network: str, first: str, last: str, people: int, t: Translations = DUTCH, latest: int | None = None) -> str:
    """`people`: everyone who scored at any of the moments; `latest`: those who scored at the last one."""
    text = t.ngettext("Per indicator het pad van de %(people)s deelnemer van %(network)s die tussen %(first)s en %(last)s kruisjes zette, "
                      "met de mediaan van de groep; kies de indicator boven de grafiek.",
                      "Per indicator het pad van elk van de %(people)s deelnemers van %(network)s die tussen %(first)s en %(last)s kruisjes zetten, "
                      "met de mediaan van de groep; kies de indicator boven de grafiek.", people) % {
        "people": people, "network": network, "first": t.moment(first), "last": t.moment(last)}
    if latest is not None and latest != people:
        text += " " + t.ngettext("Op %(last)s zette %(count)s van hen kruisjes.", "Op %(last)s zetten %(count)s van hen kruisjes.", latest) % {
            "last": t.moment(last), "count": latest}
    return text


def trend_summary(label: str, latest_medians: dict[str, float], t: Translations = DUTCH) -> str:
    """latest_medians: network → the median at that network's latest moment."""
    networks = len(latest_medians)
    text = t.ngettext("%(label)s: de mediaan van %(count)s netwerk per meetmoment.",
                      "%(label)s: de mediaan van %(count)s netwerken per meetmoment.", networks) % {"label": label, "count": networks}
    if latest_medians:
        text += " " + t.gettext("Op het laatste meetmoment van elk netwerk ligt de mediaan tussen %(low)s en %(high)s.") % {
            "low": t.number(min(latest_medians.values())), "high": t.number(max(latest_medians.values()))}
    return text


def patterns(framework: Framework, settings: Settings, networks: Sequence[NetworkFigures], t: Translations = DUTCH) -> tuple[str, ...]:
    """What stands out across networks, as sentences for the coaches' meeting.

    - a dimension whose indicators shifted the same way in at least two networks and two thirds of
      those with a previous moment;
    - an indicator where every network (at least two) sits in the same outer third of the line;
    - a value cycle that no network, or only one, has reached.
    """
    _, num = t.gettext, t.number
    found: list[str] = []
    with_change = [n for n in networks if n.changes]
    for dimension in framework.dimensions:
        codes = [i.code for i in framework.indicators_of(dimension.code)]
        shifts = []
        for network in with_change:
            deltas = [c.delta for c in network.changes if c.indicator in codes]
            if deltas:
                shifts.append(sum(deltas) / len(deltas))
        for direction, sentence in (
            (-1, _("%(dimension)s (%(codes)s) schoof in %(moved)s van de %(networks)s netwerken naar links sinds hun vorige meetmoment, gemiddeld %(shift)s per indicator.")),
            (1, _("%(dimension)s (%(codes)s) schoof in %(moved)s van de %(networks)s netwerken naar rechts sinds hun vorige meetmoment, gemiddeld %(shift)s per indicator.")),
        ):
            moved = [s for s in shifts if s * direction >= MINIMUM_DIFFERENCE]
            if len(moved) >= 2 and len(moved) * 3 >= len(shifts) * 2:
                found.append(sentence % {"dimension": dimension.name, "codes": ", ".join(codes), "moved": len(moved), "networks": len(shifts),
                                         "shift": num(sum(moved) / len(moved)).replace("-", "−")})
    third = (settings.scale_max - settings.scale_min) / 3
    for indicator in framework.indicators:
        medians = [n.latest_current[indicator.code].median for n in networks if indicator.code in n.latest_current]
        if len(medians) < 2:
            continue
        for pole, inside in ((indicator.left, max(medians) <= settings.scale_min + third),
                                   (indicator.right, min(medians) >= settings.scale_max - third)):
            if inside:
                found.append(_("Bij %(code)s (%(label)s) staan alle %(networks)s netwerken aan de kant van '%(pole)s': "
                               "de mediaan ligt tussen %(low)s en %(high)s.") % {
                    "code": indicator.code, "label": lower_first(indicator.label), "networks": len(medians), "pole": pole,
                    "low": num(min(medians)), "high": num(max(medians))})
    with_stories = [n for n in networks if n.stories]
    if len(with_stories) >= 2:
        for cycle in framework.cycles:
            reached = sum(1 for n in with_stories if dict(n.cycle_counts).get(cycle.code))
            if reached <= 1:
                found.append(_("%(cycle)s is in %(reached)s van de %(networks)s netwerken met reflecties bereikt.") % {
                    "cycle": cycle.name, "reached": reached, "networks": len(with_stories)})
    return tuple(found)


def matrix_summary(what: str, cells: list[tuple[str, str, float]], t: Translations = DUTCH) -> str:
    """cells: (row, column, value). Names the lowest and the highest cell."""
    if not cells:
        return t.gettext("%(what)s: nog geen cijfers.") % {"what": what}
    low = min(cells, key=lambda c: (c[2], c[0], c[1]))
    high = max(cells, key=lambda c: (c[2], c[0], c[1]))
    return t.gettext("%(what)s. Het laagst: %(low)s (%(low_row)s, %(low_column)s); het hoogst: %(high)s (%(high_row)s, %(high_column)s).") % {
        "what": what, "low": t.number(low[2]), "low_row": low[0], "low_column": low[1],
        "high": t.number(high[2]), "high_row": high[0], "high_column": high[1]}
