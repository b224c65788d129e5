"""Stage: evidence scored. Whose the concepts of a sentence naming several characters are:
a clause (cut at "and", a semicolon, a parenthesis, a contrast) is the character's it names, or
the one named before it when it names no one ("…bitten by Gwi-nam who had become the
half-zombie and half human and later Cheong-san sacrificed his life…": the hybrid is Gwi-nam)."""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.reading.concepts import Concepts
from bot.facts.text import PhraseSet

# ", as she is still alive after…": a clause of its own, though "as X" alone is not
_CUT = re.compile(r"[;:()—–]|,?\s+(?:but|while|whereas|although|though)\s+|,\s+(?:as|and)\s+")
# a bare "and" joins clauses only when a name opens the next ("…and Nam-ra was left behind");
# else it joins two acts of one subject ("was bitten and infected by Gwi-nam")
_AND = re.compile(r"\s+and\s+")
OPENING = 3  # words of a clause its subject's name is among
# "X urges Y to go back…": the act after "to" is the one asked of the person named before it
_TO_DO = re.compile(r"\s+to\s+[a-z]")


class Owners:
    """Per store: each sentence's clauses read against the characters it names (cached)."""

    def __init__(self, ctx: Context, concepts: Concepts):
        self.ctx = ctx
        self.concepts = concepts
        self._names: dict[str, PhraseSet] = {}
        self._named: dict[int, list[str]] | None = None
        self._cache: dict[tuple[int, tuple[str, ...]], frozenset[str] | None] = {}

    def _characters(self, sid: int) -> list[str]:
        if self._named is None:
            store, by = self.ctx.store, {}
            for eid, sids in store.mentions.items():
                if store.entities[eid].kind == "character":
                    for s in sids:
                        by.setdefault(s, []).append(eid)
            self._named = by
        return self._named.get(sid, [])

    def _names_of(self, eid: str) -> PhraseSet:
        got = self._names.get(eid)
        if got is None:
            e = self.ctx.store.entities[eid]
            got = self._names[eid] = PhraseSet([e.name, *e.aliases])
        return got

    def _clauses(self, sid: int, here: list[str]) -> list[str]:
        """A sentence's clauses: cut at a semicolon, a parenthesis, a contrast, ", and",
        ", as", and at a bare "and" a name opens."""
        out = []
        for part in _CUT.split(self.ctx.store.sentences[sid].display):
            if not part or not part.strip():
                continue
            pieces = _AND.split(part)
            out.extend(self._asked_to(pieces[0], here))
            for piece in pieces[1:]:
                opening = " ".join(piece.split()[:OPENING])
                if any(self._names_of(e).any(opening) for e in here):
                    out.extend(self._asked_to(piece, here))
                else:
                    out[-1] = f"{out[-1]} and {piece}"
        return out

    def _asked_to(self, part: str, here: list[str]) -> list[str]:
        """A clause cut before a second name an infinitive follows: in "On-jo urges Nam-ra to
        go back to the camp" going to the camp is Nam-ra's act, not On-jo's."""
        for eid in here:
            for m in self._names_of(eid).finditer(part):
                before = part[: m.start()]
                if (
                    m.start() > 0
                    and _TO_DO.match(part, m.end())
                    and any(self._names_of(o).any(before) for o in here if o != eid)
                ):
                    return [before, part[m.start() :]]
        return [part]

    def _unnamed(self, part: str, named: set[str]) -> str:
        """A clause with the names in it blanked (a name is no concept of what is said)."""
        for eid in named:
            for m in reversed(list(self._names_of(eid).finditer(part))):
                part = part[: m.start()] + " " + part[m.end() :]
        return part

    def of(self, sid: int, people: tuple[str, ...]) -> frozenset[str] | None:
        """The concepts of the clauses about `people` in a sentence that names other
        characters too; None when the whole sentence is theirs (it names no one else, or
        their name is not found in any clause)."""
        key = (sid, people)
        if key in self._cache:
            return self._cache[key]
        here = self._characters(sid)
        out: frozenset[str] | None = None
        if len(here) >= 2 and set(people) & set(here):
            mine: set[str] = set()
            owner: set[str] = set()
            joined: set[str] = set()  # "Both Eun-Ji and Gwi-Nam are…": one subject
            found = False
            for part in self._clauses(sid, here):
                named = {e for e in here if self._names_of(e).any(part)}
                said = self.concepts.of_text(self._unnamed(part, named))
                if named and not said:
                    joined |= named  # only names: they share the clause that follows
                    continue
                owner = (named | joined) or owner
                joined = set()
                if owner & set(people):
                    found = True
                    mine |= said
            out = frozenset(mine) if found else None
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = out
        return out
