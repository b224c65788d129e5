"""Hypothesis fuzz of the engine and the embed builder: hostile input never raises, every
embed fits Discord's limits, and no ping syntax is ever echoed back."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.glue.embeds import answer_embed

PINGS = re.compile(r"@everyone|@here|<@[!&]?\d+>")
COMMANDS = ["cast", "status", "lore", "ask", "sources", "help", "jonus", "onjo", "play", ""]
HOSTILE = [
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@&123456789012345678>",
    "<#123456789012345678>",
    "**",
    "||",
    "`",
    "```",
    "[x](http://e.vil)",
    "\u202e",
    "\x00",
    "온조",
    "청산",
    "!",
    "/",
    "\n",
    " ",
]
words = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(min_size=0, max_size=30),
    st.sampled_from(["On-jo", "Cheong-san", "season 2", "when", "jonus", "Park Ji-hu", "director"]),
)
messages = st.builds(
    lambda prefix, command, rest: f"{prefix}{command} {' '.join(rest)}",
    st.sampled_from(["!", "/", "", "?"]),
    st.sampled_from(COMMANDS),
    st.lists(words, max_size=12),
) | st.text(max_size=3000)


def embed_size(embed) -> int:
    return (
        len(embed.title or "")
        + len(embed.description or "")
        + len(embed.footer.text or "")
        + sum(len(f.name) + len(f.value) for f in embed.fields)
    )


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(message=messages, spoilers=st.booleans(), late=st.booleans())
def test_any_message_gives_an_embed_within_discords_limits(engine, message, spoilers, late):
    answer = engine.answer(message)
    embed = answer_embed(
        answer, spoilers, "Late post: the 09:00 UTC slot was missed." if late else None
    )
    assert len(embed.title or "") <= 256 and len(embed.description or "") <= 4096
    assert len(embed.fields) <= 25 and all(len(f.value) <= 1024 for f in embed.fields)
    assert len(embed.footer.text or "") <= 2048 and embed_size(embed) <= 6000
    shown = " ".join([embed.title or "", embed.description or "", *(f.value for f in embed.fields)])
    assert not PINGS.search(shown), (message, shown[:300])


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=6).map(" ".join))
def test_subscribe_options_parse_or_explain_without_echoing_markup(text):
    from bot.posting.settings.options import parse_options

    try:
        parse_options(text, "09:00")
    except ValueError as exc:
        message = str(exc)
        assert "\n" not in message and not PINGS.search(message)
        echoed = message.split("“", 1)[1].split("”", 1)[0] if "“" in message else ""
        assert not re.search(r"[*_`|\[\]()<>@#~]", echoed), echoed


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(10**15, 10**19),
            st.sampled_from(["daily", "weekly"]),
            st.none() | st.text(max_size=200),
        ),
        max_size=300,
    )
)
def test_subscription_listing_always_fits_in_messages(rows):
    import datetime as dt

    from bot.posting.settings.listing import pages
    from bot.posting.settings.subscriptions import Subscription

    now = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    subs = [
        Subscription(1, cid, 7, "09:00", cadence, 3, False, now, paused_reason=reason)
        for cid, cadence, reason in rows
    ]
    out = pages(subs)
    assert all(len(p) <= 2000 for p in out)
    assert sum(p.count("\n") for p in out) == len(subs)
