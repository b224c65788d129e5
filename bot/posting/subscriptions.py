"""Server settings and status subscriptions: an aiosqlite database with versioned migrations.

Migrations are `data/migrations/NNN_name.sql`, applied in order; `PRAGMA user_version` holds the
number of the last one applied, so an old database is upgraded in place and never rebuilt.
Before migrating, the file is copied beside itself; a migration runs in one transaction.
Opening checks the file (`PRAGMA integrity_check`) and closes the connection on every failure,
so a corrupt file ends the process with one line instead of a hang.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import re
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.errors import SettingsError
from bot.paths import rel
from bot.posting import slots
from bot.posting.migrations import MIGRATIONS, check, migrate, unusable

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

    @property
    def paused(self) -> bool:
        return self.paused_reason is not None


@dataclass(frozen=True)
class SubscribeOptions:
    """What `!status subscribe #channel [HH:MM] [zone] [daily|weekly] [on-change]` asked for."""

    post_time: str
    cadence: str
    on_change: bool
    zone: str | None = None  # None: the server's time zone
    changes: bool = True  # "status changed" posts; `changes:off` opts out


def parse_options(text: str, default_time: str) -> SubscribeOptions:
    """Parse the words after the channel; ValueError with a friendly message on bad input."""
    post_time, cadence, on_change, zone, changes = default_time, "daily", False, None, True
    for original in text.replace(",", " ").split():
        word = original.lower()
        if m := re.fullmatch(r"(\d{1,2})[:h.](\d{2})(utc)?", word):
            hour, minute = int(m.group(1)), int(m.group(2))
            if hour > 23 or minute > 59:
                raise ValueError(f"{word} is not a time of day; use HH:MM, e.g. 09:00.")
            post_time = f"{hour:02d}:{minute:02d}"
            zone = slots.UTC if m.group(3) else zone
        elif word in CADENCES:
            cadence = word
        elif word in ("on-change", "onchange", "on_change", "changes"):
            on_change = True
        elif word in ("changes:off", "changes:on"):
            changes = word.endswith("on")
        else:
            zone = _zone_word(original)
    return SubscribeOptions(post_time, cadence, on_change, zone, changes)


def _zone_word(word: str) -> str:
    """A word that is no other option must be a time zone."""
    try:
        return slots.parse_zone(word)
    except slots.ZoneError as exc:
        if exc.clear or slots.suggest(word, 1, cutoff=88):
            raise
        raise ValueError(
            f"I don't understand “{slots.plain_word(word)}”. Use: `status subscribe #channel "
            "[HH:MM] [time zone] [daily|weekly] [on-change] [changes:off]`, "
            "e.g. `18:00 Asia/Seoul weekly`."
        ) from None


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
    )


_COLUMNS = (
    "guild_id, channel_id, subscriber_id, post_time, cadence, weekday, on_change, "
    "created_at, last_slot, last_fingerprint, paused_reason, zone, "
    "claimed_slot, failures, retry_at, failing_since, last_error"
)
BUSY_TIMEOUT = 10.0  # seconds a write waits for another connection's transaction


class SettingsDB:
    """Per-server settings and subscriptions. Open with `await SettingsDB.open(path)`."""

    def __init__(self, db: aiosqlite.Connection):
        self._db = db
        # One connection is shared by every task (scheduler, change posts, commands). In
        # autocommit mode a write or commit() from one task would join or end another task's
        # open BEGIN IMMEDIATE transaction, so every write transaction holds this lock.
        self._writing = asyncio.Lock()
        # Bumped by every write that can take a claim away from the scheduler (subscribe,
        # unsubscribe, pause), so a slot's sender re-reads its claims only when it must.
        self.claims_changed = 0

    @classmethod
    async def open(cls, path: Path | str, migrations: Path = MIGRATIONS) -> SettingsDB:
        """Open, check and migrate; SettingsError (one line naming the file) on any failure."""
        memory = str(path) == ":memory:"
        name = str(path) if memory else rel(Path(path))
        try:
            if not memory:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: every transaction is explicit (BEGIN IMMEDIATE for claims).
            db = await aiosqlite.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise SettingsError(unusable(name, exc)) from exc
        try:
            await check(db)
            if not memory:
                await db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a claim
                await db.execute("PRAGMA synchronous = NORMAL")
            await migrate(db, migrations, backup=None if memory else Path(path))
        except BaseException as exc:
            await db.close()  # a connection left open is a thread that keeps the process alive
            if isinstance(exc, sqlite3.Error | OSError):
                raise SettingsError(unusable(name, exc)) from exc
            raise
        return cls(db)

    @property
    def conn(self) -> aiosqlite.Connection:
        """The open database, for reads of tables kept by other posting modules (claims,
        changes). Writes go through `immediate()` or `write()`, never through this."""
        return self._db

    @contextlib.asynccontextmanager
    async def immediate(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction taken at once (BEGIN IMMEDIATE), committed or rolled back;
        no other task's write runs on this connection until it ends. Inside it, write through
        the connection it yields: `write()` would wait for this transaction (the lock is not
        re-entrant)."""
        async with self._writing:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def write(self, sql: str, args: tuple = ()) -> aiosqlite.Cursor:
        """One write statement in a transaction of its own (see `immediate`)."""
        async with self.immediate() as c:
            return await c.execute(sql, args)

    async def close(self) -> None:
        await self._db.close()

    # --- guild settings --------------------------------------------------------------------

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
            f"INSERT OR REPLACE INTO subscriptions ({_COLUMNS}) VALUES ({','.join('?' * 17)})",
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


def new_subscription(
    guild_id: int, channel_id: int, subscriber_id: int, options: SubscribeOptions, now: dt.datetime
) -> Subscription:
    """A subscription created now: weekly posts fall on today's weekday in its zone."""
    zone = options.zone or slots.UTC
    return Subscription(
        guild_id=guild_id,
        channel_id=channel_id,
        subscriber_id=subscriber_id,
        post_time=options.post_time,
        cadence=options.cadence,
        weekday=slots.local_weekday(zone, now),
        on_change=options.on_change,
        created_at=now,
        zone=zone,
    )
