"""A fake Discord REST API on 127.0.0.1 for the posting path, with injected faults.

It keeps what a real one keeps for these tests: channels and their messages (snowflake ids
from the test's clock), Discord's nonce rule (with `enforce_nonce`, a second message with a
nonce already used in the channel in the last few minutes returns the first one instead of
posting), and the request bodies, to check what the bot sent. Faults are queued per channel
and consumed one per POST: "429", "500", "503", "403", "hang", "accept-500" (the message is
posted, then the answer is a 500), "accept-hang" (posted, then no answer). A channel can be
`busy` (60 messages by others follow each post) or have its history forbidden. `/gateway` is
just enough of a gateway for a real `hyosan-bot run` to come online (READY with no guilds).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import discord
from aiohttp import web

BOT_ID = 4242
NONCE_WINDOW = dt.timedelta(minutes=5)


@dataclass
class Channel:
    id: int
    guild_id: int
    messages: list[dict] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)
    busy: bool = False
    history_forbidden: bool = False


def _json(data, status: int = 200, headers: dict | None = None) -> web.Response:
    """A JSON answer with the exact content type discord.py looks for (no charset)."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


class FakeDiscord:
    """The server; `url` is its API base once `start()` returned."""

    def __init__(self, clock: Callable[[], dt.datetime]):
        self.clock = clock
        self.channels: dict[int, Channel] = {}
        self.bodies: list[tuple[str, dict]] = []  # (path, JSON body) of every POST
        self.posted = asyncio.Event()  # set by every message stored
        self.attempts: dict[int, int] = defaultdict(int)
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    def channel(self, channel_id: int, guild_id: int = 1, **kw) -> Channel:
        self.channels[channel_id] = Channel(channel_id, guild_id, **kw)
        return self.channels[channel_id]

    def posts_by_me(self, channel_id: int) -> list[dict]:
        return [m for m in self.channels[channel_id].messages if m["author"]["id"] == str(BOT_ID)]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/api/v10/users/@me", self._me)
        app.router.add_get("/api/v10/oauth2/applications/@me", self._app)
        app.router.add_get("/api/v10/users/{user}", self._user)
        app.router.add_post("/api/v10/users/@me/channels", self._dm)
        app.router.add_get("/api/v10/channels/{channel}", self._channel)
        app.router.add_post("/api/v10/channels/{channel}/messages", self._post)
        app.router.add_get("/api/v10/channels/{channel}/messages", self._history)
        app.router.add_get("/gateway", self._gateway)
        self._runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/api/v10"

    async def stop(self) -> None:
        """Shut down and await the handlers still running (a route told to hang outlives the
        client that timed out), so none is left pending for a later test's log."""
        if self._runner is None:
            return

        def running() -> set[asyncio.Task]:
            return {
                t
                for t in asyncio.all_tasks()
                if getattr(t.get_coro(), "__qualname__", "").startswith("RequestHandler.")
            }

        before = running()
        await self._runner.cleanup()
        handlers = before | running()
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)

    @contextlib.asynccontextmanager
    async def serving(self):
        """Run the fake with discord.py's HTTP pointed at it (what DISCORD_API_BASE does)."""
        await self.start()
        base = discord.http.Route.BASE
        discord.http.Route.BASE = self.url
        try:
            yield self
        finally:
            discord.http.Route.BASE = base
            await self.stop()

    # --- objects -----------------------------------------------------------------------------

    def _snowflake(self) -> int:
        return discord.utils.time_snowflake(self.clock()) + next(self._ids)

    @staticmethod
    def _user_json(user_id: int, name: str = "someone") -> dict:
        return {"id": str(user_id), "username": name, "discriminator": "0", "avatar": None}

    def _message(self, channel_id: int, author: dict, body: dict) -> dict:
        return {
            "id": str(self._snowflake()),
            "channel_id": str(channel_id),
            "author": author,
            "content": body.get("content") or "",
            "timestamp": self.clock().isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "nonce": body.get("nonce"),
        }

    # --- routes ------------------------------------------------------------------------------

    async def _me(self, _request):
        return _json({**self._user_json(BOT_ID, "hyosan"), "bot": True})

    async def _app(self, _request):
        return _json(
            {
                "id": str(BOT_ID),
                "name": "hyosan",
                "description": "",
                "icon": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": self._user_json(1, "owner"),
                "verify_key": "0",
                "flags": 0,
            }
        )

    async def _user(self, request):
        return _json(self._user_json(int(request.match_info["user"])))

    async def _dm(self, request):
        body = await request.json()
        dm = 900_000 + int(body["recipient_id"])
        self.channels.setdefault(dm, Channel(dm, 0))
        return _json(
            {"id": str(dm), "type": 1, "recipients": [self._user_json(int(body["recipient_id"]))]}
        )

    async def _channel(self, request):
        ch = self.channels.get(int(request.match_info["channel"]))
        if ch is None:
            return _json({"code": 10003, "message": "Unknown Channel"}, status=404)
        return _json(
            {
                "id": str(ch.id),
                "type": 0,
                "guild_id": str(ch.guild_id),
                "name": f"ch{ch.id}",
                "position": 0,
                "permission_overwrites": [],
            }
        )

    async def _post(self, request):
        ch = self.channels[int(request.match_info["channel"])]
        body = await request.json()
        self.bodies.append((request.path, body))
        self.attempts[ch.id] += 1
        fault = ch.faults.pop(0) if ch.faults else None
        if fault in ("429", "500", "503", "403"):
            status = int(fault)
            data = {"message": "fault", "code": 50013 if status == 403 else 0}
            headers = {"Via": "1.1 google"} if status == 429 else {}
            if status == 429:
                data.update(retry_after=0.05, **{"global": False})
            return _json(data, status=status, headers=headers)
        if fault == "hang":
            await asyncio.sleep(3600)
        message = self._store(ch, body)
        if fault == "accept-500":
            return _json({"message": "fault", "code": 0}, status=500)
        if fault == "accept-hang":
            await asyncio.sleep(3600)
        return _json(message)

    def _store(self, ch: Channel, body: dict) -> dict:
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce"):
            since = (self.clock() - NONCE_WINDOW).timestamp()
            for m in ch.messages:
                made = discord.utils.snowflake_time(int(m["id"])).timestamp()
                if m.get("nonce") == nonce and m["author"]["id"] == str(BOT_ID) and made >= since:
                    return m  # Discord's rule: the message already made with this nonce
        message = self._message(ch.id, self._user_json(BOT_ID, "hyosan"), body)
        ch.messages.append(message)
        if ch.busy:
            for i in range(60):
                ch.messages.append(self._message(ch.id, self._user_json(77), {"content": str(i)}))
        self.posted.set()
        return message

    async def _gateway(self, request):
        """Just enough gateway for a real `hyosan-bot run`: HELLO, READY with no guilds (the
        channels are fetched over REST), heartbeat ACKs."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for msg in ws:
            op = json.loads(msg.data).get("op")
            if op == 1:
                await ws.send_json({"op": 11})
            elif op == 2:
                gateway = self.url.replace("http", "ws").replace("/api/v10", "/gateway")
                ready = {
                    "v": 10,
                    "user": {**self._user_json(BOT_ID, "hyosan"), "bot": True},
                    "guilds": [],
                    "session_id": "fake",
                    "resume_gateway_url": gateway,
                    "application": {"id": str(BOT_ID), "flags": 0},
                }
                await ws.send_json({"op": 0, "t": "READY", "s": 1, "d": ready})
        return ws

    async def _history(self, request):
        ch = self.channels[int(request.match_info["channel"])]
        if ch.history_forbidden:
            return _json({"message": "Missing Access", "code": 50001}, status=403)
        limit = int(request.query.get("limit", 50))
        after = int(request.query.get("after", 0))
        newer = sorted((m for m in ch.messages if int(m["id"]) > after), key=lambda m: int(m["id"]))
        return _json(list(reversed(newer[:limit])))  # Discord: newest first
