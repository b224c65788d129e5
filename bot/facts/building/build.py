"""`python -m bot build`: write data/facts.sqlite from the sources, atomically and reproducibly.

Each article's extraction is cached beside the store (`facts.sqlite.cache`,
bot.facts.building.incremental), so a build after adding one article extracts that one."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from bot.errors import BuildError
from bot.facts.building.incremental import extract_cached
from bot.facts.building.leftovers import remove_stale_tmp
from bot.facts.building.pieces import PieceCache, builder_version
from bot.facts.building.versions import content_hash, read_schema, schema_version
from bot.facts.curated import load_entities, load_lexicon, load_repairs
from bot.facts.sources.manifest import load_all
from bot.facts.sources.show import show_names
from bot.facts.text import PhraseSet
from bot.paths import DataPaths, rel
from bot.progress import Progress

T = TypeVar("T")


@dataclass(frozen=True)
class BuildSummary:
    """What a build wrote, for the summary line."""

    path: Path
    sources: int
    sentences: int
    entities: int
    discovered: int
    cast_pairs: int
    claims: int
    lore_facts: int
    descriptions: int = 0

    def __str__(self) -> str:
        return (
            f"built {rel(self.path)}: {self.sources} sources, {self.sentences} sentences, "
            f"{self.entities} entities ({self.discovered} discovered), "
            f"{self.cast_pairs} cast pairs, "
            f"{self.claims} status claims, {self.lore_facts} lore facts, "
            f"{self.descriptions} descriptions"
        )


def build(paths: DataPaths | None = None) -> BuildSummary:
    """Build the store. On any error the previous store is left as it was."""
    paths = paths or DataPaths()
    digest = content_hash(paths)
    sources = load_all(paths)
    lexicon = _shaped(paths.lexicon, load_lexicon)
    lexicon = replace(lexicon, show=PhraseSet(show_names(paths.entities)))
    entities = _shaped(paths.entities, load_entities)
    repairs = _shaped(paths.repairs, load_repairs)
    bar = Progress("building: article", len(sources))
    paths.store.parent.mkdir(parents=True, exist_ok=True)
    cache = PieceCache(paths.cache)
    version = builder_version([paths.entities, paths.repairs, paths.lexicon])
    try:
        x = extract_cached(sources, entities, repairs, lexicon, cache, version, bar.step)
    finally:
        bar.close()
        cache.close()
    schema_sql = read_schema(paths.schema)
    version = schema_version(schema_sql)

    paths.store.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_tmp(paths.store)
    tmp = paths.store.with_name(f"{paths.store.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        con = sqlite3.connect(tmp)
        try:
            try:
                con.executescript(schema_sql)
            except sqlite3.Error as exc:
                raise BuildError(f"{rel(paths.schema)}: not valid SQL ({exc})") from None
            _write(con, sources, x, lexicon, digest, version)
            con.commit()
        finally:
            con.close()
        try:
            os.replace(tmp, paths.store)
        except OSError as exc:
            raise BuildError(f"{rel(paths.store)}: cannot be replaced ({exc.strerror})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return BuildSummary(
        path=paths.store,
        sources=len(sources),
        sentences=len(x.sentences),
        entities=len(x.entities),
        discovered=sum(not e.curated for e in x.entities.values()),
        cast_pairs=len(x.pairs),
        claims=len(x.claims),
        lore_facts=len(x.lore),
        descriptions=len(x.descriptions),
    )


def _shaped(path: Path, load: Callable[[Path], T]) -> T:
    """Run a curated-data loader; a file of the wrong shape is a one-line error naming it."""
    try:
        return load(path)
    except BuildError:
        raise
    except (TypeError, AttributeError, KeyError, ValueError) as exc:
        raise BuildError(
            f"{rel(path)}: not the expected shape ({type(exc).__name__}: {exc}); "
            "compare it with the shipped file"
        ) from None


def _write(con: sqlite3.Connection, sources, x, lexicon, digest: str, version: int) -> None:
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("content_hash", digest),
            ("schema_version", str(version)),
            # When each source was added (manifest `added`); in meta so the schema stays put.
            ("sources_added", json.dumps({s.id: s.added for s in sources if s.added})),
            # Where each came from (manifest `url`, `outlet`), for links in the Sources block.
            (
                "sources_links",
                json.dumps({s.id: [s.url, s.outlet] for s in sources if s.url or s.outlet}),
            ),
        ],
    )
    con.executemany(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (s.id, s.title, s.published, int(s.estimated), s.date_clue, s.sha256, s.body)
            for s in sources
        ],
    )
    con.executemany(
        "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                s.id,
                s.source_id,
                s.seq,
                s.start,
                s.end,
                s.quote,
                s.display,
                s.kind,
                s.section,
                int(s.spoiler),
            )
            for s in x.sentences
        ],
    )
    con.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
        [
            (e.id, e.kind, e.name, e.hangul, json.dumps(e.roles), int(e.curated))
            for e in x.entities.values()
        ],
    )
    con.executemany(
        "INSERT OR IGNORE INTO aliases VALUES (?, ?)",
        [(e.id, a) for e in x.entities.values() for a in e.all_aliases()],
    )
    con.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?)", x.mentions)
    for n, pair in enumerate(x.pairs, 1):
        con.execute(
            "INSERT INTO cast_pairs VALUES (?, ?, ?, ?)",
            (n, pair.actor_id, pair.character_id, int(pair.new_cast)),
        )
        con.executemany(
            "INSERT INTO cast_evidence VALUES (?, ?, ?)",
            [(n, sid, form) for sid, form in sorted(pair.evidence.items())],
        )
    con.executemany(
        "INSERT OR IGNORE INTO returns VALUES (?, ?, ?, ?)",
        [(e, s, int(n), int(h)) for e, s, n, h in x.returns],
    )
    con.executemany(
        "INSERT INTO claims (topic, sentence_id, source_id, published, negated, hedged, value, "
        "state, modality, tense, season) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                c.topic,
                c.sentence_id,
                c.source_id,
                c.published,
                int(c.negated),
                int(c.hedged),
                c.value,
                c.state,
                c.modality,
                c.tense,
                c.season,
            )
            for c in x.claims
        ],
    )
    con.executemany("INSERT INTO lore VALUES (?, ?, ?)", x.lore)
    con.executemany(
        "INSERT INTO descriptions VALUES (?, ?, ?, ?)",
        [(d.entity_id, d.sentence_id, d.text, d.form) for d in x.descriptions],
    )
    con.executemany(
        "INSERT INTO topics VALUES (?, ?, ?, ?, ?)",
        [
            (t.id, family, t.label, json.dumps(list(t.names)), json.dumps(t.states))
            for family, table in (("status", lexicon.status), ("lore", lexicon.lore))
            for t in table.values()
        ],
    )
    con.executemany(
        "INSERT INTO vocab VALUES (?, ?)",
        [
            (f"ask.{group}", json.dumps(table, sort_keys=True))
            for group, table in sorted(lexicon.ask.items())
        ]
        # The titles a name may carry, so a fan's "!cast Sgt. X" reads past it as articles do.
        + [("names.titles", json.dumps({"titles": lexicon.claims["values"]["titles"]}))],
    )
