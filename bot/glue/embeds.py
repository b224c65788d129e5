"""Discord rendering of an Answer: the answer embed (one footnote per article) and the Quotes
embed (every verbatim quote, grouped by footnote), both within Discord's embed limits."""

from __future__ import annotations

import discord

from bot.answers.replies.render import MESSAGE_LIMIT, article_line, clip, fit
from bot.answers.types import Answer, Citation
from bot.facts.shown import neutralise

DESCRIPTION_LIMIT = 4096
# An answer's description is held to one message's worth, as its text form is: a phone screen
# or two, and the same cut whether a reply is read as an embed or as text.
ANSWER_DESCRIPTION = MESSAGE_LIMIT - 1
FIELD_LIMIT = 1024
FIELD_NAME_LIMIT = 256
TITLE_LIMIT = 256
FOOTER_LIMIT = 2048
TOTAL_LIMIT = 6000
MAX_FIELDS = 25
OK_COLOUR = discord.Colour(0x8B0000)  # Hyosan blood red
MISS_COLOUR = discord.Colour.light_grey()
ANSWER_FOOTER = "[n] = one article · est. = estimated date · the words behind each: Quotes"


def spoiler_bar(text: str) -> str:
    """Text behind a Discord spoiler bar (a '||' inside cannot end it early)."""
    return "||" + text.replace("||", "|\u200b|") + "||"


def _chunks(lines: list[str], limit: int) -> list[str]:
    """Lines packed into as few values of at most `limit` characters as they fit."""
    out: list[str] = []
    cur: list[str] = []
    for line in lines:
        line = clip(line, limit)
        if cur and sum(len(x) + 1 for x in cur) + len(line) > limit:
            out.append("\n".join(cur))
            cur = []
        cur.append(line)
    if cur:
        out.append("\n".join(cur))
    return out


def _add_fields(embed: discord.Embed, fields: list[tuple[str, str]], reserve: int = 0) -> int:
    """Add fields while the embed stays within its limits; returns how many were left out."""
    for i, (name, value) in enumerate(fields):
        if (
            len(embed.fields) >= MAX_FIELDS
            or len(embed) + len(name) + len(value) + reserve > TOTAL_LIMIT
        ):
            return len(fields) - i
        embed.add_field(
            name=clip(name, FIELD_NAME_LIMIT), value=clip(value, FIELD_LIMIT), inline=False
        )
    return 0


def answer_embed(answer: Answer, spoilers: bool = True, note: str | None = None) -> discord.Embed:
    """The embed for an answer; spoiler lines are hidden behind spoiler bars when asked.

    Each cited article is listed once under Sources; replies that cite nothing (not found,
    lists, help, sources) carry no sources footer."""
    lines = [
        spoiler_bar(neutralise(line.text)) if (spoilers and line.spoiler) else neutralise(line.text)
        for line in answer.lines
    ]
    if note:
        lines.insert(0, f"*{note}*")
    embed = discord.Embed(
        title=clip(neutralise(answer.title), TITLE_LIMIT),
        description=fit(lines, ANSWER_DESCRIPTION),
        colour=OK_COLOUR if answer.ok else MISS_COLOUR,
    )
    if not answer.citations:
        return embed
    values = _chunks([neutralise(article_line(c, link=True)) for c in answer.articles], FIELD_LIMIT)
    fields = [("Sources" if i == 0 else "Sources (cont.)", v) for i, v in enumerate(values)]
    left = _add_fields(embed, fields, reserve=len(ANSWER_FOOTER) + 60)
    more = f" · …and {left} more fields of sources: Quotes" if left else ""
    embed.set_footer(text=ANSWER_FOOTER + more)
    return embed


def _quote(c: Citation, spoilers: bool, limit: int) -> str:
    """A verbatim quote as a block-quote line, cut (with an ellipsis) only if it cannot fit."""
    quote = neutralise(c.quote)  # shown inert; `shown.unshown` gives the verbatim quote back
    body = quote if len(quote) + 4 <= limit else quote[: limit - 8].rsplit(" ", 1)[0] + "…"
    text = f"“{body}”"
    return "> " + (spoiler_bar(text) if spoilers and c.spoiler else text)


def quotes_embed(answer: Answer, spoilers: bool = True) -> discord.Embed:
    """The verbatim quotes behind an answer, one field per footnote (continued if long)."""
    embed = discord.Embed(
        title=clip(neutralise(f"Quotes — {answer.title}"), TITLE_LIMIT),
        colour=OK_COLOUR if answer.ok else MISS_COLOUR,
    )
    groups = answer.quotes()
    if not groups:
        embed.description = "This reply cites no sources, so there is nothing to quote."
        return embed
    embed.description = "The exact words each footnote rests on, as the article prints them."
    fields: list[tuple[str, str]] = []
    for head, quotes in groups:
        heading = neutralise(article_line(head))
        values = _chunks([_quote(c, spoilers, FIELD_LIMIT - 8) for c in quotes], FIELD_LIMIT)
        fields.extend(
            (heading if i == 0 else f"{heading} (cont.)", v) for i, v in enumerate(values)
        )
    left = _add_fields(embed, fields, reserve=80)
    if left:
        embed.set_footer(text=f"{left} more group(s) of quotes did not fit; see `!sources`.")
    return embed
