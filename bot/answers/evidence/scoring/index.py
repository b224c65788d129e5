"""Stage: evidence gathered. The concept index every candidate is scored over.

Each sentence's concepts (someone's quoted words among them), how rare each concept is (its
weight), what a sentence borrows from the ones around it, how much of a predicate's weight a set
of concepts covers, and which sentences are worth scoring at all for a question.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Callable
from functools import cached_property

from bot.answers.context import Context
from bot.answers.evidence.scoring.aside import settings
from bot.answers.evidence.scoring.asked import Asked
from bot.answers.evidence.scoring.clauses import Owners
from bot.answers.reading.concepts import Concepts
from bot.answers.reading.frame import Frame

SPEECH = "speech"  # the concept of someone's words: carried by quoted, attributed sentences
QUOTES = ("“", '"', "”")
SCORED = 60  # sentences fully scored per question at most
PER_CONCEPT = 400  # postings of one concept gathered at most (the best-read ones)
FEW = 1500  # a person named in fewer sentences than this is weighed sentence by sentence
COMMON = 0.15  # a concept in more than this share of sentences only refines, never gathers
_NONE: frozenset[str] = frozenset()
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\b")  # the writer speaking: "I can say"


class ConceptIndex:
    """The concept index of one store's sentences, built on first use."""

    def __init__(
        self,
        ctx: Context,
        about: Callable[[str], dict[int, float]],
        fate_of: Callable[[int, str, str | None], bool] | None = None,
    ):
        """about: the sentences about a person (naming them, or going on about them);
        fate_of: whether a sentence tells a fate of a person right at their name."""
        self.ctx = ctx
        self.about = about
        self.concepts = Concepts(ctx.store.vocab)
        self.asked = Asked(ctx, self.concepts, fate_of)
        self.owners = Owners(ctx, self.concepts)
        self._weights: dict[str, float] = {}
        self._keys_cache: dict[tuple, tuple[str, ...]] = {}
        self._totals: dict[frozenset[str] | tuple[str, ...], float] = {}
        self._around: dict[int, frozenset[str]] = {}  # see `around`

    @cached_property
    def _index(self) -> tuple[dict[int, frozenset[str]], dict[str, list[int]]]:
        """Each sentence's concepts (headings too: they set the context of what follows), and
        the readable sentences carrying each concept."""
        check = self.ctx.check
        per: dict[int, frozenset[str]] = {}
        postings: dict[str, list[int]] = {}
        for sid, s in self.ctx.store.sentences.items():
            cs = self.concepts.of_text(s.display) - {SPEECH}
            told = check.persons(sid) and not _FIRST_PERSON.search(s.display)
            quoted = told or any(q in s.display for q in QUOTES)
            if check.traits(sid).quoted and quoted:
                # someone's words, quoted or told ("X revealed that…"): not a writer's "I can say"
                cs |= {SPEECH}
            per[sid] = cs
            if check.readable(sid):
                for c in cs:
                    postings.setdefault(c, []).append(sid)
        for ids in postings.values():  # the best-read sentences first
            ids.sort(key=lambda s: (-check.worth(s), s))
        return per, postings

    @cached_property
    def _readable(self) -> int:
        return len(self._readable_ids)

    def _about(self, eid: str) -> set[int] | dict[int, float]:
        about = self.about(eid)
        return about if about else set(self.ctx.store.mentions.get(eid, ()))

    def weight(self, concept: str) -> float:
        """Rarity: a concept few sentences carry weighs more; one none carries, the most."""
        w = self._weights.get(concept)
        if w is None:
            postings = self._index[1]
            n = len(postings.get(concept, ()))
            w = self._weights[concept] = math.log(1.0 + self._readable / (1 + n))
        return w

    def printed(self, concept: str) -> bool:
        """Whether any readable sentence of the store carries a concept."""
        return concept in self._index[1]

    def sentence_concepts(self, sid: int) -> frozenset[str]:
        return self._index[0].get(sid, frozenset())

    def said_of(self, frame: Frame, sid: int) -> frozenset[str]:
        """A sentence's concepts told of the frame's people: another character's clause in it
        tells nothing of them (all of them when it names no one else)."""
        own = self._index[0].get(sid, _NONE)
        if frame.people and (theirs := self.owners.of(sid, frame.people)) is not None:
            own = own & (theirs | {SPEECH})
        return own

    def keys(self, frame: Frame) -> tuple[str, ...]:
        """The predicate's key concepts: those rare enough to gather evidence (all of them
        when every one is common; computed once per predicate, and for a why once per
        question: where its words stand in it decides which are only a setting)."""
        q = frame.question
        key = (frame.predicate, q.text if q.atype == "why" else None)
        got = self._keys_cache.get(key)
        if got is None:
            postings, want = self._index[1], frame.concepts
            rare = [c for c in want if len(postings.get(c, ())) <= COMMON * self._readable]
            if frame.question.atype == "why":
                # "why did nam-ra stay behind at the school": the reason is asked of the act,
                # not of the place it is set in (a place refines, when the act is key too)
                aside = settings(frame)
                acts = [c for c in rare if c not in aside]
                rare = acts or rare
            if len(self._keys_cache) > 512:
                self._keys_cache.clear()
            got = self._keys_cache[key] = tuple(sorted(rare or want))
        return got

    def coverage(
        self, frame: Frame, carried: frozenset[str], context: frozenset[str] = frozenset()
    ) -> tuple[float, tuple[str, ...], float]:
        """Share of the predicate's weight that a set of concepts covers, which concepts, and
        the share of its key concepts' weight; a concept only its context carries (the
        sentence before) counts half."""
        want = frame.concepts
        if not want:
            return 1.0, (), 1.0

        weighed = self._weights.__getitem__  # every concept of `want` is weighed by _total

        def share(of: frozenset[str] | tuple[str, ...]) -> float:
            total = self._total(of)
            own = carried.intersection(of)
            near = context.intersection(of) - own
            got = sum(map(weighed, own)) + 0.5 * sum(map(weighed, near))
            return got / total if total else 1.0

        hit = (want & carried) | (want & context)
        return share(want), tuple(sorted(hit)), share(self.keys(frame))

    def _total(self, concepts: frozenset[str] | tuple[str, ...]) -> float:
        """The summed weight of a set of concepts (the same few sets, every candidate)."""
        got = self._totals.get(concepts)
        if got is None:
            if len(self._totals) > 512:
                self._totals.clear()
            got = self._totals[concepts] = sum(self.weight(c) for c in concepts)
        return got

    def around(self, sid: int) -> frozenset[str]:
        """The concepts a sentence borrows: of the sentence before, the speech it leads to, and
        what a later sentence names it back as ("these hybrids"; read once per sentence)."""
        got = self._around.get(sid)
        if got is None:
            got = self.context(sid) | self._quoted_next(sid) | self.asked.named_after(sid)
            self._around[sid] = got
        return got

    def context(self, sid: int) -> frozenset[str]:
        """The concepts of the sentence before, in the same article; when that one is only a
        fragment (a question or heading cut from a quote: '"Will we survive again?'), the one
        before it too."""
        store, per = self.ctx.store, self._index[0]
        out: frozenset[str] = frozenset()
        for back in (1, 2):
            prev = store.sentences.get(sid - back)
            if prev is None or prev.source_id != store.sentences[sid].source_id:
                break
            out |= per.get(sid - back, frozenset())
            if prev.kind == "text":
                break
        return out

    def _quoted_next(self, sid: int) -> frozenset[str]:
        """Someone's words quoted in the next sentence of the article: the words a sentence
        that sets them up ("…offered these hints about season 2.") leads to."""
        store = self.ctx.store
        nxt = store.sentences.get(sid + 1)
        if nxt is None or nxt.source_id != store.sentences[sid].source_id:
            return frozenset()
        return self.sentence_concepts(sid + 1) & {SPEECH}

    def gather(self, frame: Frame, limit: int = SCORED) -> list[int]:
        """The sentences worth scoring: those carrying a concept of the predicate (rare ones
        gather, common ones only refine) or following one that does, naming its people;
        the `limit` that carry the most of its weight (then read best) when there are more."""
        per, postings = self._index
        want = frame.concepts
        named: set[int] | None = None
        if frame.people:
            named = set()
            for e in frame.people:
                named.update(self._about(e))
        if not want:
            return sorted(named or ())[:limit]
        weights = {c: self.weight(c) for c in want}
        weight: dict[int, float] = {}
        readable = self._readable_ids
        if named is not None and len(named) <= FEW:
            # a fate told at their name covers what it answers ("…at the end": their fate)
            fated = self.asked.fated(frame) if frame.question.fate else frozenset()
            for s in named:  # few sentences name them: weigh each directly
                if s in readable:
                    w = sum(weights[c] for c in want & per.get(s, frozenset()))
                    w += sum(weights[c] for c in want & per.get(s - 1, frozenset())) / 2
                    if not w and fated and self.asked.fate_bound(frame, s):
                        w = sum(weights[c] for c in fated)
                    if w:
                        weight[s] = w
        else:
            rare = [c for c in want if len(postings.get(c, ())) <= COMMON * self._readable]
            for c in rare or want:
                w = weights[c]
                for s in postings.get(c, ())[:PER_CONCEPT]:  # the best-read first
                    weight[s] = weight.get(s, 0.0) + w
                    weight[s + 1] = weight.get(s + 1, 0.0) + w / 2  # the sentence after
            weight = {
                s: w for s, w in weight.items() if s in readable and (named is None or s in named)
            }
        if len(weight) <= limit:
            return list(weight)
        prior = self._prior
        return heapq.nlargest(limit, weight, key=lambda s: weight[s] + 0.1 * prior.get(s, 0.0))

    @cached_property
    def _readable_ids(self) -> frozenset[int]:
        check = self.ctx.check
        return frozenset(s for s in self.ctx.store.sentences if check.readable(s))

    @cached_property
    def _prior(self) -> dict[int, float]:
        """How well each sentence reads, to break ties before full scoring."""
        check = self.ctx.check
        return {s: check.worth(s) for s in self._readable_ids}
