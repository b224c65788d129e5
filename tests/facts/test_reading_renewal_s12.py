"""The show's own return as renewal news: "<show> is confirmed to return for Season 2" and the
trade's wordings of it are the renewal, with the clause's modality, while a person's return
stays cast news and a return with no season tells no renewal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.facts.reading.article import _sentences
from bot.facts.sources.manifest import Source
from bot.facts.text import PhraseSet, Repairer
from tests.facts.test_claims import claims
from tests.facts.test_future_news import _run


@pytest.fixture()
def titled(lex):
    return replace(lex, show=PhraseSet(["All of Us Are Dead"]))


@pytest.mark.parametrize(
    ("text", "state", "modality"),
    [
        (
            "The hit zombie drama is confirmed to return for Season 2 on Netflix.",
            "renewed",
            "confirmed",
        ),
        ("The series is expected to return for a second season.", "renewed:planned", "expected"),
        ("The show could return for a second season.", "renewed:planned", "rumoured"),
        ("The K-drama is set to return for a second season.", "renewed", "confirmed"),
        ("The show is likely set to return for a second season.", "renewed:planned", "expected"),
        ("All of Us Are Dead will return for a second season.", "renewed", "confirmed"),
        ("All of Us Are Dead is coming back for Season 2.", "renewed", "confirmed"),
        ("The show will be back for a second season, Netflix said.", "renewed", "confirmed"),
    ],
)
def test_the_show_returning_for_a_season_is_its_renewal(titled, text, state, modality):
    got = claims(titled, text)
    assert got["renewal"][:2] == (state, modality)
    assert "cast" not in got  # no person returns there


def test_a_date_after_the_show_returning_is_its_premiere(titled):
    got = claims(titled, "All of Us Are Dead returns for season two on March 14, 2026.")
    assert got["renewal"][:3] == ("renewed", "confirmed", "")  # the date is no renewal's
    assert got["release"][:3] == ("date", "confirmed", "March 14, 2026")
    assert "release" not in claims(titled, "The series is confirmed to return for Season 2.")


def test_a_person_returning_stays_cast_news(titled):
    got = claims(titled, "Park Ji-hu will return for a second season.")
    assert "renewal" not in got and "cast" in got


def test_a_return_with_no_season_is_no_renewal(titled):
    assert claims(titled, "The series returned to the top ten this week.") == {}


def _split(lex, body: str) -> dict[str, str]:
    src = Source(
        id="x", title="t", published="2026-01-01", estimated=False, date_clue="", body=body,
        sha256="",
    )  # fmt: skip
    return {s.display: s.kind for s in _sentences(src, Repairer([]), [], lex)}


def test_a_sentence_after_a_list_line_that_lost_its_end_is_its_own(lex):
    body = (
        "Returning are Kim Min-ji as Song Ha, Lee Dong-wook as Pyo, Park Bo-ra as Jin,\n"
        "No new faces have been officially announced for the season so far.\nMore soon."
    )
    got = _split(lex, body)
    assert got["No new faces have been officially announced for the season so far."] == "text"
    assert got["Returning are Kim Min-ji as Song Ha, Lee Dong-wook as Pyo, Park Bo-ra as Jin,"] == (
        "text"
    )  # the cut-off list is still a sentence, no heading opening a section


def test_a_list_wrapped_onto_its_next_line_stays_one_sentence(lex):
    body = (
        "Returning are Kim Min-ji as Song Ha, Lee Dong-wook as Pyo, Park Bo-ra as Jin,\n"
        "Choi Min as Ro, and Han Ji as Mo.\nMore soon."
    )
    assert "Choi Min as Ro, and Han Ji as Mo." not in _split(lex, body)


@pytest.mark.parametrize(
    "text",
    [
        "X will not return as Y, his agency confirmed, explaining that the shooting schedule "
        "overlaps with a feature film he committed to last year.",
        "The actor left, saying the filming schedule clashes with a movie he signed last year.",
    ],
)
def test_a_schedule_clash_is_no_filming_news(lex, text):
    assert "filming" not in claims(lex, text, "2025-04-16")


def test_filming_told_beside_a_clash_is_still_filming_news(lex):
    got = claims(lex, "Filming began in May 2025, though its schedule overlaps with a movie.")
    assert got["filming"][:3] == ("began", "confirmed", "May 2025")
    got = claims(lex, "The filming schedule was pushed to 2026.")
    assert got["filming"][0] == "began:planned"


@pytest.fixture(scope="module")
def n13(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n13s12"), "n13")


def test_reminders_for_an_old_date_are_no_release_claim(n13):
    lines = [line.text for line in n13[0].answer("!status release").lines]
    assert not any("reminders" in line for line in lines)
    assert lines[1].startswith("**Now:** Premiere date: September 18, 2026")
    filming = [line.text for line in n13[0].answer("!status filming").lines]
    assert not any("overlaps" in line for line in filming)  # Im Jae-hyuk's schedule clash
