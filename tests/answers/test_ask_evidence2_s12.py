"""`!ask` reads the asked predicate as a fan means it (data/lexicon.toml [ask.concepts],
scoring/clauses.py): "end up" is where someone stays, "go back" to a place is no cast return,
doing away with the zombies meets the bombing, staying human is surviving, an actor's other
work is something asked (and not told), a purpose is no means, and in "X urges Y to go…" the
going is Y's. Each mechanism is held by two differently worded questions; a made-up article
changes the answer with no code change."""

from __future__ import annotations

import pytest

from bot.console import reply
from tests.conftest import engine_with_article


def bullets(engine, message: str) -> list[str]:
    return [ln.text for ln in reply(engine, message).lines if ln.text.startswith("•")]


def text_of(engine, message: str) -> str:
    return " ".join(ln.text for ln in reply(engine, message).lines)


@pytest.mark.parametrize(
    "question",
    ["how did they get rid of all the zombies at the school", "how did they wipe out the zombies"],
)
def test_the_means_leads_a_how_question(engine, question):
    # the sound that lured them onto the rooftop is how; "in a bid to exterminate" is why
    lines = bullets(engine, f"!ask {question}")
    assert lines and "24KHz" in lines[0]


@pytest.mark.parametrize(
    "question",
    ["who actually survived s1 as humans? list pls", "list who survived season 1 as humans"],
)
def test_surviving_as_humans_is_the_list_of_survivors(engine, question):
    lines = bullets(engine, f"!ask {question}")
    assert lines and "Mi-jin" in lines[0] and "Ha-ri" in lines[0]


@pytest.mark.parametrize(
    "question",
    ["who plays dae su and what else has he been in", "what other shows has cho yi-hyun done"],
)
def test_an_actors_other_work_is_asked_not_the_survivors(engine, question):
    # the articles print no other credits: no line of the survivors stands in for them
    text = text_of(engine, f"!ask {question}")
    assert "remaining six" not in text
    assert "don't say" in text


@pytest.mark.parametrize(
    "question",
    ["why did cheong-san go back into the school", "why did cheong san head back to the school"],
)
def test_going_back_to_a_place_is_no_cast_return(engine, question):
    text = text_of(engine, f"!ask {question}")
    assert "will be back as Nam On-jo" not in text.split("Nearby")[0]


@pytest.mark.parametrize(
    "question",
    ["why did on-jo and su-hyeok not go to the camp", "why didnt on-jo go back to the camp"],
)
def test_the_act_one_urges_on_another_is_the_others(engine, question):
    # "When On-jo urges Nam-ra to go back to the camp": going to the camp is Nam-ra's
    text = text_of(engine, f"!ask {question}")
    assert "don't say" in text
    assert "When On-jo urges" not in text.split("Nearby")[0]


def test_a_new_articles_urged_act_is_the_urged_ones(tmp_path):
    body = (
        "The Rooftop Night\n"
        "Later that night, Dae-su begs Ha-ri to leave the rooftop before the soldiers arrive.\n"
    )
    eng = engine_with_article(tmp_path, "009_testrooftop", body, "2024-06-01")
    # leaving the rooftop is Ha-ri's act, begged of her: no answer for Dae-su
    assert (
        "begs Ha-ri" not in text_of(eng, "!ask why did dae-su leave the rooftop").split("Nearby")[0]
    )
    assert "begs Ha-ri" in text_of(eng, "!ask why did ha-ri leave the rooftop")


@pytest.mark.parametrize("question", ["where can i watch it", "where can i stream season 1"])
def test_a_streaming_platform_is_the_platform_not_watching(engine, question):
    # the release-date line's "streaming platform" names the platform; it watches nothing
    lines = bullets(engine, f"!ask {question}")
    assert lines and "watch Season 1" in lines[0]
    assert not any("Release Date" in ln for ln in lines)
