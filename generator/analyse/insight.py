"""Stage 2, analyse (insight): what the figures say, in plain Dutch sentences.

Conversation starters (where the crosses differ most, where current and desired lie furthest apart,
what moved most) and the one- or two-sentence summary of every chart, used as its accessible
description and shown under it. Sentences describe positions between two poles; none calls a
position good or bad: the network sets its own goals.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from generator.analyse.figures import Change, NetworkFigures, Spread, Starter
from generator.core.framework import Framework
from generator.core.settings import Settings
from generator.core.text import count
from generator.core.text import number as num
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


def _towards(framework: Framework, code: str, difference: float) -> str:
    indicator = framework.indicator(code)
    return indicator.right if difference > 0 else indicator.left


def conversation_starters(framework: Framework, latest_spreads: dict[tuple[str, Situation], Spread], changes: Sequence[Change], previous_label: str | None) -> tuple[Starter, ...]:
    """A short ranked list per kind; ties go to the indicator that comes first in the framework."""
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    starters: list[Starter] = []
    current = [s for (code, situation), s in latest_spreads.items() if situation == Situation.CURRENT and s.n > 1 and s.iqr > 0]
    for rank, s in enumerate(sorted(current, key=lambda s: (-s.iqr, -(s.high - s.low), order[s.indicator]))[:STARTERS_PER_KIND]):
        lead = f"Over {_name(framework, s.indicator)} lopen jullie beelden het verst uiteen" if rank == 0 else \
            f"Ook over {_name(framework, s.indicator)} lopen de beelden uiteen"
        starters.append(Starter(SPREAD, s.indicator, (
            f"{lead}: de kruisjes liggen tussen {num(s.low)} en {num(s.high)}, de middelste helft tussen {num(s.q1)} en {num(s.q3)}."
        )))
    gaps = []
    for (code, situation), s in latest_spreads.items():
        desired = latest_spreads.get((code, Situation.DESIRED))
        if situation == Situation.CURRENT and desired is not None and abs(desired.median - s.median) >= MINIMUM_DIFFERENCE:
            gaps.append((s, desired))
    for rank, (s, desired) in enumerate(sorted(gaps, key=lambda pair: (-abs(pair[1].median - pair[0].median), order[pair[0].indicator]))[:STARTERS_PER_KIND]):
        difference = desired.median - s.median
        lead = f"Bij {_name(framework, s.indicator)} ligt het gewenste het verst van het huidige" if rank == 0 else \
            f"Ook bij {_name(framework, s.indicator)} verschillen huidig en gewenst"
        starters.append(Starter(GAP, s.indicator, (
            f"{lead}: de mediaan is nu {num(s.median)} en gewenst {num(desired.median)}, "
            f"{num(abs(difference))} {'punt' if abs(difference) == 1 else 'punten'} richting '{_towards(framework, s.indicator, difference)}'."
        )))
    moved = [c for c in changes if abs(c.delta) >= MINIMUM_DIFFERENCE]
    for rank, c in enumerate(sorted(moved, key=lambda c: (-abs(c.delta), order[c.indicator]))[:STARTERS_PER_KIND]):
        lead = f"Sinds {previous_label} verschoof {_name(framework, c.indicator)} het meest" if rank == 0 else \
            f"Ook {_name(framework, c.indicator)} verschoof"
        starters.append(Starter(MOVEMENT, c.indicator, (
            f"{lead}: de mediaan ging van {num(c.previous)} naar {num(c.latest)}, richting '{_towards(framework, c.indicator, c.delta)}'."
        )))
    return tuple(starters)


def positions_summary(network: str, moment: str, people: int | None, starters: tuple[Starter, ...], framework: Framework, public: bool) -> str:
    first = (f"De mediaan van {network} op {moment} per indicator, huidig en gewenst." if public else
             f"De kruisjes van {people} {'deelnemer' if people == 1 else 'deelnemers'} van {network} op {moment}, "
             f"per indicator tussen de twee polen, met de mediaan van de groep.")
    spread = next((s for s in starters if s.kind == SPREAD), None)
    gap = next((s for s in starters if s.kind == GAP), None)
    parts = []
    if spread and not public:
        parts.append(f"de beelden lopen het verst uiteen bij {spread.indicator} ({lower_first(framework.indicator(spread.indicator).label)})")
    if gap:
        parts.append(f"huidig en gewenst liggen het verst uiteen bij {gap.indicator} ({lower_first(framework.indicator(gap.indicator).label)})")
    if not parts:
        return first
    second = " en ".join(parts)
    return f"{first} {second[0].upper()}{second[1:]}."


def change_summary(network: str, previous: str, latest: str, changes: Sequence[Change], framework: Framework) -> str:
    order = {code: i for i, code in enumerate(framework.indicator_codes())}
    ups = sum(1 for c in changes if c.delta >= MINIMUM_DIFFERENCE)
    downs = sum(1 for c in changes if c.delta <= -MINIMUM_DIFFERENCE)
    steady = len(changes) - ups - downs
    text = (f"Van {previous} naar {latest} schoof de mediaan van {network} bij {count(ups, 'indicator', 'indicatoren')} naar rechts, "
            f"bij {downs} naar links en bleef hij bij {steady} (bijna) gelijk.")
    biggest = max(changes, key=lambda c: (abs(c.delta), -order[c.indicator]), default=None)
    if biggest is not None and abs(biggest.delta) >= MINIMUM_DIFFERENCE:
        text += f" De grootste verschuiving: {biggest.indicator}, van {num(biggest.previous)} naar {num(biggest.latest)}."
    return text


def participation_summary(network: str, counts: list[tuple[str, int]]) -> str:
    if not counts:
        return f"Voor {network} zijn nog geen deelnemers met scores."
    if len(counts) <= 4:
        listed = [f"{n} op {moment}" for moment, n in counts]
        joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " en " + listed[-1]
        return f"Deelnemers van {network} met scores: {joined}."
    first, last = counts[0], counts[-1]
    highest = max(counts, key=lambda pair: pair[1])
    return (f"Het aantal deelnemers van {network} met scores ging van {first[1]} op {first[0]} naar {last[1]} op {last[0]}; "
            f"het hoogst was {highest[1]}, op {highest[0]}.")


def cycles_summary(network: str, cycle_counts: list[tuple[str, int]]) -> str:
    total = sum(count for _, count in cycle_counts)
    reached = [name for name, count in cycle_counts if count]
    missing = [name for name, count in cycle_counts if not count]
    text = f"{network} heeft {total} {'reflectie' if total == 1 else 'reflecties'} in {len(reached)} van de 5 cycli van waardecreatie."
    if missing:
        text += f" Nog niet bereikt: {', '.join(lower_first(m) for m in missing)}."
    return text


def meetings_summary(network: str, meetings: list[tuple[str, float]]) -> str:
    if len(meetings) == 1:
        return f"De bijeenkomst van {network} op {meetings[0][0]} kreeg gemiddeld een {num(meetings[0][1])}."
    low = min(meetings, key=lambda m: m[1])
    high = max(meetings, key=lambda m: m[1])
    return (f"{len(meetings)} bijeenkomsten van {network} kregen gemiddeld tussen {num(low[1])} ({low[0]}) "
            f"en {num(high[1])} ({high[0]}).")


def paths_summary(network: str, first: str, last: str, people: int) -> str:
    return (f"Per indicator het pad van elk van de {people} deelnemers van {network} van {first} tot {last}, "
            f"met de mediaan van de groep; kies de indicator boven de grafiek.")


def trend_summary(label: str, latest_medians: dict[str, float]) -> str:
    """latest_medians: network → the median at that network's latest moment."""
    text = f"{label}: de mediaan van {count(len(latest_medians), 'netwerk', 'netwerken')} per meetmoment."
    if latest_medians:
        text += (f" Op het laatste meetmoment van elk netwerk ligt de mediaan tussen {num(min(latest_medians.values()))} "
                 f"en {num(max(latest_medians.values()))}.")
    return text


def patterns(framework: Framework, settings: Settings, networks: Sequence[NetworkFigures]) -> tuple[str, ...]:
    """What stands out across networks, as sentences for the coaches' meeting.

    - a dimension whose indicators shifted the same way in at least two networks and two thirds of
      those with a previous moment;
    - an indicator where every network (at least two) sits in the same outer third of the line;
    - a value cycle that no network, or only one, has reached.
    """
    found: list[str] = []
    with_change = [n for n in networks if n.changes]
    for dimension in framework.dimensions:
        codes = [i.code for i in framework.indicators_of(dimension.code)]
        shifts = []
        for network in with_change:
            deltas = [c.delta for c in network.changes if c.indicator in codes]
            if deltas:
                shifts.append(sum(deltas) / len(deltas))
        for direction, word in ((-1, "links"), (1, "rechts")):
            moved = [s for s in shifts if s * direction >= MINIMUM_DIFFERENCE]
            if len(moved) >= 2 and len(moved) * 3 >= len(shifts) * 2:
                found.append(
                    f"{dimension.name} ({', '.join(codes)}) schoof in {len(moved)} van de {len(shifts)} netwerken naar {word} "
                    f"sinds hun vorige meetmoment, gemiddeld {num(sum(moved) / len(moved)).replace('-', '−')} per indicator."
                )
    third = (settings.scale_max - settings.scale_min) / 3
    for indicator in framework.indicators:
        medians = [n.latest_current[indicator.code].median for n in networks if indicator.code in n.latest_current]
        if len(medians) < 2:
            continue
        for pole, inside in ((indicator.left, max(medians) <= settings.scale_min + third),
                                   (indicator.right, min(medians) >= settings.scale_max - third)):
            if inside:
                found.append(
                    f"Bij {indicator.code} ({lower_first(indicator.label)}) staan alle {len(medians)} netwerken aan de kant van "
                    f"'{pole}': de mediaan ligt tussen {num(min(medians))} en {num(max(medians))}."
                )
    with_stories = [n for n in networks if n.stories]
    if len(with_stories) >= 2:
        for cycle in framework.cycles:
            reached = sum(1 for n in with_stories if dict(n.cycle_counts).get(cycle.code))
            if reached <= 1:
                found.append(f"{cycle.name} is in {reached} van de {len(with_stories)} netwerken met reflecties bereikt.")
    return tuple(found)


def matrix_summary(what: str, cells: list[tuple[str, str, float]], unit: str = "") -> str:
    """cells: (row, column, value). Names the lowest and the highest cell."""
    if not cells:
        return f"{what}: nog geen cijfers."
    low = min(cells, key=lambda c: (c[2], c[0], c[1]))
    high = max(cells, key=lambda c: (c[2], c[0], c[1]))
    return (f"{what}. Het laagst: {num(low[2])}{unit} ({low[0]}, {low[1]}); "
            f"het hoogst: {num(high[2])}{unit} ({high[0]}, {high[1]}).")
