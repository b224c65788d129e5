"""`!ask` a yes/no asking for a verdict on what happens ("was the govt the real bad guys in
s1", "did nam-ra deserve it"): the articles report events, not who is right, so the reply says
they give no verdict, then the few lines that bear on it (what the question asks, without its
words of judgment), each cited.

Stage: the command decides. A verdict is read from the words of [ask.kinds] `judgment`
(general English: "the real", "deserve", "to blame"); the lines are scored by the evidence as
any question's are, with those words set aside.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from bot.answers.commands.asking.honest import declined
from bot.answers.commands.lore import fact_lines
from bot.answers.context import Context
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.reading.frame import Frame
from bot.answers.types import Answer, Citer, Line
from bot.facts.text import PhraseSet

MAX_LINES = 2  # the facts that bear on a verdict: few, not an essay
NO_VERDICT = (
    "The articles give no verdict on that: they report what happens, not who is right. "
    "What they print that bears on it:"
)


class Judged:
    """Recognises a question asking for a verdict and answers with the facts bearing on it,
    or returns None."""

    def __init__(self, ctx: Context, evidence: Evidence):
        self.ctx = ctx
        self.evidence = evidence

    @cached_property
    def _words(self) -> PhraseSet:
        return PhraseSet(self.ctx.store.vocab.get("ask.kinds", {}).get("judgment", []))

    def answer(self, frame: Frame) -> Answer | None:
        q = frame.question
        if q.atype != "yesno" or not self._words.any(q.text):
            return None
        judging = {w for p in self.ctx.store.vocab["ask.kinds"]["judgment"] for w in p.split()}
        # what the verdict is on: the predicate without its words of judgment ("real")
        asked = tuple(p for p in frame.predicate if p[0] not in judging)
        if not asked:
            return None
        on = replace(frame, predicate=asked)
        check, ev = self.ctx.check, self.evidence
        scored = [
            (ev.score_sentence(on, sid), sid)
            for sid in self.ctx.store.sentences
            if check.readable(sid) and not check.traits(sid).speculative
        ]
        bearing = [(s.total, -sid) for s, sid in scored if s.coverage > 0 and s.entity > 0]
        sids = [-neg for _, neg in sorted(bearing, reverse=True)[:MAX_LINES]]
        if not sids:
            return None
        cite = Citer(self.ctx.store)
        lines = [Line(NO_VERDICT), *fact_lines(self.ctx, sids, cite)]
        return declined(self.ctx, lines, cite)
