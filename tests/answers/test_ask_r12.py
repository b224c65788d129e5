"""Round 12's failure patterns, held by mechanism: a line a decline would call nearby that
carries the question's concepts is the answer; words a question quotes are found with who
says them; a person asked by one printed name is shown under it."""

from __future__ import annotations

import pytest

from bot.answers.replies.render import to_text
from bot.console import reply

NEARBY = "Nearby, not an answer"


def _cited(answer, line: str) -> list:
    return [c for c in answer.citations if f"[{c.n}]" in line]


# --- a nearby line carrying the question's concepts is the answer ---------------------------


@pytest.mark.parametrize(
    "msg",
    [
        # "filming hadnt started" is "production had not commenced"; one alternative is enough
        "!ask who said filming hadnt started, the director or park ji-hoo? or both",
        "!ask who said production hadnt begun, lomon or park ji-hu",
    ],
)
def test_a_line_carrying_the_asked_concepts_answers(engine, msg):
    answer = reply(engine, msg)
    text = to_text(answer)
    assert answer.ok and NEARBY not in text, text
    assert "Park Ji-hu" in text and any(c.source.startswith("004") for c in answer.citations)


def test_one_alternative_joined_by_or_is_enough(engine):
    answer = reply(engine, "!ask is aoud s2 actually confirmed or fan cope")
    text = to_text(answer)
    assert answer.ok and NEARBY not in text and "confirmed to return" in text, text


def test_asking_whether_an_article_said_it_is_not_content(engine):
    answer = reply(
        engine, "!ask did one of the articles say the announcement would come in february or march"
    )
    text = to_text(answer)
    assert answer.ok and "February or March" in text, text
    assert all(c.source.startswith("000") for c in answer.citations)


@pytest.mark.parametrize(
    "msg", ["!ask is yoon chan-young dating park ji-hu irl", "!ask is lomon dating park ji-hu irl"]
)
def test_a_thesaurus_concept_no_line_carries_keeps_the_decline(engine, msg):
    # "irl" asks of the actors; the line is of the characters' feelings
    assert not reply(engine, msg).ok


# --- words a question quotes --------------------------------------------------------------


def test_a_quote_is_found_with_who_says_it_before_it(engine):
    answer = reply(
        engine, '!ask was it onjo\'s actress who said "season 2 has been confirmed" in the video?'
    )
    first = answer.lines[0].text
    assert answer.ok and first.startswith("• Lomon says it"), to_text(answer)
    assert all(c.source.startswith("002") for c in _cited(answer, first))


def test_a_quote_is_found_with_who_says_it_after_it(engine):
    answer = reply(engine, "!ask who said “I hope you’re all doing well”")
    assert answer.ok and answer.lines[0].text.startswith("• Park Ji-hu says it"), to_text(answer)


def test_a_name_introducing_the_next_quote_is_not_the_speaker(engine):
    # "…heard the news,” before Lomon declares, “…": Lomon says the next quote, not this one
    answer = reply(engine, '!ask who said "you must have heard the news"')
    text = to_text(answer)
    assert "Lomon says it" not in text and "heard the news" in text, text


def test_a_quote_naming_no_one_points_to_the_line_before(engine):
    answer = reply(
        engine,
        '!ask where did lee jae kyoo say the "survival of the undead" thing, korea herald or '
        "newspim?",
    )
    text = to_text(answer)
    assert answer.ok and "NewsPim" in text and "J.Q. Lee" in text, text


def test_a_quote_printed_but_never_attributed_is_an_honest_decline(engine):
    answer = reply(
        engine,
        '!ask where\'s the quote "to save the majority, just how heartless are you allowed to be"'
        " from",
    )
    assert not answer.ok and "heartless" in to_text(answer)


def test_quoted_words_asked_for_their_meaning_are_no_who_said(engine):
    answer = reply(engine, '!ask what does "immune and immortal" zombies even mean')
    assert not answer.title.startswith("Who says")


# --- a person asked by a printed name ------------------------------------------------------


@pytest.mark.parametrize("msg", ["!cast 박솔로몬", "!cast park solomon"])
def test_a_person_is_shown_under_the_printed_name_asked(engine, msg):
    answer = reply(engine, msg)
    first = answer.lines[0].text
    assert answer.title == "Park Solomon" and first.startswith("Park Solomon plays Lee Su-hyeok")
    cited = _cited(answer, first)
    assert cited and all("Park Solomon" in c.quote for c in cited), first
    text = to_text(answer)
    assert "No article says Park Solomon and Lomon are one person" in text, text


def test_a_spelling_of_the_same_name_is_not_split(engine):
    answer = reply(engine, "!cast park ji-hoo")
    assert "No article says" not in to_text(answer)
    assert answer.lines[0].text.startswith("Park Ji-hu")


# --- questions about the articles themselves -----------------------------------------------


def test_the_oldest_one_alone_is_an_article_with_its_age(engine):
    answer = reply(engine, "!ask how many sources do u have and how old is the oldest one")
    text = to_text(answer)
    assert "The sources don't say" not in text and "000_71c052bff4a9544e" in text, text
    assert "old; its date is estimated" in text


def test_the_newest_with_how_its_date_is_known(engine):
    answer = reply(
        engine, "!ask which of ur articles is the newest and is its date real or guessed"
    )
    text = to_text(answer)
    assert answer.title == "The newest article" and "003_46757ed511165cca" in text, text
    assert "its date is printed in the article" in text and "Estimated (4)" not in text


@pytest.mark.parametrize(
    "msg",
    ["!ask what websites are these articles even from", "!ask which sites are your sources from"],
)
def test_where_the_articles_come_from_says_it_is_not_recorded(engine, msg):
    text = to_text(reply(engine, msg))
    assert "not recorded" in text, text


def test_a_site_named_in_passing_is_no_question_about_outlets(engine):
    text = to_text(reply(engine, "!ask 2023 or 2024??? every site says smth different lmaooo"))
    assert "not recorded" not in text


def test_when_was_that_asks_of_the_part_before(engine):
    answer = reply(engine, "!ask did park ji-hu say anything about s2 in teen vogue? when was that")
    text = to_text(answer)
    assert "early 2024" not in text and "March 2023" in text, text


def test_two_spellings_credited_alike_say_so_and_show_what_ties_them(engine):
    answer = reply(engine, "!ask is lee jal q the same guy as lee jae-kyoo")
    text = to_text(answer)
    first = answer.lines[0].text
    assert first.startswith("No article says") and "both are credited as director" in first
    tie = next(line.text for line in answer.lines if line.text.startswith("• One line prints"))
    assert "J.Q. Lee (also known as Lee Jae-kyoo)" in tie, text
    assert all(c.source.startswith("002") for c in _cited(answer, tie))


@pytest.mark.parametrize(
    "msg", ["!ask any new faces in s2 or just the og kids", "!ask is anyone new joining season 2"]
)
def test_whether_there_is_new_cast_is_the_new_cast(engine, msg):
    answer = reply(engine, msg)
    assert answer.title == "New in Season 2" and "Roh Yoon-seo" in to_text(answer)


def test_new_alone_asks_of_anything(engine):
    assert reply(engine, "!ask is there a new trailer").title != "New in Season 2"
