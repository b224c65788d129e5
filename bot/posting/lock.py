"""One bot process per settings database: an advisory lock on `<db>.lock`.

The lock is held by the open file, so the kernel releases it when the process ends however it
ends (a crash or `kill -9` never leaves a stale lock). Two processes posting from one database
is what an overlapping restart looks like; the second one is refused at start.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.errors import SettingsError
from bot.paths import rel

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the claims' transactions still hold
    fcntl = None


class InstanceLock:
    """Held while the bot runs; `release()` (or process exit) frees it."""

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        """Take the lock, or raise SettingsError naming the file and the holder's pid."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                raise SettingsError(
                    f"another hyosan-bot process (pid {holder}) is already running on "
                    f"{rel(self.path.with_suffix(''))}; stop it first (one process per "
                    "settings database)"
                ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
