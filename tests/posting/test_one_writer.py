"""Every write on the bot's one settings connection is its own transaction: another task's
write (a change claim, `!status subscribe`, `!spoilers`, a release) never commits or joins the
scheduler's BEGIN IMMEDIATE ... COMMIT, so no claim is left hanging."""

from __future__ import annotations

import asyncio
import datetime as dt
import re

from bot.paths import ROOT
from bot.posting.sending import claims
from bot.posting.sending.change_poster import ChangePoster
from bot.posting.sending.changes import ChangeLog
from bot.posting.sending.scheduler import StatusPoster
from bot.posting.settings.options import SubscribeOptions, new_subscription
from bot.posting.settings.subscriptions import SettingsDB
from tests.posting.test_changes import POST

UTC = dt.UTC
START = dt.datetime(2026, 11, 16, 8, tzinfo=UTC)
NINE = START.replace(hour=9)
OPTS = SubscribeOptions("09:00", "daily", False)


async def nothing(*_):
    return None


async def yield_once(_=None):
    await asyncio.sleep(0)


async def test_other_writers_never_break_the_schedulers_transactions(tmp_path):
    db = await SettingsDB.open(tmp_path / "s.sqlite")
    try:
        for ch in range(300):
            await db.subscribe(new_subscription(1, ch, 7, OPTS, START))
        sent: list[int] = []

        async def send(sub, spoilers, note, slot):
            await asyncio.sleep(0)
            sent.append(sub.channel_id)

        poster = StatusPoster(db, lambda: "fp", send, nothing, yield_once)
        log = ChangeLog(db)
        await log.record("fp2", POST, START)
        (change,) = await log.pending(NINE)
        subs = await db.subscriptions()

        async def other_writers():
            # What the change loop and admins do while a slot goes out.
            for i, sub in enumerate(subs):
                await log.claim(change, sub, NINE)
                await db.set_spoilers(1 + i % 3, bool(i % 2))
                await db.set_timezone(2, "Asia/Seoul")
                await claims.record_fingerprint(db, sub, "fp2")
                if i % 50 == 0:
                    await db.subscribe(new_subscription(9, 1000 + i, 7, OPTS, START))
                await asyncio.sleep(0)

        report, _ = await asyncio.gather(poster.run_once(NINE), other_writers())
        assert report.errors == []
        assert sorted(sent) == list(range(300))
        left = [s for s in await db.subscriptions() if s.claimed_slot is not None]
        assert left == []
        assert all(s.last_slot == NINE for s in await db.subscriptions(1))
    finally:
        await db.close()


async def test_scheduled_and_change_posts_side_by_side_leave_no_claim(tmp_path):
    db = await SettingsDB.open(tmp_path / "s.sqlite")
    try:
        for ch in range(200):
            await db.subscribe(new_subscription(1, ch, 7, OPTS, START))
        posted: list[int] = []
        changed: list[int] = []

        async def send(sub, spoilers, note, slot):
            await asyncio.sleep(0)
            posted.append(sub.channel_id)

        async def csend(sub, spoilers, answer, tag):
            await asyncio.sleep(0)
            changed.append(sub.channel_id)

        sched = StatusPoster(db, lambda: "fp", send, nothing, yield_once)
        cp = ChangePoster(ChangeLog(db), csend, nothing, yield_once)
        await cp.log.record("fp2", POST, NINE)
        await asyncio.gather(sched.run_once(NINE), cp.run_once(NINE))
        assert [s for s in await db.subscriptions() if s.claimed_slot] == []
        assert sorted(posted) == sorted(changed) == list(range(200))
    finally:
        await db.close()


def test_no_write_bypasses_the_connections_write_lock():
    """Writes go through SettingsDB.immediate()/write(); a bare commit() or a write statement
    on the raw connection would join whatever transaction another task has open."""
    offenders = []
    raw_write = re.compile(
        r"(conn|_con|_db)\.execute(many)?\(\s*f?\"(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP)"
    )
    for path in sorted((ROOT / "bot" / "posting").glob("*.py")):
        if path.name == "migrations.py":
            continue  # runs before the connection is shared
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: commit()" for _ in re.finditer(r"\.commit\(\)", text)]
        offenders += [f"{path.name}: {m.group(0)}" for m in raw_write.finditer(text)]
    assert offenders == []


async def test_recovery_after_a_crash_reads_channel_histories_paced(tmp_path):
    db = await SettingsDB.open(tmp_path / "s.sqlite")
    try:
        for ch in range(5):
            await db.subscribe(new_subscription(1, ch, 7, OPTS, START))
        await claims.claim(db, [(s, NINE, False) for s in await db.subscriptions()])
        reads: list[int] = []
        sleeps: list[float] = []

        async def was_posted(sub, slot):
            reads.append(len(sleeps))  # how many pauses came before this read
            return True

        async def sleep(seconds):
            sleeps.append(seconds)

        poster = StatusPoster(db, lambda: "fp", nothing, nothing, sleep, confirm=was_posted)
        report = await poster.run_once(NINE.replace(minute=5))
        assert report.recovered == 5
        assert reads == [0, 1, 2, 3, 4] and sleeps == [1 / poster.rate] * 4
    finally:
        await db.close()
