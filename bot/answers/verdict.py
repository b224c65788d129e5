"""Stage: the command decides. `!ask` weighs every candidate with one scoring.

The routed answer (what the command that knows the subject would say: a digest, a timeline,
a cast card, a person's facts) is one candidate, scored over the text it shows; every
gathered sentence and the source list are the others. The best that clears the bar answers,
key fact first; when none does, the reply says the sources don't say, with one nearby line
that the scoring itself does not accept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answers.context import Context
from bot.answers.evidence import Evidence, Score
from bot.answers.frame import Frame
from bot.answers.honest import dont_know
from bot.answers.lore import FILLER, distinct, fact_lines
from bot.answers.types import Answer, Citer, Line

BETTER = 0.25  # how much more of the predicate the pool must cover to overrule the route
MAX_ANSWERS = 3
CLOSE = 1.5  # a runner-up joins the reply only within this much of the best total


@dataclass
class Trace:
    """Why `!ask` answered as it did: for `ask --explain`."""

    frame: Frame
    routed: Score | None = None
    candidates: list[Score] = field(default_factory=list)
    chosen: list[Score] = field(default_factory=list)
    reason: str = ""


def _routed_text(ans: Answer) -> str:
    """What an answer shows, to score it by; a decline shows nothing (its echo of the
    question is no evidence)."""
    if not ans.ok:
        return ""
    return " ".join([ans.title, *(ln.text for ln in ans.lines), *(c.quote for c in ans.citations)])


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


def decide(
    ctx: Context, ev: Evidence, frame: Frame, proposals: list[Answer], raw: str
) -> tuple[Answer, Trace]:
    """The answer to one question, and the trace of how it was chosen. proposals: what the
    commands would answer (the routed answer first, then facts such as a person's return)."""
    trace = Trace(frame)
    routed = proposals[0]
    if not frame.concepts:
        trace.reason = "the question has no predicate beyond its type and names: routed answer"
        return routed, trace
    scored = [
        (ev.score_text(frame, "routed" if i == 0 else "fact", a.title, _routed_text(a), a.ok), a)
        for i, a in enumerate(proposals)
    ]
    best_ok = [(s, a) for s, a in scored if a.ok]
    r, routed = max(best_ok or scored[:1], key=lambda sa: sa[0].coverage)
    trace.routed = r
    pool = ev.ranked(frame)
    if "source" in frame.concepts and not frame.people:
        text = " ".join(
            ["source article published date newest oldest title"]
            + [s.title for s in ctx.store.sources.values()]
        )
        pool.insert(0, ev.score_text(frame, "sources", "sources", text, True))
    trace.candidates = pool[:8]
    accepted = [s for s in pool if s.accepted]
    best = accepted[0] if accepted else None
    if routed.ok and r.coverage > 0 and (best is None or best.coverage < r.coverage + BETTER):
        trace.reason = f"the routed answer covers {r.coverage:.0%} of the predicate"
        return routed, trace
    if best is not None and best.kind == "sources":
        trace.chosen = [best]
        trace.reason = "the source list covers the predicate"
        return source_answer(ctx, frame), trace
    if best is not None:
        return _pooled(ctx, frame, accepted, best, trace)
    if not routed.ok:
        trace.reason = "no candidate covers enough of the predicate; the routed decline stands"
        return routed, trace
    near = [
        s.ref
        for s in pool
        if s.kind == "sentence" and s.own and s.coverage > 0 and s.quality > FILLER and s.season
    ][:1]
    trace.reason = "no candidate covers enough of the predicate: the sources don't say"
    label = routed.match if routed.ok else None
    return dont_know(ctx, frame.question, raw, near, label), trace


def _with_reasons(ctx: Context, sids: list[int]) -> list[int]:
    """For "why": a sentence that states what happened is followed by the next sentence of its
    article when that one gives the reason ("…stayed back. This is because…")."""
    out: list[int] = []
    for sid in sids:
        out.append(sid)
        nxt = ctx.store.sentences.get(sid + 1)
        if (
            "why" not in ctx.check.traits(sid).carries
            and nxt is not None
            and nxt.source_id == ctx.store.sentences[sid].source_id
            and ctx.check.readable(sid + 1)
            and "why" in ctx.check.traits(sid + 1).carries
            and sid + 1 not in sids
        ):
            out.append(sid + 1)
    return out


def _pooled(
    ctx: Context, frame: Frame, accepted: list[Score], best: Score, trace: Trace
) -> tuple[Answer, Trace]:
    close = [s for s in accepted if s.kind == "sentence" and s.total >= best.total - CLOSE]
    chosen_ids = distinct(ctx, [s.ref for s in close], MAX_ANSWERS)
    if frame.question.atype == "why":
        chosen_ids = _with_reasons(ctx, chosen_ids)
    trace.chosen = [s for s in close if s.ref in chosen_ids]
    trace.reason = f"best candidate covers {best.coverage:.0%} of the predicate" + (
        f" (the routed answer {trace.routed.coverage:.0%})" if trace.routed else ""
    )
    cite = Citer(ctx.store)
    name = ctx.name(frame.people[0]) if frame.people else None
    title = f"{name}: what the sources say" if name else "What the sources say"
    return Answer(
        "ask", True, name, title, fact_lines(ctx, chosen_ids, cite), cite.citations
    ), trace
