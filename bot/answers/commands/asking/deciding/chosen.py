"""Stage: the command decides. The reply a verdict makes of the candidates it chose.

The chosen sentences as lines, the answering one first and a reason or quote after the line it
completes ("…stayed back. This is because…"), with "Yes" said when the first settles a yes/no;
the source list as an answer; sentences a rare word anchors.
"""

from __future__ import annotations

import re

from bot.answers.commands.asking.pooled import counted_facts
from bot.answers.commands.lore import fact_lines
from bot.answers.context import Context
from bot.answers.evidence.scoring.evidence import QUOTES, SPEECH, Evidence
from bot.answers.evidence.scoring.leading import settles
from bot.answers.evidence.scoring.score import Score
from bot.answers.reading.frame import Frame
from bot.answers.types import Answer, Citer, Line


def source_answer(ctx: Context, frame: Frame) -> Answer:
    """The source list as an answer: the newest or oldest article when asked, else all."""
    rows = sorted(ctx.store.sources.values(), key=lambda s: (s.published, s.id), reverse=True)
    want = frame.concepts
    if "oldest" in want:
        rows, title = rows[-1:], "The oldest article"
    elif "newest" in want:
        rows, title = rows[:1], "The newest article"
    else:
        title = f"{len(rows)} articles"
    lines = [
        Line(f"{s.published}{' (estimated)' if s.estimated else ''} — {s.title} `{s.id}`")
        for s in rows
    ]
    return Answer("ask", True, None, title, lines)


def completed(ctx: Context, ev: Evidence, frame: Frame, sids: list[int]) -> list[int]:
    """A sentence that sets up what was asked is followed by the next sentence of its article
    when that one carries it: the reason for "why" ("…stayed back. This is because…"), the
    quoted words for "what did X say" ("…offered these hints. “If season 1…”"); one chosen
    anyway is moved up to follow it."""
    why = frame.question.atype == "why"
    speech = SPEECH in frame.concepts
    out: list[int] = []
    for sid in sids:
        if sid in out:  # shown already, right after the sentence it completes
            continue
        out.append(sid)
        nxt = ctx.store.sentences.get(sid + 1)
        if nxt is None or sid + 1 in out or nxt.source_id != ctx.store.sentences[sid].source_id:
            continue
        if not ctx.check.readable(sid + 1):
            continue
        gives_reason = why and "why" not in ctx.check.traits(sid).carries
        gives_reason = gives_reason and "why" in ctx.check.traits(sid + 1).carries
        # a sentence that only sets words up ("…offered these hints") quotes none itself
        row = ctx.store.sentences[sid]
        quotes = speech and not any(q in row.display for q in QUOTES)
        quotes = quotes and SPEECH in ev.sentence_concepts(sid + 1)
        if gives_reason or quotes:
            out.append(sid + 1)
    return out


def lines_answer(ctx: Context, frame: Frame, sids: list[int]) -> Answer:
    """Sentences a rare word anchors, as the reply (facts counted beside them)."""
    cite = Citer(ctx.store)
    name = ctx.name(frame.people[0]) if frame.people else None
    title = f"{name}: what the sources say" if name else "What the sources say"
    facts = counted_facts(ctx, frame.question, sids)
    return Answer(
        "ask", True, name, title, fact_lines(ctx, sids, cite, facts=facts), cite.citations
    )


def quotes_itself(ctx: Context, s: Score) -> bool:
    """Whether a candidate sentence quotes someone's words itself (not only leads to them)."""
    text = ctx.store.sentences[s.ref].display
    return SPEECH in s.itself and any(q in text for q in QUOTES)


def chosen_answer(ctx: Context, ev: Evidence, frame: Frame, chosen_ids: list[int]) -> Answer:
    """The chosen sentences as the reply, in the order given; a line that settles a yes/no
    is said to."""
    cite = Citer(ctx.store)
    name = ctx.name(frame.people[0]) if frame.people else None
    title = f"{name}: what the sources say" if name else "What the sources say"
    facts = counted_facts(ctx, frame.question, chosen_ids)  # a count stated beside a guess
    lines = fact_lines(ctx, chosen_ids, cite, facts=facts)
    # "is X a zombie": the line says so; "is she alive or dead" asks which, not yes or no
    either = re.search(r"\bor\b(?! not\b)", frame.question.text) is not None
    if chosen_ids and settles(ev, frame, chosen_ids[0]) and not either:
        lines.insert(0, Line(f"Yes — per {cite.cite(chosen_ids[0])}:"))
    return Answer("ask", True, name, title, lines, cite.citations)
