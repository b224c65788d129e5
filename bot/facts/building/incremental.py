"""The extraction pass over every article (bot.facts.reading.article per article), with each
article's work kept for the next build: after adding one article to a thousand, only that one is
read again.

The result is exactly that of the same pass with nothing cached
(`bot.facts.reading.extract.extract`; a test holds the two equal, cold, warm and as articles
come and go); what is cached, per article:
- its sentences, status claims, lore and the index-free parts of the return and spoiler
  checks, under the builder's version (code and curated data) and the article (id, text, date);
- what the cast pass did in it (names discovered, pairs seen), under the article and the names
  known before it: articles are read in id order and a new one sorts last, so the earlier
  articles' entries stay valid;
- its entity mentions, returns, spoiler flags and descriptions, with the discovered names they
  were found against; they are found again when a name discovered since occurs in the article,
  or when the earlier names changed or came in another order (an article removed, or one whose
  id sorts before others: then every article's mentions are found again).

What is not cached is read in forked processes when there is much of it (a cold build of a
large library): each article alone, then each one's names against the full index; the cast
pass between them stays in order, in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

from bot.facts.building.pieces import NoCache, PieceCache, _key
from bot.facts.building.records import Description, Extraction
from bot.facts.curated import EntityDef, Lexicon
from bot.facts.reading.article import TOKEN, Alone, read_alone, read_named
from bot.facts.reading.casting import CastCollector
from bot.facts.reading.entities import EntityIndex
from bot.facts.sources.manifest import Source
from bot.facts.text import Repairer


class _Recorder(CastCollector):
    """The cast pass, noting what each article did so a later build can replay it."""

    def __init__(self, index: EntityIndex, titles):
        super().__init__(index, titles)
        self.events: list[tuple[str, str | None, int, str, bool]] = []

    def _add(self, actor, character, sid, form, new) -> None:
        self.events.append((actor, character, sid, form, new))
        super()._add(actor, character, sid, form, new)


def _could_occur(e: EntityDef, words: str) -> bool:
    """Whether a spelling of `e` occurs in the article's words, as the entity index matches
    it (its words in a row, or run together: "On-jo", "onjo")."""
    for alias in e.all_aliases():
        tokens = TOKEN.findall(alias.lower())
        if tokens and (f" {' '.join(tokens)} " in words or f" {''.join(tokens)} " in words):
            return True
    return False


# Articles are read in several processes only when there are this many to read: below it,
# starting them costs more than they save (and the small builds of tests stay in-process).
PARALLEL_FROM = 200
_TASK: tuple[Callable, list] | None = None  # what forked readers run, inherited at the fork


def _run_task(i: int):
    assert _TASK is not None
    fn, items = _TASK
    return fn(*items[i])


def _workers(todo: int) -> int:
    """How many processes read `todo` articles: one, unless there are many, spare cores, and
    no other thread in this process (a fork copies the calling thread alone: a bot's event loop
    or a lock another thread holds would be left broken in the copy)."""
    if todo < PARALLEL_FROM or threading.active_count() != 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, 8, todo // (PARALLEL_FROM // 2)))


def _each(fn: Callable, items: list[tuple], workers: int) -> Iterator:
    """`fn(*item)` for each item, in order: in forked processes when workers > 1 (pure work
    on what this process holds; only the results travel back, pickled)."""
    if workers <= 1 or len(items) < 2:
        yield from (fn(*item) for item in items)
        return
    # The first in this process: what the readers compile on first use (cue sets, the lemma
    # dictionary) is then inherited by every fork, not compiled again in each.
    yield fn(*items[0])
    global _TASK
    _TASK = (fn, items)
    # What the readers inherit is frozen for the fork: their collector never walks it, so it
    # neither costs them time nor copies every page it sits on.
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    finally:
        gc.unfreeze()
    try:
        with pool:
            # chunks of some 30 articles: the cast pass takes them soon after they are read
            # (smaller ones cost this process more in messages than they save)
            chunk = max(1, len(items) // (workers * 16))
            yield from pool.imap(_run_task, range(1, len(items)), chunksize=chunk)
            pool.close()
            pool.join()
    finally:
        _TASK = None


def extract_cached(
    sources: list[Source],
    entities: list[EntityDef],
    repairer: Repairer,
    lex: Lexicon,
    cache: PieceCache | NoCache,
    version: str,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> Extraction:
    """`extract(sources, entities, repairer, lex)`, from the cache wherever it can be; the
    articles not cached are read by `workers` processes (None: as many as pay, _workers)."""
    # A build makes a few hundred thousand records that all live to its end: the collector,
    # at its usual every 700 allocations, would walk them again and again and find no garbage.
    # The readers forked from here inherit the same setting.
    threshold = gc.get_threshold()
    gc.set_threshold(_FEW_COLLECTIONS, *threshold[1:])
    try:
        return _extract(sources, entities, repairer, lex, cache, version, progress, workers)
    finally:
        gc.set_threshold(*threshold)


_FEW_COLLECTIONS = 100_000  # allocations between collections during a build (700 by default)


def _extract(sources, entities, repairer, lex, cache, version, progress, workers) -> Extraction:
    index = EntityIndex(entities)
    cast = _Recorder(index, lex.claims.get("values", {}).get("titles", []))
    keys = [_key(version, s.id, s.sha256, s.published, str(s.estimated)) for s in sources]
    got = [cache.get("a" + key) for key in keys]
    todo = [
        (src, repairer, lex)
        for src, a in zip(sources, got, strict=True)
        if not isinstance(a, Alone)
    ]
    jobs = workers if workers is not None else _workers(len(todo))
    read = _each(read_alone, todo, jobs)
    arts: list[tuple[Source, str, Alone, int]] = []
    base = 0
    state = version  # the names known so far: curated, then as each article discovers them
    for src, key, alone in zip(sources, keys, got, strict=True):
        if not isinstance(alone, Alone):
            alone = next(read)
            cache.put("a" + key, alone)
        # The cast pass takes the articles in order as they come back: in this process, while
        # the forked readers read the next ones (it was a serial second of its own after them).
        state = _cast(alone, base, "c" + _key(key, state), state, cast, cache)
        arts.append((src, key, alone, base))
        base += len(alone.sentences)
        if progress is not None:
            progress(src.title)
    read.close()  # its processes and their threads end here, before the next fork

    discovered = {e.id: e for e in index.entities.values() if not e.curated}
    order = tuple((e.id, e.name) for e in discovered.values())  # who owns a shared spelling
    known = _key(*(f"{i}|{n}" for i, n in order))  # the names mentions are found against
    cache.put("s" + known, order)
    out = Extraction([], dict(sorted(index.entities.items())), [], cast.result(), [], [], [])
    descriptions: list[Description] = []
    kept = [_still_named(a, k, (known, order, discovered), cache) for _, k, a, _ in arts]
    todo = [
        (alone, index, lex) for (_, _, alone, _), k in zip(arts, kept, strict=True) if k[0] is None
    ]
    found = _each(read_named, todo, workers if workers is not None else _workers(len(todo)))
    for (_src, key, alone, base), (named, current) in zip(arts, kept, strict=True):
        if named is None:
            named = next(found)
        if not current:  # found again, or found against fewer names: kept under today's
            cache.put("m" + key, (known, named))
        named_by, described = named
        descriptions.extend(replace(d, sentence_id=d.sentence_id + base) for d in described)
        # The pieces are this build's own copies (unpickled, or pickled when made): numbered
        # in place, which is cheaper than copying 30,000 records.
        for s, spoiler, (named, returning) in zip(
            alone.sentences, alone.spoiler, named_by, strict=True
        ):
            s.id += base
            someone = any(index.entities[e].kind != "crew" for e in named)
            s.spoiler = spoiler[0] if someone else spoiler[1]
            out.sentences.append(s)
            out.mentions.extend((s.id, eid) for eid in named)
            out.returns.extend((eid, s.id, n, h) for eid, n, h in returning)
        for c in alone.claims:
            c.sentence_id += base
        out.claims.extend(alone.claims)
        out.lore.extend((sid + base, t, score) for sid, t, score in alone.lore)
    found.close()
    out.descriptions = sorted(descriptions, key=lambda d: (d.entity_id, d.sentence_id, d.text))
    return out


def _cast(alone: Alone, base: int, ck: str, state: str, cast: _Recorder, cache) -> str:
    """The cast pass over one article (sentence ids from `base` + 1), or its replay from the
    cache; the names known after it."""
    index = cast.index
    done = cache.get(ck)
    if done is None:
        before = len(index.entities)
        cast.events = []
        for s in alone.sentences:
            # numbered in place for the pass (a copy of each of 30,000 sentences cost more),
            # and back: the names pass and the cache keep the article's own numbering
            s.id += base
            cast.collect(s)
            s.id -= base
        found = list(index.entities.values())[before:]
        done = (found, [(a, c, sid - base, f, n) for a, c, sid, f, n in cast.events])
        cache.put(ck, done)
    else:
        for e in done[0]:
            index.add(e)
        for a, c, sid, form, new in done[1]:
            CastCollector._add(cast, a, c, sid + base, form, new)
    if done[0]:
        state = _key(state, *(f"{e.id}|{e.kind}|{e.name}" for e in done[0]))
    return state


def _still_named(alone: Alone, key: str, known, cache):
    """Per sentence: (entities named, returns), and the article's descriptions, from the cache
    while still valid, and whether they were found against the names known now; None when
    they must be found again (read_named)."""
    known_key, order, discovered = known
    got = cache.get("m" + key)
    if got is not None:
        then_key, found = got
        then = order if then_key == known_key else cache.get("s" + then_key)
        # Valid when the names known then are the first ones known now, in the same order (so
        # every spelling keeps its owner), and none of the names added since occurs here.
        if (
            then is not None
            and order[: len(then)] == then
            and not any(_could_occur(discovered[eid], alone.words) for eid, _ in order[len(then) :])
        ):
            return found, then_key == known_key
    return None, False
