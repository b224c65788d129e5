"""`!ask` answers the asked-for kind of fact, key fact first (scoring/leading.py and the
readings it leans on). Each mechanism is held by two differently worded questions; the
made-up article shows a new text changes the answer with no code change."""

from __future__ import annotations

import pytest

from bot.console import reply
from tests.conftest import engine_with_article


def bullets(engine, message: str) -> list[str]:
    return [ln.text for ln in reply(engine, message).lines if ln.text.startswith("•")]


@pytest.mark.parametrize(
    "question", ["what powers do the hybrids have", "what skills do the half zombies have"]
)
def test_a_line_listing_the_asked_traits_leads(engine, question):
    # the list sits two sentences before the word "hybrids" ("…these hybrids")
    assert "agility" in bullets(engine, f"!ask {question}")[0]


@pytest.mark.parametrize(
    "question", ["whats the downside of being a hybrid", "any weakness of the hybrids?"]
)
def test_a_drawback_is_found_by_what_names_it_back(engine, question):
    lines = bullets(engine, f"!ask {question}")
    assert "drawback" in lines[0]
    assert not any("mysteries" in ln for ln in lines)  # names them, says nothing of a drawback


@pytest.mark.parametrize("question", ["on which platform can i watch it", "where can i stream it"])
def test_a_fact_that_answers_leads_a_guess_alike(engine, question):
    first = bullets(engine, f"!ask {question}")[0]
    assert "Netflix" in first and "(speculation)" not in first


@pytest.mark.parametrize("question", ["is gwi-nam dead", "did gwi nam die"])
def test_someone_elses_death_beside_the_name_is_dropped(engine, question):
    assert not any("kiss" in ln for ln in bullets(engine, f"!ask {question}"))


@pytest.mark.parametrize(
    "question", ["what did nam-ra say at the end", "what did nam ra say in the final scene"]
)
def test_the_quoted_words_lead_what_did_x_say(engine, question):
    assert "still have some things" in bullets(engine, f"!ask {question}")[0]


@pytest.mark.parametrize(
    "question",
    ["when did people expect the s2 announcement", "when did the 000 article expect the renewal"],
)
def test_a_forecast_asked_is_answered_by_the_guess_not_the_event(engine, question):
    text = " ".join(bullets(engine, f"!ask {question}"))
    assert "February or March" in text and "June 6" not in text


@pytest.mark.parametrize(
    "question", ["why did nam ra stay behind in hyosan", "why did nam-ra stay back in hyosan"]
)
def test_a_reason_is_the_one_given_for_what_was_asked(engine, question):
    assert any("This is because" in ln for ln in bullets(engine, f"!ask {question}"))


def test_a_dated_line_leads_when_asked_when_an_outlet_was_told(engine):
    lines = bullets(engine, "!ask when did the director talk to korea herald")
    assert "February 2022" in lines[0]


def test_an_outlet_named_after_a_country_is_found_with_its_quote(engine):
    text = " ".join(bullets(engine, "!ask what did the director tell newspim"))
    assert "Dishing on prospective" in text and "survival of the undead" in text


def test_a_new_article_naming_a_list_back_answers_with_no_code_change(tmp_path):
    body = (
        "The Jonus Virus Explained\n\n"
        "Some of the infected keep their minds while gaining night vision, speed and "
        "endurance far beyond any person. Nobody at the school understood it at first. "
        "Scientists now want to study these hybrids before the next outbreak.\n"
    )
    engine = engine_with_article(tmp_path, "900_test", body, "2024-06-01")
    for question in ("what powers do the hybrids have", "what skills do the half zombies have"):
        assert "night vision" in bullets(engine, f"!ask {question}")[0]
