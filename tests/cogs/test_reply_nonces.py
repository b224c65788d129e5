"""Command replies carry a nonce made from what they answer, so a retried send cannot double a
reply: on dpytest (the cogs' own replies, DMs and fallbacks) and on the fake Discord over
loopback (Discord's nonce rule; a 500 after the message was made, which discord.py retries)."""

from __future__ import annotations

import contextlib
import datetime as dt
from types import SimpleNamespace
from unittest import mock

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot.client import HyosanBot
from bot.config import Settings
from bot.glue.reply_context import ReplyingContext, reply_nonce
from tests.posting.fake_discord import FakeDiscord

NOW = dt.datetime(2026, 11, 16, 9, tzinfo=dt.UTC)


async def _replies_to(bot, text: str, **where) -> tuple[discord.Message, list[discord.Message]]:
    """The member's message and every message the bot sent for it."""
    with contextlib.suppress(commands.CommandError):  # answered by cogs.errors
        await dpytest.message(text, **where)
    asked = next(m for m in reversed(bot.cached_messages) if m.author != bot.user)
    out = []
    while not dpytest.sent_queue.empty():
        out.append(dpytest.get_message())
    return asked, out


async def test_every_reply_carries_a_nonce_of_its_own(bot):
    # an answer, a digest, help, an unknown word answered, a friendly error, a usage error
    for text in ("!cast onjo", "!status", "!help", "!jonus", "!settings timezone Mars/Base",
                 "!status subscribe"):
        asked, replies = await _replies_to(bot, text)
        assert asked.content == text and replies, text
        for n, reply in enumerate(replies, 1):  # the nth message for that message, anywhere
            assert reply.nonce == reply_nonce(reply.channel.id, asked.id, n), text
            assert len(reply.nonce) <= 25


async def test_the_same_message_handled_again_replies_with_the_same_nonces(bot):
    # A second process (or a replayed event) answering the same message sends what Discord
    # drops: the nth message of the reply has the same nonce both times.
    message = await dpytest.message("!cast onjo")
    await dpytest.empty_queue()
    runs = []
    for _ in range(2):
        ctx = await bot.get_context(message)
        await ctx.send("one")
        await ctx.send("two")
        runs.append([dpytest.get_message().nonce, dpytest.get_message().nonce])
    assert runs[0] == runs[1] and runs[0][0] != runs[0][1]


async def test_a_reply_sent_elsewhere_carries_a_nonce_too(bot, monkeypatch):
    from discord.ext.test.backend import FakeHttp

    here = bot.guilds[0].text_channels[0]
    real_send = FakeHttp.send_message

    async def send_message(self, channel_id, *args, **kwargs):
        if channel_id == here.id:  # the bot may not speak where the member typed
            raise discord.Forbidden(mock.Mock(status=403, reason="Forbidden"), "Missing Access")
        return await real_send(self, channel_id, *args, **kwargs)

    dms: list[dict] = []

    async def dm(member, content=None, **kwargs):  # dpytest has no DM channels to send to
        dms.append({"to": member.id, **kwargs})

    monkeypatch.setattr(FakeHttp, "send_message", send_message)
    monkeypatch.setattr(discord.Member, "send", dm)
    message, _ = await _replies_to(bot, "!cast onjo", channel=here)
    (sent,) = dms
    assert sent["nonce"] == reply_nonce(sent["to"], message.id, kind="elsewhere")


@pytest.fixture
async def fake():
    async with FakeDiscord(lambda: NOW).serving() as server:
        yield server


async def _context(fake: FakeDiscord, engine, channel_id: int, message_id: int):
    """A bot with the real HTTP client on the fake, and the Context of one member's message."""
    bot = HyosanBot(settings=Settings(), engine=engine, db=None, extensions=())
    await bot.login("token")
    channel = await bot.fetch_channel(channel_id)
    message = SimpleNamespace(id=message_id, channel=channel, _state=bot._connection)
    return bot, ReplyingContext(message=message, bot=bot, view=None)


async def test_a_retried_reply_is_not_doubled_on_discord(fake, engine):
    fake.channel(5, faults=["accept-500"])  # made, then a 500: discord.py sends it again
    bot, ctx = await _context(fake, engine, 5, 1234)
    try:
        await ctx.send("the answer")
        assert fake.attempts[5] == 2 and len(fake.posts_by_me(5)) == 1
        posts = [body for path, body in fake.bodies if path.endswith("/messages")]
        assert all(b["enforce_nonce"] is True for b in posts)
        again = ReplyingContext(message=ctx.message, bot=bot, view=None)  # handled once more
        await again.send("the answer")
        await ctx.send("a second message of the same reply")
        assert len(fake.posts_by_me(5)) == 2
    finally:
        await bot.close()
