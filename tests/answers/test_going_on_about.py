"""The sentences going on about someone after the one naming them count as about them: the
next one opening on a pronoun, and the one after that opening on them the same way after a
short phrase ("In the final scene, she…"), not one that opens on something else; and the
sentences of a section whose heading names them ("Is Ha-ri a Hybrid?")."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead: the lantern cut\n\n"
    "In the lantern cut, Jang Ha-ri left the archery club after the outbreak began.\n\n"
    "This is because she wanted to guard the lantern room alone.\n\n"
    "In the final scene, she lights the lanterns for the remaining four survivors.\n\n"
    "The lantern room was built for the school festival years ago.\n\n"
    "She is seen smiling at the gate.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("goes"), "903_lantern", NEW, "2026-10-04")


def _sid(engine: Engine, words: str) -> int:
    (sid,) = [s for s, row in engine.store.sentences.items() if words in row.display]
    return sid


def test_a_run_going_on_about_someone_is_about_them(fresh):
    about = fresh.lore.subjects.about_scores("jang-ha-ri")
    assert _sid(fresh, "guard the lantern room") in about
    assert _sid(fresh, "she lights the lanterns") in about
    assert _sid(fresh, "built for the school festival") not in about
    assert _sid(fresh, "smiling at the gate") not in about  # the run broke before it


def test_a_question_about_them_is_answered_from_the_run(fresh):
    ans = fresh.answer("!ask how many survivors did ha-ri light the lanterns for")
    assert ans.ok and any("remaining four" in c.quote for c in ans.citations)


UNDER = (
    "All of Us Are Dead: the bell cut\n\n"
    "The bell cut adds a new storyline to the first season.\n\n"
    "Is Jang Ha-ri a Hybrid?\n\n"
    "This cut shows a new type of zombie that keeps its archery skills and its calm.\n\n"
    "The new type walks slowly and never attacks the bell ringer.\n\n"
    "What Is the Bell Tower?\n\n"
    "The bell tower is the tallest building of the campus.\n"
)


@pytest.fixture(scope="module")
def under(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("under"), "904_bell", UNDER, "2026-10-05")


def test_a_section_under_a_heading_naming_someone_is_about_them(under):
    about = under.lore.subjects.about_scores("jang-ha-ri")
    assert _sid(under, "keeps its archery skills") in about
    assert _sid(under, "never attacks the bell ringer") in about
    assert _sid(under, "tallest building of the campus") not in about


REASON = (
    "All of Us Are Dead: the kite cut\n\n"
    "In the kite cut, Jang Ha-ri quit the archery club after the outbreak began.\n\n"
    "This is because she was afraid to stay in the archery club in the crowded gym.\n\n"
    "Later, she quit the archery club again in front of the whole archery club so that the "
    "archery club captain would finally listen.\n"
)


@pytest.fixture(scope="module")
def reason(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("why"), "906_kite", REASON, "2026-10-07")


def test_a_reason_is_shown_right_after_what_it_explains(reason):
    ans = reason.answer("!ask why did ha-ri quit the archery club")
    texts = [line.text for line in ans.lines]
    at = next(i for i, t in enumerate(texts) if "after the outbreak began" in t)
    assert "afraid to stay" in texts[at + 1], texts
