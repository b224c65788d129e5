"""Question analysis and answer-type checking, with the vocabulary data/lexicon.toml ships."""

from __future__ import annotations

import pytest

from bot.answers.reading.question import analyse, gloss, normalise

LORE = {"jonus": ["jonus", "virus"], "cure": ["cure"]}


@pytest.mark.parametrize(
    ("message", "atype"),
    [
        ("When will season 2 come out?", "when"),
        ("how long until season 2", "when"),  # a wait is a date, not a duration
        ("how long is each episode", "duration"),
        ("what's the runtime", "duration"),  # a specific type beats plain "what"
        ("how many episodes are there", "number"),
        ("who plays Nam-ra", "who"),
        ("where was it shot?", "where"),
        ("why is season 2 taking so long", "why"),
        ("is there a cure", "yesno"),
        ("will nam-ra return", "yesno"),
        ("do you know when it airs", "when"),  # a wh-word anywhere beats yes/no
        ("tell me about the virus", "what"),
        ("nam-ra", "what"),
    ],
)
def test_expected_answer_type(store, message, atype):
    assert analyse(message, store.vocab, LORE).atype == atype


@pytest.mark.parametrize(
    ("message", "season"),
    [
        ("is a third season planned?", 3),
        ("when did the first season air?", 1),
        ("season 3's release date", 3),
        ("how many eps in s2", 2),
        ("when is the sequel out", 2),
        ("when will it come out", None),
        ("is season 2 like season 1", None),  # two seasons: no single focus
    ],
)
def test_season_in_focus(store, message, season):
    assert analyse(message, store.vocab, LORE).season == season


def test_topic_intents_and_lore(store):
    q = analyse("who plays On-jo in season 2?", store.vocab, LORE)
    assert q.casting and q.atype == "who"
    assert analyse("is cheong-san coming back", store.vocab, LORE).returning
    assert analyse("what did the director say", store.vocab, LORE).speech
    assert analyse("has filming started", store.vocab, LORE).status == "filming"
    assert analyse("is there a cure for the virus", store.vocab, LORE).lore in ("cure", "jonus")
    assert analyse("when did it air", store.vocab, LORE).past


def test_normalise_expands_contractions_and_drops_possessives():
    assert normalise("What's Season 3’s plot?") == "what is season 3 plot"


def test_type_checking_on_the_real_sentences(engine, store):
    check = engine.ctx.check
    texts = {sid: s.display for sid, s in store.sentences.items() if s.kind == "text"}
    numbers = [sid for sid in texts if "number" in check.traits(sid).carries]
    assert numbers and all(any(ch.isdigit() for ch in texts[s]) or " " in texts[s] for s in numbers)
    minutes = [sid for sid, t in texts.items() if "72 minutes" in t]
    assert minutes and all("duration" in check.traits(s).carries for s in minutes)
    third = [sid for sid, t in texts.items() if "third season" in t]
    assert third and all(check.traits(s).seasons == {3} for s in third)
    assert all(not check.season_ok(s, 1) for s in third)
    # "shot to the top of Netflix" is no filming location
    shot = [sid for sid, t in texts.items() if "shot to the top" in t]
    assert shot and not any("where" in check.traits(s).carries for s in shot)
    # a sign-off is filler, whatever it matches
    signoff = [sid for sid, t in texts.items() if t.startswith("So long for now")]
    assert signoff and all(check.traits(s).quality <= -3 for s in signoff)


def test_korean_question_words_are_read_by_their_stem():
    vocab = {"ask.hangul": {"who": ["누가", "누구"], "plays": ["연기"], "season": ["시즌"]}}
    assert gloss("누가 연기했어요", vocab) == "who plays"  # the ending after the stem is dropped
    assert gloss("시즌3", vocab) == "season 3"
    assert gloss("하늘 누구야", vocab) == "하늘 who"  # a word no stem opens (a name) stays
    assert gloss("who plays her", vocab) == "who plays her"


@pytest.mark.parametrize(
    ("message", "atype"),
    [("남라 누가 연기해?", "who"), ("시즌2 언제 나와요", "when"), ("왜 안 죽어", "why")],
)
def test_korean_questions_get_an_answer_type(store, message, atype):
    assert analyse(message, store.vocab, LORE).atype == atype


@pytest.mark.parametrize(("hangul", "latin"), [("온조", "on-jo"), ("남라", "nam-ra")])
def test_a_korean_who_question_on_a_hangul_name_reads_as_the_english_one(engine, hangul, latin):
    korean = engine.answer(f"!ask {hangul} 누구야")
    assert korean.ok and korean.title == engine.answer(f"!ask who is {latin}").title
