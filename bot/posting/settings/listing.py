"""Pure helpers for the subscription commands: channel references and the paginated listing."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.posting.sending import slots
from bot.posting.settings.subscriptions import Subscription

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MESSAGE_LIMIT = 2000  # characters in one Discord message
_REF = re.compile(r"<#(\d{15,21})>|(\d{15,21})")


def parse_channel_ref(text: str) -> int | None:
    """The channel id in a mention (`<#123...>`) or a raw id; None for anything else.
    Works for a channel that is deleted, uncached or in another server: the caller decides."""
    m = _REF.fullmatch(text.strip())
    if not m:
        return None
    return int(m.group(1) or m.group(2))


def mention(channel_id: int) -> str:
    return f"<#{channel_id}>"


def describe(
    sub: Subscription,
    label: Callable[[int], str] = mention,
    extra: Callable[[Subscription], str] = lambda _: "",
) -> str:
    """One line of `!status subscriptions`: channel, cadence, time and zone, weekday, state."""
    more = (", on change" if sub.on_change else "") + extra(sub)
    state = f" — paused: {' '.join(sub.paused_reason.split())}" if sub.paused else ""
    where = f"{label(sub.channel_id)} (`{sub.channel_id}`)"
    return f"{where}: {slots.describe(sub)}{more}{state}"


def pages(
    subs: list[Subscription],
    limit: int = MESSAGE_LIMIT,
    label: Callable[[int], str] = mention,
    extra: Callable[[Subscription], str] = lambda _: "",
) -> list[str]:
    """The listing split into messages of at most `limit` characters, each line whole."""
    if not subs:
        return []
    room = limit - 60  # left for the page header
    chunks: list[list[str]] = [[]]
    size = 0
    for sub in subs:
        line = describe(sub, label, extra)[:room]
        if chunks[-1] and size + len(line) + 1 > room:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line) + 1
    texts, first = [], 1
    for n, chunk in enumerate(chunks, 1):
        last = first + len(chunk) - 1
        head = f"Subscriptions {first}-{last} of {len(subs)} (page {n}/{len(chunks)}):"
        texts.append(head + "\n" + "\n".join(chunk))
        first = last + 1
    return texts
