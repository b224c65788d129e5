"""`!ask` about one article, named by its date or its title ("does the jan 2022 one say s2
got renewed?", "which site wrote the 'everything you need to know' article"), and about the
articles' dates themselves ("which articles print their date and which are guessed").

Stage: the command decides. An article named so restricts the evidence to it: its own claim
on the status topic asked, else its sentences that the scoring accepts, else the honest "that
article doesn't say". The article nouns and the words of a date question are [ask.articles].
"""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.evidence.scoring.evidence import SPEECH, Evidence
from bot.answers.evidence.status.digest import age
from bot.answers.evidence.status.labels import state_label
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import balanced, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.store import SourceInfo
from bot.facts.text import PhraseSet

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_QUOTED = re.compile(r"[\"“”']([^\"“”']{6,80})[\"“”']")
_FROM_YEAR = re.compile(r"\b(?:from|in)\s+(?:[a-z]{3,9}\s+)?(?P<y>20\d\d)\b")
_YEAR = re.compile(r"\b(?:(?P<m>[a-z]{3,9})\s+)?(?P<y>20\d\d)\b")
QUOTE = 200
SOURCE = "source"  # the concept of an article ([ask.concepts])


class OneArticle:
    """Questions restricted to one article, or about the articles' dates."""

    def __init__(self, ctx: Context, evidence: Evidence):
        self.ctx = ctx
        self.ev = evidence
        table = ctx.store.vocab.get("ask.articles", {})
        self.nouns = PhraseSet(table.get("nouns", []))
        self.dated = PhraseSet(table.get("dated", []))
        self.dated_alone = PhraseSet(table.get("dated_alone", []))
        self.outlet = PhraseSet(table.get("outlet", []))
        concepts = ctx.store.vocab.get("ask.concepts", {})
        self.newest = PhraseSet(concepts.get("newest", []))
        self.oldest = PhraseSet([*concepts.get("oldest", []), "first"])
        nouns = sorted(table.get("nouns", []), key=len, reverse=True)
        alt = "|".join(map(re.escape, nouns)) or r"(?!)"
        # "the first article", "the most recent one", "the teen vogue one": up to 3 words
        self._the = re.compile(rf"\bthe\s+((?:[\w'.-]+\s+){{1,3}}?)(?:{alt})\b")

    def answer(self, frame: Frame, raw: str) -> Answer | None:
        """The answer when the question names one article or asks how they are dated."""
        low = raw.lower()
        if (years := self.by_year(frame, low)) is not None:
            return years
        # "which are guessed", "how do u know when they were written": how they are dated
        dated = self.dated.any(low) if self.nouns.any(low) else self.dated_alone.any(low)
        if dated and any(w in low.split() for w in ("which", "what", "how")):
            return self.dates(frame)
        if not self.nouns.any(low):
            return None
        src = self.named(low)
        if src is None and (src := self.ordered(frame, low)) is not None:
            return self._within(src, frame, self._end(frame))
        if src is None or not self.asks_of(frame):
            return None
        if self.outlet.any(low):
            return self._outlet(src)
        return self._within(src, frame)

    def ordered(self, frame: Frame, low: str) -> SourceInfo | None:
        """The newest or oldest article when a question picks it by its order in any wording
        ("whats ur oldest article and did it know about the renewal", "which of ur articles
        is the newest and what does it say about X") and asks a topic of it; None when it
        only asks which one that is (the listing answers that)."""
        end = self._end(frame)
        if end is None or frame.people or not self.nouns.any(low) or not self._topic(frame):
            return None
        rows = sorted(self.ctx.store.sources.values(), key=lambda s: (s.published, s.id))
        if not rows:
            return None
        return rows[0] if end == "oldest" else rows[-1]

    def _topic(self, frame: Frame) -> bool:
        """Whether a question asks a topic of the articles, not only which one, when it was
        written or how old it is (the asking verb "what does it say" is no topic)."""
        telling = self.ctx.store.vocab.get("ask.kinds", {}).get("telling", [])
        topic = {c for w, c in frame.predicate if w not in telling and c != SPEECH}
        own = self.ctx.store.vocab.get("ask.fact_concepts", {}).get("sources", [])
        # a status or lore topic read from its words ("the release date") is asked too
        q = frame.question
        return bool(topic - {*own, "age", "write"} or q.status or q.lore)

    def by_year(self, frame: Frame, low: str) -> Answer | None:
        """The articles from a year asked of them ("anything from 2025?", "r any of ur
        articles from 2023"), or that none is, with the newest and how old it is."""
        m = _FROM_YEAR.search(low)
        if m is None or SOURCE not in frame.concepts or frame.people or self._topic(frame):
            return None
        year = m.group("y")
        rows = sorted(self.ctx.store.sources.values(), key=lambda s: (s.published, s.id))
        if not rows:
            return None
        hits = [s for s in rows if s.published.startswith(year)]
        if hits:
            n = len(hits)
            lines = [Line(f"{n} article{'s are' if n > 1 else ' is'} from {year}:")]
            lines += [Line(f"• {self.ctx.date(s.id)} — {s.title} `{s.id}`") for s in hits[::-1]]
            if any(s.estimated for s in hits):  # a guessed date can be off by a few months
                lines.append(Line("(est.: the date is estimated from clues in the article.)"))
        else:
            lines = [Line(f"None of the {len(rows)} articles is from {year}.")]
        lines.append(Line(f"The newest: {dated_line(self.ctx, rows[-1])}"))
        return Answer("ask", bool(hits), None, f"Articles from {year}", lines)

    def _end(self, frame: Frame) -> str | None:
        """ "newest" or "oldest" when a question asks of exactly one end of the articles."""
        ends = {"newest", "oldest"} & frame.concepts
        return next(iter(ends)) if len(ends) == 1 and SOURCE in frame.concepts else None

    def named(self, low: str) -> SourceInfo | None:
        """The one article a question names by a quoted piece of its title, or by its year
        (and month) beside an article noun ("the jan 2022 one", "the 2024 article")."""
        sources = list(self.ctx.store.sources.values())
        for m in _QUOTED.finditer(low):
            hits = [s for s in sources if m.group(1).strip() in s.title.lower()]
            if len(hits) == 1:
                return hits[0]
        for m in _YEAR.finditer(low):
            after = low[m.end() : m.end() + 12]
            if not self.nouns.any(after) and "from" not in low[max(0, m.start() - 6) : m.start()]:
                continue  # a year asked about ("is it 2024"), not an article named by it
            month = (m.group("m") or "")[:3]
            want = m.group("y") + (f"-{MONTHS.index(month) + 1:02d}" if month in MONTHS else "")
            hits = [s for s in sources if s.published.startswith(want)]
            if len(hits) == 1:
                return hits[0]
        for m in self._the.finditer(low):
            if (src := self.by_words(m.group(1).strip(), sources)) is not None:
                return src
        return None

    def asks_of(self, frame: Frame) -> bool:
        """Whether a question asks something of an article beyond which one it is and when
        it was published ("which article is the newest one", "how old is the newest article":
        the listing answers those)."""
        own = self.ctx.store.vocab.get("ask.fact_concepts", {}).get("sources", [])
        return bool(frame.concepts - {*own, "age"})

    def by_words(self, words: str, sources: list[SourceInfo]) -> SourceInfo | None:
        """The article words before an article noun pick: its order ("first", "newest",
        "most recent"), else words (an outlet, a name) that exactly one article prints."""
        order = sorted(sources, key=lambda s: (s.published, s.id))
        if not order:
            return None
        if self.oldest.any(f" {words} "):
            return order[0]
        if self.newest.any(f" {words} "):
            return order[-1]
        stop = self.ctx.store.vocab.get("ask.stopwords", {}).get("function", [])
        if all(w in stop for w in words.split()) or len(words) < 4:
            return None  # "the same one", "the other one"
        printed = re.compile(rf"\b{re.escape(words)}\b", re.IGNORECASE)
        hits = {r.source_id for r in self.ctx.store.sentences.values() if printed.search(r.display)}
        hits |= {s.id for s in sources if printed.search(s.title) or printed.search(s.outlet)}
        return self.ctx.store.sources[hits.pop()] if len(hits) == 1 else None

    def dates(self, frame: Frame | None = None) -> Answer:
        """Which articles print their date and which are estimated, and from what; of the
        newest or oldest alone when that is asked ("is the newest one's date real")."""
        rows = sorted(self.ctx.store.sources.values(), key=lambda s: (s.published, s.id))
        end = frame is not None and {"newest", "oldest"} & frame.concepts
        if end and rows:
            src = rows[0] if "oldest" in frame.concepts else rows[-1]
            which = "oldest" if "oldest" in frame.concepts else "newest"
            line = Line(dated_line(self.ctx, src))
            return Answer("ask", True, None, f"The {which} article", [line])
        printed = [s for s in rows if not s.estimated]
        guessed = [s for s in rows if s.estimated]
        lines = [Line(f"Printed ({len(printed)}):")]
        lines += [Line(f"• {s.published} — {s.title} `{s.id}`") for s in printed]
        lines.append(Line(f"Estimated ({len(guessed)}), from clues in the text:"))
        lines += [
            Line(f"• {s.published} (est.) — {s.title} `{s.id}`: {shorten(s.date_clue, 160)}")
            for s in guessed
        ]
        return Answer("ask", True, None, "How the articles are dated", lines)

    def _outlet(self, src: SourceInfo) -> Answer:
        who = f"it was published by {src.outlet}" if src.outlet else "no outlet is recorded"
        line = Line(f"“{src.title}” ({self._date(src)}) `{src.id}`: {who}.")
        return Answer("ask", bool(src.outlet), None, "Which site", [line])

    def _date(self, src: SourceInfo) -> str:
        return f"{src.published}{', est.' if src.estimated else ''}"

    def _within(self, src: SourceInfo, frame: Frame, end: str | None = None) -> Answer:
        """The article's own claim on the status topic asked, else its accepted sentences.
        end: "newest" or "oldest" when the article was picked by its order, said first."""
        ctx, q = self.ctx, frame.question
        cite = Citer(ctx.store)
        head = f"“{src.title}” ({self._date(src)})"
        if end is not None:  # which one it is, for a fan who asked only "the oldest"
            head = f"The {end} article, {head} `{src.id}`"
        claims = [
            c
            for c in ctx.store.claims.get(q.status or "", [])
            if c.source_id == src.id and c.season == (q.season or 2)
        ]
        if claims:
            c = min(claims, key=lambda c: c.sentence_id)
            row = ctx.store.sentences[c.sentence_id]
            quote = balanced("“" + shorten(row.display, QUOTE) + "”")
            label = state_label(ctx.store, c)
            lines = [Line(f"{head}: {label} {cite.cite(c.sentence_id)}: {quote}", row.spoiler)]
            return Answer("ask", True, None, "What that article says", lines, cite.citations)
        scored = [
            self.ev.score_sentence(frame, s)
            for s, row in ctx.store.sentences.items()
            if row.source_id == src.id and row.kind == "text"
        ]
        best = sorted((s for s in scored if s.accepted), key=lambda s: -s.total)[:2]
        if not best:
            lines = [Line(f"{head} doesn't say that, as far as I can read it.")]
            return Answer("ask", False, None, "That article doesn't say", lines)
        lines = [Line(f"{head}:")]
        for s in sorted(best, key=lambda s: s.ref):
            row = ctx.store.sentences[s.ref]
            quote = shorten(row.display, QUOTE)
            lines.append(Line(f"• {quote} {cite.cite(s.ref)}", row.spoiler))
        return Answer("ask", True, None, "What that article says", lines, cite.citations)


def dated_line(ctx: Context, src: SourceInfo) -> str:
    """One article with its date, how old it is, and whether its date is printed in it or
    estimated (and from what)."""
    old = age(src.published, ctx.today()).removesuffix(" ago")
    if src.estimated:
        how = f"its date is estimated, not printed: {shorten(src.date_clue, 160)}"
    else:
        how = "its date is printed in the article"
    old = "published today" if old == "today" else f"{old} old"
    stop = "" if how.endswith(("…", ".")) else "."  # a clue cut short ends on its ellipsis
    return f"{ctx.date(src.id)} — {src.title} `{src.id}`: {old}; {how}{stop}"
