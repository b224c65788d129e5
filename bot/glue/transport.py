"""The bot's HTTP to Discord, bounded: every request has a timeout, all requests together stay
under Discord's global limit, and a post is never retried in line by discord.py.

- `HTTP_TIMEOUT` (aiohttp) on every REST request: a hang ends in seconds, not aiohttp's 300.
- `RateGate` in an aiohttp trace: each request, discord.py's own retries included, waits its
  turn at `fanout.GLOBAL_RATE` per second.
- Gateway connections are counted: a gateway that closes every session (discord.py reconnects
  at once, logging only at DEBUG) is slowed down to one connect every few seconds, and said
  in one warning a minute.
- Inside `posting()`, a 429 or 5xx answer to a post raises `RetryRefused` instead of sleeping
  and retrying inside the request: the channel goes to the backoff policy, and the other
  posts of the slot are not held up. (Posts carry a nonce, so even a retry could not double.)
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterator
from types import SimpleNamespace

import aiohttp

from bot.posting.sending.fanout import GLOBAL_RATE

log = logging.getLogger(__name__)

HTTP_TIMEOUT = aiohttp.ClientTimeout(total=15, sock_connect=5, sock_read=10)
MAX_RATELIMIT_TIMEOUT = 30.0  # longer rate-limit waits raise (discord.py's smallest allowed)
RETRIED_IN_LINE = {429, 500, 502, 504, 524}  # what discord.py would sleep on and send again
_MESSAGE_POST = re.compile(r"/channels/\d+/messages$")
_posting: contextvars.ContextVar[bool] = contextvars.ContextVar("posting", default=False)


class RetryRefused(Exception):
    """Discord answered a post with a status discord.py would retry in line."""

    def __init__(self, status: int):
        super().__init__(f"Discord answered {status}")
        self.status = status


class RateGate:
    """At most `rate` starts a second, evenly spaced (no burst beyond one)."""

    def __init__(
        self,
        rate: float = GLOBAL_RATE,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.rate, self.clock, self.sleep = rate, clock, sleep
        self._next = 0.0

    async def wait(self) -> None:
        now = self.clock()
        start = max(now, self._next)
        self._next = start + 1 / self.rate
        if start > now:
            await self.sleep(start - now)


class ReconnectThrottle:
    """Free for the first `free` gateway connects in a minute, then a wait before each one
    that doubles up to `cap` seconds; one warning line a minute while it lasts."""

    WINDOW = 60.0

    def __init__(
        self,
        free: int = 5,
        cap: float = 30.0,  # discord.py gives a connect 60 s in all
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.free, self.cap, self.clock, self.sleep = free, cap, clock, sleep
        self._connects: list[float] = []
        self._said = -self.WINDOW

    async def connecting(self) -> None:
        now = self.clock()
        self._connects = [t for t in self._connects if now - t < self.WINDOW] + [now]
        over = len(self._connects) - self.free
        if over <= 0:
            return
        delay = min(self.cap, 2.0 ** (over - 1))
        if now - self._said >= self.WINDOW:
            self._said = now
            log.warning(
                "the gateway keeps closing the connection: %d connects in the last minute; "
                "waiting %.0f s before each new one",
                len(self._connects),
                delay,
            )
        await self.sleep(delay)


@contextlib.contextmanager
def posting() -> Iterator[None]:
    """Requests made inside are posts: no in-line retry (see the module docstring)."""
    token = _posting.set(True)
    try:
        yield
    finally:
        _posting.reset(token)


def request_trace(
    gate: RateGate, reconnects: ReconnectThrottle | None = None
) -> aiohttp.TraceConfig:
    """The trace that paces every request, throttles gateway reconnect storms and refuses
    in-line retries of posts."""
    reconnects = reconnects or ReconnectThrottle()

    async def on_start(_session, _ctx, params: SimpleNamespace) -> None:
        if params.headers.get("Upgrade", "").lower() == "websocket":
            await reconnects.connecting()
        await gate.wait()

    async def on_end(_session, _ctx, params: SimpleNamespace) -> None:
        if (
            _posting.get()
            and params.method == "POST"
            and params.response.status in RETRIED_IN_LINE
            and _MESSAGE_POST.search(params.url.path)
        ):
            raise RetryRefused(params.response.status)

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_start)
    trace.on_request_end.append(on_end)
    return trace


def bound_requests(http) -> None:
    """Give every REST request of discord.py's HTTPClient `http` the HTTP_TIMEOUT (discord.py
    opens its aiohttp session without one, and takes no setting for it)."""
    request = http.request

    async def timed(route, **kwargs):
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        return await request(route, **kwargs)

    http.request = timed
