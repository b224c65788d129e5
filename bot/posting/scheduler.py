"""Scheduled Season 2 status posts: which subscriptions are due, and posting them safely.

Pure planning (`latest_slot`, `plan_posts`, `after_failure`) plus `StatusPoster`, which talks
to the world only through what it is given (a clock, a sender, a notifier, a confirmer, a
sleep), so tests need no Discord and no waiting. Exactly one post per slot: a slot is claimed
in the database before the post is sent and confirmed after; a claim left by a crash is
settled at the next run by asking the channel whether a post carrying the slot's tag exists.
Only the most recent slot is ever due, so downtime yields one late post.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.posting import claims, slots
from bot.posting.slots import late_note, latest_slot, next_slot  # noqa: F401 (re-exported)
from bot.posting.subscriptions import SettingsDB, Subscription

log = logging.getLogger(__name__)

LATE_AFTER = dt.timedelta(minutes=10)  # a post this long after its slot says it is late
SEND_RATE = 25.0  # posts per second at most: half of Discord's global 50 requests per second
BACKOFF_BASE = dt.timedelta(minutes=1)  # first retry after a transient failure
BACKOFF_CAP = dt.timedelta(hours=1)
GIVE_UP_AFTER = dt.timedelta(days=1)  # continuous failure this long pauses the subscription
CONFIRM_BATCH = 25  # sent posts confirmed per transaction: about one a second at SEND_RATE


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


def slot_tag(slot: dt.datetime) -> str:
    """The slot as written in a scheduled post's footer; recovery after a crash looks for it."""
    return f"slot {slot.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"


def pause_notice(sub: Subscription, reason: str, server: str, channel: str) -> str:
    """What the server (or the subscriber, by DM) is told when a subscription pauses."""
    return (
        f"I paused the Season 2 status posts for #{channel} in **{server}** "
        f"({slots.describe(sub)}): {reason}. "
        f"Fix the channel or my permissions, then run `!status resume {sub.channel_id}` "
        "(same time and cadence)."
    )


async def tell_paused(notify: Notifier, sub: Subscription, reason: str, report: RunReport) -> None:
    """Tell the server a subscription paused; best effort, a failure is logged and counted."""
    try:
        await notify(sub, reason)
    except Exception as exc:
        log.warning("could not tell guild %s about a paused subscription: %r", sub.guild_id, exc)
        report.errors.append(f"notify {sub.guild_id}: {exc!r}")


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
        if sub.paused or sub.claimed_slot is not None or (sub.retry_at and sub.retry_at > now):
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
    recovered: int = 0  # claims left by a crash, found sent
    released: int = 0  # claims given back unsent (found unsent after a crash, or shutdown)
    errors: list[str] = field(default_factory=list)


Sender = Callable[[Subscription, bool, str | None, dt.datetime], Awaitable[None]]
# sub, spoilers, late note, slot (carried in the post's footer as slot_tag(slot))
Notifier = Callable[[Subscription, str], Awaitable[None]]
Confirmer = Callable[[Subscription, dt.datetime], Awaitable[bool]]  # was this slot posted?


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
        confirm: Confirmer | None = None,
    ):
        self.db = db
        self.fingerprint = fingerprint
        self.send = send
        self.notify = notify
        self.sleep = sleep
        self.rate = rate
        self.confirm = confirm
        self.stopping = False
        self._spoilers: dict[int, bool] = {}  # per guild, read once per run
        self._sent: list[tuple[Subscription, dt.datetime]] = []  # sent, not yet confirmed
        self._held: dict[tuple[int, int], str] = {}  # claims held, as last read
        self._held_at = -1  # SettingsDB.claims_changed when they were read

    def stop(self) -> None:
        """Finish the post in flight, release the rest of the slot's claims, and return."""
        self.stopping = True

    async def run_once(self, now: dt.datetime) -> RunReport:
        """Post everything due at `now`. Never raises for a failed post."""
        report = RunReport()
        self._spoilers = {}
        subs = await self.db.subscriptions()
        unconfirmed = [
            s for s in subs if s.claimed_slot is not None and not (s.retry_at and s.retry_at > now)
        ]
        if unconfirmed:
            await self._recover(unconfirmed, now, report)
            subs = await self.db.subscriptions()
        fp = self.fingerprint()
        plan = plan_posts(subs, now, fp)
        report.due = len(plan)
        if not plan or self.stopping:
            return report
        taken = await claims.claim(self.db, [(p.sub, p.slot, p.unchanged) for p in plan])
        mine = [p for p, ok in zip(plan, taken, strict=True) if ok and not p.unchanged]
        report.skipped_unchanged = sum(
            ok and p.unchanged for p, ok in zip(plan, taken, strict=True)
        )
        self._sent = []
        self._held_at = -1  # read the claims just taken before the first send
        try:
            for i, post in enumerate(mine):
                if self.stopping:
                    for rest in mine[i:]:
                        await claims.release(self.db, rest.sub)
                        report.released += 1
                    break
                await self._post(post, now, fp, report)
                if len(self._sent) >= CONFIRM_BATCH:
                    await self._flush(fp)
                if i + 1 < len(mine):
                    await self.sleep(1 / self.rate)
        finally:
            await self._flush(fp)
        return report

    async def _flush(self, fp: str) -> None:
        sent, self._sent = self._sent, []
        await claims.confirm_many(self.db, sent, fp)

    async def _post(self, post: PlannedPost, now: dt.datetime, fp: str, report: RunReport) -> None:
        # A slot late because its sends failed says so; otherwise the bot was offline.
        note = late_note(post.slot, post.sub.zone, post.sub.failures > 0) if post.late else None
        guild = post.sub.guild_id
        if guild not in self._spoilers:
            self._spoilers[guild] = await self.db.spoilers(guild)
        if not await self._still_held(post):  # nothing awaited between this and the send
            report.released += 1  # unsubscribed, paused or replaced since the claim
            return
        try:
            await self.send(post.sub, self._spoilers[guild], note, post.slot)
        except PostFailed as exc:
            log.warning("status post to channel %s failed: %s", post.sub.channel_id, exc.reason)
            await self._failed(post.sub, exc, now, report)
        except Exception as exc:  # an unexpected failure must not stop the other posts
            log.exception("status post to channel %s failed", post.sub.channel_id)
            report.errors.append(f"{post.sub.channel_id}: {exc!r}")
            await self._failed(post.sub, PostFailed(repr(exc)[:100], permanent=False), now, report)
        else:
            self._sent.append((post.sub, post.slot))  # confirmed in batches (see _flush)
            report.posted += 1

    async def _still_held(self, post: PlannedPost) -> bool:
        """Whether the subscription still holds this post's claim; the claims are re-read
        only after a write that can take one away (SettingsDB.claims_changed)."""
        if self._held_at != self.db.claims_changed:
            self._held = await claims.held(self.db)
            self._held_at = self.db.claims_changed
        key = (post.sub.guild_id, post.sub.channel_id)
        return self._held.get(key) == post.slot.astimezone(dt.UTC).isoformat()

    async def _failed(
        self,
        sub: Subscription,
        exc: PostFailed,
        now: dt.datetime,
        report: RunReport,
        keep: bool = False,
    ) -> None:
        """The failure policy: pause, or back off. A post that may be out (`keep`, or an
        ambiguous failure) keeps its claim: the channel's history settles it."""
        verdict = after_failure(sub, exc, now)
        if verdict.pause:
            await claims.pause(self.db, sub, verdict.pause)
            report.paused += 1
            await self._notify(sub, verdict.pause, report)
            return
        release = not (keep or exc.ambiguous)
        await claims.failed(self.db, sub, now, verdict.retry_at, error_code(exc), release=release)
        if not keep:
            report.retry_later += 1

    async def _recover(
        self, unconfirmed: list[Subscription], now: dt.datetime, report: RunReport
    ) -> None:
        """Settle claims a crash left behind: sent -> confirmed, unsent -> due again.
        Each check reads a channel's history, so they are paced like posts."""
        for i, sub in enumerate(unconfirmed):
            if i and self.confirm:
                await self.sleep(1 / self.rate)
            slot = sub.claimed_slot
            try:
                sent = await self.confirm(sub, slot) if self.confirm else False
            except PostFailed as exc:  # the claim stays; checked again after the backoff
                log.warning("cannot check channel %s: %s", sub.channel_id, exc.reason)
                await self._failed(sub, exc, now, report, keep=True)
                continue
            except Exception as exc:  # checked again next tick; the claim stays
                log.warning("cannot yet check channel %s: %r", sub.channel_id, exc)
                continue
            if sent:
                await claims.confirm(self.db, sub, slot, None)
                report.recovered += 1
            else:
                await claims.release(self.db, sub)
                report.released += 1

    async def _notify(self, sub: Subscription, reason: str, report: RunReport) -> None:
        await tell_paused(self.notify, sub, reason, report)
