"""The fact store at run time: opened through aiosqlite, checked, and held in memory.

A store whose schema version or content hash does not match the current code and data is
rebuilt before it is read (`ensure_store`), never half-read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import aiosqlite

from bot.build import build, content_hash, schema_version
from bot.errors import StoreError
from bot.paths import DataPaths, rel


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: str
    title: str
    published: str
    estimated: bool
    date_clue: str


@dataclass(frozen=True, slots=True)
class SentenceRow:
    id: int
    source_id: str
    seq: int
    quote: str
    display: str
    kind: str
    section: str
    spoiler: bool


@dataclass(slots=True)
class EntityRow:
    id: str
    kind: str
    name: str
    hangul: str
    roles: list[str]
    curated: bool
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PairRow:
    actor_id: str
    character_id: str | None
    new_cast: bool
    evidence: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    topic: str
    sentence_id: int
    source_id: str
    published: str
    negated: bool
    hedged: bool
    value: str


@dataclass(frozen=True, slots=True)
class TopicRow:
    id: str
    family: str
    label: str
    names: list[str]
    states: dict[str, str]


@dataclass
class FactStore:
    """Everything the engine reads, loaded once."""

    sources: dict[str, SourceInfo]
    sentences: dict[int, SentenceRow]
    entities: dict[str, EntityRow]
    mentions: dict[str, list[int]]
    pairs: list[PairRow]
    returns: dict[str, list[tuple[int, bool, bool]]]
    claims: dict[str, list[ClaimRow]]
    lore: dict[str, list[tuple[int, float]]]
    status_topics: dict[str, TopicRow]
    lore_topics: dict[str, TopicRow]
    vocab: dict[str, dict[str, list[str]]]
    content_hash: str

    @property
    def newest_source(self) -> SourceInfo:
        """The source with the latest publication date."""
        return max(self.sources.values(), key=lambda s: (s.published, s.id))


async def _stored_version(path: Path) -> tuple[int, str] | None:
    """(schema version, content hash) of a store, or None when it is missing or unreadable."""
    if not path.exists():
        return None
    try:
        async with aiosqlite.connect(f"file:{path}?mode=ro", uri=True) as db:
            (version,) = await (await db.execute("PRAGMA user_version")).fetchone()
            row = await (
                await db.execute("SELECT value FROM meta WHERE key = 'content_hash'")
            ).fetchone()
    except Exception:  # a truncated or foreign file: treat as absent and rebuild
        return None
    return int(version), (row[0] if row else "")


async def ensure_store(paths: DataPaths, *, rebuild: bool = True) -> bool:
    """Rebuild the store when it is missing or stale; True when a build ran."""
    wanted = (schema_version(paths.schema.read_text(encoding="utf-8")), content_hash(paths))
    if await _stored_version(paths.store) == wanted:
        return False
    if not rebuild:
        raise StoreError(f"{rel(paths.store)} is missing or out of date: run `python -m bot build`")
    build(paths)
    return True


async def load_store(paths: DataPaths) -> FactStore:
    """Open the store read-only (after ensure_store) and hold it in memory."""
    await ensure_store(paths)
    async with aiosqlite.connect(f"file:{paths.store}?mode=ro", uri=True) as db:
        (version,) = await (await db.execute("PRAGMA user_version")).fetchone()
        expected = schema_version(paths.schema.read_text(encoding="utf-8"))
        if version != expected:
            raise StoreError(f"{rel(paths.store)}: schema {version}, expected {expected}")

        async def rows(sql: str):
            return await (await db.execute(sql)).fetchall()

        meta = dict(await rows("SELECT key, value FROM meta"))
        sources = {
            r[0]: SourceInfo(r[0], r[1], r[2], bool(r[3]), r[4])
            for r in await rows("SELECT id, title, published, estimated, date_clue FROM sources")
        }
        sentences = {
            r[0]: SentenceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]))
            for r in await rows(
                "SELECT id, source_id, seq, quote, display, kind, section, spoiler FROM sentences"
            )
        }
        entities = {
            r[0]: EntityRow(r[0], r[1], r[2], r[3], json.loads(r[4]), bool(r[5]))
            for r in await rows("SELECT id, kind, name, hangul, roles, curated FROM entities")
        }
        for eid, alias in await rows("SELECT entity_id, alias FROM aliases ORDER BY rowid"):
            entities[eid].aliases.append(alias)
        mentions: dict[str, list[int]] = defaultdict(list)
        for sid, eid in await rows(
            "SELECT sentence_id, entity_id FROM mentions ORDER BY sentence_id"
        ):
            mentions[eid].append(sid)
        pairs: dict[int, PairRow] = {
            r[0]: PairRow(r[1], r[2], bool(r[3]))
            for r in await rows(
                "SELECT id, actor_id, character_id, new_cast FROM cast_pairs ORDER BY id"
            )
        }
        for pid, sid, form in await rows(
            "SELECT pair_id, sentence_id, form FROM cast_evidence ORDER BY pair_id, sentence_id"
        ):
            pairs[pid].evidence.append((sid, form))
        returns: dict[str, list[tuple[int, bool, bool]]] = defaultdict(list)
        for eid, sid, neg, hedge in await rows(
            "SELECT entity_id, sentence_id, negated, hedged FROM returns ORDER BY sentence_id"
        ):
            returns[eid].append((sid, bool(neg), bool(hedge)))
        claims: dict[str, list[ClaimRow]] = defaultdict(list)
        for r in await rows(
            "SELECT topic, sentence_id, source_id, published, negated, hedged, value FROM claims "
            "ORDER BY published DESC, sentence_id"
        ):
            claims[r[0]].append(ClaimRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6]))
        lore: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for sid, topic, score in await rows(
            "SELECT sentence_id, topic, score FROM lore ORDER BY topic, score DESC, sentence_id"
        ):
            lore[topic].append((sid, score))
        topics = [
            TopicRow(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]))
            for r in await rows(
                "SELECT id, family, label, names, states FROM topics ORDER BY rowid"
            )
        ]
        vocab = {r[0]: json.loads(r[1]) for r in await rows("SELECT name, value FROM vocab")}
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
    )
