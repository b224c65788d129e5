"""Stage: evidence gathered and scored. One pool, one scoring.

Every unit that can answer is a candidate: each readable sentence, and the source list itself
(an article's title and date). A routed answer (a digest, a timeline, a cast card, a return)
is scored the same way over the text it shows. A candidate's score adds up the question's
entities it names, the share of the predicate's weight it covers (a rare concept weighs more
than a common one), whether it carries the answer type, and whether it is about the season
asked. One that covers none of a predicate never answers a question that has one. The concept
index scored over, and the gathering of the sentences worth scoring, are `index`'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from bot.answers.context import Context
from bot.answers.evidence.scoring.aside import called_as
from bot.answers.evidence.scoring.checking import fits_season, worth_of
from bot.answers.evidence.scoring.index import QUOTES, SPEECH, ConceptIndex
from bot.answers.evidence.scoring.recency import TIE, VALUE_TIE, Ages, newest_first
from bot.answers.evidence.scoring.score import Score
from bot.answers.reading.frame import Frame
from bot.answers.reading.matching import tokens

# SPEECH and QUOTES are read with `Evidence` by its callers: they stay importable from here
__all__ = ["FORECAST", "QUOTES", "SPEECH", "VALUE_ASPECTS", "Evidence"]

VALUE_ASPECTS = ("clock",)  # aspects asked that are a value the text must print
FORECAST = "forecast"  # the concept of a guess asked for: carried by speculative sentences
SPECIFIC = 3  # a fan's word this many times rarer than its concept is specific


class Evidence(ConceptIndex):
    """Every candidate scored over the concept index of one store's sentences."""

    def __init__(
        self,
        ctx: Context,
        about: Callable[[str], dict[int, float]],
        fate_of: Callable[[int, str, str | None], bool] | None = None,
    ):
        """about: the sentences about a person (naming them, or going on about them);
        fate_of: whether a sentence tells a fate of a person right at their name."""
        super().__init__(ctx, about, fate_of)
        self._specific_cache: dict[tuple, list[tuple[str, ...]]] = {}
        self._ranked_cache: dict[Frame, list[Score]] = {}
        self._sentence_tokens: dict[int, frozenset[str]] = {}  # filled as sentences are scored
        self._text_tokens: dict[str, frozenset[str]] = {}  # of answers that are not one sentence
        self._frame_memo: tuple | None = None  # see `_of_frame`

    def warm(self) -> None:
        """Build the index (and every sentence's tokens) now rather than on the first question."""
        _ = self._index, self._prior, self.ctx.m.search
        for sid in self._readable_ids:
            if sid not in self._sentence_tokens:
                text = self.ctx.store.sentences[sid].display
                self._sentence_tokens[sid] = frozenset(tokens(text))

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
