"""One error handler: friendly replies for bad input, a logged traceback for the unexpected."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.wording import safe_echo
from cogs.replies import send_answer

log = logging.getLogger(__name__)


def friendly(error: Exception) -> str | None:
    """The reply for an expected error, or None when it is a bug."""
    if isinstance(error, commands.CommandOnCooldown):
        return f"You're going a bit fast. Try again in {max(1, round(error.retry_after))} s."
    if isinstance(error, commands.MissingPermissions | commands.MissingAnyRole):
        return "You need the **Manage Server** permission to do that."
    if isinstance(error, commands.NoPrivateMessage):
        return "That only works in a server."
    if isinstance(error, commands.NotOwner):
        return "Only the bot's owner can do that."
    if isinstance(error, commands.ChannelNotFound | commands.ChannelNotReadable):
        return "I can't find or read that channel. Mention it like #general."
    if isinstance(error, commands.BadLiteralArgument):
        return f"Use one of: {', '.join(map(str, error.literals))}."
    if isinstance(error, commands.MissingRequiredArgument):
        return f"Something is missing: `{error.param.name}`. Try `!help`."
    if isinstance(error, commands.UserInputError):
        return f"I couldn't read that: {safe_echo(str(error), 150)}"
    if isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
        return "You can't use that command here."
    return None


class Errors(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context, error: Exception) -> None:
        if isinstance(error, commands.HybridCommandError):
            error = error.original
        if isinstance(error, commands.CommandNotFound):
            # `!jonus`, `!onjo`: the engine answers a word it knows, and hints otherwise.
            await send_answer(ctx, self.bot.engine.answer(ctx.message.content))
            return
        message = friendly(error)
        if message is None:
            original = getattr(error, "original", error)
            log.error("command %s failed", ctx.command, exc_info=original)
            message = "Something went wrong on my side; it has been logged. Please try again later."
        try:
            await ctx.send(message, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException:
            log.warning("could not send an error reply in channel %s", ctx.channel.id)


async def setup(bot) -> None:
    await bot.add_cog(Errors(bot))
