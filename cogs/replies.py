"""Sending an engine Answer as an embed: shared by every cog (not an extension itself)."""

from __future__ import annotations

import contextlib
import logging

import discord
from discord.ext import commands

from bot.answers.types import Answer
from bot.glue.cooldown import PER as COOLDOWN_PER
from bot.glue.cooldown import RATE as COOLDOWN_RATE
from bot.glue.cooldown import Verdict
from bot.glue.embeds import answer_embed
from bot.glue.views import needs_storing, quotes_view
from bot.posting.settings import quoted

log = logging.getLogger(__name__)

__all__ = ["COOLDOWN_PER", "COOLDOWN_RATE", "SlowDown", "send_answer", "user_cooldown"]


class SlowDown(commands.CheckFailure):
    """A user went over the bot-wide cooldown; `verdict` says whether to tell them."""

    def __init__(self, verdict: Verdict, retry_after: float):
        super().__init__("slow down")
        self.verdict = verdict
        self.retry_after = retry_after


async def send_answer(ctx: commands.Context, answer: Answer) -> None:
    """Render and send; "not found" replies are ephemeral on the slash side. An answer that
    cites sources gets the Quotes button; one whose question is too long for the button is
    kept against the message id, or the button is taken off (never a button that fails)."""
    spoilers = await ctx.bot.db.spoilers(ctx.guild.id if ctx.guild else None)
    view = quotes_view(answer)
    message = await ctx.send(
        embed=answer_embed(answer, spoilers), ephemeral=not answer.ok, view=view
    )
    if needs_storing(view) and message is not None:
        try:
            await quoted.remember(ctx.bot.db, message.id, answer.query, ctx.bot.clock())
        except Exception:
            log.exception("could not keep the question of message %s", message.id)
            with contextlib.suppress(discord.HTTPException):
                await message.edit(view=None)


def user_cooldown():
    """Marks an answering command. The cooldown itself is one bot-wide check per user
    (cogs.errors installs it), shared by every command and the unknown-word lookup."""

    def mark(func):
        return func

    return mark
