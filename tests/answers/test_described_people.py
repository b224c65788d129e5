"""A description printed with no name beside it, in a section that names one person only,
is that person (`!cast the science teacher`); and "who plays <description>" in `!ask` finds
the person as `!cast` does, then their cast pair."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead: the infirmary\n\n"
    "The Infirmary Secret\n\n"
    "The school nurse kept a box of antidote vials hidden behind the infirmary shelves. "
    "She never told the soldiers about it. "
    "Later in the season, Han Yeo-reum (Kim Ji-won) opens the box herself.\n"
)
SEVERAL = (
    "All of Us Are Dead: the camp\n\n"
    "Who Left the Camp?\n\n"
    "The janitor of the school is never seen again. "
    "Jang Ha-ri and Park Mi-jin leave the camp together.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("desc"), "908_nurse", NEW, "2026-10-09")


def _text(ans) -> str:
    return "\n".join(line.text for line in ans.lines)


@pytest.mark.parametrize(
    "message",
    [
        "!cast the science teacher",  # dev case
        "!cast the creator of a deadly virus",
        "!ask who plays the science teacher",  # dev case
        "!ask who played the creator of a deadly virus",
    ],
)
def test_a_description_in_a_one_person_section_is_that_person(engine, message):
    ans = engine.answer(message)
    text = _text(ans)
    assert ans.ok and "Lee Byeong-chan is played by Kim Byung-chul" in text
    # the section prints "Mr. Lee"; the full name is cited to the article printing it
    assert "the one person its section names is “Mr. Lee”" in text
    assert "the name Lee Byeong-chan is printed in" in text


def test_a_new_article_ties_its_description_to_its_section(fresh):
    text = _text(fresh.answer("!cast the school nurse"))
    assert "the one person its section names is Han Yeo-reum" in text
    assert "Han Yeo-reum is played by Kim Ji-won" in text


def test_a_section_naming_several_people_ties_no_one(tmp_path):
    several = engine_with_article(tmp_path, "909_camp", SEVERAL, "2026-10-10")
    ans = several.answer("!cast the janitor")
    assert not ans.ok and "Ha-ri" not in _text(ans) and "Mi-jin" not in _text(ans)


@pytest.mark.parametrize(
    ("message", "pair"),
    [
        ("!ask who plays the villain", "Yoon Gwi-nam is played by Yoo In-soo"),
        ("!ask who plays the school president", "Choi Nam-ra is played by Cho Yi-hyun"),
    ],
)
def test_who_plays_a_printed_description(engine, message, pair):
    ans = engine.answer(message)
    assert ans.ok and pair in _text(ans)
