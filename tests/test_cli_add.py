"""`python -m bot add` and `remove` as a person runs them: output, exit codes, one-line refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli
from bot.facts.build import build
from tests.conftest import copy_corpus

PAGES = Path(__file__).parent / "facts" / "pages"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    paths = copy_corpus(tmp_path)
    build(paths)
    monkeypatch.setattr(cli, "_paths", lambda settings: paths)
    return paths


def test_add_prints_the_date_and_what_changed_then_remove_undoes_it(corpus, capsys):
    assert cli.main(["add", str(PAGES / "trailer_article.html")]) == 0
    out = capsys.readouterr().out
    assert "2026-09-30, printed" in out and "added 005_" in out and "6 sources" in out
    assert "Trailer: No trailer yet" in out and "New cast pair: Han Seo-rin as Baek Ha-neul" in out
    sid = next(p.stem for p in corpus.sources_dir.glob("005_*.txt"))
    assert cli.main(["remove", sid]) == 0
    out = capsys.readouterr().out
    assert f"removed {sid}" in out and "No longer in the sources: Han Seo-rin" in out


def test_refusal_is_one_line_on_stderr_and_exit_2(corpus, capsys):
    before = corpus.manifest.read_bytes()
    assert cli.main(["add", str(PAGES / "index_page.html")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: index_page.html: not an article")
    assert captured.err.count("\n") == 1
    assert corpus.manifest.read_bytes() == before


def test_a_broken_source_is_one_line_on_add_and_remove_fixes_it(corpus, capsys, caplog):
    from tests.facts.test_ingest import snapshot

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
