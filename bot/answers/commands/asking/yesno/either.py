"""`!ask` either/or on what the articles print ("r they in junior high or high school", "was
s2 announced june 6 or june 7"): each alternative is looked up as the fan typed it, and the
reply says which the articles print, which most print, or that they differ, each cited.

Stage: the command decides. The alternatives are the words after "or" and as many words before
it. An either/or offers two values of ONE slot: two dates or numbers, two places, two
spellings, two phrases of one head ("junior high", "high school"). A side that opens a clause
of its own ("…same as the webtoon or did they change stuff"), a tag ("…or nah"), a side made
only of stop words, or two sides of no common kind leave the question to the usual reading.
An either/or never opens on Yes or No: it answers with one of its values.

On a status topic only the values its claims carry count ("june 6" of "Renewed, June 6,
2022"): the topic's timeline answers the rest, and marks a dispute itself.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cached_property

from bot.answers.context import Context
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.evidence.status.labels import PLANNED, progress, state_label
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import around
from bot.answers.types import Answer, Citer, Line
from bot.facts.text import MONTHS

WIDTH = 160
MAX_SIDE = 2  # articles quoted for each alternative
SPELLING = 0.75  # how alike two sides must be to be two spellings of one name
_OR = re.compile(r"^(?P<left>.+?)\s+or\s+(?P<right>[^?!.,;]+)")
_VALUE = re.compile(
    r"\d|\b(?:" + "|".join(m.lower() for m in MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct"
    r"|nov|dec)\b"
)


class Either:
    """Recognises an either/or of one slot and answers it from what the articles print, or
    returns None."""

    def __init__(self, ctx: Context, evidence: Evidence | None = None):
        self.ctx = ctx
        self.evidence = evidence

    @cached_property
    def _stop(self) -> frozenset[str]:
        """Stop words, less those that can be a value offered ("netflix or disney"): the
        predicate drops a service's name, but an alternative must keep it."""
        vocab = self.ctx.store.vocab
        values = set(vocab.get("ask.either", {}).get("values", []))
        return frozenset(
            w for ws in vocab.get("ask.stopwords", {}).values() for w in ws if w not in values
        )

    @cached_property
    def _words(self) -> tuple[frozenset[str], frozenset[str]]:
        """Words that open a clause of their own, and place words ([ask.carries] where)."""
        vocab = self.ctx.store.vocab
        openers = vocab.get("ask.either", {}).get("clause_openers", [])
        places = vocab.get("ask.carries", {}).get("where", [])
        return frozenset(openers), frozenset(places)

    @cached_property
    def _unnamed(self) -> frozenset[str]:
        return frozenset(self.ctx.store.vocab.get("ask.either", {}).get("unnamed", []))

    def sides(self, text: str) -> tuple[str, str] | None:
        """The two alternatives of "… A or B …", as many words each; None when there is no
        "or", a side is only stop words ("… or not"), or the right side is a clause of its
        own ("… or did they change it")."""
        m = _OR.search(text)
        if m is None:
            return None
        typed = m.group("right").split()
        if typed and typed[0] in self._words[0]:
            return None  # a second question, not a second value
        if set(typed) & self._unnamed:
            return None  # "or some other app": no second value, the yes/no is asked
        right = _trimmed(typed, self._stop)
        left = m.group("left").split()[-len(right) :] if right else []
        left = _trimmed(left, self._stop)
        if not right or not left:
            return None
        a, b = " ".join(left), " ".join(right)
        return (a, b) if a != b else None

    def one_slot(self, a: str, b: str) -> bool:
        """Whether two alternatives are two values of one slot: both dates or numbers, both
        places, two spellings of one word, one word each, or two phrases sharing a content
        word."""
        if bool(_VALUE.search(a)) and bool(_VALUE.search(b)):
            return True
        places = self._words[1]
        if a in places and b in places:
            return True
        if SequenceMatcher(None, a, b).ratio() >= SPELLING:
            return True
        if " " not in a and " " not in b:
            return True  # one word against one ("netflix or disney", "webtoon or novel")
        return bool((set(a.split()) & set(b.split())) - self._stop)

    def answer(self, frame: Frame, raw: str) -> Answer | None:
        if frame.people:
            return None  # a person's either/or ("alive or dead") is their facts' to answer
        # the message as typed: its "?" ends the alternatives ("…or high school? one article…")
        got = self.sides(re.sub(r"[^\w\s?!.,;'-]", " ", raw.lower()))
        if got is None or not self.one_slot(*got):
            return None
        if frame.question.status:
            return self._of_topic(frame.question.status, got)
        return self._printed(frame, got)

    def _of_topic(self, topic: str, got: tuple[str, str]) -> Answer | None:
        """Which of two values a status topic's claims carry, when exactly one is."""
        ts = self.ctx.topic(topic)
        if ts is None or not all(_VALUE.search(s) for s in got):
            return None
        claims = [ts.lead, *ts.agreeing, *ts.earlier, *ts.disputed, *ts.overruled]
        rxs = [_side_rx(s) for s in got]
        held = [[c for c in claims if c.value and rx.search(c.value)] for rx in rxs]
        if bool(held[0]) == bool(held[1]):
            return None  # both (a dispute its timeline marks) or neither (the sources don't say)
        i = 0 if held[0] else 1
        c = held[i][0]
        store, cite = self.ctx.store, Citer(self.ctx.store)
        row = store.sentences[c.sentence_id]
        # a value only expected (a plan, a guess, or the date of a step not yet taken) is said so
        first = progress(store, topic)[:1]
        firm = c.modality == "confirmed" and not (c.hedged or c.negated) and PLANNED not in c.state
        guess = self.ctx.check.traits(c.sentence_id).speculative
        firm = firm and c.state not in first and not guess
        held_as = "" if firm else " (expected, not confirmed)"
        lines = [
            Line(
                f"Of the two, the articles print **{got[i]}**{held_as}; none prints “{got[1 - i]}”."
            ),
            Line(
                f"{state_label(store, c)} · {self.ctx.date(c.source_id)} "
                f"{cite.cite(c.sentence_id)}: “{around(row.display, [got[i]], WIDTH)}”",
                row.spoiler,
            ),
        ]
        return Answer("ask", True, ts.label, ts.label, lines, cite.citations)

    def _printed(self, frame: Frame, got: tuple[str, str]) -> Answer | None:
        """Which of two values the articles print: one only, most of them, or each by some."""
        by_side = self._lines(frame, got)
        # how many articles print each side (an article may print both, in different lines);
        # a tie is broken by the articles printing one side only
        only = [len(set(by_side[i]) - set(by_side[1 - i])) for i in (0, 1)]
        counts = [len(by_side[0]), len(by_side[1])]
        if counts[0] == counts[1]:
            counts = only
        either = len(set(by_side[0]) | set(by_side[1]))
        if not by_side[0] and not by_side[1]:
            return None  # neither printed: the usual reading says the sources don't say
        if by_side[0] and by_side[1] and set(by_side[0]) == set(by_side[1]):
            return None  # every article printing one prints both
        if not (by_side[0] and by_side[1]):
            i = 0 if by_side[0] else 1
            head = f"The articles print “{got[i]}”; none prints “{got[1 - i]}”."
            order, title = [i], f"The articles print “{got[i]}”"
        elif counts[0] != counts[1]:
            i = 0 if counts[0] > counts[1] else 1
            few = "one article prints" if counts[1 - i] == 1 else f"{counts[1 - i]} print"
            head = (
                f"Most articles print “{got[i]}” ({len(by_side[i])} of {either}); "
                f"{few} “{got[1 - i]}”."
            )
            order, title = [i, 1 - i], f"Most articles print “{got[i]}”"
        else:
            head = f"The articles differ: some print “{got[0]}”, others “{got[1]}”."
            order, title = [0, 1], "The articles differ"
        cite = Citer(self.ctx.store)
        lines = [Line(head)]
        shown: set[str] = set()
        for i in order:
            side = got[i]
            # the articles printing only this side first, then any other not yet shown
            sources = sorted(by_side[i], key=lambda src: (src in by_side[1 - i], src))
            for src in [s for s in sources if s not in shown][:MAX_SIDE]:
                shown.add(src)
                sid = by_side[i][src]
                row = self.ctx.store.sentences[sid]
                said = f"“{around(row.display, [side], WIDTH)}”"  # the side it is cited for shows
                lines.append(Line(f"{side}: {said} {cite.cite(sid)}", row.spoiler))
        return Answer("ask", True, None, title, lines, cite.citations)

    def _lines(self, frame: Frame, got: tuple[str, str]) -> list[dict[str, int]]:
        """For each side, source -> the readable line printing it (and not the other side)
        that best answers the question, else its first such line."""
        ctx, ev = self.ctx, self.evidence
        rxs = [_side_rx(s) for s in got]
        found: list[dict[str, list[int]]] = [{}, {}]
        for sid, row in sorted(ctx.store.sentences.items()):
            if not ctx.check.readable(sid):
                continue
            hits = [bool(rx.search(row.display)) for rx in rxs]
            if hits[0] != hits[1]:  # a line printing one side only
                found[hits.index(True)].setdefault(row.source_id, []).append(sid)

        def best(sids: list[int]) -> int:
            if ev is None or len(sids) == 1:
                return sids[0]
            return max(sids, key=lambda s: (ev.score_sentence(frame, s).total, -s))

        return [{src: best(sids) for src, sids in side.items()} for side in found]


def _side_rx(side: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(side)}(?![\w-])", re.IGNORECASE)


def _trimmed(words: list[str], stop: frozenset[str]) -> list[str]:
    """Words without the stop words at either end ("still just a rumor": "rumor")."""
    while words and words[0] in stop:
        words = words[1:]
    while words and words[-1] in stop:
        words = words[:-1]
    return words
