"""The Discord bot: a commands.Bot whose resources are built in `main` and passed in."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sys
from collections.abc import Callable, Sequence

import discord
from discord.ext import commands

from bot.answers.engine import Engine
from bot.config import Settings
from bot.facts.store import load_store
from bot.paths import DataPaths
from bot.posting.subscriptions import SettingsDB

log = logging.getLogger(__name__)

EXTENSIONS = (
    "cogs.facts",
    "cogs.status",
    "cogs.admin",
    "cogs.settings",
    "cogs.reload",
    "cogs.errors",
)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_intents() -> discord.Intents:
    intents = discord.Intents.default()
    intents.message_content = True  # prefix commands read message text
    return intents


class HyosanBot(commands.Bot):
    """hyosan-bot. Everything it answers with comes from `engine`; settings live in `db`."""

    def __init__(
        self,
        *,
        settings: Settings,
        engine: Engine,
        db: SettingsDB,
        clock: Callable[[], dt.datetime] = utcnow,
        extensions: Sequence[str] = EXTENSIONS,
        intents: discord.Intents | None = None,
    ):
        super().__init__(
            command_prefix=commands.when_mentioned_or(settings.prefix),
            intents=intents or default_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            case_insensitive=True,
        )
        self.settings = settings
        self.engine = engine
        self.db = db
        self.clock = clock
        self.initial_extensions = tuple(extensions)

    async def setup_hook(self) -> None:
        for ext in self.initial_extensions:
            await self.load_extension(ext)
        if self.settings.dev_guild:
            guild = discord.Object(id=self.settings.dev_guild)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d slash commands to development guild %s", len(synced), guild.id)

    async def on_ready(self) -> None:
        log.info("logged in as %s in %d servers", self.user, len(self.guilds))


async def main(settings: Settings) -> int:
    """Build the resources, run the bot until it stops, and close them."""
    level = getattr(logging, settings.log_level, logging.INFO)
    discord.utils.setup_logging(level=level, root=True)
    store = await load_store(DataPaths(store=settings.facts_path))
    engine = Engine(store, prefix=settings.prefix)
    engine.warm()  # a fan's first free question should not pay for building the index
    db = await SettingsDB.open(settings.settings_db)
    try:
        async with HyosanBot(settings=settings, engine=engine, db=db) as bot:
            await bot.start(settings.token or "")
    except discord.LoginFailure:
        print(
            "error: Discord rejected the token. Check DISCORD_TOKEN in .env "
            "(Developer Portal -> your app -> Bot -> Reset Token).",
            file=sys.stderr,
        )
        return 1
    except discord.PrivilegedIntentsRequired:
        print(
            "error: enable the Message Content intent for the bot in the Developer Portal "
            "(your app -> Bot -> Privileged Gateway Intents).",
            file=sys.stderr,
        )
        return 1
    except (OSError, discord.GatewayNotFound, discord.HTTPException) as exc:
        print(
            f"error: cannot reach Discord ({type(exc).__name__}). Check the network.",
            file=sys.stderr,
        )
        return 1
    finally:
        await db.close()
    return 0


def run_bot(settings: Settings) -> int:
    """`python -m bot run` with a token."""
    try:
        return asyncio.run(main(settings))
    except KeyboardInterrupt:
        return 0
