"""Stage: evidence gathered and scored. One pool, one scoring.

Every unit that can answer is a candidate: each readable sentence, and the source list itself
(an article's title and date). A routed answer (a digest, a timeline, a cast card, a return)
is scored the same way over the text it shows. A candidate's score adds up the question's
entities it names, the share of the predicate's weight it covers (a rare concept weighs more
than a common one), whether it carries the answer type, and whether it is about the season
asked. One that covers none of a predicate never answers a question that has one.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Callable
from functools import cached_property

from bot.answers.context import Context
from bot.answers.evidence.scoring.aside import alternatives, called_as, settings
from bot.answers.evidence.scoring.asked import Asked
from bot.answers.evidence.scoring.checking import fits_season, worth_of
from bot.answers.evidence.scoring.clauses import Owners
from bot.answers.evidence.scoring.recency import TIE, VALUE_TIE, Ages, newest_first
from bot.answers.evidence.scoring.score import Score
from bot.answers.reading.concepts import Concepts
from bot.answers.reading.frame import Frame
from bot.answers.reading.matching import tokens

VALUE_ASPECTS = ("clock",)  # aspects asked that are a value the text must print
SPEECH = "speech"  # the concept of someone's words: carried by quoted, attributed sentences
FORECAST = "forecast"  # the concept of a guess asked for: carried by speculative sentences
QUOTES = ("“", '"', "”")
SCORED = 60  # sentences fully scored per question at most
PER_CONCEPT = 400  # postings of one concept gathered at most (the best-read ones)
FEW = 1500  # a person named in fewer sentences than this is weighed sentence by sentence
SPECIFIC = 3  # a fan's word this many times rarer than its concept is specific
COMMON = 0.15  # a concept in more than this share of sentences only refines, never gathers
_NONE: frozenset[str] = frozenset()
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\b")  # the writer speaking: "I can say"


class Evidence:
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
        self._specific_cache: dict[tuple, list[tuple[str, ...]]] = {}
        self._ranked_cache: dict[Frame, list[Score]] = {}
        self._keys_cache: dict[tuple, tuple[str, ...]] = {}
        self._sentence_tokens: dict[int, frozenset[str]] = {}  # filled as sentences are scored
        self._text_tokens: dict[str, frozenset[str]] = {}  # of answers that are not one sentence
        self._totals: dict[frozenset[str] | tuple[str, ...], float] = {}
        self._around: dict[int, frozenset[str]] = {}  # see `around`
        self._frame_memo: tuple | None = None  # see `_of_frame`

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

    def warm(self) -> None:
        """Build the index (and every sentence's tokens) now rather than on the first question."""
        _ = self._index, self._prior, self.ctx.m.search
        for sid in self._readable_ids:
            if sid not in self._sentence_tokens:
                text = self.ctx.store.sentences[sid].display
                self._sentence_tokens[sid] = frozenset(tokens(text))

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
        when every one is common; computed once per predicate)."""
        got = self._keys_cache.get(frame.predicate)
        if got is None:
            postings, want = self._index[1], frame.concepts
            rare = [c for c in want if len(postings.get(c, ())) <= COMMON * self._readable]
            if frame.question.atype == "why":
                # "why did nam-ra stay behind at the school": the reason is asked of the act,
                # not of the place it is set in (a place refines, when the act is key too)
                aside = settings(frame) | alternatives(frame)
                acts = [c for c in rare if c not in aside]
                rare = acts or rare
            if len(self._keys_cache) > 512:
                self._keys_cache.clear()
            got = self._keys_cache[frame.predicate] = tuple(sorted(rare or want))
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

    def _of_frame(self, frame: Frame) -> tuple:
        """What every candidate of one frame reads alike (kept for the frame last scored): the
        sentences about each of its people, its key concepts, the summed weight of its
        concepts and of its keys, and whether any of its words is specific."""
        memo = self._frame_memo
        if memo is None or memo[0] is not frame:
            keys = self.keys(frame)
            want = frame.concepts
            memo = self._frame_memo = (
                frame,
                [self._about(e) for e in frame.people],
                keys,
                self._total(want) if want else 0.0,
                self._total(keys) if want else 0.0,
                bool(self._specific(frame.predicate)),
                self.asked.naming(frame) if want else frozenset(),
                called_as(frame, self.ctx.store) if want else frozenset(),
            )
        return memo

    def score_sentence(self, frame: Frame, sid: int) -> Score:
        ctx, q = self.ctx, frame.question
        check = ctx.check
        _, abouts, keys, want_total, keys_total, specific, naming, called = self._of_frame(frame)
        named = sum(sid in about for about in abouts)
        entity = named / len(abouts) if abouts else 1.0
        bound = q.fate is not None and self.asked.fate_bound(frame, sid)
        want = frame.concepts
        # what a later sentence names it back as ("these hybrids") it says itself
        own = self.said_of(frame, sid) | (self.asked.named_after(sid) & want)
        if bound:  # a death told at the name answers "is X alive" as a survival would
            own = own | self.asked.fated(frame)
        counted = self.asked.prints_count(frame, sid)  # "all 6 names": "the six who…"
        own = own | counted
        if naming and self.asked.names_it(frame, sid):
            own = own | naming  # "the Jonus virus": the name asked, printed
        if called:  # the role the person asked is called by is not what is asked of them
            own = own - called
        if FORECAST in want and check.traits(sid).speculative:
            # "when did they expect it": a writer's guess is the forecast asked for, however
            # it is worded ("we can get the announcement in February")
            own = own | {FORECAST}
        if want:  # `coverage`, with the frame's totals read once
            around = self._around.get(sid)
            if around is None:
                around = self.around(sid)
            weighed = self._weights.__getitem__
            mine = own.intersection(want)
            near = around.intersection(want) - mine
            got = sum(map(weighed, mine)) + 0.5 * sum(map(weighed, near))
            cov = got / want_total if want_total else 1.0
            mine_k = own.intersection(keys)
            near_k = around.intersection(keys) - mine_k
            got = sum(map(weighed, mine_k)) + 0.5 * sum(map(weighed, near_k))
            core = got / keys_total if keys_total else 1.0
            hit = tuple(sorted((want & own) | (want & around)))
        else:
            cov, hit, core = 1.0, (), 1.0
        # a reason is rarely worded as one: "why" is a preference (met by a causal clause
        # here or opening the next sentence), every other type a must
        atype = q.atype
        why = atype == "why"
        traits = check.traits(sid)
        typed = atype in traits.carries or (why and self.asked.reason_next(sid))
        if why and typed and want and not self.asked.reason_of(frame, sid):
            typed = False  # its reason is for something else ("bombed in a bid to…")
        if q.aspect:  # "how did they…" / "what happens when…": the means or outcome preferred
            # (a time of day is a value: the line must print one)
            typed, why = q.aspect in traits.carries, q.aspect not in VALUE_ASPECTS
        if typed and atype == "number" and want:
            typed = self.asked.counts(frame, sid)
        if typed and want and not self.asked.names_it(frame, sid):
            typed = False  # "what's the company called": a line naming it, not one about it
        season = q.season
        fits = season is None or fits_season(traits, season)
        return Score(
            "sentence",
            sid,
            entity,
            cov,
            typed,
            fits or self.asked.clause_season(frame, sid),
            worth_of(traits),
            hit,
            keys,
            tuple(sorted(own & want)),
            core,
            self.literal(frame, ctx.store.sentences[sid].display, sid) if specific else 0.0,
            why,
            bound,
            bool(counted),
            why and typed and atype == "why",
        )

    def score_text(
        self,
        frame: Frame,
        kind: str,
        ref: str,
        text: str,
        typed: bool,
        states: frozenset[str] = frozenset(),
    ) -> Score:
        """A candidate that is not one sentence (a routed answer, a fact, the source list);
        states: concepts it carries besides its words (a cast card states who plays whom)."""
        carried = self.concepts.of_reply(text) | states if text else frozenset()
        names = not text or self.asked.names_in(frame, text)
        if text and names:
            carried = carried | self.asked.naming(frame)  # the name asked, printed
        cov, hit, core = self.coverage(frame, carried)
        lit = self.literal(frame, text)
        typed = typed and names
        return Score(kind, ref, 1.0, cov, typed, True, 0.0, hit, self.keys(frame), None, core, lit)

    def literal(self, frame: Frame, text: str, sid: int | None = None) -> float:
        """Share of the predicate's specific words, as typed, that a text prints: a word far
        rarer than the concept the thesaurus reads it as ("kiss" for romance) is stronger
        evidence printed as it is. sid: the sentence the text is (its tokens are indexed)."""
        words = self._specific(frame.predicate)
        if not words or not text:
            return 0.0
        if sid is None:  # a routed answer's text: the same digest answers many questions
            if (printed := self._text_tokens.get(text)) is None:
                if len(self._text_tokens) > 256:
                    self._text_tokens.clear()
                printed = self._text_tokens[text] = frozenset(tokens(text))
        elif (printed := self._sentence_tokens.get(sid)) is None:
            printed = self._sentence_tokens[sid] = frozenset(tokens(text))
        return sum(all(t in printed for t in w) for w in words) / len(frame.predicate)

    def _specific(self, predicate: tuple[tuple[str, str], ...]) -> list[tuple[str, ...]]:
        """The tokens of each predicate word far rarer than its concept (cached per predicate)."""
        got = self._specific_cache.get(predicate)
        if got is None:
            postings, search = self._index[1], self.ctx.m.search
            got = [
                tuple(t)
                for w, c in predicate
                if (t := tokens(w))
                and SPECIFIC * min(search.df(x) for x in t) <= len(postings.get(c, ()))
            ]
            if len(self._specific_cache) > 512:
                self._specific_cache.clear()
            self._specific_cache[predicate] = got
        return got

    def forget(self) -> None:
        """A new question: the rankings kept for the last one go."""
        self._ranked_cache.clear()

    def ranked(self, frame: Frame) -> list[Score]:
        """Every gathered sentence scored, best first (within one question, its list and its
        verdict both rank the same frame: it is scored once)."""
        got = self._ranked_cache.get(frame)
        if got is None:
            got = self._ranked_cache[frame] = self._ranked(frame)
        return list(got)

    def _ranked(self, frame: Frame) -> list[Score]:
        scores = [self.score_sentence(frame, s) for s in self.gather(frame)]
        # a count or a date asked for: the newest article's leads among those saying as much
        # (an older count is superseded, however well it reads)
        tie = VALUE_TIE if frame.question.atype in ("number", "when") else TIE
        totals = {s.ref: s.total for s in scores}  # each total read once (it is a property)
        if frame.question.aspect or frame.question.atype == "why":
            # "why": a line giving a reason before one that only tells what was done
            # "how did they…" / "what happens when…": a sentence that clears the bar and tells
            # the means or the outcome comes before one that only names the subject
            scores.sort(key=lambda s: (not (s.typed and s.accepted), -totals[s.ref], s.ref))
        else:
            scores.sort(key=lambda s: (-totals[s.ref], s.ref))
        return newest_first(scores, self.ages, tie, [totals[s.ref] for s in scores])

    @cached_property
    def ages(self) -> Ages:
        return Ages(self.ctx.store)
