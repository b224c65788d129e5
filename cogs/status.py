"""`!status [topic]` and the subscription commands (the posting loop is cogs/status_posts.py)."""

from __future__ import annotations

import dataclasses

import discord
from discord import app_commands
from discord.ext import commands

from bot.posting.sending import slots
from bot.posting.sending.changes import ChangeLog
from bot.posting.sending.scheduler import next_slot
from bot.posting.settings.access import NEEDED, subscribe_refusal
from bot.posting.settings.listing import pages, parse_channel_ref
from bot.posting.settings.options import new_subscription, parse_options
from cogs.replies import send_answer, user_cooldown

NOT_A_CHANNEL = "Name the channel as #channel or by its id (right-click -> Copy Channel ID)."


class Status(commands.Cog):
    """`!status` (the digest, or one topic's timeline) and the subscription commands."""

    def __init__(self, bot):
        self.bot = bot

    # --- commands --------------------------------------------------------------------------

    @commands.hybrid_group(
        name="status",
        fallback="show",
        invoke_without_command=True,
        description="The Season 2 status digest, with sources",
        usage="status [topic]",
        extras={"example": "status trailer"},
    )
    @app_commands.describe(topic="renewal, filming, trailer, release, episodes or cast")
    @user_cooldown()
    async def status(self, ctx: commands.Context, *, topic: str = "") -> None:
        """With a topic, that topic's timeline: renewal, filming, trailer, release, episodes,
        cast (typos are fine). Where sources disagree, the timeline shows both sides."""
        await send_answer(ctx, self.bot.engine.run("status", topic))

    @status.autocomplete("topic")
    async def topic_autocomplete(self, interaction, current: str) -> list[app_commands.Choice]:
        """Topics the typed text starts; a typo ("trailr") gets the topic `!status trailr`
        reads it as, so the slash command takes what the prefix command takes."""
        engine = self.bot.engine
        topics = engine.complete_status(current)
        if not topics and current.strip() and (hit := engine.status.topic_for(current)):
            topics = [hit]
        return [app_commands.Choice(name=t, value=t) for t in topics]

    @status.command(
        name="subscribe",
        description="Post the digest in a channel on a schedule",
        usage="status subscribe #channel [HH:MM] [zone] [daily|weekly] [on-change] [changes:off]",
        extras={"example": "status subscribe #news 18:00 weekly", "section": "posts"},
    )
    @app_commands.describe(
        channel="Where to post the digest",
        options=(
            "Optional, any order: HH:MM, a time zone (e.g. Asia/Seoul), daily or weekly, "
            "on-change, changes:off"
        ),
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def subscribe(
        self, ctx: commands.Context, channel: discord.TextChannel, *, options: str = ""
    ) -> None:
        """The time is in the server's time zone (`!settings timezone`) unless one is named,
        e.g. `!status subscribe #news 18:00 America/New_York`. `on-change` posts only when the
        digest changed since the last post; `changes:off` stops the "status changed" posts."""
        # The converter (prefix) and Discord's channel picker (slash) only give a text
        # channel of this server; anything else is ChannelNotFound, answered by cogs/errors.py.
        # The member must see it, and the bot must be able to post there
        # (bot.posting.settings.access).
        mine = channel.permissions_for(ctx.guild.me)
        refusal = subscribe_refusal(
            channel.permissions_for(ctx.author).view_channel,
            {flag: getattr(mine, flag) for flag, _ in NEEDED},
            channel.mention,
        )
        if refusal:
            await ctx.send(refusal, ephemeral=True)
            return
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

    @status.command(
        name="unsubscribe",
        description="Stop the scheduled posts in a channel",
        usage="status unsubscribe [#channel|id]",
        extras={"example": "status unsubscribe #news", "section": "posts"},
    )
    @app_commands.describe(
        channel="The channel to stop posting in: a #mention or a channel id (default: this one)"
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def unsubscribe(self, ctx: commands.Context, channel: str | None = None) -> None:
        """Without a channel: this one. A raw channel id works for a deleted channel too."""
        channel_id = self._channel_id(ctx, channel)
        if channel_id is None:
            await ctx.send(NOT_A_CHANNEL, ephemeral=True)
            return
        removed = await self.bot.db.unsubscribe(ctx.guild.id, channel_id)
        name = self._label(ctx, channel_id) + f" (`{channel_id}`)"
        await ctx.send(
            f"Stopped the status posts in {name}."
            if removed
            else f"{name} has no status subscription in this server.",
            ephemeral=not removed,
        )

    @status.command(
        name="resume",
        description="Resume a paused subscription as it was",
        usage="status resume [#channel|id]",
        extras={"example": "status resume #news", "section": "posts"},
    )
    @app_commands.describe(
        channel="The paused channel: a #mention or a channel id (default: this one)"
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def resume(self, ctx: commands.Context, channel: str | None = None) -> None:
        """It keeps its time and cadence and posts from its next slot (a slot missed while
        paused is not posted late). Without a channel: this one."""
        channel_id = self._channel_id(ctx, channel)
        if channel_id is None:
            await ctx.send(NOT_A_CHANNEL, ephemeral=True)
            return
        before = {s.channel_id: s for s in await self.bot.db.subscriptions(ctx.guild.id)}
        name = self._label(ctx, channel_id) + f" (`{channel_id}`)"
        if channel_id not in before:
            await ctx.send(f"{name} has no status subscription in this server.", ephemeral=True)
            return
        sub = await self.bot.db.resume(ctx.guild.id, channel_id, self.bot.clock())
        when = slots.describe(sub)
        await ctx.send(
            f"Resumed the status posts in {name}: {when}."
            if before[channel_id].paused
            else f"{name} was not paused ({when})."
        )

    @status.command(
        name="subscriptions",
        description="This server's scheduled status posts, and any that are paused",
        extras={"example": "status subscriptions", "section": "posts"},
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def subscriptions(self, ctx: commands.Context) -> None:
        subs = await self.bot.db.subscriptions(ctx.guild.id)
        if not subs:
            await ctx.send("No channel here is subscribed. Try `!status subscribe #channel`.")
            return
        opted_out = await ChangeLog(self.bot.db).opted_out()
        now = self.bot.clock()
        for page in pages(
            subs,
            label=lambda cid: self._label(ctx, cid),
            extra=lambda s: (
                (", no change posts" if (s.guild_id, s.channel_id) in opted_out else "")
                + ("" if s.paused else f", next {slots.discord_time(next_slot(s, now))}")
            ),
        ):
            await ctx.send(page)

    @staticmethod
    def _label(ctx: commands.Context, channel_id: int) -> str:
        """A mention for a channel of this server; a deleted one is named as such."""
        return f"<#{channel_id}>" if ctx.guild.get_channel(channel_id) else "deleted channel"

    @staticmethod
    def _channel_id(ctx: commands.Context, text: str | None) -> int | None:
        """The named channel's id (no argument: this channel); None when it names none.
        Never falls back to this channel when an argument is given."""
        if text is None or not text.strip():
            return ctx.channel.id
        return parse_channel_ref(text)


async def setup(bot) -> None:
    await bot.add_cog(Status(bot))
