"""`!status`, channel subscriptions, and the loop that posts the digest on schedule."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.answers.digest import fingerprint
from bot.embeds import answer_embed
from bot.posting import slots
from bot.posting.changes import ChangeLog
from bot.posting.listing import pages, parse_channel_ref
from bot.posting.options import new_subscription, parse_options
from bot.posting.scheduler import PostFailed, StatusPoster, next_slot, pause_notice, slot_tag
from bot.posting.subscriptions import Subscription
from bot.views import quotes_view
from cogs.replies import send_answer, user_cooldown

log = logging.getLogger(__name__)
TICK_SECONDS = 30
HISTORY_CHECKED = 50  # recent messages searched for a post a crash left unconfirmed
STOP_GRACE = 20.0  # seconds shutdown waits for the post in flight
NETWORK_ERRORS = (asyncio.TimeoutError, aiohttp.ClientError, OSError)
NOT_A_CHANNEL = "Name the channel as #channel or by its id (right-click -> Copy Channel ID)."


def post_failure(exc: discord.HTTPException) -> PostFailed:
    """How a failed send is handled: 404/403 pause the subscription, the rest retry later
    (a 400 that repeats pauses it too; see bot.posting.scheduler.after_failure)."""
    if isinstance(exc, discord.NotFound):
        return PostFailed("the channel no longer exists", permanent=True, status=exc.status)
    if isinstance(exc, discord.Forbidden):
        return PostFailed("I am not allowed to post there", permanent=True, status=exc.status)
    return PostFailed(f"Discord answered {exc.status}", permanent=False, status=exc.status)


async def posted_with_tag(bot, channel_id: int, tag: str) -> bool:
    """Whether one of my recent messages in the channel carries `tag` in an embed footer
    (how a claim left unconfirmed is settled without posting twice)."""
    try:
        channel = bot.get_channel(channel_id) or await bot.fetch_channel(channel_id)
        async for message in channel.history(limit=HISTORY_CHECKED):
            if message.author.id == bot.user.id and any(
                tag in (e.footer.text or "") for e in message.embeds
            ):
                return True
    except discord.Forbidden:
        return False  # history unreadable: post again rather than lose the post
    except discord.HTTPException as exc:
        raise post_failure(exc) from exc
    except NETWORK_ERRORS as exc:
        raise PostFailed(f"network error ({type(exc).__name__})", permanent=False) from exc
    return False


def tag_footer(embed: discord.Embed, tag: str) -> discord.Embed:
    """The embed with `tag` added to its footer."""
    embed.set_footer(text=f"{embed.footer.text or ''} · {tag}".lstrip(" ·"))
    return embed


class Status(commands.Cog):
    """The Season 2 digest on demand and on schedule."""

    def __init__(self, bot):
        self.bot = bot
        self._digest: dict[tuple, discord.Embed] = {}
        self._idle = asyncio.Event()  # clear while a run of the schedule is posting
        self._idle.set()
        self.poster = StatusPoster(
            bot.db, self._fingerprint, self._send, self._notify, confirm=self._was_posted
        )

    async def cog_load(self) -> None:
        self.post_loop.start()

    async def cog_unload(self) -> None:
        # Let the post in flight finish; the slot's other claims are released, not lost.
        self.poster.stop()
        if not self._idle.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._idle.wait(), STOP_GRACE)
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
        options=(
            "Optional, any order: HH:MM, a time zone (e.g. Asia/Seoul), daily or weekly, "
            "on-change, changes:off"
        ),
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def subscribe(self, ctx: commands.Context, channel: str, *, options: str = "") -> None:
        """`!status subscribe #channel [HH:MM] [zone] [daily|weekly] [on-change] [changes:off]`;
        the time is in the zone named, else the server's (`!settings timezone`)."""
        target = await self._channel_here(ctx, channel)
        if target is None:
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
            new_subscription(ctx.guild.id, target.id, ctx.author.id, opts, now)
        )
        await ChangeLog(self.bot.db).set_opt_in(ctx.guild.id, target.id, opts.changes)
        first = next_slot(sub, now)
        extra = ", only when the digest changed" if sub.on_change else ""
        extra += "" if opts.changes else ', no "status changed" posts'
        await ctx.send(
            f"Subscribed {target.mention}: {slots.describe(sub)}{extra}. First post: "
            f"{slots.local_time(first, sub.zone)} ({slots.discord_time(first)} your time)."
        )

    @status.command(name="unsubscribe", description="Stop scheduled posts in a channel")
    @app_commands.describe(
        channel="The channel to stop posting in: a #mention or a channel id (default: this one)"
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def unsubscribe(self, ctx: commands.Context, channel: str | None = None) -> None:
        """`!status unsubscribe [#channel|id]`: works for a deleted channel too."""
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

    @status.command(name="resume", description="Resume a paused subscription as it was")
    @app_commands.describe(
        channel="The paused channel: a #mention or a channel id (default: this one)"
    )
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def resume(self, ctx: commands.Context, channel: str | None = None) -> None:
        """`!status resume [#channel|id]`: keeps the subscription's time and cadence."""
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

    @status.command(name="subscriptions", description="This server's scheduled status posts")
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

    async def _channel_here(self, ctx: commands.Context, text: str):
        """A channel of this server that can be posted in, or None after saying why."""
        channel_id = parse_channel_ref(text)
        channel = None
        if channel_id is not None:
            channel = ctx.guild.get_channel(channel_id)
            if channel is None:
                with contextlib.suppress(discord.HTTPException, discord.InvalidData):
                    channel = await self.bot.fetch_channel(channel_id)
        if channel is None or getattr(channel, "guild", None) != ctx.guild:
            await ctx.send(
                f"I can't find that channel in this server. {NOT_A_CHANNEL}", ephemeral=True
            )
            return None
        if not isinstance(channel, discord.abc.Messageable):
            await ctx.send("I can only post in a text channel.", ephemeral=True)
            return None
        return channel

    # --- the schedule ----------------------------------------------------------------------

    @tasks.loop(seconds=TICK_SECONDS)
    async def post_loop(self) -> None:
        if self.poster.stopping:
            return
        self._idle.clear()
        try:
            self._digest.clear()  # one digest per slot, shared by every channel due in it
            report = await self.poster.run_once(self.bot.clock())
            if report.due or report.recovered or report.released:
                log.info("status posts: %s", report)
        except Exception:  # the loop must outlive any failure
            log.exception("status post loop failed; it will run again")
        finally:
            self._idle.set()

    @post_loop.before_loop
    async def _wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    def _fingerprint(self) -> str:
        return fingerprint(self.bot.engine.store)

    def _embed(self, spoilers: bool, note: str | None, slot: dt.datetime) -> discord.Embed:
        key = (spoilers, note)
        if key not in self._digest:
            self._digest[key] = answer_embed(self.bot.engine.run("status"), spoilers, note)
        # The slot in the footer is how a restart tells a sent post from a lost one.
        return tag_footer(self._digest[key].copy(), slot_tag(slot))

    async def _channel(self, channel_id: int):
        return self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)

    async def _send(
        self, sub: Subscription, spoilers: bool, note: str | None, slot: dt.datetime
    ) -> None:
        try:
            channel = await self._channel(sub.channel_id)
            await channel.send(
                embed=self._embed(spoilers, note, slot),
                view=quotes_view(self.bot.engine.run("status")),
            )
        except discord.HTTPException as exc:
            raise post_failure(exc) from exc
        except NETWORK_ERRORS as exc:
            raise PostFailed(f"network error ({type(exc).__name__})", permanent=False) from exc

    async def _was_posted(self, sub: Subscription, slot: dt.datetime) -> bool:
        return await posted_with_tag(self.bot, sub.channel_id, slot_tag(slot))

    async def _notify(self, sub: Subscription, reason: str) -> None:
        guild = self.bot.get_guild(sub.guild_id)
        channel = self.bot.get_channel(sub.channel_id)
        text = pause_notice(
            sub,
            reason,
            discord.utils.escape_markdown(guild.name) if guild else f"server {sub.guild_id}",
            channel.name if channel else str(sub.channel_id),
        )
        system = guild.system_channel if guild else None
        if system is not None and system.permissions_for(guild.me).send_messages:
            await system.send(text)
            return
        user = self.bot.get_user(sub.subscriber_id) or await self.bot.fetch_user(sub.subscriber_id)
        await user.send(text)


async def setup(bot) -> None:
    await bot.add_cog(Status(bot))
