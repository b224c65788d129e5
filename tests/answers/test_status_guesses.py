"""`!status <person>` with no word of a return shows what the sources guess about the person
in Season 2, marked as speculation, and still says no source says whether they return."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead: loose ends\n\n"
    "Lee Na-yeon (Lee Yoo-mi) was the class bully of the first season. "
    "Season 2 might finally reveal what became of Na-yeon after the gym.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("guess"), "906_loose", NEW, "2026-10-07")


def _text(ans) -> str:
    return "\n".join(line.text for line in ans.lines)


def test_a_guess_in_a_new_article_is_shown_as_speculation(fresh):
    ans = fresh.answer("!status na-yeon")
    text = _text(ans)
    assert "no source says whether Lee Na-yeon returns" in text
    assert "(speculation) Season 2 might finally reveal what became of Na-yeon" in text


def test_the_shipped_guess_about_eun_ji_is_shown(engine):  # dev case
    text = _text(engine.answer("!status eun-ji"))
    assert "no source says whether Eun-ji returns" in text
    assert "(speculation)" in text and "whereabouts" in text


def test_a_person_with_a_return_keeps_the_return_lines(engine):
    text = _text(engine.answer("!status cheong-san"))
    assert "(speculation) In addition" not in text and "returns" in text
