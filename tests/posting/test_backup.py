"""`hyosan-bot backup`: a checked copy of the settings database, taken while it is open and
being written (WAL mode), that opens as a settings database again."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.errors import SettingsError
from bot.posting.settings.backup import backup
from bot.posting.settings.options import SubscribeOptions, new_subscription
from bot.posting.settings.subscriptions import SettingsDB

NOW = dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC)


async def test_a_backup_taken_while_the_bot_writes_restores_every_committed_write(tmp_path):
    live = await SettingsDB.open(tmp_path / "settings.sqlite")
    try:
        opts = SubscribeOptions("18:30", "daily", False)
        for guild in (1, 2):
            await live.subscribe(new_subscription(guild, 10 + guild, 7, opts, NOW))
        await live.set_timezone(1, "Asia/Seoul")
        done = backup(tmp_path / "settings.sqlite", tmp_path / "copy.sqlite")
        await live.unsubscribe(2)  # the bot goes on writing; the copy keeps what it took
    finally:
        await live.close()
    assert (done.servers, done.subscriptions) == (2, 2)
    restored = await SettingsDB.open(done.path)
    try:
        assert [s.guild_id for s in await restored.subscriptions()] == [1, 2]
        assert await restored.timezone(1) == "Asia/Seoul"
    finally:
        await restored.close()


def test_backup_never_overwrites_and_says_so_in_one_line(tmp_path):
    (tmp_path / "old.sqlite").write_text("keep me")
    with pytest.raises(SettingsError, match="already exists"):
        backup(tmp_path / "old.sqlite", tmp_path / "old.sqlite")
    with pytest.raises(SettingsError, match="nothing to back up"):
        backup(tmp_path / "none.sqlite", tmp_path / "new.sqlite")
    assert (tmp_path / "old.sqlite").read_text() == "keep me"


def test_a_damaged_database_leaves_no_backup(tmp_path):
    (tmp_path / "bad.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(SettingsError):
        backup(tmp_path / "bad.sqlite", tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()
