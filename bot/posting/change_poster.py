""" "Status changed" posts, the delivery: every recorded change goes once to every eligible
subscription, paced like scheduled posts and under the same rules.

Each delivery is claimed before the send and confirmed after. A claim left unconfirmed (a crash,
SIGTERM, or a timeout/5xx after which Discord may have delivered the post anyway) is settled at
the next run from the channel's history, where the post's footer carries `change_tag`. Failures
follow the scheduled posts' policy (`scheduler.after_failure`): backoff from 1 min doubling to
1 h, a pause on 403/404, a repeated 400 or a day of failures. A delivered change counts as the
subscription's post for `on-change` (its fingerprint is stored).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from bot.answers.types import Answer
from bot.posting import claims
from bot.posting.changes import ChangeLog, StatusChange, change_tag
from bot.posting.scheduler import (
    SEND_RATE,
    Notifier,
    PostFailed,
    RunReport,
    after_failure,
    error_code,
    tell_paused,
)
from bot.posting.subscriptions import Subscription

log = logging.getLogger(__name__)

ChangeSender = Callable[[Subscription, bool, Answer, str], Awaitable[None]]
# sub, spoilers, post, tag (carried in the post's footer)
ChangeConfirmer = Callable[[Subscription, str], Awaitable[bool]]  # is a post with this tag there?


class ChangePoster:
    """Delivers recorded changes to every eligible subscription."""

    def __init__(
        self,
        log_: ChangeLog,
        send: ChangeSender,
        notify: Notifier,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rate: float = SEND_RATE,
        confirm: ChangeConfirmer | None = None,
    ):
        self.log = log_
        self.db = log_.db
        self.send = send
        self.notify = notify
        self.sleep = sleep
        self.rate = rate
        self.confirm = confirm
        self.stopping = False
        self._paced = False

    def stop(self) -> None:
        """Finish the post in flight and take no other (graceful shutdown)."""
        self.stopping = True

    async def _pace(self) -> None:
        if self._paced:
            await self.sleep(1 / self.rate)
        self._paced = True

    async def _subs(self, now: dt.datetime) -> dict[tuple[int, int], Subscription]:
        """Subscriptions that may be posted to now (not paused, not backing off)."""
        return {
            (s.guild_id, s.channel_id): s
            for s in await self.db.subscriptions()
            if not s.paused and not (s.retry_at and s.retry_at > now)
        }

    async def run_once(self, now: dt.datetime) -> RunReport:
        """Settle unconfirmed deliveries, then post every undelivered change. Never raises
        for a failed post."""
        report = RunReport()
        self._paced = False
        changes = {c.id: c for c in await self.log.pending(now)}
        if not changes:  # the usual tick (every few seconds): nothing to read further
            return report
        subs = await self._subs(now)
        if await self._recover(changes, subs, now, report):
            subs = await self._subs(now)  # recovery may have paused or backed some off
        opted_out = await self.log.opted_out()
        # Read once: a change stays pending for days, and a claim per subscription per tick
        # would be a write each time (claim() below still settles a race).
        taken = await self.log.taken()
        for change in changes.values():
            for key, sub in subs.items():
                if self.stopping:
                    return report
                if key in opted_out or sub.created_at > change.created_at:
                    continue
                if (change.id, *key) in taken:
                    continue
                if not await self.log.claim(change, sub, now):
                    continue  # delivered (or being delivered) already
                report.due += 1
                await self._pace()
                if self.stopping:  # asked to stop during the pause: leave it for next time
                    await self.log.release(change, sub)
                    report.released += 1
                    return report
                await self._post(change, sub, now, report)
        return report

    async def _post(
        self, change: StatusChange, sub: Subscription, now: dt.datetime, report: RunReport
    ) -> None:
        if not await claims.holds(self.db, sub):  # unsubscribed or paused since the run began
            await self.log.release(change, sub)
            report.released += 1
            return
        try:
            await self.send(
                sub, await self.db.spoilers(sub.guild_id), change.answer, change_tag(change.id)
            )
        except PostFailed as exc:
            log.warning("change post to channel %s failed: %s", sub.channel_id, exc.reason)
            await self._failed(change, sub, exc, now, report)
        except Exception as exc:  # one failed post must not stop the others
            log.exception("change post to channel %s failed", sub.channel_id)
            report.errors.append(f"{sub.channel_id}: {exc!r}")
            unknown = PostFailed(repr(exc)[:100], permanent=False)
            await self._failed(change, sub, unknown, now, report)
        else:
            await self._delivered(change, sub, now)
            report.posted += 1

    async def _delivered(self, change: StatusChange, sub: Subscription, now: dt.datetime) -> None:
        await self.log.confirm(change, sub, now)
        # For an on-change subscription this was its post.
        await claims.record_fingerprint(self.db, sub, change.fingerprint)

    async def _failed(
        self,
        change: StatusChange,
        sub: Subscription,
        exc: PostFailed,
        now: dt.datetime,
        report: RunReport,
        keep: bool = False,
    ) -> None:
        """The scheduled posts' policy; the subscription's own claim is not touched. The
        delivery's claim is kept when the post may be out (`keep`, or an ambiguous failure)."""
        verdict = after_failure(sub, exc, now)
        if verdict.pause:
            await self.log.release(change, sub)
            await claims.pause(self.db, sub, verdict.pause, release=False)
            report.paused += 1
            await tell_paused(self.notify, sub, verdict.pause, report)
            return
        if not (keep or exc.ambiguous):
            await self.log.release(change, sub)  # surely not delivered: sent again later
        await claims.failed(self.db, sub, now, verdict.retry_at, error_code(exc), release=False)
        report.retry_later += 1

    async def _recover(
        self,
        changes: dict[int, StatusChange],
        subs: dict[tuple[int, int], Subscription],
        now: dt.datetime,
        report: RunReport,
    ) -> bool:
        """Deliveries claimed but not confirmed: sent -> confirmed, unsent -> due again.
        True when there were any."""
        unconfirmed = await self.log.unconfirmed()
        for change_id, guild, channel in unconfirmed:
            change, sub = changes.get(change_id), subs.get((guild, channel))
            if change is None or sub is None:
                continue  # old news, or paused / backing off / gone: looked at again later
            sent = False
            if self.confirm is not None:
                await self._pace()
                try:
                    sent = await self.confirm(sub, change_tag(change_id))
                except PostFailed as exc:
                    await self._failed(change, sub, exc, now, report, keep=True)
                    continue
                except Exception as exc:  # checked again next run; the claim stays
                    log.warning("cannot yet check channel %s: %r", channel, exc)
                    continue
            if sent:
                await self._delivered(change, sub, now)
                report.recovered += 1
            else:
                await self.log.release(change, sub)
                report.released += 1
        return bool(unconfirmed)
