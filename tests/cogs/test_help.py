"""`!help` is generated from the registered commands: checked against `walk_commands()` and
the slash tree of a running bot, never against a list."""

from __future__ import annotations

from unittest import mock

import discord
import discord.ext.test as dpytest
from discord import app_commands
from discord.ext import commands

from bot.console import ANSWERED
from cogs.help import Help, _leaves, _slash, bot_commands, missing_help, offline_commands
from tests.cogs.test_cogs import say, slash_ctx


def tree_leaves(bot) -> list[app_commands.Command]:
    return _leaves(bot.tree.get_commands())


async def test_every_command_defines_its_help(bot):
    hybrid = {_slash(c) for c in bot.walk_commands()}
    slash_only = [c for c in tree_leaves(bot) if f"/{c.qualified_name}" not in hybrid]
    defined = [*bot.walk_commands(), *slash_only]
    lacking = {c.qualified_name: missing_help(c) for c in defined if missing_help(c)}
    assert not lacking, f"commands without help (add extras['example'], a description): {lacking}"


async def test_help_lists_exactly_the_tree(bot):
    listed = bot_commands(bot)
    names = [c.name for c in listed]
    assert len(names) == len(set(names))
    assert set(names) == {c.qualified_name for c in bot.walk_commands()}
    slash = {c.slash for c in listed}
    assert {f"/{c.qualified_name}" for c in tree_leaves(bot)} <= slash
    description = (await say("!help")).embeds[0].description
    for c in listed:
        assert f"`!{c.example}`" in description, c.name
        assert c.example.split()[0] == c.name.split()[0], c.name  # the example uses the command


async def test_help_of_every_command_and_subcommand_works(bot):
    bot.get_cog("Errors").cooldown.rate = 1000
    for c in bot_commands(bot):
        embed = (await say(f"!help {c.name}")).embeds[0]
        assert embed.title == f"!{c.name}" and f"`!{c.example}`" in embed.description, c.name
        alone = c.name.split()[-1]  # `!help resume` finds `!status resume`
        assert (await say(f"!help {alone}")).embeds[0].title.endswith(alone), alone


async def test_help_subscribe_names_the_zone_and_changes_off(bot):
    text = (await say("!help subscribe")).embeds[0].description
    assert "zone" in text and "changes:off" in text and "(UTC)" not in text
    settings = (await say("!help settings")).embeds[0].description
    assert "`!settings timezone`" in settings


async def test_the_console_lists_the_same_commands(bot):
    assert list(offline_commands()) == bot_commands(bot)


async def test_commands_the_console_sends_straight_to_the_engine_have_no_subcommands(bot):
    for word in ANSWERED:
        command = bot.get_command(word)
        assert command is not None and not getattr(command, "commands", None), word


async def test_slash_help_answers_from_the_same_tree(bot, monkeypatch):
    ctx = slash_ctx(bot)
    monkeypatch.setattr(commands.Context, "from_interaction", mock.AsyncMock(return_value=ctx))
    await Help.help_slash.callback(bot.get_cog("Help"), mock.Mock(), command="resume")
    embed = ctx.send.await_args.kwargs["embed"]
    assert embed.title == "!status resume" and "`!status resume #news`" in embed.description


async def test_a_missing_argument_points_to_that_command_s_help(bot):
    perms = discord.Permissions(manage_guild=True).value
    role = dpytest.backend.make_role("Admins", bot.guilds[0], permissions=perms)
    await dpytest.add_role(dpytest.get_config().members[1], role)
    reply = await say("!status subscribe", member=1)
    assert "Try `!help status subscribe`" in reply.content, reply.content
