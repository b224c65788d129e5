"""What one cast claim says, from the store's cast pairs and return evidence for its sentence:
"Nam On-jo returning (confirmed)", "Roh Yoon-seo new, role not revealed", "cast list: …".

The claim itself only says "cast news"; the people it names are in the pairs and returns the
builder read from the same sentence, so the timeline words each line from those.
"""

from __future__ import annotations

from bot.answers.context import Context
from bot.answers.evidence.people.returns import Returns
from bot.facts.store import ClaimRow

LIST_AT = 3  # this many people brought back in one sentence make it a cast list
NAMES_SHOWN = 3  # names a cast list prints before counting the rest


def _return_words(stance: str, negated: bool, hedged: int) -> str:
    if negated:
        return "return doubted" if hedged else "not returning"
    return {"confirmed": "returning (confirmed)", "expected": "expected back"}.get(
        stance, "return only speculated"
    )


class CastClaims:
    """Labels for the claims of the cast topic, one sentence at a time (cached)."""

    def __init__(self, ctx: Context, returns: Returns):
        self.ctx = ctx
        self.returns = returns
        self._by_sentence: dict[int, tuple[list[tuple[str, str]], list[str], list[str]]] | None
        self._by_sentence = None

    def _index(self) -> dict[int, tuple[list[tuple[str, str]], list[str], list[str]]]:
        """sentence id -> (people back: (name, words)), new cast lines, other people named."""
        if self._by_sentence is not None:
            return self._by_sentence
        ctx, store = self.ctx, self.ctx.store
        index: dict[int, tuple[list[tuple[str, str]], list[str], list[str]]] = {}

        def slot(sid: int):
            return index.setdefault(sid, ([], [], []))

        paired: dict[str, str] = {}  # actor or character id -> the name a line uses
        newcomers: dict[str, str] = {}  # a new face's actor or character id -> its line
        for pair in store.pairs:
            if pair.new_cast or pair.character_id is None:
                actor = ctx.name(pair.actor_id)
                role = (
                    f"new as {ctx.name(pair.character_id)}"
                    if pair.character_id
                    else "new, role not revealed"
                )
                for sid, _ in pair.evidence:
                    slot(sid)[1].append(f"{actor} {role}")
                if pair.new_cast:
                    newcomers[pair.actor_id] = f"{actor} {role}"
                    if pair.character_id:
                        newcomers[pair.character_id] = f"{actor} {role}"
                continue
            name = ctx.name(pair.character_id)
            paired[pair.character_id] = paired[pair.actor_id] = name
            for sid, _ in pair.evidence:
                slot(sid)[2].append(name)
        for eid, rows in store.returns.items():
            if eid not in store.entities:
                continue
            name = paired.get(eid) or ctx.name(eid)
            for sid, negated, hedged in rows:
                if eid in newcomers and not negated:
                    # a new face "also in" the season joins it: new, never "returning"
                    if newcomers[eid] not in slot(sid)[1]:
                        slot(sid)[1].append(newcomers[eid])
                    continue
                back = slot(sid)[0]
                if all(n != name for n, _ in back):
                    stance = self.returns.return_stance(sid, hedged)
                    back.append((name, _return_words(stance, negated, hedged)))
        self._by_sentence = index
        return index

    def label(self, claim: ClaimRow) -> str | None:
        """What the claim's sentence says of whom, or None when it names nobody the store
        pairs (the topic's own label then reads it: "No further cast announced")."""
        back, new, named = self._index().get(claim.sentence_id, ([], [], []))
        if len(back) >= LIST_AT:
            names = [n for n, _ in back]
            more = f" +{len(names) - NAMES_SHOWN}" if len(names) > NAMES_SHOWN else ""
            words = {w for _, w in back}
            how = f" ({words.pop()})" if len(words) == 1 else ""
            return f"Cast list{how}: {', '.join(names[:NAMES_SHOWN])}{more}"
        parts = [f"{n} {w}" for n, w in back] + new
        if parts:
            return "; ".join(parts[:2]) + (f" +{len(parts) - 2}" if len(parts) > 2 else "")
        named = list(dict.fromkeys(named))
        if named:
            return f"Cast news: {', '.join(named[:NAMES_SHOWN])}"
        return None
