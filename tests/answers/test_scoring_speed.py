"""The candidate scoring's fast path (a frame's totals read once, a sentence's borrowed
concepts read once) scores as the plain reading does: the same coverage, key share and
concepts as `Evidence.coverage` over the sentence, its context and the speech it leads to."""

from __future__ import annotations

import pytest

from bot.answers.evidence.scoring.score import Score

QUESTIONS = [
    "who created the virus",
    "whats hyosan high school",
    "why did cheong-san sacrifice himself",
    "how many episodes",
    "is cheong san coming back",
    "what did the director say about season 2",
    "does nam-ra survive",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_sentence_scores_as_its_plain_coverage(engine, question):
    ev = engine.ask.evidence
    frame = engine.ask.frame(question)
    sids = ev.gather(frame)
    assert sids
    for sid in sids:
        s = ev.score_sentence(frame, sid)
        own = ev.said_of(frame, sid)  # another character's clause aside
        if s.bound:
            own = own | (frame.concepts & ev.asked.life_concepts)
        context = ev.context(sid) | ev._quoted_next(sid)
        assert (s.coverage, s.covered, s.core) == ev.coverage(frame, own, context), sid
        assert s.keys == ev.keys(frame)
        assert s.quality == engine.ctx.check.worth(sid)


def test_the_ranking_reads_totals_in_order(engine):
    ev = engine.ask.evidence
    frame = engine.ask.frame("who created the virus")
    ranked = ev.ranked(frame)
    assert len(ranked) > 3
    assert {s.ref for s in ranked} == set(ev.gather(frame))
    # best first, but for candidates within a tie put in their articles' order
    assert ranked[0].total >= max(s.total for s in ranked) - 0.11


def test_a_score_is_a_value():
    a = Score("sentence", 1, 1.0, 0.5, True, True, 0.0)
    assert a == Score("sentence", 1, 1.0, 0.5, True, True, 0.0) and hash(a) == hash(
        Score("sentence", 1, 1.0, 0.5, True, True, 0.0)
    )
