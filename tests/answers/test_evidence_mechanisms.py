"""Mechanisms of `!ask`'s scoring, on articles written for the test: a quote set up by the
sentence before, a fan's specific word over its broad concept, a pronoun after a sentence
adverb, a detail inside a status topic, a question on the bot's own sources."""

from __future__ import annotations

import pytest

from bot.answers.replies.render import to_text
from tests.conftest import engine_with_article

BODY = (
    "Rumours swirl about the next chapter of the show.\n\n"
    "While speaking to Quillfeather, director Lee Jae-kyoo offered these hints.\n\n"
    "“Season 2 will be about the long monsoon.”\n\n"
    "Seo Hyo-ryung and Yang Dae-su share a romantic bond in the finale.\n\n"
    "Eventually, they confessed a mutual crush at the quarantine camp.\n\n"
    "Netflix dropped a teaser in a social media post.\n\n"
    '"Will the camp hold?\n\n'
    'The walls are thin," read the caption.'
)


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    return engine_with_article(tmp_path_factory.mktemp("mech"), "900_mech", BODY, "2026-03-02")


def test_an_outlet_finds_the_quote_its_sentence_sets_up(made_up):
    text = to_text(made_up.answer("!ask what did lee jae-kyoo tell quillfeather"))
    assert "long monsoon" in text


def test_a_specific_word_printed_counts_and_its_broad_concept_does_not(made_up):
    ev = made_up.ask.evidence
    frame = made_up.ask.frame("did hyo-ryung and dae-su have a crush")
    assert frame.concepts and frame.people
    assert ev.literal(frame, "Eventually, they confessed a mutual crush.") == 1.0
    assert ev.literal(frame, "They share a romantic bond.") == 0.0


def test_a_pronoun_after_a_sentence_adverb_goes_on_about_the_people_before(made_up):
    sid = next(
        s for s, row in made_up.store.sentences.items() if row.display.startswith("Eventually")
    )
    frame = made_up.ask.frame("did hyo-ryung and dae-su have a crush")
    assert made_up.ask.evidence.score_sentence(frame, sid).entity == 1.0


def test_a_detail_inside_a_status_topic_is_not_answered_by_its_timeline(made_up):
    ans = made_up.answer("!ask what caption did the teaser have")
    text = to_text(ans)
    assert "**Now:**" not in text and "walls are thin" in text


def test_a_detail_beyond_the_status_words_goes_to_the_sentence_that_carries_it(made_up):
    text = to_text(made_up.answer("!ask what social media did they put the teaser on"))
    assert "**Now:**" not in text and "social media post" in text


def test_a_general_status_question_still_gets_the_timeline(made_up):
    assert "**Now:**" in to_text(made_up.answer("!ask any news on the trailer"))


def test_a_yes_no_on_a_state_leads_with_the_verdict_then_where_it_stands(made_up):
    lines = to_text(made_up.answer("!ask is there a teaser yet")).splitlines()
    assert lines[1].startswith("**Yes**") and "social media post" in lines[1]
    assert lines[2].startswith("Now: Teaser out")


@pytest.mark.parametrize(
    "question",
    ["what sources do you use", "where do u get your info from", "which sites do you cite"],
)
def test_a_question_about_the_bots_sources_gets_the_source_list(made_up, question):
    assert "900_mech" in to_text(made_up.answer(f"!ask {question}"))


@pytest.mark.parametrize(
    "question", ["which site said there is no trailer yet", "what article mentions the teaser"]
)
def test_which_article_says_a_thing_is_not_answered_by_the_source_list(engine, question):
    assert not engine.answer(f"!ask {question}").title.endswith(" articles")
