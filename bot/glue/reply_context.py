"""Commands whose reply cannot be sent are not left unexplained.

`ReplyingContext` is the commands' Context: when Discord refuses a reply (the bot may not send
in that channel), it raises `ReplyFailed` carrying what the reply said, and cogs.errors
delivers it another way (a DM to the member, else the server's system channel), at most once
per member per `ELSEWHERE_EVERY` seconds. A change the command made (`!status subscribe` in
a channel where the bot cannot speak) is then explained where the admin can read it.

Every reply carries a nonce made from what it answers (the invoking message or interaction)
and how many replies to it came before, the same in every process and every retry. discord.py
sends it with `enforce_nonce`, so Discord returns the first message instead of making a second
when a send is retried (by discord.py, or by the same message handled again). Slash responses
need none (Discord takes one response per interaction); Discord's followup endpoint takes no
nonce at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import discord
from discord.ext import commands

from bot.posting.sending.claims import nonce

ELSEWHERE_EVERY = 60.0  # seconds between two replies sent elsewhere to one member


class ReplyFailed(commands.CommandError):
    """Discord refused a command's reply; `content` and `embed` are what it would have said."""

    def __init__(self, content: str | None, embed: discord.Embed | None):
        super().__init__("the reply could not be sent")
        self.content = content
        self.embed = embed


def reply_nonce(where_id: int, trigger_id: int, n: int = 1, kind: str = "reply") -> str:
    """The nonce of the `n`th message of `kind` sent to `where_id` (a channel, or the user a DM
    goes to) for `trigger_id` (a message or an interaction)."""
    return nonce(where_id, f"{kind} {trigger_id} {n}")


class ReplyingContext(commands.Context):
    _replies = 0  # messages sent for this invocation so far

    async def send(self, content: str | None = None, **kwargs):
        self._replies += 1
        kwargs.setdefault("nonce", reply_nonce(self.channel.id, self.message.id, self._replies))
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
