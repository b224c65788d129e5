"""The "status changed" post through dpytest carries who is back: a return confirmed or
denied and new cast, each with its deciding quote, on reload and at start after a stop."""

from __future__ import annotations

import datetime as dt

import discord.ext.test as dpytest
import pytest

from bot.answers.engine import Engine
from bot.facts.store import load_store
from bot.posting.settings.options import SubscribeOptions, new_subscription
from tests.cogs.harness import start_reloading_bot, stop_bot
from tests.conftest import TODAY, add_article

NOW = dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC)
# Cast news only: no status topic moves, so only who is back can make the post.
CASTING = (
    "Casting desk\n\n"
    "The streamer announced that Yoon Chan-young will reprise his role as Lee Cheong-san in "
    "Season 2.\n\n"
    "Some outlets reported that Lee Yoo-mi would return as Lee Na-yeon. Her agency was quick "
    "to deny it.\n\n"
    "Kang Ye-seul has been cast as Corporal Min Ha-rin, a medic at the camp.\n"
)


@pytest.fixture
async def setup(tmp_path):
    client, cog, paths = await start_reloading_bot(tmp_path, clock=lambda: NOW)
    channel = client.guilds[0].text_channels[0]
    opts = SubscribeOptions("18:00", "daily", True)
    await client.db.subscribe(
        new_subscription(client.guilds[0].id, channel.id, 1, opts, NOW - dt.timedelta(days=1))
    )
    yield client, cog, paths
    await stop_bot(client)


def _said(post) -> str:
    return post.embeds[0].description


async def test_a_reload_posts_who_is_back_with_the_quotes(setup):
    _, cog, paths = setup
    add_article(paths, "941_casting", CASTING, "2026-10-12")
    summary = await cog._after(await cog.reloader.reload())
    assert "who is back changed: 3" in summary
    assert (await cog.poster.run_once(NOW)).posted == 1
    text = _said(dpytest.get_message())
    assert "Who is back:" in text
    assert "Lee Cheong-san (Yoon Chan-young): expected → confirmed [" in text
    assert "“The streamer announced that Yoon Chan-young will reprise" in text
    assert "Lee Na-yeon (Lee Yoo-mi): not said → denied [" in text
    assert "Min Ha-rin (Kang Ye-seul): new cast [" in text
    await dpytest.empty_queue()


async def test_who_is_back_changed_while_stopped_is_posted_at_start(setup):
    bot, cog, paths = setup
    await cog.catch_up()
    add_article(paths, "941_casting", CASTING, "2026-10-12")
    bot.engine = Engine(await load_store(paths), today=lambda: TODAY)  # restarted on it
    await cog.catch_up()
    [change] = await cog.changes.pending(NOW)
    lines = [line.text for line in change.answer.lines]
    assert "Lee Cheong-san (Yoon Chan-young): expected → confirmed" in " ".join(lines)
    await cog.catch_up()  # announced once
    assert len(await cog.changes.pending(NOW)) == 1
