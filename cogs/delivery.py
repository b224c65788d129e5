"""Sending posts to channels, shared by scheduled and "status changed" posts: what a failed
send means, the tag in a post's footer, and how to tell a server a subscription paused."""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp
import discord

from bot.posting.scheduler import PostFailed, pause_notice
from bot.posting.subscriptions import Subscription

HISTORY_CHECKED = 50  # recent messages searched for a post a crash left unconfirmed
STOP_GRACE = 20.0  # seconds shutdown waits for the post in flight
NETWORK_ERRORS = (asyncio.TimeoutError, aiohttp.ClientError, OSError)


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


async def tell_server(bot, sub: Subscription, reason: str) -> None:
    """Tell a server its subscription paused: its system channel, else the subscriber by DM."""
    guild = bot.get_guild(sub.guild_id)
    channel = bot.get_channel(sub.channel_id)
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
    user = bot.get_user(sub.subscriber_id) or await bot.fetch_user(sub.subscriber_id)
    await user.send(text)


async def send_post(bot, channel_id: int, **message) -> None:
    """Send a post to a channel; a failure becomes the PostFailed the posting core handles."""
    try:
        channel = bot.get_channel(channel_id) or await bot.fetch_channel(channel_id)
        await channel.send(**message)
    except discord.HTTPException as exc:
        raise post_failure(exc) from exc
    except NETWORK_ERRORS as exc:
        raise PostFailed(f"network error ({type(exc).__name__})", permanent=False) from exc


async def stop_gracefully(poster, idle: asyncio.Event, loop) -> None:
    """Shutdown: no new post starts, the one in flight finishes (up to STOP_GRACE), then the
    loop ends; claims not sent are released or settled at the next start, never lost."""
    poster.stop()
    if not idle.is_set():
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(idle.wait(), STOP_GRACE)
    loop.cancel()
