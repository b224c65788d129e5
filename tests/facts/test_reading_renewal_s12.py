"""The show's own return as renewal news: "<show> is confirmed to return for Season 2" and the
trade's wordings of it are the renewal, with the clause's modality, while a person's return
stays cast news and a return with no season tells no renewal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.facts.text import PhraseSet
from tests.facts.test_claims import claims


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


def test_a_person_returning_stays_cast_news(titled):
    got = claims(titled, "Park Ji-hu will return for a second season.")
    assert "renewal" not in got and "cast" in got


def test_a_return_with_no_season_is_no_renewal(titled):
    assert claims(titled, "The series returned to the top ten this week.") == {}
