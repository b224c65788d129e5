"""`python -m bot add` and `remove` as a person runs them: output, exit codes, one-line refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli
from bot.facts.building.build import build
from bot.paths import DataPaths
from tests.conftest import copy_corpus
from tests.facts.test_ingest import snapshot

PAGES = Path(__file__).parent / "facts" / "pages"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    paths = copy_corpus(tmp_path)
    build(paths)
    monkeypatch.setattr(cli, "_paths", lambda settings: paths)
    return paths


@pytest.fixture
def library(tmp_path, monkeypatch):
    """The shipped corpus plus the owner's library in an instance folder."""
    paths = copy_corpus(tmp_path)
    paths = DataPaths.with_sources(
        paths.sources_dir, paths.manifest, paths.store, library=tmp_path / "instance"
    )
    build(paths)
    monkeypatch.setattr(cli, "_paths", lambda settings: paths)
    return paths


def test_add_prints_the_date_and_what_changed_then_remove_undoes_it(library, capsys):
    shipped = snapshot(library)
    assert cli.main(["add", str(PAGES / "trailer_article.html")]) == 0
    out = capsys.readouterr().out
    assert "2026-09-30 (printed) — the page's markup" in out and "printed: Printed" not in out
    assert "added 005_" in out and "6 sources" in out
    assert "Trailer: No trailer yet" in out and "New cast pair: Han Seo-rin as Baek Ha-neul" in out
    sid = next(p.stem for p in library.library_dir.glob("005_*.txt"))
    assert snapshot(library) == shipped  # the tracked files are never written
    assert cli.main(["remove", sid]) == 0
    out = capsys.readouterr().out
    assert f"removed {sid}" in out and "No longer in the sources: Han Seo-rin" in out
    assert not list(library.library_dir.glob("*.txt"))


def test_a_shipped_article_cannot_be_removed_while_there_is_a_library(library, capsys):
    assert cli.main(["remove", "001_f15b1d0a36d63315"]) == 2
    assert "ships with the bot" in capsys.readouterr().err


def test_articles_an_older_release_added_to_data_move_to_the_library_once(library, capsys):
    from tests.conftest import add_article

    body = (PAGES / "dateline_article.txt").read_text(encoding="utf-8")
    add_article(library, "005_oldadd", body, "2025-03-03")
    with library.manifest.open("a", encoding="utf-8") as f:
        f.write('added = "2025-03-04"\n')
    assert cli.main(["ask", "!sources"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert "moved 1 article(s) you added (005_oldadd)" in captured.err
    assert "005_oldadd" in captured.out and "6 sources" in captured.out
    assert (library.library_dir / "005_oldadd.txt").exists()
    assert not (library.sources_dir / "005_oldadd.txt").exists()
    assert "005_oldadd" not in library.manifest.read_text(encoding="utf-8")
    assert cli.main(["ask", "!sources"]) == 0
    assert capsys.readouterr().err == ""  # once


def test_refusal_is_one_line_on_stderr_and_exit_2(corpus, capsys):
    before = corpus.manifest.read_bytes()
    assert cli.main(["add", str(PAGES / "index_page.html")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: index_page.html: not an article")
    assert captured.err.count("\n") == 1
    assert corpus.manifest.read_bytes() == before


def test_a_broken_source_is_one_line_on_add_and_remove_fixes_it(corpus, capsys, caplog):
    broken = corpus.sources_dir / "001_f15b1d0a36d63315.txt"
    broken.write_bytes(broken.read_bytes().replace(b"\n", b"\n\x07", 1))
    before = snapshot(corpus)
    assert cli.main(["add", str(PAGES / "trailer_article.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "001_f15b1d0a36d63315.txt: control character" in err
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == []
    assert snapshot(corpus) == before
    assert cli.main(["remove", "001_f15b1d0a36d63315"]) == 0
    assert capsys.readouterr().err == ""
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == []
