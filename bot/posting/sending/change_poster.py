""" "Status changed" posts, the delivery: every recorded change goes once to every eligible
subscription, paced, bounded and under the same rules as scheduled posts.

Each delivery is claimed (with a holder and a lease) before the send and confirmed (with the
message id) after; the send carries the delivery's nonce, so Discord drops a second copy. A
claim left unconfirmed (a crash, SIGTERM, or a timeout/5xx after which Discord may have
delivered the post anyway) is settled once its holder is gone from the channel's messages
between the claim and its lease, where the post's footer carries `change_tag`; one that
cannot be checked is never sent again. Failures follow the scheduled posts' policy
(`failures.after_failure`). A delivered change counts as the subscription's post for
`on-change` (its fingerprint is stored).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from bot.answers.types import Answer
from bot.posting.sending import claims
from bot.posting.sending.changes import ChangeLog, StatusChange, Unconfirmed, change_tag
from bot.posting.sending.failures import (
    Notifier,
    PostFailed,
    RunReport,
    after_failure,
    deadline_passed,
    error_code,
    tell_paused,
    unverified,
)
from bot.posting.sending.fanout import GLOBAL_RATE, POST_DEADLINE, fan_out, within_deadline
from bot.posting.sending.scheduler import lease
from bot.posting.settings.subscriptions import Subscription

log = logging.getLogger(__name__)

ChangeSender = Callable[[Subscription, bool, Answer, str], Awaitable[int | None]]
# sub, spoilers, post, tag (in the footer; the nonce is made from it) -> message id
ChangeConfirmer = Callable[
    [Subscription, str, dt.datetime, dt.datetime | None], Awaitable[bool | None]
]
# is a post with this tag there, between the claim and its lease? None: it cannot be told


class ChangePoster:
    """Delivers recorded changes to every eligible subscription."""

    def __init__(
        self,
        log_: ChangeLog,
        send: ChangeSender,
        notify: Notifier,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rate: float = GLOBAL_RATE,
        confirm: ChangeConfirmer | None = None,
        holder: str | None = None,
        deadline: float = POST_DEADLINE,
    ):
        self.log = log_
        self.db = log_.db
        self.send = send
        self.notify = notify
        self.sleep = sleep
        self.rate = rate
        self.confirm = confirm
        self.holder = holder or claims.new_holder()
        self.deadline = deadline
        self.stopping = False

    def stop(self) -> None:
        """Finish the posts in flight and take no other (graceful shutdown)."""
        self.stopping = True

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
        due = [
            (change, sub)
            for change in changes.values()
            for key, sub in subs.items()
            if key not in opted_out
            and sub.created_at <= change.created_at
            and (change.id, *key) not in taken
        ]
        if not due or self.stopping:
            return report
        until = lease(now, len(due), self.rate, self.deadline)
        await fan_out(
            due,
            lambda item: self._claim_and_post(*item, now, until, report),
            rate=self.rate,
            sleep=self.sleep,
            stopping=lambda: self.stopping,
        )
        return report

    async def _claim_and_post(
        self,
        change: StatusChange,
        sub: Subscription,
        now: dt.datetime,
        until: dt.datetime,
        report: RunReport,
    ) -> None:
        if not await self.log.claim(change, sub, now, self.holder, until):
            return  # delivered (or being delivered) already
        report.due += 1
        if not await claims.holds(self.db, sub):
            await self.log.release(change, sub)  # unsubscribed or paused since the run began
            report.released += 1
            return
        try:
            message_id = await within_deadline(
                self.send(
                    sub, await self.db.spoilers(sub.guild_id), change.answer, change_tag(change.id)
                ),
                self.deadline,
            )
        except PostFailed as exc:
            log.warning("change post to channel %s failed: %s", sub.channel_id, exc.reason)
            await self._failed(change, sub, exc, now, report)
        except TimeoutError:
            log.warning("change post to channel %s: no answer in time", sub.channel_id)
            await self._failed(change, sub, deadline_passed(self.deadline), now, report)
        except Exception as exc:  # one failed post must not stop the others
            log.exception("change post to channel %s failed", sub.channel_id)
            report.errors.append(f"{sub.channel_id}: {exc!r}")
            unknown = PostFailed(repr(exc)[:100], permanent=False)
            await self._failed(change, sub, unknown, now, report)
        else:
            await self._delivered(change, sub, now, message_id)
            report.posted += 1

    async def _delivered(
        self, change: StatusChange, sub: Subscription, now: dt.datetime, message_id=None
    ) -> None:
        await self.log.confirm(change, sub, now, message_id)
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
        """Deliveries claimed but not confirmed (and not a live holder's): sent -> confirmed,
        unsent -> due again, cannot tell -> counted as sent, never re-sent. True when there
        were any."""
        todo = [
            (changes[u.change_id], subs[(u.guild_id, u.channel_id)], u)
            for u in await self.log.unconfirmed(self.holder, now)
            # old news, or paused / backing off / gone: looked at again later
            if u.change_id in changes and (u.guild_id, u.channel_id) in subs
        ]
        await fan_out(
            todo,
            lambda item: self._settle(*item, now, report),
            rate=self.rate,
            sleep=self.sleep,
            stopping=lambda: self.stopping,
        )
        return bool(todo)

    async def _settle(
        self,
        change: StatusChange,
        sub: Subscription,
        claim: Unconfirmed,
        now: dt.datetime,
        report: RunReport,
    ) -> None:
        sent: bool | None = False
        if self.confirm is not None:
            try:
                sent = await within_deadline(
                    self.confirm(sub, change_tag(change.id), claim.claimed_at, claim.claim_until),
                    self.deadline,
                )
            except PostFailed as exc:
                await self._failed(change, sub, exc, now, report, keep=True)
                return
            except Exception as exc:  # checked again next run; the claim stays
                log.warning("cannot yet check channel %s: %r", sub.channel_id, exc)
                return
        if sent is None:  # never risk a double: counted as delivered, and the server is told
            await self._delivered(change, sub, now)
            reason = unverified(f'the "status changed" post {change.id}')
            await claims.pause(self.db, sub, reason, release=False)
            report.unverified += 1
            report.paused += 1
            await tell_paused(self.notify, sub, reason, report)
        elif sent:
            await self._delivered(change, sub, now)
            report.recovered += 1
        else:
            await self.log.release(change, sub)
            report.released += 1
