"""`!ask` about the articles themselves: which one says something, whether they disagree,
the newest or oldest, and what an outlet said (or when).

Stage: the command decides. Everything comes from the store: the per-source status claims
(state, value, date), the manifest (titles, dates, outlets) and the sentences; the words that
make a question one about the sources are in [ask.kinds] of data/lexicon.toml. What each
article claims on a status topic (do they disagree, which says so) is sources/claims.py's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from bot.answers.commands.asking.one_article import dated_line
from bot.answers.commands.asking.sources.claims import QUOTE, SourceClaims
from bot.answers.context import Context
from bot.answers.evidence.gathering.outlet_said import OutletSaid, label, outlet_suffix
from bot.answers.evidence.gathering.outlets import Outlets
from bot.answers.evidence.scoring.evidence import SPEECH, Evidence
from bot.answers.evidence.scoring.score import ACCEPT
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import balanced, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.store import SourceInfo
from bot.facts.text import MONTHS, PhraseSet

MONTH_WORDS = frozenset(m.lower() for m in MONTHS) | {m.lower()[:3] for m in MONTHS}
_YEAR = re.compile(r"(?:19|20)\d\d")
SOURCE = "source"  # the concept of an article, an outlet, a report ([ask.concepts])
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
        self.claims = SourceClaims(ctx, self._says)  # what each article claims on a topic

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
            return self.claims.compare(q.status, q.season)
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
                return self.claims.which_claims(q.status, q.season, self.claims.called_off)
            return self.claims.which_claims(q.status, q.season, self.claims.asks(q.text))
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
