"""`!ask` about an outlet: what it said (about what was asked, when it says that) or when,
from the sentences citing it, or the article it published (the manifest's `outlet`).

Stage: evidence gathered, as an answer (like quoted.py). The outlet is found by outlets.py;
the words a sentence sets up and quotes next are the article's own.
"""

from __future__ import annotations

from bot.answers.context import Context
from bot.answers.evidence.gathering.outlets import Found
from bot.answers.evidence.scoring.evidence import QUOTES, SPEECH, Evidence
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import balanced, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.store import SourceInfo

SOURCE = "source"  # the concept of an article, an outlet, a report ([ask.concepts])
QUOTE = 200  # characters of a quote shown per sentence


class OutletSaid:
    """What an outlet the question names said, or when."""

    def __init__(self, ctx: Context, evidence: Evidence):
        self.ctx = ctx
        self.ev = evidence

    def answer(self, outlet: Found, frame: Frame) -> Answer:
        """What an outlet said (about what was asked, when it says that), or when: the
        sentences citing it with their article and date, or the article it published."""
        ctx = self.ctx
        name, source_id, sids = outlet
        cite = Citer(ctx.store)
        if source_id is not None:
            src = ctx.store.sources[source_id]
            sids = [
                s
                for s, r in ctx.store.sentences.items()
                if r.source_id == source_id and ctx.check.readable(s)
            ]
            head = f"{name} published “{src.title}” on {ctx.date(source_id)} `{source_id}`."
            if frame.question.atype == "when" or not sids:
                return Answer("ask", True, name, f"{name}: its article", [Line(head)])
        else:
            head = f"{name} is cited by {len({ctx.store.sentences[s].source_id for s in sids})} "
            head += "article(s); each article's date is when it reported it:"
        spent = {SOURCE, SPEECH}
        want = frozenset(c for _, c in frame.predicate if c not in spent)
        on = [s for s in sids if want & self.ev.sentence_concepts(s)] if want else []
        # "when did X talk to it": the lines printing a time first
        dated = frame.question.atype == "when"
        chosen = sorted(
            on or sids, key=lambda s: dated and not ctx.check.answers(s, frame.question)
        )[:3]
        lines = [Line(head)]
        if want and not on:
            lines.append(Line(f"None of it is about {' '.join(sorted(want))}; what it said:"))
        for sid in chosen:
            row = ctx.store.sentences[sid]
            src = ctx.store.sources[row.source_id]
            words = self._words_set_up(sid, frame) if SPEECH in frame.concepts else None
            if words is None:
                quote = balanced("“" + shorten(row.display, QUOTE + 60) + "”")
                marks, spoiler = cite.cite(sid), row.spoiler
            else:  # what they told it: the words the sentence sets up, quoted next
                nxt = ctx.store.sentences[words]
                quote = f"“{shorten(row.display, QUOTE)}” {shorten(nxt.display, QUOTE + 60)}"
                marks, spoiler = cite.cite_all([sid, words]), row.spoiler or nxt.spoiler
            lines.append(Line(f"• {ctx.date(src.id)} — {label(src)} {marks}: {quote}", spoiler))
        return Answer("ask", True, name, f"{name} in the sources", lines, cite.citations)

    def _words_set_up(self, sid: int, frame: Frame) -> int | None:
        """The next sentence of the article when it quotes the words this one, quoting none
        itself, sets up ("…offered these hints." then “If season 1…”); else None."""
        store = self.ctx.store
        row, nxt = store.sentences[sid], store.sentences.get(sid + 1)
        if nxt is None or nxt.source_id != row.source_id or not self.ctx.check.readable(sid + 1):
            return None
        # one quoting a few words itself still sets up the quote that opens the next one
        # ("…would have “a bit of a different feel”…, NewsPim reported." then “If season 1…”)
        opens = nxt.display.lstrip().startswith(QUOTES)
        if any(q in row.display for q in QUOTES) and not opens:
            return None
        return sid + 1 if SPEECH in self.ev.sentence_concepts(sid + 1) else None


def label(src: SourceInfo) -> str:
    """An article's title, shortened, with its outlet when one is recorded."""
    return f"“{shorten(src.title, 60)}”{outlet_suffix(src)}"


def outlet_suffix(src: SourceInfo) -> str:
    """ " (outlet)" when the manifest records one, else nothing."""
    return f" ({src.outlet})" if src.outlet else ""
