"""The builder: summary, determinism, atomicity, rebuild rules and bad input."""

from __future__ import annotations

import sqlite3

import pytest

from bot.errors import BuildError
from bot.facts.building.build import build
from bot.facts.store import ensure_store
from tests.conftest import add_article, copy_corpus, load


def dump(path) -> list:
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return [(t, con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()) for t in tables]
    finally:
        con.close()


def test_summary_counts_what_it_built(tmp_path):
    paths = copy_corpus(tmp_path)
    summary = build(paths)
    assert summary.sources == 5
    assert summary.sentences > 150 and summary.cast_pairs >= 10 and summary.claims > 10
    assert "5 sources" in str(summary) and "cast pairs" in str(summary)


def test_same_input_same_rows(tmp_path):
    paths = copy_corpus(tmp_path)
    build(paths)
    first = dump(paths.store)
    build(paths)
    assert dump(paths.store) == first


def test_no_temp_files_left(tmp_path):
    paths = copy_corpus(tmp_path)
    build(paths)
    assert [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda p: p.manifest.write_text("[[source]\nid = ", encoding="utf-8"), "not valid TOML"),
        (lambda p: (p.sources_dir / "002_c773a4bdeaf767a9.txt").unlink(), "missing"),
        (
            lambda p: (p.sources_dir / "001_f15b1d0a36d63315.txt").write_bytes(b"caf\xe9 \xff"),
            "not UTF-8",
        ),
        (
            lambda p: (p.sources_dir / "003_46757ed511165cca.txt").write_text(
                "  \n\n", encoding="utf-8"
            ),
            "empty article",
        ),
        (
            lambda p: p.manifest.write_text(
                p.manifest.read_text(encoding="utf-8").replace(
                    'published = "2022-01-31"', 'published = "31/01/2022"'
                ),
                encoding="utf-8",
            ),
            "not an ISO date",
        ),
    ],
    ids=["malformed-manifest", "missing-source", "not-utf8", "empty-article", "bad-date"],
)
def test_bad_input_is_one_line_and_keeps_previous_store(tmp_path, breakage, expected):
    paths = copy_corpus(tmp_path)
    build(paths)
    before = paths.store.read_bytes()
    breakage(paths)
    with pytest.raises(BuildError) as info:
        build(paths)
    message = str(info.value)
    assert expected in message and "\n" not in message
    assert ".toml" in message or ".txt" in message  # names the file
    assert paths.store.read_bytes() == before


def test_cli_reports_bad_input_without_traceback(tmp_path, monkeypatch, capsys):
    from bot import cli

    paths = copy_corpus(tmp_path)
    (paths.sources_dir / "000_71c052bff4a9544e.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(cli, "_paths", lambda settings: paths)
    assert cli.main(["build"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "empty article" in err and "Traceback" not in err


def test_stale_or_foreign_store_is_rebuilt(tmp_path):
    paths = copy_corpus(tmp_path)
    assert ensure_store(paths) is True
    assert ensure_store(paths) is False  # up to date: nothing to do
    con = sqlite3.connect(paths.store)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    assert ensure_store(paths) is True  # another schema version: rebuilt
    paths.store.write_bytes(b"not a database")
    assert ensure_store(paths) is True
    add_article(paths, "900_extra", "Season 2 will premiere in 2031, sources say.", "2025-01-01")
    assert ensure_store(paths) is True  # sources changed: rebuilt


def test_new_article_changes_the_store_without_code_change(tmp_path):
    paths = copy_corpus(tmp_path)
    add_article(
        paths,
        "900_new_cast",
        "All of Us Are Dead Season 2: Netflix sets a date\n\n"
        "Netflix announced that All of Us Are Dead season 2 will premiere in March 2027. "
        "The new season adds Kim Min-seo as Han Yu-ri, a student from another school.\n",
        "2026-10-01",
    )
    build(paths)
    store = load(paths)
    names = {e.name: e for e in store.entities.values()}
    assert names["Kim Min-seo"].kind == "actor" and names["Han Yu-ri"].kind == "character"
    pairs = {
        (store.entities[p.actor_id].name, store.entities[p.character_id].name)
        for p in store.pairs
        if p.character_id
    }
    assert ("Kim Min-seo", "Han Yu-ri") in pairs
    release = [c for c in store.claims["release"] if c.source_id == "900_new_cast"]
    assert release and "March 2027" in release[0].value and not release[0].negated
