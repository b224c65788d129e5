"""`/status show topic:` takes what `!status` takes: a typo offers (and answers) the topic."""

from __future__ import annotations

from unittest import mock

import discord
import pytest

from cogs.status import Status
from tests.cogs.test_cogs import slash_ctx


@pytest.mark.parametrize(
    "typed, topic",
    [
        ("trailr", "trailer"),
        ("filmng", "filming"),
        ("relase", "release"),
        ("episdes", "episodes"),
        ("renewl", "renewal"),
        ("trai", "trailer"),
    ],
)
async def test_a_typed_topic_with_a_typo_is_offered(bot, typed, topic):
    cog = bot.get_cog("Status")
    interaction = mock.MagicMock(spec=discord.Interaction)
    assert [c.value for c in await cog.topic_autocomplete(interaction, typed)] == [topic]


async def test_nonsense_is_offered_nothing(bot):
    cog = bot.get_cog("Status")
    interaction = mock.MagicMock(spec=discord.Interaction)
    assert await cog.topic_autocomplete(interaction, "xyzzyq") == []
    assert "subscribe" not in [c.value for c in await cog.topic_autocomplete(interaction, "subscr")]


async def test_slash_status_with_a_typo_answers_the_topic(bot):
    ctx = slash_ctx(bot)
    await Status.status.callback(bot.get_cog("Status"), ctx, topic="trailr")
    embed = ctx.send.await_args.kwargs["embed"]
    assert embed.title == "Season 2 status: Trailer" and len(embed.description) < 2000
