"""`run` as a service: start-up failures are one line, crashes are retried (bounded), and
SIGTERM closes the bot cleanly. A fake bot stands in for Discord; nothing waits."""

from __future__ import annotations

import asyncio
import os
import signal
from unittest import mock

import aiohttp
import discord
import pytest

from bot.client import (
    MAX_RESTARTS_PER_HOUR,
    StartupFailure,
    Supervisor,
    configure_endpoints,
    describe_failure,
)
from bot.config import Settings


class FakeBot:
    """Runs a script: each start either fails at once, fails after READY, or runs until closed."""

    def __init__(self, outcome):
        self.outcome = outcome
        self.online_once = False
        self.closed = asyncio.Event()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.closed.set()

    async def start(self, token):
        kind, exc = self.outcome
        if kind == "ready":
            self.online_once = True
        if exc is not None:
            raise exc
        await self.closed.wait()

    async def close(self):
        self.closed.set()


def response(status):
    return mock.Mock(status=status, reason="Service Unavailable")


def supervisor(outcomes):
    bots = []
    pauses = []

    def make():
        bots.append(FakeBot(outcomes.pop(0)))
        return bots[-1]

    async def pause(seconds):
        pauses.append(seconds)

    return Supervisor(make, "t0k3n", pause=pause), bots, pauses


@pytest.mark.parametrize(
    ("exc", "needle"),
    [
        (discord.LoginFailure("bad"), "rejected the token"),
        (discord.HTTPException(response(503), "down"), "HTTP 503"),
        (discord.GatewayNotFound(), "gateway failed"),
        (
            aiohttp.WSServerHandshakeError(mock.Mock(real_url="x"), (), status=502),
            "handshake failed (HTTP 502)",
        ),
        (aiohttp.ClientConnectorError(mock.Mock(), OSError("no route")), "cannot reach"),
        (KeyError("op"), "stopped unexpectedly (KeyError)"),
    ],
)
async def test_start_up_failures_are_one_line_saying_which(exc, needle):
    sup, bots, _ = supervisor([("fail", exc)])
    with pytest.raises(StartupFailure) as info:
        await sup.run()
    assert needle in str(info.value) and "\n" not in str(info.value)
    assert len(bots) == 1  # never retried before the bot was ever online
    assert needle in describe_failure(exc)


async def test_gateway_close_4004_is_a_rejected_token_and_never_retried():
    closed = discord.ConnectionClosed(mock.Mock(close_code=4004), shard_id=None, code=4004)
    sup, bots, _ = supervisor([("ready", closed), ("fail", KeyError("retried"))])
    with pytest.raises(StartupFailure, match="rejected the token") as info:
        await sup.run()
    assert "try again later" not in str(info.value) and len(bots) == 1


async def test_a_crash_after_ready_is_retried_with_backoff(caplog):
    crash = KeyError("unexpected gateway payload")
    sup, bots, pauses = supervisor([("ready", crash), ("ready", crash), ("ready", None)])
    task = asyncio.create_task(sup.run())
    while len(bots) < 3:
        await asyncio.sleep(0)
    sup.stop()
    await asyncio.wait_for(task, 5)
    assert pauses == [5.0, 10.0] and bots[-1].closed.is_set()
    assert all(r.exc_info is None for r in caplog.records if r.levelname == "ERROR")


async def test_crashes_are_bounded_per_hour():
    outcomes = [("ready", KeyError("x"))] * (MAX_RESTARTS_PER_HOUR + 1)
    sup, bots, pauses = supervisor(list(outcomes))
    with pytest.raises(StartupFailure, match="times in an hour"):
        await sup.run()
    assert len(bots) == MAX_RESTARTS_PER_HOUR + 1 and max(pauses) <= 300


async def test_sigterm_closes_the_bot_cleanly():
    sup, bots, _ = supervisor([("ready", None)])
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, sup.stop)
    try:
        task = asyncio.create_task(sup.run())
        while not bots or not bots[0].online_once:
            await asyncio.sleep(0)
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(task, 5)
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
    assert bots[0].closed.is_set() and len(bots) == 1


def test_self_hosted_endpoints_reach_discord_py(monkeypatch):
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    gw = discord.gateway.DiscordWebSocket
    monkeypatch.setattr(gw, "DEFAULT_GATEWAY", gw.DEFAULT_GATEWAY)
    configure_endpoints(
        Settings(api_base="http://127.0.0.1:3001/api/v9", gateway_url="ws://127.0.0.1:3002")
    )
    assert (
        discord.http.Route("GET", "/gateway/bot").url == "http://127.0.0.1:3001/api/v9/gateway/bot"
    )
    assert str(gw.DEFAULT_GATEWAY) == "ws://127.0.0.1:3002"


def test_a_failure_inside_discord_pys_reconnect_is_described_by_its_cause():
    handshake = aiohttp.WSServerHandshakeError(mock.Mock(real_url="x"), (), status=404)
    try:
        try:
            raise handshake
        except aiohttp.ClientError:
            _ = None.sequence  # what discord.py does when the first connection never opened
    except AttributeError as exc:
        chained = exc
    assert "handshake failed (HTTP 404)" in describe_failure(chained)


def test_reconnect_tracebacks_become_one_line():
    import logging
    import sys

    from bot.client import OneLineReconnects

    try:
        raise aiohttp.ClientConnectorError(mock.Mock(), OSError("no route"))
    except aiohttp.ClientError:
        info = sys.exc_info()
    record = logging.LogRecord(
        "discord.client",
        logging.ERROR,
        __file__,
        1,
        "Attempting a reconnect in %.2fs",
        (1.5,),
        info,
    )
    assert OneLineReconnects().filter(record) and record.exc_info is None
    assert "cannot reach Discord" in record.getMessage() and "1.50s" in record.getMessage()
