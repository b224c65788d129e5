"""The bot-wide cooldown and the unknown-word decision, as pure functions."""

from __future__ import annotations

import pytest

from bot.glue.cooldown import UserCooldown, Verdict


def test_five_per_window_then_one_notice_then_silence():
    now = [0.0]
    cd = UserCooldown(rate=5, per=30, clock=lambda: now[0])
    assert [cd.hit(1) for _ in range(5)] == [Verdict.ALLOW] * 5
    assert cd.hit(1) is Verdict.NOTIFY
    assert {cd.hit(1) for _ in range(50)} == {Verdict.SILENT}
    assert cd.hit(2) is Verdict.ALLOW  # another user has their own window
    assert cd.retry_after(1) == 30
    now[0] = 30.0
    assert cd.hit(1) is Verdict.ALLOW


@pytest.mark.parametrize("word", ["jonus", "onjo", "cheongsan", "namra", "hamby", "24khz", "cure"])
def test_known_names_and_topics_are_strong(engine, word):
    assert engine.knows(word)


@pytest.mark.parametrize(
    ("word", "rest"),
    [("play", "despacito"), ("rank", ""), ("clear", "50"), ("lee", ""), ("meme", ""), ("", "")],
)
def test_other_bots_words_are_not(engine, word, rest):
    assert not engine.knows(word, rest)
