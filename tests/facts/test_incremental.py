"""The cached extraction is exactly the plain one: cold, warm, and after articles come and go."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.bench.synth import write_corpus
from bot.facts.building import incremental
from bot.facts.building.incremental import PARALLEL_FROM, _workers, extract_cached
from bot.facts.building.pieces import NoCache, PieceCache, builder_version
from bot.facts.curated import load_entities, load_lexicon, load_repairs
from bot.facts.reading.extract import extract
from bot.facts.sources.manifest import load_all
from tests.conftest import add_article


def both(paths, cache_path: Path, version: str = "v"):
    sources = load_all(paths)
    args = (load_entities(paths.entities), load_repairs(paths.repairs), load_lexicon(paths.lexicon))
    cache = PieceCache(cache_path)
    try:
        cached = extract_cached(sources, *args, cache, version)
    finally:
        cache.close()
    return extract(sources, *args), cached


def same(a, b) -> None:
    assert a.sentences == b.sentences
    assert a.entities == b.entities
    assert a.mentions == b.mentions and a.returns == b.returns
    assert a.pairs == b.pairs and a.claims == b.claims and a.lore == b.lore


def test_cold_warm_and_incremental_extraction_equal_the_plain_pass(tmp_path):
    paths = write_corpus(tmp_path / "corpus", 12)
    early = paths.sources_dir / "syn_00000.txt"  # names someone no article has discovered yet
    early.write_text(early.read_text(encoding="utf-8") + "Jeon Da-bin was seen.\n", "utf-8")
    cache = tmp_path / "pieces.sqlite"
    same(*both(paths, cache))  # cold
    same(*both(paths, cache))  # every piece from the cache
    # A new article that discovers a name the earlier articles print: their mentions change.
    add_article(
        paths,
        "syn_99999",
        "All of Us Are Dead Season 2 news. Newcomer Jeon Da-bin plays Go Min-seo, a new student. "
        "Go Min-seo was in every article. Jeon Da-bin returns.\n",
        "2026-01-01",
    )
    plain, cached = both(paths, cache)
    same(plain, cached)
    early_ids = {s.id for s in cached.sentences if s.source_id == "syn_00000"}
    assert any(sid in early_ids and e == "actor:jeon-da-bin" for sid, e in cached.mentions)
    # Taking an article out again.
    (paths.sources_dir / "syn_00003.txt").unlink()
    text = paths.manifest.read_text(encoding="utf-8")
    start = text.index('id = "syn_00003"')
    block_start = text.rindex("[[source]]", 0, start)
    block_end = text.find("[[source]]", start)
    paths.manifest.write_text(text[:block_start] + text[block_end:], encoding="utf-8")
    same(*both(paths, cache))


def test_a_damaged_cache_is_started_afresh(tmp_path):
    paths = write_corpus(tmp_path / "corpus", 2)
    cache = tmp_path / "pieces.sqlite"
    cache.write_bytes(b"not a database at all" * 100)
    same(*both(paths, cache))


def test_the_version_covers_the_builder_code_and_the_curated_files(tmp_path):
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text("a = 1\n", encoding="utf-8")
    before = builder_version([lexicon])
    lexicon.write_text("a = 2\n", encoding="utf-8")
    assert builder_version([lexicon]) != before


def test_a_character_called_a_newcomer_stays_new_when_replayed_from_the_cache(tmp_path):
    paths = write_corpus(tmp_path / "corpus", 3)
    add_article(paths, "syn_90001", "Season 2 news. Yoon Ha-na plays Kim Bo-ra.\n", "2026-01-01")
    add_article(
        paths,
        "syn_90002",
        "Season 2 news. New faces: Lt. Kim Bo-ra and Jang Ye-rim.\n",
        "2026-02-01",
    )
    cache = tmp_path / "pieces.sqlite"
    for _ in range(2):  # cold, then every piece from the cache
        plain, cached = both(paths, cache)
        same(plain, cached)
        new = {(p.actor_id, p.character_id) for p in cached.pairs if p.new_cast}
        assert ("actor:yoon-ha-na", "character:kim-bo-ra") in new


def test_articles_read_in_forked_processes_equal_the_plain_pass(tmp_path, monkeypatch):
    started: list[str] = []
    real_context = incremental.multiprocessing.get_context

    def context(method):
        started.append(method)
        return real_context(method)

    monkeypatch.setattr(incremental.multiprocessing, "get_context", context)
    paths = write_corpus(tmp_path / "corpus", 6)
    sources = load_all(paths)
    args = (load_entities(paths.entities), load_repairs(paths.repairs), load_lexicon(paths.lexicon))
    titles: list[str] = []
    forked = extract_cached(sources, *args, NoCache(), "", titles.append, workers=2)
    plain = extract(sources, *args)
    same(plain, forked)
    assert forked.descriptions == plain.descriptions
    assert titles == [s.title for s in sources]  # progress still told article by article
    assert started == ["fork", "fork"]  # both passes ran in forked processes
    # and so does a cache filled by the forked pass, read back in one process
    cache_path = tmp_path / "pieces.sqlite"
    for workers in (2, 1):
        cache = PieceCache(cache_path)
        try:
            same(plain, extract_cached(sources, *args, cache, "v", workers=workers))
        finally:
            cache.close()


def test_both_passes_fork_when_there_are_enough_articles_and_leave_no_thread(tmp_path, monkeypatch):
    started: list[str] = []
    real_context = incremental.multiprocessing.get_context
    monkeypatch.setattr(
        incremental.multiprocessing,
        "get_context",
        lambda method: started.append(method) or real_context(method),
    )
    monkeypatch.setattr(incremental, "PARALLEL_FROM", 4)
    # only the threads started since count (a thread pytest or an earlier test left is idle)
    others = threading.active_count() - 1
    monkeypatch.setattr(
        incremental.threading, "active_count", lambda: len(threading.enumerate()) - others
    )
    monkeypatch.setattr(incremental.os, "sched_getaffinity", lambda pid: {0, 1})
    paths = write_corpus(tmp_path / "corpus", 6)
    sources = load_all(paths)
    args = (load_entities(paths.entities), load_repairs(paths.repairs), load_lexicon(paths.lexicon))
    threads = set(threading.enumerate())
    plain = extract(sources, *args)
    assert started == ["fork", "fork"]  # the plain pass is the same pass, with no cache
    cache = PieceCache(tmp_path / "pieces.sqlite")
    try:
        same(plain, extract_cached(sources, *args, cache, "v"))
    finally:
        cache.close()
    assert started == ["fork"] * 4  # the names pass forked too: the first pool had ended
    assert set(threading.enumerate()) <= threads  # each pool's threads ended with its pass


def test_articles_are_read_in_one_process_when_few_or_beside_another_thread():
    assert _workers(PARALLEL_FROM - 1) == 1
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert _workers(10 * PARALLEL_FROM) == 1  # a fork would copy this thread alone
    finally:
        stop.set()
        other.join()
