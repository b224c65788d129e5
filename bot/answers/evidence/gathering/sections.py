"""Summaries from the articles' own summary sections: "what happened in season 1 in short",
"what's the official synopsis", "what is the show about".

A heading ("What happened in Season 1?") or a label opening a sentence ("Official synopsis:")
whose words are the question's is answered by the paragraph under it, whole (up to a few
sentences), not one sentence of it. Stage: evidence gathered; the words that make a question
ask for a summary are [ask.kinds] `summary`.
"""

from __future__ import annotations

import re
from functools import cached_property

from rapidfuzz import fuzz

from bot.answers.commands.lore import FILLER, fact_lines
from bot.answers.context import Context
from bot.answers.reading.frame import Frame
from bot.answers.types import Answer, Citer
from bot.facts.text import PhraseSet

BODY = 3  # sentences of a section shown at most...
BUDGET = 1200  # ...and characters: a summary fits one Discord message with its sources
SHARE = 0.75  # share of a heading's words the question must hold
LINE = 600  # characters per sentence shown: a summary is not cut after a few words
_LABEL = re.compile(r"^([A-Z][\w'’ ]{2,40}):\s")
_WORD = re.compile(r"[a-z0-9]+")
_FUNCTION = {"a", "an", "the", "of", "in", "on", "to", "is", "are", "was", "for", "and", "it"}
_SHOW = {"show", "series", "drama"}  # one word for the show, however a fan calls it
# what a summary phrase may be followed by and still ask for the whole season or series
_WHOLE = _SHOW | {"season", "seasons", "it", "s1", "short", "brief", "general", "total"}
# a summary phrase's object: "happened to <someone>", "happened in <the last episode>"
_OBJECT = re.compile(r"^\s*(to|in|on|at|during|with)\b([^?.!,;]*)")
# "what happens when/if <something>": the consequence of a condition, not a summary
_CONDITION = re.compile(r"^\s*(?:when|if|once|whenever|after)\b")


def _same(a: str, b: str) -> bool:
    """One word, typed either way ("happend" for "happened", "wat" for "what")."""
    return a == b or (min(len(a), len(b)) >= 3 and fuzz.ratio(a, b) >= 80)


class Sections:
    """Summary sections of the articles, found by their headings."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        kinds = ctx.store.vocab.get("ask.kinds", {})
        self.cues = PhraseSet(kinds.get("summary", []))

    def _words(self, text: str) -> frozenset[str]:
        """A heading's or question's words, the show's title and seasons set aside."""
        low = text.lower().replace("’", "'")
        for name in self.ctx.store.vocab.get("ask.show", {}).get("names", []):
            low = low.replace(name, " show ")
        words = set(_WORD.findall(low)) - _FUNCTION - {"season", "s"}
        words = {"show" if w in _SHOW else w for w in words}
        return frozenset(w for w in words if not w.isdigit())

    def narrowed(self, text: str) -> bool:
        """Whether a summary phrase is only part of the question: "what happened to <someone>"
        asks a fate, "what happened in the last episode" a narrower object than the season;
        such a question gives way to the usual scoring."""
        low = text.lower().replace("’", "'")
        names = self.ctx.store.vocab.get("ask.show", {}).get("names", [])
        for cue in self.cues.find(low):
            at = low.find(cue)
            rest = low[at + len(cue) :] if at >= 0 else ""
            for name in names:
                rest = rest.replace(name, " show ")
            if _CONDITION.match(rest):
                return True
            m = _OBJECT.match(rest)
            if m is None:
                continue
            if m.group(1) == "to":
                return True  # happened to someone or something: its fate, not a summary
            # the object's head: its words before any "of" or a second preposition ("in the
            # last episode of season 1", "at the end of the show" name a part of it)
            head = re.split(r"\b(?:of|in|on|at|during|with)\b", m.group(2))[0]
            words = [w for w in _WORD.findall(head) if w not in _FUNCTION]
            if words and not any(w in _WHOLE or w.isdigit() for w in words):
                return True
        return False

    def _seasons(self, text: str) -> frozenset[int]:
        return frozenset(int(n) for n in re.findall(r"(?i)\bseason\s*(\d)\b", text))

    @cached_property
    def heads(self) -> list[tuple[int, frozenset[str], frozenset[int], bool, frozenset[str]]]:
        """Every heading or opening label naming no one: (sentence id, its words, the seasons
        it names, whether it is a label opening its own sentence, the summary words it
        holds)."""
        out = []
        for sid, s in self.ctx.store.sentences.items():
            if s.kind in ("heading", "question") and len(s.display) <= 120:
                head, label = s.display, False
            elif s.kind == "text" and (m := _LABEL.match(s.display)):
                head, label = m.group(1), True
            else:
                continue
            if self.ctx.check.persons(sid):
                continue  # "What happened to Nam-Ra?" is hers, not the series' summary
            words = self._words(head)
            if words:
                summary = frozenset(self.cues.find(head.lower().replace("’", "'")))
                out.append((sid, words, self._seasons(head), label, summary))
        return out

    def answer(self, frame: Frame, raw: str) -> Answer | None:
        """The summary section the question asks for, or None."""
        q = frame.question
        # a summary of what has aired: a season still to come is told by hints, scored as usual
        if not self.cues.any(q.text) or q.season not in (None, 1) or self.narrowed(q.text):
            return None
        asked = self._words(q.text) | {"show"}
        cues = frozenset(self.cues.find(q.text))
        found = []
        for sid, words, seasons, label, summary in self.heads:
            if q.seasons and seasons and not seasons & q.seasons:
                continue
            if q.seasons and not seasons and 1 not in q.seasons:
                continue  # a heading naming no season is about the series (its first season)
            hits = sum(any(_same(w, a) for a in asked) for w in words)
            share = hits / len(words)
            exact = bool(seasons) and seasons == q.seasons
            # its words are the question's, or it heads a summary itself of the season asked
            # ("What happened in Season 1?" for "a recap of season 1") or in the question's
            # own summary word ("Official synopsis:" for "what is the synopsis")
            if (share >= SHARE and (len(words) >= 2 or label)) or (
                summary and (summary & cues or exact)
            ):
                score = share + bool(summary) + bool(summary & cues) + exact
                found.append((score, hits, -sid, label))
        best = max(found, default=None)
        if best is not None:
            best = (best[0], -best[2], best[3])
        if best is None:
            return None
        sids = self.body(best[1], best[2])
        if not sids:
            return None
        cite = Citer(self.ctx.store)
        title = self.ctx.store.sentences[best[1]].display
        if best[2]:
            title = _LABEL.match(title).group(1)
        lines = fact_lines(self.ctx, sids, cite, LINE)
        return Answer("ask", True, title[:80], title[:80], lines, cite.citations)

    def body(self, head: int, label: bool) -> list[int]:
        """The paragraph a heading or label opens: the readable sentences after it in its
        article, past captions, up to the next heading or label."""
        store, check = self.ctx.store, self.ctx.check
        row = store.sentences[head]
        out = [head] if label else []
        for sid in range(head + 1, head + 12):
            s = store.sentences.get(sid)
            if s is None or s.source_id != row.source_id or len(out) == BODY:
                break
            if s.kind == "question" or (s.kind == "text" and _LABEL.match(s.display)):
                break
            if s.kind == "heading":
                if out and not label:
                    break
                continue  # a caption or credit line between a heading and its text
            if check.readable(sid) and check.traits(sid).quality > FILLER and len(s.display) > 30:
                if sum(len(store.sentences[x].display) for x in out) + len(s.display) > BUDGET:
                    break
                out.append(sid)
        return out
