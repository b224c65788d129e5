"""A quotation the sentence splitter cut in two is shown whole: the line that closes it carries
the part that opened it, and the line that opens it the part that closes it, each cited; and
what someone told an outlet is the words its sentence sets up, quoted next."""

from __future__ import annotations

import pytest

from bot.answers.evidence.scoring.neighbours import quote_ends
from bot.answers.replies.render import to_text
from tests.conftest import collapse, engine_with_article

BODY = (
    "The streamer shared a poster for the new season.\n\n"
    'Its tagline asked, "Can the harbour town stay dry?\n\n'
    'The floodgates are failing," read the poster.\n\n'
    "The director said the monsoon episodes were filmed in a water tank.\n\n"
    "A festival host said: “Welcome to the lantern night.\n\n"
    "Please keep your umbrellas closed.”\n\n"
    "To keep the mystery, nobody knows who the lighthouse keeper is? “\n\n"
    "The keeper is played by an actor the studio has not named.\n\n"
    "While speaking to Quillfeather, the director offered these hints about the finale.\n\n"
    "“The lanterns go out in the last episode,” he said."
)


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    return engine_with_article(tmp_path_factory.mktemp("quotes"), "901_quotes", BODY, "2026-03-03")


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("He said “we are back.”", (0, 0)),
        ("A host said: “Welcome to the night.", (0, 1)),
        ("Please keep your umbrellas closed.”", (1, 0)),
        ('"Will we survive again?', (0, 1)),
        ('The gates fail," read the poster.', (1, 0)),
        ('She said "yes" twice.', (0, 0)),
    ],
)
def test_quote_ends_reads_what_a_sentence_opens_and_closes(text, ends):
    assert quote_ends(text) == ends


def test_the_line_closing_a_quotation_shows_where_it_opened(made_up):
    ans = made_up.answer("!ask what did the poster read about the floodgates")
    text = collapse(to_text(ans))
    assert "Can the harbour town stay dry?" in text and "floodgates are failing" in text
    quotes = [c.quote for c in ans.citations]
    assert any("harbour town" in q for q in quotes) and any("floodgates" in q for q in quotes)


def test_the_line_opening_a_quotation_shows_where_it_closes(made_up):
    text = collapse(to_text(made_up.answer("!ask what did the festival host say")))
    assert "lantern night" in text and "umbrellas closed" in text


def test_a_quotation_never_closed_carries_nothing(made_up):
    near = made_up.ctx.check.near
    store = made_up.store
    (sid,) = [i for i, s in store.sentences.items() if "lighthouse keeper is" in s.display]
    assert near.quoted(sid) == ([], [])


def test_what_someone_told_an_outlet_is_the_quote_its_sentence_sets_up(made_up):
    ans = made_up.answer("!ask what did the director tell quillfeather")
    text = collapse(to_text(ans))
    assert "offered these hints" in text and "lanterns go out" in text
    assert any("lanterns go out" in c.quote for c in ans.citations)
