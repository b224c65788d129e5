"""Future-news round 12, kept after the round (graded 4 of 6 topics before its fixes): once its
misreadings were fixed (a roundup without the title refused, Season 3 news read as Season 2's,
a denied return left speculated, a past plan dated a year late, a premiere date announced and
not read, "filming is DONE" read as begun), all six topics read as its reviewer expected."""

from __future__ import annotations

import pytest

from tests.facts.test_future_news import _lines, _run


@pytest.fixture(scope="module")
def n12(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n12fix"), "n12")


def test_n12_reads_all_six_topics_as_expected(n12):
    lines = _lines(n12[0])
    assert "Renewed, June 6, 2022" in lines["Renewal"]
    assert "Filming wrapped, in post-production, September 6, 2025 · 2025-09-20" in lines["Filming"]
    assert "Full trailer out, February 10, 2026 · 2026-02-13" in lines["Trailer"]
    assert "Premiered March 20, 2026" in lines["Release window"]
    assert "8 episodes · 2026-02-13" in lines["Episodes"]
    assert "not back (denied): Yoon Gwi-nam" in lines["Back"]
    assert "Yang Dae-su" in lines["Back"].split("not back")[0]
    assert "Seo Ji-wan (Baek Yun-hee)" in lines["New cast"]
    assert "Roh Yoon-seo (Min Ga-eun)" in lines["New cast"]


def test_n12_season_three_news_stays_out_of_season_two(n12):
    filming = n12[0].answer("!status filming")
    assert "2027" not in " ".join(line.text for line in filming.lines)
