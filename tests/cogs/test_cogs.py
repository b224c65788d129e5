"""The Discord side: prefix commands through dpytest, slash commands through spec'd mocks."""

from __future__ import annotations

import contextlib
from unittest import mock

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot.answers.engine import Engine
from bot.client import HyosanBot
from bot.config import Settings
from bot.posting.settings.subscriptions import SettingsDB
from cogs.errors import Errors
from cogs.facts import Facts
from tests.cogs.harness import say


def sources_field(message: discord.Message) -> str:
    return "\n".join(f.value for f in message.embeds[0].fields if f.name.startswith("Sources"))


async def test_cast_embed_with_numbered_citations(bot):
    reply = await say("!cast onjo")
    embed = reply.embeds[0]
    assert embed.title == "Nam On-jo" and "Park Ji-hu" in embed.description
    assert "[1]" in embed.description
    sources = sources_field(reply)
    assert sources.startswith("[1] ") and "2024-04-09" in sources and "(est.)" in sources


async def test_every_command_answers_with_prefix(bot):
    bot.get_cog("Errors").cooldown.rate = 100  # this test is about answers, not the cooldown
    for content, title in [
        ("!status", "Season 2 status"),
        ("!lore jonus", "The Jonus virus"),
        ("!ask how many episodes", "Episodes"),
        ("!sources", "5 sources"),
        ("!help", "hyosan-bot commands"),
        ("!status show", "Season 2 status"),
    ]:
        reply = await say(content)
        assert reply.embeds and reply.embeds[0].title == title, content
    status = await say("!status")
    assert "As of 2024-04-09" in status.embeds[0].description and sources_field(status)


async def test_unknown_command_word_is_a_lookup(bot):
    assert (await say("!jonus")).embeds[0].title == "The Jonus virus"
    assert (await say("!onjo")).embeds[0].title == "Nam On-jo"


@pytest.mark.parametrize(
    "content", ["!play despacito", "!rank", "!clear 50", "!frobnicate", "!lee", "!p never gonna"]
)
async def test_other_bots_commands_get_silence(bot, content):
    with contextlib.suppress(commands.CommandError):
        await dpytest.message(content)
    assert dpytest.runner.sent_queue.empty()


async def test_one_cooldown_across_commands_and_one_notice_per_window(bot):
    clock = [1000.0]
    bot.get_cog("Errors").cooldown.clock = lambda: clock[0]
    for content in ["!help", "!cast onjo", "!jonus", "!status", "!lore cure"]:
        assert (await say(content)).embeds, content  # five different commands: allowed
    notice = await say("!sources")
    assert "Try again in" in notice.content
    for content in ["!jonus", "!cast onjo", "!ask when", "!help"] * 5:  # 20 more: silence
        with contextlib.suppress(commands.CommandError):
            await dpytest.message(content)
    assert dpytest.runner.sent_queue.empty()
    clock[0] += 30
    assert (await say("!help")).embeds  # a new window


async def test_spoilers_hidden_by_default_and_admin_can_turn_them_off(bot):
    assert "||" in (await say("!lore hybrids")).embeds[0].description
    role = dpytest.backend.make_role(
        "Mods", bot.guilds[0], permissions=discord.Permissions(manage_guild=True).value
    )
    await dpytest.add_role(dpytest.get_config().members[0], role)
    assert "shown openly" in (await say("!spoilers off")).content
    assert "||" not in (await say("!lore hybrids")).embeds[0].description


async def test_cooldown_says_when_to_retry(bot):
    for _ in range(5):
        assert (await say("!help")).embeds
    reply = await say("!help")
    assert "Try again in" in reply.content and not reply.embeds


async def test_subscribe_needs_manage_server(bot):
    import datetime as dt

    bot.clock = lambda: dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)  # a Friday
    channel = bot.guilds[0].text_channels[0]
    refused = await say(f"!status subscribe {channel.mention} 18:00")
    assert "Manage Server" in refused.content
    assert await bot.db.subscriptions() == []
    role = dpytest.backend.make_role(
        "Admins", bot.guilds[0], permissions=discord.Permissions(manage_guild=True).value
    )
    await dpytest.add_role(dpytest.get_config().members[1], role)
    ok = await say(f"!status subscribe {channel.mention} 18:00 weekly on-change", member=1)
    assert "Subscribed" in ok.content and "weekly at 18:00 UTC" in ok.content
    assert "on Fridays" in ok.content  # the weekday of a weekly post is said
    [sub] = await bot.db.subscriptions()
    assert (sub.channel_id, sub.post_time, sub.cadence, sub.on_change) == (
        channel.id,
        "18:00",
        "weekly",
        True,
    )
    listing = await say("!status subscriptions", member=1)
    assert "18:00 UTC" in listing.content
    bad = await say(f"!status subscribe {channel.mention} 27:00", member=1)
    assert "HH:MM" in bad.content
    gone = await say(f"!status unsubscribe {channel.mention}", member=1)
    assert "Stopped" in gone.content and await bot.db.subscriptions() == []


async def test_no_mentions_ever(store):
    client = HyosanBot(settings=Settings(), engine=Engine(store), db=mock.Mock(spec=SettingsDB))
    am = client.allowed_mentions
    assert not am.everyone and not am.users and not am.roles and not am.replied_user


# --- the slash side: call the command callbacks with a mocked interaction context ----------


def slash_ctx(bot) -> mock.MagicMock:
    ctx = mock.MagicMock(spec=commands.Context)
    ctx.bot = bot
    ctx.guild = None
    ctx.interaction = mock.MagicMock(spec=discord.Interaction)
    ctx.send = mock.AsyncMock()
    return ctx


async def test_slash_cast_found_is_public_not_found_is_ephemeral(bot):
    cog = bot.get_cog("Facts")
    ctx = slash_ctx(bot)
    await Facts.cast.callback(cog, ctx, name="Lomon")
    kwargs = ctx.send.await_args.kwargs
    assert kwargs["ephemeral"] is False and "Lee Su-hyeok" in kwargs["embed"].description
    ctx = slash_ctx(bot)
    await Facts.cast.callback(cog, ctx, name="xyzzy")
    assert ctx.send.await_args.kwargs["ephemeral"] is True


async def test_slash_commands_registered(bot):
    names = {c.name for c in bot.tree.get_commands()}
    assert {"cast", "lore", "ask", "sources", "help", "status", "spoilers"} <= names


async def test_autocomplete_is_fuzzy_and_capped(bot):
    cog = bot.get_cog("Facts")
    interaction = mock.MagicMock(spec=discord.Interaction)
    choices = await cog.cast_autocomplete(interaction, "onj")
    assert choices[0].name == "Nam On-jo" and len(choices) <= 25
    assert len(await cog.cast_autocomplete(interaction, "")) == 25
    lore = await cog.lore_autocomplete(interaction, "hamb")
    assert lore and lore[0].value == "hybrid"


async def test_slash_cooldown_reply_is_ephemeral_and_no_suggestion(bot):
    ctx = slash_ctx(bot)
    error = commands.CommandOnCooldown(commands.Cooldown(5, 30), 12.3, commands.BucketType.user)
    await Errors(bot).on_command_error(ctx, error)
    args, kwargs = ctx.send.await_args
    assert "Try again in 12 s" in args[0] and kwargs["ephemeral"] is True
    assert "Did you mean" not in args[0]


async def test_unexpected_error_is_generic_and_logged(bot, caplog):
    ctx = slash_ctx(bot)
    ctx.command = mock.Mock(name="cast")
    await Errors(bot).on_command_error(ctx, commands.CommandInvokeError(RuntimeError("secret")))
    args, _kwargs = ctx.send.await_args
    assert "went wrong" in args[0] and "secret" not in args[0]
    assert any("RuntimeError" in (r.exc_text or "") for r in caplog.records)
