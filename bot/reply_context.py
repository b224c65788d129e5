"""Commands whose reply cannot be sent are not left unexplained.

`ReplyingContext` is the commands' Context: when Discord refuses a reply (the bot may not send
in that channel), it raises `ReplyFailed` carrying what the reply said, and cogs.errors
delivers it another way (a DM to the member, else the server's system channel), at most once
per member per `ELSEWHERE_EVERY` seconds. A change the command made (`!status subscribe` in
a channel where the bot cannot speak) is then explained where the admin can read it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import discord
from discord.ext import commands

ELSEWHERE_EVERY = 60.0  # seconds between two replies sent elsewhere to one member


class ReplyFailed(commands.CommandError):
    """Discord refused a command's reply; `content` and `embed` are what it would have said."""

    def __init__(self, content: str | None, embed: discord.Embed | None):
        super().__init__("the reply could not be sent")
        self.content = content
        self.embed = embed


class ReplyingContext(commands.Context):
    async def send(self, content: str | None = None, **kwargs):
        try:
            return await super().send(content, **kwargs)
        except discord.Forbidden as exc:
            raise ReplyFailed(content, kwargs.get("embed")) from exc


class OncePer:
    """Allows one event per key every `seconds`."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.seconds, self.clock = seconds, clock
        self._last: dict[int, float] = {}

    def allow(self, key: int) -> bool:
        now = self.clock()
        if now - self._last.get(key, -self.seconds) < self.seconds:
            return False
        self._last[key] = now
        return True
