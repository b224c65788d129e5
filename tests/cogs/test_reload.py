"""Live reload through dpytest: `!reload`, the store watch, and the "status changed" post."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest

from bot.answers.engine import Engine
from bot.facts.sources.ingest import read_article
from bot.facts.sources.library import add_source
from bot.facts.store import load_store
from bot.posting.settings.options import SubscribeOptions, new_subscription
from tests.cogs.harness import say, start_reloading_bot, stop_bot
from tests.conftest import TODAY

PAGE = Path(__file__).parent.parent / "facts" / "pages" / "trailer_article.html"
NOW = dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC)


@pytest.fixture
async def setup(tmp_path):
    client, cog, paths = await start_reloading_bot(tmp_path, clock=lambda: NOW)
    client.owner_id = dpytest.get_config().members[0].id
    yield client, cog, paths
    await stop_bot(client)


def add_trailer(paths) -> None:
    add_source(paths, read_article(str(PAGE), today=TODAY.replace(day=22)), TODAY)


async def test_reload_is_owner_only_and_swaps_the_engine_in_one_step(setup):
    bot, cog, paths = setup
    old = bot.engine
    assert "Only the bot's owner" in (await say("!reload", member=1)).content
    add_trailer(paths)
    reply = (await say("!reload")).content
    assert reply.startswith("Reloaded: 5 → 6 sources. Status topics changed: ")
    assert "Trailer" in reply and "new cast pairs: 1;" in reply
    assert bot.engine is not old and len(old.store.sources) == 5  # in-flight work keeps old
    status = await say("!status")
    assert "As of 2026-09-30" in status.embeds[0].description
    [change] = await cog.changes.pending(NOW)
    assert any(line.text.startswith("Trailer: No trailer yet") for line in change.answer.lines)
    assert (await say("!reload")).content.startswith("The store is unchanged")


async def test_a_store_that_fails_to_load_keeps_the_old_one(setup):
    bot, _, paths = setup
    old = bot.engine
    paths.manifest.write_text("[[source]\nbroken", encoding="utf-8")
    reply = await say("!reload")
    assert reply.content.startswith("Reload failed, still answering from the old store:")
    assert "sources.toml" in reply.content and bot.engine is old
    assert "As of 2024-04-09" in (await say("!status")).embeds[0].description


async def test_the_watch_notices_a_rebuilt_store_once(setup):
    bot, cog, paths = setup
    assert await cog.reloader.check() is None  # nothing new on disk
    add_trailer(paths)
    result = await cog.reloader.check()
    assert result.swapped and len(bot.engine.store.sources) == 6
    assert await cog.reloader.check() is None


async def test_the_watch_says_once_when_it_skips_a_garbage_store(setup, caplog):
    _, cog, paths = setup
    paths.store.write_bytes(b"garbage" * 1000)
    assert await cog.reloader.check() is None
    assert await cog.reloader.check() is None  # the same file: not said again
    said = [r.getMessage() for r in caplog.records if "not a readable fact store" in r.message]
    assert len(said) == 1 and "facts.sqlite" in said[0]


async def test_subscribers_get_one_status_changed_post(setup):
    bot, cog, paths = setup
    channel = bot.guilds[0].text_channels[0]
    opts = SubscribeOptions("18:00", "daily", True)
    await bot.db.subscribe(
        new_subscription(bot.guilds[0].id, channel.id, 1, opts, NOW - dt.timedelta(days=1))
    )
    add_trailer(paths)
    await cog._after(await cog.reloader.reload())
    report = await cog.poster.run_once(NOW)
    assert report.posted == 1
    post = dpytest.get_message()
    assert post.embeds[0].title == "Season 2 status changed"
    assert (
        "Trailer: No trailer yet (2024-04-09) → Teaser out, 30 September 2026 (2026-09-30) ["
        in (post.embeds[0].description)
    )
    assert "2026-09-30" in post.embeds[0].fields[0].value
    assert (await cog.poster.run_once(NOW)).posted == 0
    await dpytest.empty_queue()


async def test_a_change_made_while_the_bot_was_stopped_is_announced_at_start(setup):
    bot, cog, paths = setup
    await cog.catch_up()  # the bot ran once on the old store
    assert await cog.changes.pending(NOW) == []
    add_trailer(paths)
    bot.engine = Engine(await load_store(paths), today=lambda: TODAY)  # restarted on the new one
    await cog.catch_up()
    [change] = await cog.changes.pending(NOW)
    assert any(line.text.startswith("Trailer: No trailer yet") for line in change.answer.lines)
    await cog.catch_up()  # and the next start does not announce it again
    assert len(await cog.changes.pending(NOW)) == 1


async def test_subscribe_with_changes_off_opts_the_channel_out(setup):
    bot, cog, _ = setup
    channel = bot.guilds[0].text_channels[0]
    role = dpytest.backend.make_role(
        "Admins", bot.guilds[0], permissions=discord.Permissions(manage_guild=True).value
    )
    await dpytest.add_role(dpytest.get_config().members[1], role)
    ok = await say(f"!status subscribe {channel.mention} 18:00 changes:off", member=1)
    assert 'no "status changed" posts' in ok.content
    assert await cog.changes.opted_out() == {(bot.guilds[0].id, channel.id)}
    assert "no change posts" in (await say("!status subscriptions", member=1)).content
    await say(f"!status subscribe {channel.mention} 18:00", member=1)
    assert await cog.changes.opted_out() == set()
