"""`!status <topic>` through the real command parser, beside the subscription sub-commands."""

from __future__ import annotations

from tests.cogs.harness import say


async def test_status_topic_through_the_group(bot):
    for typed, title in [
        ("!status", "Season 2 status"),
        ("!status trailers", "Season 2 status: Trailer"),
        ("!status release window", "Season 2 status: Release window"),
        ("!status show filming", "Season 2 status: Filming"),
    ]:
        assert (await say(typed)).embeds[0].title == title, typed
    refused = await say("!status subscriptions")  # still the sub-command, not a topic
    assert "Manage Server" in refused.content
