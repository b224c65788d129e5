"""Commands that read their argument as a fan words it: the question around a name in `!cast`,
a question after `!sources`, two names the articles print, an article named by its order, and
a pronoun with no one before it."""

from __future__ import annotations

import pytest

from bot.console import reply


@pytest.mark.parametrize(
    ("msg", "name"),
    [
        ("!cast who plays suhyeok", "Lee Su-hyeok"),
        ("!cast whos the actor for namra", "Choi Nam-ra"),
        ("!cast who is onjo played by", "Nam On-jo"),
        ("!cast who's the actor for hari", "Jang Ha-ri"),
        ("!cast who is the director", "Lee Jae-kyoo"),
        ("!cast who plays the villain", "Yoon Gwi-nam"),
    ],
)
def test_cast_reads_the_name_inside_a_question(engine, msg, name):
    answer = reply(engine, msg)
    assert answer.ok, answer.lines
    assert name in answer.lines[0].text or answer.match == name, answer.lines


@pytest.mark.parametrize(
    ("msg", "first"),
    [
        ("!sources which one is the newest", "The newest: “All of Us Are Dead Season 2: Every"),
        ("!sources which is the oldest", "The oldest: “All of Us Are Dead Season 2: Renewal"),
        ("!sources how many are there", "5 articles."),
        ("!sources from teen vogue", "No article is recorded as from “teen vogue”; it is named"),
        ("!sources banana", "I can't read “banana” as a question about the list"),
    ],
)
def test_a_question_after_sources_is_answered_first(engine, msg, first):
    answer = reply(engine, msg)
    assert answer.ok and answer.lines[0].text.startswith(first), answer.lines[0]
    assert len(answer.lines) == 6  # the list still follows


def test_sources_alone_is_the_list(engine):
    assert reply(engine, "!sources").lines[0].text.startswith("2024-04-09")
