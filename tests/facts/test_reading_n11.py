"""Branch reading-n11: a plan to shoot is no shoot begun, a release window needs a release in its
own words, a day counted from another ("a day later"), a count the next sentence leaves
unconfirmed, a return that settles talk, and a report called premature."""

from __future__ import annotations

import pytest

from bot.facts.curated import load_entities
from bot.facts.reading.article import read_alone, read_named
from bot.facts.reading.claims.values import time_values
from bot.facts.reading.entities import EntityIndex
from bot.facts.sources.manifest import Source
from bot.paths import DATA
from tests.facts.test_claims import claims
from tests.facts.test_future_news import _lines, _run


def article(lex, body: str, published: str, title: str = "Season 2 news"):
    """(claims by sentence id, sentences, per-sentence (named, returns)) of a made-up article."""
    from bot.facts.curated import load_repairs

    src = Source(
        id="x", title=title, published=published, estimated=False, date_clue="", body=body,
        sha256="",
    )  # fmt: skip
    alone = read_alone(src, load_repairs(DATA / "repairs.toml"), lex)
    named, _ = read_named(alone, EntityIndex(load_entities(DATA / "entities.toml")), lex)
    by: dict[int, dict] = {}
    for c in alone.claims:
        by.setdefault(c.sentence_id, {})[c.topic] = (c.state, c.modality, c.value)
    return by, alone.sentences, named


def test_a_shoot_set_to_get_under_way_is_a_planned_start(lex):
    got = claims(lex, "Principal photography on season 2 is set to get under way this spring.")
    assert got["filming"][:3] == ("began:planned", "expected", "Spring 2025")
    got = claims(lex, "Filming on the new season is under way.")
    assert got["filming"][0] == "ongoing"


@pytest.mark.parametrize(
    "text",
    [
        "Film Monster stays on as the production house.",
        "Studio Lark is again the production company.",
        "Film Lab returns to produce the series.",
    ],
)
def test_a_production_company_is_no_shoot(lex, text):
    assert "filming" not in claims(lex, text, section="Season 2 shoot")


@pytest.mark.parametrize(
    "text",
    [
        "Fans say they spotted Cho Yi-hyun near the set last week.",
        "The season 2 leads have been locked in since the spring announcement.",
        "A fan account swears it saw Lomon on set in May.",
    ],
)
def test_a_release_window_needs_a_release_in_its_own_words(lex, text):
    assert "release" not in claims(lex, text, published="2026-06-20", section="Season 2")


def test_a_dating_verb_still_dates_a_release(lex):
    got = claims(lex, "Netflix has set season 2 for May 8.", published="2026-03-01")
    assert got["release"][:3] == ("date", "confirmed", "May 8, 2026")


def test_a_writers_taste_tells_no_count(lex):
    text = "Personally I'd take six tight episodes over ten baggy ones for season 2."
    assert "episodes" not in claims(lex, text)


def test_a_question_inside_a_paragraph_opens_no_section(lex):
    body = (
        "Season 2 Is Finally Filming\n\nRemember the nine-episode talk? Nothing official yet. "
        "Word is Netflix would love to have season two out by early 2027.\n"
    )
    _, sentences, _ = article(lex, body, "2026-03-01")
    assert all("Remember" not in s.section for s in sentences)


def test_a_day_later_counts_from_the_sentence_before(lex):
    before = "Netflix set the season 2 premiere date on Tuesday, March 3, 2026."
    got = claims(
        lex, "The season 2 official trailer dropped two days later.", "2026-03-12", before=before
    )
    assert got["trailer"][:3] == ("full", "confirmed", "March 5, 2026")


def test_a_day_after_a_dated_event_is_the_other_events_day(lex):
    text = "The season 2 teaser arrived a day after the shoot wrapped on June 9, 2026."
    got = claims(lex, text, published="2026-07-01")
    assert got["trailer"][:3] == ("teaser", "confirmed", "June 10, 2026")
    assert got["filming"][:3] == ("wrapped", "confirmed", "June 9, 2026")


def test_news_a_day_after_an_undated_event_dates_that_event(lex):
    body = (
        "Season 2 Gets a Date\n\nNetflix set the season 2 premiere for May 1 on Monday, "
        "April 6, 2026.\n\nThe news came a day after Netflix unveiled the official trailer.\n"
    )
    by, _, _ = article(lex, body, "2026-04-07")
    assert by[3]["trailer"] == ("full", "confirmed", "April 5, 2026")


def test_a_day_counted_from_another_event_in_its_sentence_dates_nothing(lex):
    text = "Fans met the cast on May 9, a week after the season 2 premiere."
    got = claims(lex, text, published="2026-05-20")
    assert "release" not in got


def test_a_bare_weekday_in_a_story_dated_that_weekday_is_that_day():
    # 2026-03-05 is a Thursday
    got = time_values("Netflix on Thursday unveiled the trailer", "2026-03-05", "past")
    assert [v for _, v in got] == ["March 5, 2026"]


def test_a_count_the_next_sentence_leaves_unconfirmed_is_a_report(lex):
    body = (
        "Season 2 Update\n\nA casting sheet puts the season 2 order at nine episodes. "
        "The streamer would not confirm a number.\n"
    )
    by, _, _ = article(lex, body, "2026-02-01")
    assert by[2]["episodes"] == ("count", "rumoured", "9")


def test_an_unconfirmed_date_after_a_count_leaves_the_count_alone(lex):
    body = (
        "Season 2 Update\n\nThe second season will have nine episodes, Netflix said. "
        "It has not confirmed a premiere date.\n"
    )
    by, _, _ = article(lex, body, "2026-02-01")
    assert by[2]["episodes"][:2] == ("count", "confirmed")


def test_a_return_that_settles_talk_is_confirmed(lex):
    body = (
        "Season 2 Casting\n\nHer agency said, \"Cho Yi-hyun will return as Choi Nam-ra,\" "
        "putting an end to months of speculation about whether she would.\n"
    )
    _, _, named = article(lex, body, "2026-02-01")
    returns = {eid: hedged for _, ret in named for eid, _, hedged in ret}
    assert returns.get("cho-yi-hyun") == 0 and returns.get("choi-nam-ra") == 0


def test_a_report_called_premature_is_denied(lex):
    got = claims(lex, "Reports that filming on season 2 began in March were premature.")
    assert got["filming"][1] == "denied"


@pytest.fixture(scope="module")
def n11(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n11read"), "n11")


def test_n11_first_article_plans_a_shoot_and_hears_a_count(n11):
    first = n11[1][0]
    assert any("Filming expected to begin, Autumn 2024" in c for c in first)
    assert any(c.startswith("Episodes:") and "8 episodes (rumoured)" in c for c in first)
    assert not any("-> Filming began (" in c for c in first)


def test_n11_no_window_from_a_sighting_or_a_line_up(n11):
    second = n11[1][1]
    assert not any(c.startswith("Release window") for c in second)


def test_n11_the_full_trailer_a_day_before_the_announcement(n11):
    assert "Full trailer out, October 28, 2026 · 2026-10-29" in _lines(n11[0])["Trailer"]
