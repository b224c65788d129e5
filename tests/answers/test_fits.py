"""Choosing what fits the question: a kind phrase that is only part of the question gives way,
and a sentence that introduces a quote is shown with it (made-up wording throughout)."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.evidence.gathering.sections import Sections
from bot.answers.replies.render import to_text
from tests.conftest import TODAY, add_article, copy_corpus, load

MADE_UP = """A made-up look back at the first season

What happened in Season 1?

A whole school was overrun by the infected, and only a handful of pupils lived to the end.

Many of their classmates never made it past the gates.

The music teacher Mr. Baek was trapped in the auditorium and never came out again.

In a later scene, Mr. Baek tells the pupils the following.

Nobody is coming for us, so we have to hold this door ourselves.

The final episode closes on the pupils boarding a rescue boat at dawn.
"""


@pytest.fixture(scope="module")
def made_up(tmp_path_factory) -> Engine:
    paths = copy_corpus(tmp_path_factory.mktemp("fits"))
    add_article(paths, "900_fits", MADE_UP, "2025-02-03", title="A made-up look back")
    return Engine(load(paths), today=lambda: TODAY)


def ask(engine: Engine, message: str) -> str:
    return to_text(engine.answer(f"!ask {message}"))


@pytest.mark.parametrize(
    "message",
    [
        "what happened to the music teacher",
        "what happens to mr baek",
        "what happened in the final episode",
        "what happens at the end of the first season",
        "what happened during the boat scene",
    ],
)
def test_a_summary_phrase_with_a_narrower_object_is_not_a_summary(made_up, message):
    assert Sections(made_up.ctx).narrowed(message)


@pytest.mark.parametrize(
    "message",
    [
        "what happened in season 1",
        "what happened in the first season in short",
        "what happens in the show",
        "what happened in all of us are dead",
        "so what happened",
        "give me a recap of season one",
    ],
)
def test_a_summary_phrase_about_the_whole_season_stays_a_summary(made_up, message):
    assert not Sections(made_up.ctx).narrowed(message)


def test_what_happened_to_someone_answers_their_fate_not_the_summary(made_up):
    text = ask(made_up, "what happened to the music teacher")
    assert "trapped in the auditorium" in text
    assert "only a handful of pupils" not in text


def test_what_happened_in_the_last_episode_is_not_the_season_summary(made_up):
    text = ask(made_up, "what happened in the final episode")
    assert "overrun by the infected" not in text.splitlines()[1]


def test_a_season_recap_still_comes_from_its_section(made_up):
    text = ask(made_up, "what happened in season 1")
    assert text.splitlines()[0].startswith("What happened in")  # a section's heading leads


def test_a_sentence_introducing_a_quote_is_shown_with_the_quote(made_up):
    text = ask(made_up, "what does mr baek tell the pupils")
    line = next(x for x in text.splitlines() if "tells the pupils the following" in x)
    assert "hold this door ourselves" in line
    quotes = {c.quote for c in made_up.answer("!ask what does mr baek tell the pupils").citations}
    assert any("hold this door ourselves" in q for q in quotes)  # each part cited verbatim


SURFACE = """A made-up piece on the lighthouse episode

The pupils hid in the old lighthouse by the harbour for two nights.

From the lighthouse they could see the whole harbour burning.

The lighthouse lamp was used to signal the rescue boats.

Every light in the harbour went dark at midnight.

A stone gargoyle above the chapel door is the last thing the camera shows.

What that gargoyle means for the next season is anyone's guess.

Nobody could mean to stay there longer than a night.
"""


@pytest.fixture(scope="module")
def surface(tmp_path_factory) -> Engine:
    paths = copy_corpus(tmp_path_factory.mktemp("surface"))
    add_article(paths, "901_surface", SURFACE, "2025-03-04", title="A made-up piece")
    return Engine(load(paths), today=lambda: TODAY)


def bullets(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.startswith("•")]


def test_a_line_sharing_only_the_questions_frame_word_does_not_answer(surface):
    # the show's own name is set aside: "mean" is all that is left, and it asks nothing
    text = ask(surface, "what does all of us are dead mean")
    assert not bullets(text) and "don't say" in text
    assert "could mean" not in text  # not even as a nearby line


@pytest.mark.parametrize(
    "message",
    ["is the show scarier than dawn of the dead", "which is better, this or the dead zone"],
)
def test_a_route_sharing_only_a_common_word_gives_the_honest_decline(surface, message):
    # "dead" is all these share with the people cards; the other title's words are the rare ones
    text = ask(surface, message)
    assert text.startswith("The sources don't say") and not bullets(text)
