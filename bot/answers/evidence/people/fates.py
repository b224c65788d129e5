"""Season 1 fates: which sentences tell a death, a survival, an infection or a hybrid.

A fate question ("did X die?", "who survived season 1?", "who bit X?") is answered by a
sentence that tells the fate asked about; the words come from [ask.fate_words] in the lexicon.
"""

from __future__ import annotations

import re
from functools import cached_property

from bot.answers.commands.asking.honest import dont_know
from bot.answers.commands.lore import distinct, fact_lines
from bot.answers.context import Context
from bot.answers.reading.question import Question
from bot.answers.types import Answer, Citer
from bot.facts.text import PhraseSet

_PRONOUN = re.compile(r"(?:He|She|They)\b")
WINDOW = 30  # characters after a name in which its fate is told ("Cheong-san seemingly perished")


class Fates:
    """Which fate each sentence tells (computed once per sentence)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._told: dict[int, frozenset[str]] = {}
        self._pools: dict[str, list[int]] = {}
        self._close: dict[tuple[int, str, str], bool] = {}

    @cached_property
    def _words(self) -> dict[str, PhraseSet]:
        table = self.ctx.store.vocab.get("ask.fate_words", {})
        return {k: PhraseSet(v) for k, v in table.items()}

    def told(self, sid: int) -> frozenset[str]:
        """The fates a sentence tells (death, survival, infection, hybrid)."""
        if sid not in self._told:
            text = self.ctx.store.sentences[sid].display
            self._told[sid] = frozenset(k for k, ps in self._words.items() if ps.any(text))
        return self._told[sid]

    def tells(self, sid: int, fate: str | None) -> bool:
        """Whether a sentence tells the fate asked about ("any": any fate at all)."""
        told = self.told(sid)
        return bool(told) if fate in (None, "any") else fate in told

    def _about_people(self, fate: str | None) -> list[int]:
        """Readable sentences telling a fate of named people (computed once per fate)."""
        key = fate or "any"
        if key not in self._pools:
            check = self.ctx.check
            self._pools[key] = [
                s
                for s in self.ctx.store.sentences
                if check.readable(s) and self.tells(s, fate) and check.persons(s)
            ]
        return self._pools[key]

    def told_of(self, sid: int, eid: str, fate: str | None) -> bool:
        """Whether the fate follows right after the person's name (or an opening pronoun):
        "Cheong-san seemingly perished", "He perished…", not a fate told of someone beside."""
        key = (sid, eid, fate or "any")
        if key not in self._close:
            text = self.ctx.store.sentences[sid].display
            low = text.lower()
            e = self.ctx.store.entities[eid]
            starts = [0] if _PRONOUN.match(text) else []
            for alias in {e.name, *e.aliases}:
                i = low.find(alias.lower())
                if i >= 0 and len(alias) >= 4:
                    starts.append(i + len(alias))
            words = self._words.values() if fate in (None, "any") else [self._words[fate]]
            self._close[key] = any(ps.any(text[i : i + WINDOW]) for i in starts for ps in words)
        return self._close[key]

    def answer(self, q: Question, raw: str) -> Answer:
        """A fate question naming no one ("who died in season 1?"): the sentences telling that
        fate about named people, in the season asked about."""
        ctx = self.ctx
        check = ctx.check
        persons = check.persons
        pool = [s for s in self._about_people(q.fate) if check.answers(s, q)]
        rel = ctx.m.search.search(q.text, 60) if q.text else []
        boost = {s: sc / 4 for s, sc in rel}
        score = {s: min(persons(s), 3) + boost.get(s, 0.0) + check.traits(s).quality for s in pool}
        chosen = distinct(ctx, sorted(pool, key=lambda s: (-score[s], s)), 3)
        if not chosen:
            return dont_know(ctx, q, raw, [], None)
        cite = Citer(ctx.store)
        title = "What the sources say"
        return Answer("ask", True, None, title, fact_lines(ctx, chosen, cite), cite.citations)
