"""The source manifests (data/sources.toml and the owner's library) and their articles."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bot.errors import BuildError
from bot.facts.text import printed_date
from bot.paths import DataPaths, rel

_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
_BASES = ("printed", "estimated")
MAX_ARTICLE_BYTES = 2_000_000  # an article longer than this is refused (README: Sources)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")  # tab, LF, CR are text


@dataclass(frozen=True)
class Source:
    """One article: its manifest entry and its text exactly as read."""

    id: str
    title: str
    published: str
    estimated: bool
    date_clue: str
    body: str
    sha256: str
    added: str = ""  # ISO date it was added with `python -m bot add`; older entries lack it
    url: str = ""  # where it was read from (an http(s) address), when known
    outlet: str = ""  # who published it, when known


def read_toml(path: Path) -> dict:
    """Parse a TOML file, or raise a one-line BuildError naming it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(f"{rel(path)}: file is missing") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BuildError(
            f"{rel(path)}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(f"{rel(path)}: not valid TOML ({exc})") from None


def _field(entry: dict, name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise BuildError(f"{where}: '{name}' must be a non-empty string")
    return value.strip()


def _optional(entry: dict, name: str, where: str) -> str:
    value = entry.get(name, "")
    if not isinstance(value, str):
        raise BuildError(f"{where}: '{name}' must be a string")
    return value.strip()


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def control_problem(body: str) -> str | None:
    """Where a text holds a control character (NUL...), said in words; None when clean."""
    if m := _CONTROL.search(body):
        line = body.count("\n", 0, m.start()) + 1
        return f"control character U+{ord(m.group()):04X} on line {line}; save it as plain text"
    return None


def read_article(path: Path) -> str:
    """An article's text. Missing, symlinked, oversize, non-UTF-8, empty files and files with
    control characters (NUL...) are one-line errors naming the file."""
    if path.is_symlink():
        raise BuildError(f"{rel(path)}: is a symbolic link; copy the article in as a plain file")
    try:
        if not path.is_file():
            raise FileNotFoundError
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            raise BuildError(
                f"{rel(path)}: {path.stat().st_size:,} bytes is over the "
                f"{MAX_ARTICLE_BYTES:,}-byte limit for one article; split or trim it"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(f"{rel(path)}: listed in the manifest but missing") from None
    except OSError as exc:
        raise BuildError(f"{rel(path)}: cannot be read ({exc.strerror})") from None
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(
            f"{rel(path)}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    if problem := control_problem(body):
        raise BuildError(f"{rel(path)}: {problem}")
    if not body.strip():
        raise BuildError(f"{rel(path)}: empty article")
    return body


def load_sources(manifest: Path, sources_dir: Path, required: bool = True) -> list[Source]:
    """Every source the manifest lists, in id order, each checked against its file; with
    `required`, a manifest listing none is an error."""
    doc = read_toml(manifest)
    entries = doc.get("source", [] if not required else None)
    if not isinstance(entries, list) or (required and not entries):
        raise BuildError(f"{rel(manifest)}: no [[source]] entries")
    seen: set[str] = set()
    sources: list[Source] = []
    named = rel(manifest)  # once: it resolves the path
    for n, entry in enumerate(entries, 1):
        where = f"{named}: source #{n}"
        if not isinstance(entry, dict):
            raise BuildError(f"{where}: must be a table")
        sid = _field(entry, "id", where)
        where = f"{named}: source '{sid}'"
        if not _ID.match(sid):
            raise BuildError(f"{where}: id may hold only letters, digits, '_', '-' and '.'")
        if sid in seen:
            raise BuildError(f"{where}: listed twice")
        seen.add(sid)
        published = _field(entry, "published", where)
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise BuildError(f"{where}: published '{published}' is not an ISO date") from None
        basis = _field(entry, "date_basis", where)
        if basis not in _BASES:
            raise BuildError(f"{where}: date_basis must be one of {', '.join(_BASES)}")
        added = entry.get("added", "")
        if added and not (isinstance(added, str) and _is_date(added)):
            raise BuildError(f"{where}: added '{added}' is not an ISO date")
        url, outlet = _optional(entry, "url", where), _optional(entry, "outlet", where)
        if url and not re.match(r"https?://[^\s/]+", url):
            raise BuildError(f"{where}: url must be an http:// or https:// address")
        body = read_article(sources_dir / f"{sid}.txt")
        printed = printed_date(body)
        if basis == "printed" and printed is not None and printed != published:
            raise BuildError(f"{where}: published {published} but the article prints {printed}")
        sources.append(
            Source(
                id=sid,
                title=_field(entry, "title", where),
                published=published,
                estimated=basis == "estimated",
                date_clue=_field(entry, "date_clue", where),
                body=body,
                sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
                added=added,
                url=url,
                outlet=outlet,
            )
        )
    unlisted = sorted(p.name for p in sources_dir.glob("*.txt") if p.stem not in seen)
    if unlisted:
        print(
            f"warning: {rel(sources_dir)}: not in {rel(manifest)}, skipped: {', '.join(unlisted)}",
            file=sys.stderr,
        )
    return sorted(sources, key=lambda s: s.id)


def load_all(paths: DataPaths) -> list[Source]:
    """The shipped articles and the owner's library together, in id order; an id used in
    both is an error naming it."""
    sources: dict[str, Source] = {}
    for manifest, folder in paths.article_sets():
        for s in load_sources(manifest, folder, required=manifest == paths.manifest):
            if s.id in sources:
                raise BuildError(
                    f"{rel(manifest)}: source '{s.id}' is also shipped in {rel(paths.manifest)}; "
                    "remove one of them"
                )
            sources[s.id] = s
    return sorted(sources.values(), key=lambda s: s.id)
