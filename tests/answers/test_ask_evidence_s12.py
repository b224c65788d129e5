"""`!ask` answers what was asked of the subject, not only the subject (scoring/evidence.py,
scoring/asked.py, gathering/subjects.py): a why gets a line with a reason for the act asked
(the place and the course not taken only refine), a name asked gets a line printing the name,
a person called by their role in a section naming only them is that person. Each mechanism is
held by two differently worded questions; a made-up article changes the answer with no code
change."""

from __future__ import annotations

import pytest

from bot.console import reply
from tests.conftest import engine_with_article


def bullets(engine, message: str) -> list[str]:
    return [ln.text for ln in reply(engine, message).lines if ln.text.startswith("•")]


@pytest.mark.parametrize(
    "question",
    [
        "why did jin su's dad make the virus in the first place",
        "why did mr lee create the virus",
    ],
)
def test_a_role_in_a_section_naming_only_them_gives_the_reason(engine, question):
    # "the science teacher … invented it to create a stronger version of his son": the
    # section names no one but Mr. Lee
    lines = bullets(engine, f"!ask {question}")
    assert lines and "stronger version" in lines[0]


@pytest.mark.parametrize(
    "question",
    [
        "why did nam-ra stay at the school instead of going to the camp",
        "why did nam ra remain in hyosan rather than leave with the others",
    ],
)
def test_a_why_is_answered_by_the_reason_for_the_act(engine, question):
    lines = bullets(engine, f"!ask {question}")
    assert lines and any("hunger" in ln for ln in lines[:2])
    # a reason given in another clause ("…to save his friends and Nam-ra was left behind")
    # is not hers
    assert not any("mourning point" in ln for ln in lines)


@pytest.mark.parametrize(
    "question",
    ["why is s2 taking so long, is it the writers strike", "why is season 2 taking forever"],
)
def test_a_hold_up_asked_meets_the_cause_printed(engine, question):
    lines = bullets(engine, f"!ask {question}")
    assert lines and any("strike" in ln for ln in lines)


@pytest.mark.parametrize(
    "question", ["whats the virus even called again", "what was the zombie virus even called again"]
)
def test_a_name_asked_is_a_line_printing_it(engine, question):
    answer = reply(engine, f"!ask {question}")
    text = " ".join(ln.text for ln in answer.lines)
    assert "Jonus" in text
    assert "Hyosan High School their struggle" not in text  # names the school, not the virus


@pytest.mark.parametrize(
    "question",
    ["how did they get rid of all the zombies at the school", "how did they wipe out the zombies"],
)
def test_doing_away_with_them_meets_the_bombing(engine, question):
    lines = bullets(engine, f"!ask {question}")
    assert lines and any("bomb" in ln for ln in lines)


def test_a_new_articles_role_line_answers_with_no_code_change(tmp_path):
    body = (
        "The Bully of Hyosan\n"
        "Gwi-nam is the fiercest foe the students face.\n"
        "The bully of the class chased his classmates because he wanted revenge on them.\n"
    )
    eng = engine_with_article(tmp_path, "009_testbully", body, "2024-06-01")
    lines = bullets(eng, "!ask why did gwi-nam keep chasing them")
    assert lines and "revenge" in lines[0]


@pytest.mark.parametrize(
    "question",
    ["is mr lee the science teacher a hambie too?", "is the science teacher mr lee a hybrid"],
)
def test_the_role_a_person_is_called_by_is_not_what_is_asked(engine, question):
    # "the science teacher … invented it": his role, printed, answers nothing about hybrids
    lines = bullets(engine, f"!ask {question}")
    assert not any("stronger version" in ln for ln in lines)


@pytest.mark.parametrize(
    "question", ["how did nam-ra turn into a hybrid", "how did namra become half zombie"]
)
def test_another_characters_clause_tells_nothing_of_the_one_asked(engine, question):
    # "…bitten by Yoon Gwi-nam who had became the half-zombie and half human and later …
    # Nam-ra was also left behind": the hybrid is Gwi-nam's
    lines = bullets(engine, f"!ask {question}")
    assert lines and "overcame her infection" in lines[0]
    assert not any("mourning point" in ln for ln in lines)
