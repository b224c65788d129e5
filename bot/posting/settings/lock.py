"""One bot process per settings database: an advisory lock on `<db>.lock` beside the real file.

The lock is keyed on the database's resolved path (symbolic links followed), so two names for
one file are one lock. It is held by the open file, so the kernel releases it when the process
ends however it ends (a crash or `kill -9` never leaves a stale lock). Two processes posting
from one database is what an overlapping restart looks like; the second one is refused at
start. A lock file that cannot be made or written is one line saying why.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from bot.errors import SettingsError
from bot.paths import rel

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the claims' leases still hold
    fcntl = None

_WHY = {
    errno.EACCES: "its folder is not writable for this user",
    errno.EPERM: "its folder is not writable for this user",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file-size limit (ulimit -f) is reached",
    errno.ENOTDIR: "a part of its path is a file, not a folder",
    errno.EEXIST: "a part of its path is a file, not a folder",  # from mkdir
}


def lock_path(db_path: Path) -> Path:
    """The lock file of a settings database: beside the file its path really names."""
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + ".lock")


class InstanceLock:
    """Held while the bot runs; `release()` (or process exit) frees it."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        """Take the lock, or raise SettingsError naming the file and the holder's pid."""
        fd = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
                    raise SettingsError(
                        f"another hyosan-bot process (pid {holder}) is already running on "
                        f"{rel(self.db_path)}; stop it first (one process per settings database)"
                    ) from None
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError as exc:
            if fd is not None:
                os.close(fd)
            why = _WHY.get(exc.errno, exc.strerror or type(exc).__name__)
            raise SettingsError(
                f"{rel(self.path)}: cannot take the one-process lock of the settings database "
                f"({why}); fix that and start again"
            ) from None
        except BaseException:
            if fd is not None:
                os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
