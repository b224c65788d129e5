"""A server that removes the bot is forgotten (settings, subscriptions, their delivery records);
`run` starts the bot auto-sharded."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import discord

from bot.answers.engine import Engine
from bot.client import HyosanBot, ShardedHyosanBot
from bot.config import Settings
from bot.posting.sending.changes import ChangeLog
from bot.posting.settings.options import SubscribeOptions, new_subscription
from bot.posting.settings.subscriptions import SettingsDB

NOW = dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC)
GONE, STAYS = 111, 222


async def test_a_removed_server_is_forgotten_and_no_other(store, tmp_path):
    db = await SettingsDB.open(tmp_path / "s.sqlite")
    try:
        for guild in (GONE, STAYS):
            opts = SubscribeOptions("18:30", "daily", False)
            await db.subscribe(new_subscription(guild, guild + 1, 7, opts, NOW))
            await db.set_spoilers(guild, False)
            await db.set_timezone(guild, "Asia/Seoul")
            await ChangeLog(db).set_opt_in(guild, guild + 1, False)
        bot = HyosanBot(settings=Settings(), engine=Engine(store), db=db)
        guild = mock.Mock(spec=discord.Guild, id=GONE)
        await bot.on_guild_remove(guild)
        assert [s.guild_id for s in await db.subscriptions()] == [STAYS]
        assert await db.spoilers(GONE) and await db.timezone(GONE) == "UTC"
        assert not await db.spoilers(STAYS) and await db.timezone(STAYS) == "Asia/Seoul"
        assert await ChangeLog(db).opted_out() == {(STAYS, STAYS + 1)}
    finally:
        await db.close()


def test_run_starts_one_process_for_every_shard():
    assert issubclass(ShardedHyosanBot, discord.AutoShardedClient)
    assert issubclass(ShardedHyosanBot, HyosanBot)
