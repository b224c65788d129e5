"""Yes/no and either/or questions answered by what the articles state of the thing asked:
a place the show is seen on, a date of the asked state itself, an either/or of fact (not
taste), an either/or whose sides different articles print, and a yes/no an article only asks."""

from __future__ import annotations

import pytest

from bot.answers.commands.asking.yesno.dated import asked_dates, printed_dates
from bot.answers.replies.render import to_text
from bot.console import reply
from tests.facts.test_future_news import _run


def _text(engine, msg: str) -> str:
    return to_text(reply(engine, msg))


@pytest.fixture(scope="module")
def n11(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("yesno_n11"), "n11")[0]


# --- dates in a yes/no -------------------------------------------------------------------


def test_a_month_is_read_only_as_a_date():
    assert asked_dates("did filming start in february") == (frozenset({2}), frozenset())
    assert asked_dates("did it wrap in march 2025") == (frozenset({3}), frozenset({"2025"}))
    assert asked_dates("may it come out soon")[0] == frozenset()  # "may" the verb
    assert printed_dates("October 14, 2024") == (frozenset({10}), frozenset({"2024"}))


@pytest.mark.parametrize(
    ("msg", "word"),
    [
        ("!ask did filming really start in february", "**No**"),
        ("!ask did filming start in september", "**No**"),
        ("!ask did filming start in october 2024", "**Yes**"),
        ("!ask did the shoot begin in june", "**No**"),
        ("!ask did filming wrap in march 2025", "**Yes**"),
        ("!ask did filming wrap in 2024", "**No**"),
    ],
)
def test_a_dated_yes_no_is_judged_by_the_asked_states_own_date(n11, msg, word):
    first = _text(n11, msg).splitlines()[1]
    assert first.startswith(word), first
    # the line quoted dates the state asked, not the wrap when a start is asked
    if "start" in msg or "begin" in msg:
        assert "filmed between October 2024" in first or "first day of shooting" in first


def test_a_teaser_month_is_judged_by_the_teasers_line(n11):
    first = _text(n11, "!ask did the teaser come out in september").splitlines()[1]
    assert first.startswith("**Yes**") and "teaser" in first and "full trailer" not in first


def test_a_guessed_year_is_still_the_deciding_claims_to_judge(engine):
    # no firm release of season 2 is dated: the topic's deciding claims answer as before
    first = _text(engine, "!ask was s2 supposed to come out in 2023").splitlines()[1]
    assert first.startswith("**No**") and "later in 2024" in first


# --- where the show is seen --------------------------------------------------------------


@pytest.mark.parametrize(
    "msg", ["!ask will season 2 be on netflix", "!ask is season 2 going to stream on netflix"]
)
def test_a_yes_no_on_the_platform_is_answered_by_the_lines_printing_it(engine, msg):
    ans = reply(engine, msg)
    text = to_text(ans)
    assert ans.ok and "Yes — per" in text
    assert "it will air on Netflix" in text or "Season 2 on Netflix" in text
    assert "speculation" not in text


def test_season_one_on_the_platform_is_its_own_lines(engine):
    text = _text(engine, "!ask is season 1 on netflix")
    assert "Yes — per" in text and "Season 1 of All Of Us Are Dead on Netflix" in text


def test_whether_it_is_out_yet_stays_the_release_timeline(engine):
    text = _text(engine, "!ask is season 2 out on netflix yet")
    assert "Yes — per" not in text and "No premiere date announced" in text


# --- either/or of fact, not taste ----------------------------------------------------------


def test_an_idiom_holding_a_taste_word_asks_no_taste(engine):
    text = _text(engine, "!ask is 청산 coming back in s2 or is he gone for good")
    assert "matter of taste" not in text and "Cheong-san" in text and "return" in text


@pytest.mark.parametrize("msg", ["!ask is nam-ra the best character", "!ask is s2 gonna be good"])
def test_taste_is_still_taste(engine, msg):
    assert "matter of taste" in _text(engine, msg)


# --- either/or the articles word differently ------------------------------------------------


def test_an_either_or_printed_apart_shows_each_articles_wording(engine):
    ans = reply(engine, "!ask r they in junior high or high school? one article said junior high??")
    text = to_text(ans)
    # most articles print one side: that is the answer, and the one printing the other is
    # said to (not "the articles differ", as if they split evenly)
    assert "Most articles print “high school”" in text
    assert "one article prints “junior high”" in text
    assert "junior high students" in text and "High School" in text
    assert {c.source[:3] for c in ans.citations} >= {"000", "001"}


def test_an_either_or_printed_one_way_only_is_not_a_dispute(engine):
    text = _text(engine, "!ask is it based on a webtoon or a novel")
    assert "differ" not in text and "webtoon" in text


# --- a yes/no an article only asks ---------------------------------------------------------


@pytest.mark.parametrize(
    "msg", ["!ask is mr lee a hamby", "!ask wait is lee byeong chan a hybrid too"]
)
def test_a_question_an_article_only_asks_is_said_to_be_raised(engine, msg):
    text = _text(engine, msg)
    assert "The articles only raise it: “Is Mr. Lee a Hybrid?”" in text
    assert "walked calmly ahead" in text
    assert "antibodies" not in text  # not the generic definition of a hybrid


def test_a_settled_or_unheaded_question_is_answered_as_before(engine):
    text = _text(engine, "!ask is cheong-san still alive")
    assert "only raise" not in text and "perished" in text


def test_an_either_or_of_a_person_is_not_answered_yes(engine):
    text = _text(engine, "!ask is nam-ra alive or dead at the end")
    assert "Yes — per" not in text and "still alive" in text


def test_a_platform_in_a_reason_clause_is_not_the_asked_place(engine):
    """"bc the walking dead is on netflix" gives a reason; it does not ask where it is seen."""
    from bot.console import reply

    ans = reply(engine, "!ask did it only get renewed bc the walking dead is on netflix")
    assert not any(line.text.startswith("Yes — per") for line in ans.lines)
    plain = reply(engine, "!ask will it be on netflix or some other app")
    assert plain.lines[0].text.startswith("Yes")


def test_a_yes_no_asked_of_a_plan_is_not_judged_by_the_event(tmp_path_factory):
    """"supposed to start in january" asks whether January was the plan: once filming began
    (on Feb. 24), that date does not make it a No; the sentence telling the plan answers."""
    from tests.facts.test_future_news import _run

    engine = _run(tmp_path_factory.mktemp("n12plan"), "n12")[0]
    ans = engine.answer("!ask wasn't filming supposed to start in january")
    assert not any(line.text.startswith(("**No**", "**Yes**")) for line in ans.lines)
    assert "had planned to start in January" in ans.lines[0].text
