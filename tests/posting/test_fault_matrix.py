"""The posting path against a fake Discord on loopback (tests/posting/fake_discord.py): the real
bot's HTTP client, cogs.status_posts' sender and history check, and the scheduler, under
injected faults and process deaths. Each scenario counts the bot's posts per channel: exactly
one per subscription per slot, and a clean channel is never held up by a faulty one."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

import discord
import pytest

from bot.client import HyosanBot
from bot.config import Settings
from bot.posting.sending.failures import PostFailed
from bot.posting.settings.options import SubscribeOptions, new_subscription
from bot.posting.settings.subscriptions import SettingsDB
from tests.posting.fake_discord import FakeDiscord

UTC = dt.UTC
NINE = dt.datetime(2026, 11, 16, 9, tzinfo=UTC)
FAULTY, CLEAN = 1, (2, 3, 4, 5)
SUBSCRIBER = 7
DM = 900_000 + SUBSCRIBER  # where the fake puts the DM channel to the subscriber


class Clock:
    def __init__(self, now: dt.datetime):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


class Process:
    """One bot process: its own settings connection and HTTP client (no gateway)."""

    extensions = ("cogs.status_posts",)

    def __init__(self, path, engine, clock: Clock):
        self.path, self.engine, self.clock = path, engine, clock

    async def start(self) -> Process:
        self.db = await SettingsDB.open(self.path)
        self.bot = HyosanBot(
            settings=Settings(), engine=self.engine, db=self.db, clock=self.clock,
            extensions=self.extensions,
        )
        await self.bot.login("token")
        posts = self.bot.get_cog("StatusPosts")
        if posts is not None:
            self.poster = posts.poster
            self.poster.deadline = 0.3  # a hang ends quickly (the real deadline is 8 s)
            self.poster.sleep = lambda _: asyncio.sleep(0)
        return self

    async def tick(self):
        return await self.poster.run_once(self.clock())

    async def kill(self) -> None:
        """The process dies: nothing more is written, the connections go (once)."""
        if getattr(self, "dead", False):
            return
        self.dead = True
        await self.bot.close()
        await self.db.close()


@pytest.fixture
async def fake():
    async with FakeDiscord(Clock(NINE)).serving() as server:
        yield server


async def subscribe_all(db: SettingsDB) -> None:
    opts = SubscribeOptions("09:00", "daily", False)
    for ch in (FAULTY, *CLEAN):
        await db.subscribe(new_subscription(1, ch, SUBSCRIBER, opts, NINE - dt.timedelta(hours=1)))


async def until_posted(fake: FakeDiscord, channel: int) -> None:
    async with asyncio.timeout(30):  # generous: a loaded CI machine is slow, not wrong
        while not fake.posts_by_me(channel):
            await asyncio.sleep(0.01)


# scenario -> (faults on the faulty channel's POSTs, channel options, kill -9 after its send,
#              posts expected in the faulty channel, paused at the end)
SCENARIOS = {
    "accepted, then 500": (["accept-500"], {}, False, 1, False),
    "accepted, then no answer": (["accept-hang"], {}, False, 1, False),
    "500, not posted": (["500"], {}, False, 1, False),
    "503, not posted": (["503"], {}, False, 1, False),
    "429": (["429"], {}, False, 1, False),
    "no answer, not posted": (["hang"], {}, False, 1, False),
    "403": (["403"], {}, False, 0, True),
    "kill -9 after the send": ([], {}, True, 1, False),
    "kill -9 after the send, busy channel": ([], {"busy": True}, True, 1, False),
    "kill -9 after the send, history forbidden": (
        [], {"history_forbidden": True}, True, 1, True,
    ),
    # The stated policy: a post that may be out and cannot be checked is never sent again.
    "500, not posted, history forbidden": (["500"], {"history_forbidden": True}, False, 0, True),
}


@pytest.mark.parametrize("name", SCENARIOS)
async def test_fault_matrix_posts_exactly_once(fake, engine, tmp_path, name):
    faults, options, kill, expected, paused = SCENARIOS[name]
    clock = fake.clock
    for ch in CLEAN:
        fake.channel(ch)
    fake.channel(FAULTY, faults=list(faults), **options)
    fake.channel(DM, guild_id=0)
    path = tmp_path / "settings.sqlite"
    proc = await Process(path, engine, clock).start()
    await subscribe_all(proc.db)
    if kill:
        fake.channels[FAULTY].faults = ["accept-hang"]  # posted; the confirm never happens
        run = asyncio.create_task(proc.tick())
        try:
            await until_posted(fake, FAULTY)
            for ch in CLEAN:
                await until_posted(fake, ch)
        finally:
            # Also when a wait times out: a tick left running, or a client left open, keeps
            # the event loop (and so the test process) alive after the failure is reported.
            run.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await run
            await proc.kill()
        proc = await Process(path, engine, clock).start()  # the restarted process
    try:
        if not kill:
            await proc.tick()
        # The clean channels went out in the first run, whatever the faulty one did.
        assert {ch: len(fake.posts_by_me(ch)) for ch in CLEAN} == dict.fromkeys(CLEAN, 1)
        for minutes in (1, 2, 4, 8, 16, 40):  # past every backoff
            clock.now = NINE + dt.timedelta(minutes=minutes)
            await proc.tick()
        counts = {ch: len(fake.posts_by_me(ch)) for ch in (FAULTY, *CLEAN)}
        assert counts == {FAULTY: expected, **dict.fromkeys(CLEAN, 1)}
        subs = {s.channel_id: s for s in await proc.db.subscriptions()}
        assert subs[FAULTY].paused is paused
        assert all(s.claimed_slot is None for s in subs.values())
        notices = [m["content"] for m in fake.channels[DM].messages]
        assert len(notices) == int(paused)
        assert all(m["nonce"] for m in fake.channels[DM].messages)  # a retry cannot double it
        if paused and "history" in name:
            assert "did not send it again" in notices[0]
    finally:
        await proc.kill()


async def test_every_post_carries_its_nonce_and_no_pings(fake, engine, tmp_path):
    for ch in (FAULTY, *CLEAN):
        fake.channel(ch)
    proc = await Process(tmp_path / "s.sqlite", engine, fake.clock).start()
    try:
        await subscribe_all(proc.db)
        await proc.tick()
        posts = [body for path, body in fake.bodies if path.endswith("/messages")]
        assert len(posts) == 5
        assert all(b["enforce_nonce"] is True and len(b["nonce"]) <= 25 for b in posts)
        assert len({b["nonce"] for b in posts}) == 5
        assert all(b["allowed_mentions"]["parse"] == [] for b in posts)
    finally:
        await proc.kill()


async def test_a_resend_of_the_same_post_is_dropped_by_discord(fake, engine, tmp_path):
    """What makes discord.py's own retry (or any second send of a slot) safe: the nonce."""
    fake.channel(FAULTY)
    proc = await Process(tmp_path / "s.sqlite", engine, fake.clock).start()
    try:
        await subscribe_all(proc.db)
        (sub,) = [s for s in await proc.db.subscriptions() if s.channel_id == FAULTY]
        send = proc.bot.get_cog("StatusPosts")._send
        first = await send(sub, True, None, NINE)
        second = await send(sub, True, None, NINE)
        assert first == second and len(fake.posts_by_me(FAULTY)) == 1
    finally:
        await proc.kill()


async def test_a_5xx_or_429_to_a_post_is_not_retried_in_line(fake, engine, tmp_path):
    fake.channel(FAULTY, faults=["500"])
    for ch in CLEAN:
        fake.channel(ch, faults=["429"] if ch == CLEAN[0] else [])
    proc = await Process(tmp_path / "s.sqlite", engine, fake.clock).start()
    try:
        await subscribe_all(proc.db)
        report = await proc.tick()
        # discord.py alone would sleep and send again inside the request; the backoff
        # policy retries instead, at the next tick after the delay.
        assert fake.attempts[FAULTY] == 1 and fake.attempts[CLEAN[0]] == 1
        assert report.posted == 3 and report.retry_later == 2
    finally:
        await proc.kill()


async def test_every_request_has_a_timeout(fake, engine, tmp_path, monkeypatch):
    import aiohttp

    import bot.glue.transport

    monkeypatch.setattr(bot.glue.transport, "HTTP_TIMEOUT", aiohttp.ClientTimeout(total=0.2))
    fake.channel(FAULTY, faults=["hang"])
    proc = await Process(tmp_path / "s.sqlite", engine, fake.clock).start()
    try:
        channel = await proc.bot.fetch_channel(FAULTY)
        with pytest.raises(TimeoutError):
            await channel.send("a reply with no deadline of its own")
    finally:
        await proc.kill()


async def test_a_long_rate_limit_is_a_retry_later_not_an_unknown(fake, engine, tmp_path):
    from cogs.delivery import send_post

    fake.channel(FAULTY)
    proc = await Process(tmp_path / "s.sqlite", engine, fake.clock).start()
    try:

        async def limited(*_, **__):
            raise discord.RateLimited(120.0)

        proc.bot.http.request = limited
        with pytest.raises(PostFailed) as info:
            await send_post(proc.bot, FAULTY, "n1", content="x")
        assert info.value.status == 429 and not info.value.ambiguous
    finally:
        await proc.kill()


async def test_every_reply_path_sends_allowed_mentions_to_discord(fake, engine, tmp_path):
    """On the wire, not through dpytest (which drops the bot-wide setting): answers, the
    unknown-word lookup, the slow-down notice and `!quotes` (named, and alone: the last answer
    here) all carry it."""
    fake.channel(FAULTY)
    proc = Process(tmp_path / "s.sqlite", engine, fake.clock)
    proc.extensions = ("cogs.facts", "cogs.status", "cogs.errors")
    await proc.start()
    try:
        channel = await proc.bot.fetch_channel(FAULTY)
        said = ["!cast On-jo", "!jonus", "!quotes", "!quotes cast On-jo", "!lore"]
        said += ["!lore jonus"] * 3  # over the cooldown: one slow-down notice
        for i, content in enumerate(said):
            data = {
                "id": str(discord.utils.time_snowflake(fake.clock()) + 1000 + i),
                "channel_id": str(FAULTY),
                "guild_id": "1",
                "author": {"id": "77", "username": "fan", "discriminator": "0", "avatar": None},
                "content": content, "timestamp": fake.clock().isoformat(),
                "edited_timestamp": None, "tts": False, "mention_everyone": False,
                "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
                "pinned": False, "type": 0,
            }
            message = discord.Message(state=proc.bot._connection, channel=channel, data=data)
            await proc.bot.process_commands(message)
        await asyncio.sleep(0.2)  # error replies are sent from dispatched events
        sent = [body for path, body in fake.bodies if path.endswith(f"/{FAULTY}/messages")]
        kinds = " ".join(str(b.get("content") or b["embeds"][0].get("title")) for b in sent)
        assert len(sent) == len(said) - 2  # two refused silently in the cooldown window
        assert "going a bit fast" in kinds and kinds.count("Quotes — Nam On-jo") == 2
        assert all(b["allowed_mentions"]["parse"] == [] for b in sent), sent
    finally:
        await proc.kill()
