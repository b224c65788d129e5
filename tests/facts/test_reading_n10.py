"""Branch reading-n10: a bare "not yet" after a noun phrase, a year a printed weekday decides,
a difference that is no count, plans told as targets, a time called optimistic set aside, habits
that tell no state, a guide's short answers and cast lists, and ended talk of a return."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.facts.building.records import Sentence
from bot.facts.reading.claims.values import time_values
from bot.facts.reading.status_claims import sentence_claims
from bot.facts.sources.manifest import Source
from tests.conftest import TODAY, add_article, copy_corpus, load
from tests.facts.conftest import pairs
from tests.facts.test_claims import claims


def guided(lex, text: str, section: str, title: str, published: str = "2026-03-01") -> dict:
    """{topic: (state, modality, value)} for one sentence under a heading of a titled article."""
    src = Source(
        id="x", title=title, published=published, estimated=False, date_clue="", body=text,
        sha256="",
    )  # fmt: skip
    s = Sentence(1, "x", 1, 0, len(text), text, text, "text", section, False)
    return {c.topic: (c.state, c.modality, c.value) for c in sentence_claims(s, src, lex)}


@pytest.mark.parametrize(
    "text",
    [
        "A first-look clip, yes; the official trailer, not yet.",
        "Posters, yes. A full trailer? Not yet.",
        "The teaser is out; the main trailer, not so far.",
    ],
)
def test_a_bare_not_yet_after_a_noun_denies_that_noun(lex, text):
    got = claims(lex, text, published="2026-03-10", section="Season 2 trailer")
    assert got.get("trailer", ("none",))[0] != "full"


def test_a_printed_weekday_decides_the_year():
    # 2026-10-09 is a Friday; October 6 is a Tuesday in 2026, not in 2027
    got = time_values("the streamer said on Tuesday, Oct. 6, when it", "2026-10-09", "present")
    assert [v for _, v in got] == ["October 6, 2026"]
    got = time_values("the premiere on Saturday, January 9", "2026-12-20", "present")
    assert [v for _, v in got] == ["January 9, 2027"]


def test_a_day_told_in_the_present_takes_the_nearer_year():
    got = time_values("the teaser, shared on March 2, is trending", "2026-03-04", "present")
    assert [v for _, v in got] == ["March 2, 2026"]


def test_a_season_something_came_from_is_the_one_begun():
    got = time_values("longer than the teaser from the spring", "2026-09-01", "present")
    assert [v for _, v in got] == ["Spring 2026"]


def test_a_trailer_put_out_days_before_the_article_is_out(lex):
    text = "The streamer confirmed on Tuesday, Oct. 6, when it also dropped the official trailer."
    got = claims(lex, text, published="2026-10-09", section="Season 2")
    assert got["trailer"][:3] == ("full", "confirmed", "October 6, 2026")


@pytest.mark.parametrize(
    "text",
    [
        "Season 2 is three episodes shorter than the first season.",
        "The second season has two fewer episodes.",
        "The new season runs two episodes longer, the director said.",
    ],
)
def test_a_difference_is_no_count(lex, text):
    assert "episodes" not in claims(lex, text, published="2026-05-01")


def test_a_count_beside_its_difference_stays(lex):
    got = claims(lex, "Season 2 will have eight episodes, four fewer than season one.")
    assert got["episodes"][:3] == ("count", "confirmed", "8")


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Principal photography on season 2 is targeted for 2027.", "expected"),
        ("Principal photography on season 2 is aimed at spring 2027, insiders say.", "rumoured"),
        (
            "The studio has pre-production under way, with season 2's principal photography "
            "targeted for the first half of 2027.",
            "expected",
        ),
    ],
)
def test_a_target_is_a_start_ahead(lex, text, modality):
    got = claims(lex, text, published="2026-06-01")
    assert got["filming"][:2] == ("began:planned", modality)


def test_a_time_called_optimistic_is_set_aside(lex):
    text = (
        "Talk of a 2025 premiere for season 2 now seems optimistic; a 2027 release is the more "
        "likely target."
    )
    got = claims(lex, text, published="2025-02-01")
    assert got["release"][:3] == ("window", "expected", "2027")


@pytest.mark.parametrize(
    "text",
    [
        "Netflix typically waits until a show is well into post-production before any teaser.",
        "The streamer tends to save the main trailer for a few weeks before launch.",
    ],
)
def test_a_habit_tells_no_state(lex, text):
    got = claims(lex, text, published="2026-01-10", section="Season 2 news")
    assert "filming" not in got and got.get("trailer", ("none",))[0] not in ("full", "post")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Netflix announced that season 2 is coming in October 2026.", "October 2026"),
        ("The streamer has pencilled the new season in for spring 2027.", "spring 2027"),
    ],
)
def test_a_season_coming_in_a_time_is_its_release(lex, text, value):
    got = claims(lex, text, published="2026-05-01")
    assert got["release"][0] == "window" and got["release"][2] == value


def test_a_short_answer_counts_the_headings_noun(lex):
    title = "Everything we know about the show's second season"
    got = guided(lex, "Ten, says the streamer.", "How many episodes?", title)
    assert got["episodes"] == ("count", "confirmed", "10")
    assert guided(lex, "Ten, says the streamer.", "How many episodes?", "A guide to Season 1") == {}
    assert "episodes" not in guided(lex, "Ten.", "Is there a trailer?", title)


def test_a_labelled_cast_list_is_text(lex):
    from bot.facts.reading.article import _sentences
    from bot.facts.text import Repairer

    body = "Who is back?\nBack: Kim Min-ji (Song Ha), Lee Dong-wook (Pyo)\nMore soon."
    src = Source(
        id="x", title="t", published="2026-01-01", estimated=False, date_clue="", body=body,
        sha256="",
    )  # fmt: skip
    got = {s.display: s.kind for s in _sentences(src, Repairer([]), [], lex)}
    assert got["Back: Kim Min-ji (Song Ha), Lee Dong-wook (Pyo)"] == "text"


def test_ended_talk_of_a_return_denies_it(lex):
    from bot.facts.reading.claims.returns import return_stance

    cue = lex.returns
    text = 'Her manager said, "She is not in the new season," laying to rest talk of her return.'
    assert return_stance(text.replace("laying to rest", "putting an end to"), cue, lex) == (
        True,
        0,
    )
    assert return_stance("The post dispelled rumours of his return.", cue, lex)[0] is True


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    """The shipped articles plus a guide of short answers and a list, then a brief that
    restates the count as a difference and names a newcomer beside returning actors."""
    paths = copy_corpus(tmp_path_factory.mktemp("n10"))
    body = (
        "Here is what we know so far.\n\n"
        "How many episodes are there?\n"
        "Six, the streamer confirmed.\n\n"
        "Who is in it?\n"
        "Returning: Ha Seung-ri (Jang Ha-ri), Im Jae-hyuk (Yang Dae-su), "
        "Kim Bo-yoon (Seo Hyo-ryung)\n\n"
        "Is there a trailer?\n"
        "A teaser, yes; a full trailer, not yet.\n"
    )
    add_article(paths, "950_n10", body, "2026-02-01", "All of Us Are Dead Season 2 guide")
    brief = (
        "The new season is six episodes shorter than the first, the director said.\n\n"
        "Lee Eun-saem is also back in season 2, and newcomer Roh Yoon-seo appears too.\n"
    )
    add_article(paths, "951_n10", brief, "2026-04-01", "All of Us Are Dead Season 2 brief")
    return Engine(load(paths), prefix="!", today=lambda: TODAY)


def test_a_guides_short_answers_and_list_are_read(guide):
    lines = {ln.text.split(":**")[0].strip("*"): ln.text for ln in guide.answer("!status").lines}
    assert lines["Episodes"].startswith("**Episodes:** 6 episodes · 2026-02-01")
    assert "disputed" not in lines["Episodes"]
    back = lines["Back"].split("expected")[0]
    assert all(n in back for n in ("Jang Ha-ri", "Yang Dae-su", "Seo Hyo-ryung"))
    assert "Full trailer" not in lines["Trailer"]


def test_a_newcomer_beside_returning_actors_is_not_returning(guide):
    text = "\n".join(ln.text for ln in guide.answer("!status cast").lines)
    assert "Lee Eun-saem" in text or "Park Mi-jin" in text
    assert "Roh Yoon-seo returning" not in text


def test_a_narrowed_window_is_a_change():
    from bot.answers.evidence.status.values import change_key

    assert change_key("2027") != change_key("the first half of 2027")
    assert change_key("spring 2027") != change_key("autumn 2027")
    assert change_key("May 2027") == change_key("May 2027")


def test_a_modal_hedge_in_another_clause_leaves_a_confirmation_firm(lex):
    text = "Season 2 is officially in production, and we might have cheered a little too loudly."
    assert claims(lex, text, published="2025-05-02")["filming"][:2] == ("ongoing", "confirmed")
    hedged = claims(lex, "Netflix confirmed season 2 could arrive in 2026.", published="2025-05-02")
    assert hedged["release"][1] == "rumoured"


@pytest.mark.parametrize(
    "text",
    [
        "Zombie Drama's Second Season Wraps Filming After Seven Months",
        "'The Undead Class 2' Finishes Shooting In Seoul After Long Delays",
    ],
)
def test_a_title_case_headline_is_read_for_its_verbs(lex, text):
    got = claims(lex, text, published="2025-11-20", section="Season 2")
    assert got["filming"][0] == "wrapped"



@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "Park Ji-hu leads the returning cast, while Roh Yoon-seo and Ryu Han-gyeol join as "
            "Ji Seo-yeon and Sergeant Kang Tae-ho.",
            ("Roh Yoon-seo", "Ji Seo-yeon"),
            ("Ryu Han-gyeol", "Kang Tae-ho"),
        ),
        (
            "In other news, Kim Min-jae and Seo Ji-ho joined as Han Bo-ra and Dr. Lim Tae-sung.",
            ("Kim Min-jae", "Han Bo-ra"),
            ("Seo Ji-ho", "Lim Tae-sung"),
        ),
    ],
)
def test_a_coordinated_join_pairs_in_order_as_new_cast(collector, text, first, second):
    got = pairs(collector, text)
    assert {(*first, True), (*second, True)} <= got
    assert (second[0], first[1], True) not in got  # never the second actor with the first role
    assert len([p for p in got if p[1]]) == 2, got
