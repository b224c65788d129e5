"""Sending posts to channels, shared by scheduled and "status changed" posts: what a failed
send means, the tag in a post's footer, how a post a crash left unconfirmed is looked for,
and how to tell a server a subscription paused."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

import aiohttp
import discord

from bot.glue.transport import RetryRefused, posting
from bot.posting.sending.claims import nonce
from bot.posting.sending.failures import PostFailed, pause_notice
from bot.posting.settings.subscriptions import Subscription

CLOCK_SKEW = dt.timedelta(minutes=2)  # between this machine's clock and Discord's
HISTORY_SCAN = 1000  # messages read at most to settle one claim (10 requests)
STOP_GRACE = 20.0  # seconds shutdown waits for the posts in flight
NETWORK_ERRORS = (asyncio.TimeoutError, aiohttp.ClientError, OSError)


def post_failure(exc: discord.HTTPException) -> PostFailed:
    """How a failed send is handled: 404/403 pause the subscription, the rest retry later
    (a 400 that repeats pauses it too; see bot.posting.sending.failures.after_failure)."""
    if isinstance(exc, discord.NotFound):
        return PostFailed("the channel no longer exists", permanent=True, status=exc.status)
    if isinstance(exc, discord.Forbidden):
        return PostFailed("I am not allowed to post there", permanent=True, status=exc.status)
    return PostFailed(f"Discord answered {exc.status}", permanent=False, status=exc.status)


def rate_limited(exc: discord.RateLimited) -> str:
    return f"rate limited for {exc.retry_after:.0f} s"


async def _channel(bot, channel_id: int):
    return bot.get_channel(channel_id) or await bot.fetch_channel(channel_id)


async def posted_with_tag(
    bot, channel_id: int, tag: str, since: dt.datetime, until: dt.datetime | None
) -> bool | None:
    """Whether I posted a message carrying `tag` in an embed footer between `since` (the
    claim) and `until` (its lease). Only that window is read, oldest first, however busy the
    channel: how a claim left unconfirmed is settled without posting twice. None when it
    cannot be told (no permission to read the history, or more messages than HISTORY_SCAN in
    the window): the caller then never sends the post again."""
    end = (until or since + dt.timedelta(hours=1)) + CLOCK_SKEW
    after = discord.Object(discord.utils.time_snowflake(since - CLOCK_SKEW))
    try:
        channel = await _channel(bot, channel_id)
        seen = 0
        async for message in channel.history(limit=HISTORY_SCAN, after=after, oldest_first=True):
            if message.created_at > end:
                return False  # past the lease: the holder sent nothing after this
            seen += 1
            if message.author.id == bot.user.id and any(
                tag in (e.footer.text or "") for e in message.embeds
            ):
                return True
    except discord.Forbidden:
        return None
    except discord.RateLimited as exc:
        raise PostFailed(rate_limited(exc), permanent=False, status=429) from exc
    except discord.HTTPException as exc:
        raise post_failure(exc) from exc
    except NETWORK_ERRORS as exc:
        raise PostFailed(f"network error ({type(exc).__name__})", permanent=False) from exc
    return None if seen >= HISTORY_SCAN else False


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
    key = f"paused {sub.channel_id} {reason}"  # a retried notice is dropped, as a post is
    system = guild.system_channel if guild else None
    if system is not None and system.permissions_for(guild.me).send_messages:
        await system.send(text, nonce=nonce(system.id, key))
        return
    user = bot.get_user(sub.subscriber_id) or await bot.fetch_user(sub.subscriber_id)
    await user.send(text, nonce=nonce(user.id, key))


async def send_post(bot, channel_id: int, nonce: str, **message) -> int:
    """Send a post to a channel with its nonce (Discord drops a second message with the same
    nonce, so a retry of a post whose answer was lost never doubles it); returns the message
    id. A failure becomes the PostFailed the posting core handles."""
    try:
        channel = await _channel(bot, channel_id)
        with posting():  # a 429/5xx goes to the backoff policy, not a retry in line
            # A nonce sets enforce_nonce in discord.py's request body.
            sent = await channel.send(nonce=nonce, **message)
    except RetryRefused as exc:
        raise PostFailed(str(exc), permanent=False, status=exc.status) from exc
    except discord.RateLimited as exc:  # a wait over max_ratelimit_timeout: nothing was sent
        raise PostFailed(rate_limited(exc), permanent=False, status=429) from exc
    except discord.HTTPException as exc:
        raise post_failure(exc) from exc
    except NETWORK_ERRORS as exc:
        raise PostFailed(f"network error ({type(exc).__name__})", permanent=False) from exc
    return sent.id


async def stop_gracefully(poster, idle: asyncio.Event, loop) -> None:
    """Shutdown: no new post starts, the ones in flight finish (up to STOP_GRACE), then the
    loop ends; claims not sent are released or settled at the next start, never lost."""
    poster.stop()
    if not idle.is_set():
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(idle.wait(), STOP_GRACE)
    loop.cancel()
