"""Stage: reply rendered. Answers to the parts of a two-part message, as one reply.

Each part keeps its own lines under a heading naming it; footnotes are renumbered so that one
article is one footnote across the whole reply.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers.commands.asking.honest import echo
from bot.answers.types import Answer, Line

_MARK = re.compile(r"\[(\d+)\]")
ABOVE = "↑ a line above answers this too (not repeated)"


def merge(parts: list[str], answers: list[Answer]) -> Answer:
    """One reply holding each part's answer in turn."""
    lines: list[Line] = []
    citations = []
    number: dict[str, int] = {}  # article -> footnote in the merged reply
    shown: set[str] = set()
    for part, ans in zip(parts, answers, strict=True):
        remap: dict[int, int] = {}
        for c in ans.citations:
            n = number.setdefault(c.source, len(number) + 1)
            remap[c.n] = n
            citations.append(replace(c, n=n))
        lines.append(Line(f"**{echo(part)}**"))
        repeated = False
        for ln in ans.lines:
            text = _MARK.sub(lambda m, r=remap: f"[{r.get(int(m.group(1)), m.group(1))}]", ln.text)
            if text in shown:  # one quote is printed once, under the first part it answers
                repeated = repeated or bool(_MARK.search(text))  # ("as of" lines need no note)
                continue
            shown.add(text)
            lines.append(Line(text, ln.spoiler))
        if repeated:
            lines.append(Line(ABOVE))
    first = answers[0]
    return Answer(
        "ask",
        any(a.ok for a in answers),
        first.match,
        " · ".join(dict.fromkeys(a.title for a in answers)),  # one heading said once
        lines,
        citations,
        suggestions=first.suggestions,
    )
