"""`!cast`: character -> actor, actor -> character, crew roles, a description ("the villain")
-> the person the articles call so, and the main cast table."""

from __future__ import annotations

import re

from bot.answers.context import Context, evidence
from bot.answers.evidence.people.crew import PrintedRoles
from bot.answers.evidence.people.describe import Descriptions
from bot.answers.evidence.people.printed_as import asked_as, pairing_lines
from bot.answers.evidence.people.returns import Returns
from bot.answers.reading.lookup import unasked
from bot.answers.reading.matching import Match
from bot.answers.reading.wording import name_keys, safe_echo, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.names import exact_key
from bot.facts.store import DescriptionRow, PairRow

MAX_PAIRS = 4  # roles listed for one person; the best supported come first
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# what joins a casting noun to the part it names ("the actor for/of the villain")
_LINKING = re.compile(r"^(?:for|of|behind|as)\s+(?=(?:the|a|an)\s)")


class Cast:
    """Who plays whom, from the cast pairs the builder extracted."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._table: list[PairRow] | None = None
        self._printed: PrintedRoles | None = None
        self.returning = Returns(ctx)
        self._descriptions: Descriptions | None = None
        self._title: re.Pattern[str] | None = None

    def __call__(self, query: str) -> Answer:
        """Character -> actor, actor -> character, crew role -> person; empty -> main cast."""
        ctx, store = self.ctx, self.ctx.store
        query = query.strip()
        if not query:
            return self.table()
        role = _ARTICLE.sub("", query)  # "the director" is the role "director"
        role_ids = self.role_ids(role)
        if role_ids:
            return self.crew(role_ids, role)
        match = ctx.m.names.lookup_any(name_keys(query))
        if match.id is None and (untitled := self.untitled(query)) != query:
            found = ctx.m.names.lookup_any(name_keys(untitled))
            match = found if found.id is not None else match
        named = unasked(self.ctx.store.vocab, query) if match.id is None else ""
        if named not in ("", query):  # "who plays suhyeok", "who is the director"
            found = ctx.m.names.lookup_any(name_keys(named))
            match = found if found.id is not None else match
            if match.id is None and (role_ids := self.role_ids(named)):
                return self.crew(role_ids, named)
            if match.id is None and (row := self.descriptions.lookup(named).row) is not None:
                return self.person(row.entity_id, row)
            if match.id is None and (linked := self.section_link(named)) is not None:
                return self.person(linked[0], linked=linked[1:])
        if match.id is None:
            return self.by_description(query, match)
        entity = store.entities[match.id]
        if entity.kind == "crew":
            return self.crew([entity.id], None)
        return self.person(entity.id, asked=asked_as(query, entity))

    def untitled(self, query: str) -> str:
        """The query without a leading title or rank ("Prof. Oh", "sgt cha"), as the builder
        reads one past inside a printed name; the query itself when it is only a title."""
        if self._title is None:
            titles = self.ctx.store.vocab.get("names.titles", {}).get("titles", [])
            names = sorted({t.rstrip(".").lower() for t in titles}, key=len, reverse=True)
            alt = "|".join(map(re.escape, names)) or r"(?!)"
            self._title = re.compile(rf"^(?:{alt})\.?\s+(?=\S)", re.IGNORECASE)
        return self._title.sub("", query, count=1)

    @property
    def descriptions(self) -> Descriptions:
        """What the articles call each person (indexed on first use)."""
        if self._descriptions is None:
            self._descriptions = Descriptions(self.ctx.store)
        return self._descriptions

    def by_description(self, query: str, match: Match) -> Answer:
        """`!cast the villain`: the one person an article describes so; else did-you-mean
        (names and descriptions), else what the articles say with no name beside it."""
        ctx = self.ctx
        found = self.descriptions.lookup(query)
        if found.row is not None:
            return self.person(found.row.entity_id, found.row)
        if (linked := self.section_link(query)) is not None:
            return self.person(linked[0], linked=linked[1:])
        p = ctx.prefix
        near = found.near
        if near and not match.suggestions:  # a near name is the better did-you-mean
            listed = ", ".join(f"{ctx.name(r.entity_id)} (“{r.text}”)" for r in near)
            return Answer(
                "cast",
                False,
                None,
                "Did you mean…?",
                [
                    Line(f"No article calls anyone “{safe_echo(query)}”. Closest: {listed}."),
                    Line(f"Try `{p}cast <name>` with one of them."),
                ],
                suggestions=[f"{p}cast {ctx.name(r.entity_id)}" for r in near],
            )
        sid = None if match.suggestions else self.descriptions.unnamed(query, ctx.m.search)
        if sid is None:
            return ctx.not_found(
                "cast", query, match, "anyone", f"Try `{p}cast` for the main cast."
            )
        cite = Citer(ctx.store)
        row = ctx.store.sentences[sid]
        return Answer(
            "cast",
            False,
            None,
            "No name printed",
            [
                Line(
                    f"The articles speak of “{safe_echo(query)}” but name no one there: "
                    f"“{shorten(row.display, 220)}” {cite.cite(sid)}",
                    row.spoiler,
                ),
                Line(f"Try `{p}cast` for the main cast."),
            ],
            cite.citations,
        )

    def described_in(self, text: str) -> tuple[str, str] | None:
        """(the words, the person) a "who plays <description>" question means ("who plays the
        villain", "who played the science teacher"): the words after its casting phrase, found
        as `!cast` finds a description; else None."""
        phrases = self.ctx.store.vocab.get("ask.intents", {}).get("casting", [])
        padded = f" {text.strip(' ?!.')} "
        for p in sorted(phrases, key=len, reverse=True):
            at = padded.find(f" {p} ")
            rest = padded[at + len(p) + 2 :].strip() if at >= 0 else ""
            rest = _LINKING.sub("", rest)  # "the actor for the science teacher"
            if len(rest.split()) < 1 or not _ARTICLE.match(rest):
                continue  # a description opens on its article: "the villain", "a student"
            found = self.descriptions.lookup(rest)
            if found.row is not None:
                return rest, found.row.entity_id
            linked = self.section_link(rest)
            return (rest, linked[0]) if linked else None
        return None

    def section_link(self, query: str) -> tuple[str, str, int, int] | None:
        """(the person, the words as printed, the sentence printing them, the sentence naming
        the person) when a description printed with no name beside it sits in a section that
        names one person only (see Descriptions.section_person); else None."""
        found = self.descriptions.section_person(query, self.ctx.m.search)
        if found is None:
            return None
        sid, naming = found
        display = self.ctx.store.sentences[sid].display
        typed = (query.strip(), _ARTICLE.sub("", query.strip()))
        # the words as the sentence prints them, its "the" too when it has one
        at = [(display.lower().find(p.lower()), p) for p in typed]
        printed = next((display[i : i + len(p)] for i, p in at if i >= 0), typed[0])
        eid = next(
            e
            for e, sids in self.ctx.store.mentions.items()
            if naming in sids and self.ctx.store.entities[e].kind == "character"
        )
        return eid, printed, sid, naming

    def person(
        self,
        eid: str,
        described: DescriptionRow | None = None,
        linked: tuple[str, int, int] | None = None,
        asked: str | None = None,
    ) -> Answer:
        """Who plays whom for one character or actor; `described`: how they were found;
        `linked`: (words, sentence, naming sentence) of a description tied by its section;
        `asked`: the printed name an actor was asked by (printed_as.py)."""
        ctx, store = self.ctx, self.ctx.store
        entity = store.entities[eid]
        name = ctx.name(eid)
        cite = Citer(store)
        pairs = ctx.pairs_for(entity.id)
        lines: list[Line] = []
        if described is not None:
            sid = described.sentence_id
            lines.append(Line(f"{name}, “{described.text}” {cite.cite(sid)}", cite.spoiler([sid])))
        if linked is not None:
            words, sid, naming = linked
            lines.append(
                Line(
                    f"“{words}” {cite.cite(sid)}: the one person its section names is "
                    f"{ctx.named_in(eid, naming, cite)}",
                    cite.spoiler([sid, naming]),
                )
            )
        for pair in pairs[:MAX_PAIRS]:
            ev = evidence(pair)
            actor = store.entities[pair.actor_id]
            actor_name = ctx.name(actor.id)
            also = ctx.printed_variants(actor, ev)
            also_txt = f" (also printed {', '.join(also)})" if also else ""
            if pair.character_id is None:
                lines.append(
                    Line(
                        f"{actor_name}{also_txt} joins Season 2 as a new character; "
                        f"the role has not been revealed {cite.cite_all(ev)}"
                    )
                )
                continue
            char = ctx.name(pair.character_id)
            own = None
            if asked and entity.kind != "character":
                own = pairing_lines(ctx, asked, actor_name, char, ev, cite)
            if own is not None:
                lines.extend(own)
                name = asked
            elif entity.kind == "character":
                lines.append(
                    Line(f"{char} is played by {actor_name}{also_txt} {cite.cite_all(ev)}")
                )
            else:
                lines.append(Line(f"{actor_name}{also_txt} plays {char} {cite.cite_all(ev)}"))
            if (ret := self.returning.line(pair, cite)) is not None:
                lines.append(ret)
        if len(pairs) > MAX_PAIRS:
            lines.append(Line(f"…and {len(pairs) - MAX_PAIRS} more pairings in the sources."))
        if not pairs:
            mentions = store.mentions.get(entity.id, [])
            if not mentions:
                return Answer(
                    "cast",
                    False,
                    entity.name,
                    name,
                    [Line(f"No source mentions {name} yet.")],
                )
            lines.append(
                Line(
                    f"The sources mention {name} but no source says who "
                    f"plays whom {cite.cite_all(mentions, 2)}",
                    cite.spoiler(mentions[:2]),
                )
            )
        return Answer("cast", True, entity.name, name, lines, cite.citations)

    def table(self) -> Answer:
        """The main cast: the best-supported pairs."""
        ctx = self.ctx
        cite = Citer(ctx.store)
        lines = []
        if self._table is None:
            self._table = sorted(ctx.store.pairs, key=lambda p: (-len(p.evidence), p.actor_id))
        for pair in self._table[:20]:
            ev = evidence(pair)
            actor = ctx.name(pair.actor_id)
            if pair.character_id is None:
                lines.append(
                    Line(f"{actor}: new in Season 2, role not revealed {cite.cite(ev[0])}")
                )
            else:
                lines.append(Line(f"{ctx.name(pair.character_id)}: {actor} {cite.cite(ev[0])}"))
        if not lines:
            return Answer("cast", False, None, "Main cast", [Line("No source names the cast yet.")])
        return Answer("cast", True, None, "Main cast", lines, cite.citations)

    @property
    def printed(self) -> PrintedRoles:
        """Crew roles as the articles print them (built on first use)."""
        if self._printed is None:
            self._printed = PrintedRoles(self.ctx.store)
        return self._printed

    def role_ids(self, role: str) -> list[str]:
        """Everyone the articles give a role; curated roles only when no article prints it."""
        key = exact_key(role)
        curated = self.ctx.m.roles.get(key) or self.ctx.m.roles.get(key.removesuffix("s"), [])
        return self.printed.who(role) or list(curated)

    def crew(self, ids: list[str], role: str | None) -> Answer:
        """Crew members (by role or by name) with the roles the articles print, cited."""
        ctx, store = self.ctx, self.ctx.store
        cite = Citer(store)
        lines = []
        for eid in ids:
            e = store.entities[eid]
            printed = self.printed.roles_of(eid)
            ev = [sid for sids in printed.values() for sid in sids] or store.mentions.get(eid, [])
            if not ev:
                continue
            also = ctx.printed_variants(e, ev)
            also_txt = f" (also printed {', '.join(also)})" if also else ""
            if printed:
                roles = "; ".join(f"{r} {cite.cite_all(sids, 2)}" for r, sids in printed.items())
                lines.append(Line(f"{ctx.name(eid)}{also_txt}: {roles}"))
            else:
                lines.append(
                    Line(
                        f"{ctx.name(eid)}{also_txt}: named, role not printed {cite.cite_all(ev, 2)}"
                    )
                )
        title = f"Crew: {safe_echo(role)}" if role else ctx.name(ids[0])
        if not lines:
            return Answer("cast", False, title, title, [Line("No source mentions them yet.")])
        return Answer("cast", True, ctx.name(ids[0]), title, lines, cite.citations)
