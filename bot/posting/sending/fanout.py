"""Sending many posts at once without letting one channel hold up the others.

Posts start `1/rate` seconds apart (Discord allows a bot 50 requests a second in all; the HTTP
client's gate in bot.client holds every request to that), at most `limit` are in flight, and
each has a deadline: a channel that hangs, answers 5xx or is rate limited costs one slot of
concurrency for at most `POST_DEADLINE` seconds, then goes to the backoff policy.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

GLOBAL_RATE = 49.0  # requests per second: under Discord's global 50 for a bot
MAX_IN_FLIGHT = 100  # posts awaiting Discord at once (a 10 % hanging slot needs about 40)
POST_DEADLINE = 8.0  # seconds one post may take, Discord's own retries included


async def fan_out(
    items: Sequence[T],
    start: Callable[[T], Awaitable[None]],
    *,
    rate: float,
    sleep: Callable[[float], Awaitable[None]],
    stopping: Callable[[], bool],
    limit: int = MAX_IN_FLIGHT,
) -> list[T]:
    """Run `start(item)` for every item, paced and bounded; returns the items never started
    (a stop was requested). `start` handles its own failures: one that ends in a
    BaseException (the process dying, a cancel) cancels the rest and is raised here."""
    free = asyncio.Semaphore(limit)
    tasks: set[asyncio.Task] = set()
    crashed: list[BaseException] = []

    async def one(item: T) -> None:
        try:
            await start(item)
        finally:
            free.release()

    def done(task: asyncio.Task) -> None:
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            crashed.append(task.exception())

    left: list[T] = []
    try:
        for i, item in enumerate(items):
            if i:
                await sleep(1 / rate)
            await free.acquire()
            if crashed:
                raise crashed[0]
            if stopping():  # the posts in flight finish; the rest are given back
                left = list(items[i:])
                break
            task = asyncio.create_task(one(item))
            tasks.add(task)
            task.add_done_callback(done)
            await asyncio.sleep(0)  # the post starts now, at its paced time
        while tasks:
            await asyncio.wait(set(tasks), return_when=asyncio.FIRST_EXCEPTION)
            if crashed:
                raise crashed[0]
        return left
    finally:
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


async def within_deadline(send: Awaitable[T], seconds: float = POST_DEADLINE) -> T:
    """The send, or TimeoutError after `seconds` (its outcome is then unknown). It runs in
    the caller's task, so it starts at once."""
    async with asyncio.timeout(seconds):
        return await send
