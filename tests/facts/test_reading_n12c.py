"""States said as a predicate and the cast's chatter online, read as a careful fan does:
"filming is done" is a wrap though "done" alone tells no step, and the cast posting or
reacting on social media is no cast news unless someone is said to take part."""

from __future__ import annotations

import pytest

from tests.facts.test_claims import claims


@pytest.mark.parametrize(
    "text",
    [
        "First: filming is DONE.",
        "Big news from the set: shooting on season 2 is finally complete, the crew said.",
        "Production on season 2 is over, the studio said.",
        "Season 2 is officially in the can, the director told fans last week.",
        "Filming's done for season 2, and the team is relieved.",
    ],
)
def test_a_state_said_as_a_predicate_of_the_shoot_is_that_state(lex, text):
    assert claims(lex, text)["filming"][:2] == ("wrapped", "confirmed")


def test_the_furthest_state_still_wins_over_a_predicate(lex):
    got = claims(lex, "Principal photography is now done and the team has moved into editing.")
    assert got["filming"][0] == "post"


def test_a_predicate_needs_the_shoot_as_its_subject(lex):
    got = claims(lex, "The wait is over: filming on season 2 has begun.")
    assert got["filming"][0] == "began"


@pytest.mark.parametrize(
    "text",
    [
        "Several cast members reacted on Twitter to the season 2 teaser within minutes.",
        "The season 2 cast went straight to Instagram with cake photos and captions.",
    ],
)
def test_the_casts_chatter_online_is_no_cast_news(lex, text):
    assert "cast" not in claims(lex, text)


def test_a_post_that_tells_a_return_is_still_cast_news(lex):
    got = claims(lex, "Cho Yi-hyun posted on Instagram that she will return for season 2.")
    assert "cast" in got


def test_a_shoot_over_budget_is_no_wrap(lex):
    got = claims(lex, "Filming on season 2 is over budget but still under way in Paju.")
    assert got["filming"][0] != "wrapped"


def test_a_start_or_finish_named_with_its_time_is_a_target_not_the_event(lex):
    got = claims(lex, "The season 2 shoot ran a few weeks past the August finish the crew set.")
    assert "filming" not in got


def _headline(lex, title: str):
    from bot.facts.building.records import Sentence
    from bot.facts.reading.status_claims import sentence_claims
    from bot.facts.sources.manifest import Source

    src = Source(
        id="x",
        title=title,
        published="2022-06-07",
        estimated=False,
        date_clue="",
        body=title,
        sha256="",
    )
    s = Sentence(0, "x", 0, 0, len(title), title, title, "heading", "", False)
    return {c.topic: c.state for c in sentence_claims(s, src, lex)}


def test_the_articles_headline_tells_its_news(lex):
    assert _headline(lex, "Netflix Drops a New Trailer for Season 2")["trailer"] == "teaser"


def test_a_headline_listing_what_the_article_covers_tells_none(lex):
    assert _headline(lex, "Season 2: Release date updates, cast, plot and everything we know") == {}


def test_a_section_heading_is_still_no_news(lex):
    from bot.facts.building.records import Sentence
    from bot.facts.reading.status_claims import sentence_claims
    from bot.facts.sources.manifest import Source

    src = Source(
        id="x",
        title="Our roundup",
        published="2022-06-07",
        estimated=False,
        date_clue="",
        body="b",
        sha256="",
    )
    h = "Netflix Drops a New Trailer for Season 2"
    s = Sentence(1, "x", 1, 0, len(h), h, h, "heading", "", False)
    assert sentence_claims(s, src, lex) == []
