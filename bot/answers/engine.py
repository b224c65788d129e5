"""The answer engine: a message as a fan types it in, an `Answer` out. No Discord here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from rapidfuzz import fuzz

from bot.answers.digest import TopicStatus, age, month_years, stance, state_label, topic_status
from bot.answers.matching import Match, Matchers, tokens
from bot.answers.types import Answer, Citer, Line
from bot.facts.names import exact_key, fold_key, plain_key
from bot.facts.store import EntityRow, FactStore, PairRow
from bot.facts.text import collapse_ws, fold_unicode

COMMANDS = ("cast", "status", "lore", "ask", "sources", "help")
MAX_PAIRS = 4  # roles listed for one person; the best supported come first
MAX_QUERY = 200  # characters of a query that are read; the rest is ignored
ASK_MIN_SCORE = 4.0  # BM25 score below which a free question is "I don't know"
EXAMPLES = {
    "cast": "cast On-jo",
    "status": "status",
    "lore": "lore jonus",
    "ask": "ask when will season 2 come out",
    "sources": "sources",
    "help": "help",
}
DESCRIPTIONS = {
    "cast": "who plays whom (a character, an actor, or a crew role such as director)",
    "status": "the Season 2 digest: renewal, filming, trailer, release, episodes, cast",
    "lore": "the virus, hybrids, the cure and other lore, with sources",
    "ask": "any question; answered from the best-supported facts",
    "sources": "the articles every answer is cited to",
    "help": "this list",
}


def name_keys(text: str) -> list[str]:
    """The keys a typed name is looked up by: folded spelling first, then as typed."""
    return [fold_key(text), plain_key(text)]


def safe_echo(text: str, limit: int = 60) -> str:
    """User text made safe to repeat: no pings, no formatting, no invisible characters."""
    text = collapse_ws(fold_unicode(text))
    text = re.sub(r"[`*_~|>\\#\[\]()<]", "", text).replace("@", "@\u2060")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shorten(text: str, limit: int = 220) -> str:
    """Cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _complete(current: str, choices: list[str], limit: int) -> list[str]:
    current = collapse_ws(fold_unicode(current))[:MAX_QUERY]
    if not current:
        return choices[:limit]
    key = plain_key(current)
    scored = [(fuzz.partial_ratio(key, plain_key(c)) if key else 0.0, c) for c in choices]
    scored.sort(key=lambda sc: (-sc[0], sc[1]))
    return [c for score, c in scored if score >= 50][:limit]


class Engine:
    """Answers messages from one loaded fact store."""

    def __init__(
        self, store: FactStore, prefix: str = "!", today: Callable[[], dt.date] = dt.date.today
    ):
        self.store = store
        self.prefix = prefix
        self.today = today
        self.m = Matchers(store)
        # The store never changes while loaded, so per-store work is done once, on first use.
        self._pairs_by_entity: dict[str, list[PairRow]] = {}
        for pair in sorted(store.pairs, key=lambda p: -len(p.evidence)):
            for eid in {pair.actor_id, pair.character_id} - {None}:
                self._pairs_by_entity.setdefault(eid, []).append(pair)
        self._topics: dict[str, TopicStatus | None] = {}
        self._summary: tuple[list[tuple[str, int]], list[tuple[str, int]]] | None = None
        self._table: list[PairRow] | None = None

    def warm(self) -> None:
        """Build everything that is otherwise built on first use (for a long-running bot)."""
        _ = self.m.search
        for topic in self.store.status_topics:
            self._topic(topic)
        self._summary_items()

    # --- entry point ---------------------------------------------------------------------

    def answer(self, message: str) -> Answer:
        """The reply to one message exactly as typed."""
        text = collapse_ws(fold_unicode(message or ""))
        prefixed = False
        for p in (self.prefix, "/"):
            if p and text.startswith(p):
                text, prefixed = text[len(p) :].lstrip(), True
                break
        if not text:
            return self.help()
        word, _, rest = text.partition(" ")
        command = word.lower()
        rest = rest[:MAX_QUERY]
        handlers = {
            "cast": self.cast,
            "status": self.status,
            "lore": self.lore,
            "ask": self.ask,
            "sources": lambda _: self.sources(),
            "help": lambda _: self.help(),
        }
        if command in handlers:
            return handlers[command](rest)
        if prefixed:
            return self.unknown_command(word, rest)
        return self.ask(text[:MAX_QUERY])

    def run(self, command: str, argument: str = "") -> Answer:
        """Answer a command given apart from its argument (slash commands)."""
        return self.answer(f"{self.prefix}{command} {argument}".strip())

    # --- helpers -------------------------------------------------------------------------

    def _names_of(self, eid: str) -> str:
        return self.store.entities[eid].name

    def _printed_variants(self, entity: EntityRow, sentence_ids: list[int]) -> list[str]:
        """Other spellings of an entity that the cited sentences actually print."""
        out = []
        quotes = " ".join(self.store.sentences[s].quote.lower() for s in sentence_ids[:20])
        for alias in entity.aliases:
            if (
                alias != entity.name
                and exact_key(alias) != exact_key(entity.name)
                and len(alias.split()) > 1
                and alias.lower() in quotes
            ):
                out.append(alias)
        return out[:3]

    def _pairs_for(self, eid: str) -> list[PairRow]:
        return self._pairs_by_entity.get(eid, [])

    def _topic(self, topic: str) -> TopicStatus | None:
        if topic not in self._topics:
            self._topics[topic] = topic_status(self.store, topic)
        return self._topics[topic]

    def _return_line(self, pair: PairRow, cite: Citer) -> Line | None:
        ids = {pair.actor_id, pair.character_id} - {None}
        # Both lists are newest first; only the leading ones are ever cited.
        ev = sorted(
            {e for i in ids for e in self.store.returns.get(i, [])[:50]},
            key=lambda e: (-self._published(e[0]), e[0]),
        )
        if pair.character_id is None:
            return None
        who = self.store.entities[pair.character_id].name
        yes = [sid for sid, neg, _ in ev if not neg]
        no = [sid for sid, neg, _ in ev if neg]
        if yes:
            sure = any(not hedged for sid, neg, hedged in ev if not neg)
            verb = "say" if sure else "expect"
            return Line(
                f"Season 2: sources {verb} {who} returns {cite.cite_all(yes)}",
                cite.spoiler(yes[:3]),
            )
        if no:
            return Line(
                f"Season 2: sources doubt {who} returns {cite.cite_all(no)}", cite.spoiler(no[:3])
            )
        return Line(f"Season 2: no source says whether {who} returns.")

    def _published(self, sentence_id: int) -> int:
        s = self.store.sentences[sentence_id]
        return dt.date.fromisoformat(self.store.sources[s.source_id].published).toordinal()

    def _evidence(self, pair: PairRow) -> list[int]:
        return [sid for sid, _ in pair.evidence]  # the store holds them newest first

    def _not_found(self, command: str, query: str, match: Match, what: str, hint: str) -> Answer:
        shown = safe_echo(query)
        if match.suggestions:
            return Answer(
                command,
                False,
                None,
                "Did you mean…?",
                [
                    Line(
                        f"I'm not sure who or what “{shown}” is. Did you mean: "
                        + ", ".join(match.suggestions)
                        + "?"
                    )
                ],
                suggestions=list(match.suggestions),
            )
        return Answer(
            command,
            False,
            None,
            "Not found",
            [Line(f"I don't know {what} called “{shown}”. {hint}")],
        )

    # --- !cast ---------------------------------------------------------------------------

    def cast(self, query: str) -> Answer:
        """Character -> actor, actor -> character, crew role -> person; empty -> main cast."""
        query = query.strip()
        if not query:
            return self.cast_table()
        role = exact_key(query)
        role_ids = self.m.roles.get(role) or self.m.roles.get(role.removesuffix("s"))
        if role_ids:
            return self.crew(role_ids, query)
        match = self.m.names.lookup_any(name_keys(query))
        if match.id is None:
            return self._not_found(
                "cast", query, match, "anyone", f"Try `{self.prefix}cast` for the main cast."
            )
        entity = self.store.entities[match.id]
        if entity.kind == "crew":
            return self.crew([entity.id], None)
        cite = Citer(self.store)
        pairs = self._pairs_for(entity.id)
        lines: list[Line] = []
        for pair in pairs[:MAX_PAIRS]:
            ev = self._evidence(pair)
            actor = self.store.entities[pair.actor_id]
            also = self._printed_variants(actor, ev)
            also_txt = f" (also printed {', '.join(also)})" if also else ""
            if pair.character_id is None:
                lines.append(
                    Line(
                        f"{actor.name}{also_txt} joins Season 2 as a new character; "
                        f"the role has not been revealed {cite.cite_all(ev)}"
                    )
                )
                continue
            char = self.store.entities[pair.character_id]
            if entity.kind == "character":
                lines.append(
                    Line(f"{char.name} is played by {actor.name}{also_txt} {cite.cite_all(ev)}")
                )
            else:
                lines.append(Line(f"{actor.name}{also_txt} plays {char.name} {cite.cite_all(ev)}"))
            if (ret := self._return_line(pair, cite)) is not None:
                lines.append(ret)
        if len(pairs) > MAX_PAIRS:
            lines.append(Line(f"…and {len(pairs) - MAX_PAIRS} more pairings in the sources."))
        if not pairs:
            mentions = self.store.mentions.get(entity.id, [])
            if not mentions:
                return Answer(
                    "cast",
                    False,
                    entity.name,
                    entity.name,
                    [Line(f"No source mentions {entity.name} yet.")],
                )
            lines.append(
                Line(
                    f"The sources mention {entity.name} but no source says who "
                    f"plays whom {cite.cite_all(mentions, 2)}",
                    cite.spoiler(mentions[:2]),
                )
            )
        return Answer("cast", True, entity.name, entity.name, lines, cite.citations)

    def cast_table(self) -> Answer:
        cite = Citer(self.store)
        lines = []
        if self._table is None:
            self._table = sorted(self.store.pairs, key=lambda p: (-len(p.evidence), p.actor_id))
        for pair in self._table[:20]:
            ev = self._evidence(pair)
            actor = self._names_of(pair.actor_id)
            if pair.character_id is None:
                lines.append(
                    Line(f"{actor}: new in Season 2, role not revealed {cite.cite(ev[0])}")
                )
            else:
                lines.append(
                    Line(f"{self._names_of(pair.character_id)}: {actor} {cite.cite(ev[0])}")
                )
        if not lines:
            return Answer("cast", False, None, "Main cast", [Line("No source names the cast yet.")])
        return Answer("cast", True, None, "Main cast", lines, cite.citations)

    def crew(self, ids: list[str], role: str | None) -> Answer:
        cite = Citer(self.store)
        lines = []
        for eid in ids:
            e = self.store.entities[eid]
            mentions = self.store.mentions.get(eid, [])[:200]
            role_words = [r.lower() for r in e.roles]
            with_role = [
                s
                for s in mentions
                if any(w in self.store.sentences[s].display.lower() for w in role_words)
            ]
            ev = with_role or mentions  # both newest first
            if not ev:
                continue
            also = self._printed_variants(e, ev)
            also_txt = f" (also printed {', '.join(also)})" if also else ""
            lines.append(Line(f"{e.name}{also_txt}: {', '.join(e.roles)} {cite.cite_all(ev)}"))
        title = f"Crew: {safe_echo(role)}" if role else self._names_of(ids[0])
        if not lines:
            return Answer("cast", False, title, title, [Line("No source mentions them yet.")])
        return Answer("cast", True, self._names_of(ids[0]), title, lines, cite.citations)

    # --- !status -------------------------------------------------------------------------

    def status(self, _: str = "") -> Answer:
        """The Season 2 digest, newest first per topic, every line cited."""
        cite = Citer(self.store)
        newest = self.store.newest_source
        est = " (estimated)" if newest.estimated else ""
        lines = [
            Line(
                f"As of {newest.published}{est}, the newest source — "
                f"{age(newest.published, self.today())}. Newer news may exist."
            )
        ]
        for ts in filter(None, map(self._topic, self.store.status_topics)):
            if ts.topic != "cast":  # the cast is summed up from cast pairs below
                lines.extend(self._topic_lines(ts, cite))
        lines.extend(self._cast_summary(cite))
        return Answer("status", True, None, "Season 2 status", lines, cite.citations)

    def _date(self, source_id: str) -> str:
        src = self.store.sources[source_id]
        return f"{src.published}{', est.' if src.estimated else ''}"

    def _topic_lines(self, ts, cite: Citer, full: bool = False) -> list[Line]:
        lead = ts.lead
        sentence = self.store.sentences[lead.sentence_id]
        marks = cite.cite_all([lead.sentence_id] + [c.sentence_id for c in ts.agreeing], 2)
        when = self._when(ts, cite)
        out = [
            Line(
                f"**{ts.label}:** {state_label(self.store, lead)} "
                f"({self._date(lead.source_id)}) "
                f"— “{shorten(sentence.display, 260 if full else 160)}” {marks}{when}",
                sentence.spoiler,
            )
        ]
        for c in ts.disputed[:2]:
            out.append(
                Line(
                    f"   sources disagree: {state_label(self.store, c)} "
                    f"({self._date(c.source_id)}) {cite.cite(c.sentence_id)}"
                )
            )
        for c in ts.earlier[: 3 if full else 2]:
            out.append(
                Line(
                    f"   earlier: {state_label(self.store, c)} "
                    f"({self._date(c.source_id)}) {cite.cite(c.sentence_id)}"
                )
            )
        return out

    def _when(self, ts, cite: Citer) -> str:
        """For a plain 'yes', the month the agreeing sources most often give: ', June 2022 [4]'."""
        if stance(ts.lead) != "yes" or ts.lead.value:
            return ""
        votes: dict[str, list[int]] = {}
        for c in ts.agreeing:
            for month in month_years(c.value):
                votes.setdefault(month, []).append(c.sentence_id)
        if not votes:
            return ""
        month, sids = max(votes.items(), key=lambda kv: (len(kv[1]), kv[0]))
        return f"; dated {month} by {cite.cite_all(sids, 2)}"

    def _summary_items(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """(expected back, new cast): label and the sentence to cite, best supported first."""
        if self._summary is None:
            back: list[tuple[int, str, int]] = []
            new: list[tuple[int, str, int]] = []
            for pair in self.store.pairs:
                support = len(pair.evidence)
                if pair.character_id is None:
                    label = f"{self._names_of(pair.actor_id)} (role not revealed)"
                    new.append((support, label, self._evidence(pair)[0]))
                    continue
                ids = (pair.actor_id, pair.character_id)
                yes = sorted(
                    {sid for i in ids for sid, neg, _ in self.store.returns.get(i, []) if not neg},
                    key=lambda s: (-self._published(s), s),
                )
                if yes:
                    label = f"{self._names_of(pair.character_id)} ({self._names_of(pair.actor_id)})"
                    back.append((support + len(yes), label, yes[0]))
            back.sort(key=lambda x: -x[0])
            new.sort(key=lambda x: -x[0])
            self._summary = ([(t, s) for _, t, s in back[:8]], [(t, s) for _, t, s in new[:5]])
        return self._summary

    def _cast_summary(self, cite: Citer) -> list[Line]:
        back, new = self._summary_items()
        out = []
        if back:
            out.append(
                Line(
                    "**Expected back:** "
                    + ", ".join(f"{t} {cite.cite(sid)}" for t, sid in back[:8]),
                    True,
                )
            )
        if new:
            out.append(
                Line("**New cast:** " + ", ".join(f"{t} {cite.cite(sid)}" for t, sid in new[:5]))
            )
        return out

    # --- !lore ---------------------------------------------------------------------------

    def lore(self, query: str) -> Answer:
        """The best one to three facts on a lore topic; empty -> the topics known."""
        query = query.strip()
        if not query:
            lines = [
                Line(f"{t.label}: `{self.prefix}lore {t.names[0] if t.names else t.id}`")
                for t in self.store.lore_topics.values()
                if self.store.lore.get(t.id)
            ]
            return Answer("lore", True, None, "Lore topics I know", lines)
        match = self.m.lore.lookup(fold_key(query))
        if match.id is None:
            hit = self.m.lore.lookup(fold_key(query.split()[0])) if " " in query else match
            match = hit if hit.id else match
        if match.id is None:
            return self._not_found(
                "lore",
                query,
                match,
                "a lore topic",
                f"Try `{self.prefix}lore` for the topics I know.",
            )
        return self._lore_answer(match.id, "lore", query)

    def _lore_answer(self, topic: str, command: str, query: str = "") -> Answer:
        label = self.store.lore_topics[topic].label
        stems = [w[:4] for w in re.findall(r"\w+", query.lower()) if len(w) >= 4]

        def rank(fact: tuple[int, float]) -> tuple[float, int]:
            sid, score = fact
            words = re.findall(r"\w+", self.store.sentences[sid].display.lower())
            hits = sum(any(w.startswith(st) for w in words) for st in stems)
            # A focused sentence beats a long one that mentions the topic in passing.
            return (-(score + 3.0 * hits) / (1 + len(words) / 40), sid)

        # Facts come best-scored first; the query's own words rerank the leading ones.
        facts = sorted(self.store.lore.get(topic, [])[:60], key=rank)
        if not facts:
            return Answer(command, False, label, label, [Line(f"No source explains {label} yet.")])
        cite = Citer(self.store)
        chosen, seen = [], set()
        for sid, _ in facts:
            key = self.store.sentences[sid].display.lower()[:60]
            if key in seen:
                continue
            seen.add(key)
            chosen.append(sid)
            if len(chosen) == 3:
                break
        lines = [
            Line(
                f"• {shorten(self.store.sentences[s].display, 300)} {cite.cite(s)}",
                self.store.sentences[s].spoiler,
            )
            for s in chosen
        ]
        return Answer(command, True, label, label, lines, cite.citations)

    # --- !ask ----------------------------------------------------------------------------

    def _intent_scores(self, q: str, table: dict[str, list[str]]) -> list[tuple[float, str]]:
        scored = []
        padded = f" {q} "
        for key, phrases in table.items():
            score = sum(len(p.split()) for p in phrases if f" {p} " in padded)
            if score:
                scored.append((float(score), key))
        return sorted(scored, key=lambda kv: -kv[0])

    def ask(self, question: str) -> Answer:
        """A free question, answered from the best-supported facts."""
        raw = question.strip()
        q = " ".join(re.findall(r"[\w'’-]+", raw.lower()))
        if not q:
            return Answer(
                "ask",
                False,
                None,
                "Ask me something",
                [Line(f"Ask a question, e.g. `{self.prefix}{EXAMPLES['ask']}`.")],
                suggestions=[f"{self.prefix}{EXAMPLES[c]}" for c in ("status", "cast")],
            )
        # 1. a person named in the question
        for size in (3, 2, 1):
            words = q.split()
            for i in range(len(words) - size + 1):
                chunk = " ".join(words[i : i + size])
                if len(fold_key(chunk)) < 4:
                    continue
                eid = self.m.names.exact_any(name_keys(chunk))
                if eid:
                    ans = self.cast(self.store.entities[eid].name)
                    ans.command = "ask"
                    return ans
        # 2. a Season 2 status topic, a crew role, or a lore topic
        status = self._intent_scores(q, self.store.vocab.get("ask.status", {}))
        roles = self._intent_scores(q, self.store.vocab.get("ask.roles", {}))
        lore = self._lore_intent(q)
        best = max(
            [(s, 3, "status", k) for s, k in status[:1]]
            + [(s, 2, "lore", k) for s, k in lore[:1]]
            + [(s, 1, "role", k) for s, k in roles[:1]],
            default=None,
        )
        if best is not None:
            _, _, kind, key = best
            if kind == "status" and (ts := self._topic(key)):
                cite = Citer(self.store)
                lines = self._topic_lines(ts, cite, full=True)
                if key == "cast":
                    lines.extend(self._cast_summary(cite))
                return Answer("ask", True, ts.label, ts.label, lines, cite.citations)
            if kind == "role" and (ids := self.m.roles.get(exact_key(key))):
                ans = self.crew(ids, key)
                ans.command = "ask"
                return ans
            if kind == "lore":
                return self._lore_answer(key, "ask", q)
        # 3. the best sentences anywhere
        hits = [(sid, sc) for sid, sc in self.m.search.search(q, 3) if sc >= ASK_MIN_SCORE]
        if not hits:
            return Answer(
                "ask",
                False,
                None,
                "I don't know",
                [
                    Line(
                        f"I don't know that from my sources. Try `{self.prefix}status`, "
                        f"`{self.prefix}cast <name>` or `{self.prefix}lore <topic>`."
                    )
                ],
                suggestions=[f"{self.prefix}status", f"{self.prefix}cast", f"{self.prefix}lore"],
            )
        cite = Citer(self.store)
        top = hits[0][1]
        chosen = [sid for sid, sc in hits if sc >= top * 0.6][:2]
        lines = [
            Line(
                f"• {shorten(self.store.sentences[s].display, 300)} {cite.cite(s)}",
                self.store.sentences[s].spoiler,
            )
            for s in chosen
        ]
        return Answer("ask", True, None, "What the sources say", lines, cite.citations)

    def _lore_intent(self, q: str) -> list[tuple[float, str]]:
        words = set(tokens(q)) | set(q.split())
        out = []
        for t in self.store.lore_topics.values():
            score = 0.0
            for name in t.names:
                n = name.lower()
                if (" " in n and f" {n} " in f" {q} ") or n in words:
                    score = max(score, float(len(n.split())))
            if score:
                out.append((score, t.id))
        return sorted(out, key=lambda kv: -kv[0])

    # --- autocomplete --------------------------------------------------------------------

    def complete_names(self, current: str, limit: int = 25) -> list[str]:
        """Names for slash-command autocomplete: best fuzzy matches of what is typed so far."""
        names = sorted(
            {e.name for e in self.store.entities.values()}
            | {r for e in self.store.entities.values() for r in e.roles[:1]}
        )
        return _complete(current, names, limit)

    def complete_lore(self, current: str, limit: int = 25) -> list[str]:
        """Lore topic names for autocomplete."""
        names = [t.names[0] if t.names else t.id for t in self.store.lore_topics.values()]
        return _complete(current, names, limit)

    # --- !sources, !help, unknown --------------------------------------------------------

    def sources(self) -> Answer:
        lines = []
        for s in sorted(
            self.store.sources.values(), key=lambda s: (s.published, s.id), reverse=True
        ):
            est = " (estimated)" if s.estimated else ""
            added = f", added {s.added}" if s.added else ""
            lines.append(Line(f"{s.published}{est}{added} — {s.title} `{s.id}`"))
        return Answer("sources", True, None, f"{len(lines)} sources", lines)

    def help(self) -> Answer:
        lines = [Line(f"`{self.prefix}{EXAMPLES[c]}` — {DESCRIPTIONS[c]}") for c in COMMANDS]
        lines.append(
            Line("Every fact is cited [n] to the article it came from; estimated dates are marked.")
        )
        return Answer("help", True, None, "hyosan-bot commands", lines)

    def unknown_command(self, word: str, rest: str) -> Answer:
        """`!jonus`, `!onjo`: a lookup when the word names something known; else a hint."""
        query = f"{word} {rest}".strip()
        key = fold_key(query)
        name = self.m.names.lookup_any(name_keys(query))
        if name.id:
            return self.cast(self.store.entities[name.id].name)
        topic = self.m.lore.lookup(key)
        if topic.id:
            return self._lore_answer(topic.id, "lore", query)
        return Answer(
            None,
            False,
            None,
            "Unknown command",
            [Line(f"I don't know the command “{safe_echo(word, 30)}”. Try `{self.prefix}help`.")],
            suggestions=[f"{self.prefix}help"],
        )
