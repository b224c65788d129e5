"""The dpytest bot most cog tests talk to: the real store, an in-memory settings DB, two
members. A module that needs another setup defines its own `bot` fixture."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.posting.settings.subscriptions import SettingsDB
from tests.cogs.harness import start_bot, stop_bot
from tests.conftest import TODAY


@pytest.fixture
async def bot(store):
    db = await SettingsDB.open(":memory:")
    client = await start_bot(Engine(store, today=lambda: TODAY), db, members=2)
    yield client
    await stop_bot(client)
