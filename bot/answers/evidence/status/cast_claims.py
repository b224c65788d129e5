"""What one cast claim says, from the store's cast pairs and return evidence for its sentence:
"Nam On-jo returning (confirmed)", "Roh Yoon-seo new, role not revealed", "cast list: …";
and which claim is the cast's news now, in the words `!cast` uses ("Nam On-jo returns
(confirmed)", "Roh Yoon-seo is new to the cast").

The claim itself only says "cast news"; the people it names are in the pairs and returns the
builder read from the same sentence, so the timeline words each line from those.
"""

from __future__ import annotations

from bot.answers.context import Context
from bot.answers.evidence.people.returns import Returns, opening
from bot.facts.store import ClaimRow

LIST_AT = 3  # this many people brought back in one sentence make it a cast list
NAMES_SHOWN = 3  # names a cast list prints before counting the rest


def _return_words(stance: str, negated: bool, hedged: int) -> str:
    if negated:
        return "return doubted" if hedged else "not returning"
    return {"confirmed": "returning (confirmed)", "expected": "expected back"}.get(
        stance, "return only speculated"
    )


# The same, as `!cast` words a return (its verb agrees with one name or several).
_CAST_WORDS = {
    "returning (confirmed)": ("returns (confirmed)", "return (confirmed)"),
    "expected back": ("returns — expected, not confirmed", "return — expected, not confirmed"),
    "return only speculated": ("returns — only speculated", "return — only speculated"),
    "not returning": ("does not return", "do not return"),
    "return doubted": ("— sources doubt the return", "— sources doubt the return"),
}


def _as_cast_says(back: list[tuple[str, str]], new: list[str]) -> str:
    """'Nam On-jo, Choi Nam-ra +5 return (confirmed); Lee Cheong-san returns — expected, not
    confirmed': the people a claim brings back, grouped by how firmly, then who is new."""
    groups: dict[str, list[str]] = {}
    for name, words in back:
        groups.setdefault(words, []).append(name)
    parts = []
    for words, names in groups.items():
        shown = ", ".join(names[:NAMES_SHOWN])
        more = f" +{len(names) - NAMES_SHOWN}" if len(names) > NAMES_SHOWN else ""
        one, many = _CAST_WORDS[words]
        parts.append(f"{shown}{more} {one if len(names) == 1 else many}")
    for line in new:  # "Roh Yoon-seo new, role not revealed" -> "... is new to the cast (...)"
        who, _, role = line.partition(" new")
        role = role.strip(" ,")
        parts.append(f"{who} is new to the cast" + (f" ({role})" if role else ""))
    return "; ".join(parts[:3]) + (f" +{len(parts) - 3}" if len(parts) > 3 else "")


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

        where: dict[int, dict[str, int]] = {}  # sentence -> name shown -> where it is printed
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
            for line_sid, negated, hedged in rows:
                # a list's line is news of the sentence that opens the list
                sid = opening(store, line_sid) or line_sid
                if eid in newcomers and not negated:
                    # a new face "also in" the season joins it: new, never "returning"
                    if newcomers[eid] not in slot(sid)[1]:
                        slot(sid)[1].append(newcomers[eid])
                    continue
                back = slot(sid)[0]
                stance = self.returns.return_stance(sid, hedged)
                words = _return_words(stance, negated, hedged)
                at = next((i for i, (n, _) in enumerate(back) if n == name), None)
                if at is None:
                    back.append((name, words))
                    where.setdefault(sid, {})[name] = self._at(eid, sid, rows)
                elif words != back[at][1] and hedged > 0:
                    back[at] = (name, words)  # actor and role worded apart: the cautious one
                else:
                    where[sid][name] = min(where[sid][name], self._at(eid, sid, rows))
        for sid, (back, _, _) in index.items():
            # in the order the sentence prints them (its own news first, then its list)
            back.sort(key=lambda b, sid=sid: where.get(sid, {}).get(b[0], 0))
        self._by_sentence = index
        return index

    def _at(self, eid: str, sid: int, rows) -> int:
        """Where a sentence prints an entity (any of its names); past its end, for one its
        list prints in a line after it, as far as that line is."""
        store = self.ctx.store
        row, text = store.entities.get(eid), store.sentences[sid].display
        names = [row.name, *row.aliases] if row else []
        found = [i for n in names if (i := text.find(n)) >= 0]
        after = [r[0] - sid for r in rows if r[0] > sid]
        return min(found) if found else len(text) + min(after, default=len(store.sentences))

    def now(self, claims: list[ClaimRow]) -> tuple[ClaimRow, str] | None:
        """The newest claim (of claims, newest first) that decides something of the cast (a
        person's return or a new member), and what it says in the words `!cast` uses; None
        when the newest day's news names no one the store pairs (an older claim would not be
        the news now)."""
        newest = claims[0].published if claims else ""
        for claim in (c for c in claims if c.published == newest):
            back, new, _ = self._index().get(claim.sentence_id, ([], [], []))
            if back or new:
                return claim, _as_cast_says(back, new)
        return None

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
