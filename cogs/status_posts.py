"""Scheduled status posts: the loop that runs the schedule (bot.posting.sending.scheduler)
every tick and sends each due post to its channel."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import discord
from discord.ext import commands, tasks

from bot.answers.evidence.status.digest import fingerprint
from bot.glue.embeds import answer_embed
from bot.glue.views import quotes_view
from bot.posting.sending.claims import nonce, slot_key
from bot.posting.sending.scheduler import StatusPoster, slot_tag
from bot.posting.settings.subscriptions import Subscription
from cogs.delivery import posted_with_tag, send_post, stop_gracefully, tag_footer, tell_server

log = logging.getLogger(__name__)
TICK_SECONDS = 30


class StatusPosts(commands.Cog):
    """The loop that posts the Season 2 digest to subscribed channels on schedule."""

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
        await stop_gracefully(self.poster, self._idle, self.post_loop)

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

    async def _send(
        self, sub: Subscription, spoilers: bool, note: str | None, slot: dt.datetime
    ) -> int:
        return await send_post(
            self.bot,
            sub.channel_id,
            nonce(sub.channel_id, slot_key(slot)),
            embed=self._embed(spoilers, note, slot),
            view=quotes_view(self.bot.engine.run("status")),
        )

    async def _was_posted(self, sub: Subscription, slot: dt.datetime) -> bool | None:
        # A claim from before leases were kept: the post cannot predate its slot.
        since = sub.claimed_at or slot
        return await posted_with_tag(
            self.bot, sub.channel_id, slot_tag(slot), since, sub.claim_until
        )

    async def _notify(self, sub: Subscription, reason: str) -> None:
        await tell_server(self.bot, sub, reason)


async def setup(bot) -> None:
    await bot.add_cog(StatusPosts(bot))
