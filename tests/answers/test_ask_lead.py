"""`!ask` puts the answer first and never hides one under "Nearby": questions of taste,
a season typed short ("s2"), and the line each kind of question must lead with. Each
mechanism is held by differently worded questions."""

from __future__ import annotations

import json

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_json, to_text


def ask(engine: Engine, message: str) -> str:
    return to_text(engine.answer(f"!ask {message}"))


def bullets(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.startswith("•")]


@pytest.mark.parametrize(
    "message",
    [
        "is nam-ra the best character",
        "is s2 gonna be good",
        "who's the hottest",
        "is cheong-san the coolest character",
        "will season 2 be better than season 1",
    ],
)
def test_a_question_of_taste_is_told_the_articles_report_facts(engine, message):
    text = ask(engine, message)
    assert "not opinions" in text and not bullets(text)
    # at most one fact beside it, labelled as what the articles print
    assert text.count("What the articles do print") <= 1
    assert "Personally" not in text  # a writer's own view is no reported praise


def test_the_praise_beside_a_taste_answer_shares_the_questions_words(engine):
    assert "episodes" in ask(engine, "which is the best episode")


@pytest.mark.parametrize("message", ["is roh yoon-seo in s2", "is roh yoon-seo in season 2"])
def test_a_short_season_is_no_word_of_the_predicate(engine, message):
    text = ask(engine, message)
    assert "don't say" not in text and "Nearby" not in text
    assert "Roh Yoon-seo has been cast in season 2" in text


@pytest.mark.parametrize("message", ["is lee min goo in s2", "is lee min goo in season 2"])
def test_a_return_no_source_speaks_of_reads_the_same_however_the_season_is_typed(
    engine, message
):
    assert ask(engine, message).startswith("The sources don't say")


@pytest.mark.parametrize(
    "message", ["which article says filming is underway", "which source says filming has started"]
)
def test_a_conditional_clause_is_no_article_saying_so(engine, message):
    text = ask(engine, message)
    # The reader may drop the conditional claim or the reply may list it apart; either way
    # it is never counted among the articles that say so.
    head, _, _ = text.partition("Only as a condition")
    assert "If and only if" not in head
    assert "One article says that" in head


@pytest.mark.parametrize(
    "message", ["who made the virus", "who created the zombie virus", "who made the zombie virus"]
)
def test_a_who_question_is_led_by_the_line_saying_who(engine, message):
    assert "science teacher" in bullets(ask(engine, message))[0]


@pytest.mark.parametrize(
    "message", ["why did nam-ra stay behind", "why did namra stay back", "why did nam ra stay"]
)
def test_a_why_question_is_led_by_the_line_giving_the_reason(engine, message):
    lines = bullets(ask(engine, message))
    assert "stayed back" in lines[0] and "because" in " ".join(lines[:2])
    assert "Cheong-san sacrificed" not in lines[0]  # her name beside his reason is not hers


@pytest.mark.parametrize(
    ("message", "state"),
    [
        ("is gwi-nam alive", "still alive"),
        ("is gwi nam still alive", "still alive"),
        ("is eun-ji a zombie", "are immortal zombies"),
        ("is eunji a zombie", "are immortal zombies"),
    ],
)
def test_a_yes_no_question_is_led_by_the_line_stating_the_asked_state(engine, message, state):
    assert state in bullets(ask(engine, message))[0]


@pytest.mark.parametrize("message", ["is mr lee a zombie", "is lee byeong-chan a zombie"])
def test_a_yes_no_question_on_someone_is_led_by_the_line_naming_them(engine, message):
    assert "Mr. Lee" in bullets(ask(engine, message))[0]


def test_a_taste_answer_keeps_the_json_shape(engine):
    shape = json.loads(to_json(engine.answer("!ask is nam-ra the best character")))
    assert {"text", "lines", "citations", "ok"} <= set(shape)


@pytest.mark.parametrize("message", ["is eun-ji a zombie", "is on-jo alive"])
def test_a_yes_no_settled_by_its_top_line_opens_with_the_verdict(engine, message):
    assert ask(engine, message).splitlines()[1] == "Yes — per [1]:"


@pytest.mark.parametrize("message", ["is cheong-san alive", "is nam-ra a zombie"])
def test_no_verdict_when_the_top_line_does_not_settle_it(engine, message):
    assert "Yes —" not in ask(engine, message)
