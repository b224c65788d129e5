"""Stage: question read (the memory a follow-up needs, kept by the caller, not the engine).

The last `!ask` frame per conversation key (a user in a channel, or the console), for a few
minutes: "and Ha-ri?" right after "is Dae-su back?" reuses that question. Bounded in size, so
a busy server cannot grow it without end.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

TTL = 300.0  # seconds a question stays the one a follow-up refers to
MAX_KEYS = 10_000


class RecentFrames:
    """Frames by key, forgotten after `ttl` seconds (the clock is injectable for tests)."""

    def __init__(self, ttl: float = TTL, clock: Callable[[], float] = time.monotonic):
        self.ttl = ttl
        self.clock = clock
        self._frames: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()

    def get(self, key: Hashable) -> object | None:
        """The frame kept for a key, if it is recent enough."""
        hit = self._frames.get(key)
        if hit is None:
            return None
        if self.clock() - hit[0] > self.ttl:
            del self._frames[key]
            return None
        return hit[1]

    def put(self, key: Hashable, frame: object | None) -> None:
        """Keep the frame of the answer just given (None forgets the key)."""
        self._frames.pop(key, None)
        if frame is None:
            return
        self._frames[key] = (self.clock(), frame)
        while len(self._frames) > MAX_KEYS:
            self._frames.popitem(last=False)
