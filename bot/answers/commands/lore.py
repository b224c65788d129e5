"""`!lore`: what the articles say about a topic, a character, or any word they explain.

Self-contained informative sentences rank above fragments, captions, sign-offs and rhetoric;
hedged or speculative sentences are marked as such in the reply.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers.context import Context
from bot.answers.evidence.gathering.subjects import Subjects
from bot.answers.reading.matching import tokens
from bot.answers.reading.wording import (
    balanced,
    name_keys,
    safe_echo,
    shorten,
    without_dangling_list,
)
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.names import fold_key

MAX_LINES = 3
FILLER = -3.0  # a quality at or below this is shown only when nothing better exists
# A fact whose topic words are this much thinner than the best fact's (one passing word in a
# long sentence on something else: "…to cure abnormalities…" under the cure) stays out.
FOCUS_SHARE = 0.3


def fact_lines(
    ctx: Context,
    sids: list[int],
    cite: Citer,
    limit: int = 300,
    facts: frozenset[int] = frozenset(),
) -> list[Line]:
    """One bullet per sentence, cited; speculative wording marked as speculation. A sentence
    opening on a pronoun is shown after the short sentence naming who it means ("Last we saw
    Cheong San. He perished…"), both cited. facts: sentences whose part that answers the
    question is plain fact, never marked (a count beside a guess about renewal)."""
    out = []
    for s in sids:
        store = ctx.store
        row = store.sentences[s]
        mark = "(speculation) " if ctx.check.traits(s).speculative and s not in facts else ""
        text = balanced(without_dangling_list(row.display))
        spoiler = row.spoiler
        marks = cite.cite(s)
        near = ctx.check.near
        ref = near.referent(s)
        if ref is not None and ref not in sids:
            before = store.sentences[ref]
            text = f"{before.display} {text}"
            marks = cite.cite_all([ref, s])
            spoiler = spoiler or before.spoiler
        if (after := near.follower(s)) is not None and after not in sids:
            # a sentence introducing a quote or a list is shown with it, not cut before it
            text = f"{text} {store.sentences[after].display}"
            marks = cite.cite_all([s, after] if ref is None else [ref, s, after])
            spoiler = spoiler or store.sentences[after].spoiler
        elif ref is None:
            # a quotation split across sentences is shown whole ('"Will we survive again?'
            # before '…," read the caption.'), unless a part of it is a line of its own
            opened, closed = near.quoted(s)
            span = [*opened, s, *closed]
            if len(span) > 1 and not set(span) & (set(sids) - {s}):
                text = balanced(" ".join(store.sentences[i].display for i in span))
                marks = cite.cite_all(span, len(span))
                spoiler = any(store.sentences[i].spoiler for i in span)
        out.append(Line(f"• {mark}{shorten(text, limit)} {marks}", spoiler))
    return out


def distinct(ctx: Context, ranked: list[int], limit: int = MAX_LINES) -> list[int]:
    """The first `limit` sentences that do not repeat one another; filler only as a last resort."""
    chosen: list[int] = []
    seen: set[str] = set()
    for pass_filler in (False, True):
        for sid in ranked:
            if len(chosen) == limit:
                return chosen
            low = ctx.check.traits(sid).quality <= FILLER
            if low != pass_filler or sid in chosen:
                continue
            key = ctx.store.sentences[sid].display.lower()[:60]
            if key not in seen:
                seen.add(key)
                chosen.append(sid)
        if chosen:
            break
    return chosen


class Lore:
    """Lore by topic, by character, or by any phrase the articles use."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.subjects = Subjects(ctx, self.worth)
        self._token_cache: dict[int, list[str]] = {}
        self._later = None  # the later-season reader, built when a query names one
        self._words: dict[int, list[str]] = {}  # each ranked sentence's words, read once

    def __call__(self, query: str) -> Answer:
        """Topic, character, or explained phrase; empty -> the topics known."""
        ctx = self.ctx
        query = query.strip()
        if not query:
            lines = [
                Line(f"{t.label}: `{ctx.prefix}lore {t.names[0] if t.names else t.id}`")
                for t in ctx.store.lore_topics.values()
                if ctx.store.lore.get(t.id)
            ]
            return Answer("lore", True, None, "Lore topics I know", lines)
        if (later := self.later_season(query)) is not None:
            return later
        match = ctx.m.lore.lookup(fold_key(query))
        if match.id and match.score >= 100.0:
            return self.topic(match.id, "lore", query)
        if eid := ctx.m.names.exact_any(name_keys(query)):
            return self.entity(eid, "lore")
        if (phrase := self.phrase(query, "lore")) is not None:
            return phrase
        if match.id is None and " " in query:
            hit = ctx.m.lore.lookup(fold_key(query.split()[0]))
            match = hit if hit.id else match
        if match.id is not None:
            return self.topic(match.id, "lore", query)
        person = ctx.m.names.lookup_any(name_keys(query))
        if person.id:
            return self.entity(person.id, "lore")
        return ctx.not_found(
            "lore", query, match, "a lore topic", f"Try `{ctx.prefix}lore` for the topics I know."
        )

    def topic(
        self, topic: str, command: str, query: str = "", keep=None, limit: int = MAX_LINES
    ) -> Answer:
        """Up to `limit` distinct facts on one topic, focused informative sentences first.
        keep: an optional filter (answer-type checking) a fact must pass."""
        ctx, store = self.ctx, self.ctx.store
        row = store.lore_topics[topic]
        label = row.label
        stems = [w[:4] for w in re.findall(r"\w+", query.lower()) if len(w) >= 4]
        # A word inside a broad topic ("quarantine" in the outbreak) wants the facts using it.
        broad = fold_key(query) in {fold_key(n) for n in (row.id, row.label, *row.names[:1])}

        focus: dict[int, float] = {}

        def rank(fact: tuple[int, float]) -> tuple[bool, float, int]:
            sid, score = fact
            words = self._words.get(sid)
            if words is None:
                words = self._words[sid] = re.findall(r"\w+", store.sentences[sid].display.lower())
            hits = sum(any(w.startswith(st) for w in words) for st in stems)
            # A focused sentence beats a long one that mentions the topic in passing.
            focus[sid] = score / (1 + len(words) / 40)  # the topic's own words, for the cut
            near = (score + 3.0 * hits) / (1 + len(words) / 40)
            return (not (broad or hits), -(near + 1.5 * self.worth(sid)), sid)

        facts = [f for f in store.lore.get(topic, [])[:60] if keep is None or keep(f[0])]
        ranked = [sid for sid, _ in sorted(facts, key=rank)]
        chosen = distinct(ctx, ranked, limit)
        top = max((focus[s] for s in chosen), default=0.0)
        chosen = [s for i, s in enumerate(chosen) if i == 0 or focus[s] >= FOCUS_SHARE * top]
        if not chosen:
            return Answer(command, False, label, label, [Line(f"No source explains {label} yet.")])
        cite = Citer(store)
        return Answer(command, True, label, label, fact_lines(ctx, chosen, cite), cite.citations)

    def later_season(self, query: str) -> Answer | None:
        """`!lore season 3`: what the sources say of a season after the second, as `!status
        season 3` reads it; None when the query names no such season."""
        from bot.answers.commands.status import Status  # only a later season needs it
        from bot.answers.commands.status_args import StatusArgument

        if self._later is None:
            self._later = StatusArgument(self.ctx, Status(self.ctx))
        season = self._later.season(query)
        if season is None or season <= 2:
            return None
        return replace(self._later.later_season(season), command="lore")

    def worth(self, sid: int) -> float:
        """How well a sentence serves as lore: informative and plain beats a writer's guesswork
        (someone's own hedged words, such as the director's hints, are still worth quoting)."""
        return self.ctx.check.worth(sid)

    def entity(self, eid: str, command: str) -> Answer:
        """What the articles say about one character or person: fate, role, relationships."""
        ctx = self.ctx
        name = ctx.name(eid)
        chosen = distinct(ctx, self.subjects.about(eid), 4)
        if not chosen:
            return Answer(command, False, name, name, [Line(f"No source says more about {name}.")])
        cite = Citer(ctx.store)
        title = f"{name}: what the sources say"
        return Answer(command, True, name, title, fact_lines(ctx, chosen, cite), cite.citations)

    def _tokens(self, sid: int) -> list[str]:
        if sid not in self._token_cache:
            self._token_cache[sid] = tokens(self.ctx.store.sentences[sid].display)
        return self._token_cache[sid]

    def phrase(self, query: str, command: str) -> Answer | None:
        """Any word or phrase the articles use, as a lore query: the focused sentences on it."""
        ctx = self.ctx
        want = set(tokens(query))
        if not want:
            return None
        hits = self._phrase_hits(query, want)
        # a name an article writes solid ("GeekedWeek") is typed as words ("geeked week")
        solid = "".join(re.findall(r"\w+", query))
        if not hits and len(want) > 1 and (whole := set(tokens(solid))):
            hits = self._phrase_hits(solid, whole)
        if not hits:
            return None
        chosen = distinct(ctx, [sid for _, sid in sorted(hits, key=lambda h: (-h[0], h[1]))])
        cite = Citer(ctx.store)
        shown = safe_echo(query, 40)
        return Answer(
            command,
            True,
            shown,
            f"“{shown}” in the sources",
            fact_lines(ctx, chosen, cite),
            cite.citations,
        )

    def _phrase_hits(self, query: str, want: set[str]) -> list[tuple[float, int]]:
        """The sentences printing every word of `want`, each with how focused on them it is."""
        hits = []
        for sid, score in self.ctx.m.search.search(query, 40):
            words = self._tokens(sid)
            if not want <= set(words):
                continue
            first = min(words.index(w) for w in want)
            focus = score / (1 + len(words) / 40) - first / 20
            hits.append((focus + self.worth(sid), sid))
        return hits
