"""`!ask` questions answered by their kind before any sentence is scored: a season after the
second, a question about the articles themselves, a list, a summary.

Stage: the command decides. Each kind is recognised from the question's frame and the words of
[ask.kinds]; a question of none of these kinds (or one its kind cannot answer) returns None and
is scored as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from bot.answers.commands.asking.honest import ASKED, echo
from bot.answers.commands.asking.meta import Meta
from bot.answers.commands.asking.one_article import OneArticle
from bot.answers.commands.asking.opinion import Opinion
from bot.answers.commands.asking.yesno.either import Either
from bot.answers.commands.asking.yesno.judged import Judged
from bot.answers.commands.asking.yesno.same import Same
from bot.answers.commands.asking.yesno.where_shown import WhereShown
from bot.answers.commands.lore import fact_lines
from bot.answers.commands.status import Status
from bot.answers.context import Context
from bot.answers.evidence.gathering.lists import Lists
from bot.answers.evidence.gathering.sections import Sections
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.reading.frame import Frame
from bot.answers.types import Answer, Citer, Line

MAX_LATER = 3  # lines shown on a later season of someone named
Again = Callable[[str], Answer]  # the question (or its rewording) answered the usual way


class Kinds:
    """Recognises a question's kind and answers it, or returns None."""

    def __init__(self, ctx: Context, evidence: Evidence, status: Status):
        self.ctx = ctx
        self.status = status
        self.meta = Meta(ctx, evidence)
        self.article = OneArticle(ctx, evidence)
        self.opinion = Opinion(ctx)
        self.judged = Judged(ctx, evidence)
        self.where_shown = WhereShown(ctx)
        self.either = Either(ctx, evidence)
        self.same = Same(ctx)  # read once every part is answered
        self.sections = Sections(ctx)
        self.evidence = evidence

    @cached_property
    def lists(self) -> Lists:
        return Lists(self.ctx, self.status.cast, self.evidence)

    def answer(self, frame: Frame, raw: str, again: Again) -> tuple[Answer, str] | None:
        """(the answer, why this kind) or None."""
        q = frame.question
        season = q.season
        if season is not None and season > 2 and not frame.people:
            return self.later(frame, raw, season), f"asks about season {season}: its sentences"
        if season is not None and season > 2 and (ans := self.later_of(frame, season)):
            return ans, f"asks about season {season} of someone named: their sentences on it"
        if not frame.people and (ans := self.article.answer(frame, raw)) is not None:
            return ans, "names one article (or asks how they are dated): that article only"
        if (ans := self.meta.answer(frame, raw)) is not None:
            return ans, "asks about the articles themselves: their claims and the manifest"
        # an either/or first: "on netflix or disney" offers two places, it asks no yes/no
        if (ans := self.either.answer(frame, raw)) is not None:
            return ans, "an either/or whose sides different articles print: each one's wording"
        if (ans := self.where_shown.answer(frame, raw)) is not None:
            return ans, "a yes/no on where it is seen: the lines printing that place of the season"
        if (ans := self.opinion.answer(frame, raw)) is not None:
            return ans, "asks for an opinion: the articles report facts, and what praise they print"
        if (ans := self.judged.answer(frame)) is not None:
            return ans, "asks for a verdict: the articles give none, and the facts bearing on it"
        if (ans := self.lists.answer(frame, raw, again)) is not None:
            return ans, "asks for a list: the people the answering sentences name"
        if not frame.people and (ans := self.sections.answer(frame, raw)) is not None:
            return ans, "asks for a summary: the section of an article headed by it"
        return None

    def later_of(self, frame: Frame, season: int) -> Answer | None:
        """What the sources say of a later season in the lines about the person asked about:
        lines naming them, or, in an article naming them, the word of a role of theirs ("the
        filmmaker" of the director). None when no such line speaks of that season."""
        ctx, ev = self.ctx, self.evidence
        eid = frame.people[0]
        named = set(ctx.store.mentions.get(eid, ()))
        articles = {ctx.store.sentences[s].source_id for s in named}
        roles = frozenset().union(*(ev.concepts.of_text(r) for r in ctx.store.entities[eid].roles))

        def of_them(sid: int) -> bool:
            if sid in named:
                return True
            same = ctx.store.sentences[sid].source_id in articles
            return same and bool(roles & ev.sentence_concepts(sid))

        sids = [s for s in self.status.argument.later_sentences(season) if of_them(s)]
        if not sids:
            return None
        cite = Citer(ctx.store)
        name = ctx.name(eid)
        lines = [Line(f"What the sources say about a season {season} ({name}):")]
        lines += fact_lines(ctx, sids[:MAX_LATER], cite)
        title = f"{name}: season {season}"
        return Answer("ask", True, name, title, lines, cite.citations)

    def later(self, frame: Frame, raw: str, season: int) -> Answer:
        """What the sources say of a later season; when none of it covers what was asked ("is
        it planned", "when"), said first, in the words of every "the sources don't say"."""
        sids = self.status.argument.later_sentences(season)
        covered = frozenset(s for s in sids if self.evidence.score_sentence(frame, s).accepted)
        ans = replace(self.status.argument.later_season(season, covered), command="ask")
        if sids and not covered:
            said = f"You asked “{echo(raw)}” The sources don't say {ASKED[frame.question.atype]}."
            ans.lines = [Line(said), *ans.lines]
        return ans
