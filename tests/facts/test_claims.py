"""Status claims, read clause by clause, on made-up sentences (one mechanism each)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.facts.building.records import Sentence
from bot.facts.reading.status_claims import sentence_claims
from bot.facts.sources.manifest import Source
from bot.facts.text import PhraseSet

LEXICON = Path(__file__).parents[2] / "data" / "lexicon.toml"


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


def test_the_series_named_by_title_telling_a_done_event_is_its_first_run(lex):
    # Under a Season 2 heading, a sentence naming the show itself (no season word) that tells
    # of a past release is the first season's news; the same sentence ahead stays Season 2's.
    titled = replace(lex, show=PhraseSet(["Night Bloom"]))
    past = "The horror drama Night Bloom came out in late January and topped the charts."
    section = "Season 2 release date"
    assert "release" in claims(lex, past, section=section)  # without the show's names
    assert claims(titled, past, section=section) == {}
    assert claims(titled, past, before="Night Bloom season 2 is coming.") == {}
    ahead = "Night Bloom will arrive on Netflix in March 2026."
    assert claims(titled, ahead, section=section)["release"][2] == "March 2026"


def test_a_weak_cue_alone_is_no_step_of_a_topic_with_several(lex):
    # "shot" beside Season 2 with no state cue and no value: another sense of the word
    got = claims(lex, "Season 2 shot to the top of the chart in its first week.")
    assert "filming" not in got
    got = claims(lex, "Season 2 started shooting in Busan.")
    assert got["filming"][:2] == ("began", "confirmed")
    # cast news has one step: a weak cue is enough
    assert "cast" in claims(lex, "The whole cast is confirmed to return for season 2.")


# --- dates read against their anchor ------------------------------------------------------


def test_that_year_takes_the_year_printed_just_before(lex):
    got = claims(
        lex,
        "The drama launched in March 2021, and season 2 was greenlit in August of that year.",
        published="2025-02-11",
    )
    assert got["renewal"][2] == "August 2021"
    got = claims(
        lex,
        "Filming on season 2 wrapped later that year.",
        published="2025-02-11",
        before="The cast reunited for a table read on March 3, 2023.",
    )
    assert got["filming"][:3] == ("wrapped", "confirmed", "later in 2023")
    got = claims(lex, "Filming on season 2 wrapped that same year.", published="2025-02-11")
    assert got["filming"][2] == ""  # nothing to point back at: no value rather than a guess


def test_a_range_gives_its_year_to_both_months(lex):
    got = claims(lex, "Season 2 filmed between March and August 2023.", published="2025-01-04")
    assert got["filming"][2] == "March 2023"


def test_a_day_without_a_month_is_the_articles_month_or_the_one_before(lex):
    got = claims(lex, "The streamer unveiled the season 2 teaser on the 4th.", "2024-10-09")
    assert got["trailer"][:3] == ("teaser", "confirmed", "October 4, 2024")
    got = claims(lex, "The streamer unveiled the season 2 teaser on the 28th.", "2024-10-09")
    assert got["trailer"][2] == "September 28, 2024"


def test_a_coming_date_without_a_year_is_the_next_one(lex):
    got = claims(lex, "The season 2 sneak peek goes live on January 8.", published="2024-11-30")
    assert got["trailer"] == ("teaser:planned", "confirmed", "January 8, 2025", 2)


# --- one sentence, several events ---------------------------------------------------------


def test_a_relative_clause_keeps_its_date_beside_another_event(lex):
    got = claims(
        lex,
        "Months after the teaser that Netflix shared in May 2025, the official trailer "
        "(with new footage of the school) finally arrived on October 1, 2025.",
        published="2025-10-03",
    )
    assert got["trailer"][:3] == ("full", "confirmed", "October 1, 2025")


def test_a_date_of_another_event_is_no_release_date(lex):
    got = claims(
        lex,
        "The cast will sign autographs in Busan on June 2, ten days after the premiere of "
        "season 2.",
        published="2026-05-30",
    )
    assert "release" not in got


def test_a_guess_in_its_own_clause_dates_no_topic(lex):
    got = claims(
        lex,
        "Season 2 wrapped filming last week, and knowing how long the effects take, I would "
        "say summer 2026 at best.",
        published="2025-03-01",
    )
    # "last week" dates the wrap by the article's date; the guess's summer 2026 dates nothing
    assert got["filming"][:3] == ("wrapped", "confirmed", "February 2025")


# --- topic words used as modifiers ----------------------------------------------------------


def test_a_topic_word_naming_what_another_thing_is_about_reports_no_state(lex):
    got = claims(lex, "Netflix shared bloopers from the filming of season 2 on its channel.")
    assert "filming" not in got
    got = claims(lex, "The cast talked about filming season 2 in a new interview.")
    assert "filming" not in got
    got = claims(lex, "The start of filming on season 2 was on March 3, 2025.")
    assert got["filming"][2] == "March 3, 2025"  # a part of the event itself still reports it


def test_a_name_opening_a_sentence_is_no_cue(lex):
    got = claims(lex, "Film Nation Korea, the studio behind season 2, shared the news on Monday.")
    assert "filming" not in got
    got = claims(lex, "Filming Wrapped on season 2 last week, the studio said.")
    assert got["filming"][0] == "wrapped"  # a headline's capitals are no name


def test_numbers_spelled_with_decimals_scales_and_compounds(lex):
    from bot.facts.reading.claims.numbers import numbers_in

    words = lex.claims["values"]["numbers"]
    got = numbers_in("It drew six point four million views, then 21 million, 3,500 fans.", words)
    assert [n.text for n in got] == ["6.4 million", "21 million", "3500"]
    assert claims(lex, "Season 2 has twenty-two episodes.")["episodes"][2] == "22"
    assert claims(lex, "Season 2 runs a dozen episodes.")["episodes"][2] == "12"


def test_an_ordinal_that_counts_something_is_no_day(lex):
    got = claims(
        lex, "The teaser for the 2nd season came out on the 10th anniversary of the webtoon."
    )
    assert got["trailer"][2] == ""


def test_a_phrase_of_time_takes_the_tense_of_its_sentence(lex):
    got = claims(lex, "On Tuesday, June 10, Netflix shared the season 2 teaser.")
    assert got["trailer"] == ("teaser", "confirmed", "June 10, 2025", 2)  # not June 2026
    got = claims(lex, "In a post on June 2, the studio said season 2 had finished filming.")
    assert got["filming"][:3] == ("wrapped", "confirmed", "June 2, 2025")


def test_a_month_and_day_with_no_preposition_and_streaming_now(lex):
    got = claims(lex, "Season 2 premieres August 8, Netflix said.")
    assert got["release"][:3] == ("date", "confirmed", "August 8, 2025")
    got = claims(lex, "Season 2 is now streaming since June 13.")
    assert got["release"][:3] == ("premiered", "confirmed", "June 13, 2025")


def test_a_season_ahead_is_the_coming_one_and_that_year_follows_a_relative_date(lex):
    got = claims(lex, "Netflix says season 2 arrives in the fall.", published="2025-05-21")
    assert got["release"][2] == "Fall 2025"
    got = claims(lex, "Season 2 arrives in the spring.", published="2025-10-02")
    assert got["release"][2] == "Spring 2026"
    got = claims(
        lex,
        "The season 2 teaser came out in June of that year.",
        published="2025-12-12",
        before="Season 2 hit Netflix on December 5.",
    )
    assert got["trailer"][:3] == ("teaser", "confirmed", "June 2025")


@pytest.mark.parametrize(
    "text",
    [
        "GWANGJU, Aug. 4 (Daily Screen) -- Season 2 has started filming, the studio said.",
        "August 4, 2025 /Hallyu Newswire/ -- Netflix said season 2 began shooting.",
        "By Min Seo-ah | Aug. 4, 2025 - Season 2 began filming, its studio said.",
    ],
)
def test_a_dateline_dates_the_article_not_the_event(lex, text):
    got = claims(lex, text, published="2025-08-04")
    assert got["filming"][0] == "began" and "August 4" not in got["filming"][2]


def test_a_day_alone_after_a_dateline_is_read_against_it(lex):
    text = "INCHEON, Aug. 4 (Daily Screen) -- Season 2 cameras began rolling on the 1st."
    assert claims(lex, text, published="2025-08-04")["filming"][2] == "August 1, 2025"


def test_a_season_1_yardstick_after_than_keeps_the_sentence(lex):
    text = "The season 2 teaser came out on the 9th and was watched more than the Season 1 one."
    assert claims(lex, text, published="2025-08-12")["trailer"][2] == "August 9, 2025"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The season 2 premiere was slated for summer 2026 but has slipped into 2027.", "2027"),
        ("A winter 2026 launch for season 2 has been shelved; it now comes in 2027.", "2027"),
        ("Netflix had hoped to open season 2 in March 2026.", None),
        ("Season 2 is set to premiere in March 2026.", "March 2026"),
    ],
)
def test_a_plan_given_up_is_not_the_plan(lex, text, value):
    got = claims(lex, text, published="2025-09-01")
    assert (got["release"][2] if "release" in got and got["release"][2] else None) == value


@pytest.mark.parametrize(
    "text",
    ["Season 2 is an eleven-episode run.", "Netflix says season 2 is an 11-episode season."],
)
def test_a_count_joined_to_episode(lex, text):
    assert claims(lex, text)["episodes"][2] == "11"


def test_a_count_after_a_season_2_sentence(lex):
    got = claims(lex, "All eleven episodes drop at once.", before="Season 2 is nearly here.")
    assert got["episodes"][2] == "11"
    got = claims(lex, "It ran 12 episodes.", before="Season 1 is still streaming.")
    assert "episodes" not in got


def _article_claims(lex, body: str, published: str = "2025-09-01"):
    from bot.facts.reading.article import read_alone
    from bot.facts.text import Repairer

    src = Source(
        id="x", title="t", published=published, estimated=False, date_clue="", body=body, sha256=""
    )
    return read_alone(src, Repairer({}), lex).claims


def test_a_count_called_undecided_in_its_own_sentence_is_a_report(lex):
    body = (
        "Streaming notes\n\nA crew member said season 2 has seven episodes, but the studio "
        "said the number of episodes is not final."
    )
    episodes = [c for c in _article_claims(lex, body) if c.topic == "episodes" and c.value]
    assert episodes and all(c.modality == "rumoured" for c in episodes)


def test_that_plan_is_gone_retracts_the_time_before(lex):
    body = (
        "Streaming notes\n\nThe studio first pencilled in a spring 2026 premiere for season 2. "
        "That timetable has been abandoned, the studio said."
    )
    assert not any(c.topic == "release" and c.value for c in _article_claims(lex, body))
