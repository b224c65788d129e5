"""A word only a few sentences print anchors an answer with the sentences around it that
print the rest of the question; a common word or a question of another type does not."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead: the nurse's notebooks\n\n"
    "The Lab Notes\n\n"
    "The school nurse of Hyosan High School hid a formula from the soldiers for weeks. "
    "Nobody at the quarantine camp knew about it. "
    "In the notebooks she left behind, she distilled adrenaline into a serum that slows the "
    "turning.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("rare"), "907_notes", NEW, "2026-10-08")


def _quotes(ans) -> str:
    return " ".join(c.quote for c in ans.citations)


@pytest.mark.parametrize(
    ("message", "printed"),
    [
        ("what testosterone thing did the teacher do", "extracted testosterone"),  # dev case
        ("what did the tapes say about antibodies", "when it detects an antibody"),
    ],
)
def test_a_rare_word_and_its_neighbours_answer(engine, message, printed):
    ans = engine.answer(f"!ask {message}")
    assert ans.ok and printed in _quotes(ans)


def test_a_rare_word_of_a_new_article_answers(fresh):
    ans = fresh.answer("!ask what adrenaline stuff did the nurse do")
    assert ans.ok and "distilled adrenaline" in _quotes(ans)


@pytest.mark.parametrize(
    "message",
    [
        "which is better, this or the dead zone",  # "better" is rare here, "dead" is not
        'where is the quote "to save the majority, just how heartless are you allowed to be" from',
    ],
)
def test_no_anchor_for_a_common_word_or_another_type(engine, message):
    ans = engine.answer(f"!ask {message}")
    assert not ans.ok
