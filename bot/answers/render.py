"""Plain-text and JSON renderings of an Answer (the Discord embed lives with the cogs)."""

from __future__ import annotations

import json

from bot.answers.types import Answer, Citation
from bot.facts.shown import neutralise

TEXT_LIMIT = 4096


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


def fit(parts: list[str], limit: int, sep: str = "\n") -> str:
    """Join parts, dropping whole parts from the end (with a note) to stay within limit."""
    out: list[str] = []
    used = 0
    for i, part in enumerate(parts):
        extra = len(part) + (len(sep) if out else 0)
        if used + extra > limit - 40:
            out.append(f"… ({len(parts) - i} more lines cut)")
            break
        out.append(part)
        used += extra
    text = sep.join(out)
    return text[:limit]


def to_text(answer: Answer, limit: int = TEXT_LIMIT) -> str:
    """The whole reply as a person reads it."""
    parts = [answer.title, *(line.text for line in answer.lines)]
    if answer.citations:
        parts.append(
            "Sources (est. = date estimated):"
            if any(c.estimated for c in answer.citations)
            else "Sources:"
        )
        parts.extend(citation_line(c) for c in answer.articles)
    return fit([neutralise(p) for p in parts], limit)


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
