"""`!status`, channel subscriptions, and the loop that posts the digest on schedule."""

from __future__ import annotations

import dataclasses
import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.answers.digest import fingerprint
from bot.embeds import answer_embed
from bot.posting import slots
from bot.posting.changes import ChangeLog
from bot.posting.scheduler import PostFailed, StatusPoster, next_slot
from bot.posting.subscriptions import Subscription, new_subscription, parse_options
from bot.views import quotes_view
from cogs.replies import send_answer, user_cooldown

log = logging.getLogger(__name__)
TICK_SECONDS = 30


def post_failure(exc: discord.HTTPException) -> PostFailed:
    """How a failed send is handled: 404/403 pause the subscription, the rest retry later."""
    if isinstance(exc, discord.NotFound):
        return PostFailed("the channel no longer exists", permanent=True)
    if isinstance(exc, discord.Forbidden):
        return PostFailed("I am not allowed to post there", permanent=True)
    return PostFailed(f"Discord answered {exc.status}", permanent=False)


class Status(commands.Cog):
    """The Season 2 digest on demand and on schedule."""

    def __init__(self, bot):
        self.bot = bot
        self._digest: dict[tuple, discord.Embed] = {}
        self.poster = StatusPoster(bot.db, self._fingerprint, self._send, self._notify)

    async def cog_load(self) -> None:
        self.post_loop.start()

    async def cog_unload(self) -> None:
        self.post_loop.cancel()

    # --- commands --------------------------------------------------------------------------

    @commands.hybrid_group(
        name="status",
        fallback="show",
        invoke_without_command=True,
        description="The Season 2 status digest, with sources",
    )
    @app_commands.describe(topic="renewal, filming, trailer, release, episodes or cast")
    @user_cooldown()
    async def status(self, ctx: commands.Context, *, topic: str = "") -> None:
        """`!status`: the digest; `!status trailer`: that topic's timeline."""
        await send_answer(ctx, self.bot.engine.run("status", topic))

    @status.autocomplete("topic")
    async def topic_autocomplete(self, interaction, current: str) -> list[app_commands.Choice]:
        return [
            app_commands.Choice(name=t, value=t) for t in self.bot.engine.complete_status(current)
        ]

    @status.command(name="subscribe", description="Post the digest in a channel on a schedule")
    @app_commands.describe(
        channel="Where to post the digest",
        options="Optional, any order: HH:MM (UTC), daily or weekly, on-change",
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def subscribe(
        self, ctx: commands.Context, channel: discord.TextChannel, *, options: str = ""
    ) -> None:
        """`!status subscribe #channel [HH:MM] [zone] [daily|weekly] [on-change] [changes:off]`;
        the time is in the zone named, else the server's (`!settings timezone`)."""
        try:
            opts = parse_options(options, self.bot.settings.post_time)
        except ValueError as exc:
            await ctx.send(str(exc), ephemeral=True)
            return
        if opts.zone is None:
            opts = dataclasses.replace(opts, zone=await self.bot.db.timezone(ctx.guild.id))
        now = self.bot.clock()
        sub = await self.bot.db.subscribe(
            new_subscription(ctx.guild.id, channel.id, ctx.author.id, opts, now)
        )
        await ChangeLog(self.bot.db).set_opt_in(ctx.guild.id, channel.id, opts.changes)
        first = next_slot(sub, now)
        extra = ", only when the digest changed" if sub.on_change else ""
        extra += "" if opts.changes else ', no "status changed" posts'
        await ctx.send(
            f"Subscribed {channel.mention}: {slots.describe(sub)}{extra}. First post: "
            f"{slots.local_time(first, sub.zone)} ({slots.discord_time(first)} your time)."
        )

    @status.command(name="unsubscribe", description="Stop scheduled posts in a channel")
    @app_commands.describe(channel="The channel to stop posting in (default: this one)")
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def unsubscribe(
        self, ctx: commands.Context, channel: discord.TextChannel | None = None
    ) -> None:
        target = channel or ctx.channel
        removed = await self.bot.db.unsubscribe(ctx.guild.id, target.id)
        await ctx.send(
            f"Stopped the status posts in {target.mention}."
            if removed
            else f"{target.mention} has no status subscription."
        )

    @status.command(name="subscriptions", description="This server's scheduled status posts")
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def subscriptions(self, ctx: commands.Context) -> None:
        subs = await self.bot.db.subscriptions(ctx.guild.id)
        if not subs:
            await ctx.send("No channel here is subscribed. Try `!status subscribe #channel`.")
            return
        lines, now = [], self.bot.clock()
        opted_out = await ChangeLog(self.bot.db).opted_out()
        for s in subs:
            state = f" — paused: {s.paused_reason}" if s.paused else ""
            extra = ", on change" if s.on_change else ""
            extra += ", no change posts" if (s.guild_id, s.channel_id) in opted_out else ""
            when = f", next {slots.discord_time(next_slot(s, now))}" if not s.paused else ""
            lines.append(f"<#{s.channel_id}>: {slots.describe(s)}{extra}{when}{state}")
        await ctx.send("\n".join(lines))

    # --- the schedule ----------------------------------------------------------------------

    @tasks.loop(seconds=TICK_SECONDS)
    async def post_loop(self) -> None:
        try:
            self._digest.clear()  # one digest per slot, shared by every channel due in it
            report = await self.poster.run_once(self.bot.clock())
            if report.due:
                log.info("status posts: %s", report)
        except Exception:  # the loop must outlive any failure
            log.exception("status post loop failed; it will run again")

    @post_loop.before_loop
    async def _wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    def _fingerprint(self) -> str:
        return fingerprint(self.bot.engine.store)

    def _embed(self, spoilers: bool, note: str | None) -> discord.Embed:
        key = (spoilers, note)
        if key not in self._digest:
            self._digest[key] = answer_embed(self.bot.engine.run("status"), spoilers, note)
        return self._digest[key]

    async def _send(self, sub: Subscription, spoilers: bool, note: str | None) -> None:
        try:
            channel = self.bot.get_channel(sub.channel_id) or await self.bot.fetch_channel(
                sub.channel_id
            )
            await channel.send(
                embed=self._embed(spoilers, note), view=quotes_view(self.bot.engine.run("status"))
            )
        except discord.HTTPException as exc:
            raise post_failure(exc) from exc

    async def _notify(self, sub: Subscription, reason: str) -> None:
        text = (
            f"I paused the Season 2 status posts for <#{sub.channel_id}> "
            f"({slots.describe(sub)}): {reason}. "
            "Fix the channel or my permissions, then run `!status subscribe` again."
        )
        guild = self.bot.get_guild(sub.guild_id)
        system = guild.system_channel if guild else None
        if system is not None and system.permissions_for(guild.me).send_messages:
            await system.send(text)
            return
        user = self.bot.get_user(sub.subscriber_id) or await self.bot.fetch_user(sub.subscriber_id)
        await user.send(text)


async def setup(bot) -> None:
    await bot.add_cog(Status(bot))
