"""`feeds` and `news` as the owner types them: one line per outcome, exit codes, the summary."""

from __future__ import annotations

import pytest

from bot import cli
from bot.facts.building.build import build
from bot.paths import DataPaths
from tests.conftest import copy_corpus
from tests.news.feeds_data import OFF_TOPIC_PAGE, RELEASE_PAGE, rss


@pytest.fixture
def paths(tmp_path, monkeypatch):
    base = copy_corpus(tmp_path)
    paths = DataPaths.with_sources(
        base.sources_dir, base.manifest, base.store, library=tmp_path / "instance"
    )
    build(paths)
    monkeypatch.setattr(cli, "_paths", lambda settings: paths)
    return paths


def test_follow_poll_review_and_approve_from_the_command_line(server, paths, capsys):
    server.text("/release", RELEASE_PAGE)
    server.text("/squid", OFF_TOPIC_PAGE)
    server.text(
        "/rss.xml",
        rss(
            [
                ("r1", server.url("/release?utm_campaign=x"), "All of Us Are Dead date", ""),
                ("s1", server.url("/squid"), "Squid Game", "nothing about zombies"),
            ],
            title="Hallyu Wire",
        ),
    )
    assert cli.main(["feeds", "add", server.url("/rss.xml"), "--every", "1h"]) == 0
    assert "following feed 1" in capsys.readouterr().out
    assert cli.main(["feeds", "add", server.url("/rss.xml")]) == 2
    assert "already followed" in capsys.readouterr().err
    assert cli.main(["feeds", "poll"]) == 0
    assert capsys.readouterr().out.strip() == (
        "Hallyu Wire: 0 added; 1 waiting for review; skipped: off-topic 1"
    )
    assert cli.main(["feeds", "poll"]) == 0  # not due again for an hour
    assert "no feed is due" in capsys.readouterr().out
    assert cli.main(["news", "pending"]) == 0
    pending = capsys.readouterr().out
    assert "2026-11-20 (printed)" in pending and f"Hallyu Wire  {server.url('/release')}" in pending
    assert cli.main(["news", "approve", "1"]) == 0
    out = capsys.readouterr().out
    assert "added 005_" in out and "Release" in out and server.url("/release") in out
    assert cli.main(["feeds", "list"]) == 0
    listing = capsys.readouterr().out
    assert "items seen 2: added 1, waiting 0, rejected 0, skipped 1 (off-topic 1)" in listing
    assert cli.main(["news", "reject", "1"]) == 2
    assert "not waiting for review" in capsys.readouterr().err
    assert cli.main(["feeds", "remove", "1"]) == 0 and cli.main(["feeds", "list"]) == 0
    assert "no feeds yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["feeds", "add", "ftp://example.com/feed"], "only http:// and https://"),
        (["feeds", "add", "http://10.0.0.7/feed"], "private or reserved"),
        (["feeds", "add", "https://example.com/f", "--every", "1m"], "at least 5m"),
        (["feeds", "add", "https://example.com/f", "--every", "soon"], "e.g. 30m"),
        (["feeds", "remove", "9"], "no feed 9"),
        (["news", "approve", "3"], "no news item 3"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(paths, capsys, argv, message):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
