""" "Status changed" posts: when a reload changes the Season 2 digest, every active subscription
gets one post saying what changed, per topic, before -> after, with citations.

A change is recorded once (with the post itself, as JSON, so it survives a restart); each
delivery is claimed in the settings DB before it is sent, so a restart never posts it twice.
Failures are handled as scheduled posts handle them (scheduler.PostFailed): a gone or forbidden
channel pauses the subscription and the server is told; anything else is retried next run.
A delivered change counts as the subscription's post for `on-change` (its fingerprint is stored).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass

from bot.answers.types import Answer, Citation, Line
from bot.posting import claims
from bot.posting.scheduler import SEND_RATE, Notifier, PostFailed, RunReport, tell_paused
from bot.posting.subscriptions import SettingsDB, Subscription

log = logging.getLogger(__name__)

STALE_AFTER = dt.timedelta(days=2)  # an undelivered change older than this is old news

ChangeSender = Callable[[Subscription, bool, Answer], Awaitable[None]]  # sub, spoilers, post


@dataclass(frozen=True)
class StatusChange:
    id: int
    fingerprint: str
    created_at: dt.datetime
    answer: Answer


def answer_to_json(a: Answer) -> str:
    return json.dumps(
        {
            "title": a.title,
            "lines": [[line.text, line.spoiler] for line in a.lines],
            "citations": [asdict(c) for c in a.citations],
        },
        ensure_ascii=False,
    )


def answer_from_json(text: str) -> Answer:
    d = json.loads(text)
    return Answer(
        "status",
        True,
        None,
        d["title"],
        [Line(t, s) for t, s in d["lines"]],
        [Citation(**c) for c in d["citations"]],
    )


class ChangeLog:
    """The change tables of the settings DB (migration 004)."""

    def __init__(self, db: SettingsDB):
        self.db = db
        self._con = db.conn

    async def record(self, fingerprint: str, answer: Answer, now: dt.datetime) -> int | None:
        """Store a change to post; None when the newest change already led to this digest."""
        row = await (
            await self._con.execute("SELECT fingerprint FROM status_changes ORDER BY id DESC")
        ).fetchone()
        if row and row[0] == fingerprint:
            return None
        cur = await self.db.write(
            "INSERT INTO status_changes (fingerprint, created_at, answer) VALUES (?, ?, ?)",
            (fingerprint, now.astimezone(dt.UTC).isoformat(), answer_to_json(answer)),
        )
        return cur.lastrowid

    async def pending(self, now: dt.datetime) -> list[StatusChange]:
        """Changes young enough to post, oldest first."""
        rows = await self._con.execute_fetchall(
            "SELECT id, fingerprint, created_at, answer FROM status_changes "
            "WHERE created_at >= ? ORDER BY id",
            ((now - STALE_AFTER).astimezone(dt.UTC).isoformat(),),
        )
        return [
            StatusChange(r[0], r[1], dt.datetime.fromisoformat(r[2]), answer_from_json(r[3]))
            for r in rows
        ]

    async def claim(self, change: StatusChange, sub: Subscription, now: dt.datetime) -> bool:
        """Take this delivery before sending; False when it was already taken."""
        cur = await self.db.write(
            "INSERT OR IGNORE INTO change_posts VALUES (?, ?, ?, ?)",
            (change.id, sub.guild_id, sub.channel_id, now.astimezone(dt.UTC).isoformat()),
        )
        return cur.rowcount == 1

    async def release(self, change: StatusChange, sub: Subscription) -> None:
        await self.db.write(
            "DELETE FROM change_posts WHERE change_id = ? AND guild_id = ? AND channel_id = ?",
            (change.id, sub.guild_id, sub.channel_id),
        )

    async def set_opt_in(self, guild_id: int, channel_id: int, on: bool) -> None:
        """`changes:off` on subscribe opts a channel out; subscribing without it opts back in."""
        sql = (
            "DELETE FROM change_optout WHERE guild_id = ? AND channel_id = ?"
            if on
            else "INSERT OR IGNORE INTO change_optout VALUES (?, ?)"
        )
        await self.db.write(sql, (guild_id, channel_id))

    async def last_digest(self) -> tuple[str, dict[str, list[str]]] | None:
        """(fingerprint, snapshot) of the digest last seen, if any."""
        row = await (
            await self._con.execute("SELECT fingerprint, snapshot FROM digest_state")
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    async def save_digest(self, fingerprint: str, snapshot: dict[str, list[str]]) -> None:
        await self.db.write(
            "INSERT OR REPLACE INTO digest_state VALUES (1, ?, ?)",
            (fingerprint, json.dumps(snapshot, ensure_ascii=False)),
        )

    async def opted_out(self) -> set[tuple[int, int]]:
        rows = await self._con.execute_fetchall("SELECT guild_id, channel_id FROM change_optout")
        return {(r[0], r[1]) for r in rows}


class ChangePoster:
    """Delivers recorded changes to every eligible subscription, paced like scheduled posts."""

    def __init__(
        self,
        log_: ChangeLog,
        send: ChangeSender,
        notify: Notifier,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rate: float = SEND_RATE,
    ):
        self.log = log_
        self.send = send
        self.notify = notify
        self.sleep = sleep
        self.rate = rate

    async def _due(self, now: dt.datetime) -> list[tuple[StatusChange, Subscription]]:
        changes = await self.log.pending(now)
        if not changes:
            return []
        out = await self.log.opted_out()
        subs = [
            s
            for s in await self.log.db.subscriptions()
            if not s.paused and (s.guild_id, s.channel_id) not in out
        ]
        return [(c, s) for c in changes for s in subs if s.created_at <= c.created_at]

    async def run_once(self, now: dt.datetime) -> RunReport:
        """Post every undelivered change. Never raises for a failed post."""
        due = await self._due(now)
        report = RunReport()
        sent_one = False
        for change, sub in due:
            if not await self.log.claim(change, sub, now):
                continue  # delivered (or being delivered) already
            report.due += 1
            if sent_one:
                await self.sleep(1 / self.rate)
            sent_one = True
            try:
                await self.send(sub, await self.log.db.spoilers(sub.guild_id), change.answer)
            except PostFailed as exc:
                if exc.permanent:
                    await claims.pause(self.log.db, sub, exc.reason)
                    report.paused += 1
                    await self._notify(sub, exc.reason, report)
                else:
                    await self.log.release(change, sub)
                    report.retry_later += 1
            except Exception as exc:  # one failed post must not stop the others
                log.exception("change post to channel %s failed", sub.channel_id)
                await self.log.release(change, sub)
                report.errors.append(f"{sub.channel_id}: {exc!r}")
            else:
                # For an on-change subscription this was its post.
                await claims.record_fingerprint(self.log.db, sub, change.fingerprint)
                report.posted += 1
        return report

    async def _notify(self, sub: Subscription, reason: str, report: RunReport) -> None:
        await tell_paused(self.notify, sub, reason, report)
