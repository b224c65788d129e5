"""Stage: the command decides. A yes/no about someone that an article itself only asks ("Is Mr.
Lee a Hybrid?" as a heading) and no line settles: the articles raise it, they do not answer it.

The reply says so, quoting the article's own question, then the lines under it that name the
person (the scene it rests on), so a fan sees what the guess is built on; not a definition of
the word asked.
"""

from __future__ import annotations

import re

from bot.answers.commands.lore import fact_lines
from bot.answers.context import Context
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.evidence.scoring.leading import settles
from bot.answers.reading.frame import Frame
from bot.answers.types import Answer, Citer, Line

MAX_UNDER = 2  # lines shown from under the article's question
_PRONOUN = re.compile(r"^(?:he|she|they|his|her|their)\b", re.IGNORECASE)


def _asks(ctx: Context, sid: int) -> bool:
    """Whether a sentence is itself a question (an article's heading or aside)."""
    return ctx.store.sentences[sid].display.strip().endswith("?")


def raised_only(ctx: Context, ev: Evidence, frame: Frame) -> Answer | None:
    """The article's own question and the lines under it, when a yes/no of someone named is
    one an article only asks (its question names them and carries every key concept asked)
    and no accepted line settles it; else None."""
    q = frame.question
    if q.atype != "yesno" or not frame.people or not frame.concepts:
        return None
    store = ctx.store
    keys = set(ev.keys(frame))
    named = sorted({s for e in frame.people for s in store.mentions.get(e, ())})
    heads = [s for s in named if _asks(ctx, s) and keys <= ev.sentence_concepts(s)]
    if not heads:
        return None
    if any(s.accepted and settles(ev, frame, s.ref) for s in ev.ranked(frame)[:8]):
        return None  # a line states it as fact: that answers, not the article's question
    head = heads[0]
    source = store.sentences[head].source_id
    under: list[int] = []
    for sid in sorted(store.sentences):
        row = store.sentences[sid]
        if sid <= head or row.source_id != source:
            continue
        if _asks(ctx, sid):
            break  # the next question of the article: its section ends
        if sid in named and ctx.check.readable(sid):
            under.append(sid)
            nxt = store.sentences.get(sid + 1)
            if nxt is not None and nxt.source_id == source and _PRONOUN.match(nxt.display):
                under.append(sid + 1)  # "He walked calmly ahead…": the scene itself
        if len(under) >= MAX_UNDER:
            break
    if not under:
        return None  # nothing under the question names them: the usual scoring answers
    cite = Citer(ctx.store)
    name = ctx.name(frame.people[0])
    said = store.sentences[head].display.strip()
    lines = [
        Line(f"The articles only raise it: “{said}” {cite.cite(head)} — none says so as fact.")
    ]
    lines.append(Line("What that article says under it:"))
    lines += fact_lines(ctx, under[:MAX_UNDER], cite)
    return Answer("ask", True, name, f"{name}: only raised", lines, cite.citations)
