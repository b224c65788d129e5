"""A HyosanBot on dpytest's fake Discord, as every cog test starts and stops it."""

from __future__ import annotations

import contextlib

import discord
import discord.ext.test as dpytest
from discord.ext import commands

from bot.answers.engine import Engine
from bot.client import HyosanBot
from bot.config import Settings
from bot.facts.building.build import build
from bot.facts.store import load_store
from bot.posting.settings.subscriptions import SettingsDB
from bot.reload import Reloader
from tests.conftest import TODAY, copy_corpus


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


async def start_reloading_bot(tmp_path, clock) -> tuple[HyosanBot, commands.Cog, object]:
    """A bot over a built copy of the corpus whose Reload cog reloads that copy: (bot, cog,
    paths); an article added to the paths is what `!reload` and the watcher then see."""
    paths = copy_corpus(tmp_path)
    build(paths)
    db = await SettingsDB.open(":memory:")
    engine = Engine(await load_store(paths), today=lambda: TODAY)
    client = await start_bot(engine, db, clock=clock, members=2)
    cog = client.get_cog("Reload")
    cog.reloader = Reloader(paths, lambda: client.engine, cog._swap, cog._engine)
    return client, cog, paths
