"""Stage: the command decides. `!ask` weighs every candidate with one scoring.

The routed answer (what the command that knows the subject would say: a digest, a timeline,
a cast card, a person's facts) is one candidate, scored over the text it shows; every
gathered sentence and the source list are the others. The best that clears the bar answers,
key fact first; when none does, the reply says the sources don't say, with one nearby line
that the scoring itself does not accept. The reply made of the chosen lines is
deciding/chosen.py's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.answers.commands.asking.deciding.chosen import (
    chosen_answer,
    completed,
    lines_answer,
    quotes_itself,
    source_answer,
)
from bot.answers.commands.asking.honest import dont_know
from bot.answers.commands.asking.yesno.raised import raised_only
from bot.answers.commands.lore import FILLER, distinct
from bot.answers.context import Context
from bot.answers.evidence.gathering.unprinted import unprinted_key
from bot.answers.evidence.rare_words import anchored
from bot.answers.evidence.scoring.evidence import (
    FORECAST,
    SPEECH,
    VALUE_ASPECTS,
    Evidence,
)
from bot.answers.evidence.scoring.leading import lead_first
from bot.answers.evidence.scoring.score import ACCEPT, Score, need
from bot.answers.reading.frame import Frame
from bot.answers.types import Answer

BETTER = 0.25  # how much more of the predicate the pool must cover to overrule the route
MAX_ANSWERS = 3
SOURCE_LIST = 3.0  # the manifest reads as well as the best sentence: it is the record itself
CLOSE = 1.5  # a runner-up joins the reply only within this much of the best total...
NEAR_COVERAGE = 0.15  # ...and of its share of the predicate


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
    # the match, not the title: "What the sources say" would cover a question on the sources
    lines = (ln.text for ln in ans.lines)
    return " ".join([ans.match or "", *lines, *(c.quote for c in ans.citations)])


def decide(
    ctx: Context,
    ev: Evidence,
    frame: Frame,
    proposals: list[tuple[Answer, frozenset[str]]],
    raw: str,
    strict: bool = False,
    subject: bool = False,
) -> tuple[Answer, Trace]:
    """The answer to one question, and the trace of how it was chosen. proposals: what the
    commands would answer (the routed answer first, then facts such as a person's return),
    each with the concepts it states besides its words; strict: the routed answer is a
    status topic's whole timeline, which answers only by the bar every candidate clears;
    subject: the routed answer is the lines picked about the person named, which give way to
    any candidate that clears the bar (they were picked for the name, not for what was asked)."""
    trace = Trace(frame)
    routed = proposals[0][0]
    if not frame.concepts:
        trace.reason = "the question has no predicate beyond its type and names: routed answer"
        return routed, trace
    if (gap := unprinted_key(ctx, ev, frame)) is not None:  # asks of what no article mentions
        trace.reason = f"no article prints “{gap}”, the key word asked: the sources don't say"
        return dont_know(ctx, frame.question, raw, [], routed.match, people=frame.people), trace
    if (raised := raised_only(ctx, ev, frame)) is not None:
        trace.reason = "a yes/no an article only asks itself, and no line settles: it is raised"
        return raised, trace
    aspect = frame.question.aspect  # "how did they…": the means is the type a text carries
    scored = [
        (
            ev.score_text(
                frame,
                "routed" if i == 0 else "fact",
                a.title,
                _routed_text(a),
                a.ok and (not aspect or ctx.check.tells(_routed_text(a), aspect)),
                states,
            ),
            a,
        )
        for i, (a, states) in enumerate(proposals)
    ]
    best_ok = [(s, a) for s, a in scored if a.ok]
    r, routed = max(best_ok or scored[:1], key=lambda sa: sa[0].coverage)
    trace.routed = r
    pool = ev.ranked(frame)
    states = frozenset(ctx.store.vocab.get("ask.fact_concepts", {}).get("sources", []))
    # the articles themselves, when that is all it asks: "which article says there is no
    # trailer" is answered by the sentence that says so, not by the list
    if frame.concepts <= states | {SPEECH} and frame.concepts & states and not frame.people:
        titles = " ".join(src.title for src in ctx.store.sources.values())
        listed = ev.score_text(frame, "sources", "sources", titles, True, states)
        pool.append(replace(listed, quality=SOURCE_LIST))
        pool.sort(key=lambda s: -s.total)
    trace.candidates = pool[:8]
    accepted = [s for s in pool if s.accepted]
    best = accepted[0] if accepted else None
    # the pool overrules the route when it covers clearly more of the predicate, or all the
    # route covers and more
    # route covers and more (judged on the key concepts: a common one only refines)
    keys = set(r.keys)
    # or, about a person, covers as much and prints more of the question's own specific
    # words: "did they kiss" is answered by the kiss, not by their "romantic feelings"
    wider = any(
        (set(s.covered) & keys > set(r.covered) & keys and s.core > r.core)
        or (bool(frame.people) and s.core >= r.core and s.literal > r.literal)
        for s in accepted
    )
    # a strict route answers only by the bar every candidate clears: a timeline covering the
    # topic word but not the detail asked ("the caption on the teaser") is no answer
    clears = r.coverage >= ACCEPT and len(set(r.covered) & keys) >= need(len(keys))
    if strict:
        # a timeline answers a status topic in general; a detail beyond the status words
        # ("who was in the video", "on what site did the teaser drop") goes to the sentence
        # that carries it, when that one says as much otherwise
        detail = keys - _status_concepts(ctx, ev)
        wider = wider or any(set(s.covered) & detail and s.core >= r.core for s in accepted)
        # a forecast asked ("when did they expect it") that the timeline of events does not
        # show goes to the sentences holding one
        guess = FORECAST in keys and FORECAST not in r.covered
        wider = wider or (guess and any(FORECAST in s.itself for s in accepted))
    # the lines picked about a person cover what was asked only together, and without the
    # answer type: any single candidate that clears the bar answers instead
    picked = subject and r.kind == "routed"
    # a route that does not tell the means or outcome asked gives way to a sentence that does
    wider = wider or bool(aspect and not r.typed and best is not None and best.typed)
    wider = wider or (picked and best is not None and best.kind == "sentence")
    # a route sharing only a common word with the question ("dead" of "the walking dead")
    # and none of its key ones is no answer, however confident its heading
    shares_key = bool(set(r.covered) & keys) or not keys
    # a count asked ("how many students made it out") is a value of what it counts: a route
    # whose count is of something else (episodes) answers only by the bar too
    counted = frame.question.atype == "number"
    # a value asked as an aspect ("what time does it drop") that the route does not print
    # is not answered by it, however well it covers the words
    shares_key = shares_key and not (aspect in VALUE_ASPECTS and not r.typed)
    # a name asked ("what's the production company called") is not told by a route that
    # speaks of the thing without naming it
    shares_key = shares_key and not (ev.asked.name_asked(frame) and not r.typed)
    if (
        routed.ok
        and r.coverage > 0
        and shares_key
        and (clears or not (strict or counted))
        and not wider
        and (best is None or best.core < r.core + BETTER)
    ):
        trace.reason = f"the routed answer covers {r.coverage:.0%} of the predicate"
        return routed, trace
    if best is not None and best.kind == "sources":
        trace.chosen = [best]
        trace.reason = "the source list covers the predicate"
        return source_answer(ctx, frame), trace
    if best is not None:
        return _pooled(ctx, ev, frame, accepted, best, trace)
    if (sids := anchored(ctx, ev, frame)) is not None:
        trace.reason = "a rare word of the question anchors sentences that print all it asks"
        return lines_answer(ctx, frame, sids), trace
    if not routed.ok:
        trace.reason = "no candidate covers enough of the predicate; the routed decline stands"
        return routed, trace
    # a line about the thing whose name is asked, not naming it, is no nearby answer either
    near = [
        s.ref
        for s in pool
        if s.kind == "sentence"
        and s.itself
        and s.quality > FILLER
        and s.season
        and ev.asked.names_it(frame, s.ref)
    ][:1]
    trace.reason = "no candidate covers enough of the predicate: the sources don't say"
    return dont_know(ctx, frame.question, raw, near, routed.match, people=frame.people), trace


_STATUS: dict[int, tuple[object, frozenset[str]]] = {}  # per vocabulary, read once


def _status_concepts(ctx: Context, ev: Evidence) -> frozenset[str]:
    """The concepts of every status topic's words ([ask.status], [ask.status_generic])."""
    vocab = ctx.store.vocab
    hit = _STATUS.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        tables = (vocab.get("ask.status", {}), vocab.get("ask.status_generic", {}))
        words = " ".join(sorted({p for t in tables for ps in t.values() for p in ps}))
        if len(_STATUS) > 64:
            _STATUS.clear()
        hit = _STATUS[id(vocab)] = (vocab, ev.concepts.of_text(f"status {words}"))
    return hit[1]


def _pooled(
    ctx: Context, ev: Evidence, frame: Frame, accepted: list[Score], best: Score, trace: Trace
) -> tuple[Answer, Trace]:
    why = frame.question.atype == "why"
    close = [
        s
        for s in accepted
        if s.kind == "sentence"
        # "why": the best line's reason may open the sentence after it; a runner-up must give
        # one itself (the sentence after a scene line is seldom the reason asked for)
        and (s is best or not why or "why" in ctx.check.traits(s.ref).carries)
        and s.total >= best.total - CLOSE
        and (s.typed or not best.typed)  # a reason given: runner-ups give one too
        # says as much of what was asked: all the best covers by itself, or nearly its share
        and (set(s.covered) >= best.itself or s.coverage >= best.coverage - NEAR_COVERAGE)
    ]
    if SPEECH in frame.concepts:  # "what did X say": the lines quoting words come first
        close.sort(key=lambda s: not quotes_itself(ctx, s))
    chosen_ids = distinct(ctx, [s.ref for s in close], MAX_ANSWERS)
    # the answering line first; a reason or a quote then follows the line it completes
    chosen_ids = completed(ctx, ev, frame, lead_first(ev, frame, chosen_ids))
    trace.chosen = [s for s in close if s.ref in chosen_ids]
    trace.reason = f"best candidate covers {best.coverage:.0%} of the predicate" + (
        f" (the routed answer {trace.routed.coverage:.0%})" if trace.routed else ""
    )
    return chosen_answer(ctx, ev, frame, chosen_ids), trace
