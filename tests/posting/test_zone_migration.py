"""Migration 003 (time zones): a database made before it keeps posting at the same UTC times."""

from __future__ import annotations

import datetime as dt
import shutil

import aiosqlite

from bot.posting.sending.scheduler import StatusPoster
from bot.posting.sending.slots import latest_slot, next_slot
from bot.posting.settings.subscriptions import MIGRATIONS, SettingsDB

UTC = dt.UTC


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


async def old_database(tmp_path):
    """A settings DB as the bot left it before time zones: schema 001, UTC subscriptions."""
    old = tmp_path / "old_migrations"
    old.mkdir()
    shutil.copy(MIGRATIONS / "001_subscriptions.sql", old)
    path = tmp_path / "settings.sqlite"
    await (await SettingsDB.open(path, old)).close()  # applies 001 only
    async with aiosqlite.connect(path) as db:
        await db.execute("INSERT INTO guild_settings (guild_id, spoilers) VALUES (1, 0)")
        await db.executemany(
            "INSERT INTO subscriptions (guild_id, channel_id, subscriber_id, post_time, cadence, "
            "weekday, on_change, created_at, last_slot) VALUES (1, ?, 7, ?, ?, ?, 0, ?, ?)",
            [
                (10, "09:00", "daily", 0, utc(2026, 3, 1).isoformat(), None),
                # weekly on Friday (UTC), last posted Friday 2026-03-06 23:30 UTC
                (
                    11,
                    "23:30",
                    "weekly",
                    4,
                    utc(2026, 3, 1).isoformat(),
                    "2026-03-06T23:30:00+00:00",
                ),
            ],
        )
        await db.commit()
    return path


async def test_existing_subscriptions_keep_their_utc_times(tmp_path):
    path = await old_database(tmp_path)
    db = await SettingsDB.open(path)  # applies 003 (and anything else newer)
    try:
        daily, weekly = await db.subscriptions()
        assert (daily.zone, weekly.zone) == ("UTC", "UTC")
        assert (daily.post_time, weekly.post_time, weekly.weekday) == ("09:00", "23:30", 4)
        assert weekly.last_slot == utc(2026, 3, 6, 23, 30)
        # Across New York's and London's spring changes nothing moves: UTC has no DST.
        for day in (7, 8, 9, 29, 30):
            now = utc(2026, 3, day, 12)
            assert latest_slot(daily, now) == utc(2026, 3, day, 9)
        assert next_slot(weekly, utc(2026, 3, 7)) == utc(2026, 3, 13, 23, 30)
        assert await db.spoilers(1) is False and await db.timezone(1) == "UTC"
        assert await db.timezone(2) == "UTC"  # a server with no settings row

        sent: list[int] = []

        async def send(sub, spoilers, note, slot=None):
            sent.append(sub.channel_id)

        async def nothing(*_args):
            return None

        poster = StatusPoster(db, lambda: "fp", send, nothing, nothing)
        await poster.run_once(utc(2026, 3, 13, 8, 59))
        assert sent == [10]  # yesterday's 09:00, late (created before it, never posted)
        await poster.run_once(utc(2026, 3, 13, 9, 0))
        await poster.run_once(utc(2026, 3, 13, 23, 29))
        assert sent == [10, 10]
        await poster.run_once(utc(2026, 3, 13, 23, 30))
        assert sent == [10, 10, 11]
    finally:
        await db.close()


async def test_server_time_zone_is_stored_beside_spoilers(tmp_path):
    path = await old_database(tmp_path)
    db = await SettingsDB.open(path)
    try:
        await db.set_timezone(1, "Asia/Seoul")
        await db.set_timezone(3, "Europe/London")
        assert await db.timezone(1) == "Asia/Seoul" and await db.spoilers(1) is False
        assert await db.timezone(3) == "Europe/London" and await db.spoilers(3) is True
        [_version] = await (await db._db.execute("PRAGMA user_version")).fetchone()
        assert _version >= 3
    finally:
        await db.close()
