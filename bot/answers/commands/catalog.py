"""What the bot knows about itself: `!sources` and slash-command autocomplete (help: help.py)."""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.answers.context import Context
from bot.answers.reading.wording import MAX_QUERY
from bot.answers.types import Answer, Line
from bot.facts.reading.names import fold_key, plain_key
from bot.facts.text import collapse_ws, fold_unicode


def sources(ctx: Context) -> Answer:
    """Every article, newest first, estimated dates marked, with the date it was added (the
    shipped ones say so: they came with the bot), its outlet and link."""
    lines = []
    for s in sorted(ctx.store.sources.values(), key=lambda s: (s.published, s.id), reverse=True):
        est = " (estimated)" if s.estimated else ""
        # Only `add` (and approved news) records a date; an entry without one is shipped.
        added = f", added {s.added}" if s.added else ", shipped with the bot"
        outlet = f" · {s.outlet}" if s.outlet else ""
        url = f" <{s.url}>" if s.url else ""  # <...>: a link without a preview card
        lines.append(Line(f"{s.published}{est}{added} — {s.title}{outlet}{url} `{s.id}`"))
    return Answer("sources", True, None, f"{len(lines)} sources", lines)


COMPLETE_CUTOFF = 80.0  # below this an autocomplete choice is noise, not a match


def _tails(alias: str) -> list[str]:
    """Keys of an alias and of each of its trailing words: 'Nam On-jo' -> namonjo, onjo."""
    words = alias.split()
    keys = [plain_key(" ".join(words[i:])) for i in range(len(words))]
    return [k for k in keys if k]


def prefix_score(typed: str, alias: str) -> float:
    """How well what is typed so far starts a name: 100 for the whole name's start, 95 for a
    later word's, a typo-tolerant prefix similarity below that; shorter names rank higher."""
    best = 0.0
    for i, tail in enumerate(_tails(alias)):
        penalty = min(len(tail) - len(typed), 20) * 0.1
        if tail.startswith(typed) or fold_key(tail).startswith(fold_key(typed)):
            best = max(best, (100.0 if i == 0 else 95.0) - penalty)
        elif len(typed) >= 3:
            best = max(best, fuzz.ratio(typed, tail[: len(typed)]) * 0.9 - penalty)
    return best


def complete(current: str, choices: list[str] | dict[str, list[str]], limit: int) -> list[str]:
    """Choices whose name (or an alias) the typed text starts, best first, cut at a score.

    `choices` is a list of names or {name: aliases}; typing "onj" offers On-jo and little else.
    """
    table = choices if isinstance(choices, dict) else {c: [] for c in choices}
    current = collapse_ws(fold_unicode(current))[:MAX_QUERY]
    key = plain_key(current)
    if not key:
        return list(table)[:limit]
    scored = []
    for name, aliases in table.items():
        score = max(prefix_score(key, a) for a in [name, *aliases])
        if score >= COMPLETE_CUTOFF:
            scored.append((score, name))
    scored.sort(key=lambda sc: (-sc[0], sc[1]))
    return [c for _, c in scored][:limit]


def complete_names(ctx: Context, current: str, limit: int = 25) -> list[str]:
    """Names (and crew roles) for slash-command autocomplete, people before role words."""
    table: dict[str, list[str]] = {}
    entities = sorted(ctx.store.entities.values(), key=lambda e: -len(ctx.pairs_for(e.id)))
    for e in entities:
        table.setdefault(e.name, []).extend(a for a in e.aliases if a != e.name)
    for e in entities:
        for role in e.roles[:1]:
            table.setdefault(role, [])
    return complete(current, table, limit)


def complete_lore(ctx: Context, current: str, limit: int = 25) -> list[str]:
    """Lore topic names for autocomplete."""
    table = {
        (t.names[0] if t.names else t.id): [t.label, *t.names[1:]]
        for t in ctx.store.lore_topics.values()
    }
    return complete(current, table, limit)
