"""What the bot knows about itself: `!sources` and slash-command autocomplete (help: help.py)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.answers.context import Context
from bot.answers.reading.wording import MAX_QUERY, safe_echo
from bot.answers.types import Answer, Line
from bot.facts.reading.names import fold_key, plain_key
from bot.facts.store import SourceInfo
from bot.facts.text import PhraseSet, collapse_ws, fold_unicode


def sources(ctx: Context, asked: str = "") -> Answer:
    """Every article, newest first, estimated dates marked, with the date it was added (the
    shipped ones say so: they came with the bot), its outlet and link. A question after the
    command ("which one is the newest", "how many", "from Korea Herald") is answered on the
    first line, the list below it."""
    rows = sorted(ctx.store.sources.values(), key=lambda s: (s.published, s.id), reverse=True)
    lines = []
    for s in rows:
        est = " (estimated)" if s.estimated else ""
        # Only `add` (and approved news) records a date; an entry without one is shipped.
        added = f", added {s.added}" if s.added else ", shipped with the bot"
        outlet = f" · {s.outlet}" if s.outlet else ""
        url = f" <{s.url}>" if s.url else ""  # <...>: a link without a preview card
        lines.append(Line(f"{s.published}{est}{added} — {s.title}{outlet}{url} `{s.id}`"))
    head = _asked_of_sources(ctx, asked, rows) if asked.strip() and rows else None
    return Answer(
        "sources", True, None, f"{len(lines)} sources", [*head, *lines] if head else lines
    )


_ORDER = re.compile(r"\b(?:newest|latest|most recent)\s+(?:first|on top)\b")


def _named(s: SourceInfo) -> str:
    return f"“{s.title}” ({s.published}{', est.' if s.estimated else ''}) `{s.id}`"


def _asked_of_sources(ctx: Context, asked: str, rows: list[SourceInfo]) -> list[Line]:
    """The line answering a question typed after `!sources` (rows: newest first): the newest
    or oldest article, how many there are, which are from (or cite) an outlet; a question not
    read so is said to be not read, never passed over."""
    vocab = ctx.store.vocab
    low = f" {collapse_ws(fold_unicode(asked)).lower().strip(' ?!.')} "
    concepts = vocab.get("ask.concepts", {})
    newest = PhraseSet(concepts.get("newest", []))
    oldest = PhraseSet(concepts.get("oldest", []))
    stop = vocab.get("ask.stopwords", {})
    idle = {*stop.get("function", []), *stop.get("chat", [])}
    if _ORDER.search(low):
        return []  # "newest first?": the list itself is the answer
    out: list[Line] = []
    if (at := low.find(" from ")) >= 0 and (who := low[at + 6 :].strip()):
        said, own = _from_outlet(ctx, who, rows)
        out, rows = said, own or rows  # "the newest from X": of X's own articles
    if oldest.any(low):
        out.append(Line(f"The oldest: {_named(rows[-1])}"))
    elif newest.any(low):
        out.append(Line(f"The newest: {_named(rows[0])}"))
    if PhraseSet(vocab.get("ask.types", {}).get("number", [])).any(low):
        out.append(Line(f"{len(rows)} article{'s' if len(rows) != 1 else ''}."))
    if not out and all(w in idle for w in re.findall(r"[\w']+", low)):
        return []  # "pls": nothing asked beyond the list
    if not out:
        out.append(
            Line(
                f"I can't read “{safe_echo(asked)}” as a question about the list; "
                "here are all the articles, newest first."
            )
        )
    return out


def _from_outlet(
    ctx: Context, who: str, rows: list[SourceInfo]
) -> tuple[list[Line], list[SourceInfo]]:
    """Lines on the articles an outlet published (and those articles), else on the articles
    that name it."""
    key = plain_key(who)
    own = [s for s in rows if s.outlet and plain_key(s.outlet) == key]
    if own:
        return [Line(f"From {s.outlet}: {_named(s)}") for s in own], own
    named_in = re.compile(rf"\b{re.escape(who)}\b", re.IGNORECASE)
    citing = sorted(
        {r.source_id for r in ctx.store.sentences.values() if named_in.search(r.display)}
    )
    shown = safe_echo(who)
    if not citing:
        return [Line(f"No article is recorded as from “{shown}”, and none names it.")], []
    named = ", ".join(f"`{sid}`" for sid in citing)
    return [Line(f"No article is recorded as from “{shown}”; it is named in {named}.")], []


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
