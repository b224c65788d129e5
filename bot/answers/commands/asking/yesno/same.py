"""`!ask` a later part asking whether its answer is the one found before ("who wrote the
script? same person who drew the webtoon?"): the people each part's answer names are compared,
and the later part opens on "No — different people" or "Yes — the same person".

Stage: the command decides, once every part is answered. Each part is answered on its own;
this reads the people its lines name (the cast and crew the store knows, by any printed
spelling) and says how the two sets compare. When a part names no one, or several people
overlap only in part, nothing is added: the lines speak for themselves. The words asking
"same?" are general English, curated in [ask.kinds] same of data/lexicon.toml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from bot.answers.context import Context
from bot.answers.reading.question import normalise
from bot.answers.types import Answer, Line
from bot.facts.text import PhraseSet


class Same:
    """Compares the people of a part asking "same person?" with those of the part before."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    @cached_property
    def _asking(self) -> PhraseSet:
        return PhraseSet(self.ctx.store.vocab.get("ask.kinds", {}).get("same", []))

    @cached_property
    def _names(self) -> dict[str, re.Pattern[str]]:
        """Each known person's printed spellings, as one pattern."""
        out = {}
        for eid, e in self.ctx.store.entities.items():
            spellings = sorted({e.name, *e.aliases}, key=len, reverse=True)
            alts = "|".join(re.escape(s) for s in spellings if len(s) > 2)
            if alts:
                out[eid] = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
        return out

    def people(self, ans: Answer) -> set[str]:
        """The people an answer's lines name; the cast and crew over the characters they play
        when it names both (the card "X is played by Y" answers with Y)."""
        text = "\n".join(ln.text for ln in ans.lines)
        named = {eid for eid, rx in self._names.items() if rx.search(text)}
        real = {e for e in named if self.ctx.store.entities[e].kind != "character"}
        return real or named

    def compared(self, parts: list[str], answers: list[Answer]) -> list[Answer]:
        """The answers, a later part asking "same …?" opened by how its people compare with
        those of the part before; the others as they are."""
        out = list(answers)
        for i in range(1, len(out)):
            if not self._asking.any(normalise(parts[i])):
                continue
            before, now = self.people(out[i - 1]), self.people(out[i])
            said = self._verdict(before, now)
            if said:
                out[i] = replace(out[i], lines=[Line(said), *out[i].lines])
        return out

    def _verdict(self, before: set[str], now: set[str]) -> str | None:
        """ "No — different people" when the parts name no one in common, "Yes" when the one
        person found now was found before; None when either names no one, or several now."""
        if not before or not now:
            return None
        name = self.ctx.name
        if not before & now:
            a = ", ".join(sorted(name(e) for e in before))
            b = ", ".join(sorted(name(e) for e in now))
            return f"No — different people: {a} above; {b} here."
        if len(now) == 1:  # the one person found now is among those before
            return f"Yes — the same person: {name(next(iter(now)))}."
        return None
