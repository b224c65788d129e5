"""The fact store at run time: opened read-only, checked, and held in memory.

A store whose schema version or content hash does not match the current code and data is
rebuilt before it is read (`ensure_store`), never half-read.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.errors import BuildError, StoreError
from bot.facts.building.leftovers import remove_stale_tmp
from bot.facts.building.versions import content_hash, read_schema, schema_version
from bot.paths import DataPaths, rel

_UNREADABLE = (sqlite3.Error, ValueError, KeyError, TypeError)  # a damaged page or row


def _warn(message: str, *args) -> None:
    """Log a warning. logging is imported here: it costs a one-shot `ask` ~8 ms (threading,
    traceback), and a current store logs nothing."""
    import logging

    logging.getLogger(__name__).warning(message, *args)


# Rows are NamedTuples: a dataclass costs ~0.5 ms to define (its methods are compiled at
# import), paid by every one-shot `ask`.
class SourceInfo(NamedTuple):
    id: str
    title: str
    published: str
    estimated: bool
    date_clue: str
    added: str = ""  # ISO date of `python -m bot add`, when the manifest records it
    url: str = ""  # the article's address, when known
    outlet: str = ""  # who published it, when known


class SentenceRow(NamedTuple):
    id: int
    source_id: str
    seq: int
    quote: str
    display: str
    kind: str
    section: str
    spoiler: bool


class EntityRow(NamedTuple):
    """A person; `aliases` is filled while the store is read."""

    id: str
    kind: str
    name: str
    hangul: str
    roles: list[str]
    curated: bool
    aliases: list[str]


class PairRow(NamedTuple):
    """An actor and the character they play; `evidence` is filled while the store is read."""

    actor_id: str
    character_id: str | None
    new_cast: bool
    evidence: list[tuple[int, str]]


class ClaimRow(NamedTuple):
    topic: str
    sentence_id: int
    source_id: str
    published: str
    negated: bool
    hedged: bool
    value: str
    state: str = ""
    modality: str = "confirmed"
    tense: str = "present"
    season: int = 2


class DescriptionRow(NamedTuple):
    """What an article calls a person, as printed next to the name ("the villain character")."""

    entity_id: str
    sentence_id: int
    text: str
    form: str


class TopicRow(NamedTuple):
    id: str
    family: str
    label: str
    names: list[str]
    states: dict[str, str]


@dataclass
class FactStore:
    """Everything the engine reads, loaded once. Evidence, returns and mentions are listed
    newest source first; claims newest first."""

    sources: dict[str, SourceInfo]
    sentences: dict[int, SentenceRow]
    entities: dict[str, EntityRow]
    mentions: dict[str, list[int]]
    pairs: list[PairRow]
    returns: dict[str, list[tuple[int, bool, int]]]
    claims: dict[str, list[ClaimRow]]
    lore: dict[str, list[tuple[int, float]]]
    status_topics: dict[str, TopicRow]
    lore_topics: dict[str, TopicRow]
    vocab: dict[str, dict[str, list[str]]]
    content_hash: str
    descriptions: dict[str, list[DescriptionRow]] = field(default_factory=dict)

    def described(self, eid: str | None = None) -> list[DescriptionRow]:
        """The descriptions the articles print next to one person (newest source first), or
        next to anyone when `eid` is None."""
        if eid is not None:
            return self.descriptions.get(eid, [])
        return [d for rows in self.descriptions.values() for d in rows]

    @property
    def newest_source(self) -> SourceInfo:
        """The source with the latest publication date."""
        return max(self.sources.values(), key=lambda s: (s.published, s.id))


def _stored_version(db: sqlite3.Connection) -> tuple[int, str] | None:
    """(schema version, content hash) of an open store, or None when it is not a store."""
    try:
        (version,) = db.execute("PRAGMA user_version").fetchone()
        row = db.execute("SELECT value FROM meta WHERE key = 'content_hash'").fetchone()
    except Exception:  # a truncated or foreign file: treat as absent and rebuild
        return None
    return int(version), (row[0] if row else "")


def _wanted(paths: DataPaths) -> tuple[int, str]:
    return schema_version(read_schema(paths.schema)), content_hash(paths)


def _open_current(
    paths: DataPaths, wanted: tuple[int, str], any_hash: bool = False
) -> sqlite3.Connection | None:
    """A read-only connection to the store when it matches `wanted` (with `any_hash`: only
    its schema version), else None."""
    if not paths.store.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{paths.store}?mode=ro", uri=True)
    except Exception:
        return None
    found = _stored_version(db)
    if found == wanted or (any_hash and found and found[0] == wanted[0]):
        return db
    db.close()
    return None


def _rebuild(paths: DataPaths) -> None:
    from bot.facts.building.build import (
        build,  # only when needed: an up-to-date store loads without it
    )

    build(paths)


def ensure_store(paths: DataPaths) -> bool:
    """Rebuild the store when it is missing or stale; True when a build ran."""
    db = _open_current(paths, _wanted(paths))
    if db is not None:
        db.close()
        return False
    _rebuild(paths)
    return True


# Evidence lists are held newest source first, so answers cite the freshest wording without
# sorting at question time.
_NEWEST_FIRST = (
    "JOIN sentences s ON s.id = {t}.sentence_id JOIN sources src ON src.id = s.source_id "
    "ORDER BY src.published DESC, {t}.sentence_id"
)


async def load_store(paths: DataPaths, serve_previous: bool = True) -> FactStore:
    """`read_store` in a worker thread, so a running event loop keeps serving meanwhile."""
    import asyncio  # here: a one-shot `ask` reads the store without an event loop

    return await asyncio.to_thread(read_store, paths, serve_previous)


def read_store(paths: DataPaths, serve_previous: bool = True) -> FactStore:
    """Open the store read-only, rebuilding it first when it is stale, and hold it in memory.
    The store is a cache of the sources: one that cannot be read is rebuilt, and when a
    rebuild fails while the previous store is still readable, that one is served (warning)
    unless `serve_previous` is False (a live reload, which keeps its own engine, wants the
    error). Plain sqlite3: a round trip per query to an aiosqlite thread cost more than the
    reading itself."""
    wanted = _wanted(paths)
    remove_stale_tmp(paths.store)
    db = _open_current(paths, wanted)
    if db is not None:
        try:
            return _read(db)
        except _UNREADABLE as exc:
            _warn("%s is unreadable (%s); rebuilding it", rel(paths.store), exc)
    try:
        _rebuild(paths)
    except BuildError as exc:
        old = _open_current(paths, wanted, any_hash=True) if serve_previous else None
        if old is None:
            raise
        try:
            store = _read(old)
        except _UNREADABLE:
            raise exc from None
        _warn("%s; serving the previous %s until it is fixed", exc, rel(paths.store))
        return store
    db = _open_current(paths, wanted)
    if db is None:
        raise StoreError(f"{rel(paths.store)}: still not schema {wanted[0]} after a rebuild")
    try:
        return _read(db)
    except _UNREADABLE as exc:
        raise StoreError(f"{rel(paths.store)}: unreadable right after a rebuild ({exc})") from None


def _read(db: sqlite3.Connection) -> FactStore:
    """Every row the engine needs; the connection is closed whatever happens."""
    try:

        def rows(sql: str) -> list:
            return db.execute(sql).fetchall()

        meta = dict(rows("SELECT key, value FROM meta"))
        added = json.loads(meta.get("sources_added", "{}"))
        links = json.loads(meta.get("sources_links", "{}"))
        sources = {
            r[0]: SourceInfo(
                r[0], r[1], r[2], bool(r[3]), r[4], added.get(r[0], ""), *links.get(r[0], ())
            )
            for r in rows("SELECT id, title, published, estimated, date_clue FROM sources")
        }
        sentences = {
            r[0]: SentenceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]))
            for r in rows(
                "SELECT id, source_id, seq, quote, display, kind, section, spoiler FROM sentences"
            )
        }
        entities = {
            r[0]: EntityRow(r[0], r[1], r[2], r[3], json.loads(r[4]), bool(r[5]), [])
            for r in rows("SELECT id, kind, name, hangul, roles, curated FROM entities")
        }
        for eid, alias in rows("SELECT entity_id, alias FROM aliases ORDER BY rowid"):
            entities[eid].aliases.append(alias)
        mentions: dict[str, list[int]] = defaultdict(list)
        for sid, eid in rows(
            "SELECT m.sentence_id, m.entity_id FROM mentions m " + _NEWEST_FIRST.format(t="m")
        ):
            mentions[eid].append(sid)
        pairs: dict[int, PairRow] = {
            r[0]: PairRow(r[1], r[2], bool(r[3]), [])
            for r in rows("SELECT id, actor_id, character_id, new_cast FROM cast_pairs ORDER BY id")
        }
        for pid, sid, form in rows(
            "SELECT e.pair_id, e.sentence_id, e.form FROM cast_evidence e "
            + _NEWEST_FIRST.format(t="e")
        ):
            pairs[pid].evidence.append((sid, form))
        returns: dict[str, list[tuple[int, bool, int]]] = defaultdict(list)
        for eid, sid, neg, hedge in rows(
            "SELECT r.entity_id, r.sentence_id, r.negated, r.hedged FROM returns r "
            + _NEWEST_FIRST.format(t="r")
        ):
            returns[eid].append((sid, bool(neg), int(hedge)))  # hedged: 0 stated .. 2 rumoured
        claims: dict[str, list[ClaimRow]] = defaultdict(list)
        for r in rows(
            "SELECT topic, sentence_id, source_id, published, negated, hedged, value, state, "
            "modality, tense, season FROM claims ORDER BY published DESC, sentence_id"
        ):
            claims[r[0]].append(ClaimRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), *r[6:]))
        lore: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for sid, topic, score in rows(
            "SELECT sentence_id, topic, score FROM lore ORDER BY topic, score DESC, sentence_id"
        ):
            lore[topic].append((sid, score))
        topics = [
            TopicRow(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]))
            for r in rows("SELECT id, family, label, names, states FROM topics ORDER BY rowid")
        ]
        vocab = {r[0]: json.loads(r[1]) for r in rows("SELECT name, value FROM vocab")}
        descriptions: dict[str, list[DescriptionRow]] = defaultdict(list)
        for r in rows(
            "SELECT d.entity_id, d.sentence_id, d.text, d.form FROM descriptions d "
            + _NEWEST_FIRST.format(t="d")
        ):
            descriptions[r[0]].append(DescriptionRow(*r))
    finally:
        db.close()
    return FactStore(
        sources=sources,
        sentences=sentences,
        entities=entities,
        mentions=dict(mentions),
        pairs=list(pairs.values()),
        returns=dict(returns),
        claims=dict(claims),
        lore=dict(lore),
        status_topics={t.id: t for t in topics if t.family == "status"},
        lore_topics={t.id: t for t in topics if t.family == "lore"},
        vocab=vocab,
        content_hash=meta.get("content_hash", ""),
        descriptions=dict(descriptions),
    )
