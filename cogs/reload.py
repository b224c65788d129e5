"""Live reload (`!reload`, owner only, and a watch on the store file) and "status changed" posts."""

from __future__ import annotations

import asyncio
import logging

from discord.ext import commands, tasks

from bot.answers.commands.changes import (
    change_snapshot,
    changes_since,
    compare,
    status_change_answer,
    store_fingerprint,
    worth_posting,
)
from bot.answers.engine import Engine
from bot.answers.types import Answer
from bot.glue.embeds import answer_embed
from bot.glue.views import change_view
from bot.paths import DataPaths
from bot.posting.sending.change_poster import ChangePoster
from bot.posting.sending.changes import ChangeLog, tagged_change
from bot.posting.sending.claims import nonce
from bot.posting.settings.subscriptions import Subscription
from bot.reload import Reloader, ReloadResult
from cogs.delivery import posted_with_tag, send_post, stop_gracefully, tag_footer, tell_server

log = logging.getLogger(__name__)
WATCH_SECONDS = 10


class Reload(commands.Cog):
    """Swaps in a rebuilt fact store without a restart and tells subscribers what changed."""

    def __init__(self, bot):
        self.bot = bot
        self.reloader = Reloader(
            DataPaths(store=bot.settings.facts_path),
            lambda: self.bot.engine,
            self._swap,
            self._engine,
        )
        self.changes = ChangeLog(bot.db)
        self.poster = ChangePoster(
            self.changes,
            self._send,
            self._notify,
            confirm=lambda sub, tag, since, until: posted_with_tag(
                self.bot, sub.channel_id, tag, since, until
            ),
        )
        self._caught_up = False
        self._idle = asyncio.Event()  # clear while the watch is running
        self._idle.set()

    async def cog_load(self) -> None:
        self.watch.start()

    async def cog_unload(self) -> None:
        await stop_gracefully(self.poster, self._idle, self.watch)

    def _engine(self, store) -> Engine:
        current = self.bot.engine
        return Engine(store, prefix=current.prefix, today=current.today)

    def _swap(self, engine: Engine) -> None:
        self.bot.engine = engine  # one step: commands in flight keep the engine they hold

    @commands.command(
        name="reload",
        hidden=True,
        description="Load the fact store again now",
        extras={"example": "reload", "section": "owner"},
    )
    @commands.is_owner()
    async def reload(self, ctx: commands.Context) -> None:
        """Rebuilt first if its sources changed; the bot also does this by itself when the
        store file changes."""
        result = await self.reloader.reload()
        summary = await self._after(result)
        await ctx.send(f"{result.message} {summary}".strip())

    @tasks.loop(seconds=WATCH_SECONDS)
    async def watch(self) -> None:
        if self.poster.stopping:
            return
        self._idle.clear()
        try:
            if not self._caught_up:
                await self.catch_up()
            result = await self.reloader.check()
            if result is not None:
                await self._after(result)
            report = await self.poster.run_once(self.bot.clock())
            if report.due:
                log.info("status change posts: %s", report)
        except Exception:  # the watch must outlive any failure
            log.exception("store watch failed; it will run again")
        finally:
            self._idle.set()

    @watch.before_loop
    async def _wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    async def catch_up(self) -> None:
        """At start: announce a status change made while the bot was stopped."""
        store = self.bot.engine.store
        last = await self.changes.last_digest()
        if last is not None and last[0] != store_fingerprint(store):
            await self._record(changes_since(last[1], store), store)
        await self.changes.save_digest(store_fingerprint(store), change_snapshot(store))
        self._caught_up = True

    async def _after(self, result: ReloadResult) -> str:
        """Record a "status changed" post when the swap moved the digest; say what changed."""
        if not result.swapped:
            return ""
        new = result.new.store
        changes = compare(result.old.store, new)
        summary = (
            f"Status topics changed: {len(changes.status)}"
            f"{' (' + ', '.join(c.label for c in changes.status) + ')' if changes.status else ''}"
            f"; new cast pairs: {len(changes.new_pairs)}; who is back changed: "
            f"{len(changes.returns)}; new lore facts: {len(changes.new_lore)}."
        )
        log.info("store reloaded. %s", summary)
        await self._record(changes, new)
        await self.changes.save_digest(store_fingerprint(new), change_snapshot(new))
        return summary

    async def _record(self, changes, store) -> None:
        if worth_posting(changes):
            post = status_change_answer(changes, store)
            await self.changes.record(store_fingerprint(store), post, self.bot.clock())

    async def _send(self, sub: Subscription, spoilers: bool, answer: Answer, tag: str) -> int:
        # The tag in the footer is how a restart tells a sent post from a lost one.
        embed = tag_footer(answer_embed(answer, spoilers, None), tag)
        view = change_view(tagged_change(tag), answer)  # its quotes, as it was posted
        return await send_post(
            self.bot, sub.channel_id, nonce(sub.channel_id, tag), embed=embed, view=view
        )

    async def _notify(self, sub: Subscription, reason: str) -> None:
        await tell_server(self.bot, sub, reason)


async def setup(bot) -> None:
    await bot.add_cog(Reload(bot))
