"""`!ask`: a free question, analysed first, then answered by what carries the answer.

The question's expected type, season, entities and topic decide where to look; a candidate
answers only if it carries that type in that season. With no candidate the reply says the
sources don't say, with at most one line of what they say nearby, labelled as such.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from bot.answers.cast import Cast
from bot.answers.context import Context
from bot.answers.honest import as_of_line, dont_know, nearby
from bot.answers.lore import Lore, distinct, fact_lines
from bot.answers.matching import tokens
from bot.answers.question import Question, analyse
from bot.answers.status import Status
from bot.answers.types import Answer, Citer, Line
from bot.answers.wording import name_keys, shorten
from bot.facts.names import fold_key
from bot.facts.text import PhraseSet

ASK_MIN_SCORE = 4.0  # BM25 score below which a free question is "I don't know"
EXAMPLE = "ask when will season 2 come out"


class Ask:
    """Free questions, answered by the command that knows the subject."""

    def __init__(self, ctx: Context, cast: Cast, status: Status, lore: Lore):
        self.ctx = ctx
        self.cast = cast
        self.status = status
        self.lore = lore
        self._lore_names = {
            t.id: [n.lower() for n in (t.id, *t.names)] for t in ctx.store.lore_topics.values()
        }
        self._pools: dict[str, list[int]] = {}
        self._cue_cache: dict[tuple[str, int], bool] = {}

    @cached_property
    def _cues(self) -> dict[str, PhraseSet]:
        carries = self.ctx.store.vocab.get("ask.carries", {})
        return {k: PhraseSet(carries.get(k, [])) for k in ("speech", "fate")}

    def _has(self, cue: str, sid: int) -> bool:
        """Whether a sentence carries quoted speech or a fate word (cached per sentence)."""
        key = (cue, sid)
        if key not in self._cue_cache:
            self._cue_cache[key] = self._cues[cue].any(self.ctx.store.sentences[sid].display)
        return self._cue_cache[key]

    def __call__(self, question: str) -> Answer:
        """A free question, answered from the facts that carry what it asks."""
        ctx = self.ctx
        raw = question.strip()
        q = analyse(raw, ctx.store.vocab, self._lore_names)
        if not q.text:
            return Answer(
                "ask",
                False,
                None,
                "Ask me something",
                [Line(f"Ask a question, e.g. `{ctx.prefix}{EXAMPLE}`.")],
                suggestions=[f"{ctx.prefix}status", f"{ctx.prefix}cast On-jo"],
            )
        people = self._people(q.text)
        if people and (q.casting or (q.atype == "who" and not self._rest(q, people))):
            return self._as_ask(self.cast(ctx.name(people[0])))
        if q.role and not people and not q.lore:
            ids = self.cast.role_ids(q.role)
            if ids and not q.speech and q.atype in ("who", "what", "yesno"):
                return self._as_ask(self.cast.crew(ids, q.role))
            people = list(ids)
        if people:
            return self._about(people, q, raw)
        if q.status and q.status_weight >= q.lore_weight:
            if q.status == "release" and q.past and not q.seasons:
                q = replace(q, seasons=frozenset({1}))  # "when did it air?": the aired season
            digest_types = (
                ("when", "yesno", "what", "who")
                if q.status == "cast"
                else ("when", "yesno", "what")
            )
            if q.season in (None, 2) and q.atype in digest_types:
                return self._digest(q.status)
            label = ctx.store.status_topics[q.status].label
            return self._pooled(q, raw, self._pool("status", q.status), label, status=q.status)
        if q.atype == "when" and q.season in (None, 2) and not q.lore:
            return self._digest("release")  # "when is season 2?": its release
        if q.lore:
            label = ctx.store.lore_topics[q.lore].label
            named = {t for n in self._lore_names[q.lore] for t in tokens(n)}
            if q.atype in ("what", "yesno") and not set(tokens(q.text)) - named:
                keep = lambda s: ctx.check.answers(s, q)  # noqa: E731
                ans = self.lore.topic(q.lore, "ask", q.text, keep=keep)
                if ans.ok:
                    return ans
            facts = [sid for sid, _ in ctx.store.lore.get(q.lore, [])]
            hits = self._covering(q, list(self._relevance(q.text, 20)))
            return self._pooled(q, raw, list(dict.fromkeys(facts + hits)), label)
        return self._search(q, raw)

    # --- where to look ------------------------------------------------------------------

    def _people(self, text: str) -> list[str]:
        """Entities named exactly by one to three consecutive words, in order."""
        words, found = text.split(), []
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                chunk = " ".join(words[i : i + size])
                if len(fold_key(chunk)) < 4:
                    continue
                eid = self.ctx.m.names.exact_any(name_keys(chunk))
                if eid and eid not in found:
                    found.append(eid)
        return found

    def _rest(self, q: Question, people: list[str]) -> list[str]:
        """The question's content words besides the names of the people in it."""
        names = set()
        for eid in people:
            e = self.ctx.store.entities[eid]
            for a in (e.name, *e.aliases):
                names |= set(tokens(a)) | set(tokens(a.replace("-", "")))
        return [t for t in tokens(q.text) if t not in names]

    def _pool(self, family: str, topic: str) -> list[int]:
        """Every text sentence that uses one of a topic's words (computed once per topic)."""
        key = f"{family}.{topic}"
        if key not in self._pools:
            words = self.ctx.store.vocab.get(f"ask.{family}_words", {}).get(topic, [])
            phrases = PhraseSet(words)
            self._pools[key] = [
                sid
                for sid, s in self.ctx.store.sentences.items()
                if s.kind == "text" and phrases.any(s.display)
            ]
        return self._pools[key]

    def _covering(self, q: Question, sids: list[int]) -> list[int]:
        """Sentences sharing enough of the question's words: all of one or two, else two in
        three (a sentence sharing one word of a longer question answers another question)."""
        want = set(tokens(q.text))
        need = len(want) if len(want) <= 2 else -(-2 * len(want) // 3)
        sentences = self.ctx.store.sentences
        return [s for s in sids if len(want & set(tokens(sentences[s].display))) >= need]

    def _same_source(self, a: int, b: int) -> bool:
        sa, sb = self.ctx.store.sentences.get(a), self.ctx.store.sentences.get(b)
        return sa is not None and sb is not None and sa.source_id == sb.source_id

    def _relevance(self, text: str, limit: int = 60) -> dict[int, float]:
        return dict(self.ctx.m.search.search(text, limit)) if tokens(text) else {}

    # --- answers ------------------------------------------------------------------------

    def _as_ask(self, ans: Answer) -> Answer:
        ans.command = "ask"
        return ans

    def _digest(self, topic: str) -> Answer:
        ctx = self.ctx
        ts = ctx.topic(topic)
        if ts is None:
            label = ctx.store.status_topics[topic].label
            return Answer("ask", False, label, label, [Line(f"No source speaks to {label}.")])
        cite = Citer(ctx.store)
        lines = [as_of_line(ctx), *self.status.topic_lines(ts, cite, full=True)]
        if topic == "cast":
            lines.extend(self.status.cast_summary(cite))
        return Answer("ask", True, ts.label, ts.label, lines, cite.citations)

    def _about(self, people: list[str], q: Question, raw: str) -> Answer:
        """A question about named people: their own facts, not their cast card."""
        ctx = self.ctx
        eid, name = people[0], ctx.name(people[0])
        kind = ctx.store.entities[eid].kind
        if q.returning and kind in ("character", "actor") and q.season in (None, 2):
            return self._as_ask(self.cast.returns(eid))
        rest = self._rest(q, people)
        rel = self._relevance(" ".join(rest)) if rest else {}
        about: dict[int, float] = {}
        about_of = {e: self.lore.about_scores(e) for e in people}
        for e in people:
            for s, score in about_of[e].items():
                about[s] = max(about.get(s, -99.0), score)
        pool = list(about)
        for s in pool:  # a sentence going on about the one before shares its relevance
            if not rel.get(s) and rel.get(s - 1) and self._same_source(s, s - 1):
                rel[s] = rel[s - 1] * 0.9
        fate = any(w in q.text.split() for w in ("happened", "happen", "fate", "alive", "dead"))
        boost = {
            s: about[s]
            + 2.0 * rel.get(s, 0.0) / (1 + max(rel.values(), default=0) / 4)
            + 2.0 * (q.speech and self._has("speech", s))
            + 2.0 * (fate and self._has("fate", s))
            for s in pool
        }
        sentences = ctx.store.sentences
        together = [s for s in pool if all(s in about_of[e] for e in people)]
        if len(people) > 1 and together:  # "does On-jo like Cheong-san": what ties them
            pool, rest = together, []
        if q.speech:  # "what did X say": their own quoted words, when the sources quote them
            own = {s for e in people for s in ctx.store.mentions.get(e, [])}
            speech = [s for s in pool if s in own and self._has("speech", s)]
            quoted = [
                s for s in speech if "“" in sentences[s].display or '"' in sentences[s].display
            ]
            pool = quoted or speech or pool
        elif rest and not fate:
            pool = [s for s in pool if rel.get(s)]  # must share a word with the question
        ranked = [s for s in ctx.check.focused(pool, q, boost) if s in boost]
        chosen = distinct(ctx, ranked, 2)
        if not chosen:
            near = [s for s in self.lore.about(eid) if ctx.check.season_ok(s, q.season)]
            return dont_know(ctx, q, raw, near[:1], name)
        cite = Citer(ctx.store)
        title = f"{name}: what the sources say"
        return Answer("ask", True, name, title, fact_lines(ctx, chosen, cite), cite.citations)

    def _pooled(
        self, q: Question, raw: str, pool: list[int], label: str, status: str | None = None
    ) -> Answer:
        """Sentences on a topic that carry the expected type, in the season asked about."""
        ctx = self.ctx
        rel = self._relevance(q.text)
        chosen = distinct(ctx, ctx.check.focused(pool, q, rel), 2)
        season2 = q.season in (None, 2)
        lead = ctx.topic(status) if status and season2 else None
        if not chosen:
            near = [lead.lead.sentence_id] if lead else nearby(ctx, pool, rel, q.season)
            return dont_know(ctx, q, raw, near, label, as_of=lead is not None)
        cite = Citer(ctx.store)
        lines = [as_of_line(ctx)] if lead else []
        lines += fact_lines(ctx, chosen, cite)
        if lead and lead.lead.sentence_id not in chosen:
            row = ctx.store.sentences[lead.lead.sentence_id]
            lines.append(
                Line(
                    f"Season 2: “{shorten(row.display, 200)}” {cite.cite(lead.lead.sentence_id)}",
                    row.spoiler,
                )
            )
        return Answer("ask", True, label, label, lines, cite.citations)

    def _search(self, q: Question, raw: str) -> Answer:
        ctx = self.ctx
        hits = [(sid, sc) for sid, sc in ctx.m.search.search(q.text, 12) if sc >= ASK_MIN_SCORE]
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
        top = hits[0][1]
        want = set(tokens(q.text))
        covering = set(self._covering(q, [sid for sid, sc in hits if sc >= top * 0.5]))
        rel = {sid: sc for sid, sc in hits if sid in covering}
        chosen = distinct(ctx, ctx.check.focused(list(rel), q, rel), 2)
        if not chosen:
            shared = min(len(want), 2)
            near = {
                sid: sc
                for sid, sc in hits
                if len(want & set(tokens(ctx.store.sentences[sid].display))) >= shared
            }
            return dont_know(ctx, q, raw, nearby(ctx, list(near), near, q.season), None)
        cite = Citer(ctx.store)
        lines = fact_lines(ctx, chosen, cite)
        return Answer("ask", True, None, "What the sources say", lines, cite.citations)
