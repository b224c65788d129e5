"""Sentence splitting at full stops that close an abbreviation rather than a sentence (the
titles come from the lexicon, as the builder passes them)."""

from __future__ import annotations

import pytest

from bot.facts.curated import load_lexicon
from bot.facts.text import split_sentences
from bot.paths import DATA
from tests.conftest import collapse

TITLES = load_lexicon(DATA / "lexicon.toml").claims["values"]["titles"]


def _split(body: str) -> list[str]:
    return [collapse(body[s.start : s.end]) for s in split_sentences(body, TITLES)]


@pytest.mark.parametrize(
    "title",
    [
        "Sgt.",
        "Lt.",
        "Capt.",
        "Col.",
        "Gen.",
        "Maj.",
        "Cpl.",
        "Pvt.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Prof.",
        "Rev.",
        "St.",
    ],
)
def test_a_title_before_a_name_ends_no_sentence(title):
    body = f"Park Ha-neul joins as {title} Moon Ji-ho, a stranger. The shoot starts soon."
    assert _split(body) == [
        f"Park Ha-neul joins as {title} Moon Ji-ho, a stranger.",
        "The shoot starts soon.",
    ]


@pytest.mark.parametrize("abbr", ["a.m.", "p.m.", "A.M.", "e.g.", "i.e.", "vs.", "approx.", "No."])
def test_a_short_form_mid_sentence_ends_no_sentence(abbr):
    body = f"It lands at 9 {abbr} Central Station and 3 more. Then it rains."
    assert _split(body) == [f"It lands at 9 {abbr} Central Station and 3 more.", "Then it rains."]


def test_name_suffixes_and_initials_end_no_sentence():
    body = "Lee Min-ho Jr. and J.Q. Kim Sr. Visit Seoul. They leave on Monday."
    assert _split(body) == ["Lee Min-ho Jr. and J.Q. Kim Sr. Visit Seoul.", "They leave on Monday."]


def test_a_word_ending_in_a_title_still_ends_a_sentence():
    # "Pvt" and "St" only count as whole words: "harvest." and "first." end their sentences.
    body = "They filmed the harvest. Then came the first. Now it airs."
    assert _split(body) == ["They filmed the harvest.", "Then came the first.", "Now it airs."]


def test_a_title_spelt_out_still_ends_a_sentence():
    body = "Kim Do-yun was promoted to General. Then the siege began."
    assert _split(body) == ["Kim Do-yun was promoted to General.", "Then the siege began."]
