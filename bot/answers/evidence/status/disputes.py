"""When two status claims disagree, rather than one updating the other (see digest.py)."""

from __future__ import annotations

import datetime as dt

from bot.answers.evidence.status.labels import PLANNED
from bot.answers.evidence.status.values import compatible
from bot.facts.store import ClaimRow, FactStore


def firm(c: ClaimRow) -> bool:
    """Stated (or denied) on the source's own authority, not planned or forecast."""
    return c.modality in ("confirmed", "denied") and PLANNED not in c.state


def day(c: ClaimRow) -> int:
    return dt.date.fromisoformat(c.published).toordinal()


def denies_event(store: FactStore, absence, event, rank, explicit, setback) -> bool:
    """Whether a newer firm "not yet" stands against an older explicit report that the event
    happened ("no trailer yet" a year after "Netflix dropped the teaser"): a dispute, however
    far apart, as an absence says nothing of what an article before it saw. Claims must be
    alike in weight: a stated, unhedged absence against a stated event in explicit words or
    with a date; a setback ("the teaser was pulled") is news, not a dispute."""
    text = store.sentences[absence.sentence_id].display
    return (
        rank(absence) == 0
        and rank(event) > 0
        and day(event) < day(absence)
        and firm(absence)
        and not absence.hedged
        and firm(event)
        and event.modality == "confirmed"
        and not event.hedged
        and (bool(event.value) or explicit.any(store.sentences[event.sentence_id].display))
        and not (setback.phrases and setback.any(text))
    )


def conflict(a: ClaimRow, b: ClaimRow, rank) -> bool:
    """Whether two claims cannot both hold: "not yet" beside an event, or one state with two
    values. States are cumulative: a teaser out does not contradict a full trailer out."""
    if a.state == b.state:
        return not compatible(a, b)
    return min(rank(a), rank(b)) == 0
