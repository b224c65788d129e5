"""A local HTTP server on 127.0.0.1 for the intake and feed tests: routes are set per test.

It runs aiohttp in its own thread, so both the synchronous `add URL` path (which runs its own
event loop) and async tests can reach it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

from aiohttp import web

Handler = Callable[[web.Request], "web.StreamResponse"]


class LocalServer:
    """`server.route("/feed.xml", handler)`; `server.url("/feed.xml")`; `server.hits[path]`."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: dict[str, list[dict[str, str]]] = {}
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self.port = 0

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def text(self, path: str, body: str, content_type: str = "text/html", **headers) -> None:
        self.route(
            path,
            lambda req: web.Response(
                text=body, content_type=content_type, charset="utf-8", headers=headers
            ),
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.hits.setdefault(request.path, []).append(dict(request.headers))
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="not found")
        out = handler(request)
        return await out if asyncio.iscoroutine(out) else out

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> LocalServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        """Shut down, then cancel and await handlers still running (a trickling route outlives
        the client that gave up on it), so no pending task is left for the garbage collector to
        report in the middle of a later test."""

        async def _down():
            await self._runner.cleanup()
            rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in rest:
                task.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(_down(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()
