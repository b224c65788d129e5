"""The settings database's connection: opened, checked and migrated, then shared by every task.

Migrations are `data/migrations/NNN_name.sql`, applied in order; `PRAGMA user_version` holds the
number of the last one applied, so an old database is upgraded in place and never rebuilt.
Before migrating, the file is copied beside itself; a migration runs in one transaction.
Opening checks the file (`PRAGMA integrity_check`) and closes the connection on every failure,
so an unusable file ends the process with one line (bot.posting.settings.db_errors says
which case it is) instead of a hang.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Self

import aiosqlite

from bot.errors import SettingsError
from bot.paths import rel
from bot.posting.settings.db_errors import explain
from bot.posting.settings.migrations import MIGRATIONS, check, migrate

BUSY_TIMEOUT = 10.0  # seconds a write waits for another connection's transaction


class Database:
    """The settings file's one connection, checked, migrated and shared by every task."""

    def __init__(self, db: aiosqlite.Connection):
        self._db = db
        # One connection is shared by every task (scheduler, change posts, commands). In
        # autocommit mode a write or commit() from one task would join or end another task's
        # open BEGIN IMMEDIATE transaction, so every write transaction holds this lock.
        self._writing = asyncio.Lock()
        # Bumped by every write that can take a claim away from the scheduler (subscribe,
        # unsubscribe, pause), so a slot's sender re-reads its claims only when it must.
        self.claims_changed = 0

    @classmethod
    async def open(cls, path: Path | str, migrations: Path = MIGRATIONS) -> Self:
        """Open, check and migrate; SettingsError (one line naming the file) on any failure."""
        memory = str(path) == ":memory:"
        name = str(path) if memory else rel(Path(path))
        try:
            if not memory:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: every transaction is explicit (BEGIN IMMEDIATE for claims).
            db = await aiosqlite.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise SettingsError(explain(name, None if memory else Path(path), exc)) from exc
        try:
            await check(db)
            if not memory:
                await db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a claim
                await db.execute("PRAGMA synchronous = NORMAL")
            await migrate(db, migrations, backup=None if memory else Path(path))
        except BaseException as exc:
            await db.close()  # a connection left open is a thread that keeps the process alive
            if isinstance(exc, sqlite3.Error | OSError):
                raise SettingsError(explain(name, None if memory else Path(path), exc)) from exc
            raise
        return cls(db)

    @property
    def conn(self) -> aiosqlite.Connection:
        """The open database, for reads of tables kept by other posting modules (claims,
        changes). Writes go through `immediate()` or `write()`, never through this."""
        return self._db

    @contextlib.asynccontextmanager
    async def immediate(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction taken at once (BEGIN IMMEDIATE), committed or rolled back;
        no other task's write runs on this connection until it ends. Inside it, write through
        the connection it yields: `write()` would wait for this transaction (the lock is not
        re-entrant)."""
        async with self._writing:
            try:
                # Inside the try: a task cancelled while BEGIN runs in aiosqlite's thread
                # still rolls it back (queued after it), never leaving the connection in a
                # transaction that the next writer's BEGIN would trip over.
                await self._db.execute("BEGIN IMMEDIATE")
                yield self._db
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def write(self, sql: str, args: tuple = ()) -> aiosqlite.Cursor:
        """One write statement in a transaction of its own (see `immediate`)."""
        async with self.immediate() as c:
            return await c.execute(sql, args)

    async def close(self) -> None:
        await self._db.close()
