"""One cooldown per user across every command: `rate` commands per `per` seconds.

The first command refused in a window earns one "slow down" notice; the rest of the window is
silence, so a flood of commands cannot make the bot flood the channel back.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

RATE = 5  # commands...
PER = 30.0  # ...per this many seconds, per user


class Verdict(enum.Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # refused; say so once
    SILENT = "silent"  # refused; already said so in this window


@dataclass
class _Window:
    start: float
    used: int = 0
    notified: bool = False


class UserCooldown:
    """A fixed window per user, opened by the user's first command."""

    def __init__(
        self, rate: int = RATE, per: float = PER, clock: Callable[[], float] = time.monotonic
    ):
        self.rate, self.per, self.clock = rate, per, clock
        self._windows: dict[int, _Window] = {}

    def hit(self, user_id: int) -> Verdict:
        """Count one command by this user and say whether it may run."""
        now = self.clock()
        w = self._windows.get(user_id)
        if w is None or now - w.start >= self.per:
            if len(self._windows) > 10_000:  # forget users whose window is over
                self._windows = {u: x for u, x in self._windows.items() if now - x.start < self.per}
            w = self._windows[user_id] = _Window(now)
        if w.used < self.rate:
            w.used += 1
            return Verdict.ALLOW
        if not w.notified:
            w.notified = True
            return Verdict.NOTIFY
        return Verdict.SILENT

    def retry_after(self, user_id: int) -> float:
        """Seconds until this user's window ends (0 when none is open)."""
        w = self._windows.get(user_id)
        return 0.0 if w is None else max(0.0, w.start + self.per - self.clock())


def slow_down(retry_after: float) -> str:
    """The one notice a member over the cooldown gets."""
    return f"You're going a bit fast. Try again in {max(1, round(retry_after))} s."
