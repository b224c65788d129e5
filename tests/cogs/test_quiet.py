"""The slow-down reply: once per window on prefix commands, always (ephemeral) on slash."""

from __future__ import annotations

from unittest import mock

import discord
from discord.ext import commands

from bot.glue.cooldown import Verdict
from cogs.errors import Errors
from cogs.replies import SlowDown


def ctx_for(slash: bool) -> mock.MagicMock:
    ctx = mock.MagicMock(spec=commands.Context)
    ctx.interaction = mock.MagicMock(spec=discord.Interaction) if slash else None
    ctx.send = mock.AsyncMock()
    return ctx


async def test_prefix_gets_one_notice_then_silence():
    errors = Errors(mock.Mock(cooldown=None))
    notice, silent = ctx_for(False), ctx_for(False)
    await errors.on_command_error(notice, SlowDown(Verdict.NOTIFY, 12.3))
    await errors.on_command_error(silent, SlowDown(Verdict.SILENT, 11.0))
    assert "Try again in 12 s" in notice.send.await_args.args[0]
    silent.send.assert_not_awaited()


async def test_a_slash_command_over_the_limit_is_still_answered_privately():
    errors = Errors(mock.Mock(cooldown=None))
    ctx = ctx_for(True)
    await errors.on_command_error(ctx, SlowDown(Verdict.SILENT, 4.0))
    assert ctx.send.await_args.kwargs["ephemeral"] is True


async def test_an_unknown_word_is_cut_and_counted_before_any_lookup():
    from bot.glue.cooldown import UserCooldown

    engine = mock.Mock()
    engine.knows.return_value = False
    errors = Errors(mock.Mock(cooldown=UserCooldown(rate=5, per=30, clock=lambda: 0.0)))
    errors.bot.engine = engine
    for _ in range(5):
        ctx = ctx_for(False)
        ctx.prefix, ctx.author.id = "!", 1
        ctx.message = mock.Mock(content="!" + "x" * 100_000)
        await errors.on_command_error(ctx, commands.CommandNotFound())
    word, rest = engine.knows.call_args.args
    assert len(word) + len(rest) <= 200  # 100 KB never reaches the lookup
    assert errors.cooldown.hit(1) is not Verdict.ALLOW  # the five lookups used the window
