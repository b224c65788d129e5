"""`!ask` after round 10: a decline never labels its answer "not an answer", a nearby line
names the person asked about, each part of a two-part question is answered, and names and
descriptions of people resolve however they are typed. Each mechanism is held by
differently worded questions."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_text


def ask(engine: Engine, message: str) -> str:
    return to_text(engine.answer(f"!ask {message}"))


@pytest.mark.parametrize(
    "message, printed",
    [
        ("did the wga strike wreck season 2", "WGA strike"),
        ("did that wga strike screw things up", "WGA strike"),
        ("so 2024 or nah", "2024"),
        ("is it 2024 or what", "2024"),
    ],
)
def test_a_line_printing_all_the_question_prints_is_an_answer_not_nearby(engine, message, printed):
    text = ask(engine, message)
    assert "Nearby, not an answer" not in text
    assert printed in text


@pytest.mark.parametrize(
    "message", ["is yoo in-soo confirmed for season 2", "is yoo in-soo back for s2"]
)
def test_a_nearby_line_names_the_person_asked_about(engine, message):
    text = ask(engine, message)
    if "Nearby, not an answer" in text:
        assert "In-soo" in text or "In-Soo" in text


@pytest.mark.parametrize(
    "message", ["how many chapters is the webtoon", "how many volumes does the webtoon have"]
)
def test_a_line_without_the_value_asked_stays_nearby(engine, message):
    assert ask(engine, message).startswith("The sources don't say")


@pytest.mark.parametrize(
    "message",
    [
        "did 이재규 talk about a season 3",
        "what did lee jae-kyoo say about season three",
        "has the director 이재규 mentioned a third season",
    ],
)
def test_a_later_season_asked_of_someone_named_gives_their_lines_on_it(engine, message):
    text = ask(engine, message)
    assert "world war" in text and not text.startswith("The sources don't say")


@pytest.mark.parametrize(
    "message", ["!cast the girl they kept in a lab", "!cast the kid locked up in the lab"]
)
def test_a_description_sharing_a_telling_word_is_a_did_you_mean(engine, message):
    answer = engine.answer(message)
    assert not answer.ok and answer.title == "Did you mean…?"
    assert "Eun-ji" in to_text(answer)


@pytest.mark.parametrize(
    "message, first, second",
    [
        ("온조하고 청산 돌아와?", "Nam On-jo", "Lee Cheong-san"),
        ("남라랑 수혁 in s2?", "Choi Nam-ra", "Lee Su-hyeok"),
        ("하리와 미진 back?", "Jang Ha-ri", "Park Mi-jin"),
    ],
)
def test_a_hangul_conjunctive_particle_asks_of_both_people(engine, message, first, second):
    title = engine.answer(f"!ask {message}").title
    assert first in title and second in title


@pytest.mark.parametrize("message", ["are hyo-ryung and dae-su coming back", "is dae-su back"])
def test_a_long_cast_list_is_shown_where_it_names_the_person_asked_about(engine, message):
    text = ask(engine, message)
    assert "as Dae-su" in text


@pytest.mark.parametrize(
    "message",
    [
        "who is roh yoon-seo playing and when does she show up",
        "what role does roh yoon-seo have and when will we see her",
    ],
)
def test_a_later_part_asking_a_new_kind_of_thing_of_a_person_is_answered_too(engine, message):
    text = ask(engine, message)
    assert text.count("**") >= 4  # two parts, each under its own heading
    assert "when" in text.lower().split("**")[-1]


@pytest.mark.parametrize(
    "message",
    ["when did netflix announce it", "when did they announce season 2", "when was s2 announced"],
)
def test_when_an_announcement_was_made_is_the_renewal(engine, message):
    text = ask(engine, message)
    assert text.startswith("Renewal") and "June 6, 2022" in text


@pytest.mark.parametrize(
    "message, source, printed",
    [
        ("did the january 2022 article say it was renewed", "000_", "No renewal"),
        ("what does the 2024 one say about a trailer", "003_", "trailer"),
        ("does the june 2022 piece say who is in the cast", "002_", "cast"),
    ],
)
def test_an_article_named_by_its_date_restricts_the_evidence_to_it(
    engine, message, source, printed
):
    answer = engine.answer(f"!ask {message}")
    assert answer.citations and all(c.source.startswith(source) for c in answer.citations)
    assert printed in to_text(answer)


@pytest.mark.parametrize(
    "message", ["which sources have a printed date", "which articles are dated and which guessed"]
)
def test_how_the_articles_are_dated_is_the_source_list_split(engine, message):
    text = ask(engine, message)
    assert "Printed (1)" in text and "Estimated (4)" in text


def test_an_article_named_by_its_title_is_the_one_asked_of(engine):
    text = ask(engine, "who published the 'netflix confirms' article")
    assert "002_c773a4bdeaf767a9" in text and "no outlet" in text


def test_a_year_asked_about_is_no_article_named(engine):
    assert "that article" not in ask(engine, "is the 2024 release happening").lower()


@pytest.mark.parametrize(
    "message",
    [
        "how many ppl were in the last scene with nam-ra and who",
        "how many friends did nam-ra meet in the final scene, and who?",
    ],
)
def test_a_trailing_bare_wh_word_stays_with_its_question(engine, message):
    answer = engine.answer(f"!ask {message}")
    assert " · " not in answer.title and "**" not in to_text(answer)
    assert "six" in to_text(answer)


def test_two_parts_answered_under_one_heading_print_it_once(engine):
    title = engine.answer("!ask why did nam-ra stay behind? and is she a hybrid").title
    assert len(title.split(" · ")) == len(set(title.split(" · ")))


@pytest.mark.parametrize(
    "message, shown",
    [
        ("is the science teacher in s2", "The sources don't say"),
        ("is the villain back for season 2", "Yoon Gwi-nam in Season 2"),
        ("is the school president coming back", "Choi Nam-ra in Season 2"),
    ],
)
def test_a_return_asked_of_someone_named_by_description_is_their_return(engine, message, shown):
    text = ask(engine, message)
    assert text.startswith(shown)
    assert "virus created by the science teacher" not in text


@pytest.mark.parametrize(
    "message",
    [
        "wait is park solomon the same guy as lomon",
        "ok so is lomon the same person as park solomon",
    ],
)
def test_a_fan_s_opening_words_do_not_hide_a_yes_no(engine, message):
    text = ask(engine, message)
    assert "Park Solomon" in text and "Lomon" in text
    assert "my pals are waiting" not in text


@pytest.mark.parametrize(
    "message, shown",
    [
        ("is yoo in-soo confirmed for season 2", "only speculated"),
        ("is gwi-nam confirmed for the next season", "only speculated"),
        ("is nam-ra confirmed for s2", "(confirmed)"),
    ],
)
def test_whether_someone_is_confirmed_for_season_2_is_their_return_stance(engine, message, shown):
    text = ask(engine, message)
    assert "in Season 2" in text.splitlines()[0] and shown in text
