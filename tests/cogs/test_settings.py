"""`!settings timezone` and status replies in the subscription's zone, through dpytest."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot.answers.engine import Engine
from bot.posting.settings.subscriptions import SettingsDB
from cogs.settings import ServerSettings
from tests.cogs.harness import say as say_as
from tests.cogs.harness import start_bot, stop_bot
from tests.conftest import TODAY

NOW = dt.datetime(2026, 11, 22, 4, 0, tzinfo=dt.UTC)  # Sunday; 13:00 in Seoul


@pytest.fixture
async def bot(store):
    db = await SettingsDB.open(":memory:")
    engine = Engine(store, today=lambda: TODAY)
    client = await start_bot(engine, db, clock=lambda: NOW, members=2)
    yield client
    await stop_bot(client)


async def say(content: str, member: int = 1) -> discord.Message:
    return await say_as(content, member)


async def make_admin(bot, member: int = 1) -> None:
    role = dpytest.backend.make_role(
        "Admins", bot.guilds[0], permissions=discord.Permissions(manage_guild=True).value
    )
    await dpytest.add_role(dpytest.get_config().members[member], role)


async def test_setting_the_server_zone_needs_manage_server(bot):
    refused = await say("!settings timezone Asia/Seoul", member=0)
    assert "Manage Server" in refused.content
    assert await bot.db.timezone(bot.guilds[0].id) == "UTC"


async def test_server_zone_is_used_by_new_subscriptions(bot):
    await make_admin(bot)
    guild, channel = bot.guilds[0], bot.guilds[0].text_channels[0]
    reply = await say("!settings timezone seoul")
    assert "now **Asia/Seoul** (Sun 13:00 there now)" in reply.content
    assert await bot.db.timezone(guild.id) == "Asia/Seoul"
    ok = await say(f"!status subscribe {channel.mention} 18:00 weekly")
    [sub] = await bot.db.subscriptions()
    assert (sub.zone, sub.post_time, sub.weekday) == ("Asia/Seoul", "18:00", 6)  # Sunday
    first = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)  # today 18:00 KST
    assert "weekly at 18:00 Asia/Seoul, on Sundays" in ok.content
    assert "Sun 2026-11-22 18:00 Asia/Seoul (KST)" in ok.content
    assert f"<t:{int(first.timestamp())}:f>" in ok.content
    listing = await say("!status subscriptions")
    assert "18:00 Asia/Seoul" in listing.content and f"<t:{int(first.timestamp())}:f>" in (
        listing.content
    )
    shown = await say("!settings")
    assert "**Asia/Seoul**" in shown.content and "spoilers: hidden" in shown.content
    moved = await say("!settings timezone Europe/London")
    assert "1 existing subscription(s) keep their own zone" in moved.content


async def test_subscription_zone_overrides_the_server_zone(bot):
    await make_admin(bot)
    channel = bot.guilds[0].text_channels[0]
    await say("!settings timezone Asia/Seoul")
    ok = await say(f"!status subscribe {channel.mention} 18:00 America/New_York")
    [sub] = await bot.db.subscriptions()
    assert sub.zone == "America/New_York" and "daily at 18:00 America/New_York" in ok.content
    assert "2026-11-22 18:00 America/New_York (EST)" in ok.content  # 23:00 UTC today


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("IST", "Asia/Kolkata"), ("Asia/Seol", "Did you mean `Asia/Seoul`"), ("UTC+9", "Asia/Tokyo")],
)
async def test_bad_zones_get_one_helpful_line(bot, zone, expected):
    await make_admin(bot)
    reply = await say(f"!settings timezone {zone}")
    assert expected in reply.content and "\n" not in reply.content
    assert await bot.db.timezone(bot.guilds[0].id) == "UTC"
    channel = bot.guilds[0].text_channels[0]
    bad = await say(f"!status subscribe {channel.mention} 18:00 {zone}")
    assert expected in bad.content and await bot.db.subscriptions() == []


async def test_pause_notice_names_the_schedule_in_its_zone(bot):
    await make_admin(bot)
    channel = bot.guilds[0].text_channels[0]
    await say(f"!status subscribe {channel.mention} 07:30 Europe/London")
    [sub] = await bot.db.subscriptions()
    await bot.get_cog("StatusPosts")._notify(sub, "the channel no longer exists")
    notice = dpytest.get_message()
    assert "daily at 07:30 Europe/London" in notice.content and "no longer exists" in notice.content


async def test_slash_timezone_has_autocomplete_and_is_registered(bot):
    group = bot.tree.get_command("settings")
    assert group is not None and {c.name for c in group.commands} >= {"timezone", "show"}
    cog = bot.get_cog("Settings")
    interaction = mock.MagicMock(spec=discord.Interaction)
    choices = await cog.zone_autocomplete(interaction, "new yo")
    assert choices[0].value == "America/New_York" and len(choices) <= 25
    assert len(await cog.zone_autocomplete(interaction, "")) == 25


async def test_slash_bad_zone_is_ephemeral(bot):
    ctx = mock.MagicMock(spec=commands.Context)
    ctx.bot, ctx.guild = bot, bot.guilds[0]
    ctx.interaction = mock.MagicMock(spec=discord.Interaction)
    ctx.send = mock.AsyncMock()
    await ServerSettings.timezone.callback(bot.get_cog("Settings"), ctx, zone="CST")
    args, kwargs = ctx.send.await_args
    assert "America/Chicago" in args[0] and kwargs["ephemeral"] is True
