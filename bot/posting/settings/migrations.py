"""Settings-DB upkeep: the integrity check, and the migration runner (backup, then one
transaction per migration in data/migrations/NNN_name.sql; a file from a newer release is
refused)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import aiosqlite

from bot.paths import DATA
from bot.posting.settings.db_errors import NewerSchema

MIGRATIONS = DATA / "migrations"


async def check(db: aiosqlite.Connection) -> None:
    """PRAGMA integrity_check; a damaged file raises sqlite3.DatabaseError."""
    rows = await db.execute_fetchall("PRAGMA integrity_check")
    problems = [r[0] for r in rows if r[0] != "ok"]
    if problems:
        raise sqlite3.DatabaseError(f"integrity check failed: {problems[0][:120]}")


async def migrate(
    db: aiosqlite.Connection, migrations: Path = MIGRATIONS, backup: Path | None = None
) -> int:
    """Apply every migration newer than the database; returns the version reached.
    With `backup`, the file is first copied to `<backup>.bak-<old version>`."""
    (version,) = await (await db.execute("PRAGMA user_version")).fetchone()
    known = [(int(p.name.split("_", 1)[0]), p) for p in sorted(migrations.glob("*.sql"))]
    newest = max((n for n, _ in known), default=0)
    if version > newest:  # a newer release's file: using it would undo what it relies on
        raise NewerSchema(version, newest)
    pending = [(n, p) for n, p in known if n > version]
    if pending and backup is not None and version > 0:
        copy = backup.with_name(f"{backup.name}.bak-{version:03d}")
        copy.unlink(missing_ok=True)
        await db.execute("VACUUM INTO ?", (str(copy),))
    for number, path in pending:
        try:
            await db.executescript(
                f"BEGIN;\n{path.read_text(encoding='utf-8')}\n"
                f"PRAGMA user_version = {number};\nCOMMIT;"
            )
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                await db.execute("ROLLBACK")
            raise
        version = number
    return version
