"""Stage: the command proposes. A free question routed to the command that knows its subject.

A status digest or pooled status lines, a person's lines or card, a crew list, the fates, a
lore topic's lines, or a free search: the answer that command would give, which the verdict
then scores with every other candidate. The router keeps what its last route picked (a whole
timeline that must clear the bar, the lines picked about a person) for the verdict to read.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answers.commands.asking.about import About
from bot.answers.commands.asking.honest import as_of_line
from bot.answers.commands.asking.naming import Naming
from bot.answers.commands.asking.pooled import VALUES, pooled
from bot.answers.commands.cast import Cast
from bot.answers.commands.lore import Lore
from bot.answers.commands.status import Status
from bot.answers.context import Context
from bot.answers.evidence.gathering.finding import Finder
from bot.answers.evidence.gathering.search import search_answer
from bot.answers.evidence.people.fates import Fates
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.evidence.scoring.leading import lead_first
from bot.answers.reading.frame import Frame
from bot.answers.reading.matching import tokens
from bot.answers.reading.question import Question
from bot.answers.types import Answer, Citer, Line

EXAMPLE = "ask when will season 2 come out"


def as_ask(ans: Answer) -> Answer:
    """Another command's answer, given as `!ask`'s own."""
    ans.command = "ask"
    return ans


class Router:
    """The route of one free question at a time, and what it picked."""

    def __init__(
        self,
        ctx: Context,
        find: Finder,
        naming: Naming,
        about: About,
        commands: tuple[Cast, Status, Lore],
        fates: Fates,
        evidence: Evidence,
    ):
        self.ctx = ctx
        self.find = find
        self.naming = naming
        self.about = about
        self.cast, self.status, self.lore = commands
        self.fates = fates
        self.evidence = evidence
        self._digests: dict[tuple, Answer] = {}
        # the last route's answer when it must clear the bar like any candidate: a whole
        # status timeline, or the lines the subject route picked about a person
        self.strict: Answer | None = None
        self.subject: Answer | None = None
        self.strict_topic = ""
        self._lore_tokens: dict[str, frozenset[str]] = {}
        self._answering: Frame | None = None  # the frame being answered: its lines' order
        self._picked: list[int] = []  # the sentences the last pooled route shows
        self.described = False  # the last route found its person by description

    def start(self, frame: Frame) -> None:
        """A new question to route: nothing picked for it yet."""
        self.strict = self.subject = None
        self._answering = frame
        self.described = False

    def __call__(self, question: str, q: Question) -> Answer:
        """What the command that knows the subject would answer (q: the question, read)."""
        ctx = self.ctx
        raw = question.strip()
        if not q.text:
            return Answer(
                "ask",
                False,
                None,
                "Ask me something",
                [Line(f"Ask a question, e.g. `{ctx.prefix}{EXAMPLE}`.")],
                suggestions=[f"{ctx.prefix}status", f"{ctx.prefix}cast On-jo"],
            )
        people = [e for _, e in self.naming.named(q.text)[0]]
        if not people and q.returning and q.season in (None, 2) and self._answering is not None:
            back = set(ctx.store.vocab.get("ask.fact_concepts", {}).get("return", []))
            words = [w for w, c in self._answering.predicate if c not in back]
            if described := self.naming.described(words):  # "is the science teacher in s2"
                self.described = True  # their return, not the lines on their description
                return self.about([described], q, raw, self._lead)
        if people and (q.casting or (q.atype == "who" and not self.find.rest(q, people))):
            if not q.casting and ctx.store.entities[people[0]].kind == "character":
                return self.about.who_is(people[0])  # who they are, then who plays them
            described = self.cast.described_in(q.text)  # "who plays the villain": shown so
            asked = described[0] if described and described[1] == people[0] else None
            return as_ask(self.cast(asked or ctx.name(people[0])))
        if q.role and not people and not q.lore:
            ids = self.cast.role_ids(q.role)
            if ids and not q.speech and q.atype in ("who", "what", "yesno"):
                return as_ask(self.cast.crew(ids, q.role))
            people = list(ids)
        if people:
            self.subject = self.about(people, q, raw, self._lead)
            return self.subject
        if q.fate not in (None, "any") and not q.lore and not q.status:
            return self.fates.answer(q, raw)  # "who died in season 1?"
        if q.status and q.status_weight >= q.lore_weight:
            if q.status == "release" and q.past and not q.seasons:
                q = replace(q, seasons=frozenset({1}))  # "when did it air?": the aired season
            digest_types = (
                ("when", "yesno", "what", "who")
                if q.status == "cast"
                else ("when", "yesno", "what")
            )
            # "is there a season 2?", "how many seasons are there?": whether Season 2 exists
            exists = q.status_weight == 0
            if q.season in (None, 2) and (q.atype in digest_types or exists):
                return self._digest(q.status)
            label = ctx.store.status_topics[q.status].label
            return self._pooled(q, raw, self.find.pool("status", q.status), label, status=q.status)
        if q.atype == "when" and q.season in (None, 2) and not q.lore:
            return self._digest("release")  # "when is season 2?": its release
        if q.lore:
            label = ctx.store.lore_topics[q.lore].label
            named = self._lore_words(q.lore)
            if q.atype in ("what", "yesno") and not set(tokens(q.text)) - named:
                keep = lambda s: ctx.check.answers(s, q)  # noqa: E731
                ans = self.lore.topic(q.lore, "ask", q.text, keep=keep, limit=2)
                if ans.ok:
                    return ans
            scored = ctx.store.lore.get(q.lore, [])
            facts = [sid for sid, _ in scored]
            hits = self.find.covering(q, list(self.find.relevance(q.text, 20)))
            prior = {sid: sc / 4 for sid, sc in scored}  # how much a fact is about the topic
            ans = self._pooled(q, raw, list(dict.fromkeys(facts + hits)), label, prior=prior)
            # a count or a date asked of a lore topic, or lines that cover what was asked only
            # together ("so many powers" + "a hybrid"): the lines picked for the topic give way
            # to one that carries it all
            if q.atype in VALUES or not self._whole(self._picked):
                self.subject = ans
            return ans
        return self._search(q, raw)

    def _lore_words(self, lore: str) -> frozenset[str]:
        """The search tokens of a lore topic's names (read once per topic)."""
        got = self._lore_tokens.get(lore)
        if got is None:
            got = self._lore_tokens[lore] = frozenset(
                t for n in self.find.lore_names[lore] for t in tokens(n)
            )
        return got

    def _digest(self, topic: str) -> Answer:
        """A status topic's timeline as an answer; built once per topic and day (the store
        never changes while loaded), handed out as a copy."""
        key = (topic, self.ctx.today())
        if key not in self._digests:
            if len(self._digests) > 64:
                self._digests.clear()
            self._digests[key] = self._build_digest(topic)
        ans = self._digests[key]
        self.strict = replace(ans, lines=list(ans.lines), citations=list(ans.citations))
        self.strict_topic = topic
        return self.strict

    def _build_digest(self, topic: str) -> Answer:
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

    def _pooled(
        self,
        q: Question,
        raw: str,
        pool: list[int],
        label: str,
        status: str | None = None,
        prior: dict[int, float] | None = None,
    ) -> Answer:
        """Sentences on a topic that carry the expected type (pooled.py)."""
        ctx, find, order = self.ctx, self.find, self._lead
        ans, self._picked = pooled(ctx, find, q, raw, pool, label, order, status, prior)
        return ans

    def _search(self, q: Question, raw: str) -> Answer:
        return search_answer(self.ctx, self.find, q, raw, self._lead)

    def _whole(self, sids: list[int]) -> bool:
        """Whether one of the sentences covers by itself as many key concepts of the frame as
        any sentence that answers does (all of them, or the most any covers)."""
        frame, ev = self._answering, self.evidence
        if frame is None or not frame.concepts:
            return True
        keys = set(ev.keys(frame))
        best = max((len(keys & ev.score_sentence(frame, s).itself) for s in sids), default=0)
        if best == len(keys):
            return True
        return all(len(keys & s.itself) <= best for s in ev.ranked(frame) if s.accepted)

    def _lead(self, sids: list[int]) -> list[int]:
        """Picked lines in answer order for the frame being answered (scoring/leading.py)."""
        return sids if self._answering is None else lead_first(self.evidence, self._answering, sids)
