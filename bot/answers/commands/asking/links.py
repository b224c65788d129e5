"""Stage: the command decides. A yes/no question that links two known things is answered
from the cast, crew and alias facts, not from sentences that merely name them.

"Is A the same person as B" (two names of one entity), "is <actor> <character>" (a cast
pair), "is <person> the <role>" (a crew role an article prints). The reply says yes or no
first, each side cited; with no such fact on either side it says nothing and `!ask` goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answers.commands.cast import Cast
from bot.answers.context import Context, evidence
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import closest_name, name_keys, safe_echo, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.names import exact_key, fold_key

# an alternative question: "…or the director", not a bare "…or not" / "or nah"
_EITHER = re.compile(r"\bor\s+(?!(?:not|nah|no|nope|what|smth|something)\b)\w")
_VERDICT = re.compile(r"^(?:Yes|No): ")

LINKING = frozenset({"play", "role", "alias", "direct", "write", "create", "webtoon"})


class Links:
    """Yes/no answers about how two named things relate."""

    def __init__(self, ctx: Context, cast: Cast):
        self.ctx = ctx
        self.cast = cast

    def named(self, text: str) -> list[tuple[str, str]]:
        """(words as typed, entity id) for every name in the text, repeats of one entity
        under another name included, longest names first, spans never overlapping."""
        words, taken, found = text.split(), set(), []
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                span = set(range(i, i + size))
                chunk = " ".join(words[i : i + size])
                if span & taken or len(fold_key(chunk)) < 4:
                    continue
                if eid := self.ctx.m.names.exact_any(name_keys(chunk)):
                    taken |= span
                    found.append((i, chunk, eid))
        return [(chunk, eid) for _, chunk, eid in sorted(found)]

    def answer(self, frame: Frame, concepts_of: Callable[[str], frozenset[str]]) -> Answer | None:
        """The linking fact for a yes/no question, or None when it asks anything else.
        concepts_of: the concepts a text carries (names typed as words can carry some)."""
        q = frame.question
        if any(w.startswith("spell") for w, _ in frame.predicate):
            return self.spellings(frame)  # "hows the director's name spelled"
        if q.atype != "yesno" or not frame.people:
            return None
        named = self.named(q.text)
        names = " ".join(chunk for chunk, _ in named)
        if frame.concepts - LINKING - concepts_of(names):
            return None  # it asks more than how the two relate ("is she back as Nam-ra")
        ids = list(dict.fromkeys(eid for _, eid in named))
        out = None
        if len(named) == 2 and len(ids) == 1:
            out = self._same(named, ids[0])
        elif len(ids) == 2 and not q.role:
            out = self._pair(*ids)
        elif len(ids) == 1 and q.role:
            out = self._role(ids[0], q.role)
        if out is not None and _EITHER.search(q.text):
            # "is X the writer or the director?" asks which, not whether: the facts, no verdict
            first, *rest = out.lines
            text = _VERDICT.sub("", first.text)
            # its own facts first, then who else holds the role asked ("The articles name…")
            out.lines = [*rest, Line(text[:1].upper() + text[1:], first.spoiler)]
        return out

    def spellings(self, frame: Frame) -> Answer | None:
        """Every spelling the articles print of the one person asked about (named, or by a
        role only one person holds), each with the articles printing it; None otherwise."""
        ctx = self.ctx
        ids = list(frame.people[:1]) or (self.cast.role_ids(frame.question.role or "") or [])
        if len(ids) != 1:
            return None
        eid, cite = ids[0], Citer(ctx.store)
        mentions = ctx.store.mentions.get(eid, [])
        lines = []
        for alias in sorted(self._aliases(eid), key=lambda a: (a != ctx.name(eid), a)):
            printed = [s for s in mentions if _prints(self._quote(s), alias)]
            by_article = list({ctx.store.sentences[s].source_id: s for s in printed}.values())
            if by_article:
                lines.append(Line(f"• “{alias}” {cite.cite_all(by_article, 5)}"))
        if not lines:
            return None
        n = len(lines)
        head = Line(f"The articles print {n} spelling{'s' if n > 1 else ''} of {ctx.name(eid)}:")
        return self._reply(eid, head, lines, cite)

    def _reply(self, eid: str, first: Line, more: list[Line], cite: Citer) -> Answer:
        name = self.ctx.name(eid)
        return Answer("ask", True, name, name, [first, *more], cite.citations)

    def _same(self, named: list[tuple[str, str]], eid: str) -> Answer | None:
        """Two names of one person: what the articles print. Each name with the articles
        printing it and the role they credit under it; "yes" only when one sentence prints
        both names, else that no article says they are one person."""
        ctx, cite = self.ctx, Citer(self.ctx.store)
        mentions = ctx.store.mentions.get(eid, [])
        aliases, printing = [], []
        for chunk, _ in named:
            alias = closest_name(chunk, self._aliases(eid)) or chunk
            printed = [s for s in mentions if _prints(self._quote(s), alias)]
            if not printed:
                return None
            aliases.append(alias)
            printing.append(printed)
        both = [s for s in printing[0] if s in printing[1]]
        a, b = (f"“{x}”" for x in aliases)
        if both:
            line = Line(f"Yes: one sentence prints both {a} and {b} {cite.cite(both[0])}")
            return self._reply(eid, line, [], cite)
        credits = [self._credit(eid, sids) for sids in printing]
        roles = {r for r, _ in credits}
        same = (
            f", but both are credited{roles.pop()}" if len(roles) == 1 and "" not in roles else ""
        )
        first = Line(f"No article says {a} and {b} are one person{same}; here is what each prints:")
        more = [
            Line(f"• “{alias}”{role} {cite.cite_all(ev)}")
            for alias, (role, ev) in zip(aliases, credits, strict=True)
        ]
        if (tie := self._tie(eid, aliases, printing, cite)) is not None:
            more.append(tie)
        return self._reply(eid, first, more, cite)

    def _tie(
        self, eid: str, aliases: list[str], printing: list[list[int]], cite: Citer
    ) -> Line | None:
        """A line printing an asked name beside another of the person's names ("J.Q. Lee
        (also known as Lee Jae-kyoo)"): what ties the names, as far as any article does."""
        for alias, sids in zip(aliases, printing, strict=True):
            others = [n for n in self._aliases(eid) if exact_key(n) != exact_key(alias)]
            for s in sids:
                if also := [n for n in others if _prints(self._quote(s), n)]:
                    text = shorten(self.ctx.store.sentences[s].display)
                    return Line(
                        f"• One line prints “{alias}” beside “{also[0]}” {cite.cite(s)}: “{text}”"
                    )
        return None

    def _credit(self, eid: str, sids: list[int]) -> tuple[str, list[int]]:
        """The role the articles printing one name credit under it (" as director", ",
        played by X"), with the lines crediting it; ("", sids) when they credit none."""
        ctx = self.ctx
        for p in ctx.pairs_for(eid):
            ev = [s for s in evidence(p) if s in sids]
            if ev and p.character_id and p.character_id != eid:
                return f" as {ctx.name(p.character_id)}", ev
            if ev and p.character_id == eid:
                return f", played by {ctx.name(p.actor_id)}", ev
        for role, rs in self.cast.printed.roles_of(eid).items():
            if ev := [s for s in rs if s in sids]:
                return f" as {role}", ev
        return "", sids

    def _pair(self, a: str, b: str) -> Answer | None:
        ctx, store = self.ctx, self.ctx.store
        kinds = {store.entities[a].kind: a, store.entities[b].kind: b}
        actor, char = kinds.get("actor"), kinds.get("character")
        if actor is None or char is None:
            return None
        cite = Citer(store)
        for pair in ctx.pairs_for(actor):
            if pair.character_id == char:
                ev = evidence(pair)
                line = f"Yes: {ctx.name(char)} is played by {ctx.name(actor)} {cite.cite_all(ev)}"
                return self._reply(char, Line(line), [], cite)
        sides = []
        for pair in ctx.pairs_for(actor)[:1]:
            if pair.character_id:
                role = ctx.name(pair.character_id)
                sides.append(f"{ctx.name(actor)} plays {role} {cite.cite_all(evidence(pair))}")
        for pair in ctx.pairs_for(char)[:1]:
            sides.append(
                f"{ctx.name(char)} is played by {ctx.name(pair.actor_id)} "
                f"{cite.cite_all(evidence(pair))}"
            )
        if not sides:
            return None
        return self._reply(char, Line(f"No: {sides[0]}"), [Line(s) for s in sides[1:]], cite)

    def _role(self, eid: str, role: str) -> Answer | None:
        ctx, printed = self.ctx, self.cast.printed
        cite = Citer(ctx.store)
        roles = printed.roles_of(eid)
        own = "; ".join(f"{r} {cite.cite_all(s, 2)}" for r, s in roles.items())
        if _held(roles, role):
            return self._reply(eid, Line(f"Yes: {ctx.name(eid)}: {own}"), [], cite)
        holders = [h for h in printed.who(role) if h != eid]
        if not holders:
            return None
        who = ", ".join(
            f"{ctx.name(h)} {cite.cite_all(_held(printed.roles_of(h), role), 2)}"
            for h in holders[:3]
        )
        more = [Line(f"{ctx.name(eid)}: {own}")] if roles else []
        no = Line(f"No: the articles name {who} as {safe_echo(role)}")
        return self._reply(eid, no, more, cite)

    def _aliases(self, eid: str) -> list[str]:
        e = self.ctx.store.entities[eid]
        return sorted({e.name, *e.aliases}, key=len, reverse=True)

    def _quote(self, sid: int) -> str:
        return self.ctx.store.sentences[sid].quote


def _held(roles: dict[str, list[int]], role: str) -> list[int]:
    """The sentences printing `role` among a person's roles ('creators' as 'creator')."""
    key = exact_key(role).removesuffix("s")
    return next((s for r, s in roles.items() if exact_key(r).removesuffix("s") == key), [])


def _prints(quote: str, name: str) -> bool:
    """Whether a sentence prints a name as a whole word ("Lomon" is not in "Solomon")."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", quote, re.IGNORECASE) is not None
