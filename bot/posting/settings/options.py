"""What `!status subscribe #channel …` asks for: the words after the channel, parsed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.posting.sending import slots
from bot.posting.settings.subscriptions import CADENCES, Subscription


@dataclass(frozen=True)
class SubscribeOptions:
    """What `!status subscribe #channel [HH:MM] [zone] [daily|weekly] [on-change]` asked for."""

    post_time: str
    cadence: str
    on_change: bool
    zone: str | None = None  # None: the server's time zone
    changes: bool = True  # "status changed" posts; `changes:off` opts out


def parse_options(text: str, default_time: str) -> SubscribeOptions:
    """Parse the words after the channel; ValueError with a friendly message on bad input."""
    post_time, cadence, on_change, zone, changes = default_time, "daily", False, None, True
    for original in text.replace(",", " ").split():
        word = original.lower()
        if m := re.fullmatch(r"(\d{1,2})[:h.](\d{2})(utc)?", word):
            hour, minute = int(m.group(1)), int(m.group(2))
            if hour > 23 or minute > 59:
                raise ValueError(f"{word} is not a time of day; use HH:MM, e.g. 09:00.")
            post_time = f"{hour:02d}:{minute:02d}"
            zone = slots.UTC if m.group(3) else zone
        elif word in CADENCES:
            cadence = word
        elif word in ("on-change", "onchange", "on_change", "changes"):
            on_change = True
        elif word in ("changes:off", "changes:on"):
            changes = word.endswith("on")
        else:
            zone = _zone_word(original)
    return SubscribeOptions(post_time, cadence, on_change, zone, changes)


def _zone_word(word: str) -> str:
    """A word that is no other option must be a time zone."""
    try:
        return slots.parse_zone(word)
    except slots.ZoneError as exc:
        if exc.clear or slots.suggest(word, 1, cutoff=88):
            raise
        raise ValueError(
            f"I don't understand “{slots.plain_word(word)}”. Use: `status subscribe #channel "
            "[HH:MM] [time zone] [daily|weekly] [on-change] [changes:off]`, "
            "e.g. `18:00 Asia/Seoul weekly`."
        ) from None


def new_subscription(
    guild_id: int, channel_id: int, subscriber_id: int, options: SubscribeOptions, now: dt.datetime
) -> Subscription:
    """A subscription created now: weekly posts fall on today's weekday in its zone."""
    zone = options.zone or slots.UTC
    return Subscription(
        guild_id=guild_id,
        channel_id=channel_id,
        subscriber_id=subscriber_id,
        post_time=options.post_time,
        cadence=options.cadence,
        weekday=slots.local_weekday(zone, now),
        on_change=options.on_change,
        created_at=now,
        zone=zone,
    )
