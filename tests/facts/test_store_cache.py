"""The fact store is a cache of the sources: damage is rebuilt, a failed rebuild keeps the old
store serving, and every bad build input is one line naming the file."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sqlite3
from dataclasses import replace

import pytest

from bot.errors import BuildError
from bot.facts.building.build import build
from bot.facts.sources.manifest import MAX_ARTICLE_BYTES
from bot.facts.store import load_store
from bot.facts.text import split_sentences
from bot.paths import DATA
from tests.conftest import add_article, copy_corpus, load


def damage_pages(path, start_page: int = 3) -> None:
    """Overwrite pages after the first few, keeping the header and the meta table readable."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for i in range(start_page * page, len(data) - page):
        data[i] = 0x5A
    path.write_bytes(bytes(data))


def readable(path) -> bool:
    con = sqlite3.connect(path)
    try:
        con.execute("SELECT count(*), max(length(quote)) FROM sentences").fetchall()
        con.execute("SELECT * FROM cast_pairs").fetchall()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


def test_a_corrupt_page_behind_an_intact_header_is_rebuilt(tmp_path):
    paths = copy_corpus(tmp_path)
    build(paths)
    damage_pages(paths.store)
    assert not readable(paths.store)  # the damage is real
    store = load(paths)
    assert len(store.sources) == 5 and store.pairs
    assert readable(paths.store)


def test_a_failed_rebuild_keeps_serving_the_old_store(tmp_path, caplog):
    paths = copy_corpus(tmp_path)
    build(paths)
    (paths.sources_dir / "003_46757ed511165cca.txt").write_text("\x00\x00", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        store = load(paths)
    assert len(store.sources) == 5
    assert any("003_46757ed511165cca.txt" in r.getMessage() for r in caplog.records)


def test_a_failed_rebuild_without_an_old_store_is_the_error(tmp_path):
    paths = copy_corpus(tmp_path)
    (paths.sources_dir / "003_46757ed511165cca.txt").write_text("", encoding="utf-8")
    with pytest.raises(BuildError, match="empty article"):
        asyncio.run(load_store(paths))


def _curated_copy(tmp_path, paths, name: str, text: str):
    target = tmp_path / name
    if text is None:
        return replace(paths, **{name.split(".")[0]: target})  # missing
    target.write_text(text, encoding="utf-8")
    return replace(paths, **{name.split(".")[0]: target})


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("schema.sql", None, "schema.sql: file is missing"),
        ("schema.sql", "PRAGMA user_version = 9;\nCREATE TABLE (;", "schema.sql: not valid SQL"),
        ("schema.sql", "CREATE TABLE x (a);", "no 'PRAGMA user_version"),
        ("repairs.toml", "repair = 5\n", "repairs.toml: not the expected shape"),
        ("repairs.toml", "[repair]\nfrom = 1\n", "repairs.toml"),
        ("entities.toml", "character = 5\n", "entities.toml"),
        ("lexicon.toml", "status = [1, 2]\n", "lexicon.toml"),
    ],
)
def test_bad_curated_inputs_are_one_line_naming_the_file(tmp_path, name, text, expected):
    paths = _curated_copy(tmp_path, copy_corpus(tmp_path / "c"), name, text)
    with pytest.raises(BuildError) as info:
        build(paths)
    assert expected in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(BuildError):  # and the same at start-up, not a traceback
        asyncio.run(load_store(paths))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00" * 64, "U+0000 on line 1"),
        (b"Season 2 is coming.\nThe\x1b[31m end.\n", "U+001B on line 2"),
        (b"Season 2.\x7f", "U+007F"),
    ],
    ids=["nul-only", "escape", "delete"],
)
def test_control_characters_are_refused(tmp_path, content, expected):
    paths = copy_corpus(tmp_path)
    (paths.sources_dir / "003_46757ed511165cca.txt").write_bytes(content)
    with pytest.raises(BuildError) as info:
        build(paths)
    assert "003_46757ed511165cca.txt" in str(info.value) and expected in str(info.value)


def test_a_symlinked_source_is_refused(tmp_path):
    paths = copy_corpus(tmp_path)
    target = paths.sources_dir / "003_46757ed511165cca.txt"
    outside = tmp_path / "elsewhere.txt"
    shutil.move(target, outside)
    os.symlink(outside, target)
    with pytest.raises(BuildError, match="symbolic link"):
        build(paths)


def test_an_oversize_article_is_refused(tmp_path):
    paths = copy_corpus(tmp_path)
    add_article(paths, "900_huge", "Season 2 news. " * (MAX_ARTICLE_BYTES // 15 + 1), "2025-01-01")
    with pytest.raises(BuildError, match="limit"):
        build(paths)


def test_stale_tmp_files_are_removed(tmp_path):
    paths = copy_corpus(tmp_path)
    stale = paths.store.with_name(f"{paths.store.name}.tmp-999999999")
    stale.write_bytes(b"half a build")
    build(paths)
    assert not stale.exists()
    stale.write_bytes(b"a build killed after the store was current")
    live = paths.store.with_name(f"{paths.store.name}.tmp-{os.getppid()}")  # a running build
    live.write_bytes(b"in progress")
    load(paths)  # the store is current: no build, but the start-up still tidies
    assert not stale.exists() and live.exists()


def test_splitting_a_one_line_megabyte_article():
    """Splitting is linear (before, this took minutes); the speed figure is in the benchmark
    (`split 1 MB one-line article`); this checks the split is right at that size."""
    body = "Season 2 is filming in Seoul with Park Ji-hu as Nam On-jo. " * 16_000
    spans = split_sentences(body)
    assert len(spans) == 16_000 and body[spans[-1].start : spans[-1].end].endswith("On-jo.")
    assert split_sentences("." * 200_000 + " Next one.")  # a punctuation run is tried once
    text = "Mr. Lee went. Dr. Kim too."
    titles = ["Mr.", "Dr."]  # the builder passes the lexicon's titles
    assert [text[s.start : s.end] for s in split_sentences(text, titles)] == [
        "Mr. Lee went.",
        "Dr. Kim too.",
    ]


def test_shipped_data_is_the_default():
    assert (DATA / "schema.sql").exists()
