"""`!ask` after round 15: a thing asked for that no article names is declined honestly (and
answered once an article names it), the show's first release is Season 1's, "the actor for
<description>" is the cast pair, a hunger for flesh is wanting to eat people, and `!lore`
finds a name an article writes solid. Each mechanism is held by differently worded questions."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_text
from tests.conftest import engine_with_article

DECLINE = "The sources don't say"


def ask(engine: Engine, message: str) -> str:
    return to_text(engine.answer(f"!ask {message}"))


@pytest.mark.parametrize(
    "message",
    [
        "what song plays in the last episode",
        "is there a squid game crossover",
        "is there a one piece crossover",
        "what soundtrack plays during the finale",
    ],
)
def test_a_thing_no_article_names_is_declined(engine, message):
    text = ask(engine, message)
    assert text.startswith(DECLINE)
    assert "Squid Game may get all the press" not in text


@pytest.mark.parametrize(
    "message, printed",
    [
        # an act or a manner no article words that way leaves the rest to answer
        ("did the wga strike wreck season 2", "WGA strike"),
        ("when did season 1 originally air", "2022"),
        ("when does s2 drop bestie", "2024"),
    ],
)
def test_an_unprinted_act_or_aside_is_no_reason_to_decline(engine, message, printed):
    text = ask(engine, message)
    assert not text.startswith(DECLINE)
    assert printed in text


def test_a_new_article_naming_the_thing_answers_it(tmp_path):
    body = (
        "All of Us Are Dead Soundtrack\n\n"
        "The song that plays in the last episode of Season 1 is a quiet ballad by a "
        "little-known indie band from Seoul.\n"
    )
    eng = engine_with_article(tmp_path, "009_song", body, "2024-06-01")
    text = ask(eng, "what song plays in the last episode")
    assert not text.startswith(DECLINE)
    assert "ballad" in text


@pytest.mark.parametrize(
    "message",
    [
        "when did it first come out",
        "when did the show first air",
        "when did it come out originally",
    ],
)
def test_the_first_release_is_season_one(engine, message):
    text = ask(engine, message)
    assert "January 2022" in text
    assert "first half of 2024" not in text


@pytest.mark.parametrize(
    "message, actor",
    [
        ("who's the actor for the science teacher", "Kim Byung-chul"),
        ("who is the actor of the villain", "Yoo In-soo"),
    ],
)
def test_the_actor_for_a_description_is_its_cast_pair(engine, message, actor):
    text = ask(engine, message)
    assert f"is played by {actor}" in text


@pytest.mark.parametrize(
    "message",
    ["do the hybrids still want to eat people", "do hambies feed on humans"],
)
def test_wanting_to_eat_people_is_the_craving_for_flesh(engine, message):
    assert "craving for human flesh" in ask(engine, message)


@pytest.mark.parametrize("query", ["geeked week", "Geeked Week"])
def test_lore_finds_a_name_written_solid(engine, query):
    text = to_text(engine.answer(f"!lore {query}"))
    assert "GeekedWeek" in text
    assert "Not found" not in text


@pytest.mark.parametrize(
    "message", ["what was the jonus virus made of", "what is the virus made from"]
)
def test_what_a_thing_is_made_of_is_what_went_into_it(engine, message):
    assert "extracted testosterone" in ask(engine, message)
