"""A count the fan states of what they ask for ("all 6 names") is read as part of the ask: the
line that prints that count answers before a line that only shares the other words. A name
asked of a thing ("what's the production company called") is told only by a line printing
one beside it; a line about the unnamed thing is neither the answer nor a nearby line."""

from __future__ import annotations

from bot.console import reply


def first_line(engine, message: str) -> str:
    return reply(engine, message).lines[0].text


def test_the_line_printing_the_stated_count_of_names_leads(engine):
    line = first_line(engine, "!ask who was at the rooftop w nam ra at the end? all 6 names pls")
    assert "remaining six" in line and "Ha-ri" in line


def test_a_stated_count_of_actors_finds_the_line_that_counts_them(engine):
    line = first_line(engine, "!ask which 4 actors were in the announcement vid")
    assert "four of the show" in line


def test_a_season_or_episode_number_is_not_a_stated_count(engine):
    asked = engine.ask.evidence.asked
    for question in ("who is in the season 2 cast", "what happens in episode 3 scenes"):
        assert asked.stated_count(engine.ask.frame(question)) is None, question
    stated = asked.stated_count(engine.ask.frame("all 6 names pls"))
    assert stated is not None and {"6", "six"} <= stated[0]


def test_a_name_asked_of_a_thing_no_line_names_is_an_honest_no(engine):
    answer = reply(engine, "!ask whats the production company called")
    assert not answer.ok
    assert answer.lines[0].text.endswith("The sources don't say that.")
    assert not any("Nearby" in line.text for line in answer.lines)


def test_a_name_a_line_prints_beside_the_thing_still_answers(engine):
    assert "Hyosan High School" in first_line(engine, "!ask whats the name of the school")
    assert "Jonus" in reply(engine, "!ask what is the virus called").title


def test_a_persons_name_is_any_name_the_line_prints(engine):
    assert "Lee Jin-su" in first_line(engine, "!ask whats the name of the bullied kid")
