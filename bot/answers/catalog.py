"""What the bot knows about itself: `!sources`, `!help`, and slash-command autocomplete."""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.answers.context import Context
from bot.answers.types import Answer, Line
from bot.answers.wording import MAX_QUERY
from bot.facts.names import plain_key
from bot.facts.text import collapse_ws, fold_unicode

COMMANDS = ("cast", "status", "lore", "ask", "sources", "help")
EXAMPLES = {
    "cast": "cast On-jo",
    "status": "status",
    "lore": "lore jonus",
    "ask": "ask when will season 2 come out",
    "sources": "sources",
    "help": "help",
}
DESCRIPTIONS = {
    "cast": "who plays whom (a character, an actor, or a crew role such as director)",
    "status": "the Season 2 digest: renewal, filming, trailer, release, episodes, cast",
    "lore": "the virus, hybrids, the cure and other lore, with sources",
    "ask": "any question; answered from the best-supported facts",
    "sources": "the articles every answer is cited to",
    "help": "this list",
}


def sources(ctx: Context) -> Answer:
    """Every article, newest first, estimated dates marked."""
    lines = []
    for s in sorted(ctx.store.sources.values(), key=lambda s: (s.published, s.id), reverse=True):
        est = " (estimated)" if s.estimated else ""
        added = f", added {s.added}" if s.added else ""
        lines.append(Line(f"{s.published}{est}{added} — {s.title} `{s.id}`"))
    return Answer("sources", True, None, f"{len(lines)} sources", lines)


def help_answer(ctx: Context) -> Answer:
    """The commands, one example each."""
    lines = [Line(f"`{ctx.prefix}{EXAMPLES[c]}` — {DESCRIPTIONS[c]}") for c in COMMANDS]
    lines.append(
        Line("Every fact is cited [n] to the article it came from; estimated dates are marked.")
    )
    return Answer("help", True, None, "hyosan-bot commands", lines)


def complete(current: str, choices: list[str], limit: int) -> list[str]:
    """Choices that fuzzily contain what is typed so far, best first."""
    current = collapse_ws(fold_unicode(current))[:MAX_QUERY]
    if not current:
        return choices[:limit]
    key = plain_key(current)
    scored = [(fuzz.partial_ratio(key, plain_key(c)) if key else 0.0, c) for c in choices]
    scored.sort(key=lambda sc: (-sc[0], sc[1]))
    return [c for score, c in scored if score >= 50][:limit]


def complete_names(ctx: Context, current: str, limit: int = 25) -> list[str]:
    """Names (and crew roles) for slash-command autocomplete."""
    entities = ctx.store.entities.values()
    names = sorted({e.name for e in entities} | {r for e in entities for r in e.roles[:1]})
    return complete(current, names, limit)


def complete_lore(ctx: Context, current: str, limit: int = 25) -> list[str]:
    """Lore topic names for autocomplete."""
    names = [t.names[0] if t.names else t.id for t in ctx.store.lore_topics.values()]
    return complete(current, names, limit)
