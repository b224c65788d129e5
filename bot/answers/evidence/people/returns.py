"""Whether a character returns in Season 2, in the sources' own terms: confirmed, expected,
only speculated, doubted, or denied (a denial newer than every firmer word of a return)."""

from __future__ import annotations

from bot.answers.context import Context, evidence
from bot.answers.reading.wording import around, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.store import PairRow

Items = list[tuple[str, int]]  # (label, sentence id to cite)
STANCES = ("confirmed", "expected", "speculated", "denied")  # strongest first


def opening(store, sid: int) -> int | None:
    """The sentence that opens the list a bare line belongs to ("... the rest of the cast
    includes the following performers:" above "Lomon as Lee Su-hyeok"): the text sentence
    above a run of lines of the same article; None for a sentence of text."""
    rows = store.sentences
    row = rows.get(sid)
    if row is None or row.kind == "text":
        return None
    up = sid - 1
    while up in rows and rows[up].source_id == row.source_id and rows[up].kind != "text":
        up -= 1
    above = rows.get(up)
    if above is None or above.source_id != row.source_id:
        return None
    return up if above.display.rstrip().endswith(":") else None


class Returns:
    """Return evidence per cast pair, worded as strongly as the sources word it."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        # per pair, how each sentence words that pair's return: one sentence may word people
        # differently (a cast list firm for most, cautious for one its article doubts)
        self._stances: dict[tuple[str | None, str | None], dict[int, str]] = {}
        self._denials: set[int] = set()  # sentences that deny a return

    def return_stance(self, sid: int, hedged: int = 1) -> str:
        """'confirmed', 'expected' or 'speculated': how a sentence words a return, as the
        builder read it from the clause (hedged: 0 stated or confirmed, 1 planned or expected,
        2 rumoured or left unconfirmed)."""
        return ("confirmed", "expected", "speculated")[min(int(hedged), 2)]

    def _stance(self, pair: PairRow, sid: int) -> str:
        return self._stances.get((pair.actor_id, pair.character_id), {}).get(sid, "expected")

    def evidence(self, pair: PairRow) -> tuple[str, list[int], list[int]] | None:
        """The strongest return wording for a pair, the sentences that use it (the first to
        tell it first), and every sentence on the return (newest first)."""
        ctx, store = self.ctx, self.ctx.store
        ids = {pair.actor_id, pair.character_id} - {None}
        # Both lists are newest first; only the leading ones are ever cited.
        ev = sorted(
            {e for i in ids for e in store.returns.get(i, [])[:50]},
            key=lambda e: (-ctx.published(e[0]), e[0]),
        )
        stances: dict[int, str] = {}
        for sid, _, hedged in ev:  # actor and role worded apart: the more cautious word
            word = self.return_stance(sid, hedged)
            stances[sid] = max(word, stances.get(sid, word), key=STANCES.index)
        self._stances[(pair.actor_id, pair.character_id)] = stances
        yes = [sid for sid, neg, _ in ev if not neg]
        no = [sid for sid, neg, _ in ev if neg]
        self._denials.update(no)
        if not yes:
            if not no:
                return None
            # a denial stated outright ("X will not return, Netflix said") is one; a hedged
            # or reasoned one with no talk of a return before it only doubts
            stated = [sid for sid, neg, hedged in ev if neg and not hedged]
            return ("denied", self.first_told(stated)[:1], no) if stated else ("doubted", no, no)

        def outranks(n: int) -> bool:  # a denial no firmer word of a return came after
            return all(
                ctx.published(y) <= ctx.published(n) or stances[y] == "speculated" for y in yes
            )

        if no and outranks(no[0]):
            # a newer denial outranks older talk of a return, which is shown beside it; the
            # first such denial is the one footnoted
            return "denied", self.first_told([n for n in no if outranks(n)]), no + yes
        by: dict[str, list[int]] = {}
        for sid in yes:
            by.setdefault(stances[sid], []).append(sid)
        best = next(k for k in ("confirmed", "expected", "speculated") if k in by)
        return best, self.first_told(by[best]), yes

    def first_told(self, sids: list[int]) -> list[int]:
        """sids oldest first: the article that first told it is the one to footnote, those
        that later agree come after it (a restatement is not the news)."""
        return sorted(sids, key=lambda s: (self.ctx.published(s), s))

    def talk(self, sids: list[int]) -> list[int]:
        """The sentences among sids that speak of a return (not the denials)."""
        return [s for s in sids if s not in self._denials]

    def line(self, pair: PairRow, cite: Citer) -> Line | None:
        if pair.character_id is None:
            return None
        who = self.ctx.name(pair.character_id)
        if pair.new_cast:  # a new character does not "return": say it is new (first told first)
            sids = [sid for sid, _ in reversed(pair.evidence)]
            return Line(f"Season 2: {who} is new to the cast {cite.cite_all(sids, 2)}")
        found = self.evidence(pair)
        if found is None:
            return Line(f"Season 2: no source says whether {who} returns.")
        stance, sids, every = found
        text = {
            "confirmed": f"Season 2: sources say {who} returns (confirmed)",
            "expected": f"Season 2: {who} returns — expected, not confirmed",
            "speculated": f"Season 2: {who} returns — only speculated",
            "doubted": f"Season 2: sources doubt {who} returns",
            "denied": f"Season 2: {who} does not return, the newest source says (denied)",
        }[stance]
        spec = [s for s in every if self._stance(pair, s) == "speculated"]
        talk = self.talk(every)
        also = (
            f"; elsewhere called speculation {cite.cite_all(spec, 2)}"
            if spec and stance in ("expected", "confirmed")
            else f"; earlier talk of a return {cite.cite_all(talk, 2)}"
            if talk and stance == "denied"
            else ""
        )
        return Line(f"{text} {cite.cite_all(sids)}{also}", cite.spoiler(every[:3]))

    def _names(self, pair: PairRow) -> list[str]:
        """Every name the character and the actor go by (to show the part of a long line
        that prints them)."""
        rows = [self.ctx.store.entities.get(e) for e in (pair.character_id, pair.actor_id) if e]
        return [n for r in rows if r is not None for n in (r.name, *r.aliases)]

    def _quoted(self, sids: list[int], names: list[str]) -> list[int]:
        """The sentences to quote for a return, newest first, those that tell it of the person
        by name ahead (a cast list's intro names none of those it lists, and its lines are
        bare pairs: they come after)."""
        rows = self.ctx.store.sentences

        def own(sid: int) -> bool:
            row = rows[sid]
            text = row.display.lower()
            return row.kind == "text" and any(n.lower() in text for n in names)

        return sorted(sids, key=lambda sid: not own(sid))

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
            names = self._names(pair)
            # quoted newest first (the current wording); one denial is enough to quote
            newest = sorted(found[1], key=lambda s: (-ctx.published(s), s)) if found else []
            shown = self._quoted(newest, names)[: 1 if found and found[0] == "denied" else 2]
            if found and found[0] == "denied":  # the talk it denies, beside the denial
                shown += self.talk(found[2])[:1]
            # a list's bare line is quoted after the sentence that opens the list
            shown = list(dict.fromkeys(x for sid in shown for x in (opening(ctx.store, sid), sid)))
            for sid in [x for x in shown if x is not None][:3]:
                row = ctx.store.sentences[sid]
                text = around(row.display, names, 260)
                lines.append(Line(f"• {text} {cite.cite(sid)}", row.spoiler))
        new = [p for p in ctx.pairs_for(eid) if p.character_id is None]
        if not pairs and new:  # cast in a role not yet revealed: new to Season 2, no return
            sids = evidence(new[0])
            lines.append(
                Line(
                    f"Season 2: {name} joins as a new character; the role has not been revealed "
                    f"{cite.cite_all(sids)}"
                )
            )
            for sid in sids[:1]:
                row = ctx.store.sentences[sid]
                lines.append(Line(f"• {shorten(row.display, 260)} {cite.cite(sid)}", row.spoiler))
        if not lines:
            return Answer(
                "cast", False, name, name, [Line(f"No source says whether {name} returns.")]
            )
        return Answer("cast", True, name, f"{name} in Season 2", lines, cite.citations)


class CastSummary:
    """Who returns and who is new, from the cast pairs, each return in the same terms as
    `!cast` uses (confirmed, expected, only speculated): complete, or counted."""

    def __init__(self, ctx: Context, returns: Returns):
        self.ctx = ctx
        self.returns = returns
        self._summary: tuple[Items, Items] | None = None
        self.stance: dict[str, str] = {}  # a returning label -> its stance

    def items(self) -> tuple[Items, Items]:
        """(back, new cast): label and the sentence to cite; back by stance (confirmed first),
        then best supported."""
        if self._summary is None:
            ctx = self.ctx
            back: list[tuple[int, int, str, int]] = []
            new: list[tuple[int, str, int]] = []
            for pair in ctx.store.pairs:
                support = len(pair.evidence)
                if pair.character_id is None or pair.new_cast:
                    role = ctx.name(pair.character_id) if pair.character_id else "role not revealed"
                    label = f"{ctx.name(pair.actor_id)} ({role})"
                    # footnoted to the article that first announced it, not a restatement
                    new.append((support, label, evidence(pair)[-1]))
                    continue
                found = self.returns.evidence(pair)
                if found is None or found[0] not in STANCES:
                    continue
                stance, sids, every = found
                label = f"{ctx.name(pair.character_id)} ({ctx.name(pair.actor_id)})"
                self.stance[label] = stance
                # footnoted to the article that first told it, not a restatement
                back.append((STANCES.index(stance), -(support + len(every)), label, sids[0]))
            back.sort(key=lambda x: x[:2])
            new.sort(key=lambda x: -x[0])
            self._summary = ([(t, s) for *_, t, s in back], [(t, s) for _, t, s in new])
        return self._summary

    def grouped(self, names: list[str], labels: list[str]) -> str:
        """'confirmed: A; expected: B, C; only speculated: D' (names in the order given)."""
        groups: dict[str, list[str]] = {}
        for name, label in zip(names, labels, strict=True):
            groups.setdefault(self.stance.get(label, "expected"), []).append(name)
        words = {"speculated": "only speculated", "denied": "not back (denied)"}
        return "; ".join(f"{words.get(k, k)}: {', '.join(v)}" for k, v in groups.items())

    def lines(self, cite: Citer) -> list[Line]:
        """Who returns (by stance) and who is new, complete, each name with its footnote."""
        back, new = self.items()
        out = []
        if back:
            marked = [f"{t} {cite.cite(sid)}" for t, sid in back]
            out.append(Line(f"**Back:** {self.grouped(marked, [t for t, _ in back])}"))
        if new:
            out.append(
                Line("**New cast:** " + ", ".join(f"{t} {cite.cite(sid)}" for t, sid in new))
            )
        return out

    def short(self, cite: Citer, budget: int) -> list[Line]:
        """'Back: confirmed: A; expected: B, C +N more [1][2]': complete when it fits, else
        counted (the weakest named last, so they are the ones counted)."""
        back, new = self.items()
        out = []
        for label, items in (("Back", back), ("New cast", new)):
            if not items:
                continue
            # the digest names characters only; `!status cast` adds who plays them
            names = [t.split(" (")[0] if label == "Back" else t for t, _ in items]
            labels = [t for t, _ in items]

            def line(shown: int, marks: str, label=label, names=names, labels=labels) -> str:
                more = f" +{len(names) - shown} more" if shown < len(names) else ""
                listed = (
                    self.grouped(names[:shown], labels[:shown])
                    if label == "Back"
                    else ", ".join(names[:shown])
                )
                return f"**{label}:** {listed}{more} {marks}"

            # the most names that fit (a line grows with the names shown): binary search, with
            # room for a few footnotes; only the names shown are footnoted (their articles)
            room = "[00]" * min(len(items), 4)
            fits = max(budget // 2, 120)
            lo, hi = 1, len(names)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                lo, hi = (mid, hi) if len(line(mid, room)) <= fits else (lo, mid - 1)
            out.append(Line(line(lo, cite.cite_all([sid for _, sid in items[:lo]], lo))))
        return out
