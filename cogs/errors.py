"""One error handler: friendly replies for bad input, a logged traceback for the unexpected.

Prefix and hybrid commands come through `on_command_error`; slash-only commands through the
tree's `on_error`; the Quotes button and views through the `view_error` event (bot/glue/views.py).
All three answer with the same one line."""

from __future__ import annotations

import contextlib
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.reading.wording import MAX_QUERY, safe_echo
from bot.glue.cooldown import UserCooldown, Verdict, slow_down
from bot.glue.reply_context import ELSEWHERE_EVERY, OncePer, ReplyFailed, reply_nonce
from cogs.replies import SlowDown, send_answer

log = logging.getLogger(__name__)


def friendly(error: Exception, help_for: str = "") -> str | None:
    """The reply for an expected error, or None when it is a bug. `help_for` names the command
    whose `!help` explains what to type."""
    if isinstance(error, SlowDown):
        return slow_down(error.retry_after)
    if isinstance(error, commands.CommandOnCooldown | app_commands.CommandOnCooldown):
        return slow_down(error.retry_after)
    if isinstance(
        error,
        commands.MissingPermissions | commands.MissingAnyRole | app_commands.MissingPermissions,
    ):
        return "You need the **Manage Server** permission to do that."
    if isinstance(error, commands.NoPrivateMessage | app_commands.NoPrivateMessage):
        return "That only works in a server."
    if isinstance(error, commands.NotOwner):
        return "Only the bot's owner can do that."
    if isinstance(error, commands.ChannelNotFound | commands.ChannelNotReadable):
        return (
            "I can't find that channel in this server. Mention it like #general, or give its id "
            "(right-click -> Copy Channel ID)."
        )
    if isinstance(error, commands.BadLiteralArgument):
        return f"Use one of: {', '.join(map(str, error.literals))}."
    if isinstance(error, commands.MissingRequiredArgument):
        return f"Something is missing: `{error.param.name}`. Try `{f'!help {help_for}'.strip()}`."
    if isinstance(error, commands.UserInputError | app_commands.TransformerError):
        return f"I couldn't read that: {safe_echo(str(error), 150)}"
    if isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
        return "You can't use that command here."
    return None


class Errors(commands.Cog):
    """Errors, the bot-wide cooldown, and the quiet handling of other bots' `!` commands."""

    def __init__(self, bot):
        self.bot = bot
        self.cooldown: UserCooldown = getattr(bot, "cooldown", None) or UserCooldown()
        bot.cooldown = self.cooldown  # Quotes clicks count in the same cooldown (bot.views)
        self.elsewhere = OncePer(ELSEWHERE_EVERY)

    async def cog_load(self) -> None:
        self.bot.add_check(self._cooldown_check, call_once=True)
        self._tree_error = self.bot.tree.on_error
        self.bot.tree.on_error = self.on_app_command_error

    async def cog_unload(self) -> None:
        self.bot.remove_check(self._cooldown_check, call_once=True)
        self.bot.tree.on_error = self._tree_error

    async def _cooldown_check(self, ctx: commands.Context) -> bool:
        verdict = self.cooldown.hit(ctx.author.id)
        if verdict is not Verdict.ALLOW:
            raise SlowDown(verdict, self.cooldown.retry_after(ctx.author.id))
        return True

    async def _unknown_word(self, ctx: commands.Context) -> None:
        """`!jonus`, `!onjo` are answered; `!play`, `!rank` (other bots') get silence. The
        text is cut to the query limit before anything reads it, and every lookup counts in
        the member's cooldown (a refused one is silent unless the word is known)."""
        prefix = ctx.prefix or ""
        body = ctx.message.content[len(prefix) :][:MAX_QUERY].strip()
        word, _, rest = body.partition(" ")
        verdict = self.cooldown.hit(ctx.author.id)
        if verdict is Verdict.SILENT or not self.bot.engine.knows(word, rest):
            return
        if verdict is Verdict.ALLOW:
            await send_answer(ctx, self.bot.engine.answer(prefix + body))
        else:
            await ctx.send(slow_down(self.cooldown.retry_after(ctx.author.id)))

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context, error: Exception) -> None:
        if isinstance(error, commands.HybridCommandError):
            error = error.original
        if isinstance(error, commands.CommandNotFound):
            await self._unknown_word(ctx)
            return
        failed = getattr(error, "original", error)
        if isinstance(failed, ReplyFailed):
            await self._reply_elsewhere(ctx, failed)
            return
        silent = isinstance(error, SlowDown) and error.verdict is Verdict.SILENT
        if silent and ctx.interaction is None:
            return  # said once in this window already; a slash command must still be answered
        command = getattr(ctx, "command", None)
        message = _reply(error, f"command {command}", getattr(command, "qualified_name", ""))
        try:
            await ctx.send(message, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        except ReplyFailed as exc:
            await self._reply_elsewhere(ctx, exc)
        except discord.HTTPException:
            log.warning("could not send an error reply in channel %s", ctx.channel.id)

    async def _reply_elsewhere(self, ctx: commands.Context, failed: ReplyFailed) -> None:
        """A reply Discord refused in the channel: to the member by DM, else the server's
        system channel; once a minute per member at most (a flood of commands in a channel
        the bot cannot speak in must not become a flood of DMs)."""
        where = getattr(ctx.channel, "mention", "that channel")
        log.info("cannot reply in channel %s; telling %s elsewhere", ctx.channel.id, ctx.author.id)
        if not self.elsewhere.allow(ctx.author.id):
            return
        text = (
            f"I could not reply in {where} (I am not allowed to send messages there), so here "
            f"is my reply to `{safe_echo(ctx.message.content if ctx.message else '', 80)}`:"
        )
        if failed.content:
            text += f"\n{failed.content}"
        embed = failed.embed
        none = discord.AllowedMentions.none()
        try:
            dm = reply_nonce(ctx.author.id, ctx.message.id, kind="elsewhere")
            await ctx.author.send(text, embed=embed, allowed_mentions=none, nonce=dm)
            return
        except discord.HTTPException:
            pass
        system = ctx.guild.system_channel if ctx.guild else None
        if system is not None and system.permissions_for(ctx.guild.me).send_messages:
            with contextlib.suppress(discord.HTTPException):
                text = f"{ctx.author.mention} {text}"
                there = reply_nonce(system.id, ctx.message.id, kind="elsewhere")
                await system.send(text, embed=embed, allowed_mentions=none, nonce=there)
                return
        log.warning("could not tell %s that a reply in %s failed", ctx.author.id, ctx.channel.id)

    async def on_app_command_error(self, interaction: discord.Interaction, error) -> None:
        """The tree's error handler: slash-only commands (hybrids report to on_command_error)."""
        name = getattr(interaction.command, "qualified_name", "?")
        await _reply_to(interaction, _reply(error, f"slash command /{name}"))

    @commands.Cog.listener()
    async def on_view_error(self, interaction: discord.Interaction, error, item) -> None:
        """A button's failure (dispatched by bot/glue/views.py)."""
        await _reply_to(interaction, _reply(error, f"button {getattr(item, 'custom_id', item)}"))


BUG = "Something went wrong on my side; it has been logged. Please try again later."


def _reply(error: Exception, what: str, help_for: str = "") -> str:
    """The one line for an error; an unexpected one is logged with its traceback first."""
    if isinstance(error, commands.CommandInvokeError | app_commands.CommandInvokeError):
        error = error.original  # what the command itself raised
    message = friendly(error, help_for)
    if message is None:
        log.error("%s failed", what, exc_info=error)
        message = BUG
    return message


async def _reply_to(interaction: discord.Interaction, message: str) -> None:
    none = discord.AllowedMentions.none()
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=none)
        else:
            await interaction.response.send_message(message, ephemeral=True, allowed_mentions=none)
    except discord.HTTPException:
        log.warning("could not send an error reply to interaction %s", interaction.id)


async def setup(bot) -> None:
    await bot.add_cog(Errors(bot))
