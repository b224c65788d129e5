"""Commands that read their argument as a fan words it: the question around a name in `!cast`,
a question after `!sources`, two names the articles print, an article named by its order, and
a pronoun with no one before it."""

from __future__ import annotations

import pytest

from bot.console import reply


@pytest.mark.parametrize(
    ("msg", "name"),
    [
        ("!cast who plays suhyeok", "Lee Su-hyeok"),
        ("!cast whos the actor for namra", "Choi Nam-ra"),
        ("!cast who is onjo played by", "Nam On-jo"),
        ("!cast who's the actor for hari", "Jang Ha-ri"),
        ("!cast who is the director", "Lee Jae-kyoo"),
        ("!cast who plays the villain", "Yoon Gwi-nam"),
    ],
)
def test_cast_reads_the_name_inside_a_question(engine, msg, name):
    answer = reply(engine, msg)
    assert answer.ok, answer.lines
    assert name in answer.lines[0].text or answer.match == name, answer.lines


@pytest.mark.parametrize(
    ("msg", "first"),
    [
        ("!sources which one is the newest", "The newest: “All of Us Are Dead Season 2: Every"),
        ("!sources which is the oldest", "The oldest: “All of Us Are Dead Season 2: Renewal"),
        ("!sources how many are there", "5 articles."),
        ("!sources from teen vogue", "No article is recorded as from “teen vogue”; it is named"),
        ("!sources banana", "I can't read “banana” as a question about the list"),
    ],
)
def test_a_question_after_sources_is_answered_first(engine, msg, first):
    answer = reply(engine, msg)
    assert answer.ok and answer.lines[0].text.startswith(first), answer.lines[0]
    assert len(answer.lines) == 6  # the list still follows


def test_sources_alone_is_the_list(engine):
    assert reply(engine, "!sources").lines[0].text.startswith("2024-04-09")


@pytest.mark.parametrize("msg", ["!sources pls", "!sources newest first?"])
def test_a_tail_asking_nothing_more_keeps_the_plain_list(engine, msg):
    assert reply(engine, msg).lines == reply(engine, "!sources").lines


@pytest.mark.parametrize(
    ("msg", "source"),
    [
        ("!ask what did the first article predict about renewal", "000_71c052bff4a9544e"),
        ("!ask does the latest article say anything about the trailer", "003_46757ed511165cca"),
        ("!ask what did the teen vogue one say about the release", "004_fc0cb16fffc47836"),
    ],
)
def test_an_article_named_by_its_order_or_what_it_prints(engine, msg, source):
    answer = reply(engine, msg)
    assert answer.title in ("What that article says", "That article doesn't say"), answer.title
    assert {c.source for c in answer.citations} <= {source}
    assert engine.store.sources[source].title in answer.lines[0].text


def test_which_article_is_newest_is_still_the_listing(engine):
    assert reply(engine, "!ask which article is the newest one").title == "The newest article"


@pytest.mark.parametrize(
    "msg",
    ["!ask why did he make it tho", "!ask is he actually dead or what", "!ask why did she leave"],
)
def test_a_pronoun_with_no_one_before_it_asks_who(engine, msg):
    answer = reply(engine, msg)
    assert not answer.ok and answer.title == "Who do you mean?"
    assert "<name>" in answer.lines[-1].text and not answer.citations


def test_a_pronoun_after_a_question_still_follows_it(engine):
    first = reply(engine, "!ask is cheong-san dead")
    again = engine.answer("!ask why did he die", first.frame)
    assert again.title != "Who do you mean?"


@pytest.mark.parametrize(
    "msg", ["!ask is cheongsan coming back or is he gone", "!ask did the teacher say why he did it"]
)
def test_a_pronoun_with_its_person_in_the_question_is_answered(engine, msg):
    assert reply(engine, msg).title != "Who do you mean?"


@pytest.mark.parametrize(
    "msg",
    [
        "!ask wait is lomon and park solomon the same guy",
        "!ask wait is park solomon the same guy as lomon",
        "!ask is lee jal q the same person as lee jae-kyoo",
    ],
)
def test_two_names_say_what_the_articles_print_not_a_curated_yes(engine, msg):
    answer = reply(engine, msg)
    first, *rest = [line.text for line in answer.lines]
    assert first.startswith("No article says"), first
    names, ties = rest[:2], rest[2:]
    assert all(r.startswith("• “") and "[" in r for r in names), rest
    assert all(r.startswith("• One line prints") for r in ties), rest


def test_lomon_is_not_read_inside_solomon(engine):
    answer = reply(engine, "!ask is lomon the same as park solomon")
    lomon = next(line.text for line in answer.lines if line.text.startswith("• “Lomon”"))
    solomon = next(c for c in answer.citations if "Park Solomon" in c.quote)
    assert f"[{solomon.n}]" not in lomon


def test_a_spelling_question_lists_every_printed_spelling_with_its_article(engine):
    answer = reply(engine, "!ask hows the director's name spelled, jae-kyoo or jae gyu??")
    text = "\n".join(line.text for line in answer.lines)
    for spelling, source in [("Lee Jae-kyoo", "004"), ("Lee Jae Gyu", "003"), ("Lee Jal Q", "001")]:
        line = next(x for x in answer.lines if x.text.startswith(f"• “{spelling}”"))
        cited = [c for c in answer.citations if f"[{c.n}]" in line.text]
        assert any(c.source.startswith(source) and spelling in c.quote for c in cited), text


@pytest.mark.parametrize("msg", ["!ask who is the villain", "!ask who is the antagonist"])
def test_a_role_noun_is_answered_from_the_descriptions_printed_beside_a_name(engine, msg):
    answer = reply(engine, msg)
    assert answer.ok and answer.lines[0].text.startswith("Yoon Gwi-nam")
    quotes = {c.source[:3]: c.quote for c in answer.citations}
    assert "the villain character" in quotes["002"] and "our antagonist" in quotes["001"]


def test_our_before_a_role_noun_is_read_as_a_description(store):
    texts = {d.text for ds in store.descriptions.values() for d in ds}
    assert "our antagonist" in texts


def test_a_section_link_cites_the_name_as_its_article_prints_it(engine):
    answer = reply(engine, "!cast science teacher")
    line = answer.lines[0].text
    assert "“Mr. Lee” [1]" in line and "Lee Byeong-chan is printed in [2]" in line, line
    by_n = {c.n: c for c in answer.citations}
    assert by_n[1].source.startswith("001") and "Lee Byeong-chan" not in by_n[1].quote
    assert by_n[2].source.startswith("003") and "Lee Byeong-chan" in by_n[2].quote
