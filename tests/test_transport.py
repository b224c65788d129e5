"""The bot's HTTP guards that need no server: the reconnect throttle and the rate gate."""

from __future__ import annotations

import logging

from bot.glue.transport import RateGate, ReconnectThrottle


async def test_a_reconnect_storm_is_slowed_and_said_once_a_minute(caplog):
    now = [0.0]
    waits: list[float] = []

    async def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    throttle = ReconnectThrottle(free=5, cap=30.0, clock=lambda: now[0], sleep=sleep)
    with caplog.at_level(logging.WARNING, logger="bot.glue.transport"):
        for _ in range(12):
            await throttle.connecting()
    # Five free, then doubling waits; by the twelfth the first ones are a minute old.
    assert waits == [1, 2, 4, 8, 16, 30] and now[0] == 61
    said = [r for r in caplog.records if "keeps closing" in r.getMessage()]
    assert len(said) == 1 and "6 connects in the last minute" in said[0].getMessage()


async def test_the_gate_spaces_requests_evenly():
    now = [0.0]
    waits: list[float] = []

    async def sleep(seconds):
        waits.append(round(seconds, 6))

    gate = RateGate(50.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        await gate.wait()
    assert waits == [0.02, 0.04, 0.06]  # no burst: each one 1/50 s after the one before
