"""One slot of scheduled posts end to end, against a simulated Discord with faulty channels.

The real scheduler (claims in a real settings file, the fan-out, the deadline) sends to a fake
that answers like Discord: every request waits its turn at the bot's global rate (the same
`RateGate` as bot.transport), a clean post takes `LATENCY`, and a tenth of the channels fail
(a quarter each: 500, 429, 403, no answer at all). Time runs `SPEED` times faster than real
time, and the figures are given in Discord seconds (wall time x SPEED; the database work is
scaled up too, so the figure is pessimistic).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import tempfile
import time
from pathlib import Path

SPEED = 5.0
LATENCY = 0.15  # seconds Discord takes to answer a post
FAULTY_SHARE = 0.10
FAULTS = ("500", "429", "403", "hang")


def fault_of(i: int) -> str | None:
    """The fault of the i-th channel: one in ten is faulty, the kinds in turn."""
    step = round(1 / FAULTY_SHARE)
    return FAULTS[(i // step) % len(FAULTS)] if i % step == step - 1 else None


def posting_figures(subscriptions: int) -> dict:
    """Run one slot of `subscriptions` due posts; returns the figures in Discord seconds."""
    from bot.glue.transport import RateGate
    from bot.posting.sending.failures import PostFailed
    from bot.posting.sending.fanout import POST_DEADLINE
    from bot.posting.sending.scheduler import SEND_RATE, StatusPoster
    from bot.posting.settings.options import SubscribeOptions, new_subscription
    from bot.posting.settings.subscriptions import SettingsDB

    async def run(tmp: str) -> dict:
        db = await SettingsDB.open(Path(tmp) / "settings.sqlite")
        created = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)
        opts = SubscribeOptions("09:00", "daily", False)
        for i in range(subscriptions):
            await db.subscribe(new_subscription(i % 500, 10_000 + i, 1, opts, created))
        gate = RateGate(SEND_RATE * SPEED)
        done: dict[str, float] = {}
        requests = 0
        t0 = time.monotonic()

        async def send(sub, spoilers, note, slot):
            nonlocal requests
            await gate.wait()
            requests += 1
            fault = fault_of(sub.channel_id - 10_000)
            if fault == "hang":
                await asyncio.sleep(3600)
            await asyncio.sleep(LATENCY / SPEED)
            done[fault or "clean"] = time.monotonic() - t0
            if fault == "403":
                raise PostFailed("forbidden", permanent=True, status=403)
            if fault:
                raise PostFailed(f"Discord answered {fault}", permanent=False, status=int(fault))
            return sub.channel_id

        async def notify(sub, reason):
            pass

        schedule = [0.0]

        async def paced(seconds: float) -> None:  # drift-free: each start at its own time
            schedule[0] += seconds
            await asyncio.sleep(max(0.0, t0 + schedule[0] - time.monotonic()))

        poster = StatusPoster(
            db,
            lambda: "fp",
            send,
            notify,
            paced,
            rate=SEND_RATE * SPEED,
            deadline=POST_DEADLINE / SPEED,
        )
        t0 = time.monotonic()
        report = await poster.run_once(dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC))
        total = time.monotonic() - t0
        await db.close()
        return {
            "subscriptions": subscriptions,
            "faulty_share": FAULTY_SHARE,
            "rate_per_s": SEND_RATE,
            "requests": requests,
            "posted": report.posted,
            "paused": report.paused,
            "retry_later": report.retry_later,
            "end_to_end_s": round(total * SPEED, 1),
            "clean_done_s": round(done.get("clean", 0.0) * SPEED, 1),
            "pacing_floor_s": round(subscriptions / SEND_RATE, 1),
        }

    quiet = logging.getLogger("bot.posting")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # one warning per faulty channel is the point, not news
    try:
        with tempfile.TemporaryDirectory() as tmp:
            return asyncio.run(run(tmp))
    finally:
        quiet.setLevel(level)
