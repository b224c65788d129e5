"""The status scheduler: injected clock, fake sender, no waiting, no Discord."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import discord
import pytest

from bot.posting.sending.scheduler import (
    SEND_RATE,
    PostFailed,
    StatusPoster,
    latest_slot,
    plan_posts,
    send_offsets,
)
from bot.posting.settings.options import SubscribeOptions, new_subscription, parse_options
from bot.posting.settings.subscriptions import SettingsDB
from cogs.delivery import post_failure

UTC = dt.UTC


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, second, tzinfo=UTC)  # 2026-11-16 is a Monday


class Harness:
    """A poster over a real settings DB, with a recording sender and notifier."""

    def __init__(self, db: SettingsDB, fp: str = "digest-1"):
        self.db = db
        self.fp = fp
        self.sent: list[tuple[int, str | None]] = []
        self.notified: list[tuple[int, str]] = []
        self.sleeps: list[float] = []
        self.fail: dict[int, Exception] = {}
        self.poster = StatusPoster(db, lambda: self.fp, self.send, self.notify, self.sleep)

    async def send(self, sub, spoilers, note, slot):
        if sub.channel_id in self.fail:
            raise self.fail[sub.channel_id]
        self.sent.append((sub.channel_id, note))

    async def notify(self, sub, reason):
        self.notified.append((sub.channel_id, reason))

    async def sleep(self, seconds):
        self.sleeps.append(seconds)

    async def add(
        self, channel: int, created: dt.datetime, time="09:00", cadence="daily", on_change=False
    ):
        opts = SubscribeOptions(time, cadence, on_change)
        await self.db.subscribe(new_subscription(1, channel, 7, opts, created))


@pytest.fixture
async def db(tmp_path):
    database = await SettingsDB.open(tmp_path / "settings.sqlite")
    yield database
    await database.close()


async def test_posts_at_the_slot_once(db):
    h = Harness(db)
    await h.add(10, at(20, 8))
    assert (await h.poster.run_once(at(20, 8, 59))).due == 0
    report = await h.poster.run_once(at(20, 9, 0))
    assert report.posted == 1 and h.sent == [(10, None)]
    await h.poster.run_once(at(20, 9, 1))
    await h.poster.run_once(at(20, 23, 59))
    assert len(h.sent) == 1
    await h.poster.run_once(at(21, 9, 0))
    assert len(h.sent) == 2


async def test_no_double_post_after_restart(tmp_path):
    path = tmp_path / "settings.sqlite"
    first = await SettingsDB.open(path)
    h = Harness(first)
    await h.add(10, at(20, 8))
    await h.poster.run_once(at(20, 9, 0))
    await first.close()
    second = await SettingsDB.open(path)  # the bot restarted
    try:
        h2 = Harness(second)
        await h2.poster.run_once(at(20, 9, 2))
        assert h2.sent == []
    finally:
        await second.close()


async def test_one_late_post_after_downtime(db):
    h = Harness(db)
    await h.add(10, at(16, 8))
    await h.poster.run_once(at(16, 9))
    h.sent.clear()
    await h.poster.run_once(at(19, 15, 30))  # offline for three slots
    assert len(h.sent) == 1
    _channel, note = h.sent[0]
    assert note and "Late post" in note and "09:00 UTC" in note and "2026-11-19" in note
    await h.poster.run_once(at(19, 15, 31))
    assert len(h.sent) == 1


async def test_new_subscription_has_no_backlog(db):
    h = Harness(db)
    await h.add(10, at(20, 10))  # subscribed after today's 09:00 slot
    await h.poster.run_once(at(20, 10, 1))
    assert h.sent == []
    await h.poster.run_once(at(21, 9))
    assert h.sent == [(10, None)]


async def test_on_change_skips_an_unchanged_digest(db):
    h = Harness(db)
    await h.add(10, at(20, 8), on_change=True)
    await h.poster.run_once(at(20, 9))
    report = await h.poster.run_once(at(21, 9))
    assert report.skipped_unchanged == 1 and len(h.sent) == 1
    h.fp = "digest-2"
    await h.poster.run_once(at(22, 9))
    assert len(h.sent) == 2


@pytest.mark.parametrize(
    "reason", ["the channel no longer exists", "I am not allowed to post there"]
)
async def test_gone_or_forbidden_channel_pauses_and_tells_the_server(db, reason):
    h = Harness(db)
    await h.add(10, at(20, 8))
    await h.add(11, at(20, 8))
    h.fail[10] = PostFailed(reason, permanent=True)
    report = await h.poster.run_once(at(20, 9))
    assert report.paused == 1 and report.posted == 1 and h.sent == [(11, None)]
    assert h.notified == [(10, reason)]
    subs = {s.channel_id: s for s in await db.subscriptions()}
    assert subs[10].paused_reason == reason  # kept, not deleted
    del h.fail[10]
    await h.poster.run_once(at(21, 9))
    assert (10, None) not in h.sent and h.sent.count((11, None)) == 2


async def test_server_errors_are_retried_and_the_loop_survives(db):
    h = Harness(db)
    await h.add(10, at(20, 8))
    await h.add(11, at(20, 8))
    h.fail[10] = PostFailed("Discord answered 503", permanent=False)
    h.fail[11] = RuntimeError("boom")
    report = await h.poster.run_once(at(20, 9))
    assert report.retry_later == 2 and len(report.errors) == 1 and report.posted == 0
    h.fail.clear()
    assert (await h.poster.run_once(at(20, 9, 0, 30))).due == 0  # backing off
    report = await h.poster.run_once(at(20, 9, 1))  # the released slots are due again
    assert report.posted == 2


async def test_weekly_posts_on_its_weekday_only(db):
    h = Harness(db)
    await h.add(10, at(16, 8), cadence="weekly")  # Monday
    for day in range(16, 24):
        await h.poster.run_once(at(day, 9, 0))
    assert len(h.sent) == 2  # Monday 16th and Monday 23rd


async def test_posts_are_paced_within_discords_limit(db):
    h = Harness(db)
    for channel in range(20):
        await h.add(100 + channel, at(20, 8))
    await h.poster.run_once(at(20, 9))
    assert len(h.sent) == 20 and h.sleeps == [1 / SEND_RATE] * 19
    assert SEND_RATE <= 50 and send_offsets(3) == [0, 1 / SEND_RATE, 2 / SEND_RATE]


def test_latest_slot_and_plan_are_pure():
    opts = SubscribeOptions("09:00", "daily", False)
    sub = new_subscription(1, 10, 7, opts, at(20, 8))
    assert latest_slot(sub, at(20, 8, 59)) == at(19, 9)
    assert latest_slot(sub, at(20, 9)) == at(20, 9)
    assert plan_posts([sub], at(20, 8, 59), "x") == []
    assert [p.slot for p in plan_posts([sub], at(20, 9, 5), "x")] == [at(20, 9)]


def _http_error(cls, status: int) -> discord.HTTPException:
    response = mock.Mock(status=status, reason="test")
    return cls(response, "test")


def test_discord_errors_map_to_pause_or_retry():
    assert post_failure(_http_error(discord.NotFound, 404)).permanent
    assert post_failure(_http_error(discord.Forbidden, 403)).permanent
    assert not post_failure(_http_error(discord.DiscordServerError, 503)).permanent
    assert not post_failure(_http_error(discord.HTTPException, 429)).permanent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("09:00", "daily", False)),
        ("18:30", ("18:30", "daily", False)),
        ("7:05 weekly on-change", ("07:05", "weekly", True)),
        ("WEEKLY 23:59 UTC", ("23:59", "weekly", False)),
    ],
)
def test_parse_options(text, expected):
    o = parse_options(text, "09:00")
    assert (o.post_time, o.cadence, o.on_change) == expected


@pytest.mark.parametrize("text", ["25:00", "monthly", "tomorrow", "@everyone"])
def test_parse_options_rejects_bad_input(text):
    with pytest.raises(ValueError) as info:
        parse_options(text, "09:00")
    assert "HH:MM" in str(info.value) or "subscribe" in str(info.value)


async def test_migrations_are_versioned_and_keep_data(tmp_path):
    path = tmp_path / "s.sqlite"
    db = await SettingsDB.open(path)
    await db.set_spoilers(1, False)
    await db.close()
    db = await SettingsDB.open(path)  # migrations already applied: nothing re-run, data kept
    try:
        assert await db.spoilers(1) is False and await db.spoilers(2) is True
    finally:
        await db.close()
