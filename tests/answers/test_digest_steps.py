"""Digest resolution on made-up claims: states add up, restatements agree, and the line is the
deciding claim's."""

from __future__ import annotations

from types import SimpleNamespace

from bot.answers.evidence.status.digest import topic_status
from bot.facts.store import ClaimRow

_FILMING = SimpleNamespace(
    label="Filming",
    states={"not_started": "-", "began": "-", "ongoing": "-", "wrapped": "-", "post": "-"},
)
_RENEWAL = SimpleNamespace(label="Renewal", states={"none": "-", "renewed": "-", "cancelled": "-"})
_VOCAB = {
    "ask.setback": {"filming": ["reshoots"]},
    "ask.explicit": {"renewal": ["officially"]},
}


def _store(topic: str, *claims: tuple[ClaimRow, str]):
    return SimpleNamespace(
        claims={topic: [c for c, _ in claims]},
        status_topics={"filming": _FILMING, "renewal": _RENEWAL},
        vocab=_VOCAB,
        sentences={c.sentence_id: SimpleNamespace(display=text) for c, text in claims},
    )


def _claim(topic: str, sid: int, published: str, state: str, value: str = "", **kw) -> ClaimRow:
    return ClaimRow(topic, sid, f"s{sid}", published, False, False, value, state, **kw)


def test_a_newer_restatement_of_an_earlier_step_is_no_step_back():
    wrapped = _claim("filming", 1, "2025-01-10", "wrapped", "December 20, 2024")
    began = _claim("filming", 2, "2026-04-02", "began", "July 2024")
    planned = _claim("filming", 3, "2026-04-02", "began:planned", "2026", modality="expected")
    ts = topic_status(
        _store("filming", (wrapped, "It wrapped."), (began, "It ran from July."), (planned, "x")),
        "filming",
    )
    assert ts.lead is wrapped and not ts.disputed


def test_a_setback_is_the_one_newer_news_that_steps_back():
    wrapped = _claim("filming", 1, "2025-01-10", "wrapped")
    ongoing = _claim("filming", 2, "2025-03-01", "ongoing")
    ts = topic_status(
        _store("filming", (wrapped, "It wrapped."), (ongoing, "Cast are back for reshoots.")),
        "filming",
    )
    assert ts.lead is ongoing and ts.overruled == [wrapped]


def test_the_line_is_the_first_precise_report_and_restatements_agree():
    first = _claim("renewal", 1, "2022-06-07", "renewed", "June 6, 2022")
    loud = _claim("renewal", 2, "2023-01-05", "renewed")
    again = _claim("renewal", 3, "2026-04-02", "renewed", "2022")
    ts = topic_status(
        _store(
            "renewal",
            (first, "Netflix renewed it on June 6, 2022."),
            (loud, "Netflix officially renewed it."),
            (again, "It was renewed in 2022."),
        ),
        "renewal",
    )
    assert ts.lead is first and ts.dated is None
    assert again in ts.agreeing and loud in ts.agreeing and not ts.disputed


def test_values_said_unlike_are_no_dispute_but_alike_are():
    day = _claim("renewal", 1, "2026-03-20", "renewed", "March 17, 2026")
    month = _claim("renewal", 2, "2026-03-20", "renewed", "July 2025")
    ts = topic_status(_store("renewal", (day, "a"), (month, "b")), "renewal")
    assert ts.lead is day and not ts.disputed
    other = _claim("renewal", 3, "2026-03-21", "renewed", "April 2, 2026")
    ts = topic_status(_store("renewal", (day, "a"), (other, "c")), "renewal")
    assert ts.disputed


def test_a_state_whose_label_names_the_step_before_takes_that_steps_date():
    labels = {"none": "No trailer yet", "teaser": "Teaser out", "full": "Full trailer out"}
    trailer = SimpleNamespace(label="Trailer", states=labels)
    filming = SimpleNamespace(
        label="Filming",
        states={
            "not_started": "Filming not started",
            "began": "Filming began",
            "wrapped": "Filming wrapped",
            "post": "Filming wrapped, in post-production",
        },
    )
    wrap = _claim("filming", 1, "2024-11-27", "wrapped", "November 22, 2024")
    post = _claim("filming", 2, "2024-11-27", "post")
    store = _store("filming", (wrap, "It wrapped on November 22."), (post, "Now in post."))
    store.status_topics["filming"] = filming
    ts = topic_status(store, "filming")
    assert ts.lead is post and ts.dated is wrap
    teaser = _claim("trailer", 3, "2026-03-20", "teaser", "July 2025")
    full = _claim("trailer", 4, "2026-03-20", "full")
    store = _store("trailer", (teaser, "The teaser came in July."), (full, "The trailer is out."))
    store.status_topics["trailer"] = trailer
    ts = topic_status(store, "trailer")
    assert ts.lead is full and ts.dated is None  # a teaser's date is not the full trailer's
