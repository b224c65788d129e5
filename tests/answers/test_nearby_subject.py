"""A nearby line read as the answer by its concepts must be about the person asked, and a hope
is no yes: fresh round 13 found both ("is cheong-san dead or coming back" answered with On-jo's
return; a writer's "we cannot wait to watch Nam-Ra take the lead" shown as a plain line)."""

from __future__ import annotations

from bot.console import reply


def _text(engine, msg: str) -> str:
    return "\n".join(line.text for line in reply(engine, msg).lines)


def test_a_line_about_someone_else_stays_nearby(engine):
    text = _text(engine, "!ask just finished s1 is cheong-san actually dead or is he coming back??")
    # On-jo's return is no answer on Cheong-san: nearby at most, never a line of the answer
    # (his own "apparent demise … speculation about his potential return" may answer)
    answered = [ln for ln in text.splitlines() if ln.startswith("•")]
    assert not any("back as Nam On-jo" in ln for ln in answered)
    assert "Nearby, not an answer" in text or any("Cheong-San" in ln for ln in answered)


def test_a_hope_is_no_yes_but_answers_what_an_article_said(engine):
    hope = _text(engine, "!ask is nam-ra gonna be the main char in s2")
    assert "Nearby, not an answer" in hope
    said = _text(
        engine, "!ask did one of the articles say the announcement would come in february or march"
    )
    assert "February or March" in said and "Nearby" not in said


def test_the_asked_persons_actor_counts_as_the_same_person(engine):
    text = _text(engine, "!ask is park ji-hu coming back as on-jo")
    assert "Nearby, not an answer" not in text
