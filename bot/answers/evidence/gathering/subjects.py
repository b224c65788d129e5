"""Which sentences are *about* a character or person: the entity the subject, its fate told,
informative wording; cast lists are left to `!cast`. Scores are computed once per entity."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from bot.answers.context import Context
from bot.answers.evidence.people.describe import person_nouns
from bot.facts.text import PhraseSet

# a pronoun opening a sentence, after at most a sentence adverb ("Unfortunately, they…")
_PRONOUN = re.compile(r"(?:[A-Z]\w+ly, (?=[a-z]))?(?i:she|he|they|this|her|his|their)\b")
# further on: a short opening phrase before the pronoun ("In the final scene, she…", "Here she…")
_LATER = re.compile(
    r"(?:(?:In|At|On|After|Later|Then|Now|Here)\b[^,.]{0,40}?,?\s+)(?:she|he|they)\b"
)
GOES_ON = 2  # sentences a run going on about someone is followed for
UNDER_HEADING = 1.5  # a sentence about someone only by its section's heading: less surely


class Subjects:
    """Sentences about an entity, best first; `worth` rates a sentence as lore."""

    def __init__(self, ctx: Context, worth: Callable[[int], float]):
        self.ctx = ctx
        self.worth = worth
        self._aliases: dict[str, PhraseSet] = {}
        self._about: dict[str, dict[int, float]] = {}

    @cached_property
    def _fate(self) -> PhraseSet:
        return PhraseSet(self.ctx.store.vocab.get("ask.carries", {}).get("fate", []))

    def _alias_set(self, eid: str) -> PhraseSet:
        if eid not in self._aliases:
            e = self.ctx.store.entities[eid]
            self._aliases[eid] = PhraseSet([e.name, *e.aliases])
        return self._aliases[eid]

    def about(self, eid: str) -> list[int]:
        """Sentences about an entity (not cast lists), most about it and informative first."""
        scored = self.about_scores(eid)
        return sorted(scored, key=lambda s: (-scored[s], s))

    def about_scores(self, eid: str) -> dict[int, float]:
        """How much each sentence naming an entity is about it: informative, the entity its
        subject, its fate told; cast lists left out (`!cast` has them)."""
        if eid in self._about:
            return self._about[eid]
        ctx, store = self.ctx, self.ctx.store
        ids = {eid}
        e = store.entities[eid]
        if e.kind == "actor":  # an actor's lore is their character's
            ids |= {p.character_id for p in ctx.pairs_for(eid) if p.character_id}
        pairs_in: dict[int, int] = {}
        for p in store.pairs:
            for sid, _ in p.evidence:
                pairs_in[sid] = pairs_in.get(sid, 0) + 1
        scored: dict[int, float] = {}
        for i in ids:
            names = self._alias_set(i)
            for sid in store.mentions.get(i, [])[:300]:
                s = store.sentences[sid]
                if not ctx.check.readable(sid) or pairs_in.get(sid, 0) >= 3:
                    continue
                hit = names.find(s.display)
                pos = s.display.lower().find(hit[0].split()[0]) if hit else -1
                score = self.worth(sid)
                score += 2.0 if 0 <= pos < 40 else 0.0  # the sentence's subject
                score += 1.0 if self._fate.any(s.display) else 0.0
                scored[sid] = max(scored.get(sid, -99.0), score)
                # "This is because…", "She said…": the next sentence goes on about them;
                # so do the ones after it that open on them the same way ("In the final scene,
                # she…"), each a little less surely
                for k in range(1, GOES_ON + 1):
                    nxt = store.sentences.get(sid + k)
                    if (
                        nxt is None
                        or nxt.source_id != s.source_id
                        or nxt.kind != "text"
                        or not (
                            _PRONOUN.match(nxt.display) or (k > 1 and _LATER.match(nxt.display))
                        )
                    ):
                        break
                    follow = self.worth(sid + k) - float(k)
                    follow += 1.0 if self._fate.any(nxt.display) else 0.0
                    scored[sid + k] = max(scored.get(sid + k, -99.0), follow)
            # under a heading naming them ("Is Mr. Lee a Hybrid?"), a section goes on about
            # them though its sentences never name them again
            for heading, sids in self._sections.items():
                if names.find(heading):
                    for sid in sids:
                        if sid not in scored and pairs_in.get(sid, 0) < 3:
                            scored[sid] = self.worth(sid) - UNDER_HEADING
            # in a section where only they are named, "the science teacher" is them too
            for sid in self._by_role.get(i, ()):
                if sid not in scored and pairs_in.get(sid, 0) < 3:
                    scored[sid] = self.worth(sid) - UNDER_HEADING
        self._about[eid] = scored
        return scored

    @cached_property
    def _by_role(self) -> dict[str, list[int]]:
        """character -> the sentences of an article section naming no one but calling someone
        by a role ("the science teacher", "the creator") where that character is the only one
        the section names (cast lists aside): the section, not a guess, ties the two."""
        store, check = self.ctx.store, self.ctx.check
        nouns = sorted({n for n in person_nouns(store.vocab) if not n.endswith("s")}, key=len)
        role = re.compile(rf"\b[Tt]he\s+(?:[a-z]+\s+)?(?:{'|'.join(map(re.escape, nouns))})\b")
        named: dict[int, list[str]] = {}
        for eid, sids in store.mentions.items():
            if store.entities[eid].kind == "character":
                for sid in sids:
                    named.setdefault(sid, []).append(eid)
        people: dict[tuple, set[str]] = {}
        roles: dict[tuple, list[int]] = {}
        for sid, s in store.sentences.items():
            if not s.section:
                continue
            key = (s.source_id, s.section)
            here = named.get(sid, [])
            if len(here) < 3:
                people.setdefault(key, set()).update(here)
            if not here and s.kind == "text" and check.readable(sid) and role.search(s.display):
                roles.setdefault(key, []).append(sid)
        out: dict[str, list[int]] = {}
        for key, sids in roles.items():
            if len(who := people.get(key, set())) == 1:
                out.setdefault(next(iter(who)), []).extend(sids)
        return out

    @cached_property
    def _sections(self) -> dict[str, list[int]]:
        """The readable sentences under each section heading (read once per store)."""
        out: dict[str, list[int]] = {}
        check = self.ctx.check
        for sid, s in self.ctx.store.sentences.items():
            if s.section and s.kind == "text" and check.readable(sid):
                out.setdefault(s.section, []).append(sid)
        return out
