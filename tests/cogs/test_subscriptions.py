"""Subscription commands by mention or id: never the wrong channel, listings within limits."""

from __future__ import annotations

import contextlib
import datetime as dt
from unittest import mock

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot.answers.engine import Engine
from bot.posting.settings.listing import pages, parse_channel_ref
from bot.posting.settings.options import SubscribeOptions, new_subscription
from bot.posting.settings.subscriptions import SettingsDB
from tests.cogs.harness import say, start_bot, stop_bot
from tests.conftest import TODAY

GONE = 987654321098765432  # a channel id nobody has (deleted)
NOW = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)


@pytest.fixture
async def bot(store):
    db = await SettingsDB.open(":memory:")
    engine = Engine(store, today=lambda: TODAY)
    client = await start_bot(engine, db, guilds=2, text_channels=2, members=1)
    guild = client.guilds[0]
    role = dpytest.backend.make_role(
        "Admins", guild, permissions=discord.Permissions(manage_guild=True).value
    )
    await dpytest.add_role(dpytest.get_config().members[0], role)
    yield client
    await stop_bot(client)


async def add(bot, guild_id: int, channel_id: int, reason: str | None = None):
    sub = new_subscription(guild_id, channel_id, 7, SubscribeOptions("18:30", "weekly", False), NOW)
    await bot.db.subscribe(sub)
    if reason:
        from bot.posting.sending import claims

        await claims.pause(bot.db, sub, reason)


async def channels(bot) -> set[int]:
    return {s.channel_id for s in await bot.db.subscriptions()}


async def test_unsubscribe_of_a_deleted_channel_by_id_removes_only_that_one(bot):
    here = bot.guilds[0].text_channels[0]
    await add(bot, bot.guilds[0].id, here.id)
    await add(bot, bot.guilds[0].id, GONE, reason="the channel no longer exists")
    reply = await say(f"!status unsubscribe {GONE}")
    assert "Stopped" in reply.content and await channels(bot) == {here.id}


@pytest.mark.parametrize("arg", ["#genral", "<#123>", "news please", "@everyone"])
async def test_an_argument_that_names_no_channel_never_falls_back_to_this_one(bot, arg):
    here = bot.guilds[0].text_channels[0]
    await add(bot, bot.guilds[0].id, here.id)
    reply = await say(f"!status unsubscribe {arg}")
    assert "Stopped" not in reply.content and await channels(bot) == {here.id}


async def test_another_servers_channel_is_not_touched(bot):
    here = bot.guilds[0].text_channels[0]
    other = bot.guilds[1].text_channels[0]
    await add(bot, bot.guilds[0].id, here.id)
    await add(bot, bot.guilds[1].id, other.id)
    reply = await say(f"!status unsubscribe {other.id}")
    assert "no status subscription in this server" in reply.content
    assert await channels(bot) == {here.id, other.id}
    refused = await say(f"!status subscribe {other.id}")
    assert "can't find that channel in this server" in refused.content
    assert len(await bot.db.subscriptions(bot.guilds[0].id)) == 1


async def test_resume_by_id_keeps_time_and_cadence(bot):
    await add(bot, bot.guilds[0].id, GONE, reason="I am not allowed to post there")
    reply = await say(f"!status resume {GONE}")
    assert "Resumed" in reply.content and "weekly at 18:30 UTC" in reply.content
    [sub] = await bot.db.subscriptions()
    assert not sub.paused and (sub.post_time, sub.cadence) == ("18:30", "weekly")
    assert "no status subscription" in (await say("!status resume 123456789012345678")).content


async def test_resume_says_the_subscriptions_zone_and_weekday(bot):
    opts = SubscribeOptions("18:30", "weekly", False, zone="Asia/Seoul")
    sub = new_subscription(bot.guilds[0].id, GONE, 7, opts, NOW)
    await bot.db.subscribe(sub)
    from bot.posting.sending import claims

    await claims.pause(bot.db, sub, "I am not allowed to post there")
    reply = await say(f"!status resume {GONE}")
    assert "weekly at 18:30 Asia/Seoul, on Fridays" in reply.content
    assert "UTC" not in reply.content


async def test_junk_options_are_not_echoed_as_markdown(bot):
    here = bot.guilds[0].text_channels[0]
    reply = await say(f"!status subscribe {here.mention} **[x](http://e.vil)**")
    assert "**" not in reply.content and "](" not in reply.content
    assert "subscribe" in reply.content or "time zone" in reply.content


async def test_listing_of_many_channels_fits_discord_and_shows_weekday(bot):
    for i in range(120):
        await add(bot, bot.guilds[0].id, 100_000_000_000_000_000 + i)
    messages = [await say("!status subscriptions")]  # the first page, then the rest
    while not dpytest.runner.sent_queue.empty():
        messages.append(dpytest.get_message())
    assert len(messages) > 1 and all(len(m.content) <= 2000 for m in messages)
    text = "\n".join(m.content for m in messages)
    assert text.count("weekly at 18:30 UTC, on Fridays") == 120


def test_pages_keep_every_line_within_the_limit():
    opts = SubscribeOptions("09:00", "daily", True)
    subs = [new_subscription(1, 10**17 + i, 7, opts, NOW) for i in range(5000)]
    out = pages(subs)
    assert all(len(p) <= 2000 for p in out)
    assert sum(p.count("\n<#") for p in out) == 5000
    assert out[-1].startswith(f"Subscriptions {5000 - out[-1].count(chr(10)) + 1}-5000 of 5000")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<#123456789012345678>", 123456789012345678),
        (" 123456789012345678 ", 123456789012345678),
        ("#general", None),
        ("<@123456789012345678>", None),
        ("12", None),
        ("", None),
    ],
)
def test_parse_channel_ref(text, expected):
    assert parse_channel_ref(text) == expected


async def test_shutdown_lets_the_post_in_flight_finish(bot):
    import asyncio

    from bot.posting.sending.scheduler import RunReport

    cog = bot.get_cog("StatusPosts")
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_run_once(now):
        started.set()
        await release.wait()
        return RunReport()

    cog.poster.run_once = slow_run_once
    run = asyncio.create_task(cog.post_loop.coro(cog))
    await started.wait()
    unload = asyncio.create_task(cog.cog_unload())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not unload.done() and cog.poster.stopping  # waiting for the post in flight
    release.set()
    await asyncio.wait_for(asyncio.gather(run, unload), 5)


async def test_subscribe_says_which_permission_the_bot_lacks_and_changes_nothing(
    bot, monkeypatch
):
    guild = bot.guilds[0]
    target = guild.text_channels[1]
    real = discord.TextChannel.permissions_for

    def denied(channel, who):  # the channel's overwrites deny the bot two permissions
        perms = real(channel, who)
        if channel.id == target.id and who.id == guild.me.id:
            perms.update(read_message_history=False, embed_links=False)
        return perms

    monkeypatch.setattr(discord.TextChannel, "permissions_for", denied)
    reply = await say(f"!status subscribe {target.mention}")
    assert "Embed Links, Read Message History" in reply.content
    assert await channels(bot) == set()


def test_subscribe_refusals_name_what_is_missing():
    from bot.posting.settings.access import NEEDED, subscribe_refusal

    every = {flag: True for flag, _ in NEEDED}
    assert subscribe_refusal(True, every, "#news") is None
    assert "can't see #news yourself" in subscribe_refusal(False, every, "#news")
    lacking = subscribe_refusal(True, {**every, "send_messages": False}, "#news")
    assert "lack Send Messages there" in lacking and "Give me it" in lacking


async def test_a_reply_the_channel_refuses_reaches_the_admin_by_dm_once(bot, monkeypatch):
    from discord.ext.test.backend import FakeHttp

    here = bot.guilds[0].text_channels[0]
    other = bot.guilds[0].text_channels[1]
    real_send = FakeHttp.send_message

    async def send_message(self, channel_id, *args, **kwargs):
        if channel_id == here.id:  # the bot may not speak in the channel the admin typed in
            raise discord.Forbidden(mock.Mock(status=403, reason="Forbidden"), "Missing Access")
        return await real_send(self, channel_id, *args, **kwargs)

    dms: list[str] = []

    async def dm(member, content=None, **kwargs):  # dpytest has no DM channels to send to
        dms.append(content)

    monkeypatch.setattr(FakeHttp, "send_message", send_message)
    monkeypatch.setattr(discord.Member, "send", dm)
    with contextlib.suppress(commands.CommandError):  # handled by cogs.errors
        await dpytest.message(f"!status subscribe {other.mention}", channel=here)
    assert len(dms) == 1 and "could not reply in" in dms[0]
    assert f"Subscribed {other.mention}" in dms[0]  # the change made is explained
    assert await channels(bot) == {other.id}
    with contextlib.suppress(commands.CommandError):
        await dpytest.message(f"!status unsubscribe {other.mention}", channel=here)
    assert len(dms) == 1  # a second one within the minute: not sent
    assert await channels(bot) == set()
