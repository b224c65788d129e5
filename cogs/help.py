"""`!help` and `/help`, generated from the registered commands themselves.

Each command carries its own help: `description` (the one-line summary, also what Discord
shows for the slash command), the docstring (details), `usage` where the signature is not
enough, and `extras` with an `example` and its `section` (bot/answers/replies/help.py). This module
turns them into `CommandHelp` records: from the live bot (`walk_commands()` and the slash tree)
in Discord, and from the cog classes without a bot for the console (`offline_commands`).
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable
from functools import cache

from discord import app_commands
from discord.ext import commands

from bot.answers.commands.catalog import complete
from bot.answers.replies.help import SECTION, CommandHelp, help_answer
from cogs.replies import send_answer

HELP_ATTRS = {
    "description": "The commands, with an example each",
    "help": "`!help status` explains one command; a subcommand alone works too: `!help resume`.",
    "usage": "help [command]",
    "extras": {"example": "help status"},
}


def missing_help(command: commands.Command | app_commands.Command) -> list[str]:
    """What a command's definition lacks for `!help` (empty when nothing)."""
    missing = [] if command.extras.get("example") else ["extras['example']"]
    if not command.description.strip() and not getattr(command, "help", None):
        missing.append("description")
    if command.extras.get("section", "ask") not in SECTION:
        missing.append("a known extras['section']")
    return missing


def _slash(command: commands.Command) -> str:
    if isinstance(command, commands.HybridGroup) and command.fallback:
        return f"/{command.qualified_name} {command.fallback}"
    if isinstance(command, commands.HybridCommand | commands.HybridGroup):
        return f"/{command.qualified_name}"
    return ""


def describe(command: commands.Command | app_commands.Command, slash: str = "") -> CommandHelp:
    """The help record of a prefix (or hybrid) command, or of a slash-only command."""
    extras = command.extras
    section = SECTION.get(extras.get("section", "ask"), SECTION["ask"])
    summary = command.description.strip() or (command.short_doc if _is_prefix(command) else "")
    details = " ".join((getattr(command, "help", None) or "").split())  # docstring: one paragraph
    signature = command.signature if _is_prefix(command) else ""
    return CommandHelp(
        name=command.qualified_name,
        usage=getattr(command, "usage", None) or f"{command.qualified_name} {signature}".strip(),
        example=extras.get("example", command.qualified_name),
        summary=summary.rstrip("."),
        section=section,
        details="" if details == summary else details,
        permission=extras.get("permission", section.permission),
        slash=_slash(command) if _is_prefix(command) else slash,
    )


def _is_prefix(command) -> bool:
    return isinstance(command, commands.Command)


def entries(
    prefixed: Iterable[commands.Command], slash: Iterable[app_commands.Command]
) -> list[CommandHelp]:
    """One record per command, prefix and slash forms merged, in the order given."""
    out = {c.qualified_name: describe(c) for c in prefixed}
    covered = {e.slash for e in out.values()}
    for command in slash:
        name = f"/{command.qualified_name}"
        if name in covered:
            continue
        known = out.get(command.qualified_name)
        out[command.qualified_name] = (
            dataclasses.replace(known, slash=name) if known else describe(command, name)
        )
    return list(out.values())


def _leaves(commands_: Iterable) -> list[app_commands.Command]:
    found = []
    for c in commands_:
        if isinstance(c, app_commands.Group):
            found.extend(_leaves(c.commands))
        elif isinstance(c, app_commands.Command):
            found.append(c)
    return found


def bot_commands(bot: commands.Bot) -> list[CommandHelp]:
    """The live bot's commands: `walk_commands()` and the slash tree, in the order the cogs
    define them (help, which no cog defines, last)."""
    defined = [c for cog in bot.cogs.values() for c in cog.__cog_commands__]
    rank = {c: i for i, c in enumerate(defined)}
    walked = sorted(bot.walk_commands(), key=lambda c: rank.get(c, len(rank)))
    return entries(walked, _leaves(bot.tree.get_commands()))


@cache
def offline_commands() -> tuple[CommandHelp, ...]:
    """The same records without a bot (the console): read from the cog classes."""
    from bot.client import EXTENSIONS

    prefixed: list[commands.Command] = []
    slash: list[app_commands.Command] = []
    for ext in EXTENSIONS:
        for value in vars(importlib.import_module(ext)).values():
            if isinstance(value, type) and issubclass(value, commands.Cog):
                prefixed.extend(value.__cog_commands__)
                slash.extend(_leaves(value.__cog_app_commands__))
    return tuple(entries([*prefixed, HyosanHelp()._command_impl], slash))


class HyosanHelp(commands.HelpCommand):
    """`!help [command]`: the core lays out what the bot's registered commands say."""

    def __init__(self):
        super().__init__(command_attrs=dict(HELP_ATTRS, name="help"))

    async def command_callback(self, ctx: commands.Context, /, *, command: str | None = None):
        listed = bot_commands(ctx.bot)
        await send_answer(ctx, help_answer(ctx.bot.engine.prefix, listed, command or ""))


class Help(commands.Cog):
    """Installs `!help` and serves `/help` from the same records."""

    def __init__(self, bot: commands.Bot):
        self.bot = bot
        self._previous = bot.help_command

    async def cog_load(self) -> None:
        self.bot.help_command = HyosanHelp()

    async def cog_unload(self) -> None:
        self.bot.help_command = self._previous

    @app_commands.command(
        name="help", description=HELP_ATTRS["description"], extras=HELP_ATTRS["extras"]
    )
    @app_commands.describe(command="One command to explain, e.g. status or spoilers")
    async def help_slash(self, interaction, command: str = "") -> None:
        ctx = await commands.Context.from_interaction(interaction)
        if not await self.bot.can_run(ctx, call_once=True):  # the bot-wide cooldown counts it
            raise commands.CheckFailure()
        await send_answer(ctx, help_answer(self.bot.engine.prefix, bot_commands(self.bot), command))

    @help_slash.autocomplete("command")
    async def command_autocomplete(self, interaction, current: str):
        names = [c.name for c in bot_commands(self.bot)]
        return [app_commands.Choice(name=n, value=n) for n in complete(current, names, 25)]


async def setup(bot) -> None:
    await bot.add_cog(Help(bot))
