""" "Status changed" posts, the record: when a reload changes the Season 2 digest, the change
is stored once (with the post itself, as JSON, so it survives a restart), and each delivery to
a subscription is claimed before it is sent and confirmed after (see change_poster).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict, dataclass

from bot.answers.types import Answer, Citation, Line
from bot.posting.settings.subscriptions import SettingsDB, Subscription

log = logging.getLogger(__name__)

STALE_AFTER = dt.timedelta(days=2)  # an undelivered change older than this is old news


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


@dataclass(frozen=True)
class Unconfirmed:
    """A delivery claimed and not confirmed, with the window in which it could have been sent."""

    change_id: int
    guild_id: int
    channel_id: int
    claimed_at: dt.datetime
    claim_until: dt.datetime | None


def _dt(s: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(s) if s else None


_KEY = "WHERE change_id = ? AND guild_id = ? AND channel_id = ?"


def _key(change: StatusChange, sub: Subscription) -> tuple[int, int, int]:
    return change.id, sub.guild_id, sub.channel_id


def _utc(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat()


def change_tag(change_id: int) -> str:
    """Written in a change post's footer; a restart looks for it in the channel's history."""
    return f"status change {change_id}"


def tagged_change(tag: str) -> int:
    """The change id a `change_tag` names."""
    return int(tag.rsplit(" ", 1)[1])


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

    async def claim(
        self,
        change: StatusChange,
        sub: Subscription,
        now: dt.datetime,
        holder: str | None = None,
        until: dt.datetime | None = None,
    ) -> bool:
        """Take this delivery before sending, for `holder` until `until` (its lease); False
        when it was already taken."""
        cur = await self.db.write(
            "INSERT OR IGNORE INTO change_posts "
            "(change_id, guild_id, channel_id, claimed_at, holder, claim_until) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (change.id, sub.guild_id, sub.channel_id, _utc(now), holder, until and _utc(until)),
        )
        return cur.rowcount == 1

    async def confirm(
        self,
        change: StatusChange,
        sub: Subscription,
        now: dt.datetime,
        message_id: int | None = None,
    ) -> None:
        """The post went out: settle its claim, keeping the message id when known."""
        await self.db.write(
            f"UPDATE change_posts SET sent_at = ?, message_id = ? {_KEY}",
            (_utc(now), message_id, *_key(change, sub)),
        )

    async def release(self, change: StatusChange, sub: Subscription) -> None:
        """Give a delivery back unsent: it is claimed and sent again later."""
        await self.db.write(f"DELETE FROM change_posts {_KEY}", _key(change, sub))

    async def taken(self) -> set[tuple[int, int, int]]:
        """(change id, guild, channel) of every delivery claimed or made: not tried again."""
        rows = await self._con.execute_fetchall(
            "SELECT change_id, guild_id, channel_id FROM change_posts"
        )
        return {(r[0], r[1], r[2]) for r in rows}

    async def unconfirmed(
        self, holder: str | None = None, now: dt.datetime | None = None
    ) -> list[Unconfirmed]:
        """Deliveries claimed but never confirmed; given `holder` and `now`, only those it may
        settle: its own, or ones whose holder's lease is over (a live holder's claim is never
        taken from it)."""
        sql = (
            "SELECT change_id, guild_id, channel_id, claimed_at, claim_until FROM change_posts "
            "WHERE sent_at IS NULL"
        )
        args: tuple = ()
        if now is not None:
            sql += " AND (holder IS NULL OR holder = ? OR claim_until IS NULL OR claim_until <= ?)"
            args = (holder, _utc(now))
        rows = await self._con.execute_fetchall(sql, args)
        return [
            Unconfirmed(r[0], r[1], r[2], dt.datetime.fromisoformat(r[3]), _dt(r[4])) for r in rows
        ]

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
