"""The change summary reports who is back when its resolved state changes, with the quote."""

from __future__ import annotations

import pytest

from bot.answers.commands.changes import changes_answer, compare
from tests.conftest import add_article, copy_corpus, load

NEWS = (
    "Season 2 cast news\n\n"
    "Netflix confirmed that Yoon Chan-young reprises his role as Lee Cheong-san in Season 2.\n\n"
    "Yoo In-soo will not be part of Season 2, his agency said on Monday, calling the reports "
    "false.\n"
)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    paths = copy_corpus(tmp_path_factory.mktemp("returns"))
    old = load(paths)
    add_article(paths, "907_returns", NEWS, "2026-10-07")
    return old, load(paths)


def test_a_return_whose_state_changed_is_reported_with_its_quote(stores):
    old, new = stores
    changes = compare(old, new)
    moved = {r.who.split(" (")[0]: (r.before, r.after) for r in changes.returns}
    assert moved["Lee Cheong-san"] == ("expected", "confirmed")
    assert moved["Yoon Gwi-nam"] == ("speculated", "denied")
    assert "Choi Nam-ra" not in moved  # confirmed before and after: no change to report
    text = [line.text for line in changes_answer(changes, old, new).lines]
    line = next(t for t in text if t.strip().startswith("Lee Cheong-san"))
    assert "expected → confirmed" in line and "“Netflix confirmed that Yoon Chan-young" in line


def test_no_change_no_return_lines(stores):
    _, new = stores
    assert compare(new, new).returns == [] and compare(new, new).empty
