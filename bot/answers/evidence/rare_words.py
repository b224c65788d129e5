"""Stage: evidence gathered. A word of the question that only a few sentences print anchors
an answer by itself ("what testosterone thing did the teacher do").

The scoring judges each sentence alone, so a sentence printing the rare word but leaving the
rest of the question to the sentences around it ("…the science teacher invented it… In the
tapes that he left behind, he extracted testosterone…") clears no bar. Here the rare word's
sentences are candidates whatever the curated concepts say: one answers when it and the
sentences next to it, in the same article and section, print every concept of the question
(each of them specific, none printed nowhere) and one of them carries the answer type.
"""

from __future__ import annotations

from bot.answers.context import Context
from bot.answers.evidence.scoring.evidence import SPEECH, Evidence
from bot.answers.reading.frame import Frame

RARE = 3  # a concept printed in at most this many readable sentences is rare
WINDOW = 3  # sentences either side of the rare word's sentence that may help it
MAX_LINES = 3

_POSTINGS: dict[int, tuple[Evidence, dict[str, list[int]]]] = {}  # per Evidence object


def _postings(ctx: Context, ev: Evidence) -> dict[str, list[int]]:
    """The readable sentences carrying each concept (read once per Evidence)."""
    hit = _POSTINGS.get(id(ev))
    if hit is None or hit[0] is not ev:
        out: dict[str, list[int]] = {}
        for sid, s in ctx.store.sentences.items():
            if s.kind == "text" and ctx.check.readable(sid):
                for c in ev.sentence_concepts(sid):
                    out.setdefault(c, []).append(sid)
        if len(_POSTINGS) > 8:
            _POSTINGS.clear()
        hit = _POSTINGS[id(ev)] = (ev, out)
    return hit[1]


def _window(ctx: Context, sid: int) -> list[int]:
    """The readable text sentences near one, in its article and section, in article order."""
    sentences = ctx.store.sentences
    row = sentences[sid]
    out = []
    for k in range(sid - WINDOW, sid + WINDOW + 1):
        s = sentences.get(k)
        if (
            s is not None
            and s.source_id == row.source_id
            and s.section == row.section
            and s.kind == "text"
            and ctx.check.readable(k)
        ):
            out.append(k)
    return out


def anchored(ctx: Context, ev: Evidence, frame: Frame) -> list[int] | None:
    """The sentences answering a question through a rare word it names (the rare word's
    sentence and the neighbours that print the rest, in article order), or None."""
    want = set(frame.concepts) - {SPEECH}  # "what did the tapes say": how it is asked, not what
    postings = _postings(ctx, ev)
    if len(want) < 2 or any(c not in postings for c in want):
        return None  # one word is the scoring's own case; one never printed, nothing answers
    if not want <= set(ev.keys(frame)):
        return None  # a common word ("dead") is met by any neighbour: no sign of one topic
    atype = frame.question.atype
    rare = sorted((c for c in want if len(postings[c]) <= RARE), key=lambda c: len(postings[c]))
    if not rare:
        return None
    best: list[int] | None = None
    for anchor in postings[rare[0]]:
        near = _window(ctx, anchor)
        if frame.people and not any(
            k in ctx.store.mentions.get(e, ()) for e in frame.people for k in near
        ):
            continue  # the people asked about are not there
        chosen, left = [anchor], want - ev.sentence_concepts(anchor)
        while left:  # the neighbour printing most of what is left, nearest first
            k = max(
                (k for k in near if k not in chosen),
                key=lambda k: (len(left & ev.sentence_concepts(k)), -abs(k - anchor)),
                default=None,
            )
            if k is None or not left & ev.sentence_concepts(k):
                break
            chosen.append(k)
            left -= ev.sentence_concepts(k)
        if left or len(chosen) > MAX_LINES:
            continue
        if not any(atype in ctx.check.traits(k).carries for k in chosen):
            continue  # "where is that quote from": the quote itself does not say where
        if best is None or len(chosen) < len(best):
            best = chosen
    return sorted(best) if best else None
