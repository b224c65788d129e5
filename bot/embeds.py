"""Discord rendering of an Answer: an embed with numbered citations, within Discord's limits."""

from __future__ import annotations

import discord

from bot.answers.render import date_label, fit
from bot.answers.types import Answer

DESCRIPTION_LIMIT = 4096
FIELD_LIMIT = 1024
TOTAL_LIMIT = 6000
MAX_FIELDS = 25
OK_COLOUR = discord.Colour(0x8B0000)  # Hyosan blood red
MISS_COLOUR = discord.Colour.light_grey()


def _spoiler(text: str) -> str:
    return "||" + text.replace("||", "|\u200b|") + "||"


def answer_embed(answer: Answer, spoilers: bool = True, note: str | None = None) -> discord.Embed:
    """The embed for an answer; spoiler lines are hidden behind spoiler bars when asked."""
    lines = [
        _spoiler(line.text) if (spoilers and line.spoiler) else line.text for line in answer.lines
    ]
    if note:
        lines.insert(0, f"*{note}*")
    embed = discord.Embed(
        title=answer.title[:256],
        description=fit(lines, DESCRIPTION_LIMIT),
        colour=OK_COLOUR if answer.ok else MISS_COLOUR,
    )
    used = len(embed.title or "") + len(embed.description or "")
    field_lines: list[str] = []
    fields: list[str] = []
    for n, c in enumerate(answer.citations, 1):
        line = f"[{n}] {c.title} — {date_label(c)}"[:FIELD_LIMIT]
        if sum(len(x) + 1 for x in field_lines) + len(line) > FIELD_LIMIT:
            fields.append("\n".join(field_lines))
            field_lines = []
        field_lines.append(line)
    if field_lines:
        fields.append("\n".join(field_lines))
    footer = "Estimated dates are marked. Sources: !sources"
    used += len(footer)
    for i, value in enumerate(fields[:MAX_FIELDS]):
        name = "Sources" if i == 0 else "Sources (cont.)"
        if used + len(name) + len(value) > TOTAL_LIMIT:
            break
        embed.add_field(name=name, value=value, inline=False)
        used += len(name) + len(value)
    embed.set_footer(text=footer)
    return embed
