"""Live reload of the fact store, without Discord: notice a rebuilt store, load it, swap it in.

The new store is loaded (and rebuilt first when its inputs changed) in a worker thread, so the
event loop keeps answering meanwhile. The swap is one assignment through `swap`: a command
already running holds the old Engine and finishes on it. A store that fails to load leaves the
old one in place and says why in one line.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from bot.answers.engine import Engine
from bot.facts.store import FactStore, read_store
from bot.paths import DataPaths, rel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did. `old`/`new` are set only when a new engine was swapped in."""

    message: str
    old: Engine | None = None
    new: Engine | None = None
    error: bool = False

    @property
    def swapped(self) -> bool:
        return self.new is not None


def stored_hash(paths: DataPaths) -> str | None:
    """The content hash a store on disk was built from; None when there is no readable store."""
    try:
        con = sqlite3.connect(f"file:{paths.store}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'content_hash'").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        con.close()


class Reloader:
    """Watches one store file and swaps in a new Engine when its content changes."""

    def __init__(
        self,
        paths: DataPaths,
        current: Callable[[], Engine],
        swap: Callable[[Engine], None],
        make_engine: Callable[[FactStore], Engine],
    ):
        self.paths = paths
        self.current = current
        self.swap = swap
        self.make_engine = make_engine
        self._lock = asyncio.Lock()
        self._seen: tuple[int, int] | None = self._stat()
        self._failed_hash: str | None = None  # a store that failed to load is not retried

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self.paths.store.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_ino

    async def check(self) -> ReloadResult | None:
        """Reload when the store on disk was rebuilt from other content; None when it was not."""
        stat = self._stat()
        if stat is None or stat == self._seen:
            return None  # cheap path: nothing was written since the last look
        self._seen = stat
        disk = await asyncio.to_thread(stored_hash, self.paths)
        if disk is None:  # said once per change of the file: the watch looks every few seconds
            log.warning(
                "store watch: %s changed but is not a readable fact store (a copy in progress, "
                "or a damaged file); still answering from the loaded one",
                rel(self.paths.store),
            )
            return None
        if disk == self.current().store.content_hash or disk == self._failed_hash:
            return None
        result = await self.reload()
        self._failed_hash = disk if result.error else None
        return result

    def _load(self) -> Engine:
        """In a worker thread: the store, then the engine, warmed."""
        engine = self.make_engine(read_store(self.paths, serve_previous=False))
        engine.warm()
        return engine

    async def reload(self) -> ReloadResult:
        """Load the store now (rebuilding it if its inputs changed) and swap it in if it differs."""
        async with self._lock:
            old = self.current()
            try:
                new = await asyncio.to_thread(self._load)
            except Exception as exc:  # any failure keeps the running store
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                log.warning(
                    "reload of %s failed, keeping the old store: %s", rel(self.paths.store), reason
                )
                return ReloadResult(
                    f"Reload failed, still answering from the old store: {reason}", error=True
                )
            self._seen = self._stat()
            if new.store.content_hash == old.store.content_hash:
                return ReloadResult(f"The store is unchanged ({len(old.store.sources)} sources).")
            self.swap(new)
            log.info("reloaded %s: %d sources", rel(self.paths.store), len(new.store.sources))
            return ReloadResult(
                f"Reloaded: {len(old.store.sources)} → {len(new.store.sources)} sources.", old, new
            )
