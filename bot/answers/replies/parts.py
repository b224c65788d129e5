"""Stage: reply rendered. Answers to the parts of a two-part message, as one reply.

Each part keeps its own lines under a heading naming it; footnotes are renumbered so that one
article is one footnote across the whole reply.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers.commands.asking.honest import echo
from bot.answers.reading.question import Vocab
from bot.answers.replies.above import plainly
from bot.answers.types import Answer, Line

_MARK = re.compile(r"\[(\d+)\]")
ABOVE = "↑ a line above answers this too (not repeated)"


def merge(parts: list[str], answers: list[Answer], vocab: Vocab | None = None) -> Answer:
    """One reply holding each part's answer in turn; a part whose quotes were all printed
    above says the value it asks from them, when it asks one (vocab: the lexicon)."""
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
        repeated: list[str] = []  # the quotes above this part would print again
        fresh = False
        for ln in ans.lines:
            text = _MARK.sub(lambda m, r=remap: f"[{r.get(int(m.group(1)), m.group(1))}]", ln.text)
            if text in shown:  # one quote is printed once, under the first part it answers
                if _MARK.search(text):  # ("as of" lines need no note)
                    repeated.append(text)
                continue
            shown.add(text)
            fresh = fresh or bool(_MARK.search(text))
            lines.append(Line(text, ln.spoiler))
        if repeated:
            said = None if fresh else _plainly(ans, repeated, vocab)
            lines.append(Line(said or ABOVE))
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


def _plainly(ans: Answer, repeated: list[str], vocab: Vocab | None) -> str | None:
    """The value a part asks, from the lines above it, when the part has no quote of its own."""
    frame = ans.frame
    question = getattr(frame, "question", None)
    if vocab is None or question is None:
        return None
    asked = [w for pair in getattr(frame, "predicate", ()) for w in pair]
    return plainly(question.atype, asked, repeated, vocab)
