"""What happened to someone at the end of the story is answered by a fate told at their name,
though the sentence never says "end" (an article written for the test)."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_text
from tests.conftest import collapse, engine_with_article

NEW = (
    "All of Us Are Dead: the harbour cut\n\n"
    "In the harbour cut, Jang Ha-ri died in the flooded gym while holding the door. "
    "Jang Ha-ri also kept a diary about the archery club in her locker. "
    "The harbour cut has a longer ending for the survivors on the pier.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("end"), "902_harbour", NEW, "2026-10-03")


def test_what_happened_at_the_end_gets_the_fate_told_at_the_name(fresh):
    ev = fresh.ask.evidence
    frame = fresh.ask.frame("what happened to ha-ri at the end")
    assert frame.question.fate == "any" and frame.people
    (sid,) = [s for s, row in fresh.store.sentences.items() if "died in the flooded" in row.display]
    assert sid in ev.gather(frame)
    score = ev.score_sentence(frame, sid)
    assert score.bound and score.accepted


def test_a_fate_only_answers_what_happened_when_the_rest_asks_the_end(fresh):
    ev = fresh.ask.evidence
    frame = fresh.ask.frame("what happened to ha-ri's diary")
    (sid,) = [s for s, row in fresh.store.sentences.items() if "died in the flooded" in row.display]
    assert not ev.score_sentence(frame, sid).bound


def test_the_fate_is_the_answer_shown(fresh):
    text = collapse(to_text(fresh.answer("!ask what happened to ha-ri in the end")))
    assert "died in the flooded gym" in text
