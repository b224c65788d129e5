"""`!lore`: the best one to three facts on a lore topic, or the list of topics."""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.types import Answer, Citer, Line
from bot.answers.wording import shorten
from bot.facts.names import fold_key


class Lore:
    """Lore facts by topic, reranked by the words of the query."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def __call__(self, query: str) -> Answer:
        """The best one to three facts on a lore topic; empty -> the topics known."""
        ctx = self.ctx
        query = query.strip()
        if not query:
            lines = [
                Line(f"{t.label}: `{ctx.prefix}lore {t.names[0] if t.names else t.id}`")
                for t in ctx.store.lore_topics.values()
                if ctx.store.lore.get(t.id)
            ]
            return Answer("lore", True, None, "Lore topics I know", lines)
        match = ctx.m.lore.lookup(fold_key(query))
        if match.id is None:
            hit = ctx.m.lore.lookup(fold_key(query.split()[0])) if " " in query else match
            match = hit if hit.id else match
        if match.id is None:
            return ctx.not_found(
                "lore",
                query,
                match,
                "a lore topic",
                f"Try `{ctx.prefix}lore` for the topics I know.",
            )
        return self.topic(match.id, "lore", query)

    def topic(self, topic: str, command: str, query: str = "") -> Answer:
        """Up to three distinct facts on one topic, focused sentences first."""
        store = self.ctx.store
        label = store.lore_topics[topic].label
        stems = [w[:4] for w in re.findall(r"\w+", query.lower()) if len(w) >= 4]

        def rank(fact: tuple[int, float]) -> tuple[float, int]:
            sid, score = fact
            words = re.findall(r"\w+", store.sentences[sid].display.lower())
            hits = sum(any(w.startswith(st) for w in words) for st in stems)
            # A focused sentence beats a long one that mentions the topic in passing.
            return (-(score + 3.0 * hits) / (1 + len(words) / 40), sid)

        # Facts come best-scored first; the query's own words rerank the leading ones.
        facts = sorted(store.lore.get(topic, [])[:60], key=rank)
        if not facts:
            return Answer(command, False, label, label, [Line(f"No source explains {label} yet.")])
        cite = Citer(store)
        chosen, seen = [], set()
        for sid, _ in facts:
            key = store.sentences[sid].display.lower()[:60]
            if key in seen:
                continue
            seen.add(key)
            chosen.append(sid)
            if len(chosen) == 3:
                break
        lines = [
            Line(
                f"• {shorten(store.sentences[s].display, 300)} {cite.cite(s)}",
                store.sentences[s].spoiler,
            )
            for s in chosen
        ]
        return Answer(command, True, label, label, lines, cite.citations)
