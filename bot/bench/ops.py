"""What a server owner plans with: the settings database's size and the memory its
subscriptions take per 1,000, how long a backup takes, and how many posts fit in a slot."""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
import time
import tracemalloc
from pathlib import Path


def subscription_figures(subscriptions: int) -> dict:
    """N subscriptions (in N/10 servers) in a real settings file: bytes on disk, Python memory
    of reading them all (what the scheduler does each minute), and a backup of the file."""
    from bot.posting.sending.scheduler import SEND_RATE
    from bot.posting.settings.backup import backup
    from bot.posting.settings.options import SubscribeOptions, new_subscription
    from bot.posting.settings.subscriptions import SettingsDB

    async def run(tmp: Path) -> dict:
        db = await SettingsDB.open(tmp / "settings.sqlite")
        created = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)
        opts = SubscribeOptions("09:00", "daily", False)
        async with db.immediate() as c:  # one transaction: the figure is the result, not this
            await c.executemany(
                "INSERT INTO guild_settings (guild_id, spoilers, timezone) VALUES (?, 1, 'UTC')",
                [(g,) for g in range(max(1, subscriptions // 10))],
            )
        for i in range(subscriptions):
            await db.subscribe(new_subscription(i // 10, 10_000 + i, 1, opts, created))
        tracemalloc.start()
        subs = await db.subscriptions()
        heap, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        await db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        t = time.perf_counter()
        backup(tmp / "settings.sqlite", tmp / "copy.sqlite")
        backup_s = time.perf_counter() - t
        await db.close()
        per_k = 1000 / len(subs)
        return {
            "subscriptions": len(subs),
            "file_kb_per_1000": round((tmp / "settings.sqlite").stat().st_size / 1024 * per_k, 1),
            "heap_kb_per_1000": round(heap / 1024 * per_k, 1),
            "backup_s": round(backup_s, 3),
            "posts_per_minute_slot": int(SEND_RATE * 60),  # more spill past the slot's minute
        }

    with tempfile.TemporaryDirectory() as tmp:
        return asyncio.run(run(Path(tmp)))
