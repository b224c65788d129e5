"""The "Quotes" button under every answer: the verbatim quotes behind it, one tap away.

Every button works after a restart, because nothing it needs is held in memory:
- `hq:<query>`: the message the answer replied to ("hq:/status trailer"); a click rebuilds the
  same answer from the store;
- `hqm`: a question too long for a custom_id, kept in the settings DB against the answer's
  message id (bot.posting.settings.quoted); an answer whose question could not be kept loses the
  button instead (`needs_storing`, cogs.replies);
- `hqc:<id>`: a "status changed" post, read back from the change log as it was posted.
A click counts in the member's cooldown, like a command.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from bot.answers.types import Answer
from bot.glue.cooldown import Verdict, slow_down
from bot.glue.embeds import quotes_embed
from bot.glue.reply_context import reply_nonce
from bot.posting.settings import quoted

log = logging.getLogger(__name__)

PREFIX = "hq:"
STORED = "hqm"
CHANGE = "hqc:"
CUSTOM_ID_LIMIT = 100  # Discord's limit on a component's custom_id
LABEL = "Quotes"
EMOJI = "\N{SPEECH BALLOON}"
GONE = "I no longer have the question behind this answer; ask it again for its quotes."


def custom_id_for(query: str) -> str | None:
    """The persistent custom_id for an answer's query, or None when it does not fit."""
    cid = PREFIX + query
    return cid if query and len(cid) <= CUSTOM_ID_LIMIT else None


def _button(custom_id: str) -> discord.ui.Button:
    return discord.ui.Button(
        label=LABEL, emoji=EMOJI, style=discord.ButtonStyle.secondary, custom_id=custom_id
    )


async def _spoilers(client: Any, guild: discord.abc.Snowflake | None) -> bool:
    return await client.db.spoilers(guild.id if guild else None)


async def _click(interaction: discord.Interaction, item, answer) -> None:
    """Answer a click with the answer `answer()` gives, unless over the member's cooldown;
    a failure goes to cogs.errors (discord.py only logs a dynamic item's errors)."""
    try:
        if not await _too_fast(interaction):
            await send_quotes(interaction, await answer())
    except Exception as exc:
        interaction.client.dispatch("view_error", interaction, exc, item)


async def _too_fast(interaction: discord.Interaction) -> bool:
    """Count the click in the member's cooldown; when over it, say so (privately)."""
    cooldown = getattr(interaction.client, "cooldown", None)
    if cooldown is None or cooldown.hit(interaction.user.id) is Verdict.ALLOW:
        return False
    wait = slow_down(cooldown.retry_after(interaction.user.id))
    await interaction.response.send_message(wait, ephemeral=True)
    return True


async def send_quotes(interaction: discord.Interaction, answer: Answer | None) -> None:
    """Answer a click: ephemeral where the answer came from a slash command, else a reply
    under the answer itself (a prefix command's answer is public, so are its quotes)."""
    if answer is None:
        await interaction.response.send_message(GONE, ephemeral=True)
        return
    embed = quotes_embed(answer, await _spoilers(interaction.client, interaction.guild))
    message = interaction.message
    slash = message is None or message.interaction_metadata is not None
    if slash:
        await interaction.response.send_message(embed=embed, ephemeral=True)
        return
    await interaction.response.defer()
    try:
        await message.reply(
            embed=embed,
            mention_author=False,
            allowed_mentions=discord.AllowedMentions.none(),
            nonce=reply_nonce(message.channel.id, interaction.id),  # a retry cannot double it
        )
    except discord.HTTPException:  # e.g. no Read Message History: show it to the clicker
        await interaction.followup.send(embed=embed, ephemeral=True)


class QuotesButton(discord.ui.DynamicItem[discord.ui.Button], template=r"hq:(?P<query>.+)"):
    """A restart-safe Quotes button: the answer is rebuilt from the query in its custom_id."""

    def __init__(self, query: str):
        cid = custom_id_for(query)
        if cid is None:
            raise ValueError("query too long for a custom_id")
        super().__init__(_button(cid))
        self.query = query

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> QuotesButton:
        return cls(match["query"])

    async def callback(self, interaction: discord.Interaction) -> None:
        async def answer():
            return interaction.client.engine.answer(self.query)

        await _click(interaction, self, answer)


class StoredQuotesButton(discord.ui.DynamicItem[discord.ui.Button], template=STORED):
    """The button of an answer whose question is kept in the settings DB."""

    def __init__(self):
        super().__init__(_button(STORED))

    @classmethod
    async def from_custom_id(cls, interaction, item, match, /) -> StoredQuotesButton:
        return cls()

    async def callback(self, interaction: discord.Interaction) -> None:
        await _click(interaction, self, lambda: answer_of(interaction.client, interaction.message))


class ChangeQuotesButton(discord.ui.DynamicItem[discord.ui.Button], template=r"hqc:(?P<id>\d+)"):
    """The button of a "status changed" post: its quotes as it was posted."""

    def __init__(self, change_id: int):
        super().__init__(_button(f"{CHANGE}{change_id}"))
        self.change_id = change_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match, /) -> ChangeQuotesButton:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        db = interaction.client.db
        await _click(interaction, self, lambda: quoted.change_post(db, self.change_id))


BUTTONS = (QuotesButton, StoredQuotesButton, ChangeQuotesButton)  # bot.add_dynamic_items


def _view(item: discord.ui.Item) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(item)
    return view


def quotes_view(answer: Answer) -> discord.ui.View | None:
    """The view to send under an answer: none when it cites nothing."""
    if not answer.citations:
        return None
    if custom_id_for(answer.query):
        return _view(QuotesButton(answer.query))
    return _view(StoredQuotesButton())


def change_view(change_id: int, answer: Answer) -> discord.ui.View | None:
    """The view under a "status changed" post."""
    return _view(ChangeQuotesButton(change_id)) if answer.citations else None


def needs_storing(view: discord.ui.View | None) -> bool:
    """Whether the answer's question must be kept against its message id once sent."""
    return view is not None and any(isinstance(i, StoredQuotesButton) for i in view.children)


def _custom_ids(message: discord.Message):
    for row in getattr(message, "components", None) or []:
        for child in getattr(row, "children", [row]):
            yield getattr(child, "custom_id", None) or ""


def has_quotes(message: discord.Message) -> bool:
    return any(c == STORED or c.startswith((PREFIX, CHANGE)) for c in _custom_ids(message))


async def answer_of(client: Any, message: discord.Message) -> Answer | None:
    """The answer behind one of the bot's messages, read from its Quotes button (and the
    settings DB for the kinds kept there); None when it has none."""
    for cid in _custom_ids(message):
        if cid.startswith(PREFIX):
            return client.engine.answer(cid[len(PREFIX) :])
        if cid == STORED:
            query = await quoted.recall(client.db, message.id)
            return client.engine.answer(query) if query else None
        if cid.startswith(CHANGE) and cid[len(CHANGE) :].isdigit():
            return await quoted.change_post(client.db, int(cid[len(CHANGE) :]))
    return None
