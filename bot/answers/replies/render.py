"""Plain-text and JSON renderings of an Answer (the Discord embed lives with the cogs)."""

from __future__ import annotations

import json
import re

from bot.answers.types import Answer, Citation
from bot.facts.shown import neutralise

MESSAGE_LIMIT = 2000  # Discord: a message's content is under 2,000 characters
TEXT_LIMIT = MESSAGE_LIMIT - 1  # a whole reply as text fits one message
# Whole units a cut never splits: footnote markers, markdown links, inline code, bold.
_UNITS = re.compile(r"(?:\[\d+\])+|\[[^\]\n]*\]\([^)\n]*\)|`[^`\n]*`|\*\*[^*\n]*\*\*")
_ITEM = re.compile(r"^(?:[•*>-] |\[\d+\] |\|\|[•*>-] )")  # a line that is one item of a list
_MORE = re.compile(r"^…and (\d+) (.*)$")


def date_label(c: Citation) -> str:
    """'2024-04-09' or '2023-07-01 (est.)'."""
    return f"{c.published}{' (est.)' if c.estimated else ''}"


def article_line(c: Citation, link: bool = False) -> str:
    """One footnote: '[1] Everything You Need to Know · 2024-04-09 · Outlet'; a title that only
    repeats what the others share is left out and the date tells the article apart. With
    `link`, the outlet (or "link") is a Markdown link to the article where its URL is known."""
    head = f"[{c.n}] {c.label} · {date_label(c)}" if c.label else f"[{c.n}] {date_label(c)}"
    if link and c.url:
        return f"{head} · [{c.outlet or 'link'}]({markdown_url(c.url)})"
    return f"{head} · {c.outlet}" if c.outlet else head


def markdown_url(url: str) -> str:
    """A URL that cannot end a Markdown link early."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def citation_line(c: Citation) -> str:
    return f"{article_line(c)} ({c.source}){f' {c.url}' if c.url else ''}"


def clip(text: str, limit: int) -> str:
    """One line within `limit` characters, cut at a space with "…", never inside a footnote
    marker, a markdown link, inline code or bold; a line behind a spoiler bar stays behind it."""
    if len(text) <= limit:
        return text
    if text.startswith("||") and text.endswith("||") and limit > 5:
        return "||" + clip(text[2:-2], limit - 4) + "||"
    units: list[tuple[int, int]] = []
    for m in _UNITS.finditer(text):
        if m.start() >= limit:
            break
        units.append(m.span())
    cut = text.rfind(" ", 0, limit)
    while cut > 0 and any(a < cut < b for a, b in units):
        cut = text.rfind(" ", 0, cut)
    if cut <= 0:
        cut = max(limit - 1, 0)
        for a, b in units:  # no space to cut at: at least never inside a unit
            if a < cut < b:
                cut = a
    return text[:cut].rstrip(" ,;:—–") + "…"


def fit(parts: list[str], limit: int, sep: str = "\n") -> str:
    """Join lines within `limit` characters, only ever cutting at a line boundary: the longest
    list (bullets, footnotes) is trimmed first, with "…and N more" where its items stop; then
    lines are dropped from the end, counted the same way. One over-long line is clipped."""
    lines = [clip(p, limit) for p in parts]

    def size(blocks: list[list[str]]) -> int:
        return len(sep.join(line for block in blocks for line in block))

    blocks = _blocks(lines)
    runs = sorted(
        (i for i, b in enumerate(blocks) if len(b) > 1), key=lambda i: -len(sep.join(blocks[i]))
    )
    for i in runs:
        if size(blocks) <= limit:
            break
        items = blocks[i]
        after = blocks[i + 1][0] if i + 1 < len(blocks) and blocks[i + 1] else ""
        merged = _MORE.match(after)
        if merged:
            blocks[i + 1] = []  # "…and 2 older claims." is counted into the new note

        def shown(k: int, items=items, merged=merged) -> list[str]:
            return [*items[:k], _more(len(items) - k, merged, "more")]

        lo, hi = 1, len(items) - 1  # the most items that fit, at least one: binary search
        while lo < hi:
            mid = (lo + hi + 1) // 2
            trial = [*blocks[:i], shown(mid), *blocks[i + 1 :]]
            lo, hi = (mid, hi) if size(trial) <= limit else (lo, mid - 1)
        blocks[i] = shown(lo)
    out = [line for block in blocks for line in block]
    if len(sep.join(out)) <= limit:
        return sep.join(out)
    lo, hi = 1, len(out) - 1  # then whole lines from the end
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (
            (mid, hi)
            if len(sep.join([*out[:mid], _dropped(len(out) - mid)])) <= limit
            else (lo, mid - 1)
        )
    note = _dropped(len(out) - lo)
    kept = out[:lo]
    if len(sep.join([*kept, note])) > limit:  # the first line alone is too long for the note
        kept = [clip(kept[0], max(limit - len(note) - len(sep), 1))]
    return sep.join([*kept, note])


def _dropped(n: int) -> str:
    return f"…and {n} more line{'s' if n != 1 else ''}"


def _blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped: each run of list items is one block, every other line a block alone."""
    blocks: list[list[str]] = []
    for line in lines:
        if _ITEM.match(line) and blocks and len(blocks[-1]) and _ITEM.match(blocks[-1][-1]):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _more(n: int, merged: re.Match | None, what: str) -> str:
    """'…and 3 more', or an existing '…and 2 older claims.' counting the new ones too."""
    if merged:
        return f"…and {int(merged.group(1)) + n} {merged.group(2)}"
    return f"…and {n} {what}"


def to_text(answer: Answer, limit: int = TEXT_LIMIT) -> str:
    """The whole reply as a person reads it, within one message: the sources block is kept
    (trimmed only when it alone would take more than half) and the answer's lines fit the rest."""
    sources: list[str] = []
    if answer.citations:
        sources.append(
            "Sources (est. = date estimated):"
            if any(c.estimated for c in answer.citations)
            else "Sources:"
        )
        sources.extend(neutralise(citation_line(c)) for c in answer.articles)
    tail = fit(sources, limit // 2) if sources else ""
    title = clip(neutralise(answer.title), 256)
    budget = limit - len(title) - (len(tail) + 2 if tail else 1)
    body = fit([neutralise(line.text) for line in answer.lines], budget) if answer.lines else ""
    return "\n".join(part for part in (title, body, tail) if part)


def to_dict(answer: Answer) -> dict:
    """The JSON contract of `python -m bot ask --json`."""
    return {
        "command": answer.command,
        "ok": answer.ok,
        "match": answer.match,
        "text": to_text(answer),
        "citations": [
            {
                "source": c.source,
                "title": c.title,
                "published": c.published,
                "estimated": c.estimated,
                "quote": c.quote,
                "n": c.n,
                "spoiler": c.spoiler,  # the quote reveals a Season 1 fate
                "url": c.url,
                "outlet": c.outlet,
            }
            for c in answer.citations
        ],
        "suggestions": list(answer.suggestions),
        # Each line of the reply and whether it is hidden behind a spoiler bar (additive).
        "lines": [{"text": line.text, "spoiler": line.spoiler} for line in answer.lines],
    }


def quote_groups(answer: Answer, quote_limit: int = 1000) -> list[tuple[str, list[Citation]]]:
    """The quotes behind an answer, grouped by footnote: (article heading, its quotes)."""
    return [(article_line(head)[:quote_limit], quotes) for head, quotes in answer.quotes()]


def quotes_text(answer: Answer, limit: int = TEXT_LIMIT) -> str:
    """Every quote an answer rests on, verbatim, grouped by footnote (the console's Quotes)."""
    parts = [f"Quotes — {answer.title}"]
    for heading, quotes in quote_groups(answer):
        parts.append(heading)
        parts.extend(f"  “{c.quote}”" for c in quotes)
    if len(parts) == 1:
        parts.append("This reply cites no sources.")
    return fit([neutralise(p) for p in parts], limit)


def quotes_request(message: str, prefix: str = "!") -> str | None:
    """For the console and CLI: '!quotes status trailer' -> '/status trailer' (what to quote;
    '!quotes' alone -> its help), else None."""
    text = message.strip()
    for p in (prefix, "/"):
        if p and text.startswith(p):
            word, _, rest = text[len(p) :].lstrip().partition(" ")
            if word.lower() == "quotes":
                return "/" + (rest.strip().lstrip(prefix + "/") or "help quotes")
    return None


def to_json(answer: Answer) -> str:
    return json.dumps(to_dict(answer), ensure_ascii=False)
