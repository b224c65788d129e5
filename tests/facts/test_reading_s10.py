"""Branch reading-s10: new articles' Season 2 claims read like a careful fan: a wrap told in the
passive, pre-production and post told apart, a count told in a Season 2 article, verbs of
dating with words between them and the date, and conditions that tell no state."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.facts.building.records import Sentence
from bot.facts.reading.status_claims import sentence_claims
from bot.facts.sources.manifest import Source
from tests.conftest import TODAY, add_article, copy_corpus, load
from tests.facts.test_claims import claims


def titled(lex, text: str, title: str, published: str = "2025-06-20") -> dict:
    """{topic: (state, modality, value, season)} for one sentence of an article so titled."""
    src = Source(
        id="x",
        title=title,
        published=published,
        estimated=False,
        date_clue="",
        body=text,
        sha256="",
    )
    s = Sentence(1, "x", 1, 0, len(text), text, text, "text", "", False)
    return {c.topic: (c.state, c.modality, c.value, c.season) for c in sentence_claims(s, src, lex)}


@pytest.mark.parametrize(
    "text, value",
    [
        ("Principal photography was completed at the end of March.", "March 2025"),
        ("The shoot was completed in mid-April.", "April 2025"),
        ("Shooting concluded at the start of May.", "May 2025"),
        ("Cameras stopped rolling in early May.", "May 2025"),
        ("Production wrapped in February.", "February 2025"),
    ],
)
def test_a_wrap_told_in_the_passive_is_dated(lex, text, value):
    got = claims(lex, text, section="Season 2 production")
    assert got["filming"][:3] == ("wrapped", "confirmed", value)


@pytest.mark.parametrize(
    "text",
    [
        "The series is in pre-production.",
        "The new season is still in pre-production, the studio says.",
        "Post-production plans will be shared later.",
        "Details on post-production will come later.",
        "An update on filming is expected next month.",
        "Fans loved the scene in post-credits.",
    ],
)
def test_pre_production_and_news_ahead_tell_no_filming(lex, text):
    assert "filming" not in claims(lex, text, section="Season 2 production")


def test_moved_into_post_is_post_production(lex):
    for text in ("Season 2 has moved into post.", "The sequel went into post in May."):
        assert claims(lex, text)["filming"][0] == "post"
    # a negated news noun still says "not yet"
    got = claims(lex, "There is no word on filming for season 2.")
    assert got["filming"][0] == "not_started"


def test_a_count_told_in_a_season_2_article(lex):
    title = "All of Us Are Dead Season 2: what we know"
    assert titled(lex, "The company confirmed eight episodes.", title)["episodes"][:3] == (
        "count",
        "confirmed",
        "8",
    )
    got = titled(
        lex, "Netflix confirmed eight episodes, two fewer than the first season's nine.", title
    )
    assert got["episodes"][2] == "8"
    # a recap of the first run's length is no news of a count
    assert "episodes" not in titled(lex, "It totals a long watch with 12 episodes.", title)
    # nor is the same sentence under a title that names no Season 2
    assert "episodes" not in titled(lex, "The company confirmed eight episodes.", "Zombie news")


@pytest.mark.parametrize(
    "text, state, value",
    [
        ("Netflix set a March 2026 date for season 2.", "window", "March 2026"),
        ("Netflix locked in a March 6, 2026 premiere for season 2.", "date", "March 6, 2026"),
        ("Netflix circled November 14 for the season 2 premiere.", "date", "November 14, 2025"),
        (
            "The streamer scheduled the second season for January 9, 2026.",
            "date",
            "January 9, 2026",
        ),
        ("Netflix has booked the new season for a February 2026 slot.", "window", "February 2026"),
    ],
)
def test_verbs_of_dating_with_words_between(lex, text, state, value):
    got = claims(lex, text)
    assert got["release"][:3] == (state, "confirmed", value)


def test_a_dating_verb_needs_a_time_and_plans_stay_planned(lex):
    assert "release" not in claims(lex, "Season 2 is set in a new school.")
    assert "release" not in claims(lex, "Netflix will set a date for season 2 in the autumn.")
    got = claims(lex, "Season 2 is scheduled for a November 14 premiere.")
    assert got["release"][0] == "date" and got["release"][2] == "November 14, 2025"


@pytest.mark.parametrize(
    "text",
    [
        "If filming begins within two months, we can expect season 2 in 2026.",
        "Season 2 could land in 2026 if the shoot starts this autumn.",
        "Should filming on season 2 begin by March, a 2026 premiere is possible.",
        "Unless production on season 2 starts soon, fans will wait until 2027.",
        "As long as cameras roll on season 2 in spring, the wait will be short.",
    ],
)
def test_a_condition_tells_no_filming(lex, text):
    assert "filming" not in claims(lex, text)


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """The shipped articles (a rumoured 12) plus a newer Season 2 article with a firm count."""
    paths = copy_corpus(tmp_path_factory.mktemp("s10"))
    body = (
        "Netflix shared new details on the zombie drama this week.\n\n"
        "The company confirmed eight episodes, two fewer than the first season's twelve.\n\n"
        "If filming begins in the autumn, we can expect a premiere in 2026.\n"
    )
    add_article(paths, "950_s10", body, "2025-06-20", "All of Us Are Dead Season 2: an update")
    return Engine(load(paths), prefix="!", today=lambda: TODAY)


def test_a_newer_firm_count_beats_an_older_rumoured_one(counted):
    lines = {ln.text.split(":**")[0].strip("*"): ln.text for ln in counted.answer("!status").lines}
    assert lines["Episodes"].startswith("**Episodes:** 8 episodes · 2025-06-20")
    assert "Filming expected" not in lines["Filming"]


@pytest.mark.parametrize(
    "text",
    [
        "Netflix confirmed that season 2 will have eight episodes, not the rumoured twelve.",
        "Contrary to earlier rumours, season 2 will run eight episodes, Netflix confirmed.",
        "Netflix has confirmed eight episodes for season 2, despite rumours of a longer run.",
    ],
)
def test_talk_set_aside_leaves_a_confirmed_count_firm(lex, text):
    assert claims(lex, text)["episodes"][:3] == ("count", "confirmed", "8")


def test_talk_that_is_the_news_stays_rumoured(lex):
    got = claims(lex, "Netflix confirmed season 2, and rumours say it has nine episodes.")
    assert got["episodes"][:3] == ("count", "rumoured", "9")
    got = claims(lex, "Season 2 could have ten episodes, a report claims.")
    assert got["episodes"][1] == "rumoured"
