"""`!ask` either/or on what the articles print ("r they in junior high or high school"):
each alternative is looked up as the fan typed it, and when different articles print each,
the reply shows each article's wording and says they differ.

Stage: the command decides. The alternatives are the words after "or" and as many words before
it; an alternative made only of stop words, or one no article prints, leaves the question to
the usual scoring (which answers one side, or says the sources don't say).
"""

from __future__ import annotations

import re
from functools import cached_property

from bot.answers.context import Context
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import around
from bot.answers.types import Answer, Citer, Line

WIDTH = 160
MAX_SIDE = 2  # articles quoted for each alternative
_OR = re.compile(r"^(?P<left>.+?)\s+or\s+(?P<right>[^?!.,;]+)")


class Either:
    """Recognises an either/or the articles print both sides of, apart, or returns None."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    @cached_property
    def _stop(self) -> frozenset[str]:
        return frozenset(
            w for ws in self.ctx.store.vocab.get("ask.stopwords", {}).values() for w in ws
        )

    def sides(self, text: str) -> tuple[str, str] | None:
        """The two alternatives of "… A or B …", as many words each; None when there is no
        "or", or a side is only stop words ("… or not")."""
        m = _OR.search(text)
        if m is None:
            return None
        right = _trimmed(m.group("right").split(), self._stop)
        left = m.group("left").split()[-len(right) :] if right else []
        left = _trimmed(left, self._stop)
        if not right or not left:
            return None
        a, b = " ".join(left), " ".join(right)
        return (a, b) if a != b else None

    def answer(self, frame: Frame, raw: str) -> Answer | None:
        if frame.people or frame.question.status:
            # a person's either/or ("alive or dead") is their facts' to answer, and a status
            # topic's ("confirmed or a rumor") its timeline's, which marks disputes itself
            return None
        # the message as typed: its "?" ends the alternatives ("…or high school? one article…")
        got = self.sides(re.sub(r"[^\w\s?!.,;'-]", " ", raw.lower()))
        if got is None:
            return None
        ctx = self.ctx
        rxs = [re.compile(rf"(?<![\w-]){re.escape(s)}(?![\w-])", re.IGNORECASE) for s in got]
        by_side: list[dict[str, int]] = [{}, {}]  # source -> the first readable line printing it
        for sid, row in sorted(ctx.store.sentences.items()):
            if not ctx.check.readable(sid):
                continue
            hits = [bool(rx.search(row.display)) for rx in rxs]
            if hits[0] != hits[1]:  # a line printing one side only
                by_side[hits.index(True)].setdefault(row.source_id, sid)
        if not (by_side[0] and by_side[1]) or set(by_side[0]) == set(by_side[1]):
            return None  # one side unprinted, or every article prints both
        cite = Citer(ctx.store)
        lines = [Line(f"The articles differ: some print “{got[0]}”, others “{got[1]}”.")]
        shown: set[str] = set()
        for i, side in enumerate(got):
            # the articles printing only this side first, then any other not yet shown
            sources = sorted(by_side[i], key=lambda src: (src in by_side[1 - i], src))
            for src in [s for s in sources if s not in shown][:MAX_SIDE]:
                shown.add(src)
                sid = by_side[i][src]
                row = ctx.store.sentences[sid]
                said = f"“{around(row.display, [side], WIDTH)}”"  # the side it is cited for shows
                lines.append(Line(f"{side}: {said} {cite.cite(sid)}", row.spoiler))
        return Answer("ask", True, None, "The articles differ", lines, cite.citations)


def _trimmed(words: list[str], stop: frozenset[str]) -> list[str]:
    """Words without the stop words at either end ("still just a rumor": "rumor")."""
    while words and words[0] in stop:
        words = words[1:]
    while words and words[-1] in stop:
        words = words[:-1]
    return words
