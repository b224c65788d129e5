"""`!ask` yes/no on where the show is seen ("will season 2 be on netflix"): answered by the
lines that print that place with the same preposition, of the asked season.

Stage: the command decides. The asked place is a word the thesaurus knows ([ask.concepts]) but
the scoring sets aside as a stop word, since nearly every line names it ([ask.stopwords]):
"netflix" carries no predicate, so the question would score nothing. Read here as the phrase
typed ("on netflix"), it is answered by the firm lines printing that phrase of the season asked.
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import pairwise

from bot.answers.commands.lore import fact_lines
from bot.answers.context import Context
from bot.answers.reading.frame import Frame
from bot.answers.reading.question import normalise
from bot.answers.types import Answer, Citer, Line

PLACES = ("on", "to", "onto")  # the prepositions that set a show on a platform
MAX_LINES = 2
_NEGATED = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|gonna|going to|coming)\b")
_DATED = re.compile(r"\b(?:19|20)\d{2}\b")
# a reason clause has its own subject: "did it get s2 bc the walking dead is on netflix" asks
# about the renewal, not about where the show is seen
_REASON = re.compile(r"\b(?:because|bc|cuz|coz|since)\b")


class WhereShown:
    """Recognises a yes/no on where the show is seen and answers it, or returns None."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    @cached_property
    def _places(self) -> frozenset[str]:
        """Stop words the thesaurus gives a concept (a platform's name)."""
        vocab = self.ctx.store.vocab
        stop = {w for ws in vocab.get("ask.stopwords", {}).values() for w in ws}
        known = {normalise(w) for c, ws in vocab.get("ask.concepts", {}).items() for w in (c, *ws)}
        return frozenset(stop & known)

    def phrase(self, text: str) -> str | None:
        """The place phrase a question types ("on netflix"), or None."""
        words = text.split()
        for i, (before, word) in enumerate(pairwise(words)):
            if _REASON.search(" ".join(words[:i])):
                return None
            if before in PLACES and word in self._places:
                return f"{before} {word}"
        return None

    def answer(self, frame: Frame, raw: str) -> Answer | None:
        q = frame.question
        if q.atype != "yesno" or frame.people or q.status or _DATED.search(q.text):
            return None  # whether it is out yet, or out by a date, is the status topic's
        phrase = self.phrase(q.text)
        if phrase is None:
            return None
        ctx = self.ctx
        rx = re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE)
        # a season unnamed but asked ahead ("will it be on netflix") is the next one
        season = q.season
        if season is None and _AHEAD.search(q.text):
            season = 2
        found = [
            sid
            for sid, row in ctx.store.sentences.items()
            if rx.search(row.display)
            and ctx.check.readable(sid)
            and not ctx.check.traits(sid).speculative
            and not _NEGATED.search(row.display)
            and (season is None or season in ctx.check.traits(sid).seasons)
        ]
        if not found:
            return None
        found.sort(key=lambda s: (-ctx.check.worth(s), s))
        cite = Citer(ctx.store)
        sids = found[:MAX_LINES]
        lines = fact_lines(ctx, sids, cite)
        lines.insert(0, Line(f"Yes — per {cite.cite(sids[0])}:"))
        title = "What the sources say"
        return Answer("ask", True, None, title, lines, cite.citations)
