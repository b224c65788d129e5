"""Two spellings of one name are shown as typed, each as its article prints it; a lone
follow-up subject followed by a question that points back at it is one question."""

from __future__ import annotations

import pytest

from bot.answers.reading.frame import split_parts
from bot.answers.reading.wording import closest_name


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        ("is park ji-hoo and park ji-hu the same person", "Park Ji-hoo", "Park Ji-hu"),  # dev
        ("are ji-hu and ji-hoo the same person", "Park Ji-hu", "Park Ji-hoo"),
        (
            "is yoon chan-young and yoon chan-yeong the same actor",
            "Yoon Chan-young",
            "Yoon Chan-yeong",
        ),
    ],
)
def test_each_spelling_is_shown_as_printed(engine, message, first, second):
    ans = engine.answer(f"!ask {message}")
    line = ans.lines[0].text
    # "Yes" only when one sentence prints both spellings; else no article says they are one
    assert line.startswith(("Yes: ", "No article says"))
    assert line.index(f"“{first}”") < line.index(f"“{second}”")


def test_the_closest_name_prefers_the_spelling_typed():
    names = ["Park Ji-hoo", "Park Ji-hu"]
    assert closest_name("park ji-hu", names) == "Park Ji-hu"
    assert closest_name("park jihoo", names) == "Park Ji-hoo"
    assert closest_name("ji-hu", names) == "Park Ji-hu"
    assert closest_name("kim", names) is None


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("and su-hyeok? does he come back", "does su-hyeok come back"),  # dev case
        ("and nam-ra? is she back", "is nam-ra back"),
        ("what about mi-jin? who plays her", "who plays mi-jin"),
        ("and dae-su? what is his fate", "what is dae-su's fate"),
    ],
)
def test_a_lone_subject_and_its_question_are_one(message, asked):
    assert split_parts(message) == [asked]


def test_a_follow_up_with_its_own_subject_stays_two_parts():
    assert split_parts("is dae-su back? and ha-ri?") == ["is dae-su back", "and ha-ri?"]


def test_the_merged_follow_up_has_one_heading(engine):
    ans = engine.answer("!ask and su-hyeok? does he come back")
    assert ans.ok and ans.title == "Lee Su-hyeok in Season 2"
    assert not any("a line above" in line.text for line in ans.lines)


def _names(text: str) -> bool:
    return any(n in text for n in ("cheong-san", "nam-ra", "hyo-ryung", "lomon"))


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("yo when is s2 and is cheong-san in it", ["yo when is s2", "is cheong-san in season 2"]),
        (
            "what is season 2 about and is nam-ra in it",
            ["what is season 2 about", "is nam-ra in season 2"],
        ),
    ],
)
def test_a_question_of_the_show_then_a_yes_no_of_a_person_is_two(message, parts):
    assert split_parts(message, names=_names) == parts


@pytest.mark.parametrize(
    "message", ["who plays hyo-ryung and is she back", "when is it out and is it good"]
)
def test_one_question_with_and_stays_one(message):
    assert split_parts(message, names=_names) == [message]


def test_both_parts_of_the_show_and_person_question_are_answered(engine):  # dev case
    ans = engine.answer("!ask yo when is s2 and is cheong-san in it")
    assert ans.ok and "Lee Cheong-san returns" in "\n".join(line.text for line in ans.lines)
