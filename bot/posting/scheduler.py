"""Scheduled Season 2 status posts: which subscriptions are due, and posting them safely.

Pure planning (`latest_slot`, `plan_posts`) plus `StatusPoster`, which talks to the world only
through what it is given (a clock, a sender, a notifier, a sleep), so tests need no Discord
and no waiting. A slot is claimed in the database before the post is sent, so a restart never
posts it twice; only the most recent slot is ever due, so downtime yields one late post.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.posting.slots import late_note, latest_slot, next_slot  # noqa: F401 (re-exported)
from bot.posting.subscriptions import SettingsDB, Subscription

log = logging.getLogger(__name__)

LATE_AFTER = dt.timedelta(minutes=10)  # a post this long after its slot says it is late
SEND_RATE = 25.0  # posts per second at most: half of Discord's global 50 requests per second


class PostFailed(Exception):
    """A post could not be sent. permanent: the channel is gone or forbids posting."""

    def __init__(self, reason: str, *, permanent: bool):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass(frozen=True)
class PlannedPost:
    sub: Subscription
    slot: dt.datetime
    late: bool
    unchanged: bool  # on-change subscription whose digest equals the last one posted


def plan_posts(subs: list[Subscription], now: dt.datetime, fingerprint: str) -> list[PlannedPost]:
    """Every post due now: at most one per subscription, never one older than it."""
    out = []
    for sub in subs:
        if sub.paused:
            continue
        slot = latest_slot(sub, now)
        if slot < sub.created_at or (sub.last_slot and sub.last_slot >= slot):
            continue
        out.append(
            PlannedPost(
                sub,
                slot,
                now - slot > LATE_AFTER,
                sub.on_change and sub.last_fingerprint == fingerprint,
            )
        )
    return out


def send_offsets(count: int, rate: float = SEND_RATE) -> list[float]:
    """Seconds after the start of a slot at which each of `count` posts goes out."""
    return [i / rate for i in range(count)]


@dataclass
class RunReport:
    due: int = 0
    posted: int = 0
    skipped_unchanged: int = 0
    paused: int = 0
    retry_later: int = 0
    errors: list[str] = field(default_factory=list)


Sender = Callable[[Subscription, bool, str | None], Awaitable[None]]  # sub, spoilers, late note
Notifier = Callable[[Subscription, str], Awaitable[None]]


class StatusPoster:
    """Posts due digests. The caller renders; this decides what is due and handles failure."""

    def __init__(
        self,
        db: SettingsDB,
        fingerprint: Callable[[], str],
        send: Sender,
        notify: Notifier,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rate: float = SEND_RATE,
    ):
        self.db = db
        self.fingerprint = fingerprint
        self.send = send
        self.notify = notify
        self.sleep = sleep
        self.rate = rate

    async def run_once(self, now: dt.datetime) -> RunReport:
        """Post everything due at `now`. Never raises for a failed post."""
        fp = self.fingerprint()
        plan = plan_posts(await self.db.subscriptions(), now, fp)
        report = RunReport(due=len(plan))
        for i, post in enumerate(plan):
            if not await self.db.claim_slot(post.sub, post.slot):
                continue  # another run got there first
            if post.unchanged:
                report.skipped_unchanged += 1
                continue
            note = late_note(post.slot, post.sub.zone) if post.late else None
            try:
                await self.send(post.sub, await self.db.spoilers(post.sub.guild_id), note)
            except PostFailed as exc:
                if exc.permanent:
                    await self.db.pause(post.sub, exc.reason)
                    report.paused += 1
                    await self._notify(post.sub, exc.reason, report)
                else:
                    await self.db.release_slot(post.sub)
                    report.retry_later += 1
            except Exception as exc:  # an unexpected failure must not stop the other posts
                log.exception("status post to channel %s failed", post.sub.channel_id)
                await self.db.release_slot(post.sub)
                report.errors.append(f"{post.sub.channel_id}: {exc!r}")
            else:
                await self.db.posted(post.sub, fp)
                report.posted += 1
            if i + 1 < len(plan):
                await self.sleep(1 / self.rate)
        return report

    async def _notify(self, sub: Subscription, reason: str, report: RunReport) -> None:
        try:
            await self.notify(sub, reason)
        except Exception as exc:  # telling the server is best effort
            log.warning(
                "could not tell guild %s about a paused subscription: %r", sub.guild_id, exc
            )
            report.errors.append(f"notify {sub.guild_id}: {exc!r}")
