"""Branch news-a: a verb of dating ("has dated", "pencils in") gives the season a release date."""

from __future__ import annotations

from tests.facts.test_claims import claims


def test_a_verb_of_dating_gives_a_release_date(lex):
    got = claims(lex, "The streamer has dated season 2 for November 7, 2025.", "2025-06-20")
    assert got["release"][0] == "date" and got["release"][2] == "November 7, 2025"
    got = claims(lex, "Netflix pencils in the second season for September 12.", "2025-06-20")
    assert got["release"][0] == "date" and got["release"][2] == "September 12, 2025"


def test_a_date_word_alone_gives_no_release_date(lex):
    assert "release" not in claims(lex, "The cast dated each other in season 2.", "2025-06-20")
