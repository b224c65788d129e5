"""An actor cast in a role not yet revealed is new to Season 2: asked whether they return or
are in it, the reply says so, cited, instead of "no source says whether they return"."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead: a new face\n\n"
    "Additionally, actor Seo Ji-hwan has been cast in season 2 as a new character whose "
    "identity has not yet been revealed.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("newcast"), "910_face", NEW, "2026-10-11")


def _text(ans) -> str:
    return "\n".join(line.text for line in ans.lines)


@pytest.mark.parametrize(
    "message",
    ["!ask is roh yoon seo in season 2? who does she play", "!ask is roh yoon-seo coming back"],
)
def test_a_new_cast_member_is_new_not_unknown(engine, message):  # the first: dev case
    text = _text(engine.answer(message))
    assert "Roh Yoon-seo joins as a new character" in text
    assert "No source says whether Roh Yoon-seo returns" not in text


def test_a_new_cast_member_of_a_new_article(fresh):
    ans = fresh.answer("!ask will seo ji-hwan be back")
    assert ans.ok and "Seo Ji-hwan joins as a new character" in _text(ans)
