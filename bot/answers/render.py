"""Plain-text and JSON renderings of an Answer (the Discord embed lives with the cogs)."""

from __future__ import annotations

import json

from bot.answers.types import Answer, Citation

TEXT_LIMIT = 4096


def date_label(c: Citation) -> str:
    """'2024-04-09' or '2023-07-01 (estimated)'."""
    return f"{c.published}{' (estimated)' if c.estimated else ''}"


def citation_line(n: int, c: Citation) -> str:
    return f"[{n}] {c.title} — {date_label(c)} ({c.source})"


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
        parts.append("Sources:")
        parts.extend(citation_line(n, c) for n, c in enumerate(answer.citations, 1))
    return fit(parts, limit)


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
            }
            for c in answer.citations
        ],
        "suggestions": list(answer.suggestions),
    }


def to_json(answer: Answer) -> str:
    return json.dumps(to_dict(answer), ensure_ascii=False)
