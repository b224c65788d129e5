"""Slash commands and buttons fail the way prefix commands do: one line, through one handler;
`/status subscribe` takes its channel from Discord's channel picker."""

from __future__ import annotations

from unittest import mock

import discord
from discord import app_commands

from bot.glue.views import QuotesButton, StoredQuotesButton
from cogs.errors import BUG


def interaction() -> mock.MagicMock:
    it = mock.MagicMock(spec=discord.Interaction)
    it.response = mock.MagicMock(spec=discord.InteractionResponse)
    it.response.is_done.return_value = False
    it.response.send_message = mock.AsyncMock()
    it.followup = mock.MagicMock(spec=discord.Webhook)
    it.followup.send = mock.AsyncMock()
    return it


async def test_slash_errors_get_the_prefix_commands_one_line(bot):
    assert bot.tree.on_error == bot.get_cog("Errors").on_app_command_error
    command = bot.tree.get_command("help")
    for error, line in [
        (app_commands.CommandInvokeError(command, RuntimeError("boom")), BUG),
        (app_commands.CheckFailure(), "You can't use that command here."),
        (app_commands.NoPrivateMessage(), "That only works in a server."),
    ]:
        it = interaction()
        await bot.tree.on_error(it, error)
        it.response.send_message.assert_awaited_once()
        assert it.response.send_message.await_args.args == (line,)
        assert it.response.send_message.await_args.kwargs["ephemeral"] is True
    done = interaction()
    done.response.is_done.return_value = True  # already deferred: the line is a follow-up
    await bot.tree.on_error(done, app_commands.CheckFailure())
    done.followup.send.assert_awaited_once()


async def test_buttons_report_their_failures_to_the_same_handler(bot):
    it = interaction()
    it.client = mock.Mock(engine=mock.Mock(answer=mock.Mock(side_effect=RuntimeError("boom"))))
    it.client.cooldown = None  # no cooldown to count the click in
    await QuotesButton("/cast onjo").callback(it)
    name, _, error, _ = it.client.dispatch.call_args.args
    assert name == "view_error" and isinstance(error, RuntimeError)
    stored = StoredQuotesButton()
    it.client.db = mock.Mock(conn=mock.Mock(execute_fetchall=mock.AsyncMock(side_effect=KeyError)))
    await stored.callback(it)
    assert it.client.dispatch.call_args.args[0] == "view_error"
    handled = interaction()
    await bot.get_cog("Errors").on_view_error(handled, RuntimeError("boom"), stored)
    assert handled.response.send_message.await_args.args == (BUG,)


async def test_slash_subscribe_picks_a_channel(bot):
    subscribe = bot.tree.get_command("status").get_command("subscribe")
    channel = next(p for p in subscribe.parameters if p.name == "channel")
    assert channel.type is discord.AppCommandOptionType.channel and channel.required
    assert discord.ChannelType.text in channel.channel_types
