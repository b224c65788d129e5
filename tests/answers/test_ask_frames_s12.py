"""How `!ask` reads a question before it answers: the meaning of quoted words is not who said
them, an either/or is two values of one slot (and never answered Yes), a pronoun with a person
before it is not asked after, an excluded reading is set aside, and a closing "or nah" tag is
no either/or."""

from __future__ import annotations

import pytest

from bot.answers.reading.excluding import without_exclusions, without_tag
from bot.answers.replies.render import to_text
from bot.console import reply
from tests.conftest import engine_with_article


def _text(engine, msg: str) -> str:
    return to_text(reply(engine, msg))


@pytest.fixture(scope="module")
def vocab(engine):
    return engine.ctx.store.vocab


# --- the meaning of quoted words ------------------------------------------------------------


@pytest.mark.parametrize(
    "msg",
    [
        '!ask at the end nam ra says "they\'re back" — who is "they"???',
        '!ask what does nam-ra mean by "theyre back"',
    ],
)
def test_what_quoted_words_mean_is_their_context_not_their_speaker(engine, msg):
    text = _text(engine, msg)
    assert "don't say what" in text and "Who says" not in text
    assert "she hears an unknown sound in the distance" in text  # what the article prints
    assert "[1]" in text and "002_" in text


def test_who_says_stays_who_said_it(engine):
    text = _text(engine, '!ask who says "they\'re back"')
    assert "Who says" in text and "don't say what" not in text


# --- either/or: two values of one slot ------------------------------------------------------


def test_a_second_clause_after_or_is_no_alternative(engine):
    text = _text(engine, "!ask is the show the same as the webtoon or did they change stuff")
    assert "The articles differ" not in text and "“changed”" not in text


def test_a_dated_either_or_says_which_date_not_yes(engine):
    text = _text(engine, "!ask was s2 announced june 6 or june 7?")
    assert "**Yes**" not in text and "**No**" not in text
    assert "print **june 6**" in text and "none prints “june 7”" in text
    assert "June 6, 2022" in text  # the cited line itself


def test_an_either_or_most_articles_settle_says_which_most_print(engine):
    msg = "!ask are they in junior high or high school? one article says junior high"
    text = _text(engine, msg)
    assert "Most articles print “high school”" in text
    assert "one article prints “junior high”" in text
    assert "Hyosan High School" in text and "junior high students" in text


@pytest.mark.parametrize(
    ("msg", "opener"),
    [
        ("!ask has filming started or what", "**No**"),
        ("!ask did netflix renew it or am i tripping", "**Yes**"),
        ("!ask has filming started or nah", "**No**"),
    ],
)
def test_a_closing_tag_keeps_the_yes_no_opener(engine, msg, opener):
    assert opener in _text(engine, msg)


def test_tags_and_exclusions_are_read_off(vocab):
    assert without_tag("is there a trailer or nah", vocab) == "is there a trailer"
    assert without_tag("is there a trailer or am i tripping", vocab) == "is there a trailer"
    assert without_tag("alive or dead", vocab) == "alive or dead"
    assert without_exclusions("who wrote the show (not the webtoon)", vocab) == "who wrote the show"
    assert without_exclusions("who made it, other than the director?", vocab) == "who made it, ?"
    assert without_exclusions("who is not the villain", vocab) == "who is not the villain"
    assert without_exclusions("is season 2 not confirmed", vocab) == "is season 2 not confirmed"


# --- a pronoun with someone to mean ---------------------------------------------------------


@pytest.mark.parametrize(
    "msg",
    [
        "!ask is it true theres already a s2 trailer?? my cousin swears he saw it",
        "!ask is there a trailer? my friend says he watched it",
    ],
)
def test_a_person_noun_is_the_pronouns_antecedent(engine, msg):
    text = _text(engine, msg)
    assert "Who do you mean" not in text
    assert "Trailer" in text  # what was asked is answered


def test_a_pronoun_with_no_one_before_it_is_still_asked_after(engine):
    assert "Who do you mean" in _text(engine, "!ask why did he make the virus")


# --- exclusions -----------------------------------------------------------------------------


def test_an_excluded_reading_is_set_aside(engine):
    text = _text(engine, "!ask who wrote the show (not the webtoon)")
    assert "Chun Sung-il" in text and "Joo Dong-geun" not in text


def test_a_same_person_follow_up_is_answered_too(engine):
    text = _text(engine, "!ask who wrote the script? same person who drew the webtoon?")
    assert "Chun Sung-il" in text and "Joo Dong-geun" in text


# --- a new article changes the answer, with no code change ----------------------------------

QUOTE = (
    "All of Us Are Dead: the rooftop\n\n"
    "The Last Words\n\n"
    "Su-hyeok looks at the horizon. “Not over yet,” he whispers, as smoke rises over "
    "Hyosan and the sirens start again.\n"
)


def test_a_new_article_quoting_words_gives_their_context(tmp_path):
    fresh = engine_with_article(tmp_path, "912_rooftop", QUOTE, "2026-10-12")
    text = to_text(fresh.answer('!ask what does su-hyeok mean by "not over yet"'))
    assert "don't say what" in text and "smoke rises over Hyosan" in text
