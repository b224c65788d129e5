"""Scheduled Season 2 status posts: which subscriptions are due, and posting them safely.

Pure planning (`latest_slot`, `plan_posts`) plus `StatusPoster`, which talks to the world only
through what it is given (a clock, a sender, a notifier, a confirmer, a sleep), so tests need
no Discord and no waiting. Exactly one post per slot: a slot is claimed in the database before
the post is sent and confirmed (with the message id) after; every send carries the slot's
nonce, so Discord drops a second copy; a claim left by a crash is settled once its holder is
gone by asking the channel whether a post carrying the slot's tag exists. A post that may be
out but cannot be checked is never sent again. Only the most recent slot is ever due, so
downtime yields one late post. Sends run side by side, paced and bounded
(bot.posting.sending.fanout).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.posting.sending import claims
from bot.posting.sending.failures import (  # noqa: F401 (re-exported)
    BACKOFF_BASE,
    BACKOFF_CAP,
    GIVE_UP_AFTER,
    Notifier,
    PostFailed,
    RunReport,
    Verdict,
    after_failure,
    backoff,
    deadline_passed,
    error_code,
    pause_notice,
    tell_paused,
    unverified,
)
from bot.posting.sending.fanout import GLOBAL_RATE, POST_DEADLINE, fan_out, within_deadline
from bot.posting.sending.slots import late_note, latest_slot, next_slot  # noqa: F401 (re-exported)
from bot.posting.settings.subscriptions import SettingsDB, Subscription

log = logging.getLogger(__name__)

LATE_AFTER = dt.timedelta(minutes=10)  # a post this long after its slot says it is late
SEND_RATE = GLOBAL_RATE  # posts started per second; every request shares the client's gate
CONFIRM_BATCH = 25  # sent posts confirmed per transaction: about two a second at SEND_RATE
LEASE_MARGIN = dt.timedelta(seconds=10)  # one machine's clock; a restart settles soon after


def slot_tag(slot: dt.datetime) -> str:
    """The slot as written in a scheduled post's footer; recovery after a crash looks for it."""
    return f"slot {slot.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"


def lease(now: dt.datetime, posts: int, rate: float, deadline: float) -> dt.datetime:
    """Until when a run of `posts` sends may still send: twice its paced length, plus the
    last post's deadline and a margin. Past it, another process may settle the claims."""
    return now + dt.timedelta(seconds=2 * posts / rate + deadline) + LEASE_MARGIN


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


Sender = Callable[[Subscription, bool, str | None, dt.datetime], Awaitable[int | None]]
# sub, spoilers, late note, slot (in the footer as slot_tag(slot), nonce from it) -> message id
Confirmer = Callable[[Subscription, dt.datetime], Awaitable[bool | None]]
# was this claim's slot posted (looking between sub.claimed_at and sub.claim_until)?
# None: it cannot be told (no history permission)


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
        holder: str | None = None,
        deadline: float = POST_DEADLINE,
    ):
        self.db = db
        self.fingerprint = fingerprint
        self.send = send
        self.notify = notify
        self.sleep = sleep
        self.rate = rate
        self.confirm = confirm
        self.holder = holder or claims.new_holder()
        self.deadline = deadline
        self.stopping = False
        self._spoilers: dict[int, bool] = {}  # per guild, read once per run
        self._sent: list[claims.Sent] = []  # sent, not yet confirmed
        self._held: dict[tuple[int, int], tuple[str, str | None]] = {}  # claims, as last read
        self._held_at = -1  # SettingsDB.claims_changed when they were read

    def stop(self) -> None:
        """Finish the posts in flight, release the rest of the slot's claims, and return."""
        self.stopping = True

    async def run_once(self, now: dt.datetime) -> RunReport:
        """Post everything due at `now`. Never raises for a failed post."""
        report = RunReport()
        self._spoilers = {}
        subs = await self.db.subscriptions()
        unconfirmed = [
            s
            for s in subs
            if claims.settleable(s, self.holder, now) and not (s.retry_at and s.retry_at > now)
        ]
        if unconfirmed:
            await self._recover(unconfirmed, now, report)
            subs = await self.db.subscriptions()
        fp = self.fingerprint()
        plan = plan_posts(subs, now, fp)
        report.due = len(plan)
        if not plan or self.stopping:
            return report
        until = lease(now, len(plan), self.rate, self.deadline)
        wanted = [(p.sub, p.slot, p.unchanged) for p in plan]
        taken = await claims.claim(self.db, wanted, self.holder, now, until)
        mine = [p for p, ok in zip(plan, taken, strict=True) if ok and not p.unchanged]
        report.skipped_unchanged = sum(
            ok and p.unchanged for p, ok in zip(plan, taken, strict=True)
        )
        self._sent = []
        self._held_at = -1  # read the claims just taken before the first send
        try:
            left = await fan_out(
                mine,
                lambda post: self._post(post, now, fp, report),
                rate=self.rate,
                sleep=self.sleep,
                stopping=lambda: self.stopping,
            )
            for rest in left:
                await claims.release(self.db, rest.sub)
                report.released += 1
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
            message_id = await within_deadline(
                self.send(post.sub, self._spoilers[guild], note, post.slot), self.deadline
            )
        except PostFailed as exc:
            log.warning("status post to channel %s failed: %s", post.sub.channel_id, exc.reason)
            await self._failed(post.sub, exc, now, report)
        except TimeoutError:
            log.warning("status post to channel %s: no answer in time", post.sub.channel_id)
            await self._failed(post.sub, deadline_passed(self.deadline), now, report)
        except Exception as exc:  # an unexpected failure must not stop the other posts
            log.exception("status post to channel %s failed", post.sub.channel_id)
            report.errors.append(f"{post.sub.channel_id}: {exc!r}")
            await self._failed(post.sub, PostFailed(repr(exc)[:100], permanent=False), now, report)
        else:
            self._sent.append((post.sub, post.slot, message_id))
            report.posted += 1
            if len(self._sent) >= CONFIRM_BATCH:  # by the post's task: no start waits on it
                await self._flush(fp)

    async def _still_held(self, post: PlannedPost) -> bool:
        """Whether this process still holds this post's claim; the claims are re-read only
        after a write that can take one away (SettingsDB.claims_changed)."""
        if self._held_at != self.db.claims_changed:
            self._held = await claims.held(self.db)
            self._held_at = self.db.claims_changed
        key = (post.sub.guild_id, post.sub.channel_id)
        return self._held.get(key) == (post.slot.astimezone(dt.UTC).isoformat(), self.holder)

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
            await tell_paused(self.notify, sub, verdict.pause, report)
            return
        release = not (keep or exc.ambiguous)
        await claims.failed(self.db, sub, now, verdict.retry_at, error_code(exc), release=release)
        if not keep:
            report.retry_later += 1

    async def _recover(
        self, unconfirmed: list[Subscription], now: dt.datetime, report: RunReport
    ) -> None:
        """Settle claims a crash (or an ambiguous failure) left: sent -> confirmed, unsent ->
        due again, cannot tell -> counted as sent and paused with a notice saying so. Each
        check reads a channel's history, so checks are paced and bounded like posts."""
        if self.confirm is None:
            for sub in unconfirmed:
                await claims.release(self.db, sub)
                report.released += 1
            return
        await fan_out(
            unconfirmed,
            lambda sub: self._settle(sub, now, report),
            rate=self.rate,
            sleep=self.sleep,
            stopping=lambda: self.stopping,
        )

    async def _settle(self, sub: Subscription, now: dt.datetime, report: RunReport) -> None:
        slot = sub.claimed_slot
        try:
            sent = await within_deadline(self.confirm(sub, slot), self.deadline)
        except PostFailed as exc:  # the claim stays; checked again after the backoff
            log.warning("cannot check channel %s: %s", sub.channel_id, exc.reason)
            await self._failed(sub, exc, now, report, keep=True)
            return
        except Exception as exc:  # checked again next tick; the claim stays
            log.warning("cannot yet check channel %s: %r", sub.channel_id, exc)
            return
        if sent is None:
            await claims.confirm(self.db, sub, slot, None)
            reason = unverified(slot_tag(slot))
            await claims.pause(self.db, sub, reason)
            report.unverified += 1
            report.paused += 1
            await tell_paused(self.notify, sub, reason, report)
        elif sent:
            await claims.confirm(self.db, sub, slot, None)
            report.recovered += 1
        else:
            await claims.release(self.db, sub)
            report.released += 1
