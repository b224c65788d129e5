"""A HyosanBot on dpytest's fake Discord, as every cog test starts and stops it."""

from __future__ import annotations

import contextlib

import discord
import discord.ext.test as dpytest
from discord.ext import commands

from bot.answers.engine import Engine
from bot.client import HyosanBot
from bot.config import Settings
from bot.posting.settings.subscriptions import SettingsDB


async def start_bot(engine: Engine, db: SettingsDB, clock=None, **layout) -> HyosanBot:
    """The bot with its cogs loaded and dpytest configured (`layout`: guilds, members...)."""
    intents = discord.Intents.default()
    intents.members = True  # dpytest's fake backend needs it
    intents.message_content = True
    extra = {"clock": clock} if clock is not None else {}
    client = HyosanBot(settings=Settings(), engine=engine, db=db, intents=intents, **extra)
    await client._async_setup_hook()
    await client.setup_hook()
    dpytest.configure(client, **layout)
    return client


async def stop_bot(client: HyosanBot) -> None:
    """Stop the background loops, drain dpytest, close the settings DB."""
    client.get_cog("StatusPosts").post_loop.cancel()
    client.get_cog("Reload").watch.cancel()
    client.get_cog("News").poll.cancel()
    await dpytest.empty_queue()
    await client.db.close()


async def say(content: str, member: int = 0) -> discord.Message:
    """Send as a member and return the bot's reply (dpytest re-raises handled errors)."""
    with contextlib.suppress(commands.CommandError):  # already answered by cogs.errors
        await dpytest.message(content, member=member)
    return dpytest.get_message()
