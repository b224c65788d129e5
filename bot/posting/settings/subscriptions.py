"""Server settings and status subscriptions, kept in the settings database (database.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import aiosqlite

from bot.posting.sending import slots
from bot.posting.settings.database import BUSY_TIMEOUT, Database  # noqa: F401 (re-exported)
from bot.posting.settings.migrations import MIGRATIONS  # noqa: F401 (re-exported)

CADENCES = ("daily", "weekly")


@dataclass(frozen=True)
class Subscription:
    """One channel's scheduled status post."""

    guild_id: int
    channel_id: int
    subscriber_id: int
    post_time: str
    cadence: str
    weekday: int
    on_change: bool
    created_at: dt.datetime
    last_slot: dt.datetime | None = None
    last_fingerprint: str | None = None
    paused_reason: str | None = None
    zone: str = slots.UTC  # IANA zone of post_time and weekday
    claimed_slot: dt.datetime | None = None  # taken for posting, send not yet confirmed
    failures: int = 0  # consecutive failed sends
    retry_at: dt.datetime | None = None  # no send before this (backoff)
    failing_since: dt.datetime | None = None
    last_error: str | None = None
    claim_holder: str | None = None  # the process that took claimed_slot
    claimed_at: dt.datetime | None = None
    claim_until: dt.datetime | None = None  # the holder sends nothing after this (its lease)
    last_message_id: int | None = None  # the confirmed post of last_slot, when known

    @property
    def paused(self) -> bool:
        return self.paused_reason is not None


def _iso(t: dt.datetime | None) -> str | None:
    return t.astimezone(dt.UTC).isoformat() if t else None


def _dt(s: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(s) if s else None


def _row(r: aiosqlite.Row) -> Subscription:
    return Subscription(
        guild_id=r[0],
        channel_id=r[1],
        subscriber_id=r[2],
        post_time=r[3],
        cadence=r[4],
        weekday=r[5],
        on_change=bool(r[6]),
        created_at=_dt(r[7]),
        last_slot=_dt(r[8]),
        last_fingerprint=r[9],
        paused_reason=r[10],
        zone=r[11],
        claimed_slot=_dt(r[12]),
        failures=r[13],
        retry_at=_dt(r[14]),
        failing_since=_dt(r[15]),
        last_error=r[16],
        claim_holder=r[17],
        claimed_at=_dt(r[18]),
        claim_until=_dt(r[19]),
        last_message_id=r[20],
    )


_COLUMNS = (
    "guild_id, channel_id, subscriber_id, post_time, cadence, weekday, on_change, "
    "created_at, last_slot, last_fingerprint, paused_reason, zone, "
    "claimed_slot, failures, retry_at, failing_since, last_error, "
    "claim_holder, claimed_at, claim_until, last_message_id"
)


class SettingsDB(Database):
    """Per-server settings and subscriptions. Open with `await SettingsDB.open(path)`."""

    # --- guild settings ------------------------------------------------------------------

    async def spoilers(self, guild_id: int | None) -> bool:
        """Whether spoilers are hidden in this server (on by default, and in DMs)."""
        if guild_id is None:
            return True
        row = await (
            await self._db.execute(
                "SELECT spoilers FROM guild_settings WHERE guild_id = ?", (guild_id,)
            )
        ).fetchone()
        return True if row is None else bool(row[0])

    async def set_spoilers(self, guild_id: int, on: bool) -> None:
        await self.write(
            "INSERT INTO guild_settings (guild_id, spoilers) VALUES (?, ?) "
            "ON CONFLICT(guild_id) DO UPDATE SET spoilers = excluded.spoilers",
            (guild_id, int(on)),
        )

    async def timezone(self, guild_id: int) -> str:
        """The server's time zone for new subscriptions (UTC until an admin sets one)."""
        row = await (
            await self._db.execute(
                "SELECT timezone FROM guild_settings WHERE guild_id = ?", (guild_id,)
            )
        ).fetchone()
        return slots.UTC if row is None else row[0]

    async def set_timezone(self, guild_id: int, zone: str) -> None:
        await self.write(
            "INSERT INTO guild_settings (guild_id, timezone) VALUES (?, ?) "
            "ON CONFLICT(guild_id) DO UPDATE SET timezone = excluded.timezone",
            (guild_id, zone),
        )

    # --- subscriptions ---------------------------------------------------------------------

    async def subscribe(self, sub: Subscription) -> Subscription:
        """Create or replace a channel's subscription (a replaced one starts afresh)."""
        await self.write(
            f"INSERT OR REPLACE INTO subscriptions ({_COLUMNS}) VALUES ({','.join('?' * 21)})",
            (
                sub.guild_id,
                sub.channel_id,
                sub.subscriber_id,
                sub.post_time,
                sub.cadence,
                sub.weekday,
                int(sub.on_change),
                _iso(sub.created_at),
                _iso(sub.last_slot),
                sub.last_fingerprint,
                sub.paused_reason,
                sub.zone,
                _iso(sub.claimed_slot),
                sub.failures,
                _iso(sub.retry_at),
                _iso(sub.failing_since),
                sub.last_error,
                sub.claim_holder,
                _iso(sub.claimed_at),
                _iso(sub.claim_until),
                sub.last_message_id,
            ),
        )
        self.claims_changed += 1
        return sub

    async def unsubscribe(self, guild_id: int, channel_id: int | None = None) -> int:
        """Remove one channel's subscription, or every one in the server; returns how many."""
        if channel_id is None:
            cur = await self.write("DELETE FROM subscriptions WHERE guild_id = ?", (guild_id,))
        else:
            cur = await self.write(
                "DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ?",
                (guild_id, channel_id),
            )
        self.claims_changed += 1
        return cur.rowcount

    async def forget_guild(self, guild_id: int) -> int:
        """Forget a server the bot was removed from: its settings, its subscriptions and their
        delivery records, in one transaction. Returns how many subscriptions went."""
        async with self.immediate() as c:
            cur = await c.execute("DELETE FROM subscriptions WHERE guild_id = ?", (guild_id,))
            for table in ("guild_settings", "change_optout", "change_posts"):
                await c.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))
        self.claims_changed += 1
        return cur.rowcount

    async def subscriptions(self, guild_id: int | None = None) -> list[Subscription]:
        """One server's subscriptions, or all of them."""
        sql = f"SELECT {_COLUMNS} FROM subscriptions"
        args: tuple = ()
        if guild_id is not None:
            sql += " WHERE guild_id = ?"
            args = (guild_id,)
        rows = await (
            await self._db.execute(sql + " ORDER BY guild_id, channel_id", args)
        ).fetchall()
        return [_row(r) for r in rows]

    async def resume(self, guild_id: int, channel_id: int, now: dt.datetime) -> Subscription | None:
        """Un-pause a subscription, keeping its time, cadence and history; None when there is
        no subscription for that channel in that server. Posting starts at the next slot: the
        one that passed while paused would be a stale "late" post."""
        subs = {s.channel_id: s for s in await self.subscriptions(guild_id)}
        sub = subs.get(channel_id)
        if sub is None:
            return None
        if sub.paused:
            passed = slots.latest_slot(sub, now)
            last = max(filter(None, (sub.last_slot, passed)))
            await self.write(
                "UPDATE subscriptions SET paused_reason = NULL, failures = 0, retry_at = NULL, "
                "failing_since = NULL, last_error = NULL, last_slot = ? "
                "WHERE guild_id = ? AND channel_id = ?",
                (_iso(last), guild_id, channel_id),
            )
        subs = await self.subscriptions(guild_id)
        return next((s for s in subs if s.channel_id == channel_id), None)
