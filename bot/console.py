"""Answering a message off Discord (`hyosan-bot console` and `ask`): the engine, plus the
command tree for `!help` and for the commands that only work in a server.

The tree is discord.py's, read from the cog classes (cogs/help.py) the first time a message
needs it, so `ask '!cast onjo'` never imports discord.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # help is laid out only when a message needs it: `ask '!cast onjo'` never does
    from bot.answers.engine import Engine
    from bot.answers.replies.help import CommandHelp
    from bot.answers.types import Answer

# Commands the engine answers whole and that have no subcommands: no need for the tree.
# tests/cogs/test_help.py holds this against the tree.
ANSWERED = frozenset({"cast", "lore", "ask", "sources", "quotes"})


def tree_commands() -> Sequence[CommandHelp]:
    from cogs.help import offline_commands

    return offline_commands()


def reply(
    engine: Engine,
    message: str,
    commands: Callable[[], Sequence[CommandHelp]] = tree_commands,
    previous: object | None = None,
) -> Answer:
    """The reply to one message as Discord would give it, or what a server-only command
    would do there; previous: the frame of the question before, as for `Engine.answer`."""
    text = message.strip()
    prefix = engine.prefix
    body = next((text[len(p) :] for p in (prefix, "/") if p and text.startswith(p)), None)
    words = (text if body is None else body).split()
    if not words or words[0].lower() in ANSWERED or (body is None and len(words) > 1):
        return engine.answer(text, previous)  # the engine's own command, or a free question
    from bot.answers.replies.help import (
        help_answer,
        lookup,
        server_only_answer,
        unclear_answer,
    )

    listed = commands()
    if words[0].lower() == "help":
        return help_answer(prefix, listed, " ".join(words[1:]))
    command = lookup(listed, " ".join(words), prefix)
    if command is not None:
        if command.section.server_only:
            return server_only_answer(prefix, command)
        return engine.answer(text)
    # `!jonus` or a lone `jonus` is answered as in a server: only on a strong match.
    if engine.knows(words[0], " ".join(words[1:])):
        return engine.answer(text, previous)
    return unclear_answer(prefix, words[0])
