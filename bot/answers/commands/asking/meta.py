"""`!ask` about the articles themselves: which one says something, whether they disagree,
the newest or oldest, and what an outlet said (or when).

Stage: the command decides. Everything comes from the store: the per-source status claims
(state, value, date), the manifest (titles, dates, outlets) and the sentences; the words that
make a question one about the sources are in [ask.kinds] of data/lexicon.toml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from bot.answers.commands.asking.one_article import dated_line
from bot.answers.context import Context
from bot.answers.evidence.gathering.outlet_said import OutletSaid, label, outlet_suffix
from bot.answers.evidence.gathering.outlets import Outlets
from bot.answers.evidence.scoring.evidence import SPEECH, Evidence
from bot.answers.evidence.scoring.score import ACCEPT
from bot.answers.evidence.status import conditions
from bot.answers.evidence.status.digest import (
    PLANNED,
    firm,
    line_label,
    progress,
    state_label,
    value_key,
)
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import balanced, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.store import ClaimRow, SourceInfo
from bot.facts.text import MONTHS, PhraseSet

MONTH_WORDS = frozenset(m.lower() for m in MONTHS) | {m.lower()[:3] for m in MONTHS}
_YEAR = re.compile(r"(?:19|20)\d\d")
SOURCE = "source"  # the concept of an article, an outlet, a report ([ask.concepts])
QUOTE = 200  # characters of a quote shown per article
SHOWN = 3  # articles quoted for "which article says X"


class Meta:
    """Questions whose answer is about the sources, not a sentence of them."""

    def __init__(self, ctx: Context, evidence: Evidence):
        self.ctx = ctx
        self.ev = evidence
        table = ctx.store.vocab.get("ask.kinds", {})
        self.words = {k: PhraseSet(v) for k, v in table.items()}
        self.outlets = Outlets(ctx, evidence.concepts, self.words.get("reporting"))
        self.outlet_said = OutletSaid(ctx, evidence)

    def _says(self, key: str, text: str) -> bool:
        ps = self.words.get(key)
        return ps is not None and ps.any(text)

    def answer(self, frame: Frame, raw: str) -> Answer | None:
        """The answer when the question is about the sources, else None."""
        q = frame.question
        ends = {"newest", "oldest"} & frame.concepts
        # "how old is the oldest one": the newest or oldest of nothing else is an article
        alone = ends and frame.concepts <= {"newest", "oldest", "age"} and not frame.people
        about_sources = SOURCE in frame.concepts or bool(alone and not q.status)
        # an outlet an article cites counts only in a question about words or a date
        reported = about_sources or SPEECH in frame.concepts or q.atype == "when"
        outlet = None if frame.people else self.outlets.find(raw, cited=reported)
        if not about_sources and outlet is None:
            return None
        if self._says("disagree", q.text) and q.status:
            return self.compare(q.status, q.season)
        if outlet is not None:
            return self.outlet_said.answer(outlet, frame)
        # "one of the articles says there's no renewal" asks of a claim's state; one asking
        # a month or year ("…say it would come in february or march") asks of a line's
        # content, which the scoring finds
        dated = any(w in MONTH_WORDS or _YEAR.fullmatch(w) for w in q.text.split())
        one_of = self._says("one_of", q.text) and not dated
        trust = self._trust.any(q.text)
        if about_sources and trust and not q.status and not frame.people:
            return self.listing(frame)  # "which sites are they from, are they reliable"
        if q.status and not frame.people and (self._says("which", q.text) or one_of):
            if self._says("called_off", q.text):
                return self.which_claims(q.status, q.season, self._called_off)
            return self.which_claims(q.status, q.season, self._asks(q.text))
        if self._says("which", q.text):
            return self.which_sentences(frame)
        if about_sources and {"newest", "oldest"} & frame.concepts and not q.status:
            return self.listing(frame)  # "who is the newest article", "your latest source"
        if about_sources and self._sites(frame) and not q.status and not frame.people:
            return self.listing(frame)  # "what websites are these from": not recorded
        return None

    def _sites(self, frame: Frame) -> bool:
        """Whether a question asks who published the articles or where they are online."""
        return self._site_words.any(frame.question.text)

    @cached_property
    def _site_words(self) -> PhraseSet:
        return PhraseSet(self.ctx.store.vocab.get("ask.articles", {}).get("outlet_words", []))

    @cached_property
    def _trust(self) -> PhraseSet:
        return PhraseSet(self.ctx.store.vocab.get("ask.articles", {}).get("trust", []))

    def _provenance(self, frame: Frame, rows: list[SourceInfo]) -> list[Line]:
        """Where the articles come from, when asked: their recorded outlets, else that none is
        recorded and the outlets they quote; and, asked whether they can be trusted, that
        the articles themselves cannot settle it."""
        out = []
        if self._sites(frame) and not any(s.outlet for s in rows):
            out.append(Line("Which site published them is not recorded: no outlet or link."))
            if cited := self.outlets.cited_names():
                names = ", ".join(f"{name} ({n} articles)" if n > 1 else name for name, n in cited)
                out.append(Line(f"The outlets they quote or cite: {names}."))
        if self._trust.any(frame.question.text):
            out.append(
                Line(
                    "Whether they are reliable the articles cannot settle: I quote what each "
                    "prints, with its date, so you can weigh it yourself."
                )
            )
        return out

    # --- per-source claims ---------------------------------------------------------------

    def _by_source(self, topic: str, season: int | None) -> dict[str, list[ClaimRow]]:
        out: dict[str, list[ClaimRow]] = {}
        for c in self.ctx.store.claims.get(topic, []):
            if c.season == (season or 2):
                out.setdefault(c.source_id, []).append(c)
        return out

    def _negative(self, c: ClaimRow) -> bool:
        """Whether a claim says the event has not happened (or was called off)."""
        base = c.state.removesuffix(PLANNED)
        order = progress(self.ctx.store, c.topic)
        states = self.ctx.store.vocab.get("ask.kinds", {}).get("negative_states", [])
        return c.negated or base in order[:1] or base in states

    def _voice(self, claims: list[ClaimRow]) -> ClaimRow:
        """The claim that speaks for its article on a topic: a firm one, then one printing a
        value, then the first in the article."""
        return min(claims, key=lambda c: (not firm(c), not c.value, c.sentence_id))

    def _line(self, c: ClaimRow, cite: Citer) -> Line:
        src = self.ctx.store.sources[c.source_id]
        row = self.ctx.store.sentences[c.sentence_id]
        quote = balanced("“" + shorten(row.display, QUOTE) + "”")
        text = f"• {self.ctx.date(src.id)} — {label(src)} {cite.cite(c.sentence_id)}: "
        return Line(f"{text}{state_label(self.ctx.store, c)}: {quote}", row.spoiler)

    def compare(self, topic: str, season: int | None) -> Answer:
        """What each article says on a status topic, side by side, and whether they differ."""
        ctx = self.ctx
        label = ctx.store.status_topics[topic].label
        per = self._by_source(topic, season)
        if not per:
            line = f"No article speaks to {label.lower()}, so none can disagree."
            return Answer("ask", True, label, label, [Line(line)])
        voices = sorted(
            (self._voice(cs) for cs in per.values()), key=lambda c: c.published, reverse=True
        )
        firm_voices = [c for c in voices if firm(c)] or voices
        sides = {self._negative(c) for c in firm_voices}
        # a different state, or the same state with two values (8 episodes, then 7), differs
        states = {c.state for c in firm_voices}
        values = {(c.state, value_key(c.value)) for c in firm_voices if c.value}
        valued = {state for state, _ in values}
        cite = Citer(ctx.store)
        if len(sides) > 1 or len(states) > 1 or len(values) > len(valued):
            head = f"Yes, they differ on {label.lower()}; what each article says, newest first:"
        elif len(voices) == 1:
            head = f"Only one article speaks to {label.lower()}:"
        else:
            head = f"No, the {len(voices)} articles that speak to it agree:"
        lines = [Line(head), *(self._line(c, cite) for c in voices)]
        if (ts := ctx.topic(topic)) is not None and (season or 2) == 2:
            lines.append(
                Line(
                    f"Weighed by date and firmness (`{ctx.prefix}status {topic}`): "
                    f"{line_label(ctx.store, ts)}."
                )
            )
        return Answer("ask", True, label, f"{label}: what each article says", lines, cite.citations)

    def _asks(self, text: str) -> Callable[[ClaimRow], bool]:
        """Which claims say what a question asks: that it has not happened, or that it has."""
        negative = self._says("negative", text)
        return lambda c: self._negative(c) == negative

    def _conditional(self, c: ClaimRow) -> bool:
        """Whether a claim was read from a conditional sentence, as the digest judges it."""
        return conditions.conditional(self.ctx.store, c)

    def _called_off(self, c: ClaimRow) -> bool:
        states = self.ctx.store.vocab.get("ask.kinds", {}).get("called_off_states", [])
        return c.state.removesuffix(PLANNED) in states

    def which_claims(
        self, topic: str, season: int | None, says: Callable[[ClaimRow], bool]
    ) -> Answer:
        """The articles whose claims on a topic say what was asked (it happened, or it did
        not), each with its quote; the others named as saying otherwise."""
        ctx = self.ctx
        label = ctx.store.status_topics[topic].label
        per = self._by_source(topic, season)
        match, other, conditional = [], [], []
        for claims in per.values():
            fits = [c for c in claims if says(c)]
            firm_fits = [c for c in fits if not self._conditional(c)]  # "if …": no news
            if firm_fits:
                match.append(self._voice(firm_fits))
            elif fits:
                conditional.append(self._voice(fits))
            else:
                other.append(self._voice(claims))
        cite = Citer(ctx.store)
        newest = lambda cs: sorted(cs, key=lambda c: c.published, reverse=True)  # noqa: E731
        if not match:
            lines = [Line("No article says that.")]
            if other:
                lines.append(Line(f"What they say on {label.lower()}:"))
        else:
            n = len(match)
            lines = [Line(f"{'One article says' if n == 1 else f'{n} articles say'} that:")]
            lines += [self._line(c, cite) for c in newest(match)]
            if other:
                lines.append(Line("The others say otherwise:"))
        lines += [self._line(c, cite) for c in newest(other)]
        if (when := _predates(match, other, self._negative)) is not None:
            lines.append(Line(when))
        if conditional:  # "If and only if … filming begins, …": no article saying so
            lines += [Line("Only as a condition (“if …”), not as news:")]
            lines += [self._line(c, cite) for c in newest(conditional)]
        return Answer("ask", bool(match), label, "Which article says that", lines, cite.citations)

    # --- sentences -----------------------------------------------------------------------

    def which_sentences(self, frame: Frame) -> Answer:
        """The articles whose sentences say what the question asks about, each quoted, or
        the honest "none says that"."""
        ctx = self.ctx
        # what a question asks of the articles themselves ("which sites do you cite")
        vocab = self.ctx.store.vocab
        spent = {SOURCE, SPEECH, *vocab.get("ask.fact_concepts", {}).get("sources", [])}
        telling = set(vocab.get("ask.kinds", {}).get("telling", []))
        pred = tuple(p for p in frame.predicate if p[1] not in spent and p[0] not in telling)
        if not pred:
            return self.listing(frame)
        asked = replace(frame, predicate=pred)
        found: dict[str, int] = {}
        for s in self.ev.ranked(asked):
            if s.accepted and s.kind == "sentence" and s.coverage >= ACCEPT:
                sid = int(s.ref)
                found.setdefault(ctx.store.sentences[sid].source_id, sid)
        if not found:
            words = " ".join(w for w, _ in pred)
            line = f"No article says that, as far as I can read them (looked for: {words})."
            return Answer("ask", False, None, "Which article says that", [Line(line)])
        cite = Citer(ctx.store)
        n = len(found)
        shown = f", the first {SHOWN}" if n > SHOWN else ""
        lines = [Line(f"{n} article{'s' if n > 1 else ''}{shown}:")]
        for src_id, sid in list(found.items())[:SHOWN]:
            row = ctx.store.sentences[sid]
            src = ctx.store.sources[src_id]
            quote = balanced("“" + shorten(row.display, QUOTE + 60) + "”")
            lines.append(
                Line(f"• {label(src)} ({ctx.date(src_id)}) {cite.cite(sid)}: {quote}", row.spoiler)
            )
        return Answer("ask", True, None, "Which article says that", lines, cite.citations)

    def listing(self, frame: Frame) -> Answer:
        """The newest or oldest article when asked, else every article, with its date."""
        rows = sorted(self.ctx.store.sources.values(), key=lambda s: (s.published, s.id))
        if "oldest" in frame.concepts:
            rows, title = rows[:1], "The oldest article"
        elif "newest" in frame.concepts:
            rows, title = rows[-1:], "The newest article"
        else:
            rows, title = rows[::-1], f"{len(rows)} articles"
        if len(rows) == 1:  # the newest or oldest: how old it is, and how it is dated
            lines = [Line(dated_line(self.ctx, rows[0]))]
        else:
            lines = [
                Line(f"{self.ctx.date(s.id)} — {s.title}{outlet_suffix(s)} `{s.id}`") for s in rows
            ]
        lines += self._provenance(frame, rows)
        return Answer("ask", True, None, title, lines)


def _predates(
    match: list[ClaimRow], other: list[ClaimRow], negative: Callable[[ClaimRow], bool]
) -> str | None:
    """When the articles saying it has not happened are all older than those saying it has,
    that they were written before the news, not against it; else None. Either side may be
    the one asked about ("one says there's no renewal", "is there one saying it's renewed")."""
    if not match or not other:
        return None
    if all(negative(c) for c in match) and not any(negative(c) for c in other):
        no, yes, them = match, other, ("It is", "They are")
    elif all(negative(c) for c in other) and not any(negative(c) for c in match):
        no, yes, them = other, match, ("The one saying otherwise is", "Those saying otherwise are")
    else:
        return None
    if max(c.published for c in no) >= min(c.published for c in yes):
        return None
    return f"{them[len(no) > 1]} older than the rest: written before the news, not disputing it."
