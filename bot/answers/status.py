"""`!status`: the Season 2 digest, newest claim first per topic, every line cited."""

from __future__ import annotations

from bot.answers.context import Context, evidence
from bot.answers.digest import TopicStatus, age, month_years, stance, state_label
from bot.answers.types import Answer, Citer, Line
from bot.answers.wording import shorten

Items = list[tuple[str, int]]  # (label, sentence id to cite)


class Status:
    """The digest of every status topic, and one topic's lines for `!ask`."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._summary: tuple[Items, Items] | None = None

    def __call__(self, _: str = "") -> Answer:
        """The Season 2 digest, newest first per topic, every line cited."""
        ctx = self.ctx
        cite = Citer(ctx.store)
        newest = ctx.store.newest_source
        est = " (estimated)" if newest.estimated else ""
        lines = [
            Line(
                f"As of {newest.published}{est}, the newest source — "
                f"{age(newest.published, ctx.today())}. Newer news may exist."
            )
        ]
        for ts in filter(None, map(ctx.topic, ctx.store.status_topics)):
            if ts.topic != "cast":  # the cast is summed up from cast pairs below
                lines.extend(self.topic_lines(ts, cite))
        lines.extend(self.cast_summary(cite))
        return Answer("status", True, None, "Season 2 status", lines, cite.citations)

    def warm(self) -> None:
        """Compute every topic's digest and the cast summary now rather than on first use."""
        for topic in self.ctx.store.status_topics:
            self.ctx.topic(topic)
        self._summary_items()

    def topic_lines(self, ts: TopicStatus, cite: Citer, full: bool = False) -> list[Line]:
        """One topic: the leading claim with its quote, then disputes and earlier claims."""
        ctx = self.ctx
        lead = ts.lead
        sentence = ctx.store.sentences[lead.sentence_id]
        marks = cite.cite_all([lead.sentence_id] + [c.sentence_id for c in ts.agreeing], 2)
        when = self._when(ts, cite)
        out = [
            Line(
                f"**{ts.label}:** {state_label(ctx.store, lead)} "
                f"({ctx.date(lead.source_id)}) "
                f"— “{shorten(sentence.display, 260 if full else 160)}” {marks}{when}",
                sentence.spoiler,
            )
        ]
        for c in ts.disputed[:2]:
            out.append(
                Line(
                    f"   sources disagree: {state_label(ctx.store, c)} "
                    f"({ctx.date(c.source_id)}) {cite.cite(c.sentence_id)}"
                )
            )
        for c in ts.earlier[: 3 if full else 2]:
            out.append(
                Line(
                    f"   earlier: {state_label(ctx.store, c)} "
                    f"({ctx.date(c.source_id)}) {cite.cite(c.sentence_id)}"
                )
            )
        return out

    def _when(self, ts: TopicStatus, cite: Citer) -> str:
        """For a plain 'yes', the month the agreeing sources most often give: ', June 2022 [4]'."""
        if stance(ts.lead) != "yes" or ts.lead.value:
            return ""
        votes: dict[str, list[int]] = {}
        for c in ts.agreeing:
            for month in month_years(c.value):
                votes.setdefault(month, []).append(c.sentence_id)
        if not votes:
            return ""
        month, sids = max(votes.items(), key=lambda kv: (len(kv[1]), kv[0]))
        return f"; dated {month} by {cite.cite_all(sids, 2)}"

    def _summary_items(self) -> tuple[Items, Items]:
        """(expected back, new cast): label and the sentence to cite, best supported first."""
        if self._summary is None:
            ctx, store = self.ctx, self.ctx.store
            back: list[tuple[int, str, int]] = []
            new: list[tuple[int, str, int]] = []
            for pair in store.pairs:
                support = len(pair.evidence)
                if pair.character_id is None:
                    label = f"{ctx.name(pair.actor_id)} (role not revealed)"
                    new.append((support, label, evidence(pair)[0]))
                    continue
                ids = (pair.actor_id, pair.character_id)
                yes = sorted(
                    {sid for i in ids for sid, neg, _ in store.returns.get(i, []) if not neg},
                    key=lambda s: (-ctx.published(s), s),
                )
                if yes:
                    label = f"{ctx.name(pair.character_id)} ({ctx.name(pair.actor_id)})"
                    back.append((support + len(yes), label, yes[0]))
            back.sort(key=lambda x: -x[0])
            new.sort(key=lambda x: -x[0])
            self._summary = ([(t, s) for _, t, s in back[:8]], [(t, s) for _, t, s in new[:5]])
        return self._summary

    def cast_summary(self, cite: Citer) -> list[Line]:
        """Who is expected back and who is new, each cited."""
        back, new = self._summary_items()
        out = []
        if back:
            out.append(
                Line(
                    "**Expected back:** "
                    + ", ".join(f"{t} {cite.cite(sid)}" for t, sid in back[:8]),
                    True,
                )
            )
        if new:
            out.append(
                Line("**New cast:** " + ", ".join(f"{t} {cite.cite(sid)}" for t, sid in new[:5]))
            )
        return out
