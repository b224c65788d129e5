"""Server settings and status subscriptions: an aiosqlite database with versioned migrations.

Migrations are `data/migrations/NNN_name.sql`, applied in order; `PRAGMA user_version` holds the
number of the last one applied, so an old database is upgraded in place and never rebuilt.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.paths import DATA
from bot.posting import slots

MIGRATIONS = DATA / "migrations"
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
            f"I don't understand “{word[:30]}”. Use: `status subscribe #channel [HH:MM] "
            "[time zone] [daily|weekly] [on-change] [changes:off]`, e.g. `18:00 Asia/Seoul weekly`."
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
    )


_COLUMNS = (
    "guild_id, channel_id, subscriber_id, post_time, cadence, weekday, on_change, "
    "created_at, last_slot, last_fingerprint, paused_reason, zone"
)


class SettingsDB:
    """Per-server settings and subscriptions. Open with `await SettingsDB.open(path)`."""

    def __init__(self, db: aiosqlite.Connection):
        self._db = db

    @classmethod
    async def open(cls, path: Path | str, migrations: Path = MIGRATIONS) -> SettingsDB:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path)
        await migrate(db, migrations)
        return cls(db)

    async def close(self) -> None:
        await self._db.close()

    @property
    def connection(self) -> aiosqlite.Connection:
        """The open database, for tables kept by other modules (bot/posting/changes.py)."""
        return self._db

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
        await self._db.execute(
            "INSERT INTO guild_settings (guild_id, spoilers) VALUES (?, ?) "
            "ON CONFLICT(guild_id) DO UPDATE SET spoilers = excluded.spoilers",
            (guild_id, int(on)),
        )
        await self._db.commit()

    async def timezone(self, guild_id: int) -> str:
        """The server's time zone for new subscriptions (UTC until an admin sets one)."""
        row = await (
            await self._db.execute(
                "SELECT timezone FROM guild_settings WHERE guild_id = ?", (guild_id,)
            )
        ).fetchone()
        return slots.UTC if row is None else row[0]

    async def set_timezone(self, guild_id: int, zone: str) -> None:
        await self._db.execute(
            "INSERT INTO guild_settings (guild_id, timezone) VALUES (?, ?) "
            "ON CONFLICT(guild_id) DO UPDATE SET timezone = excluded.timezone",
            (guild_id, zone),
        )
        await self._db.commit()

    # --- subscriptions ---------------------------------------------------------------------

    async def subscribe(self, sub: Subscription) -> Subscription:
        """Create or replace a channel's subscription (a replaced one starts afresh)."""
        await self._db.execute(
            f"INSERT OR REPLACE INTO subscriptions ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
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
            ),
        )
        await self._db.commit()
        return sub

    async def unsubscribe(self, guild_id: int, channel_id: int | None = None) -> int:
        """Remove one channel's subscription, or every one in the server; returns how many."""
        if channel_id is None:
            cur = await self._db.execute(
                "DELETE FROM subscriptions WHERE guild_id = ?", (guild_id,)
            )
        else:
            cur = await self._db.execute(
                "DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ?",
                (guild_id, channel_id),
            )
        await self._db.commit()
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

    async def claim_slot(self, sub: Subscription, slot: dt.datetime) -> bool:
        """Record a slot as taken before posting, so a restart never posts it twice.
        False when another run already claimed it."""
        cur = await self._db.execute(
            "UPDATE subscriptions SET last_slot = ? WHERE guild_id = ? AND channel_id = ? "
            "AND (last_slot IS NULL OR last_slot < ?)",
            (_iso(slot), sub.guild_id, sub.channel_id, _iso(slot)),
        )
        await self._db.commit()
        return cur.rowcount == 1

    async def release_slot(self, sub: Subscription) -> None:
        """Give a claimed slot back (the post failed for a reason worth retrying)."""
        await self._db.execute(
            "UPDATE subscriptions SET last_slot = ? WHERE guild_id = ? AND channel_id = ?",
            (_iso(sub.last_slot), sub.guild_id, sub.channel_id),
        )
        await self._db.commit()

    async def posted(self, sub: Subscription, fingerprint: str) -> None:
        await self._db.execute(
            "UPDATE subscriptions SET last_fingerprint = ? WHERE guild_id = ? AND channel_id = ?",
            (fingerprint, sub.guild_id, sub.channel_id),
        )
        await self._db.commit()

    async def pause(self, sub: Subscription, reason: str) -> None:
        await self._db.execute(
            "UPDATE subscriptions SET paused_reason = ? WHERE guild_id = ? AND channel_id = ?",
            (reason, sub.guild_id, sub.channel_id),
        )
        await self._db.commit()


async def migrate(db: aiosqlite.Connection, migrations: Path = MIGRATIONS) -> int:
    """Apply every migration newer than the database; returns the version reached."""
    (version,) = await (await db.execute("PRAGMA user_version")).fetchone()
    for path in sorted(migrations.glob("*.sql")):
        number = int(path.name.split("_", 1)[0])
        if number <= version:
            continue
        await db.executescript(
            f"BEGIN;\n{path.read_text(encoding='utf-8')}\nPRAGMA user_version = {number};\nCOMMIT;"
        )
        version = number
    return version


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
