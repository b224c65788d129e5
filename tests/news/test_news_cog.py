"""The news cog on dpytest: a feed on loopback → the owner's review DM → Approve → `!status`
cites the article with its link → subscribers get one "status changed" post."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from unittest.mock import AsyncMock

import discord.ext.test as dpytest
import pytest

import cogs.news
from bot.answers.engine import Engine
from bot.facts.building.build import build
from bot.facts.store import load_store
from bot.glue.reply_context import reply_nonce
from bot.news.state import FeedState
from bot.paths import DataPaths
from bot.posting.settings.options import SubscribeOptions, new_subscription
from bot.posting.settings.subscriptions import SettingsDB
from bot.reload import Reloader
from cogs.news import ReviewButton
from tests.cogs.harness import say, start_bot, stop_bot
from tests.conftest import TODAY, copy_corpus
from tests.news.feeds_data import RELEASE_PAGE, atom

NOW = dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC)


@pytest.fixture
async def setup(tmp_path, server, monkeypatch):
    base = copy_corpus(tmp_path)
    paths = DataPaths.with_sources(
        base.sources_dir, base.manifest, base.store, library=tmp_path / "instance"
    )
    build(paths)
    db = await SettingsDB.open(":memory:")
    engine = Engine(await load_store(paths), today=lambda: TODAY)
    client = await start_bot(engine, db, clock=lambda: NOW, members=2)
    client.owner_id = dpytest.get_config().members[0].id
    reload_cog = client.get_cog("Reload")
    reload_cog.reloader = Reloader(
        paths, lambda: client.engine, reload_cog._swap, reload_cog._engine
    )
    monkeypatch.setattr(cogs.news, "_paths", lambda bot: paths)
    news = client.get_cog("News")
    news.poll.cancel()  # the test drives the ticks
    news.paths = paths
    server.text("/release", RELEASE_PAGE)
    server.text(
        "/atom.xml",
        atom([("urn:a2", server.url("/release"), "All of Us Are Dead season 2 premiere date")]),
        content_type="application/atom+xml",
    )
    state = FeedState(paths.feeds_db)
    state.add_feed(server.url("/atom.xml"), trusted=False, every_s=1800)
    state.close()
    yield client, news, reload_cog, paths, server
    await stop_bot(client)


def click(bot, member, message=None):
    return SimpleNamespace(
        client=bot,
        user=member,
        message=message,
        response=SimpleNamespace(send_message=AsyncMock(), defer=AsyncMock()),
        followup=SimpleNamespace(send=AsyncMock()),
    )


async def test_review_then_approve_then_one_change_post_with_a_link(setup):
    bot, news, reload_cog, _, server = setup
    channel = bot.guilds[0].text_channels[0]
    opts = SubscribeOptions("18:00", "daily", True)
    await bot.db.subscribe(
        new_subscription(bot.guilds[0].id, channel.id, 1, opts, NOW - dt.timedelta(days=1))
    )
    await news.poll()  # one tick of the task, driven by the test
    dm = dpytest.get_message()
    assert dm.embeds[0].title == "News to review (item 1)"
    owner = dpytest.get_config().members[0]
    assert dm.nonce == reply_nonce(owner.id, 1, kind="review")  # a retried DM cannot double
    assert "Hallyu Wire · 2026-11-20 (printed" in dm.embeds[0].description
    view = cogs.news.review_view(1)  # what was sent under it (dpytest keeps no components)
    assert view.is_persistent()
    assert [c.item.custom_id for c in view.children] == ["hn:a:1", "hn:r:1"]
    # After a restart discord.py rebuilds the button from its custom_id alone.
    match = re.fullmatch(cogs.news.TEMPLATE, "hn:a:1")
    rebuilt = await ReviewButton.from_custom_id(None, None, match)
    assert (rebuilt.verb, rebuilt.item_id) == ("a", 1)
    await news.poll()  # the same item is never sent twice
    assert dpytest.verify().message().nothing()

    stranger = dpytest.get_config().members[1]
    refused = click(bot, stranger)
    await ReviewButton("a", 1).callback(refused)
    refused.response.send_message.assert_awaited_once()
    assert "Only the bot's owner" in refused.response.send_message.await_args.args[0]
    assert len(bot.engine.store.sources) == 5

    owner = dpytest.get_config().members[0]
    ok = click(bot, owner)
    await ReviewButton("a", 1).callback(ok)
    assert "approved item 1" in ok.followup.send.await_args.args[0]
    await reload_cog._after(await reload_cog.reloader.reload())  # what the watch does
    status = await say("!status")
    sources = status.embeds[0].fields[0].value
    assert f"[Hallyu Wire]({server.url('/release')})" in sources
    assert (await reload_cog.poster.run_once(NOW)).posted == 1
    post = dpytest.get_message()
    assert post.embeds[0].title == "Season 2 status changed"
    assert (await reload_cog.poster.run_once(NOW)).posted == 0
    again = click(bot, owner)
    await ReviewButton("a", 1).callback(again)
    assert "not waiting for review" in again.followup.send.await_args.args[0]
    await dpytest.empty_queue()
