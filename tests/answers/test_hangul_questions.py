"""A Hangul question reads as the English one: a name with a subject particle makes 나오다
"is in" (not a release), a locative particle is "in", and a message with no question word
asks yes or no."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("청산이 시즌2에 나와?", "Lee Cheong-san"),  # dev case
        ("남라가 시즌2에 나와?", "Choi Nam-ra"),
        ("온조는 시즌2에 출연해?", "Nam On-jo"),
    ],
)
def test_a_name_in_season_2_is_its_return(engine, message, name):
    frame = engine.ask.frame(message)
    assert frame.question.atype == "yesno" and frame.question.season == 2
    ans = engine.answer(f"!ask {message}")
    assert ans.ok and ans.title == f"{name} in Season 2"


@pytest.mark.parametrize("message", ["시즌2 언제 나와?", "시즌2가 나와?"])
def test_a_season_coming_out_is_still_its_release(engine, message):
    ans = engine.answer(f"!ask {message}")
    assert ans.ok and "release" in ans.title.lower()


def test_a_question_word_keeps_its_type(engine):
    assert engine.ask.frame("청산은 누가 연기해?").question.atype == "who"
    assert engine.ask.frame("귀남이 죽었어?").question.atype == "yesno"
