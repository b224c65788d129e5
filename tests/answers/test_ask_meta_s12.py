"""`!ask` about the sources themselves and two-part questions, held by mechanism: the newest
or oldest article picked in any wording answers the topic asked from that article; a year,
the way the articles are dated, where they come from and whether they can be trusted are
answered from the manifest; "one of the articles says" asks which; a count stated as fact
beside a guess is no speculation; a statement asked back is a yes/no."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_text
from bot.console import reply
from tests.conftest import TODAY, add_article, copy_corpus, load

NEWER = (
    "All of Us Are Dead season 2 premiered on Netflix on January 31, 2025. "
    "The new season has eight episodes and brings back Park Ji-hu as Nam On-jo."
)


def _sources(answer) -> set[str]:
    return {c.source[:3] for c in answer.citations}


@pytest.fixture(scope="module")
def newer(tmp_path_factory) -> Engine:
    """The shipped articles plus a made-up one from 2025: the newest, with no code change."""
    paths = copy_corpus(tmp_path_factory.mktemp("meta_s12"))
    add_article(paths, "900_newer", NEWER, "2025-02-03", title="A made-up season 2 review")
    return Engine(load(paths), today=lambda: TODAY)


# --- the newest or oldest article, and a topic asked of it --------------------------------


def test_the_oldest_article_asked_of_a_topic_answers_from_it(engine):
    answer = reply(engine, "!ask whats ur oldest article and did it even know about the renewal")
    text = to_text(answer)
    assert "The oldest article" in text and "000_71c052bff4a9544e" in text, text
    assert _sources(answer) == {"000"} and "renewal" in text.lower(), text


def test_picking_the_newest_then_asking_of_it_is_one_question(engine):
    answer = reply(
        engine, "!ask which of ur articles is the newest and what does it say about the premiere"
    )
    text = to_text(answer)
    assert "The newest article" in text and _sources(answer) == {"003"}, text
    assert "premiere date" in text, text


def test_which_is_the_oldest_alone_is_still_the_listing(engine):
    text = to_text(reply(engine, "!ask when was ur earliest article written"))
    assert "The oldest article" in text and "estimated" in text and "[1]" not in text, text


def test_a_new_newest_article_is_the_one_asked_of(newer):
    answer = reply(newer, "!ask what does ur latest article say about the episodes")
    assert _sources(answer) == {"900"}, to_text(answer)


# --- a year, the dating, where they come from, whether to trust them -----------------------


def test_a_year_no_article_is_from_says_none_and_the_newest(engine):
    text = to_text(reply(engine, "!ask how recent is ur info, got anything from 2026?"))
    assert "None of the 5 articles is from 2026" in text, text
    assert "2024-04-09" in text and "003_46757ed511165cca" in text, text


def test_a_year_some_articles_are_from_lists_them(engine):
    text = to_text(reply(engine, "!ask are any of your sources from 2022"))
    assert "2 articles are from 2022" in text and "000_71c052bff4a9544e" in text, text
    assert "002_c773a4bdeaf767a9" in text and "001_f15b1d0a36d63315" not in text, text


def test_an_added_article_from_a_year_is_found(newer):
    text = to_text(reply(newer, "!ask do u have any articles from 2025"))
    assert "1 article is from 2025" in text and "900_newer" in text, text


def test_how_they_are_dated_asked_as_how_do_you_know(engine):
    text = to_text(reply(engine, "!ask how can u tell when they were written, most have no dates"))
    assert "Printed (1)" in text and "Estimated (4)" in text, text


def test_where_they_come_from_names_the_outlets_they_cite_and_trust_is_not_settled(engine):
    text = to_text(reply(engine, "!ask which websites are ur sources from, are they reliable"))
    assert "not recorded" in text and "Teen Vogue" in text and "Korea Herald" in text, text
    assert "cannot settle" in text, text
    # one outlet once, by its full printed name, not its fragments
    assert "Vogue," not in text.replace("Teen Vogue", "") and "Korea’s NewsPim" not in text, text


# --- which article says it, and when -------------------------------------------------------


def test_one_of_the_articles_says_it_is_not_renewed_is_which_and_predates(engine):
    answer = reply(engine, "!ask hold on, one of ur articles says s2 isnt renewed?")
    text = to_text(answer)
    assert text.splitlines()[1] == "One article says that:", text
    assert "000" in text.splitlines()[2] or "Renewal Updates" in text.splitlines()[2], text
    assert "written before the news" in text, text


def test_a_month_asked_of_one_of_the_articles_is_a_line_not_a_claim_state(engine):
    answer = reply(engine, "!ask did one of the sources say the announcement comes in february")
    assert answer.title != "Which article says that", to_text(answer)
    assert "February" in to_text(answer), to_text(answer)


# --- counts and two-part questions ----------------------------------------------------------


def test_a_count_beside_a_guess_is_not_speculation(engine):
    text = to_text(reply(engine, "!ask how many times has it been watched"))
    assert "million times" in text and "(speculation) No, there is not" not in text, text


def test_a_rumoured_count_stays_speculation(engine):
    text = to_text(reply(engine, "!ask how many episodes will season 2 have"))
    assert "(speculation) According to recent buzz" in text, text


def test_a_statement_asked_back_as_a_later_part_is_a_yes_no(engine):
    answer = reply(engine, "!ask s1 came out in 2022 right? and s2 is gonna be on netflix?")
    text = to_text(answer)
    assert "don't say" not in text and "Netflix" in text.split("**", 4)[-1], text


def test_a_rank_asked_as_a_later_part_finds_the_chart_line(engine):
    text = to_text(reply(engine, "!ask did lots of ppl watch it? was it number one worldwide"))
    assert "around the world" in text and "I don't know" not in text, text
