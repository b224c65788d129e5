"""The Discord bot: a commands.Bot whose resources are built in `main` and passed in; `run`
starts it auto-sharded."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
import sys
from collections.abc import Callable, Sequence

import aiohttp
import discord
from discord.ext import commands

from bot.answers.engine import Engine
from bot.config import Settings, env_file_warning
from bot.facts.store import load_store
from bot.glue.reply_context import ReplyingContext
from bot.glue.transport import MAX_RATELIMIT_TIMEOUT, RateGate, bound_requests, request_trace
from bot.paths import DataPaths
from bot.posting.settings.lock import InstanceLock
from bot.posting.settings.subscriptions import SettingsDB

log = logging.getLogger(__name__)

EXTENSIONS = (
    "cogs.facts",
    "cogs.status",
    "cogs.status_posts",
    "cogs.admin",
    "cogs.settings",
    "cogs.reload",
    "cogs.news",
    "cogs.errors",
    "cogs.help",
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
            max_ratelimit_timeout=MAX_RATELIMIT_TIMEOUT,
            http_trace=request_trace(RateGate()),
        )
        bound_requests(self.http)  # a hung request ends in seconds (bot.transport)
        self.settings = settings
        self.engine = engine
        self.db = db
        self.clock = clock
        self.initial_extensions = tuple(extensions)
        self.online_once = False  # a failure before the first READY is a start-up failure

    async def get_context(self, origin, *, cls=ReplyingContext):
        """Every command's Context reports a reply Discord refused (bot.reply_context)."""
        return await super().get_context(origin, cls=cls)

    async def setup_hook(self) -> None:
        for ext in self.initial_extensions:
            await self.load_extension(ext)
        if self.settings.dev_guild:
            guild = discord.Object(id=self.settings.dev_guild)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d slash commands to development guild %s", len(synced), guild.id)

    async def on_ready(self) -> None:
        self.online_once = True
        log.info(
            "logged in as %s in %d servers (%d shards)",
            self.user,
            len(self.guilds),
            self.shard_count or 1,
        )

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Removed from a server (kicked, banned, or it was deleted): forget what it set."""
        subs = await self.db.forget_guild(guild.id)
        log.info("removed from server %s: forgot its settings and %d subscriptions", guild.id, subs)


class ShardedHyosanBot(HyosanBot, commands.AutoShardedBot):
    """What `run` starts: Discord says how many shards the bot needs (one per ~1,000 servers,
    required from 2,500) and this one process runs them all. (The cog tests use HyosanBot:
    dpytest has no sharded client.)"""


MAX_RESTARTS_PER_HOUR = 10  # connection crashes retried in-process; more ends the process
RESTART_BACKOFF = (5.0, 300.0)  # first delay and cap, seconds, doubling


class StartupFailure(Exception):
    """The bot could not start; the message is the one line to print."""


def describe_failure(exc: BaseException) -> str:
    """One line saying which start-up failure happened and what to do. A failure raised while
    discord.py handled another (its reconnect path) is described by the one it handled."""
    seen: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in seen:
        seen.append(cause)
        if not isinstance(cause, AttributeError | TypeError | KeyError):
            break
        cause = cause.__cause__ or cause.__context__
    return _describe(cause if cause is not None else exc)


TOKEN_REJECTED = 4004  # the gateway's close code for a bad token


def _describe(exc: BaseException) -> str:
    if isinstance(exc, discord.LoginFailure) or getattr(exc, "code", None) == TOKEN_REJECTED:
        return (
            "Discord rejected the token. Check DISCORD_TOKEN in .env "
            "(Developer Portal -> your app -> Bot -> Reset Token)."
        )
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return (
            "enable the Message Content intent for the bot in the Developer Portal "
            "(your app -> Bot -> Privileged Gateway Intents)."
        )
    if isinstance(exc, discord.HTTPException):
        return (
            f"Discord answered HTTP {exc.status} ({getattr(exc.response, 'reason', '')}); "
            "try again later, or check DISCORD_API_BASE."
        )
    if isinstance(exc, discord.GatewayNotFound | discord.ConnectionClosed):
        code = getattr(exc, "code", None)
        detail = f" (close code {code})" if code else ""
        return f"the Discord gateway failed{detail}; try again later, or check DISCORD_GATEWAY_URL."
    if isinstance(exc, aiohttp.WSServerHandshakeError):
        return (
            f"the gateway handshake failed (HTTP {exc.status}); check DISCORD_GATEWAY_URL "
            "or try again later."
        )
    if isinstance(exc, aiohttp.ClientError | OSError | asyncio.TimeoutError):
        return f"cannot reach Discord ({type(exc).__name__}). Check the network."
    return (
        f"the bot stopped unexpectedly ({type(exc).__name__}); run with HYOSAN_LOG_LEVEL=DEBUG "
        "for the details."
    )


FATAL = (discord.LoginFailure, discord.PrivilegedIntentsRequired)


def is_fatal(exc: BaseException) -> bool:
    """A failure no retry can fix: a rejected token (at login or as gateway close 4004), or
    a privileged intent that is not enabled."""
    return isinstance(exc, FATAL) or (
        isinstance(exc, discord.ConnectionClosed) and exc.code == TOKEN_REJECTED
    )


class NoVoiceWarnings(logging.Filter):
    """The bot has no voice features; discord.py's "PyNaCl / davey is not installed, voice
    will NOT be supported" warnings would only come before (and bury) a one-line error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().endswith("voice will NOT be supported")


class OneLineReconnects(logging.Filter):
    """discord.py logs every reconnect attempt with a full traceback; keep it to one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.getMessage().startswith("Attempting a reconnect"):
            exc = record.exc_info[1]
            record.msg = f"{record.getMessage()} after {describe_failure(exc)}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def configure_endpoints(settings: Settings) -> None:
    """Point discord.py at a self-hosted Discord-compatible server when configured."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base
    if settings.gateway_url:
        import yarl

        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


class Supervisor:
    """Runs the bot; restarts it with backoff after a crash once it has been online, at most
    MAX_RESTARTS_PER_HOUR times an hour. SIGTERM/SIGINT close it cleanly."""

    def __init__(self, make_bot: Callable[[], HyosanBot], token: str, pause=None):
        self.make_bot = make_bot
        self.token = token
        self.pause = pause or self._pause  # tests pass one that does not wait
        self.stopping = asyncio.Event()
        self.crashes: list[float] = []

    def stop(self) -> None:
        self.stopping.set()

    async def _pause(self, seconds: float) -> None:
        """Wait before reconnecting; a stop request ends the wait."""
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), seconds)

    async def run(self) -> None:
        """Returns on a requested stop; raises StartupFailure when the bot cannot (stay) up."""
        delay = RESTART_BACKOFF[0]
        loop = asyncio.get_running_loop()
        online = False  # once the bot has been up, a failure is a crash to retry
        while not self.stopping.is_set():
            bot = self.make_bot()
            try:
                await self._run_one(bot)
                return
            except Exception as exc:
                if is_fatal(exc):
                    raise StartupFailure(describe_failure(exc)) from exc
                log.debug("the bot stopped", exc_info=exc)  # the detail, for HYOSAN_LOG_LEVEL=DEBUG
                online = online or bot.online_once
                if not online:
                    raise StartupFailure(describe_failure(exc)) from exc
                now = loop.time()
                self.crashes = [t for t in self.crashes if now - t < 3600] + [now]
                if len(self.crashes) == 1:
                    delay = RESTART_BACKOFF[0]  # the first crash in an hour starts afresh
                if len(self.crashes) > MAX_RESTARTS_PER_HOUR:
                    raise StartupFailure(
                        f"the connection failed {len(self.crashes)} times in an hour "
                        f"(last: {describe_failure(exc)})"
                    ) from exc
                log.error("connection lost: %s; again in %.0f s", describe_failure(exc), delay)
                await self.pause(delay)
                delay = min(delay * 2, RESTART_BACKOFF[1])

    async def _run_one(self, bot: HyosanBot) -> None:
        async with bot:
            start = asyncio.create_task(bot.start(self.token))
            stop = asyncio.create_task(self.stopping.wait())
            try:
                await asyncio.wait({start, stop}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                stop.cancel()
            if not start.done():  # asked to stop: close (in-flight posts finish), then return
                log.info("shutting down")
                await bot.close()
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await start
                return
            start.result()  # raises what ended the connection


async def main(settings: Settings) -> int:
    """Build the resources, run the bot until it stops, and close them."""
    level = getattr(logging, settings.log_level, logging.INFO)
    discord.utils.setup_logging(level=level, root=True)
    logging.getLogger("discord.client").addFilter(OneLineReconnects())
    logging.getLogger("discord.client").addFilter(NoVoiceWarnings())
    configure_endpoints(settings)
    if warning := env_file_warning(settings.env_file):
        print(warning, file=sys.stderr)
    lock = InstanceLock(settings.settings_db).acquire()
    try:
        store = await load_store(DataPaths(store=settings.facts_path))
        engine = Engine(store, prefix=settings.prefix)
        engine.warm()  # a fan's first free question should not pay for building the index
        db = await SettingsDB.open(settings.settings_db)
        try:
            supervisor = Supervisor(
                lambda: ShardedHyosanBot(settings=settings, engine=engine, db=db),
                settings.token or "",
            )
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.add_signal_handler(sig, supervisor.stop)
            await supervisor.run()
        except StartupFailure as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        finally:
            await db.close()
    finally:
        lock.release()
    return 0


def run_bot(settings: Settings) -> int:
    """`python -m bot run` with a token."""
    try:
        return asyncio.run(main(settings))
    except KeyboardInterrupt:
        return 0
