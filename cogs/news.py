"""Following the news in the running bot: the feed poll as a task, and the owner's review
message with Approve / Reject buttons. The work is bot.news's; this cog only schedules it and
renders. An approved or trusted article rebuilds the store; the Reload cog's watch swaps it in
and posts "status changed" to subscribers (nothing here announces anything)."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord
from discord.ext import commands, tasks

from bot.errors import BuildError, SettingsError
from bot.glue.reply_context import reply_nonce
from bot.news.poll import Poller
from bot.news.review import approve, reject, review_lines
from bot.news.state import FeedState
from bot.paths import DataPaths

log = logging.getLogger(__name__)
POLL_SECONDS = 60  # how often due feeds are looked for; each feed has its own interval


def _paths(bot) -> DataPaths:
    return DataPaths(store=bot.settings.facts_path)


TEMPLATE = r"hn:(?P<verb>[ar]):(?P<id>\d+)"


class ReviewButton(discord.ui.DynamicItem[discord.ui.Button], template=TEMPLATE):
    """Approve or Reject one news item; the item id rides in the custom_id, so a click after
    a restart still works. Only the bot's owner may decide."""

    def __init__(self, verb: str, item_id: int):
        approve_it = verb == "a"
        super().__init__(
            discord.ui.Button(
                label="Approve" if approve_it else "Reject",
                style=discord.ButtonStyle.success if approve_it else discord.ButtonStyle.danger,
                custom_id=f"hn:{verb}:{item_id}",
            )
        )
        self.verb, self.item_id = verb, item_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ReviewButton:
        return cls(match["verb"], int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        if not await interaction.client.is_owner(interaction.user):
            await interaction.response.send_message(
                "Only the bot's owner can review news.", ephemeral=True
            )
            return
        await interaction.response.defer()
        reply = await decide(interaction.client, self.verb, self.item_id)
        await interaction.followup.send(reply)
        if interaction.message is not None:
            try:
                await interaction.message.edit(view=None)  # decided: no second click
            except discord.HTTPException:
                log.info("could not remove the review buttons of item %d", self.item_id)


async def decide(bot, verb: str, item_id: int) -> str:
    """Approve or reject an item (in a worker thread: approving rebuilds); the line to show."""
    paths = _paths(bot)

    def work() -> str:
        state = FeedState(paths.feeds_db)
        try:
            if verb == "a":
                line = approve(paths, state, item_id).line()
                return f"{line}. The store reloads shortly; subscribers hear of any change."
            return reject(state, item_id).line()
        finally:
            state.close()

    try:
        return await asyncio.to_thread(work)
    except (BuildError, SettingsError) as exc:
        return f"Could not do that: {exc}"


def review_view(item_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ReviewButton("a", item_id))
    view.add_item(ReviewButton("r", item_id))
    return view


class News(commands.Cog):
    """Polls the feeds on their schedule and sends the owner each item waiting for review."""

    def __init__(self, bot):
        self.bot = bot
        self.paths = _paths(bot)
        self._told_dm_failed = False  # a closed DM is logged once, not every minute

    async def cog_load(self) -> None:
        self.poll.start()

    async def cog_unload(self) -> None:
        self.poll.cancel()

    @tasks.loop(seconds=POLL_SECONDS)
    async def poll(self) -> None:
        if not self.paths.feeds_db.exists():
            return  # no feed followed yet (`hyosan-bot feeds add URL`)
        state = FeedState(self.paths.feeds_db)
        try:
            await Poller(self.paths, state, now=self.bot.clock).run()
            await self.notify(state)
        except Exception:  # one bad tick must not end the loop
            log.exception("news poll failed; trying again in %d s", POLL_SECONDS)
        finally:
            state.close()

    async def notify(self, state: FeedState) -> None:
        """Send the owner each pending item not sent yet (by DM)."""
        items = state.unnotified()
        if not items:
            return
        owner = await self._owner()
        if owner is None:
            return
        for item in items:
            embed = discord.Embed(
                title=f"News to review (item {item.id})"[:256],
                description="\n".join(review_lines(item))[:4096],
            )
            try:
                # a retry of a send whose answer was lost is dropped by Discord, not doubled
                once = reply_nonce(owner.id, item.id, kind="review")
                await owner.send(embed=embed, view=review_view(item.id), nonce=once)
            except discord.HTTPException as exc:
                if not self._told_dm_failed:
                    log.warning(
                        "could not DM the owner news item %d (%s); `hyosan-bot news pending` "
                        "lists what waits", item.id, exc,
                    )
                self._told_dm_failed = True
                return
            self._told_dm_failed = False
            state.mark_notified(item.id)

    async def _owner(self) -> discord.abc.User | None:
        owner_id = self.bot.owner_id
        if owner_id is None:
            app = await self.bot.application_info()
            owner_id = app.team.owner_id if app.team else app.owner.id
            self.bot.owner_id = owner_id
        return self.bot.get_user(owner_id) or await self.bot.fetch_user(owner_id)


async def setup(bot) -> None:
    bot.add_dynamic_items(ReviewButton)  # review buttons keep working across restarts
    await bot.add_cog(News(bot))
