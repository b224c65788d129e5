"""`!ask`: a free question routed to a person, a status topic, a crew role or a lore topic,
else the best sentences anywhere, else an honest "I don't know"."""

from __future__ import annotations

import re

from bot.answers.cast import Cast
from bot.answers.context import Context
from bot.answers.lore import Lore
from bot.answers.matching import tokens
from bot.answers.status import Status
from bot.answers.types import Answer, Citer, Line
from bot.answers.wording import name_keys, shorten
from bot.facts.names import exact_key, fold_key

ASK_MIN_SCORE = 4.0  # BM25 score below which a free question is "I don't know"
EXAMPLE = "ask when will season 2 come out"


def intent_scores(q: str, table: dict[str, list[str]]) -> list[tuple[float, str]]:
    """Keys of a phrase table whose phrases occur in the question, most words matched first."""
    scored = []
    padded = f" {q} "
    for key, phrases in table.items():
        score = sum(len(p.split()) for p in phrases if f" {p} " in padded)
        if score:
            scored.append((float(score), key))
    return sorted(scored, key=lambda kv: -kv[0])


class Ask:
    """Free questions, answered by the command that knows the subject."""

    def __init__(self, ctx: Context, cast: Cast, status: Status, lore: Lore):
        self.ctx = ctx
        self.cast = cast
        self.status = status
        self.lore = lore

    def __call__(self, question: str) -> Answer:
        """A free question, answered from the best-supported facts."""
        ctx, store = self.ctx, self.ctx.store
        raw = question.strip()
        q = " ".join(re.findall(r"[\w'’-]+", raw.lower()))
        if not q:
            return Answer(
                "ask",
                False,
                None,
                "Ask me something",
                [Line(f"Ask a question, e.g. `{ctx.prefix}{EXAMPLE}`.")],
                suggestions=[f"{ctx.prefix}status", f"{ctx.prefix}cast On-jo"],
            )
        # 1. a person named in the question
        if (eid := self._person(q)) is not None:
            ans = self.cast(store.entities[eid].name)
            ans.command = "ask"
            return ans
        # 2. a Season 2 status topic, a crew role, or a lore topic
        status = intent_scores(q, store.vocab.get("ask.status", {}))
        roles = intent_scores(q, store.vocab.get("ask.roles", {}))
        lore = self._lore_intent(q)
        best = max(
            [(s, 3, "status", k) for s, k in status[:1]]
            + [(s, 2, "lore", k) for s, k in lore[:1]]
            + [(s, 1, "role", k) for s, k in roles[:1]],
            default=None,
        )
        if best is not None:
            _, _, kind, key = best
            if kind == "status" and (ts := ctx.topic(key)):
                cite = Citer(store)
                lines = self.status.topic_lines(ts, cite, full=True)
                if key == "cast":
                    lines.extend(self.status.cast_summary(cite))
                return Answer("ask", True, ts.label, ts.label, lines, cite.citations)
            if kind == "role" and (ids := ctx.m.roles.get(exact_key(key))):
                ans = self.cast.crew(ids, key)
                ans.command = "ask"
                return ans
            if kind == "lore":
                return self.lore.topic(key, "ask", q)
        # 3. the best sentences anywhere
        return self._search(q)

    def _person(self, q: str) -> str | None:
        """The first entity named exactly by one to three consecutive words."""
        words = q.split()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                chunk = " ".join(words[i : i + size])
                if len(fold_key(chunk)) < 4:
                    continue
                eid = self.ctx.m.names.exact_any(name_keys(chunk))
                if eid:
                    return eid
        return None

    def _lore_intent(self, q: str) -> list[tuple[float, str]]:
        words = set(tokens(q)) | set(q.split())
        out = []
        for t in self.ctx.store.lore_topics.values():
            score = 0.0
            for name in t.names:
                n = name.lower()
                if (" " in n and f" {n} " in f" {q} ") or n in words:
                    score = max(score, float(len(n.split())))
            if score:
                out.append((score, t.id))
        return sorted(out, key=lambda kv: -kv[0])

    def _search(self, q: str) -> Answer:
        ctx, store = self.ctx, self.ctx.store
        hits = [(sid, sc) for sid, sc in ctx.m.search.search(q, 3) if sc >= ASK_MIN_SCORE]
        if not hits:
            p = ctx.prefix
            return Answer(
                "ask",
                False,
                None,
                "I don't know",
                [
                    Line(
                        f"I don't know that from my sources. Try `{p}status`, "
                        f"`{p}cast <name>` or `{p}lore <topic>`."
                    )
                ],
                suggestions=[f"{p}status", f"{p}cast", f"{p}lore"],
            )
        cite = Citer(store)
        top = hits[0][1]
        chosen = [sid for sid, sc in hits if sc >= top * 0.6][:2]
        lines = [
            Line(
                f"• {shorten(store.sentences[s].display, 300)} {cite.cite(s)}",
                store.sentences[s].spoiler,
            )
            for s in chosen
        ]
        return Answer("ask", True, None, "What the sources say", lines, cite.citations)
