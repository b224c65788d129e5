"""`!status`: the short Season 2 digest, and `!status <topic>`: one topic's timeline.

The digest fits a phone screen: one line per topic (state, date, footnote), where sources
disagree a pointer to the topic's timeline, and who is expected back. The timeline lists every
claim on one topic newest first, each with its date and footnote, disagreements side by side.
"""

from __future__ import annotations

from functools import cached_property

from rapidfuzz import fuzz, process

from bot.answers.context import Context
from bot.answers.evidence.people.returns import CastSummary, Returns
from bot.answers.evidence.status.cast_claims import CastClaims
from bot.answers.evidence.status.conditions import conditional
from bot.answers.evidence.status.digest import (
    TopicStatus,
    age,
    line_label,
    progress,
    state_label,
)
from bot.answers.reading.wording import safe_echo, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.names import fold_key
from bot.facts.store import ClaimRow

DIGEST_LIMIT = 1200  # characters of the digest's description: a phone screen
TIMELINE_CLAIMS = 12  # claims listed in a topic timeline; older ones are counted
CAST_TIMELINE_CLAIMS = 4  # `!status cast` also lists who is back and who is new
TOPIC_CUTOFF = 80  # rapidfuzz score a typed topic must reach ("trailers", "filmin")
# Sub-commands of `!status` that are not topics; a near miss is pointed at them, not a topic.
SUBCOMMANDS = ("subscribe", "unsubscribe", "subscriptions")


class Topics:
    """Status topic names as fans type them, and the reply to one that is not a topic."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._names: dict[str, str] | None = None

    def names(self) -> dict[str, str]:
        """What a fan may type for each topic -> topic id: its id, its label, and the phrases
        the lexicon points `!ask` questions at it with."""
        if self._names is None:
            store = self.ctx.store
            names: dict[str, str] = {}
            phrases = store.vocab.get("ask.status", {})
            for tid, t in store.status_topics.items():
                for name in [tid, t.label, *t.names, *phrases.get(tid, [])]:
                    names.setdefault(fold_key(name), tid)
            self._names = {k: v for k, v in names.items() if k}
        return self._names

    def lookup(self, query: str) -> str | None:
        """The status topic a typed name means: exact, singular, prefix, then fuzzy."""
        names = self.names()
        key = fold_key(query)
        for k in (key, key.removesuffix("s"), key.removesuffix("es")):
            if k in names:
                return names[k]
        if any(fuzz.ratio(key, sub) >= TOPIC_CUTOFF for sub in SUBCOMMANDS):
            return None
        if len(key) >= 3:
            starts = sorted(n for n in names if n.startswith(key))
            if starts:
                return names[starts[0]]
        hit = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=TOPIC_CUTOFF)
        return names[hit[0]] if hit else None

    def topics(self) -> list[str]:
        """Topic ids the sources speak to, in the lexicon's order (for autocomplete)."""
        return [t for t in self.ctx.store.status_topics if self.ctx.topic(t)]

    def unknown(self, query: str) -> Answer:
        p = self.ctx.prefix
        key = fold_key(query.split()[0])
        near = [s for s in SUBCOMMANDS if fuzz.ratio(key, s) >= TOPIC_CUTOFF]
        hint = f" Did you mean `{p}status {near[0]}`?" if near else ""
        listed = ", ".join(f"`{t}`" for t in self.topics())
        return Answer(
            "status",
            False,
            None,
            "Not a status topic",
            [
                Line(f"I don't know a status topic called “{safe_echo(query, 40)}”.{hint}"),
                Line(f"Try `{p}status` or one of: {listed}."),
            ],
            suggestions=[f"{p}status {t}" for t in self.topics()],
        )


class Status:
    """The digest, one topic's timeline, and the topic lines `!ask` reuses."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.names = Topics(ctx)
        returns = Returns(ctx)
        self.cast = CastSummary(ctx, returns)
        self.cast_claims = CastClaims(ctx, returns)

    def topic_for(self, query: str) -> str | None:
        """The status topic a typed name means, or None."""
        return self.names.lookup(query)

    def topics(self) -> list[str]:
        """Topic ids the sources speak to (for autocomplete and hints)."""
        return self.names.topics()

    def cast_summary(self, cite: Citer) -> list[Line]:
        """Who is expected back and who is new, complete, each name with its footnote."""
        return self.cast.lines(cite)

    def warm(self) -> None:
        """Compute every topic's digest, the cast summary and the topic names now."""
        for topic in self.ctx.store.status_topics:
            self.ctx.topic(topic)
        self.cast.items()
        self.names.names()

    def __call__(self, query: str = "") -> Answer:
        """No argument: the digest. A topic name (fuzzy): that topic's timeline."""
        words = query.strip().split()
        if words[:1] and words[0].lower() == "show":  # `/status show` is the slash fallback
            words = words[1:]
        query = " ".join(words)
        if not query:
            return self.digest()
        topic = self.topic_for(query)
        if topic is None:
            return self.argument(query)
        return self.timeline(topic)

    @cached_property
    def argument(self):
        """`!status <person | season 3 | anything else>`: bot/answers/commands/status_args.py."""
        from bot.answers.commands.status_args import StatusArgument

        return StatusArgument(self.ctx, self)

    # --- the digest ----------------------------------------------------------------------

    def as_of(self) -> Line:
        newest = self.ctx.store.newest_source
        est = " (estimated)" if newest.estimated else ""
        old = age(newest.published, self.ctx.today())
        old = "published today" if old == "today" else old.removesuffix(" ago") + " old"
        return Line(
            f"As of {newest.published}{est}, {old} (the newest source; newer news may exist)."
        )

    def digest(self) -> Answer:
        """One line per topic, the as-of line, and who is expected back: a phone screen."""
        ctx = self.ctx
        cite = Citer(ctx.store)
        lines = [self.as_of()]
        for ts in filter(None, map(ctx.topic, ctx.store.status_topics)):
            if ts.topic != "cast":  # the cast is summed up from cast pairs below
                lines.append(self._digest_line(ts, cite))
        budget = DIGEST_LIMIT - sum(len(line.text) + 1 for line in lines)
        lines.extend(self.cast.short(cite, budget))
        lines.append(
            Line(f"Details: `{ctx.prefix}status <topic>`, e.g. `{ctx.prefix}status trailer`.")
        )
        return Answer("status", True, None, "Season 2 status", lines, cite.citations)

    def _digest_line(self, ts: TopicStatus, cite: Citer) -> Line:
        disputed = f" (disputed, see `{self.ctx.prefix}status {ts.topic}`)" if ts.disputed else ""
        return Line(self._now(ts, cite) + disputed)

    def _now(self, ts: TopicStatus, cite: Citer, head: str = "") -> str:
        """'**Filming:** Filming wrapped, May 2025 · 2025-06-20 [1]': the deciding claim's
        state, value, date and footnote; agreeing sources are footnoted too only when they
        print the same value (or the line shows none)."""
        lead = ts.lead
        if ts.topic == "cast" and (said := self.cast_claims.now(ts.timeline)) is not None:
            # the cast's news is whom its newest deciding claim brings back or adds
            claim, words = said
            return (
                f"**{head or ts.label}:** {words} · {self.ctx.date(claim.source_id)} "
                f"{cite.cite(claim.sentence_id)}"
            )
        same = [c.sentence_id for c in ts.printing]
        ids = [lead.sentence_id, *([ts.dated.sentence_id] if ts.dated else []), *same]
        marks = cite.cite_all(ids, 3)
        return (
            f"**{head or ts.label}:** {line_label(self.ctx.store, ts)} · "
            f"{self.ctx.date(lead.source_id)} {marks}"
        )

    # --- one topic -----------------------------------------------------------------------

    def timeline(self, topic: str) -> Answer:
        """Every claim on one topic, newest first, disagreements side by side."""
        ctx = self.ctx
        label = ctx.store.status_topics[topic].label
        ts = ctx.topic(topic)
        title = f"Season 2 status: {label}"
        if ts is None:
            return Answer(
                "status", False, label, title, [Line(f"No source says anything on {label} yet.")]
            )
        cite = Citer(ctx.store)
        if topic == "cast":  # the claims briefly, then who is back and who is new
            lines = [
                self.as_of(),
                *self.topic_lines(ts, cite, limit=CAST_TIMELINE_CLAIMS, width=100),
            ]
            lines.extend(self.cast_summary(cite))
        else:
            lines = [self.as_of(), *self.topic_lines(ts, cite, limit=TIMELINE_CLAIMS)]
        return Answer("status", True, label, title, lines, cite.citations)

    def topic_lines(
        self,
        ts: TopicStatus,
        cite: Citer,
        full: bool = False,
        limit: int | None = None,
        width: int = 150,
    ) -> list[Line]:
        """One topic: where it stands now, any disagreement side by side, then its claims
        newest first with date, footnote and a short quote (`limit` of them; fewer unless
        `full`, as `!ask` wants an answer rather than the whole timeline)."""
        store = self.ctx.store
        lead = ts.lead
        out = [Line(self._now(ts, cite, head="Now"))]
        if ts.disputed:
            sides = list(dict.fromkeys(self._side(c, cite) for c in [lead, *ts.disputed[:3]]))
            out.append(Line("**Sources disagree:** " + " vs ".join(sides)))
        elif ts.overruled:
            sides = list(dict.fromkeys(self._side(c, cite) for c in ts.overruled[:3]))
            out.append(
                Line(
                    "**Older reports differ:** "
                    + "; ".join(sides)
                    + f" (the newer {self.ctx.date(lead.source_id)} source decides)"
                )
            )
        # An answer to a question leaves out an old "not yet" that newer news superseded (a
        # "not yet" is only as good as its date); a timeline keeps it.
        none = progress(store, ts.topic)[:1]
        claims = ts.timeline
        if full:  # an answer: one line per state the topic went through, the best dated one
            claims = [
                c
                for c in claims
                if c is lead or c.published >= lead.published or c.state not in none
            ]
            best: dict[str, ClaimRow] = {}
            for c in claims:
                if c.state not in best or (c.value and not best[c.state].value):
                    best[c.state] = c
            keep = {id(c) for c in best.values()} | {id(lead)}
            claims = [c for c in claims if id(c) in keep]
        limit = limit or (6 if full else 4)
        for c in claims[:limit]:
            s = store.sentences[c.sentence_id]
            out.append(
                Line(
                    f"• {self.ctx.date(c.source_id)} — {self._claim_label(c)} "
                    f"{cite.cite(c.sentence_id)}: “{shorten(s.display, width)}”",
                    s.spoiler,
                )
            )
        if len(claims) > limit:
            out.append(Line(f"…and {len(claims) - limit} older claims."))
        return out

    def _claim_label(self, c: ClaimRow) -> str:
        """A claim as a timeline line reads it; a cast claim by whom it names and how."""
        said = self.cast_claims.label(c) if c.topic == "cast" else None
        if said is None:
            return state_label(self.ctx.store, c)
        return said + (" (conditional)" if conditional(self.ctx.store, c) else "")

    def _side(self, c: ClaimRow, cite: Citer) -> str:
        when = self.ctx.date(c.source_id)
        return f"{state_label(self.ctx.store, c)} ({when}) {cite.cite(c.sentence_id)}"
