"""Typos in a question's own words, and a follow-up typed with no question before it."""

from __future__ import annotations

from types import SimpleNamespace

from bot.answers.reading.frame import lone_subject
from bot.answers.reading.spelling import Speller, bound


def _store(*texts: str, names=("Kim Do-yun",), vocab=None):
    """A made-up store: sentences, one person, a small lexicon."""
    return SimpleNamespace(
        sentences={i: SimpleNamespace(display=t) for i, t in enumerate(texts)},
        vocab=vocab or {"ask.roles": {"composer": ["composer", "music by"]}},
        entities={"p": SimpleNamespace(name=names[0], aliases=list(names[1:]))},
        lore_topics={},
    )


TEXTS = (
    "The broadcaster announced the premiere of the mystery drama.",
    "Shooting resumed after the holidays; the cast resumes shooting in spring.",
    "Kim Do-yun joined the ensemble, the broadcaster said.",
    "The composer wrote the theme.",
)


def _speller(*texts: str, **kw) -> Speller:
    store = _store(*(texts or TEXTS), **kw)
    keys = {"doyun", "do-yun", "kim do-yun"}
    return Speller(store, lambda w: w in keys)


def test_an_unknown_word_is_read_as_the_nearest_known_word():
    spell = _speller()
    assert spell("when is the premeire") == "when is the premiere"  # swapped letters: one edit
    assert spell("who is the composr") == "who is the composer"  # a lexicon word
    assert spell("did the broadcastr say") == "did the broadcaster say"


def test_forms_of_one_word_equally_near_read_as_the_commonest():
    # "resumd" is one edit from "resumed" and from "resume(s)": all one word, so no doubt
    assert _speller()("has shooting resumd") in ("has shooting resumed", "has shooting resumes")


def test_two_different_words_equally_near_are_left_alone():
    spell = _speller("The banner was hung.", "The banter was light.")
    assert spell("what about the banler") == "what about the banler"


def test_known_short_and_far_words_are_never_changed():
    spell = _speller()
    assert spell("the drama cast") == "the drama cast"  # known
    assert spell("teh cst") == "teh cst"  # too short to guess
    assert spell("when is the pxyzmiere") == "when is the pxyzmiere"  # too far
    assert spell("is it hyped") == "is it hyped"  # nothing near enough
    assert spell("which broadcasters") == "which broadcasters"  # a form of a known word
    assert bound("cast") == 0 and bound("premier") == 1 and bound("broadcastr") == 2


def test_a_guess_keeps_the_first_letter():
    assert _speller()("when is the qremiere") == "when is the qremiere"


def test_a_possessive_typed_without_its_apostrophe_reads_as_the_name():
    spell = _speller()
    assert spell("who is doyuns dad") == "who is doyun dad"
    assert spell("who is doyun") == "who is doyun"


def test_the_vocabulary_is_built_once_and_only_when_needed():
    spell = _speller()
    assert spell._known is None  # nothing read until a question comes
    spell("when is the premeire")
    known = spell._known
    spell("who is the composr")
    assert spell._known is known


def test_a_lone_follow_up_names_its_subject():
    assert lone_subject("and ha-ri?") == "ha-ri"
    assert lone_subject("what about mi-jin tho") == "mi-jin"
    assert lone_subject("n gwi-nam") == "gwi-nam"
    assert lone_subject("and him") is None
    assert lone_subject("who plays ha-ri") is None


# --- on the real store, in wording of our own -------------------------------------------


def test_typos_in_the_key_word_keep_the_structured_route(engine):
    crew = engine.answer("!ask who is the shows directr")
    assert crew.ok and crew.title.startswith("Crew: director")
    trailer = engine.answer("!ask is the trailler out")
    assert trailer.ok and trailer.match == engine.answer("!ask is the trailer out").match
    asked = engine.answer("!ask has the filmng begun for season 2")
    assert asked.frame.asked == "has the filming begun for season 2"


def test_a_possessive_without_apostrophe_names_the_person(engine):
    typed = engine.answer("!ask who plays cheongsans dad")
    assert typed.frame.people == engine.answer("!ask who plays cheong-san's dad").frame.people
    assert typed.frame.people


def test_a_question_with_no_unknown_word_reads_as_typed(engine):
    frame = engine.answer("!ask when does the second season premiere").frame
    assert frame.asked == "when does the second season premiere"


def test_a_lone_follow_up_is_read_as_a_question_about_that_person(engine):
    for message, plays in (
        ("!ask and cheong-san?", "is played by"),
        ("!ask what about hyo-ryung", "is played by"),
        ("!ask n dae-su?", "is played by"),
    ):
        ans = engine.answer(message)
        text = "\n".join(line.text for line in ans.lines)
        assert ans.ok and plays in text and "Season 2" in text, message
        assert ans.lines == engine.answer(f"!cast {message.split()[-1].strip('?')}").lines


def test_a_follow_up_after_a_question_still_borrows_it(engine):
    first = engine.answer("!ask is cheong-san coming back")
    follow = engine.answer("!ask what about dae-su", first.frame)
    assert follow.frame.asked == "is dae-su coming back"


def test_lone_follow_ups_in_a_row_and_after_a_question_of_no_one(engine):
    first = engine.answer("!ask what about cheong-san")
    second = engine.answer("!ask and dae-su?", first.frame)
    assert second.lines == engine.answer("!cast dae-su").lines
    general = engine.answer("!ask when is season 2 coming out")
    after = engine.answer("!ask what about hyo-ryung", general.frame)
    assert after.lines == engine.answer("!cast hyo-ryung").lines


def test_an_english_word_the_articles_never_print_is_read_only_as_a_form_of_itself():
    spell = _speller(
        "The reach of the virus grew.",
        "The seasons had a different feel, the director said.",
        "A bullied student tried to make his son strong.",
    )
    assert spell("how did she react") == "how did she react"  # a word of its own, no typo
    assert spell("what is the difference") == "what is the different"  # a form of it
    assert spell("who is the studnt") == "who is the student"  # a typo is still read
