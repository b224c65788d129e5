"""What a failed post means and what follows it: pause, or back off and try again.

Shared by scheduled and "status changed" posts. A failure after which the post may be out
anyway (a timeout, a dropped connection, a 5xx) is ambiguous: its claim is kept and settled
from the channel's history, never by sending it again blindly.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.posting.sending import slots
from bot.posting.settings.subscriptions import Subscription

log = logging.getLogger(__name__)

BACKOFF_BASE = dt.timedelta(minutes=1)  # first retry after a transient failure
BACKOFF_CAP = dt.timedelta(hours=1)
GIVE_UP_AFTER = dt.timedelta(days=1)  # continuous failure this long pauses the subscription


class PostFailed(Exception):
    """A post could not be sent. permanent: the channel is gone or forbids posting;
    status: the HTTP status when Discord answered (a 400 that repeats pauses too)."""

    def __init__(self, reason: str, *, permanent: bool, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.status = status

    @property
    def ambiguous(self) -> bool:
        """The post may have gone out anyway (a timeout, a dropped connection, a 5xx): the
        claim is kept and settled from the channel's history rather than sent again."""
        return not self.permanent and (self.status is None or self.status >= 500)


def deadline_passed(seconds: float) -> PostFailed:
    """A send that did not end within its deadline: it may or may not be out."""
    return PostFailed(f"no answer from Discord within {seconds:g} s", permanent=False)


def unverified(slot_label: str) -> str:
    """The pause reason when a post that may be out cannot be checked: it is not re-sent."""
    return (
        f"I cannot read this channel's message history, so I cannot tell whether the post "
        f"for {slot_label} went out, and I did not send it again (I never risk a double post). "
        "Give me Read Message History there"
    )


@dataclass(frozen=True)
class Verdict:
    """What a failed send leads to: a pause (with its reason) or a retry at a time."""

    pause: str | None = None
    retry_at: dt.datetime | None = None


def backoff(failures: int) -> dt.timedelta:
    """Delay before the next try after `failures` consecutive failures (1 min, doubling, 1 h)."""
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** min(failures, 20))


def error_code(exc: PostFailed) -> str:
    """How a failure is stored in `last_error` (the status first, so a repeat is seen)."""
    return f"{exc.status or '-'}: {exc.reason}"


def after_failure(sub: Subscription, exc: PostFailed, now: dt.datetime) -> Verdict:
    """The failure policy: pause on a permanent error, on a repeated 400, or after a day of
    continuous failure; otherwise retry with exponential backoff."""
    if exc.permanent:
        return Verdict(pause=exc.reason)
    if exc.status == 400 and (sub.last_error or "").startswith("400:"):
        return Verdict(pause=f"Discord refused the post twice ({exc.reason})")
    if sub.failing_since is not None and now - sub.failing_since >= GIVE_UP_AFTER:
        return Verdict(pause=f"posting has failed for a day ({exc.reason})")
    return Verdict(retry_at=now + backoff(sub.failures))


def pause_notice(sub: Subscription, reason: str, server: str, channel: str) -> str:
    """What the server (or the subscriber, by DM) is told when a subscription pauses."""
    return (
        f"I paused the Season 2 status posts for #{channel} in **{server}** "
        f"({slots.describe(sub)}): {reason}. "
        f"Fix the channel or my permissions, then run `!status resume {sub.channel_id}` "
        "(same time and cadence)."
    )


@dataclass
class RunReport:
    due: int = 0
    posted: int = 0
    skipped_unchanged: int = 0
    paused: int = 0
    retry_later: int = 0
    recovered: int = 0  # claims left by a crash, found sent
    released: int = 0  # claims given back unsent (found unsent after a crash, or shutdown)
    unverified: int = 0  # claims that could not be checked: counted as sent, never re-sent
    errors: list[str] = field(default_factory=list)


Notifier = Callable[[Subscription, str], Awaitable[None]]


async def tell_paused(notify: Notifier, sub: Subscription, reason: str, report: RunReport) -> None:
    """Tell the server a subscription paused; best effort, a failure is logged and counted."""
    try:
        await notify(sub, reason)
    except Exception as exc:
        log.warning("could not tell guild %s about a paused subscription: %r", sub.guild_id, exc)
        report.errors.append(f"notify {sub.guild_id}: {exc!r}")
