"""`!help` rendered from command descriptions, and the console's reply to a server-only command.

The descriptions are not written here: the Discord glue reads them from the registered commands
(cogs/help.py), so a command and its help are one definition. This module only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers.commands.catalog import complete
from bot.answers.reading.wording import safe_echo
from bot.answers.types import Answer, Line


@dataclass(frozen=True)
class Section:
    """A heading of `!help`, and who may use the commands under it."""

    key: str
    title: str
    permission: str = ""  # who may use them, as a clause: "needs the Manage Server permission"
    server_only: bool = False  # reads or changes a server: nothing to do off Discord


SECTIONS = (
    Section("ask", "Ask"),
    Section("posts", "Status posts (Manage Server)", "needs the Manage Server permission", True),
    Section("settings", "Server settings", "needs the Manage Server permission", True),
    Section("owner", "Bot owner", "only the bot's owner may use it", True),
)
SECTION = {s.key: s for s in SECTIONS}


@dataclass(frozen=True)
class CommandHelp:
    """One command as `!help` explains it; `name` is qualified ("status subscribe")."""

    name: str
    usage: str
    example: str
    summary: str
    section: Section
    details: str = ""
    permission: str = ""
    slash: str = ""  # its slash form ("/status show"); "" for a prefix-only command


def lookup(commands: Sequence[CommandHelp], message: str, prefix: str) -> CommandHelp | None:
    """The command a message names: its first two words, else its first word."""
    words = _typed(message, prefix).split()
    for n in (2, 1):
        hit = next((c for c in commands if c.name == " ".join(words[:n])), None)
        if hit:
            return hit
    return None


def _typed(topic: str, prefix: str) -> str:
    text = topic.strip().lower()
    for p in (prefix, "/"):
        text = text.removeprefix(p)
    return " ".join(text.split()[:2])


def _p(text: str, prefix: str) -> str:
    """Descriptions are written with `!`; show the prefix this bot runs with."""
    return text.replace("`!", f"`{prefix}") if prefix != "!" else text


def help_answer(prefix: str, commands: Sequence[CommandHelp], topic: str = "") -> Answer:
    """Every command, by section, one example each; or one command explained."""
    if topic.strip():
        return _help_one(prefix, commands, topic)
    lines: list[Line] = []
    for section in SECTIONS:
        listed = [c for c in commands if c.section is section]
        if listed:
            lines.append(Line(f"**{section.title}**"))
            lines.extend(Line(f"`{prefix}{c.example}` — {c.summary}") for c in listed)
    lines.append(
        Line(
            "Most are also slash commands (`/cast`, `/status show topic:`…). "
            f"Footnotes [n] are articles; `{prefix}help <command>` explains one."
        )
    )
    return Answer("help", True, None, "hyosan-bot commands", lines)


def _help_one(prefix: str, commands: Sequence[CommandHelp], topic: str) -> Answer:
    typed = _typed(topic, prefix)
    first = typed.partition(" ")[0]
    command = lookup(commands, typed, prefix) or next(  # `!help resume`: a subcommand alone
        (c for c in commands if first and c.name.endswith(f" {first}")), None
    )
    if command is None:
        near = complete(typed, [c.name for c in commands], 3)
        hint = f" Did you mean `{prefix}help {near[0]}`?" if near else ""
        return Answer(
            "help",
            False,
            None,
            "No such command",
            [Line(f"I have no command called “{safe_echo(topic, 30)}”.{hint} Try `{prefix}help`.")],
            suggestions=[f"{prefix}help {c}" for c in near],
        )
    lines = [
        Line(f"`{prefix}{command.usage}` — {command.summary}."),
        Line(f"Example: `{prefix}{command.example}`"),
    ]
    if command.details:
        lines.append(Line(_p(command.details, prefix)))
    subs = [c for c in commands if c.name.startswith(command.name + " ")]
    if subs:
        lines.append(Line("Also: " + ", ".join(f"`{prefix}{c.name}`" for c in subs)))
    if command.slash:
        lines.append(Line(f"Slash command: `{command.slash}`"))
    if command.permission:
        lines.append(Line(f"{command.permission[:1].upper()}{command.permission[1:]}."))
    return Answer("help", True, command.name, f"{prefix}{command.name}", lines)


def server_only_answer(prefix: str, command: CommandHelp) -> Answer:
    """What a server-only command would do, said where there is no server (the console)."""
    who = f" ({command.permission})" if command.permission else ""
    return Answer(
        "help",
        False,
        command.name,
        f"{prefix}{command.name}",
        [
            Line(
                f"`{prefix}{command.name}` works in a Discord server: "
                f"{command.summary[:1].lower()}{command.summary[1:]}{who}."
            ),
            Line(f"`{prefix}help {command.name}` explains it."),
        ],
        suggestions=[f"{prefix}help {command.name}"],
    )


def unclear_answer(prefix: str, word: str) -> Answer:
    """A word that names no command and nothing known (`clear`): no guessed answer."""
    return Answer(
        None,
        False,
        None,
        "Not sure what you mean",
        [
            Line(
                f"“{safe_echo(word, 30)}” names no command and nothing I know. Ask a whole "
                f"question (`{prefix}ask who plays on-jo`) or try `{prefix}help`."
            )
        ],
        suggestions=[f"{prefix}help"],
    )
