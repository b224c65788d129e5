"""One true line for each way the settings database can be unusable.

Only a file that really is damaged gets the advice to restore a backup or move it aside: a
file that is locked, read-only, on a full disk or over the file-size limit is fine, and moving
it aside would lose every subscription. Which case it is comes from SQLite's error code, the
errno, and the limits of this process.
"""

from __future__ import annotations

import errno
import os
import resource
import shutil
import sqlite3
from pathlib import Path

CORRUPT = (
    "Restore it from a backup (a copy is kept beside it as .bak-NNN before each upgrade) or "
    "move it aside to start with no subscriptions."
)
NOTHING_LOST = "Nothing was changed; keep the file."


class NewerSchema(sqlite3.DatabaseError):
    """The file was written by a newer release (its user_version is past our migrations)."""

    def __init__(self, version: int, known: int):
        super().__init__(f"schema version {version}")
        self.version, self.known = version, known


def holders(path: Path) -> list[str]:
    """Other processes that have the file (or its -wal/-shm) open: "pid 12 (sqlite3)".
    Best effort, from /proc (Linux); empty where it cannot be told."""
    real = os.path.realpath(path)
    names = {real, real + "-wal", real + "-shm", real + "-journal"}
    found = []
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    except OSError:
        return []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
            if any(os.readlink(f"/proc/{pid}/fd/{fd}") in names for fd in fds):
                comm = Path(f"/proc/{pid}/comm").read_text().strip()
                found.append(f"pid {pid} ({comm})")
        except OSError:
            continue
    return found


def _limit_reached(path: Path) -> str | None:
    """What stops the file from growing: the file-size limit, a full disk, or None."""
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft != resource.RLIM_INFINITY:
        return (
            f"it cannot grow past this process's file-size limit of {soft:,} bytes "
            "(ulimit -f); raise the limit"
        )
    try:
        if shutil.disk_usage(path.parent).free < 1_000_000:
            return "the disk is full; free some space"
    except OSError:
        pass
    return None


def _why(path: Path, exc: BaseException) -> str:
    if isinstance(exc, NewerSchema):
        return (
            f"it was written by a newer hyosan-bot (settings schema {exc.version}; this one "
            f"knows up to {exc.known}). Run that release, or restore a backup from before it"
        )
    if path.is_dir():
        return (
            "it is a folder, not a settings file; point HYOSAN_SETTINGS_DB elsewhere or "
            "move it aside"
        )
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    err = getattr(exc, "errno", None)
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        who = holders(path)
        by = f" by {', '.join(who)}" if who else " by another program"
        return (
            f"it is locked{by} and stayed locked while I waited; close that program "
            f"(a sqlite3 shell, a backup tool) and start again"
        )
    if primary == sqlite3.SQLITE_READONLY or err in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "it (or its folder) is read-only for this user; make both writable"
    if primary in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR) or err in (errno.ENOSPC, errno.EFBIG):
        limit = _limit_reached(path)
        if limit:
            return limit
        if primary == sqlite3.SQLITE_FULL or err == errno.ENOSPC:
            return "the disk is full; free some space"
        return f"the disk answered with an I/O error ({exc}); check the disk"
    if primary == sqlite3.SQLITE_CANTOPEN:
        return f"it cannot be opened ({exc}); check that its folder exists and is writable"
    return ""


def explain(name: str, path: Path | None, exc: BaseException) -> str:
    """The one line for a settings file that cannot be used."""
    why = _why(path, exc) if path is not None else ""
    if why:
        advice = "" if why.endswith("move it aside") else f". {NOTHING_LOST}"
        return f"{name}: the settings database cannot be used: {why}{advice}"
    return f"{name}: the settings database cannot be used ({exc}). {CORRUPT}"
