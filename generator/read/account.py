"""Stage 1, read (account): what Netwerkspiegel does with every column of a table, for `check`.

Nothing is dropped silently: each column is read as something (a score of 1a, a reflection on
applied value, consent, an identity, the moment, the form tool's time stamp), or named as not read,
with why (the tool's own data, 'negeren', the same as an earlier column, no heading, or not understood)."""

from __future__ import annotations

from generator.core.model import ColumnUse, NotRead
from generator.core.vocabulary import Meaning, TableKind
from generator.read.recognise import Layout


def column_uses(header: tuple[str, ...], layout: Layout) -> tuple[ColumnUse, ...]:
    """Every column of a table with `header`: what it is read as, or why it is not."""
    read: dict[int, tuple[Meaning, tuple[str | int, ...]]] = {}
    for meaning, indices in layout.every.items():
        for index in indices:
            read[index] = (meaning, ())
    if Meaning.TIME in layout.columns:  # the start time counts only where a form has no completion time
        for index in layout.all_of(Meaning.START_TIME):
            read[index] = (Meaning.OTHER_TIME, ())
    family = Meaning.SHARED_QUESTION if layout.kind == TableKind.SHARED_PICTURE else Meaning.INDICATOR_QUESTION
    for index, code, situation in layout.indicators:
        read[index] = (family, (code, situation.value))
    for index, cycle in layout.cycles:
        read[index] = (Meaning.CYCLE_QUESTION, (cycle,))
    for index, code in layout.notes:
        read[index] = (Meaning.NOTE_QUESTION, (code,))
    for index, cycle in layout.consents:
        read[index] = (Meaning.PUBLIC, (cycle,))
    for meaning, index in layout.columns.items():  # a canonical table may read a name column as its participant
        read.setdefault(index, (meaning, ()))
    mapped = {index for index, _ in layout.mapped}
    same = {index for index, _ in layout.ambiguous}
    uses = []
    for index, name in enumerate(header):
        found = read.get(index)
        if found is not None:
            uses.append(ColumnUse(index, name, found[0], found[1], mapped=index in mapped))
            continue
        if not name.strip():
            reason = NotRead.NO_HEADER
        elif index in layout.ignored:
            reason = NotRead.IGNORED if index in mapped else NotRead.TOOL
        elif index in same:
            reason = NotRead.SAME
        else:
            reason = NotRead.UNPLACED
        uses.append(ColumnUse(index, name, None, (), reason, mapped=index in mapped))
    return tuple(uses)
