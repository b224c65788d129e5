"""Temporary store files that killed builds left behind (`facts.sqlite.tmp-<pid>`).

Apart from the builder so that opening an up-to-date store imports no build code.
"""

from __future__ import annotations

import os
from pathlib import Path


def remove_stale_tmp(store: Path) -> list[Path]:
    """Delete `<store>.tmp-<pid>` files left by builds that were killed (their pid is gone)."""
    removed = []
    for p in store.parent.glob(f"{store.name}.tmp-*"):
        pid = p.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
