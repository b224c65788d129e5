"""The per-article cache of a build: what each article's reading gave, in one SQLite file
beside the store (bot.facts.building.incremental decides what is kept under which key)."""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from pathlib import Path

_SCHEMA = "CREATE TABLE IF NOT EXISTS pieces (key TEXT PRIMARY KEY, data BLOB NOT NULL)"
_BROKEN = (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError)


def builder_version(curated: list[Path]) -> str:
    """A hash of the builder's code and the curated files: any change empties the cache."""
    h = hashlib.sha256()
    for p in [*sorted(Path(__file__).parent.parent.rglob("*.py")), *curated]:
        h.update(p.name.encode() + b"\0" + (p.read_bytes() if p.exists() else b"<missing>"))
    return h.hexdigest()


class PieceCache:
    """Per-article results in one SQLite file beside the store. Entries no build used are
    dropped when it ends; a cache that cannot be read costs time, never a wrong store."""

    def __init__(self, path: Path):
        self.used: set[str] = set()
        self._new: dict[str, bytes] = {}
        try:
            self._con = sqlite3.connect(path)
            self._con.execute(_SCHEMA)
        except sqlite3.Error:
            path.unlink(missing_ok=True)
            self._con = sqlite3.connect(path)
            self._con.execute(_SCHEMA)

    def get(self, key: str):
        self.used.add(key)
        try:
            row = self._con.execute("SELECT data FROM pieces WHERE key = ?", (key,)).fetchone()
            return pickle.loads(row[0]) if row else None
        except _BROKEN:
            return None

    def put(self, key: str, value) -> None:
        self.used.add(key)
        self._new[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        """Write the new entries and forget unused ones, in one transaction."""
        try:
            with self._con:
                self._con.executemany(
                    "INSERT OR REPLACE INTO pieces VALUES (?, ?)", [*self._new.items()]
                )
                self._con.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
                self._con.executemany("INSERT INTO used VALUES (?)", [(k,) for k in self.used])
                self._con.execute("DELETE FROM pieces WHERE key NOT IN (SELECT key FROM used)")
        except sqlite3.Error:
            pass  # an unwritable cache only costs the next build time
        finally:
            self._con.close()


class NoCache:
    """A cache that keeps nothing: every piece is computed (the plain pass,
    bot.facts.reading.extract)."""

    def get(self, key: str) -> None:
        return None

    def put(self, key: str, value) -> None:
        pass


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
