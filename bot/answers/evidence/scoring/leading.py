"""Stage: evidence gathered and scored. The order of the lines an answer shows: the key fact
first.

Whichever command picked the lines (by relevance, by how much they are about a person, by
their total score), the line that carries the asked-for type and covers the predicate by
itself leads; a line that only names the subject never leads, and a trailing line covering
none of the predicate is dropped. Among lines alike in that, a fact comes before a writer's
guess, and the picked order stands otherwise.
"""

from __future__ import annotations

from bot.answers.evidence.scoring.evidence import QUOTES, SPEECH, Evidence
from bot.answers.reading.frame import Frame

TYPED, OWN, BORROWED, NONE = range(4)  # what a line gives of what was asked, best first


def tier(ev: Evidence, frame: Frame, sid: int) -> int:
    """What one sentence gives of the question: the asked type and the predicate by itself
    (TYPED), the predicate only (OWN), the predicate only through the sentence beside it
    (BORROWED), or nothing of it (NONE)."""
    sc = ev.score_sentence(frame, sid)
    q = frame.question
    own = bool(sc.itself & frame.concepts) or sc.bound
    if q.fate is not None and frame.people and not sc.bound:
        # "is X dead": a death told of someone it names beside them ("…perished fighting
        # X") is no answer, however well its words match; one told of "they" may be theirs
        if any(sid in ev.ctx.store.mentions.get(e, ()) for e in frame.people):
            return NONE
        own = False
    typed = sc.typed
    if SPEECH in frame.concepts:  # "what did X say": the words themselves, quoted
        text = ev.ctx.store.sentences[sid].display
        typed = typed and SPEECH in sc.itself and any(m in text for m in QUOTES)
    if own:
        return TYPED if typed else OWN
    return BORROWED if sc.coverage > 0 else NONE


def lead_first(ev: Evidence, frame: Frame, sids: list[int]) -> list[int]:
    """The picked sentences, reordered so the one answering what was asked leads; those that
    cover none of the predicate are dropped when another covers some of it."""
    if len(sids) < 2 or not frame.concepts:
        return sids
    check = ev.ctx.check
    tiers = {s: tier(ev, frame, s) for s in sids}
    if all(t == NONE for t in tiers.values()):
        return sids
    at = {s: i for i, s in enumerate(sids)}
    kept = [s for s in sids if tiers[s] != NONE]
    # a speculative line gives way only to a fact of its own tier: the guess that answers
    # ("expected later in 2024") still beats a fact that answers nothing
    return sorted(kept, key=lambda s: (tiers[s], check.traits(s).speculative, at[s]))
