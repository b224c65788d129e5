"""Lists asked as lists: "name the survivors", "which cast members were in the video", "who
are the new cast". The answer leads with the people, by name, that the answering sentences
print, cited; a sentence that counts people ("four of the core cast") is followed into the
sentences after it, in its section, until that many are named.

Stage: evidence gathered. The list words are [ask.kinds] `list`; new and returning cast come
from the cast pairs as `!status cast` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from bot.answers.commands.lore import fact_lines
from bot.answers.context import Context
from bot.answers.evidence.people.returns import CastSummary
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.reading.frame import Frame
from bot.answers.types import Answer, Citer, Line
from bot.facts.text import PhraseSet

FOLLOW = 8  # sentences after a counting one searched for the people it counts
COUNTING = 16  # best-scored sentences of the question tried as a counting one
_NUMBERS = {
    w: i
    for i, w in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}
_PEOPLE = re.compile(
    r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\b(?:\s+\S+){0,5}?\s+"
    r"(?:members|actors|actresses|stars|characters|students|friends|survivors|people|cast)\b",
    re.IGNORECASE,
)


_PARENS = re.compile(r"\([^)]*\)")
_LIST_GLUE = {",", "and", "&", "as", "plus", "or"}


class Lists:
    """List questions, answered with the names the articles print."""

    def __init__(self, ctx: Context, cast: CastSummary, evidence: Evidence):
        self.ctx = ctx
        self.cast = cast
        self.evidence = evidence
        kinds = ctx.store.vocab.get("ask.kinds", {})
        self.cues = PhraseSet(kinds.get("list", []))
        self.new_cast = PhraseSet(kinds.get("new_cast", []))
        # "any new faces in s2", "anyone joining": whether there is new cast, asked without
        # a list cue ("new" alone asks of anything: a new trailer)
        self.joining = PhraseSet(tuple(p for p in kinds.get("new_cast", []) if p != "new"))
        self._named: dict[int, list[str]] | None = None
        self._by_quote: dict[str, int] | None = None
        self._listed: dict[int, int] = {}  # how well an answer lists (of the last question)
        self._complete: set[int] = set()  # counting sentences whose people were all found

    def answer(self, frame: Frame, raw: str, again: Callable[[str], Answer]) -> Answer | None:
        """A list question's answer, or None when the question asks for no list."""
        q = frame.question
        cue = self.cues.find(q.text)
        joining = q.atype == "yesno" and not q.lore and self.joining.any(q.text)
        if not frame.people and joining and q.season in (None, 2):
            return self.cast_list(new=True)
        if frame.people or (not cue and q.atype != "who"):
            return None
        # "who is confirmed for season 2", "whos back for s2": a who-question of a return with
        # no one named asks who returns, as the Back line lists them (unless it asks who is new)
        asks_new = self.new_cast.any(q.text) or "newest" in frame.concepts
        if q.atype == "who" and q.returning and q.season in (None, 2) and not (q.lore or asks_new):
            return self.cast_list(new=False, joined=True)
        new = "newest" in frame.concepts or self.new_cast.any(q.text)
        if q.season in (None, 2) and not q.lore:
            # "who are the newcomers", "who's new in the cast": the new cast pairs
            if new and (q.status == "cast" or q.atype == "who"):
                return self.cast_list(new=True)
            if q.status == "cast" and cue and "return" in frame.concepts:
                return self.cast_list(new=False)
        if not cue and not frame.concepts:
            return None
        # the best-scored sentences too: one counting people ("four of the core cast") may
        # open the list even when no reworded answer quotes it
        words = {w for c in cue for w in c.split()}
        asked_for = replace(frame, predicate=tuple(p for p in frame.predicate if p[0] not in words))
        ranked = self.evidence.ranked(asked_for)[:COUNTING]
        counting = [s.ref for s in ranked if s.kind == "sentence"]
        weights = {c: self.evidence.weight(c) for c in asked_for.concepts}
        key = max(weights, key=lambda c: (weights[c], c)) if weights else None
        if not cue:
            # "who was in the announcement video": a list only when a sentence carrying the
            # rarest concept asked counts people and all of them are named after it
            counting = [
                s
                for s in counting
                if key in self.evidence.sentence_concepts(s) and self.counted(s) != [s]
            ]
            if not counting:
                return None
        # the question as asked and as the who-question it stands for: the fuller list wins
        # (answered only now: most who-questions are no list, and answering is the cost)
        asked = [raw, *_as_who(q.text, cue[0])] if cue else [raw]
        tries = [a for a in map(again, dict.fromkeys(asked)) if a.ok]
        listed = [self.with_names(a, counting, key) for a in tries]
        if not cue:
            listed = [a for a in listed if a.lines and a.lines[0].text.startswith("Named:")]
        return max(listed, key=lambda a: self._listed.get(id(a), 0), default=None)

    def cast_list(self, new: bool, joined: bool = False) -> Answer:
        """Who is new in Season 2, or who is back, each with their footnote; joined: who is
        new too, on a line after (a season's people are its newcomers as well)."""
        ctx = self.ctx
        back, fresh = self.cast.items()
        items = fresh if new else back
        title = "New in Season 2" if new else "Back in Season 2"
        if not items:
            said = "No new cast member is named" if new else "No return is reported"
            return Answer("ask", True, title, title, [Line(f"{said} in the sources.")])
        cite = Citer(ctx.store)
        marked = [f"{t} {cite.cite(sid)}" for t, sid in items]
        grouped = self.cast.grouped(marked, [t for t, _ in items])
        lines = [Line(", ".join(marked) if new else grouped)]
        if joined and fresh:
            lines.append(Line("New: " + ", ".join(f"{t} {cite.cite(sid)}" for t, sid in fresh)))
        return Answer("ask", True, title, title, lines, cite.citations)

    def _people(self, sid: int) -> list[str]:
        """The people a sentence names (characters and actors), as printed, in order."""
        if self._named is None:
            named: dict[int, list[str]] = {}
            for eid, sids in self.ctx.store.mentions.items():
                if self.ctx.store.entities[eid].kind in ("character", "actor"):
                    for s in sids:
                        named.setdefault(s, []).append(eid)
            self._named = named
        text = self.ctx.store.sentences[sid].display.lower()
        eids = self._named.get(sid, [])
        return sorted(eids, key=lambda e: _first(text, self.ctx.store.entities[e]))

    def _person(self, eid: str) -> str:
        """One key per person: a character is the actor who plays them."""
        pair = next((p for p in self.ctx.pairs_for(eid) if p.character_id == eid), None)
        return pair.actor_id if pair is not None else eid

    def _names(self, eids: list[str]) -> list[str]:
        """Each person once, as the sentences print them: "Yoon Chan-young (Cheong-san)" when
        they name both the actor and the character, else the one they name."""
        ctx, out, done = self.ctx, [], set()
        for e in eids:
            key = self._person(e)
            if key in done:
                continue
            done.add(key)
            roles = [c for c in eids if c != key and self._person(c) == key]
            if key in eids and roles:
                out.append(f"{ctx.name(key)} ({ctx.name(roles[0])})")
            else:
                out.append(ctx.name(key if key in eids else roles[0]))
        return out

    def _enumerates(self, sid: int) -> bool:
        """Whether a sentence names at least three people one after another, with only list
        punctuation between them ("Su-hyeok, On-jo, Dae-su, and Ha-ri", "A as X, B as Y")."""
        text = self.ctx.store.sentences[sid].display
        low = text.lower()
        spans = []
        for e in self._people(sid):
            ent = self.ctx.store.entities[e]
            for a in sorted({ent.name, *ent.aliases}, key=len, reverse=True):
                if len(a) >= 3 and (i := low.find(a.lower())) >= 0:
                    spans.append((i, i + len(a)))
                    break
        spans.sort()
        run = best = 1
        for (_, end), (start, _) in pairwise(spans):
            gap = _PARENS.sub(" ", text[end:start]).replace(",", " , ")
            run = run + 1 if set(gap.split()) <= _LIST_GLUE else 1
            best = max(best, run)
        return best >= 3

    def counted(self, sid: int) -> list[int]:
        """A sentence counting people, and the sentences after it (same article and section)
        that name them, when they name as many; else the sentence alone."""
        store = self.ctx.store
        row = store.sentences[sid]
        m = _PEOPLE.search(row.display)
        if m is None:
            return [sid]
        want = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
        out, seen = [sid], {self._person(e) for e in self._people(sid)}
        self._complete.discard(sid)
        for nxt in range(sid + 1, sid + 1 + FOLLOW):
            s = store.sentences.get(nxt)
            if s is None or s.source_id != row.source_id or s.kind != "text":
                break
            new = {self._person(e) for e in self._people(nxt)} - seen
            if new:
                out.append(nxt)
                seen |= new
            if len(seen) >= want:
                self._complete.add(sid)
                return out
        return [sid]

    def with_names(self, ans: Answer, counting: list[int] = (), key: str | None = None) -> Answer:
        """The answer led by a line naming the people its best listing sentence prints (or a
        sentence of `counting` whose counted people are all found after it); a list that
        carries `key`, the question's rarest concept ("video"), beats a longer one that does
        not."""
        ctx = self.ctx
        if self._by_quote is None:
            self._by_quote = {s.quote: sid for sid, s in ctx.store.sentences.items()}
        cited = list(
            dict.fromkeys(
                self._by_quote[c.quote] for c in ans.citations if c.quote in self._by_quote
            )
        )
        best: tuple[list[int], list[str]] = ([], [])
        worth = -1
        for sid in dict.fromkeys([*cited, *counting]):
            run = self.counted(sid)
            if sid not in cited and sid not in self._complete:
                continue
            people = list(dict.fromkeys(e for s in run for e in self._people(s)))
            # a list is a sentence counting people, all of them found after it, or one that
            # enumerates them ("A, B and C"); names told in passing list nothing
            if sid not in self._complete and not self._enumerates(sid):
                continue
            w = len({self._person(e) for e in people}) + 20 * (sid in self._complete)
            w += 100 * any(key in self.evidence.sentence_concepts(s) for s in run)
            if w > worth:
                best, worth = (run, people), w
        if len({self._person(e) for e in best[1]}) < 2:
            return ans
        cite = Citer(ctx.store)
        names = ", ".join(self._names(best[1]))
        head = Line(f"Named: {names} {cite.cite_all(best[0], FOLLOW)}")
        # the listing sentence first, then the rest of the answer
        shown = [best[0][0], *(s for s in cited if s != best[0][0])]
        lines = [head, *fact_lines(ctx, shown, cite)]
        out = Answer(ans.command, True, ans.match, ans.title, lines, cite.citations)
        self._listed = {id(out): worth}
        return out


def _first(text: str, entity) -> int:
    spots = [text.find(a.lower()) for a in {entity.name, *entity.aliases} if len(a) >= 3]
    return min((i for i in spots if i >= 0), default=len(text))


def _as_who(text: str, cue: str) -> list[str]:
    """The who-questions a list question stands for: "name the survivors" -> "who are the
    survivors"; "list the students who survived" -> that and "who survived" (the people
    asked for are named by what they did)."""
    rest = f" {text} ".replace(f" {cue} ", " ", 1).strip()
    verbs = ("are", "were", "is", "was", "will", "did", "do", "have", "has", "got", "appeared")
    first = rest.split()[:1]
    out = [f"who {rest}" if first and first[0] in verbs else f"who are {rest}"]
    for rel in (" who ", " that "):
        if rel in f" {rest} ":
            out.append("who " + f" {rest} ".split(rel, 1)[1].strip())
    return out
