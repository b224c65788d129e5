"""Fate questions and numbers by reference, on an article written for the test (no known
question or article is special-cased)."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.reading.question import analyse
from bot.answers.replies.render import to_text
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead: the library cut\n\n"
    "In the library cut, Seo Hyo-ryung was bitten by Lee Na-yeon behind the shelves. "
    "Later that night Lee Na-yeon perished in the gym after the lights failed. "
    "The library cut of season 1 runs to 9 episodes in total. "
    "Season 2 is rumoured to have the same number of episodes as that cut. "
    "We last saw Hyo-ryung at dawn. She vanished into the old boiler room.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("fates"), "901_library", NEW, "2026-10-02")


def answer_lines(engine: Engine, message: str) -> str:
    """The reply without its "Nearby, not an answer" line: what it gives as the answer."""
    a = engine.answer(message)
    return "\n".join(x.text for x in a.lines if not x.text.startswith("Nearby"))


def test_a_yes_no_fate_question_is_answered_by_the_fate_told(fresh):
    reply = answer_lines(fresh, "!ask did na-yeon die")
    assert "perished in the gym" in reply and "don't say" not in reply


def test_who_did_it_is_answered_by_the_sentence_naming_them(fresh):
    reply = answer_lines(fresh, "!ask who bit hyo-ryung")
    assert "bitten by Lee Na-yeon" in reply


def test_the_same_number_carries_the_number_before_it(fresh):
    store = fresh.store
    sid = next(s for s, row in store.sentences.items() if "as that cut" in row.display)
    claims = [c for c in store.claims.get("episodes", []) if c.sentence_id == sid]
    assert claims and claims[0].value == "9"
    assert "9 episodes" in to_text(fresh.answer("!ask how many episodes will season 2 have"))


def test_a_yes_no_question_the_sources_leave_open_reads_naturally(engine):
    first = engine.answer("!ask is a third season planned").lines[0].text
    assert first.startswith("You asked “Is a third season planned?”")
    assert "whether —" not in first and "don't say either way" in first


@pytest.mark.parametrize(
    ("message", "fate"),
    [
        ("did cheongsan die", "death"),
        ("does on-jo survive", "survival"),
        ("who bit cheong-san", "infection"),
        ("is all of us are dead korean", None),  # the title's "dead" is no fate
        ("what happened to eun-ji", "any"),
    ],
)
def test_the_fate_a_question_asks_about(store, message, fate):
    assert analyse(message, store.vocab, {}).fate == fate


def test_a_noun_beats_a_generic_release_verb(store):
    assert analyse("when did the teaser come out", store.vocab, {}).status == "trailer"
    assert analyse("when does it come out", store.vocab, {}).status == "release"
    assert analyse("whos cheongsan", store.vocab, {}).text == "who is cheongsan"


def test_who_is_a_character_says_who_they_are_before_who_plays_them(fresh):
    a = fresh.answer("!ask who is na-yeon")
    texts = [x.text for x in a.lines]
    assert any("perished in the gym" in t or "bitten by Lee Na-yeon" in t for t in texts)
    assert any(t.startswith("Played by") for t in texts)


def test_a_synonym_the_articles_use_counts_as_the_word_asked(engine):
    # "score" is never printed beside IMDb; "Reviews" is.
    assert "7.7/10" in to_text(engine.answer("!ask what's the imdb score"))


def test_shown_text_pairs_quotation_marks_and_drops_a_dangling_list():
    from bot.answers.reading.wording import balanced, without_dangling_list

    assert balanced("They’re back,” she says.") == "“They’re back,” she says."
    assert balanced("He said “go now.") == "He said “go now.”"
    assert balanced("“Fine,” he said.") == "“Fine,” he said."
    assert without_dangling_list("Besides X, the cast includes:") == "Besides X …"
    assert without_dangling_list("No list here.") == "No list here."


def test_a_pronoun_is_shown_with_the_sentence_naming_who_it_means(fresh):
    answer = fresh.answer("!lore boiler room")
    assert "• We last saw Hyo-ryung at dawn. She vanished into the old boiler room." in to_text(
        answer
    )
    assert len(answer.citations) == 2  # both sentences cited, each quote verbatim


def test_a_fate_is_told_of_the_person_it_follows(fresh):
    store, fates = fresh.store, fresh.ask.fates
    sid = next(s for s, row in store.sentences.items() if "behind the shelves" in row.display)
    assert fates.told_of(sid, "seo-hyo-ryung", "infection")
    assert not fates.told_of(sid, "lee-na-yeon", "infection")
