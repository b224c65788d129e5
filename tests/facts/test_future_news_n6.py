"""A blind round's five articles (future_news/n6), kept as a regression test, and the reading
they called for, on made-up sentences: a denied setback ("We are NOT cancelled") moves nothing;
a denial takes back only its antecedent's topic; months cut short ("Sept. 18") end no sentence
and keep their date; "August last year" is last year's; a "which" clause dates the noun before
it; Season 1's count told as "the first outing" or after "than the first season" is not Season
2's; a "no date yet" granted with "though" leaves the window; cast in relative clauses; a
return the sentence confirms is stated whatever talk stands beside it."""

from __future__ import annotations

import pytest

from bot.facts.building.records import Sentence
from bot.facts.curated import load_entities
from bot.facts.reading.claims.returns import STATED, return_evidence
from bot.facts.reading.claims.values import time_values
from bot.facts.reading.entities import EntityIndex
from bot.facts.text import split_sentences
from bot.paths import DATA
from tests.facts.conftest import pairs
from tests.facts.test_claims import claims
from tests.facts.test_future_news import _lines, _run


@pytest.fixture(scope="module")
def n6(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n6"), "n6")


def test_n6_final_status(n6):
    lines = _lines(n6[0])
    # "We are NOT cancelled." is no news against the renewal
    assert "Renewed, June 6, 2022" in lines["Renewal"]
    assert "Filming wrapped" in lines["Filming"] and "April 11, 2025" in lines["Filming"]
    assert "Full trailer out, July 9, 2026" in lines["Trailer"]  # "which landed last Thursday"
    assert "Premiered September 18, 2026" in lines["Release window"]  # "released Sept. 18,"
    # "seven episodes, five fewer than the first season's twelve"
    assert lines["Episodes"].startswith("**Episodes:** 7 episodes · 2025-11-06")
    for back in ("Nam On-jo", "Lee Cheong-san", "Choi Nam-ra", "Lee Su-hyeok", "Yoon Gwi-nam"):
        assert back in lines["Back"]
    for new in (
        "Ahn Seo-jin (Kwon Mi-rae)",
        "Park Tae-gyu (Do Gun-woo)",
        "Roh Yoon-seo (Min Seo-ah)",  # "X, whose casting surfaced ..., will play Y"
        "Lee Ha-neul (Gong Yu-na)",  # "X, 24, who plays Y"
        "Ko Eun-byeol (Yeo Jin-hee)",  # "The latest addition is X, who is playing Y"
    ):
        assert new in lines["New cast"]
    assert "role not revealed" not in lines["New cast"]
    # "Oh Hye-soo will not return as Eun-ji, Netflix said.": stated, with no talk of a return
    assert "not back (denied): Eun-ji" in lines["Back"]


def test_n6_changes(n6):
    first, second, third, fourth, fifth = n6[1]
    assert any(c.endswith("-> Filming began, August 2024 (2024-09-03)") for c in first)
    assert any(c.endswith("-> Expected: 2025 (2024-09-03)") for c in first)
    assert any(c.endswith("-> 10 episodes (rumoured) (2024-09-03)") for c in first)
    assert not any("12 episodes (2024-09-03)" in c for c in first)  # the first outing's
    assert not any(c.startswith("Renewal") for c in first + second + fifth)
    assert any(c.endswith("-> Filming wrapped, April 11, 2025 (2025-04-16)") for c in second)
    assert not any("not started" in c or "Episodes" in c for c in second)
    assert any(c.endswith("-> 7 episodes (2025-11-06)") for c in third)
    assert any("Teaser out, November 5, 2025" in c for c in third)
    assert any(c.endswith("-> Full trailer out, July 9, 2026 (2026-07-14)") for c in fourth)
    assert any("-> Premiere date: September 18, 2026" in c for c in fourth)
    assert any(c.endswith("-> Premiered September 18, 2026 (2026-09-22)") for c in fifth)
    assert not any(c.startswith("Filming") for c in fifth)  # a third season's shoot


def test_a_month_cut_short_before_a_day_ends_no_sentence():
    body = "The finale, released Oct. 3, drew fans. The teaser came in Dec. Fans cheered."
    got = [body[s.start : s.end] for s in split_sentences(body)]
    assert got == [
        "The finale, released Oct. 3, drew fans.",
        "The teaser came in Dec.",
        "Fans cheered.",
    ]


@pytest.mark.parametrize(
    "text, published, tense, value",
    [
        ("the season, released Sept. 18, drew views", "2026-09-22", "past", "September 18, 2026"),
        ("it premiered on Jan. 5, 2027", "2027-02-01", "past", "January 5, 2027"),
        ("shooting ran from March last year to May", "2025-11-06", "past", "March 2024"),
        ("it arrives in February next year", "2025-11-06", "future", "February 2026"),
    ],
)
def test_a_short_month_and_a_year_in_words_are_dated(text, published, tense, value):
    assert [v for _, v in time_values(text, published, tense)][:1] == [value]


def test_a_denied_setback_moves_nothing(lex):
    assert "renewal" not in claims(lex, "Relax, fans: the show is NOT cancelled.")
    assert "renewal" not in claims(lex, "Season 2 has not been axed.")
    # a denial of the progress itself still reads as "not yet"
    assert claims(lex, "Netflix has not renewed the show.")["renewal"][0] == "none"
    assert claims(lex, "The show has not been cancelled or renewed.")["renewal"][0] == "none"


def test_a_which_clause_dates_the_noun_before_it(lex):
    got = claims(lex, "Netflix shared the full trailer, which dropped last Monday.", "2026-03-12")
    assert got["trailer"][:3] == ("full", "confirmed", "March 9, 2026")


def test_season_ones_count_is_not_season_2s(lex):
    before = "Season 2 started shooting in Busan."
    got = claims(
        lex, "The director, who made all twelve episodes of the first run, returns.", before=before
    )
    assert "episodes" not in got
    got = claims(lex, "The season will have six episodes, four fewer than the first season's ten.")
    assert got["episodes"][2] == "6"
    got = claims(lex, "It runs longer than the first season, which had ten episodes.")
    assert "episodes" not in got


def test_no_date_granted_with_though_leaves_the_window(lex):
    got = claims(lex, "Netflix is eyeing a 2027 launch, although no premiere date has been set.")
    assert got["release"][:3] == ("window", "expected", "2027")
    got = claims(lex, "Netflix has not set a premiere date, but it is expected to drop in 2027.")
    assert got["release"][0] == "none"  # the main clause's "not yet" stays the news


@pytest.mark.parametrize(
    "text, actor, role",
    [
        (
            "Newcomer Baek Ji-woo, 31, who plays Seo Man-gu, trained for weeks.",
            "Baek Ji-woo",
            "Seo Man-gu",
        ),
        (
            "The latest addition is Moon Ga-young, who is playing Han Seo-yeon.",
            "Moon Ga-young",
            "Han Seo-yeon",
        ),
        (
            "Jang Mi-rae, whose casting leaked in spring without a role, will play Kim Bo-ra.",
            "Jang Mi-rae",
            "Kim Bo-ra",
        ),
    ],
)
def test_cast_in_relative_clauses(collector, text, actor, role):
    assert (actor, role, True) in pairs(collector, text)


def test_a_return_the_sentence_confirms_is_stated(lex):
    index = EntityIndex(load_entities(DATA / "entities.toml"))
    text = (
        "Yoo In-soo will be back as Yoon Gwi-nam, Netflix confirmed, ending weeks of rumours "
        "that fans claimed to have started."
    )
    s = Sentence(1, "x", 1, 0, len(text), text, text, "text", "", False)
    named = list(dict.fromkeys(e for _, _, e in index.spans(text)))
    got = return_evidence(s, named, index, lex)
    assert got and all(not neg and hedged == STATED for _, _, neg, hedged in got)
    text = "Fans claim Yoo In-soo will return, but Netflix has not confirmed it."
    s = Sentence(1, "x", 1, 0, len(text), text, text, "text", "", False)
    named = list(dict.fromkeys(e for _, _, e in index.spans(text)))
    assert all(hedged != STATED for *_, hedged in return_evidence(s, named, index, lex))


def test_a_question_left_open_is_no_denial_of_the_return(lex):
    index = EntityIndex(load_entities(DATA / "entities.toml"))

    def read(text):
        s = Sentence(1, "x", 1, 0, len(text), text, text, "text", "", False)
        named = list(dict.fromkeys(e for _, _, e in index.spans(text)))
        return return_evidence(s, named, index, lex)

    got = read("Her return will surprise fans; Netflix would not say how Nam On-jo comes back.")
    assert got and not any(neg for _, _, neg, _ in got)
    assert all(neg for _, _, neg, _ in read("Nam On-jo will not return, Netflix said."))


def test_newcomers_announced_unnamed_are_the_next_sentences_pairs(collector):
    got = pairs(
        collector,
        "The season adds two newcomers.",
        "Baek Ji-woo plays Seo Man-gu, a medic.",
        "Moon Ga-young plays Han Seo-yeon, a cook.",
    )
    assert ("Baek Ji-woo", "Seo Man-gu", True) in got
    assert ("Moon Ga-young", "Han Seo-yeon", False) in got  # two sentences on: a story told


def test_coming_aboard_is_joining(collector):
    got = pairs(collector, "Baek Ji-woo comes aboard as Officer Seo Man-gu, a medic.")
    assert ("Baek Ji-woo", "Seo Man-gu", True) in got
