"""Never-seen articles, sets s6 and s7 (tests/facts/future_news/; s7 held out, written after
the s6 changes): plans told as "preparing to", "is set to" and "aims to" never read as done;
past events in industry verbs ("rolled cameras", "called it a wrap", "went live", "landed on
Netflix") dated by times relative to the article ("end of last month", "in two weeks", "last
Thursday"); a third season's "not renewed" leaves Season 2 alone; a vaguer restatement
decides nothing; cast in new phrasings; a lay source's report denied two sentences later."""

from __future__ import annotations

import pytest

from bot.facts.reading.claims.values import time_values
from tests.conftest import engine_with_article
from tests.facts.conftest import pairs
from tests.facts.test_claims import claims
from tests.facts.test_future_news import _lines, _run


@pytest.fixture(scope="module")
def s6(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("s6"), "s6")


def test_s6_final_status(s6):
    lines = _lines(s6[0])
    # "has not renewed the show beyond Season 2", "beyond the current season": a third season's
    assert "Renewed, June 6, 2022" in lines["Renewal"]
    # "wrapped filming some time ago" later is vaguer than "called it a wrap on December 19"
    assert "Filming wrapped, in post-production, December 19, 2025 · 2026-01-09" in lines["Filming"]
    assert "Full trailer out, July 23, 2026 · 2026-08-20" in lines["Trailer"]
    # "landed on Netflix last Thursday" in an article of Thursday, August 20
    assert "Premiered August 13, 2026 · 2026-08-20" in lines["Release window"]
    # "is expected to have about ten episodes" later does not decide over "comprises ten"
    assert lines["Episodes"].startswith("**Episodes:** 10 episodes · 2026-01-09")
    back = lines["Back"].split("; ")[0]
    assert "Lee Su-hyeok" in back and "Yoon Gwi-nam" in back  # "A and B return as C and D"
    for new in (
        "Kwon Da-bin (Ahn Seo-rin)",  # takes the role of Dr. Ahn Seo-rin
        "Lim Si-wan (Jo Hyun-woo)",  # will play Captain Jo Hyun-woo; Y, played by X
        "Han Jae-ho (Go Eun-taek)",  # Joining as Principal Go Eun-taek is Han Jae-ho
        "Seo Ye-jun (Bang Chan-gyu)",  # X, as his old classmate Y
        "Jung Ha-eun (Minseo)",  # a one-word name never seen before
    ):
        assert new in lines["New cast"]
    assert "role not revealed" not in lines["New cast"].split("Roh Yoon-seo")[0]
    assert not any("disputed" in line or "16 episodes" in line for line in lines.values())


def test_s6_changes_keep_plans_planned_and_date_each_event(s6):
    first, second, third, fourth, fifth = s6[1]
    assert not any(c.startswith("Renewal") for c in first + fifth)
    assert any(c.endswith("-> Filming expected to begin, April 2025 (2025-03-14)") for c in first)
    assert not any("16 episodes" in c for c in first)  # '"That report is false"' two later
    assert any(c.endswith("-> Filming began, late May 2025 (2025-06-20)") for c in second)
    assert not any(c.startswith("Release window") for c in second)  # a fan account's post
    assert any("Teaser planned, January 23, 2026" in c for c in third)  # "in two weeks"
    assert any(c.endswith("-> Teaser out, April 30, 2026 (2026-05-02)") for c in fourth)
    assert not any("Filming" in c or "Episodes" in c for c in fourth)
    assert any("Premiered August 13, 2026" in c for c in fifth)


@pytest.mark.parametrize(
    "text, published, tense, value",
    [
        ("rolled cameras at the end of last month", "2025-06-20", "past", "late May 2025"),
        ("landed on Netflix last Thursday", "2026-08-20", "past", "August 13, 2026"),
        ("went live last Thursday, drawing views", "2026-05-02", "past", "April 30, 2026"),
        ("will unveil a teaser in two weeks", "2026-01-09", "future", "January 23, 2026"),
        ("plans to start shooting next month", "2025-12-03", "future", "January 2026"),
        ("posted earlier this week", "2025-06-20", "past", "June 2025"),
        ("the teaser came out yesterday", "2025-03-01", "past", "February 28, 2025"),
        ("filming ended two weeks ago", "2025-03-01", "past", "February 15, 2025"),
        ("the show arrives next Friday", "2025-06-20", "future", "June 27, 2025"),
        ("it was renewed last year", "2025-06-20", "past", "2024"),
        ("it will be out by the end of the year", "2025-06-20", "future", "late 2025"),
        ("the season premieres Friday", "2025-11-05", "present", "November 7, 2025"),
        ("Netflix unveiled the teaser on Monday", "2025-11-05", "past", "November 3, 2025"),
    ],
)
def test_a_time_told_relative_to_the_article_is_read_against_its_date(
    text, published, tense, value
):
    assert [v for _, v in time_values(text, published, tense)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The crew shot the finale in two weeks.",  # a length, not a date
        "Netflix said on Friday that the season is ready.",  # the telling's day
        "During the last month of filming, the cast lived in Paju.",
        "The crew wrapped two weeks before the premiere.",  # counted from another time
        "The teaser arrived on Monday, Netflix said.",  # the day may be the telling's
    ],
)
def test_a_length_or_the_telling_day_is_no_relative_time(text):
    assert time_values(text, "2025-06-20", "past") == []


def test_a_plan_in_relative_time_is_planned_and_a_past_event_is_done(lex):
    got = claims(lex, "Season 2 is preparing to start shooting next month.", "2025-03-14")
    assert got["filming"][:3] == ("began:planned", "expected", "April 2025")
    got = claims(lex, "Season 2 is set to premiere in two weeks.", "2026-05-02")
    assert got["release"][0] != "premiered"
    got = claims(lex, "Season 2 landed on Netflix last Thursday.", "2026-08-20")
    assert got["release"][:3] == ("premiered", "confirmed", "August 13, 2026")


def test_another_seasons_renewal_is_not_season_2s(lex):
    got = claims(lex, "Netflix has not renewed the show beyond Season 2.")
    assert got["renewal"][3] == 3
    got = claims(lex, "Netflix has not renewed the series beyond the current season.")
    assert got["renewal"][3] == 3
    got = claims(lex, "Netflix has renewed Season 2.")  # the cue alone is still Season 2's
    assert got["renewal"][3] == 2


def test_a_lay_sources_word_is_talk(lex):
    got = claims(lex, "A fan account posted that the second season will premiere in December.")
    assert got["release"][1] == "rumoured"
    got = claims(lex, "A tabloid wrote that the new season runs sixteen episodes.")
    assert got["episodes"][1] == "rumoured"
    got = claims(lex, "An outlet wrote that the new season runs sixteen episodes.")
    assert got["episodes"][1] == "confirmed"  # a named outlet may follow: not talk by itself


@pytest.mark.parametrize(
    "text, actor, role",
    [
        ("Newcomer Kwon Da-bin takes the role of Dr. Ahn Seo-rin.", "Kwon Da-bin", "Ahn Seo-rin"),
        ("Lim Si-wan will play Captain Jo Hyun-woo.", "Lim Si-wan", "Jo Hyun-woo"),
        (
            "Also new is Seo Ye-jun, as his old classmate Bang Chan-gyu.",
            "Seo Ye-jun",
            "Bang Chan-gyu",
        ),
        ("Joining as Principal Go Eun-taek is Han Jae-ho.", "Han Jae-ho", "Go Eun-taek"),
        ("Nam Bo-ra has been cast as Sergeant Yoo Ji-seok.", "Nam Bo-ra", "Yoo Ji-seok"),
        ("Newcomer Jung Ha-eun appears as Minseo, a transfer student.", "Jung Ha-eun", "Minseo"),
    ],
)
def test_cast_news_in_new_phrasings_pairs_as_new_cast(collector, text, actor, role):
    assert (actor, role, True) in pairs(collector, text)


def test_a_role_played_by_pairs_without_brackets(collector):
    got = pairs(collector, "Jo Hyun-woo, played by Lim Si-wan, leads the soldiers.")
    assert ("Lim Si-wan", "Jo Hyun-woo", False) in got  # a story told: not new by itself


def test_a_dictionary_word_after_as_is_no_name(collector):
    assert pairs(collector, "Kim Da-eun returns as Season 2 begins.") == set()
    assert pairs(collector, "Kim Da-eun starred as Director of the club.") == set()


# --- s7: a held-out set written after the s6 changes ------------------------------------------


@pytest.fixture(scope="module")
def s7(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("s7"), "s7")


def test_s7_final_status(s7):
    lines = _lines(s7[0])
    assert "Renewed, June 6, 2022" in lines["Renewal"]  # "cancelled" rumours called untrue
    assert "Filming wrapped, in post-production, March 2026 · 2026-06-30" in lines["Filming"]
    # "had dropped two weeks before the premiere, on January 22"
    assert "Full trailer out, January 22, 2027 · 2027-02-12" in lines["Trailer"]
    assert "Premiered February 5, 2027 · 2027-02-12" in lines["Release window"]
    assert lines["Episodes"].startswith("**Episodes:** 8 episodes")  # a forum's six denied
    for new in ("Baek Min-jae (Kang Do-yun)", "Shin Ye-rim (Oh Bo-ra)", "Yoon Da-on (Gi-tae)"):
        assert new in lines["New cast"]
    assert not any("disputed" in line or "6 episodes" in line for line in lines.values())


def test_s7_a_teaser_that_premiered_is_no_premiere(s7):
    first, second, third = s7[1]
    assert not any(c.startswith("Release window") and "Premiered" in c for c in first + second)
    assert any(c.endswith("-> Expected: early 2027 (2026-06-30)") for c in second)
    assert any("Filming wrapped, in post-production, March 2026" in c for c in second)
    assert any("Premiered February 5, 2027" in c for c in third)


def test_an_and_with_a_verb_of_its_own_opens_a_clause(lex):
    got = claims(
        lex,
        "Season 2 principal photography kicked off three weeks ago and is expected to last "
        "until spring.",
        "2025-10-08",
    )
    assert got["filming"][:3] == ("began", "confirmed", "September 17, 2025")


@pytest.mark.parametrize(
    "text, published, topic, state",
    [
        ("Season 2 went live on Netflix last Friday.", "2026-05-02", "release", "premiered"),
        ("The sequel started streaming last Friday.", "2026-05-02", "release", "premiered"),
        ("Cameras stopped rolling on Season 2 last week.", "2026-05-02", "filming", "wrapped"),
        ("The Season 2 shoot came to a close in March.", "2026-05-02", "filming", "wrapped"),
        ("Netflix gave the go-ahead for a second season.", "2022-06-07", "renewal", "renewed"),
    ],
)
def test_industry_verbs_tell_the_event(lex, text, published, topic, state):
    assert claims(lex, text, published)[topic][0] == state


def test_a_topic_word_qualifying_a_noun_reports_nothing(lex):
    assert "trailer" not in claims(lex, "Netflix unveiled the teaser poster for Season 2.")
    assert "filming" not in claims(lex, "Filming stills from Season 2 went viral.")
    assert claims(lex, "Season 2 is still filming in Paju.")["filming"][0] == "ongoing"


def test_a_release_verb_after_a_trailer_is_the_trailers(lex):
    got = claims(lex, "A first teaser clip for Season 2 premiered during a fan event.")
    assert "release" not in got and got["trailer"][0] == "teaser"
    got = claims(
        lex, "The Season 2 trailer (it runs two minutes) went live on May 1.", "2026-05-02"
    )
    assert "release" not in got and got["trailer"][2] == "May 1, 2026"
    got = claims(lex, "The Season 2 trailer came out in May, and the show arrived on June 5.")
    assert got["release"][:3] == ("premiered", "confirmed", "June 5, 2025")


def test_the_premiere_as_a_point_of_reference_claims_no_premiere(lex):
    got = claims(
        lex,
        "The official trailer for Season 2 had dropped two weeks before the premiere, on "
        "January 22.",
        "2027-02-12",
    )
    assert "release" not in got and got["trailer"][:3] == ("full", "confirmed", "January 22, 2027")


@pytest.mark.parametrize(
    "report",
    [
        "Filming on Season 2 has wrapped, according to a post by a crew member.",
        "A tabloid wrote on Wednesday that Season 2 filming has wrapped.",
    ],
)
def test_a_denial_two_sentences_after_its_report_takes_it_back(tmp_path, report):
    body = f"Season 2 news\n\n{report} The post was deleted hours later. Netflix called it false."
    engine = engine_with_article(tmp_path, "999_denial", body, "2025-06-20")
    line = next(x.text for x in engine.answer("!status").lines if x.text.startswith("**Filming"))
    assert "wrapped" not in line


def test_an_n_part_series_counts_episodes_and_two_parts_do_not(lex):
    assert claims(lex, "Season 2 will be an eight-part series.")["episodes"][2] == "8"
    assert "episodes" not in claims(lex, "Season 2 will be split into two parts.")


@pytest.mark.parametrize(
    "text, actor, role",
    [
        ("Ryu Seung-bum was tapped to play Dr. Cha Min-ho.", "Ryu Seung-bum", "Cha Min-ho"),
        ("The role of Baek Ha-na goes to Seo Ji-ye.", "Seo Ji-ye", "Baek Ha-na"),
        ("Oh Ji-an will be played by Lee Da-in in the new season.", "Lee Da-in", "Oh Ji-an"),
        ("Kim Tae-ri is set to star as Officer Han Ji-woo.", "Kim Tae-ri", "Han Ji-woo"),
    ],
)
def test_more_casting_news_pairs_as_new_cast(collector, text, actor, role):
    assert (actor, role, True) in pairs(collector, text)


def test_a_list_playing_a_list_pairs_in_order(collector):
    got = pairs(collector, "Newcomers Kim Bo-ra and Park Se-jun play twins Do-hee and Do-yoon.")
    assert {("Kim Bo-ra", "Do-hee", True), ("Park Se-jun", "Do-yoon", True)} <= got


@pytest.mark.parametrize(
    "text, value",
    [
        ("Season 2 is due out in March.", "March 2026"),
        ("Netflix is eyeing a spring 2026 release for Season 2.", "spring 2026"),
        ("The Season 2 premiere is pencilled in for June 2026.", "June 2026"),
    ],
)
def test_a_release_eyed_pencilled_or_due_is_expected(lex, text, value):
    assert claims(lex, text, "2025-11-05")["release"][1:3] == ("expected", value)


def test_a_month_before_an_event_noun_is_the_next_such_month(lex):
    got = claims(lex, "Netflix announced a June premiere for Season 2.", "2025-11-05")
    assert got["release"][2] == "June 2026"
    assert time_values("the teaser had a may release", "2025-11-05", "past") == []


def test_a_clause_about_a_third_season_is_not_season_2s(lex):
    got = claims(
        lex,
        "Netflix has not yet renewed the show for a third season, though Season 2 premieres "
        "in June.",
        "2026-03-01",
    )
    assert got["renewal"][3] == 3 and got["release"][3] == 2
    got = claims(lex, "Season 2 was renewed in 2022, but a third season is not yet confirmed.")
    assert got["renewal"][:4] == ("renewed", "confirmed", "2022", 2)
