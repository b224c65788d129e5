"""Words of the `!ask` lexicon read as what they ask: chatter about spoilers asks nothing,
"feel" meets "feelings", and "according to someone" asks for their words."""

from __future__ import annotations

import pytest

from bot.answers.evidence.scoring.evidence import SPEECH
from bot.answers.reading.concepts import Concepts


@pytest.fixture(scope="module")
def concepts(store):
    return Concepts(store.vocab)


@pytest.mark.parametrize("chatter", ["no spoilers pls jk", "spoil me", "spoiler"])
def test_asking_for_or_against_spoilers_carries_no_concept(concepts, chatter):
    assert concepts.of_text(chatter) == frozenset()


def test_how_someone_feels_meets_their_feelings(concepts):
    assert concepts.of_text("feel") <= concepts.of_text("they harbor romantic feelings")
    assert concepts.of_text("felt") == concepts.of_text("feel")


def test_according_to_someone_asks_for_their_words(concepts, engine):
    assert SPEECH in concepts.of_text("according to the director")
    frame = engine.ask.frame("what did season 2 change according to the director")
    assert SPEECH in frame.concepts


@pytest.mark.parametrize("asked", ["other name", "another name", "nickname", "goes by"])
def test_another_name_asks_for_an_alias(concepts, asked):
    assert concepts.of_text(asked) == concepts.of_text("also known as")


def test_an_aside_no_article_can_speak_to_is_not_asked(engine):
    frame = engine.ask.frame("is season 2 renewed or is that just gossipmongering")
    assert frame.concepts == engine.ask.frame("is season 2 renewed").concepts
    frame = engine.ask.frame("is gwi-nam coming back i detest him")
    assert frame.concepts == engine.ask.frame("is gwi-nam coming back").concepts


def test_an_alternative_the_articles_print_or_naming_someone_stays_asked(engine):
    frame = engine.ask.frame("did cheong-san survive or die")
    assert len(frame.concepts) == 2
    frame = engine.ask.frame("is su-hyeok's actor park solomon or lomon? confused")
    assert any(w == "confused" for w, _ in frame.predicate)
