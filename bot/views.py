"""The "Quotes" button under every answer: the verbatim quotes behind it, one tap away.

The button's custom_id carries the message the answer replied to ("hq:/status trailer"), so a
click after a restart rebuilds the same answer from the store and shows its quotes: nothing is
held in memory. A message too long for a custom_id gets an in-memory button instead, which
disables itself cleanly when its timeout ends.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from bot.answers.types import Answer
from bot.embeds import quotes_embed

log = logging.getLogger(__name__)

PREFIX = "hq:"
CUSTOM_ID_LIMIT = 100  # Discord's limit on a component's custom_id
LABEL = "Quotes"
EMOJI = "\N{SPEECH BALLOON}"
TIMEOUT = 15 * 60.0  # seconds an in-memory button lives


def custom_id_for(query: str) -> str | None:
    """The persistent custom_id for an answer's query, or None when it does not fit."""
    cid = PREFIX + query
    return cid if query and len(cid) <= CUSTOM_ID_LIMIT else None


async def _spoilers(client: Any, guild: discord.abc.Snowflake | None) -> bool:
    return await client.db.spoilers(guild.id if guild else None)


async def send_quotes(interaction: discord.Interaction, answer: Answer) -> None:
    """Answer a click: ephemeral where the answer came from a slash command, else a reply
    under the answer itself (a prefix command's answer is public, so are its quotes)."""
    embed = quotes_embed(answer, await _spoilers(interaction.client, interaction.guild))
    message = interaction.message
    slash = message is None or message.interaction_metadata is not None
    if slash:
        await interaction.response.send_message(embed=embed, ephemeral=True)
        return
    await interaction.response.defer()
    try:
        await message.reply(
            embed=embed, mention_author=False, allowed_mentions=discord.AllowedMentions.none()
        )
    except discord.HTTPException:  # e.g. no Read Message History: show it to the clicker
        await interaction.followup.send(embed=embed, ephemeral=True)


class QuotesButton(discord.ui.DynamicItem[discord.ui.Button], template=r"hq:(?P<query>.+)"):
    """A restart-safe Quotes button: the answer is rebuilt from the query in its custom_id."""

    def __init__(self, query: str):
        cid = custom_id_for(query)
        if cid is None:
            raise ValueError("query too long for a custom_id")
        super().__init__(
            discord.ui.Button(
                label=LABEL, emoji=EMOJI, style=discord.ButtonStyle.secondary, custom_id=cid
            )
        )
        self.query = query

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> QuotesButton:
        return cls(match["query"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await send_quotes(interaction, interaction.client.engine.answer(self.query))
        except Exception as exc:  # discord.py only logs a dynamic item's errors
            interaction.client.dispatch("view_error", interaction, exc, self)


class TimedQuotesView(discord.ui.View):
    """The fallback for a query too long to carry: holds the answer until it times out, then
    greys the button out so a click never fails silently."""

    def __init__(self, answer: Answer, timeout: float = TIMEOUT):
        super().__init__(timeout=timeout)
        self.answer = answer
        self.message: discord.Message | None = None

    @discord.ui.button(label=LABEL, emoji=EMOJI, style=discord.ButtonStyle.secondary)
    async def quotes(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await send_quotes(interaction, self.answer)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item) -> None:
        interaction.client.dispatch("view_error", interaction, error, item)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
                item.label = f"{LABEL} (expired: reply !quotes)"
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException:
                log.info("could not disable an expired Quotes button")


def quotes_view(answer: Answer) -> discord.ui.View | None:
    """The view to send under an answer: none when it cites nothing."""
    if not answer.citations:
        return None
    if custom_id_for(answer.query):
        view = discord.ui.View(timeout=None)
        view.add_item(QuotesButton(answer.query))
        return view
    return TimedQuotesView(answer)


def query_of(message: discord.Message) -> str | None:
    """The query behind one of the bot's answers, read from its Quotes button."""
    for row in getattr(message, "components", None) or []:
        for child in getattr(row, "children", [row]):
            cid = getattr(child, "custom_id", None) or ""
            if cid.startswith(PREFIX):
                return cid[len(PREFIX) :]
    return None
