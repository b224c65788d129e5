"""`!ask` answers the part of a question that is asked, on an article written for the test:
a reason over a line that only names the person, a count next to what it counts, a narrow
status question by its claim, two people joined by "and", the newest of equal answers, and
speculation read from the hedged clauses."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.evidence.scoring.recency import newest_first
from bot.answers.evidence.scoring.score import Score
from bot.answers.replies.parts import ABOVE, merge
from bot.answers.replies.render import to_text
from bot.answers.types import Answer, Line
from tests.conftest import TODAY, add_article, copy_corpus, engine_with_article, load

BODY = (
    "Jang Ha-ri hid in the old archery hall with Park Mi-jin for two whole days.\n\n"
    "Jang Ha-ri stayed in the archery hall after the others left.\n\n"
    "This is because she wanted to guard the injured coach until help arrived.\n\n"
    "The finale pulled in 41 million viewers during its opening week, the streamer said.\n\n"
    "The finale runs for 9 hours with 14 bonus clips attached.\n\n"
    "Netflix dropped the Season 2 teaser in a post on March 3, 2031.\n\n"
    "Season 2 is expected to premiere in 2032, although no date has been set.\n\n"
    "Insiders whisper, according to the buzz, that the cast has already returned to set.\n\n"
    "Filming on the new season began on February 2, 2031, in a studio near Busan.\n\n"
    "Filming wrapped on March 28, 2031, the studio confirmed."
)


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    return engine_with_article(tmp_path_factory.mktemp("asked"), "900_asked", BODY, "2031-04-01")


def _first_bullet(text: str) -> str:
    return next(ln for ln in text.splitlines() if ln.startswith(("•", "**")))


def test_why_is_answered_by_the_reason_not_by_a_line_naming_the_person(made_up):
    text = to_text(made_up.answer("!ask why did ha-ri stay in the archery hall"))
    assert "guard the injured coach" in text


def test_how_many_needs_a_count_next_to_what_it_counts(made_up):
    text = to_text(made_up.answer("!ask how many viewers watched the finale"))
    assert "41 million viewers" in text
    assert "14 bonus clips" not in text


def test_a_narrow_status_question_leads_with_its_claim_not_the_timeline(made_up):
    text = to_text(made_up.answer("!ask when did netflix drop the teaser"))
    assert "**Now:**" not in text
    assert "March 3, 2031" in text.splitlines()[1]


@pytest.mark.parametrize(
    ("question", "date"),
    [("when did filming begin", "February 2, 2031"), ("when did they finish filming", "March 28")],
)
def test_a_narrow_question_takes_the_claim_whose_state_says_what_was_asked(made_up, question, date):
    key = to_text(made_up.answer(f"!ask {question}")).splitlines()[1]
    assert date in key


def test_a_count_asked_of_a_status_topic_leads_with_the_deciding_claim(tmp_path):
    paths = copy_corpus(tmp_path)
    older = (
        "In its first announcement of the new season, the streamer said that Season 2 of "
        "the zombie drama will consist of ten episodes, all released on a single day."
    )
    add_article(paths, "900_older", older, "2031-01-10")
    add_article(paths, "901_newer", "Season 2 now has nine episodes.", "2031-04-01")
    engine = Engine(load(paths), today=lambda: TODAY)
    text = to_text(engine.answer("!ask how many episodes will season 2 have"))
    assert "nine episodes" in _first_bullet(text)


def test_a_yes_no_on_a_year_says_no_first_when_the_claims_print_another(made_up):
    lines = to_text(made_up.answer("!ask is season 2 coming out in 2035")).splitlines()
    assert lines[1].startswith("**No**") and "2032" in lines[1]


def test_a_yes_no_on_the_expected_year_says_it_is_expected(made_up):
    lines = to_text(made_up.answer("!ask is season 2 coming out in 2032")).splitlines()
    assert lines[1].startswith("**Expected, not confirmed**")


def test_two_people_joined_by_and_are_each_answered(engine):
    text = to_text(engine.answer("!ask who plays dae-su and hyo-ryung"))
    assert "Yang Dae-su is played by" in text and "Seo Hyo-ryung is played by" in text


def test_a_later_part_naming_its_own_status_topic_does_not_borrow_the_first(engine):
    ans = engine.answer("!ask when was season 2 renewed and when is it out")
    assert "Release" in ans.title and "Renewal" in ans.title


def test_speculation_is_read_from_the_hedged_clauses(made_up):
    check = made_up.ctx.check
    assert not check._speculative("He perished in the fire with his rival, as we can see.")
    assert check._speculative("It might return next year, and fans could see it soon.")
    assert check._speculative("According to the buzz, the cast has already returned to set.")


def _score(ref: int, total_parts: float, coverage: float = 1.0) -> Score:
    return Score("sentence", ref, 1.0, coverage, True, True, total_parts * 10)


def test_equal_answers_lead_with_the_newest_article():
    older, newer = _score(1, 0.0), _score(2, 0.05)
    ages = {1: 3, 2: 0}
    ranked = newest_first([older, newer], lambda s: ages[int(s.ref)])
    assert [s.ref for s in ranked] == [2, 1]
    far = _score(3, -2.0)  # reads far worse: no tie
    ranked = newest_first([older, far], lambda s: {1: 3, 3: 0}[int(s.ref)])
    assert [s.ref for s in ranked] == [1, 3]


def test_a_line_two_parts_share_is_printed_once():
    shared = Line("• the same quote [1]")
    a = Answer("ask", True, None, "A", [shared])
    b = Answer("ask", True, None, "B", [shared, Line("• another quote [1]")])
    lines = [ln.text for ln in merge(["one?", "two?"], [a, b]).lines]
    assert lines.count(shared.text) == 1 and ABOVE in lines


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("did they finish filming", "**Yes**"),  # wrapped, said firmly
        ("has filming started", "**Yes**"),  # began is before wrapped: reached
        ("is the teaser out", "**Yes**"),
    ],
)
def test_a_yes_no_on_a_state_is_decided_by_where_the_topic_stands(made_up, question, word):
    key = to_text(made_up.answer(f"!ask {question}")).splitlines()[1]
    assert key.startswith(word), key


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("did netflix cancel it", "**No**"),
        ("has it been renewed", "**Yes**"),
        ("has filming started", "**No**"),
        ("did they finish filming", "**No**"),
    ],
)
def test_a_yes_no_on_a_state_in_the_shipped_articles(engine, question, word):
    key = to_text(engine.answer(f"!ask {question}")).splitlines()[1]
    assert key.startswith(word), key
