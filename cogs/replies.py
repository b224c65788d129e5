"""Sending an engine Answer as an embed: shared by every cog (not an extension itself)."""

from __future__ import annotations

from discord.ext import commands

from bot.answers.types import Answer
from bot.embeds import answer_embed
from bot.views import TimedQuotesView, quotes_view

COOLDOWN_RATE = 5  # commands...
COOLDOWN_PER = 30.0  # ...per this many seconds, per user


async def send_answer(ctx: commands.Context, answer: Answer) -> None:
    """Render and send; "not found" replies are ephemeral on the slash side. An answer that
    cites sources gets the Quotes button."""
    spoilers = await ctx.bot.db.spoilers(ctx.guild.id if ctx.guild else None)
    view = quotes_view(answer)
    message = await ctx.send(
        embed=answer_embed(answer, spoilers), ephemeral=not answer.ok, view=view
    )
    if isinstance(view, TimedQuotesView):
        view.message = message  # so the button can be greyed out when it expires


def user_cooldown():
    """The per-user cooldown every answering command shares."""
    return commands.cooldown(COOLDOWN_RATE, COOLDOWN_PER, commands.BucketType.user)
