""" "Status changed" posts: one per change per subscription, across restarts, opt-out, failures."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

import pytest

from bot.answers.types import Answer, Citation, Line
from bot.posting.sending import claims
from bot.posting.sending.change_poster import ChangePoster
from bot.posting.sending.changes import ChangeLog, answer_from_json, answer_to_json
from bot.posting.sending.scheduler import PostFailed, StatusPoster
from bot.posting.settings.options import SubscribeOptions, new_subscription, parse_options
from bot.posting.settings.subscriptions import SettingsDB

UTC = dt.UTC


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=UTC)


POST = Answer(
    "status",
    True,
    None,
    "Season 2 status changed",
    [Line("Trailer: No trailer yet (2024-04-09) → Trailer released (2026-09-30) [1]")],
    [Citation("005_x", "Teaser", "2026-09-30", False, "Netflix released the teaser trailer.")],
)


class Harness:
    def __init__(self, db: SettingsDB):
        self.db = db
        self.log = ChangeLog(db)
        self.sent: list[tuple[int, str]] = []
        self.notified: list[tuple[int, str]] = []
        self.sleeps: list[float] = []
        self.fail: dict[int, Exception] = {}
        self.poster = ChangePoster(self.log, self.send, self.notify, self.sleep)

    async def send(self, sub, spoilers, answer, tag=None):
        if sub.channel_id in self.fail:
            raise self.fail[sub.channel_id]
        self.sent.append((sub.channel_id, answer.lines[0].text))

    async def notify(self, sub, reason):
        self.notified.append((sub.channel_id, reason))

    async def sleep(self, seconds):
        self.sleeps.append(seconds)

    async def add(self, channel: int, created: dt.datetime, on_change=False, changes=True):
        opts = SubscribeOptions("09:00", "daily", on_change, changes=changes)
        await self.db.subscribe(new_subscription(1, channel, 7, opts, created))
        await self.log.set_opt_in(1, channel, changes)


@pytest.fixture
async def db(tmp_path):
    d = await SettingsDB.open(tmp_path / "settings.sqlite")
    yield d
    await d.close()


def test_post_survives_json_round_trip():
    assert answer_from_json(answer_to_json(POST)) == POST


def test_changes_off_is_parsed():
    assert parse_options("18:00 changes:off", "09:00").changes is False
    assert parse_options("18:00", "09:00").changes is True


async def test_each_subscription_gets_one_post_per_change_paced(db):
    h = Harness(db)
    for ch in (10, 11, 12):
        await h.add(ch, at(20, 8))
    await h.log.record("fp-2", POST, at(20, 12))
    report = await h.poster.run_once(at(20, 12))
    assert report.posted == 3 and [c for c, _ in h.sent] == [10, 11, 12]
    assert h.sent[0][1].startswith("Trailer: No trailer yet")
    assert h.sleeps == [1 / h.poster.rate] * 2
    await h.poster.run_once(at(20, 12, 1))
    assert len(h.sent) == 3


async def test_no_second_post_after_a_restart(tmp_path):
    path = tmp_path / "settings.sqlite"
    first = await SettingsDB.open(path)
    h = Harness(first)
    await h.add(10, at(20, 8))
    await h.log.record("fp-2", POST, at(20, 12))
    await h.poster.run_once(at(20, 12))
    await first.close()
    second = await SettingsDB.open(path)
    try:
        h2 = Harness(second)
        await h2.poster.run_once(at(20, 12, 5))
        assert h2.sent == [] and len(h.sent) == 1
    finally:
        await second.close()


async def test_a_change_recorded_before_a_restart_is_still_posted_once(tmp_path):
    path = tmp_path / "settings.sqlite"
    first = await SettingsDB.open(path)
    h = Harness(first)
    await h.add(10, at(20, 8))
    await h.log.record("fp-2", POST, at(20, 12))
    await first.close()  # stopped before the loop ran
    second = await SettingsDB.open(path)
    try:
        h2 = Harness(second)
        await h2.poster.run_once(at(20, 13))
        await h2.poster.run_once(at(20, 13, 1))
        assert [c for c, _ in h2.sent] == [10]
    finally:
        await second.close()


async def test_recording_the_same_digest_twice_is_one_change(db):
    h = Harness(db)
    assert await h.log.record("fp-2", POST, at(20, 12)) is not None
    assert await h.log.record("fp-2", POST, at(20, 12, 1)) is None
    assert len(await h.log.pending(at(20, 13))) == 1


async def test_opted_out_paused_newer_and_stale_get_nothing(db):
    h = Harness(db)
    await h.add(10, at(20, 8), changes=False)
    await h.add(11, at(20, 8))
    await claims.pause(db, (await db.subscriptions())[1], "gone")
    await h.add(12, at(20, 13))  # subscribed after the change
    await h.log.record("fp-2", POST, at(20, 12))
    await h.poster.run_once(at(20, 14))
    assert h.sent == []
    await h.add(13, at(20, 8))
    await h.poster.run_once(at(23, 12))  # three days later: old news
    assert h.sent == []


async def test_failures_pause_or_retry(db):
    h = Harness(db)
    for ch in (10, 11):
        await h.add(ch, at(20, 8))
    h.fail[10] = PostFailed("I am not allowed to post there", permanent=True)
    h.fail[11] = PostFailed("Discord answered 503", permanent=False)
    await h.log.record("fp-2", POST, at(20, 12))
    report = await h.poster.run_once(at(20, 12))
    assert (report.paused, report.retry_later) == (1, 1)
    assert h.notified == [(10, "I am not allowed to post there")]
    del h.fail[11]
    await h.poster.run_once(at(20, 12, 1))
    assert [c for c, _ in h.sent] == [11]  # retried; the paused one is not


async def test_on_change_subscription_counts_the_change_post_as_its_post(db):
    h = Harness(db)
    await h.add(10, at(20, 8), on_change=True)
    scheduled: list[int] = []

    async def send(sub, spoilers, note):
        scheduled.append(sub.channel_id)

    async def nothing(*_):
        return None

    status = StatusPoster(db, lambda: "fp-2", send, nothing, nothing)
    await h.log.record("fp-2", POST, at(20, 12))
    await h.poster.run_once(at(20, 12))
    report = await status.run_once(at(21, 9))  # next slot: the digest is what was posted
    assert scheduled == [] and report.skipped_unchanged == 1 and len(h.sent) == 1


class Channels(Harness):
    """A harness whose channels keep what was posted (with the footer tag), so a restart can
    settle an unconfirmed delivery from the channel's history."""

    def __init__(self, db: SettingsDB):
        super().__init__(db)
        self.history: dict[int, list[str]] = {}
        self.attempts: dict[int, int] = {}
        self.poster.confirm = self.was_posted

    async def send(self, sub, spoilers, answer, tag=None):
        self.attempts[sub.channel_id] = self.attempts.get(sub.channel_id, 0) + 1
        await super().send(sub, spoilers, answer, tag)
        self.history.setdefault(sub.channel_id, []).append(tag)

    async def was_posted(self, sub, tag, since=None, until=None):
        return tag in self.history.get(sub.channel_id, [])


async def test_a_shutdown_mid_delivery_loses_no_change_post(tmp_path):
    path = tmp_path / "settings.sqlite"
    first = await SettingsDB.open(path)
    h = Channels(first)
    for ch in range(10, 14):
        await h.add(ch, at(20, 8))
    await h.log.record("fp-2", POST, at(20, 12))

    pausing = asyncio.Event()

    async def hang(_):
        pausing.set()
        await asyncio.sleep(3600)  # the pacing pause where SIGTERM's cancel lands

    h.poster.sleep = hang
    task = asyncio.create_task(h.poster.run_once(at(20, 12)))
    await asyncio.wait_for(pausing.wait(), 10)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await first.close()
    second = await SettingsDB.open(path)
    try:
        h2 = Channels(second)
        h2.history = h.history  # the same Discord
        report = await h2.poster.run_once(at(20, 12, 5))
        # A delivery is claimed just before its send, so the cancel in the pacing pause
        # left no claim behind: nothing to release, and every post goes out once.
        assert report.released == 0
        delivered = [c for c, _ in h.sent + h2.sent]
        assert sorted(delivered) == [10, 11, 12, 13]
        await h2.poster.run_once(at(20, 12, 6))
        assert len(h.sent + h2.sent) == 4
    finally:
        await second.close()


async def test_a_graceful_stop_takes_no_new_delivery(db):
    h = Channels(db)
    for ch in (10, 11, 12):
        await h.add(ch, at(20, 8))
    await h.log.record("fp-2", POST, at(20, 12))

    async def stop_after_first(_):
        h.poster.stop()

    h.poster.sleep = stop_after_first
    await h.poster.run_once(at(20, 12))
    assert [c for c, _ in h.sent] == [10]
    assert await h.log.unconfirmed() == []  # nothing left claimed-but-unsent


async def test_change_posts_back_off_and_a_repeated_400_pauses(db):
    h = Channels(db)
    await h.add(10, at(20, 8))
    await h.add(11, at(20, 8))
    h.fail[10] = PostFailed("Discord answered 429", permanent=False, status=429)
    h.fail[11] = PostFailed("Discord answered 400", permanent=False, status=400)
    await h.log.record("fp-2", POST, at(20, 12))
    tried: dict[int, int] = {10: 0, 11: 0}
    send = h.send

    async def counting(sub, spoilers, answer, tag=None):
        tried[sub.channel_id] += 1
        await send(sub, spoilers, answer, tag)

    h.poster.send = counting
    for i in range(360):  # an hour of the watch loop's 10 s ticks
        await h.poster.run_once(at(20, 12) + dt.timedelta(seconds=10 * i))
    subs = {s.channel_id: s for s in await db.subscriptions()}
    assert 4 <= tried[10] <= 8  # 1, 2, 4, 8, 16, 32 min apart, not every tick
    assert tried[11] == 2 and "refused the post twice" in subs[11].paused_reason
    assert [c for c, _ in h.notified] == [11]


async def test_a_timed_out_change_post_that_went_out_is_not_sent_again(db):
    h = Channels(db)
    await h.add(10, at(20, 8))
    await h.log.record("fp-2", POST, at(20, 12))
    send = h.send

    async def delivered_then_timeout(sub, spoilers, answer, tag=None):
        await send(sub, spoilers, answer, tag)
        if len(h.sent) == 1:
            raise PostFailed("network error (TimeoutError)", permanent=False)

    h.poster.send = delivered_then_timeout
    for minute in range(0, 10):
        await h.poster.run_once(at(20, 12, minute))
    assert len(h.sent) == 1
    assert await h.log.unconfirmed() == []


async def test_migration_005_counts_earlier_deliveries_as_sent(tmp_path):
    import shutil

    from bot.posting.settings.subscriptions import MIGRATIONS

    old = tmp_path / "old"
    old.mkdir()
    for m in sorted(MIGRATIONS.glob("00[1-4]_*.sql")):
        shutil.copy(m, old / m.name)
    path = tmp_path / "settings.sqlite"
    first = await SettingsDB.open(path, migrations=old)
    change_id = await ChangeLog(first).record("fp-2", POST, at(20, 12))
    await first.write(
        "INSERT INTO change_posts VALUES (?, 1, 10, ?)", (change_id, at(20, 12).isoformat())
    )
    await first.close()
    second = await SettingsDB.open(path)
    try:
        h2 = Channels(second)
        await h2.add(10, at(20, 8))
        assert await h2.log.unconfirmed() == []
        await h2.poster.run_once(at(20, 13))
        assert h2.sent == []
    finally:
        await second.close()


async def test_unsubscribe_during_change_posts_stops_that_channels_post(db):
    h = Channels(db)
    for ch in (10, 11, 12):
        await h.add(ch, at(20, 8))
    await h.log.record("fp-2", POST, at(20, 12))

    async def unsubscribe_12(_):
        await db.unsubscribe(1, 12)

    h.poster.sleep = unsubscribe_12
    report = await h.poster.run_once(at(20, 12))
    assert [c for c, _ in h.sent] == [10, 11] and report.released == 1
