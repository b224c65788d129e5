"""How `!ask` frames what it found: a service named in an either/or is one of its values, a
"same person?" part compares the people the parts found, a part's heading is what the fan
typed, a part answered by a line above says the value it asks, and a verdict on what happens
is declined with the facts that bear on it. One test runs on an article never seen."""

from __future__ import annotations

import pytest

from bot.answers.reading.wording import safe_echo
from bot.answers.replies.above import plainly
from bot.answers.replies.parts import ABOVE, merge
from bot.answers.replies.render import to_text
from bot.answers.types import Answer, Line
from bot.console import reply
from tests.conftest import engine_with_article


def _text(engine, msg: str) -> str:
    return to_text(reply(engine, msg))


@pytest.mark.parametrize(
    ("msg", "printed", "not_printed"),
    [
        ("!ask is it on netflix or disney", "netflix", "disney"),
        ("!ask is the show on hulu or netflix", "netflix", "hulu"),
    ],
)
def test_a_service_either_or_names_the_one_the_articles_print(engine, msg, printed, not_printed):
    first = reply(engine, msg).lines[0].text
    assert not first.startswith("Yes")
    assert f"“{printed}”" in first and f"none prints “{not_printed}”" in first


def test_an_unnamed_alternative_leaves_the_yes_no(engine):
    assert (
        reply(engine, "!ask will it be on netflix or some other app")
        .lines[0]
        .text.startswith("Yes")
    )


def test_same_person_part_says_they_differ(engine):
    text = _text(engine, "!ask who wrote the script? same person who drew the webtoon?")
    line = next(ln for ln in text.splitlines() if ln.startswith("No — different people"))
    assert "Chun Sung-il" in line and "Joo Dong-geun" in line


def test_same_person_part_says_yes_when_one_person_answers_both(engine):
    text = _text(engine, "!ask who created the show? same one who directed it?")
    assert "Yes — the same person: Lee Jae-kyoo." in text


def test_a_heading_keeps_what_the_fan_typed():
    assert safe_echo("was it #1 worldwide") == "was it #1 worldwide"
    assert safe_echo("# big") == "big" and safe_echo("-# small") == "small"


def test_a_part_heading_shows_the_hash(engine):
    text = _text(engine, "!ask was it #1 worldwide? and when did it come out")
    assert "**Was it #1 worldwide?**" in text


@pytest.mark.parametrize(
    "msg",
    [
        "!ask how many eps is s1 and how long r they",
        "!ask how many episodes in s1 and how long are they",
    ],
)
def test_a_part_answered_above_says_its_value(engine, msg):
    text = _text(engine, msg)
    assert "**53 to 72 minutes**" in text
    assert ABOVE not in text


def test_the_value_asked_is_the_one_nearest_its_cue(vocab):
    line = "• It runs 3 hours in all, and each episode has a runtime of 40 minutes. [2]"
    assert plainly("duration", ["episode"], [line], vocab) == (
        "↑ answered in a line above: **40 minutes** [2]"
    )
    assert plainly("who", [], [line], vocab) is None


def test_a_part_with_a_quote_of_its_own_keeps_the_plain_note(vocab):
    shared = Line("• a 50-minute episode [1]")
    a = Answer("ask", True, None, "A", [shared])
    b = Answer("ask", True, None, "B", [shared, Line("• another quote [1]")])
    lines = [ln.text for ln in merge(["one?", "two?"], [a, b], vocab).lines]
    assert ABOVE in lines


@pytest.fixture(scope="module")
def vocab(engine):
    return engine.ctx.store.vocab


@pytest.mark.parametrize(
    "msg", ["!ask was the govt the real bad guys in s1", "!ask did cheong-san deserve to die"]
)
def test_a_verdict_is_declined_with_facts_bearing_on_it(engine, msg):
    ans = reply(engine, msg)
    text = to_text(ans)
    assert "give no verdict" in text and "I don't know" not in text
    assert 1 <= sum(ln.text.startswith("•") for ln in ans.lines) <= 2


BODY = (
    "Cold Harbor Season 2: Everything We Know\n\n"
    "The series was written by Mara Quill, who adapted the novel.\n\n"
    "The original novel was written by Tomas Reyk in 2011.\n\n"
    "Cold Harbor streams on Hulu, where Season 1 landed in May 2030."
)


def test_on_an_article_never_seen_the_service_it_prints_is_named(tmp_path_factory):
    eng = engine_with_article(tmp_path_factory.mktemp("frames2"), "900_frames2", BODY, "2031-01-05")
    first = reply(eng, "!ask is it on hulu or disney").lines[0].text
    assert "“hulu”" in first and "none prints “disney”" in first
