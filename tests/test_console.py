"""Off Discord (console, `ask`), every command is known: engine commands are answered,
server-only ones say what they would do in a server, and a lone word needs a strong match."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_text
from bot.console import reply
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("!spoilers off", "spoilers"),
        ("!settings timezone Asia/Seoul", "settings timezone"),
        ("!settings", "settings"),
        ("!sync", "sync"),
        ("!status subscribe #news 18:00", "status subscribe"),
        ("!status resume #news", "status resume"),
        ("/status subscriptions", "status subscriptions"),
    ],
)
def test_server_only_commands_say_where_they_work(engine, typed, command):
    answer = reply(engine, typed)
    text = to_text(answer)
    assert f"`!{command}` works in a Discord server" in text and f"!help {command}" in text
    assert not answer.citations


def test_help_is_the_tree_s(engine):
    text = to_text(reply(engine, "!help"))
    for name in ("!status resume", "!settings timezone", "!spoilers off", "!sync here"):
        assert name in text
    assert "changes:off" in to_text(reply(engine, "!help subscribe"))
    assert reply(engine, "help").match is None and "!cast On-jo" in to_text(reply(engine, "help"))


def test_help_follows_the_prefix(store):
    engine = Engine(store, prefix="?", today=lambda: TODAY)
    text = to_text(reply(engine, "?help"))
    assert "`?cast On-jo`" in text and "`!" not in text


@pytest.mark.parametrize("word", ["clear", "!clear", "play", "!rank"])
def test_a_word_that_names_nothing_gets_no_guessed_answer(engine, word):
    answer = reply(engine, word)
    assert not answer.ok and not answer.citations and "Jonus" not in to_text(answer)


@pytest.mark.parametrize(("word", "match"), [("jonus", "The Jonus virus"), ("!onjo", "Nam On-jo")])
def test_a_strongly_known_word_is_answered(engine, word, match):
    assert reply(engine, word).match == match


def test_engine_commands_and_questions_go_to_the_engine(engine):
    assert reply(engine, "!status trailer").match == engine.answer("!status trailer").match
    assert reply(engine, "who plays onjo").match == "Nam On-jo"
    assert reply(engine, "!cast onjo").match == "Nam On-jo"
