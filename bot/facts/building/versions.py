"""Which store the inputs call for: the schema version and a hash of everything a build reads.

Kept apart from the builder so that opening an up-to-date store imports no extraction code.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bot.errors import BuildError
from bot.paths import DataPaths, rel


def read_schema(path: Path) -> str:
    """The schema file's text, or a one-line BuildError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(f"{rel(path)}: file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"{rel(path)}: cannot be read ({type(exc).__name__})") from None


def schema_version(schema_sql: str) -> int:
    """The PRAGMA user_version the schema file sets."""
    m = re.search(r"PRAGMA\s+user_version\s*=\s*(\d+)", schema_sql, re.IGNORECASE)
    if not m:
        raise BuildError("data/schema.sql: no 'PRAGMA user_version = N' line")
    return int(m.group(1))


def content_hash(paths: DataPaths) -> str:
    """A hash of everything a build reads: curated files, manifest, and every listed article."""
    h = hashlib.sha256()
    # The code that decides what a build writes counts too: every module of this wing (a new
    # rule module can't be forgotten in a list; a change to the read side costs one rebuild).
    builder = sorted(Path(__file__).parent.parent.rglob("*.py"))
    for p in [*builder, *paths.inputs()]:
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes() if p.exists() else b"<missing>")
    for p in [p for _, folder in paths.article_sets() for p in sorted(folder.glob("*.txt"))]:
        if p.is_symlink() or not p.is_file():  # refused by the build; never read (/dev/zero)
            h.update(p.name.encode() + b"\0<not a regular file>")
            continue
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()
