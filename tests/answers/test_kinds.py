"""Questions answered by their kind (bot/answers/commands/asking/kinds.py): a later season, the
sources themselves, lists, summaries; and !lore's later season and thin-topic cut."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_text
from tests.conftest import TODAY, add_article, copy_corpus, load

MADE_UP = """A made-up update on the show

Producers spoke to the Pacific Screen Ledger on Monday about the next steps.

According to the Pacific Screen Ledger, the writers room for a third season opened in spring.

Netflix posted a clip featuring three of the returning cast members.

In the clip, Lomon waves at the camera.

Next, Kim Bo-yoon and Im Jae-hyuk share a laugh.

What happened in Season 1?

The students of a school fought a zombie outbreak, and only a handful lived to see help.

Most of their classmates did not make it out.
"""


@pytest.fixture(scope="module")
def made_up(tmp_path_factory) -> Engine:
    paths = copy_corpus(tmp_path_factory.mktemp("kinds"))
    add_article(paths, "900_kinds", MADE_UP, "2025-01-10", title="A made-up update")
    return Engine(load(paths), today=lambda: TODAY)


def ask(engine: Engine, message: str) -> str:
    return to_text(engine.answer(f"!ask {message}"))


def test_which_article_says_a_status_did_not_happen_names_it_with_its_quote(engine):
    text = ask(engine, "which article says netflix didnt renew it")
    head, _, others = text.partition("The others say otherwise")
    assert "One article says that" in head and "not any sign of renewal" in head
    assert "Renewed" in others  # the other side is named, not hidden


def test_a_question_nobody_answers_says_so(engine):
    text = ask(engine, "is there any article saying the show got cancelled")
    assert text.splitlines()[1] == "No article says that."


def test_disagreement_is_read_from_each_articles_claims(engine):
    text = ask(engine, "do the articles disagree about the trailer")
    assert "Yes, they differ" in text and "No trailer yet" in text and "Teaser out" in text
    agree = ask(engine, "are the articles consistent about filming")
    assert "agree" in agree.splitlines()[1]


def test_an_outlet_an_article_cites_is_found_by_its_name(made_up):
    text = ask(made_up, "what did the pacific screen ledger say")
    assert "Pacific Screen Ledger" in text and "writers room" in text
    when = ask(made_up, "when was the pacific screen ledger report")
    assert "2025-01-10" in when


def test_which_article_mentions_a_thing_names_the_article_of_the_sentence(engine):
    text = ask(engine, "which article mentions the sound wave")
    assert "24KHz" in text and "Release date updates" in text


@pytest.mark.parametrize(
    "message", ["!ask will there be a season 3", "!lore season 3", "!lore third season", "!ask s3?"]
)
def test_a_later_season_is_answered_from_its_sentences(engine, message):
    text = to_text(engine.answer(message))
    assert "a season 3" in text and "world war" in text


def test_a_later_season_sentence_in_a_new_article_answers(made_up):
    assert "writers room" in to_text(made_up.answer("!lore season 3"))


def test_a_later_season_detail_no_sentence_covers_is_said_not_known(engine):
    first = engine.answer("!ask when does season 3 come out").lines[0].text
    assert "The sources don't say when" in first


def test_a_list_question_leads_with_the_people_named(engine):
    lines = engine.answer("!ask name the survivors pls").lines
    assert lines[0].text.startswith("Named: ") and "Jang Ha-ri" in lines[0].text


def test_a_counting_sentence_is_followed_until_everyone_counted_is_named(made_up):
    first = made_up.answer("!ask which cast members were in the clip").lines[0].text
    assert first.startswith("Named: ")
    assert all(n in first for n in ("Lomon", "Kim Bo-yoon", "Im Jae-hyuk"))


def test_new_cast_is_listed_from_the_cast_pairs(engine):
    ans = engine.answer("!ask who are the new cast")
    assert ans.title == "New in Season 2" and "Roh Yoon-seo" in to_text(ans)


def test_a_summary_comes_from_the_section_its_heading_opens(engine):
    ans = engine.answer("!ask wat happend in season 1 in short")
    assert ans.ok and len(ans.lines) >= 2 and "lost few friends" in to_text(ans)
    synopsis = to_text(engine.answer("!ask what's the official synopsis"))
    assert "ground zero" in synopsis and "Trapped students" in synopsis


def test_a_summary_heading_is_found_by_the_season_asked(engine):
    assert engine.answer("!ask give me a recap of season 1").title.startswith("What happened")


def test_lore_leaves_out_a_long_line_that_only_passes_the_topic_word(engine):
    text = to_text(engine.answer("!lore cure"))
    assert "no cure for the virus" in text and "abnormalities" not in text


@pytest.mark.parametrize("message", ["who are the newcomers in season 2", "who's joining the cast"])
def test_new_cast_words_ask_for_the_new_cast(engine, message):
    assert engine.answer(f"!ask {message}").title == "New in Season 2"


def test_the_newest_article_is_not_read_as_a_person(engine):
    assert engine.answer("!ask who is the newest article").title == "The newest article"


def test_a_list_carrying_the_rarest_word_asked_beats_a_longer_one(engine):
    # the returning-cast list names more people, but the counting sentence is the video's
    first = engine.answer("!ask list the actors in the announcement video").lines[0].text
    assert "Cho Yi-hyun" in first and "Kim Bo-yoon" not in first
