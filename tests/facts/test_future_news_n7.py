"""What the final blind round (n7) misread, each as a clause-reading mechanism with a second,
differently worded case beside the round's own sentence."""

from __future__ import annotations

import pytest

from tests.facts.test_claims import claims
from tests.facts.test_future_news import _lines, _run

TITLE = "'All of Us Are Dead' wraps second season shoot"


@pytest.fixture(scope="module")
def n7(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n7fix"), "n7")


def test_n7_status_reads_every_topic_right(n7):
    lines = _lines(n7[0])
    assert "Filming wrapped, in post-production, July 30, 2025" in lines["Filming"]
    assert "Yoon Gwi-nam" in lines["Back"].split("not back (denied): ")[1]
    first, second, third, fourth, _ = n7[1]
    assert not any("-> 12 episodes" in c for c in first)  # the first season's twelve
    assert second == []  # "still shooting" goes on from the dated start: no step, no dispute
    assert any("Teaser out, August 18, 2025" in c for c in third)  # "released on Monday"
    assert any(c.endswith("-> Premiere date: March 27, 2026 (2026-01-20)") for c in fourth)


def test_n7_a_guides_cast_lists_are_cast_news(n7):
    now = next(x.text for x in n7[0].answer("!status cast").lines if x.text.startswith("**Now"))
    assert "return (confirmed) · 2026-01-20" in now  # whom the guide's list brings back


@pytest.mark.parametrize(
    "text",
    [
        "The new season will be shorter than the first, which ran twelve episodes.",
        "Season 2 follows season one, which had sixteen episodes, and picks up a year later.",
        "The new season is shorter than last time, which had 12 episodes.",
        "Season 2 has half the length of the original, which ran 12 episodes.",
    ],
)
def test_a_count_in_a_which_clause_on_another_season_is_not_ours(lex, text):
    assert "episodes" not in claims(lex, text)


def test_a_season_number_before_episodes_is_no_count(lex):
    assert "episodes" not in claims(lex, "The season 2 episodes will be released weekly.")


def test_a_which_clause_on_the_new_season_keeps_its_count(lex):
    got = claims(lex, "The second season, which runs eight episodes, is due in June.")
    assert got["episodes"][2] == "8"


@pytest.mark.parametrize(
    "text",
    [
        "Netflix confirmed the season will have eight episodes, all released at once.",
        "The second season's six episodes dropped in one go, the streamer said.",
    ],
)
def test_a_release_mode_is_no_premiere(lex, text):
    assert claims(lex, text, "2026-01-20").get("release", ("",))[0] != "premiered"


@pytest.mark.parametrize(
    "text",
    [
        'The series is now in post-production, where the team works on "twice the effects of '
        'season one."',
        "Editing is under way now, with double the visual effects of the first season.",
    ],
)
def test_a_season_one_yardstick_inside_a_comparison_leaves_the_news_ours(lex, text):
    assert claims(lex, text, "2025-08-19", TITLE)["filming"][0] in ("post", "ongoing")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The one-minute teaser, released on Monday through YouTube, opens on a rooftop.", "18"),
        ("The new teaser, dropped on Friday via Instagram, shows Nam-ra alone.", "15"),
    ],
)
def test_a_weekday_after_a_past_participle_is_the_one_before(lex, text, day):
    got = claims(lex, text, "2025-08-19", TITLE)["trailer"]
    assert got[0] == "teaser" and got[2] == f"August {day}, 2025"


def test_a_weekday_after_will_be_is_ahead(lex):
    got = claims(lex, "The teaser will be released on Monday.", "2025-08-19", TITLE)["trailer"]
    assert got[0] == "teaser:planned" and got[2] == "August 25, 2025"


@pytest.mark.parametrize(
    "text",
    [
        "Returning: Park Ji-hu (Nam On-jo), Cho Yi-hyun (Choi Nam-ra).",
        "Newcomers: Kim Ha as Jo Mi.",
    ],
)
def test_a_labelled_list_of_actors_is_cast_news(lex, text):
    assert claims(lex, text, "2026-01-20", "Who's in the cast?")["cast"][0] == "news"


def test_a_label_before_a_colon_that_lists_no_actors_is_no_cast_news(lex):
    assert "cast" not in claims(lex, "New: the trailer is two minutes long.", "2026-01-20")


@pytest.fixture(scope="module")
def p1(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("p1"), "p1")


@pytest.fixture(scope="module")
def p2(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("p2"), "p2")


def test_p1_held_out_story(p1):
    """Not yet read: "dropped a teaser on Wednesday" stays undated."""
    lines = _lines(p1[0])
    assert "Filming wrapped, in post-production, July 2025" in lines["Filming"]
    assert lines["Trailer"].startswith("**Trailer:** Teaser out")
    assert lines["Release window"].startswith("**Release window:** Expected: 2026")
    assert lines["Episodes"].startswith("**Episodes:** 7 episodes")  # not Season 1's 12
    assert "not back (denied): Yoon Gwi-nam, Lee Na-yeon" in lines["Back"]
    for new in ("Bae Na-ra (Goh Eun-bi)", "Seo Ji-hoon (Ahn Jae-won)", "Kim Ha-neul (Min Seo-ah)"):
        assert new in lines["New cast"]
    assert p1[1][1] == ["Trailer: No trailer yet (2024-04-09) -> Teaser out (2025-02-15)"]


def test_p2_held_out_story(p2):
    """Not yet read: "slated for next year" and "will return early next year" (no release cue)."""
    lines = _lines(p2[0])
    assert "Filming wrapped, in post-production, August 2025" in lines["Filming"]
    assert "Teaser out, May 2, 2025" in lines["Trailer"]
    assert lines["Episodes"].startswith("**Episodes:** 9 episodes")
    assert "not back (denied): Lee Su-hyeok" in lines["Back"]
    assert "Ryu Ha-jin (Jin Bo-ra)" in lines["New cast"]
    assert not any(c.startswith("Filming") for c in p2[1][1])  # "still rolling": no step


@pytest.mark.parametrize(
    "text",
    [
        "Actor Yoo In-soo will not appear in the new season, his agency confirmed last week, "
        "putting an end to months of fan speculation that the villain Gwi-nam would return.",
        "Lee Yoo-mi is not part of the second season, her label confirmed, ending rumours that "
        "Na-yeon would come back in flashbacks.",
    ],
)
def test_a_confirmed_denial_beside_talk_is_a_stated_denial(lex, text):
    from bot.facts.reading.claims.returns import STATED, return_stance
    from bot.facts.text import PhraseSet

    s2 = PhraseSet.of(tuple(lex.claims["values"]["return_s2"]))
    assert return_stance(text, s2, lex) == (True, STATED)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Season 2 is planned for next year.", "2025"),
        ("The second season is due early next year, the streamer said.", "early 2025"),
    ],
)
def test_a_season_planned_for_a_time_is_its_release(lex, text, value):
    assert claims(lex, text, "2024-11-14")["release"][1:3] == ("expected", value)


def test_a_plan_after_another_topics_cue_is_that_topics(lex):
    got = claims(lex, "The teaser for season 2 will be out next week.", "2024-11-14")
    assert "release" not in got


@pytest.mark.parametrize(
    "text",
    [
        "Season 2 picks up one year after the ending of season 1.",
        "The second season picks up where the first left off.",
    ],
)
def test_where_the_story_picks_up_is_no_renewal(lex, text):
    assert "renewal" not in claims(lex, text, "2026-01-20")


def test_a_season_that_shot_to_no_1_reports_no_shoot(lex):
    got = claims(lex, "Season 2 landed on Netflix on June 6 and shot to No. 1.", "2025-06-11")
    assert "filming" not in got and got["release"] == ("premiered", "confirmed", "June 6, 2025", 2)
