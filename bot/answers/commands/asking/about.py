"""`!ask` about named people: what the articles say about them (fate, words, return), ranked
by the question's own words; their cast card is for "who plays whom" only."""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.commands.asking.honest import dont_know
from bot.answers.commands.cast import Cast
from bot.answers.commands.lore import Lore, distinct, fact_lines
from bot.answers.context import Context, evidence
from bot.answers.evidence.gathering.finding import Finder
from bot.answers.evidence.people.fates import Fates
from bot.answers.reading.question import Question
from bot.answers.types import Answer, Citer, Line


class About:
    """Entity-anchored answers for `!ask`."""

    def __init__(self, ctx: Context, find: Finder, cast: Cast, lore: Lore, fates: Fates):
        self.ctx = ctx
        self.find = find
        self.cast = cast
        self.lore = lore
        self.fates = fates

    def who_is(self, eid: str) -> Answer:
        """ "Who is X?" for a character: who they are in the story (what the articles say about
        them), then who plays them and whether they return."""
        ctx = self.ctx
        name = ctx.name(eid)
        cite = Citer(ctx.store)
        scores = self.lore.subjects.about_scores(eid)
        # A sentence giving them a role ("the villain", "a bullied student") says who they are.
        ranked = sorted(scores, key=lambda s: (-(scores[s] + 2.0 * ctx.check.describes(s)), s))
        lines = fact_lines(ctx, distinct(ctx, ranked, 2), cite)
        pair = next((p for p in ctx.pairs_for(eid) if p.character_id == eid), None)
        if pair is not None:
            actor = ctx.name(pair.actor_id)
            lines.append(Line(f"Played by {actor} {cite.cite_all(evidence(pair))}"))
            if (ret := self.cast.returning.line(pair, cite)) is not None:
                lines.append(ret)
        if not lines:
            return Answer("ask", False, name, name, [Line(f"No source says more about {name}.")])
        return Answer("ask", True, name, f"Who is {name}?", lines, cite.citations)

    def __call__(
        self,
        people: list[str],
        q: Question,
        raw: str,
        order: Callable[[list[int]], list[int]] | None = None,
    ) -> Answer:
        """A question about named people: their own facts, not their cast card; order: puts
        the picked line that answers what was asked first (see scoring/leading.py)."""
        ctx = self.ctx
        eid, name = people[0], ctx.name(people[0])
        kind = ctx.store.entities[eid].kind
        if (
            q.returning
            and kind in ("character", "actor")
            and q.season in (None, 2)
            and q.atype not in ("number", "duration")  # "how many times did X come back"
        ):
            ans = self.cast.returning.answer(eid)
            ans.command = "ask"
            near = [] if ans.citations else self._near(eid, q)[:1]
            # no source speaks of their return but one speaks of them: the honest decline,
            # showing that line, as "is X in s2" and "is X in season 2" are one question
            return dont_know(ctx, q, raw, near, name, people=(eid,)) if near else ans
        rest = self.find.rest(q, people)
        rel = self.find.relevance(" ".join(rest)) if rest else {}
        about: dict[int, float] = {}
        about_of = {e: self.lore.subjects.about_scores(e) for e in people}
        for e in people:
            for s, score in about_of[e].items():
                about[s] = max(about.get(s, -99.0), score)
        pool = list(about)
        for s in pool:  # a sentence going on about the one before shares its relevance
            if not rel.get(s) and rel.get(s - 1) and self.find.same_source(s, s - 1):
                rel[s] = rel[s - 1] * 0.9
        fate = q.fate is not None
        if fate:  # "did X die?": the sentences telling that fate are the answers
            pool = [s for s in pool if self.fates.tells(s, q.fate)] or pool
        named = {s for e in people for s in ctx.store.mentions.get(e, [])}
        boost = {
            s: about[s]
            + 2.0 * rel.get(s, 0.0) / (1 + max(rel.values(), default=0) / 4)
            + 2.0 * (q.speech and self.find.has("speech", s))
            + 2.0 * (fate and self.fates.tells(s, q.fate))
            + 1.0 * (fate and s in named)  # names them: reads without the sentence before
            + 2.0 * (fate and any(self.fates.told_of(s, e, q.fate) for e in people))
            for s in pool
        }
        sentences = ctx.store.sentences
        together = [s for s in pool if all(s in about_of[e] for e in people)]
        if len(people) > 1 and together:  # "does On-jo like Cheong-san": what ties them
            pool, rest = together, []
        if q.speech:  # "what did X say": their own quoted words, when the sources quote them
            own = {s for e in people for s in ctx.store.mentions.get(e, [])}
            speech = [s for s in pool if s in own and self.find.has("speech", s)]
            quoted = [
                s for s in speech if "“" in sentences[s].display or '"' in sentences[s].display
            ]
            pool = quoted or speech or pool
        elif rest and not fate:
            pool = [s for s in pool if rel.get(s)]  # must share a word with the question
        ranked = [s for s in ctx.check.focused(pool, q, boost) if s in boost]
        chosen = distinct(ctx, ranked, 3 if fate else 2)  # a fate is often told two ways
        if not chosen:
            return dont_know(ctx, q, raw, self._near(eid, q)[:1], name, people=tuple(people))
        if order is not None:
            chosen = order(chosen)
        cite = Citer(ctx.store)
        title = f"{name}: what the sources say"
        return Answer("ask", True, name, title, fact_lines(ctx, chosen, cite), cite.citations)

    def _near(self, eid: str, q: Question) -> list[int]:
        """The sentences about someone in the season asked about, most about them first."""
        check = self.ctx.check
        return [s for s in self.lore.subjects.about(eid) if check.season_ok(s, q.season)]
