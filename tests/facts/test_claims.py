"""Status claims, read clause by clause, on made-up sentences (one mechanism each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.facts.curated import load_lexicon
from bot.facts.manifest import Source
from bot.facts.records import Sentence
from bot.facts.status_claims import sentence_claims

LEXICON = Path(__file__).parents[2] / "data" / "lexicon.toml"


@pytest.fixture(scope="module")
def lex():
    return load_lexicon(LEXICON)


def claims(lex, text: str, published: str = "2025-06-20", section: str = "", before: str = ""):
    """{topic: (state, modality, value, season)} for one sentence of a printed-date article."""
    src = Source(
        id="x",
        title="t",
        published=published,
        estimated=False,
        date_clue="",
        body=text,
        sha256="",
    )
    prev = Sentence(0, "x", 0, 0, 0, before, before, "text", section, False) if before else None
    s = Sentence(1, "x", 1, 0, len(text), text, text, "text", section, False)
    return {
        c.topic: (c.state, c.modality, c.value, c.season)
        for c in sentence_claims(s, src, lex, prev)
    }


def test_a_capitalised_month_is_a_month_not_a_hedge(lex):
    got = claims(
        lex, "The show was renewed in June 2022 and filming on season 2 wrapped in May 2025."
    )
    assert got["renewal"][:3] == ("renewed", "confirmed", "June 2022")
    assert got["filming"][:3] == ("wrapped", "confirmed", "May 2025")


def test_a_future_teaser_is_planned_not_out(lex):
    got = claims(lex, "The season 2 teaser will be released next spring.")
    assert got["trailer"][0] == "teaser:planned" and "release" not in got


def test_reportedly_is_a_rumour_and_a_plan_is_expected(lex):
    got = claims(lex, "Season 2 is reportedly going to wrap filming soon.")
    assert got["filming"][:2] == ("wrapped:planned", "rumoured")
    got = claims(lex, "Filming on season 2 is expected to begin in October 2025.")
    assert got["filming"][:3] == ("began:planned", "expected", "October 2025")


def test_spelled_out_counts_and_another_seasons_count(lex):
    got = claims(lex, "The new season has eight episodes, two fewer than Season 1's ten.")
    assert got["episodes"][2] == "8"
    got = claims(lex, "A forum post claims season 2 will run to eleven episodes.")
    assert got["episodes"][1:3] == ("rumoured", "11")


def test_one_value_per_topic_the_date_goes_to_the_nearest_cue(lex):
    text = (
        "Season 2 arrives on Netflix on October 3, 2025, the streamer said beside a first teaser."
    )
    got = claims(lex, text)
    assert got["release"][:3] == ("date", "confirmed", "October 3, 2025")
    assert got["trailer"] == ("teaser", "confirmed", "", 2)


def test_a_premiere_is_past_and_no_later_than_the_article(lex):
    got = claims(lex, "Season 2 premiered on Netflix on March 2, 2026.", published="2026-03-05")
    assert got["release"][:3] == ("premiered", "confirmed", "March 2, 2026")
    # a date ahead of the article is announced, never done
    got = claims(
        lex, "All episodes of season 2 hit Netflix on May 1, 2026.", published="2026-03-05"
    )
    assert got["release"][0] == "date"


def test_a_month_without_a_year_takes_the_articles(lex):
    got = claims(lex, "Filming on season 2 wrapped in March.", published="2025-06-20")
    assert got["filming"][2] == "March 2025"


def test_a_continuing_clause_keeps_the_plan(lex):
    text = (
        "The season 2 shoot is scheduled to run into 2026, after which it moves to post-production."
    )
    assert claims(lex, text)["filming"][0] == "post:planned"


def test_a_denied_report_reads_as_what_the_source_says(lex):
    text = (
        "The studio said reports of a halt are groundless and season 2 filming is still under way."
    )
    assert claims(lex, text)["filming"][:2] == ("ongoing", "denied")


def test_another_seasons_news_is_kept_apart(lex):
    got = claims(lex, "Netflix has picked up the series for a third season.")
    assert got["renewal"][3] == 3


def test_a_rank_and_a_name_are_no_cues(lex):
    got = claims(lex, "Season 2 debuted at No. 1 on the chart, the streamer said.", "2026-03-05")
    assert got["release"][0] == "premiered"
    assert "filming" not in claims(lex, "Season 2 is produced by Film Studio Gamma.")


def test_word_forms_match_through_lemmas(lex):
    assert (
        claims(lex, "Netflix gave the show a green light for season 2.")["renewal"][0] == "renewed"
    )
    got = claims(lex, "The streamer greenlights a second season.")
    assert got["renewal"][0] == "renewed"


def test_season_2_context_carries_from_the_sentence_before(lex):
    text = "The eight-episode season, which was released on June 26, drew big numbers."
    got = claims(lex, text, "2026-07-08", before="The second season topped the chart.")
    assert got["release"][:3] == ("premiered", "confirmed", "June 26, 2026")
    other = "The docuseries Tidewater returns for its third season on June 19."
    assert "trailer" not in claims(lex, "Neither has a trailer yet.", before=other)
