"""`!ask` answers the part a question asks for: "how did they…" by the sentence telling
the means, "what happens when/if…" by the consequence of that condition rather than a season
recap (both on an article written for the test), and "is X back" by X's return."""

from __future__ import annotations

import pytest

from bot.answers.evidence.gathering.sections import Sections
from bot.answers.reading.question import analyse
from bot.answers.replies.render import to_text
from tests.conftest import engine_with_article

BODY = (
    "The crew on the night shift cleared the flooded subway tunnel under the old harbour.\n\n"
    "The tunnel was cleared by pumping the water out into the river overnight.\n\n"
    "The glowing moss spreads slowly across the walls of the harbour caves.\n\n"
    "When the glowing moss touches salt water, it turns into a toxic black slime."
)


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    return engine_with_article(tmp_path_factory.mktemp("manner"), "900_manner", BODY, "2031-04-01")


def _first_bullet(text: str) -> str:
    return next(ln for ln in text.splitlines() if ln.startswith("•"))


@pytest.mark.parametrize(
    ("message", "aspect"),
    [
        ("how did they clear the tunnel", "manner"),
        ("how does the virus spread", "manner"),
        ("what happens when the moss touches salt water", "consequence"),
        ("what happened if they got bitten", "consequence"),
        ("how many episodes are there", None),  # a count, not a manner
        ("what is the jonus virus", None),
        ("why did she stay", None),
    ],
)
def test_the_asked_part_of_a_what_question_is_read(made_up, message, aspect):
    assert analyse(message, made_up.store.vocab, {}).aspect == aspect


def test_how_is_answered_by_the_means_before_the_line_naming_the_subject(made_up):
    text = to_text(made_up.answer("!ask how did the crew clear the flooded tunnel"))
    assert "by pumping the water" in _first_bullet(text)


def test_what_happens_when_is_answered_by_the_consequence(made_up):
    text = to_text(made_up.answer("!ask what happens when the glowing moss touches salt water"))
    assert "toxic black slime" in _first_bullet(text)


@pytest.mark.parametrize(
    "message",
    ["what happens when the virus detects antibodies", "what happens if a hybrid gets hungry"],
)
def test_a_condition_after_what_happens_is_not_a_summary(made_up, message):
    assert Sections(made_up.ctx).narrowed(message)


def test_what_happened_in_the_season_is_still_a_summary(made_up):
    assert not Sections(made_up.ctx).narrowed("what happened in season 1")


def test_is_someone_back_asks_for_their_return(engine):
    """A question whether on-jo is back asks for her return, not for the word "back"."""
    assert analyse("is on-jo back", engine.store.vocab, {}).returning
    text = to_text(engine.answer("!ask is on-jo back"))
    assert "Season 2: sources say Nam On-jo returns" in text.splitlines()[1]
