"""Digest resolution on made-up claims: a dispute only between claims of comparable date."""

from __future__ import annotations

from types import SimpleNamespace

from bot.answers.evidence.status.digest import DISPUTE_DAYS, topic_status
from bot.facts.store import ClaimRow

_TRAILER = SimpleNamespace(
    label="Trailer", states={"none": "No trailer yet", "teaser": "Teaser out", "full": "Full"}
)


def _store(*claims: ClaimRow):
    sentences = {c.sentence_id: SimpleNamespace(display="x") for c in claims}
    return SimpleNamespace(
        claims={"trailer": list(claims)},
        status_topics={"trailer": _TRAILER},
        vocab={},
        sentences=sentences,
    )


def _claim(sid: int, published: str, state: str) -> ClaimRow:
    return ClaimRow("trailer", sid, f"s{sid}", published, state == "none", False, "", state)


def test_a_far_older_further_state_is_overruled_not_disputed():
    teaser, none = _claim(1, "2023-07-01", "teaser"), _claim(2, "2024-04-09", "none")
    ts = topic_status(_store(teaser, none), "trailer")
    assert ts.lead is none and not ts.disputed
    assert ts.overruled == [teaser] and teaser in ts.timeline


def test_claims_of_comparable_date_are_disputed():
    teaser, none = _claim(1, "2024-03-01", "teaser"), _claim(2, "2024-03-20", "none")
    assert DISPUTE_DAYS >= 19
    ts = topic_status(_store(teaser, none), "trailer")
    assert ts.lead is none and ts.disputed == [teaser] and not ts.overruled


def test_an_older_not_yet_before_the_event_is_history():
    none, teaser = _claim(1, "2023-01-01", "none"), _claim(2, "2024-04-09", "teaser")
    ts = topic_status(_store(none, teaser), "trailer")
    assert ts.lead is teaser and not ts.overruled and not ts.disputed
