"""Which lines answer a free `!ask` question: one question asked of a pair, extra lines that
must answer as well as the first, and the honest decline when none covers the asked part."""

from __future__ import annotations

from bot.answers.reading.frame import name_list
from bot.console import reply
from bot.facts.text import PhraseSet

SHARED = PhraseSet(["kiss", "together", "each other"])


def _named(text: str) -> list[tuple[str, str]]:
    people = {"on-jo": "onjo", "cheong-san": "cheongsan", "mi-jin": "mijin", "ha-ri": "hari"}
    return [(w, e) for w, e in people.items() if f" {w} " in f" {text} "]


def test_a_shared_predicate_keeps_the_pair_one_question():
    assert name_list("did on-jo and cheong-san ever kiss", _named, SHARED) == [
        "did on-jo and cheong-san ever kiss"
    ]
    assert len(name_list("are mi-jin and ha-ri together", _named, SHARED)) == 1


def test_a_predicate_of_each_still_splits():
    assert name_list("who plays mi-jin and ha-ri", _named, SHARED) == [
        "who plays mi-jin",
        "and ha-ri",
    ]
    assert len(name_list("is on-jo and cheong-san back", _named, SHARED)) == 2
    # the shared word must follow the pair: it is what they did together
    assert len(name_list("after the kiss is on-jo and cheong-san back", _named, SHARED)) == 2


def test_the_kiss_is_answered_once_for_both(engine):
    for msg in ("!ask did cheong-san and on-jo ever kiss", "!ask did onjo n cheongsan kiss"):
        ans = reply(engine, msg)
        texts = [ln.text for ln in ans.lines]
        assert not any(t.startswith("**") for t in texts), texts  # no part headings
        assert "single kiss" in texts[0], texts


def test_a_who_answer_keeps_only_lines_saying_who(engine):
    ans = reply(engine, "!ask who made the zombie virus in all of us are dead??")
    quotes = [c.quote for c in ans.citations]
    assert any("science teacher" in q for q in quotes), quotes
    # "when the creator of a deadly virus states this" has the role noun but says no one
    assert not any(q.startswith("When the creator") for q in quotes), quotes


def test_a_time_of_day_asked_is_a_value_the_line_must_print(engine, store):
    from bot.answers.evidence.scoring.checking import Checker

    check = Checker(store)
    assert check.tells("It drops at 3 a.m. ET on Friday.", "clock")
    assert check.tells("Episodes land at midnight.", "clock")
    assert not check.tells("as South Korea's NewsPim reported at the time", "clock")
    assert not check.tells("he had returned five to six times in season 1", "clock")
    ans = reply(engine, "!ask what time does season 2 come out")
    assert not ans.ok and ans.title == "The sources don't say", ans.lines
    assert any(ln.text.startswith("Nearby, not an answer") for ln in ans.lines)


def test_a_time_asked_after_a_date_is_declined_not_filled(engine):
    ans = reply(engine, "!ask when exactly is ep 1 of s2 dropping and what time")
    texts = [ln.text for ln in ans.lines]
    at = texts.index("**What time?**")
    assert "The sources don't say" in texts[at + 1], texts
    assert all(not t.startswith("•") for t in texts[at:]), texts


def test_why_asks_the_reason_for_the_act_not_for_the_place_it_is_set_in(engine):
    ans = reply(engine, "!ask why did nam-ra stay behind at the school")
    texts = [ln.text for ln in ans.lines]
    assert "stayed back" in texts[0], texts
    assert texts[1].startswith("• This is because"), texts  # the reason, right after
    # a scene line whose next sentence happens to say "which means" is no reason for it
    assert not any("reunion" in t for t in texts), texts


def test_who_was_in_it_is_answered_by_the_passage_naming_everyone_counted(engine):
    ans = reply(engine, "!ask who was in the s2 announcement vid")
    head = ans.lines[0].text
    assert head.startswith("Named:"), head
    for name in ("Yoon Chan-young", "Park Ji-hu", "Lomon", "Cho Yi-hyun"):
        assert name in head, head


def test_who_without_a_counted_passage_is_no_list(engine):
    ans = reply(engine, "!ask who made the zombie virus in all of us are dead??")
    assert not ans.lines[0].text.startswith("Named:"), ans.lines


def test_a_count_of_something_else_does_not_answer_how_many(engine):
    # "spreading from one to another student" counts no students; "12 episodes" counts episodes
    ans = reply(engine, "!ask how many students made it out alive in s1")
    assert not ans.ok and ans.title == "The sources don't say", ans.lines
    assert not any("12 gripping episodes" in c.quote for c in ans.citations)
    assert sum(ln.text.startswith("Nearby, not an answer") for ln in ans.lines) <= 1
    # a count of what was asked still answers
    assert reply(engine, "!ask how many episodes does season 1 have").ok


def test_a_topic_answer_drops_a_line_found_only_by_its_words(engine):
    ans = reply(engine, "!ask what school do they go to")
    quotes = [c.quote for c in ans.citations]
    assert "Hyosan High School" in quotes[0], quotes
    assert not any("things left to do" in q for q in quotes), quotes  # a Nam-ra quote
