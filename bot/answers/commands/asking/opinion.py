"""`!ask` for an opinion ("is nam-ra the best character", "is s2 gonna be good"): the articles
report facts, not taste, so the answer says so, with at most one fact they print that bears on
it (praise they report), labelled as such.

Stage: the command decides. An opinion is read from the words of [ask.kinds] `opinion`; the
praise a line may carry, from `praise`.
"""

from __future__ import annotations

import re
from functools import cached_property

from bot.answers.commands.asking.honest import declined
from bot.answers.context import Context
from bot.answers.reading.frame import Frame
from bot.answers.reading.matching import tokens
from bot.answers.reading.wording import shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.text import PhraseSet

# a writer's own taste ("Personally, I have watched…"): itself an opinion, not a report of one
_FIRST_PERSON = re.compile(r"\b(?:I|personally|in my (?:view|opinion))\b")


class Opinion:
    """Recognises a question of taste and answers it honestly, or returns None."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    @cached_property
    def _words(self) -> tuple[PhraseSet, PhraseSet, PhraseSet]:
        kinds = self.ctx.store.vocab.get("ask.kinds", {})
        taste, praise = PhraseSet(kinds.get("opinion", [])), PhraseSet(kinds.get("praise", []))
        return taste, praise, PhraseSet(kinds.get("idioms", []))

    def asks(self, text: str) -> bool:
        """Whether a question asks for taste rather than a fact; a taste word inside an idiom
        ("or is he gone for good") asks none."""
        return self._words[0].any(self._words[2].remove(text))

    def answer(self, frame: Frame, raw: str) -> Answer | None:
        if not self.asks(frame.question.text):
            return None
        ctx = self.ctx
        lines = [
            Line(
                "That's a matter of taste: the articles report facts (casting, dates, plot), "
                "not opinions — so that one is yours to decide."
            )
        ]
        cite = Citer(ctx.store)
        if (sid := self._praise(frame)) is not None:
            row = ctx.store.sentences[sid]
            text = f"What the articles do print: “{shorten(row.display, 220)}” {cite.cite(sid)}"
            lines.append(Line(text, row.spoiler))
        return declined(ctx, lines, cite)

    def _praise(self, frame: Frame) -> int | None:
        """The most informative line printing praise, of the people asked about when any are
        (else of the show), in any season (what a later season may be like is no article's to
        say); None when no article prints any."""
        ctx, praise = self.ctx, self._words[1]
        store, check = ctx.store, ctx.check
        if frame.people:
            pool = sorted({s for e in frame.people for s in store.mentions.get(e, [])})
        else:
            pool = sorted(store.sentences)
        found = [
            s
            for s in pool
            if praise.any(store.sentences[s].display)
            and check.readable(s)
            and not check.traits(s).speculative
            and not (
                _FIRST_PERSON.search(store.sentences[s].display) and not check.traits(s).quoted
            )
        ]
        # the praise that shares the question's own words ("episode", "squid game") first
        asked = set(tokens(self._words[0].remove(frame.question.text)))
        shared = {s: _shared(asked, tokens(store.sentences[s].display)) for s in found}
        return max(found, key=lambda s: (shared[s] + check.worth(s), -s), default=None)


def _shared(asked: set[str], words: list[str]) -> int:
    """Asked words a line prints, a stem matching its fuller form ("episod", "episode")."""
    return sum(any(w.startswith(a) or a.startswith(w) for w in words if len(w) > 3) for a in asked)
