"""`hyosan-bot backup PATH`: a consistent copy of the settings database, taken while the bot runs.

SQLite's online backup API copies the pages under a read transaction, so in WAL mode the bot
keeps reading and writing while it runs and the copy holds every committed write up to the
moment it finished (never half a transaction). The copy is checked before it is reported.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.errors import SettingsError
from bot.paths import rel


@dataclass(frozen=True)
class Backup:
    path: Path
    servers: int
    subscriptions: int


def backup(source: Path, dest: Path) -> Backup:
    """Copy `source` to `dest` (which must not exist yet); SettingsError in one line otherwise."""
    if not source.exists():
        raise SettingsError(f"{rel(source)} does not exist: nothing to back up yet")
    if dest.exists():
        raise SettingsError(f"{dest} already exists; name a new file (nothing was written)")
    if not dest.parent.is_dir():
        raise SettingsError(f"{dest.parent} is not a folder (nothing was written)")
    try:
        uri = f"{source.resolve().as_uri()}?mode=rw"  # never creates the file
        with (
            contextlib.closing(sqlite3.connect(uri, uri=True)) as src,
            contextlib.closing(sqlite3.connect(dest)) as out,
        ):
            src.backup(out)
            (check,) = out.execute("PRAGMA integrity_check").fetchone()
            servers = out.execute(
                "SELECT COUNT(*) FROM (SELECT guild_id FROM guild_settings "
                "UNION SELECT guild_id FROM subscriptions)"
            ).fetchone()[0]
            subs = out.execute("SELECT COUNT(*) FROM subscriptions").fetchone()[0]
    except sqlite3.Error as exc:
        dest.unlink(missing_ok=True)
        raise SettingsError(f"could not back up {rel(source)}: {exc}") from exc
    if check != "ok":
        dest.unlink(missing_ok=True)
        raise SettingsError(f"{rel(source)} is damaged ({check}); no backup was written")
    return Backup(dest, servers, subs)
