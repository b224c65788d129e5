"""Adding and removing sources: the article file, its manifest entry, and the rebuild.

Added articles go to the owner's library (`DataPaths.library`, the instance folder, untracked),
never into the shipped data/, so pulling a new release never conflicts with them; articles
added into data/ by an older release are moved there once (`migrate`).

The manifest is edited as text, one `[[source]]` block appended or cut, so its comments, order
and hand formatting stay exactly as written (tomlkit could do the same, but a new dependency
for appending one block is not worth it); every edit is re-read with tomllib before it is
kept. Either the whole change (file, manifest, rebuilt store) happens or none of it does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from bot.errors import BuildError
from bot.facts.building.build import BuildSummary, build
from bot.facts.sources.ingest import Article, IngestRefused
from bot.facts.sources.manifest import load_all
from bot.facts.text import collapse_ws
from bot.paths import DataPaths, rel

try:
    import fcntl
except ImportError:  # Windows: one writer at a time is then up to the owner
    fcntl = None

NEAR_DUPLICATE = 90.0  # rapidfuzz ratio (0-100) of whitespace-collapsed texts
_HEADER = re.compile(r"^\[\[source\]\][ \t]*(?:#.*)?$")
LIBRARY_HEADER = (
    "# The articles this bot's owner added (`hyosan-bot add`, approved news), one [[source]] per\n"
    "# file in sources/<id>.txt. Not tracked by git: a new release never touches it.\n"
)


@dataclass(frozen=True)
class Change:
    """What add or remove did: the source id and the rebuilt store's summary."""

    verb: str  # added | removed
    source_id: str
    summary: BuildSummary


def _toml_str(value: str) -> str:
    # A JSON string of printable text is a valid TOML basic string.
    return json.dumps("".join(ch for ch in value if ch.isprintable()), ensure_ascii=False)


def entry_text(sid: str, a: Article, added: dt.date) -> str:
    """The manifest block for a new source."""
    fields = {
        "id": sid,
        "title": a.title,
        "published": a.published,
        "date_basis": a.date_basis,
        "date_clue": a.date_clue,
        "added": added.isoformat(),
        "url": a.url,
        "outlet": a.outlet,
    }
    return "[[source]]\n" + "".join(f"{k} = {_toml_str(v)}\n" for k, v in fields.items() if v)


def new_id(paths: DataPaths, body: str) -> str:
    """Next number after the highest in use, then the body's short content hash."""
    folders = [paths.sources_dir, *([paths.library_dir] if paths.library_dir else [])]
    numbers = [
        int(m.group(1))
        for folder in folders
        for p in folder.glob("*.txt")
        if (m := re.match(r"(\d+)_", p.stem))
    ]
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    return f"{max(numbers, default=-1) + 1:03d}_{digest}"


def check_duplicate(paths: DataPaths, a: Article) -> None:
    """Refuse an article the sources already hold: same bytes, or nearly the same text."""
    digest = hashlib.sha256(a.body.encode("utf-8")).hexdigest()
    new = collapse_ws(a.body).lower()
    for s in load_all(paths):
        old = collapse_ws(s.body).lower()
        if s.sha256 == digest or old == new:
            raise IngestRefused(f"{a.origin}: already a source, identical to {s.id}")
        score = fuzz.ratio(new, old, score_cutoff=NEAR_DUPLICATE)
        if score:
            raise IngestRefused(
                f"{a.origin}: a near-duplicate ({score:.0f}% the same text) of source {s.id} "
                f'"{s.title}"; remove that one first to replace it'
            )


def _entry_ids(text: str) -> list[str]:
    return [e.get("id") for e in tomllib.loads(text).get("source", [])]


def _cut_block(text: str, sid: str) -> str:
    """The manifest without the block of `sid` and the comment right above it (if any).
    The last block goes with the blank lines before it, and what followed it (a final
    newline or not, trailing blank lines) stays: the inverse of `_append`."""
    lines = text.splitlines(keepends=True)
    heads = [i for i, ln in enumerate(lines) if _HEADER.match(ln.strip())] + [len(lines)]
    for start, end in itertools.pairwise(heads):
        if _entry_ids("".join(lines[start:end])) != [sid]:
            continue
        while end > start + 1 and end < len(lines) and lines[end - 1].lstrip().startswith("#"):
            end -= 1  # a comment right above the next header introduces that entry
        if start != heads[0]:  # the file's own comments sit above the first entry
            while lines[start - 1].lstrip().startswith("#"):
                start -= 1  # ...and this entry's introducing comment goes with it
        if end == len(lines):
            block = "".join(lines[start:])
            return "".join(lines[:start]).rstrip() + block[len(block.rstrip()) :]
        return "".join(lines[:start] + lines[end:])
    raise IngestRefused(f"no source '{sid}' in the manifest")


def _append(text: str, entry: str) -> str:
    """The manifest with `entry` after its last block, one blank line between, in the file's
    own line endings, before whatever ends the file (a final newline or not, blank lines)."""
    core = text.rstrip()
    nl = "\r\n" if "\r\n" in text else "\n"
    block = entry.rstrip("\n").replace("\n", nl)
    return core + nl + nl + block + text[len(core) :]


def _read(path: Path) -> str:
    """A text file exactly as stored: CRLF stays CRLF (read_text would translate it)."""
    return path.read_bytes().decode("utf-8")


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, path)


def _target(paths: DataPaths) -> tuple[Path, Path]:
    """(manifest, folder) that `add` writes: the library when there is one."""
    if paths.library_manifest is None or paths.library_dir is None:
        return paths.manifest, paths.sources_dir
    return paths.library_manifest, paths.library_dir


def _manifest_text(path: Path) -> str:
    return _read(path) if path.exists() else LIBRARY_HEADER


def _apply(
    paths: DataPaths, manifests: dict[Path, str], writes: dict[Path, str | None]
) -> BuildSummary:
    """Write the files (None deletes) and the manifests, rebuild; on failure put all back."""
    every = {**writes, **manifests}
    before = {p: _read(p) if p.exists() else None for p in every}
    try:
        for p, content in every.items():
            if content is None:
                p.unlink(missing_ok=True)
            else:
                p.parent.mkdir(parents=True, exist_ok=True)
                _write_atomic(p, content)
        return build(paths)
    except BaseException:
        for p, content in before.items():
            if content is None:
                p.unlink(missing_ok=True)
            else:
                _write_atomic(p, content)
        raise


@contextmanager
def _one_writer(paths: DataPaths) -> Iterator[None]:
    """One add or remove at a time across processes (`add`, `feeds poll` from cron, the bot's
    feed task): an advisory lock the kernel frees when the process ends, however it ends."""
    where = (paths.library or paths.store.parent) / ".write.lock"
    where.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def add_source(paths: DataPaths, a: Article, today: dt.date) -> Change:
    """Write the article and its manifest entry and rebuild; refused duplicates write nothing."""
    with _one_writer(paths):
        return _add(paths, a, today)


def _add(paths: DataPaths, a: Article, today: dt.date) -> Change:
    check_duplicate(paths, a)
    sid = new_id(paths, a.body)
    manifest_path, folder = _target(paths)
    text = _manifest_text(manifest_path)
    manifest = _append(text, entry_text(sid, a, today))
    if _entry_ids(manifest) != [*_entry_ids(text), sid]:  # pragma: no cover - a guard
        raise BuildError(f"{rel(manifest_path)}: appending the entry did not parse back")
    summary = _apply(paths, {manifest_path: manifest}, {folder / f"{sid}.txt": a.body})
    return Change("added", sid, summary)


def remove_source(paths: DataPaths, sid: str) -> Change:
    """Take a source out of the owner's library (file and manifest entry) and rebuild."""
    with _one_writer(paths):
        return _remove(paths, sid)


def _remove(paths: DataPaths, sid: str) -> Change:
    manifest_path, folder = _target(paths)
    text = _manifest_text(manifest_path)
    ids = _entry_ids(text)
    if sid not in ids:
        shipped = [] if manifest_path == paths.manifest else _entry_ids(_read(paths.manifest))
        if sid in shipped:
            raise IngestRefused(
                f"'{sid}' ships with the bot ({rel(paths.manifest)}); only articles you added "
                "can be removed"
            )
        known = ids + shipped
        near = [i for i in known if sid and (i.startswith(sid) or sid in i)]
        hint = f"; did you mean {near[0]}?" if len(near) == 1 else "; `!sources` lists the ids"
        raise IngestRefused(f"no source with id '{sid}'{hint}")
    if len(ids) == 1 and manifest_path == paths.manifest:
        raise IngestRefused(f"'{sid}' is the only source; the bot needs at least one")
    manifest = _cut_block(text, sid)
    if _entry_ids(manifest) != [i for i in ids if i != sid]:  # pragma: no cover - a guard
        raise BuildError(f"{rel(manifest_path)}: cutting '{sid}' did not parse back")
    summary = _apply(paths, {manifest_path: manifest}, {folder / f"{sid}.txt": None})
    return Change("removed", sid, summary)


def migrate(paths: DataPaths) -> list[str]:
    """Move articles an older release's `add` wrote into the shipped data/ (entries with
    `added`) to the library, once; the ids moved. Nothing moves without a library."""
    if paths.library_manifest is None or paths.library_dir is None:
        return []
    with _one_writer(paths):
        return _move(paths, paths.library_manifest, paths.library_dir)


def _move(paths: DataPaths, library_manifest: Path, library_dir: Path) -> list[str]:
    shipped = _read(paths.manifest)
    try:
        entries = tomllib.loads(shipped).get("source", [])
    except tomllib.TOMLDecodeError:
        return []  # the build names what is wrong with it
    if not isinstance(entries, list):
        return []
    moving = [e["id"] for e in entries if isinstance(e, dict) and e.get("added") and "id" in e]
    if not moving:
        return []
    library = _manifest_text(library_manifest)
    there = set(_entry_ids(library))  # an interrupted earlier move already copied these
    for sid in moving:
        if sid not in there:
            library = _append(library, _block(shipped, sid))
        shipped = _cut_block(shipped, sid)
    # Copies first, the shipped files last: a crash in between leaves a copy, never a loss.
    library_dir.mkdir(parents=True, exist_ok=True)
    for sid in moving:
        _write_atomic(library_dir / f"{sid}.txt", _read(paths.sources_dir / f"{sid}.txt"))
    _write_atomic(library_manifest, library)
    _write_atomic(paths.manifest, shipped)
    for sid in moving:
        (paths.sources_dir / f"{sid}.txt").unlink(missing_ok=True)
    return moving


def _block(text: str, sid: str) -> str:
    """The `[[source]]` block of `sid`, as written."""
    lines = text.splitlines(keepends=True)
    heads = [i for i, ln in enumerate(lines) if _HEADER.match(ln.strip())] + [len(lines)]
    for start, end in itertools.pairwise(heads):
        if _entry_ids("".join(lines[start:end])) == [sid]:
            return "".join(lines[start:end]).rstrip() + "\n"
    raise IngestRefused(f"no source '{sid}' in the manifest")  # pragma: no cover - a guard
