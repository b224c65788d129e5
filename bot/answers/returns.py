"""Whether a character returns in Season 2, in the sources' own terms: confirmed, expected,
only speculated, or doubted."""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.types import Answer, Citer, Line
from bot.answers.wording import shorten
from bot.facts.store import PairRow


class Returns:
    """Return evidence per cast pair, worded as strongly as the sources word it."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._terms: dict[str, list[str]] | None = None
        self._stances: dict[int, str] = {}

    def return_stance(self, sid: int) -> str:
        """'confirmed', 'expected' or 'speculated': how a sentence words a return."""
        if sid not in self._stances:
            self._stances[sid] = self._stance(sid)
        return self._stances[sid]

    def _stance(self, sid: int) -> str:
        if self._terms is None:  # plain word-bounded lookups: no regex to compile per process
            terms = self.ctx.store.vocab.get("ask.return_terms", {})
            self._terms = {k: [f" {t.lower()} " for t in v] for k, v in terms.items()}
        text = self.ctx.store.sentences[sid].display.lower().replace("’", "'")
        padded = " " + re.sub(r"[^\w']+", " ", text) + " "
        for stance in ("speculated", "confirmed"):
            if any(t in padded for t in self._terms.get(stance, [])):
                return stance
        return "expected"

    def evidence(self, pair: PairRow) -> tuple[str, list[int], list[int]] | None:
        """The strongest return wording for a pair, the sentences that use it, and every
        sentence on the return (newest first)."""
        ctx, store = self.ctx, self.ctx.store
        ids = {pair.actor_id, pair.character_id} - {None}
        # Both lists are newest first; only the leading ones are ever cited.
        ev = sorted(
            {e for i in ids for e in store.returns.get(i, [])[:50]},
            key=lambda e: (-ctx.published(e[0]), e[0]),
        )
        yes = [sid for sid, neg, _ in ev if not neg]
        if not yes:
            no = [sid for sid, neg, _ in ev if neg]
            return ("doubted", no, no) if no else None
        by: dict[str, list[int]] = {}
        for sid in yes:
            by.setdefault(self.return_stance(sid), []).append(sid)
        best = next(k for k in ("confirmed", "expected", "speculated") if k in by)
        return best, by[best], yes

    def line(self, pair: PairRow, cite: Citer) -> Line | None:
        if pair.character_id is None:
            return None
        who = self.ctx.store.entities[pair.character_id].name
        found = self.evidence(pair)
        if found is None:
            return Line(f"Season 2: no source says whether {who} returns.")
        stance, sids, every = found
        text = {
            "confirmed": f"Season 2: sources say {who} returns (confirmed)",
            "expected": f"Season 2: {who} returns — expected, not confirmed",
            "speculated": f"Season 2: {who} returns — only speculated",
            "doubted": f"Season 2: sources doubt {who} returns",
        }[stance]
        spec = [s for s in every if self.return_stance(s) == "speculated"]
        also = (
            f"; elsewhere called speculation {cite.cite_all(spec, 2)}"
            if spec and stance in ("expected", "confirmed")
            else ""
        )
        return Line(f"{text} {cite.cite_all(sids)}{also}", cite.spoiler(every[:3]))

    def answer(self, eid: str) -> Answer:
        """Whether a character (or an actor's character) returns, in the sources' own terms."""
        ctx = self.ctx
        name = ctx.name(eid)
        pairs = [p for p in ctx.pairs_for(eid) if p.character_id]
        cite = Citer(ctx.store)
        lines: list[Line] = []
        for pair in pairs[:1]:
            if (line := self.line(pair, cite)) is not None:
                lines.append(line)
            found = self.evidence(pair)
            for sid in found[1][:2] if found else []:
                row = ctx.store.sentences[sid]
                lines.append(Line(f"• {shorten(row.display, 260)} {cite.cite(sid)}", row.spoiler))
        if not lines:
            return Answer(
                "cast", False, name, name, [Line(f"No source says whether {name} returns.")]
            )
        return Answer("cast", True, name, f"{name} in Season 2", lines, cite.citations)
