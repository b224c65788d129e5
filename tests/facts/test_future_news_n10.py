"""Future-news round 10, kept after the round: its five articles read in date order give the
status a careful reader takes from them, and each add reports only what really changed."""

from __future__ import annotations

import pytest

from tests.facts.test_future_news import _lines, _run


@pytest.fixture(scope="module")
def n10(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n10fix"), "n10")


def test_n10_final_status(n10):
    lines = _lines(n10[0])
    assert "Renewed, June 6, 2022" in lines["Renewal"]
    assert "Filming wrapped, in post-production, October 31, 2025 · 2025-11-20" in lines["Filming"]
    assert "Full trailer out, November 3, 2026 · 2026-11-05" in lines["Trailer"]  # not 2027
    assert "Premiere date: December 18, 2026 · 2026-11-05" in lines["Release window"]
    assert "8 episodes · 2026-07-15" in lines["Episodes"]  # the first firm report decides
    assert "disputed" not in lines["Episodes"]  # "four episodes shorter" is no count
    back = lines["Back"]
    assert "expected" not in back  # the guide's "Returning:" list confirms them
    assert "not back (denied): Yoon Gwi-nam" in back
    assert "Ryu Jin-seong (Han Tae-gyu)" in lines["New cast"]


def test_n10_each_add_reports_only_real_changes(n10):
    first, second, third, fourth, fifth = n10[1]
    # a target is a plan, and a time called optimistic is set aside
    assert any("-> Filming expected to begin, the first half of 2025" in c for c in first)
    assert any("-> Expected: 2026 (2024-07-18)" in c for c in first)
    assert second == [
        "Filming: Filming expected to begin, the first half of 2025 (2024-07-18) -> "
        "Filming began, April 14, 2025 (2025-05-02)"
    ]
    assert any("-> Teaser planned, 2026" in c for c in third)
    assert any("-> Teaser out, July 9, 2026" in c for c in fourth)  # "a full trailer, not yet"
    assert not any("Full trailer" in c for c in fourth)
    assert any("-> Full trailer out, November 3, 2026" in c for c in fifth)
