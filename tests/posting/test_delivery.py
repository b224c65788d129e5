"""The scheduler fault matrix: Discord errors, crashes, restarts, downtime, clock jumps and two
processes, against a simulated channel history. Lost and doubled posts are counted, and must
both be zero."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from collections import Counter, defaultdict
from unittest import mock

import discord
import pytest

from bot.posting.sending.scheduler import (
    BACKOFF_CAP,
    PostFailed,
    StatusPoster,
    after_failure,
    backoff,
    pause_notice,
)
from bot.posting.settings.options import SubscribeOptions, new_subscription
from bot.posting.settings.subscriptions import SettingsDB
from cogs.delivery import post_failure

UTC = dt.UTC
START = dt.datetime(2026, 11, 16, 8, tzinfo=UTC)  # a Monday, before the 09:00 slot


class Crash(BaseException):
    """The process dies here (not an Exception: nothing in the poster may swallow it)."""


def http(status: int) -> PostFailed:
    cls = {403: discord.Forbidden, 404: discord.NotFound}.get(status, discord.HTTPException)
    if status >= 500:
        cls = discord.DiscordServerError
    return post_failure(cls(mock.Mock(status=status, reason="test"), "test"))


FAULTS = {
    "403": lambda: http(403),
    "404": lambda: http(404),
    "400": lambda: http(400),
    "429": lambda: http(429),
    "5xx": lambda: http(503),
    "timeout": lambda: PostFailed("network error (TimeoutError)", permanent=False),
}


class World:
    """Discord as the scheduler sees it: channels keep what was posted, faults are queued."""

    def __init__(self):
        self.posts: dict[int, list[dt.datetime]] = defaultdict(list)
        self.faults: dict[int, list[str]] = defaultdict(list)
        self.notices: list[tuple[int, str]] = []
        self.notes: dict[int, list[str | None]] = defaultdict(list)

    async def send(self, sub, spoilers, note, slot):
        fault = self.faults[sub.channel_id].pop(0) if self.faults[sub.channel_id] else None
        if fault == "crash-before":
            raise Crash
        if fault in FAULTS:
            raise FAULTS[fault]()
        await asyncio.sleep(0)  # let another process interleave
        self.posts[sub.channel_id].append(slot)
        self.notes[sub.channel_id].append(note)
        if fault == "crash-after":
            raise Crash
        if fault and fault.startswith("delivered-"):  # Discord took it; the answer got lost
            raise FAULTS[fault.removeprefix("delivered-")]()

    async def confirm(self, sub, slot):
        return slot in self.posts[sub.channel_id]

    async def notify(self, sub, reason):
        self.notices.append((sub.channel_id, reason))

    def poster(self, db: SettingsDB) -> StatusPoster:
        async def no_sleep(_):
            await asyncio.sleep(0)

        return StatusPoster(
            db, lambda: "fp", self.send, self.notify, no_sleep, confirm=self.confirm
        )

    def doubled(self) -> int:
        return sum(n - 1 for posts in self.posts.values() for n in Counter(posts).values())


class Process:
    """One bot process: its own connection; a crash closes it and starts another."""

    def __init__(self, path, world: World):
        self.path, self.world = path, world
        self.db: SettingsDB | None = None
        self.crashes = 0

    async def start(self):
        self.db = await SettingsDB.open(self.path)
        self.poster = self.world.poster(self.db)

    async def tick(self, now: dt.datetime):
        try:
            return await self.poster.run_once(now)
        except Crash:
            self.crashes += 1
            await self.db.close()
            await self.start()  # the supervisor restarts it
            return None

    async def stop(self):
        await self.db.close()


async def add(db: SettingsDB, channel: int, time="09:00", cadence="daily", created=START):
    opts = SubscribeOptions(time, cadence, False)
    await db.subscribe(new_subscription(1, channel, 7, opts, created))


def daily_slots(days: int) -> list[dt.datetime]:
    return [START.replace(hour=9) + dt.timedelta(days=d) for d in range(days)]


@pytest.fixture
async def proc(tmp_path):
    p = Process(tmp_path / "settings.sqlite", World())
    await p.start()
    yield p
    await p.stop()


@pytest.mark.parametrize("fault", ["crash-before", "crash-after"])
async def test_a_crash_around_the_send_neither_loses_nor_doubles(proc, fault):
    await add(proc.db, 10)
    proc.world.faults[10] = [fault]
    assert await proc.tick(START.replace(hour=9)) is None  # died mid-post
    assert proc.crashes == 1
    report = await proc.tick(START.replace(hour=9, minute=1))  # the restarted process
    assert report.recovered + report.released == 1
    await proc.tick(START.replace(hour=9, minute=2))
    await proc.tick(START.replace(hour=9, minute=3))
    assert proc.world.posts[10] == [START.replace(hour=9)]


@pytest.mark.parametrize("status", ["403", "404"])
async def test_forbidden_or_gone_pauses_and_resume_keeps_time_and_cadence(proc, status):
    await add(proc.db, 10, time="18:30", cadence="weekly")
    proc.world.faults[10] = [status]
    slot = START.replace(hour=18, minute=30)
    report = await proc.tick(slot)
    assert report.paused == 1 and proc.world.notices and proc.world.posts[10] == []
    for day in range(1, 8):
        await proc.tick(slot + dt.timedelta(days=day))
    assert proc.world.posts[10] == []  # paused means silent
    sub = await proc.db.resume(1, 10, slot + dt.timedelta(days=7, hours=1))
    assert not sub.paused and (sub.post_time, sub.cadence, sub.weekday) == ("18:30", "weekly", 0)
    await proc.tick(slot + dt.timedelta(days=14))
    assert proc.world.posts[10] == [slot + dt.timedelta(days=14)]


async def test_a_single_400_is_retried_but_a_repeated_400_pauses(proc):
    await add(proc.db, 10)
    await add(proc.db, 11)
    proc.world.faults[10] = ["400"]
    proc.world.faults[11] = ["400", "400"]
    t = START.replace(hour=9)
    for minute in range(0, 120, 5):
        await proc.tick(t + dt.timedelta(minutes=minute))
    subs = {s.channel_id: s for s in await proc.db.subscriptions()}
    assert proc.world.posts[10] == [t] and not subs[10].paused
    assert proc.world.posts[11] == [] and "twice" in subs[11].paused_reason


@pytest.mark.parametrize("fault", ["429", "5xx", "timeout"])
async def test_transient_errors_back_off_and_then_post_once(proc, fault, caplog):
    await add(proc.db, 10)
    proc.world.faults[10] = [fault] * 8
    t = START.replace(hour=9)
    tries = 0
    for minute in range(0, 24 * 60, 1):  # a tick every minute for a day
        report = await proc.tick(t + dt.timedelta(minutes=minute))
        tries += report.retry_later + report.posted
    assert proc.world.posts[10][0] == t and len(proc.world.posts[10]) == 1
    assert tries == 9  # 8 failures, then one post: not a try per tick
    assert all(r.exc_info is None for r in caplog.records)  # one line, no traceback


@pytest.mark.parametrize("fault", ["delivered-timeout", "delivered-5xx"])
async def test_an_ambiguous_failure_that_was_delivered_is_not_posted_again(proc, fault):
    await add(proc.db, 10)
    proc.world.faults[10] = [fault]
    t = START.replace(hour=9)
    for minute in range(0, 10):
        await proc.tick(t + dt.timedelta(minutes=minute))
    (sub,) = await proc.db.subscriptions()
    assert proc.world.posts[10] == [t] and sub.last_slot == t and sub.claimed_slot is None


async def test_resume_starts_at_the_next_slot_not_the_stale_one(proc):
    await add(proc.db, 10)
    proc.world.faults[10] = ["403"]
    monday = START.replace(hour=9)
    await proc.tick(monday)  # paused
    thursday = monday + dt.timedelta(days=3, hours=6)
    await proc.db.resume(1, 10, thursday)  # the admin fixed the permissions
    await proc.tick(thursday)
    assert proc.world.posts[10] == []  # Thursday 09:00 is gone; no "late" post for it
    await proc.tick(monday + dt.timedelta(days=4))
    assert proc.world.posts[10] == [monday + dt.timedelta(days=4)]
    assert proc.world.notes[10] == [None]


async def test_a_post_late_after_failures_does_not_blame_downtime(proc):
    await add(proc.db, 10)
    proc.world.faults[10] = ["5xx"] * 4  # 1 + 2 + 4 + 8 minutes of backoff
    t = START.replace(hour=9)
    for minute in range(0, 40):
        await proc.tick(t + dt.timedelta(minutes=minute))
    assert proc.world.posts[10] == [t]
    (note,) = proc.world.notes[10]
    assert "offline" not in note and "could not be posted on time" in note
    await proc.tick(t + dt.timedelta(days=2, hours=1))  # then the bot was really down a day
    assert "offline" in proc.world.notes[10][-1]


async def test_unsubscribe_during_a_slot_stops_that_channels_post(proc):
    for c in range(100, 110):
        await add(proc.db, c)
    sent: list[int] = []
    plain = proc.world.send
    pauses = 0

    async def send(sub, spoilers, note, slot):
        await plain(sub, spoilers, note, slot)
        sent.append(sub.channel_id)

    async def pause(_):  # the pacing pause between two posts' starts
        nonlocal pauses
        pauses += 1
        if pauses == 3:  # `!status unsubscribe` while the slot goes out
            await proc.db.unsubscribe(1, 108)
            await proc.db.subscribe(
                new_subscription(1, 109, 7, SubscribeOptions("18:00", "daily", False), START)
            )

    proc.poster.send = send
    proc.poster.sleep = pause
    report = await proc.tick(START.replace(hour=9))
    assert 108 not in sent and 109 not in sent and report.released == 2
    assert {s.channel_id: s.claimed_slot for s in await proc.db.subscriptions()}[109] is None


async def test_a_day_of_continuous_failure_pauses(proc):
    await add(proc.db, 10)
    proc.world.faults[10] = ["5xx"] * 10_000
    t = START.replace(hour=9)
    for minute in range(0, 26 * 60, 5):
        await proc.tick(t + dt.timedelta(minutes=minute))
    (sub,) = await proc.db.subscriptions()
    assert sub.paused and "a day" in sub.paused_reason and proc.world.notices


def test_backoff_doubles_and_is_capped():
    assert [backoff(n).total_seconds() for n in range(4)] == [60, 120, 240, 480]
    assert backoff(50) == BACKOFF_CAP == dt.timedelta(hours=1)


def test_the_pause_notice_names_server_and_channel():
    opts = SubscribeOptions("09:00", "daily", False)
    sub = new_subscription(1, 123456789012345678, 7, opts, START)
    text = pause_notice(sub, "I am not allowed to post there", "Hyosan High", "news")
    assert "Hyosan High" in text and "#news" in text and "resume 123456789012345678" in text
    assert after_failure(sub, http(403), START).pause


async def test_downtime_and_clock_jumps_give_one_post_per_slot(proc):
    await add(proc.db, 10)
    t = START.replace(hour=9)
    await proc.tick(t)
    await proc.tick(t - dt.timedelta(hours=3))  # clock jumped back
    await proc.tick(t + dt.timedelta(minutes=1))
    await proc.tick(t + dt.timedelta(days=3, hours=5))  # three days offline: one late post
    await proc.tick(t + dt.timedelta(days=3, hours=5) - dt.timedelta(days=1))  # back a day
    await proc.tick(t + dt.timedelta(days=3, hours=6))
    assert proc.world.posts[10] == [t, t + dt.timedelta(days=3)]


async def test_restart_never_reposts(proc):
    await add(proc.db, 10)
    t = START.replace(hour=9)
    await proc.tick(t)
    await proc.stop()
    await proc.start()
    await proc.tick(t + dt.timedelta(minutes=1))
    assert proc.world.posts[10] == [t]


async def test_two_processes_on_one_file_lose_and_double_nothing(tmp_path):
    world = World()
    path = tmp_path / "settings.sqlite"
    a, b = Process(path, world), Process(path, world)
    await a.start()
    await b.start()
    try:
        for channel in range(200):
            await add(a.db, 1000 + channel)
        for t in daily_slots(3):
            await asyncio.gather(a.tick(t), b.tick(t))
            await asyncio.gather(a.tick(t + dt.timedelta(minutes=1)), b.tick(t))
        assert world.doubled() == 0
        lost = sum(slot not in world.posts[1000 + c] for c in range(200) for slot in daily_slots(3))
        assert lost == 0
    finally:
        await a.stop()
        await b.stop()


@pytest.mark.parametrize("seed", range(6))
async def test_random_fault_matrix_loses_and_doubles_nothing(proc, seed):
    """Every fault at random, a tick every 30 minutes for four days: each daily slot of each
    channel is posted exactly once (transient faults back off at most an hour)."""
    rng = random.Random(seed)
    channels = range(20, 40)
    for c in channels:
        await add(proc.db, c, time=f"{rng.randrange(24):02d}:{rng.choice((0, 15, 30, 45)):02d}")
    kinds = ["crash-before", "crash-after", "429", "5xx", "timeout", "400"]
    kinds += ["delivered-5xx", "delivered-timeout"]
    for step in range(4 * 48):
        for c in channels:
            if rng.random() < 0.15 and not proc.world.faults[c]:
                proc.world.faults[c].append(rng.choice(kinds))
        await proc.tick(START + dt.timedelta(minutes=30 * step))
    subs = {s.channel_id: s for s in await proc.db.subscriptions()}
    assert proc.world.doubled() == 0
    lost = 0
    for c in channels:
        if subs[c].paused:  # a 400 that repeated: paused on purpose, not lost
            continue
        hour, minute = map(int, subs[c].post_time.split(":"))
        first = START.replace(hour=hour, minute=minute)
        first += dt.timedelta(days=first < START)
        slots = [first + dt.timedelta(days=d) for d in range(3)]
        lost += sum(s not in proc.world.posts[c] for s in slots)
    assert lost == 0
    assert proc.crashes > 0


async def test_stopping_mid_slot_releases_the_rest_and_loses_nothing(proc):
    for c in range(5):
        await add(proc.db, 50 + c)
    world = proc.world
    plain_send = world.send

    stopped = asyncio.Event()

    async def slow_send(sub, spoilers, note, slot):
        await stopped.wait()  # still in flight when SIGTERM comes
        await plain_send(sub, spoilers, note, slot)

    async def stop_in_the_pause(_):
        proc.poster.stop()  # SIGTERM arrives during the first post
        stopped.set()

    proc.poster.send = slow_send
    proc.poster.sleep = stop_in_the_pause
    t = START.replace(hour=9)
    report = await proc.tick(t)
    assert report.posted == 1 and report.released == 4  # the post in flight finished
    await proc.stop()
    await proc.start()  # the next start posts the released slots, late if need be
    await proc.tick(t + dt.timedelta(minutes=20))
    assert sorted(len(world.posts[50 + c]) for c in range(5)) == [1] * 5


async def test_recovery_never_takes_a_claim_a_live_holder_owns(proc):
    """Two processes on one file (a lock that could not hold, e.g. no flock): the second
    leaves the first one's claim alone until its lease is over."""
    from bot.posting.sending import claims
    from bot.posting.sending.scheduler import lease

    await add(proc.db, 10)
    nine = START.replace(hour=9)
    (sub,) = await proc.db.subscriptions()
    until = lease(nine, 1, 49.0, 8.0)
    assert await claims.claim(proc.db, [(sub, nine, False)], "the-other-one", nine, until)
    report = await proc.tick(nine + dt.timedelta(seconds=5))  # the other one is still sending
    assert report.recovered + report.released == 0 and proc.world.posts[10] == []
    (sub,) = await proc.db.subscriptions()
    assert sub.claim_holder == "the-other-one" and sub.claimed_slot == nine
    report = await proc.tick(until + dt.timedelta(seconds=1))  # its lease is over: settled
    assert report.released == 1 and report.posted == 1 and proc.world.posts[10] == [nine]
