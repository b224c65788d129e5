"""`!ask`: a free question, read into a frame, then answered by the evidence that covers it.

Stage: the command decides. The message is split into its parts and a follow-up is read
against the previous frame (frame.py); the command that knows the subject proposes its answer
(the route below); verdict.py scores that and every other candidate the same way and keeps
the best, or says the sources don't say.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answers.commands.asking.about import About
from bot.answers.commands.asking.honest import as_of_line, dont_know
from bot.answers.commands.asking.kinds import Kinds
from bot.answers.commands.asking.links import Links
from bot.answers.commands.asking.naming import Naming
from bot.answers.commands.asking.narrow import narrow_answer
from bot.answers.commands.asking.pooled import VALUES, pooled
from bot.answers.commands.asking.verdict import Trace, decide
from bot.answers.commands.cast import Cast
from bot.answers.commands.lore import Lore
from bot.answers.commands.status import Status
from bot.answers.context import Context
from bot.answers.evidence.gathering.finding import Finder
from bot.answers.evidence.gathering.quoted import asks_meaning, quoted_answer
from bot.answers.evidence.gathering.search import search_answer
from bot.answers.evidence.people.fates import Fates
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.evidence.scoring.leading import lead_first
from bot.answers.reading.frame import (
    Frame,
    asks_itself,
    follow_up,
    lone_subject,
    name_list,
    points_back,
    predicate,
    season_words,
    split_parts,
)
from bot.answers.reading.matching import tokens
from bot.answers.reading.question import Question, analyse, conjoined, normalise, phrase_hits
from bot.answers.reading.spelling import Speller
from bot.answers.replies.parts import merge
from bot.answers.types import Answer, Citer, Line
from bot.facts.text import PhraseSet

EXAMPLE = "ask when will season 2 come out"
BARE = frozenset({"who", "when", "where", "which", "what", "why", "how"})  # a lone wh-word


class Ask:
    """Free questions, answered by the command that knows the subject."""

    def __init__(self, ctx: Context, cast: Cast, status: Status, lore: Lore):
        self.ctx = ctx
        self.cast = cast
        self.status = status
        self.lore = lore
        self.find = Finder(ctx)
        self.fates = Fates(ctx)
        self.about = About(ctx, self.find, cast, lore, self.fates)
        self.evidence = Evidence(ctx, lore.subjects.about_scores, self.fates.told_of)
        self.naming = Naming(self.find, cast, self.evidence)
        self.links = Links(ctx, cast)
        self.kinds = Kinds(ctx, self.evidence, status)  # questions answered by their kind
        self.spell = Speller(ctx.store, lambda w: bool(self.find.named(w)))
        self._digests: dict[tuple, Answer] = {}
        # the last route's answer when it must clear the bar like any candidate: a whole
        # status timeline, or the lines the subject route picked about a person
        self._strict: Answer | None = None
        self._subject: Answer | None = None
        self._strict_topic = ""
        self._lore_tokens: dict[str, frozenset[str]] = {}
        self._frame: Frame | None = None  # the frame being answered: its lines' order
        self._picked: list[int] = []  # the sentences the last pooled route shows
        self._described = False  # the last route found its person by description

    def __call__(self, question: str, previous: Frame | None = None) -> Answer:
        """A free question (or two), answered from the evidence that covers what it asks.
        previous: the frame of the question the same person asked just before, if any."""
        self.evidence.forget()
        parts = self._parts(question)
        if len(parts) == 1 or self._of_one_article(question, previous):
            return self._one(question, previous)[0]
        shown: list[str] = []
        answers: list[Answer] = []
        for i, part in enumerate(parts):
            ans = self._one(part, previous, part=i > 0)[0]
            previous = ans.frame or previous
            same = next((j for j, a in enumerate(answers) if a.lines == ans.lines), None)
            if same is None:
                shown.append(part)
                answers.append(ans)
            else:  # two parts that come to one answer: it is printed once, under both
                shown[same] = f"{shown[same]}? {part}"
        if len(answers) == 1:
            answers[0].frame = previous
            return answers[0]
        out = merge(shown, self.kinds.same.compared(shown, answers), self.ctx.store.vocab)
        out.frame = previous
        return out

    def _of_one_article(self, question: str, previous: Frame | None) -> bool:
        """Whether a message picks one article by its order and asks a topic of it ("which
        is the newest and what does it say about X"): one question, answered from that
        article, not a listing and then a topic asked of every article."""
        frame = self.frame(question, previous)
        return self.kinds.article.ordered(frame, question.lower()) is not None

    def explain(self, question: str, previous: Frame | None = None) -> list[Trace]:
        """How each part of a question was read and answered (for `ask --explain`)."""
        out = []
        parts = self._parts(question)
        if self._of_one_article(question, previous):
            parts = [question]
        for i, part in enumerate(parts):
            ans, trace = self._one(part, previous, part=i > 0)
            previous = ans.frame or previous
            out.append(trace)
        return out

    def _parts(self, question: str) -> list[str]:
        """The parts of a message; a later part counts only when it names someone or asks
        a question of its own."""

        def stands_alone(part: str) -> bool:
            text = normalise(part)
            if text.removeprefix("and ") in BARE:  # "how many … and who": one question
                return False
            return bool(self.find.named(text)) or asks_itself(text, self.ctx.store.vocab)

        question = conjoined(question, self.ctx.store.vocab)  # "미진이랑 대수": two people
        parts = split_parts(question, stands_alone, lambda p: bool(self.find.named(normalise(p))))
        words = self.ctx.store.vocab.get("ask.reciprocal", {}).get("words", [])
        shared = PhraseSet.of(tuple(words))  # "did on-jo and cheong-san kiss": one question
        return [p for part in parts for p in name_list(part, self.find.named, shared)][:3]

    def frame(self, question: str, previous: Frame | None = None, part: bool = False) -> Frame:
        """A question's frame; a follow-up is read as the standalone question it stands for.
        part: the question is a later part of one message ("…? and is she back")."""
        ctx = self.ctx
        typed = normalise(question)
        if (fixed := self.spell(typed)) != typed:  # "who is the directer": the director
            question = fixed
        q = analyse(question.strip(), ctx.store.vocab, self.find.lore_names)
        if q.atype == "what" and question.rstrip().endswith("?"):
            # "and s2 will be on netflix too?": a statement asked back, with no question word
            # at all, asks whether it holds, as "will s2 be on netflix" does
            types = ctx.store.vocab.get("ask.types", {})
            if not phrase_hits(q.text, {k: v for k, v in types.items() if k != "yesno"}):
                q = replace(q, atype="yesno")
        named, _, plain = self.naming.named(q.text)
        text = normalise(question)
        resolved = follow_up(text, previous, [e for _, e in named])
        leans = previous is not None and not named and points_back(text)
        own = self._predicate(q, named)
        # a later part naming a status topic of its own ("…and when is it out") asks it of the
        # show, not of the part before
        if resolved is None and leans and (part or not own) and not (part and q.status):
            # "how long are they": still the episodes; "and is she back": still Hyo-ryung
            # ("and when will it release" asks its own thing of the show: nothing to borrow)
            # a person asked a new kind of thing ("who is X playing and when does she show
            # up"): the person, not what was asked of them before
            other = part and previous.subject and q.atype != previous.question.atype
            borrowed = previous.subject if own or other else previous.topic
            resolved = f"{text} {borrowed}".strip()
        if resolved is not None and resolved != text:
            return self.frame(resolved)
        pred = self.naming.asides(q.text, self._predicate(q, named))
        if named != plain:
            # a relative found by description ("jin-su's dad"): their name is who they are
            naming = self.evidence.concepts.of_word("name")
            pred = [(w, c) for w, c in pred if c != naming]
        subject = named[0][0] if named else ""
        topic = " ".join([subject, *(w for w, _ in pred), *season_words(text, ctx.store.vocab)])
        return Frame(q, tuple(e for _, e in named), tuple(pred), text, subject, topic.strip())

    def _predicate(self, q: Question, named: list[tuple[str, str]]) -> list[tuple[str, str]]:
        words = {w for chunk, _ in named for w in chunk.split()}
        return predicate(q, words, self.evidence.concepts, self.ctx.store.vocab)

    def _one(
        self, question: str, previous: Frame | None, part: bool = False, plain: bool = False
    ) -> tuple[Answer, Trace]:
        frame = self.frame(question, previous, part)
        quoting = "speech" in frame.concepts and frame.question.atype in ("who", "where", "yesno")
        quoting = quoting or asks_meaning(self.ctx, question)  # "what does she mean by “…”"
        if quoting and (said := quoted_answer(self.ctx, question)) is not None:
            said.frame = frame  # "who said “…”": the lines printing it, with who says it
            return said, Trace(frame, reason="a quote the question prints: the lines printing it")
        if (pre := self.naming.answer(frame, alone=previous is None and not part)) is not None:
            pre[0].frame = frame  # "why did he make it" alone, "who is the villain"
            return pre[0], Trace(frame, reason=pre[1])
        asked = frame.asked if frame.asked != normalise(question) else question
        if frame.subject and lone_subject(frame.asked) == frame.subject:
            # "and ha-ri?" still bare once read against the question before (there was none,
            # or it asked of no one): a question about that person, their card
            card = self._as_ask(self.cast(self.ctx.name(frame.people[0])))
            card.frame = frame
            return card, Trace(frame, reason="a follow-up with no question before: their card")
        if self.naming.named(frame.question.text)[1]:
            # "who plays cheong-san's mom": a relative no article describes, not the person named
            ans = dont_know(self.ctx, frame.question, asked, [], None)
            ans.frame = frame
            return ans, Trace(frame, reason="a relative of someone named that no article describes")
        # --- a question answered by its kind (kinds.py): a later season, the sources, a list
        again = lambda text: self._one(text, None, plain=True)[0]  # noqa: E731
        if not plain and (kind := self.kinds.answer(frame, asked, again)) is not None:
            kind[0].frame = frame
            return kind[0], Trace(frame, reason=kind[1])
        # ---
        link = self.links.answer(frame, self.evidence.concepts.of_text)
        if link is not None:  # a yes/no on how two named things relate: the fact itself
            link.frame = frame
            return link, Trace(frame, reason="a yes/no linking two named things: their fact")
        self._strict = self._subject = None
        self._frame = frame
        self._described = False
        route = self._route(asked, frame.question)
        if self._described:
            route.frame = frame
            return route, Trace(frame, reason="a return asked of someone named by description")
        facts = self._facts(frame)
        proposals = [(route, frozenset()), *facts]
        strict = route is self._strict
        if strict and (ts := self.ctx.topic(self._strict_topic)) is not None:
            narrow = narrow_answer(self.ctx, self.evidence, frame, ts)
            if narrow is not None:  # "when did the teaser drop": that claim, then the state
                narrow.frame = frame
                return narrow, Trace(frame, reason="a narrow status question: its claim first")
        # the subject route's own pick of lines, not a fact it handed on (a person's return)
        subject = route is self._subject and all(a.lines != route.lines for a, _ in facts)
        ans, trace = decide(self.ctx, self.evidence, frame, proposals, asked, strict, subject)
        ans.frame = frame
        return ans, trace

    def _facts(self, frame: Frame) -> list[tuple[Answer, frozenset[str]]]:
        """Extracted facts about the person a question names, with the concepts each states
        ([ask.fact_concepts]): their Season 2 return, their card (who plays whom, crew roles,
        the spellings an article prints)."""
        if not frame.people:
            return []
        eid, want = frame.people[0], frame.concepts
        states = {
            k: frozenset(v) for k, v in self.ctx.store.vocab.get("ask.fact_concepts", {}).items()
        }
        kind = self.ctx.store.entities[eid].kind
        out = []
        if (
            (want & states.get("return", frozenset()) or frame.question.returning)
            and kind != "crew"
            and frame.question.season in (None, 2)
        ):
            out.append((self._as_ask(self.cast.returning.answer(eid)), states["return"]))
        card = states.get("crew_card" if kind == "crew" else "card", frozenset())
        if want & card:
            out.append((self._as_ask(self.cast(self.ctx.name(eid))), card))
        return out

    def _route(self, question: str, q: Question) -> Answer:
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
        if not people and q.returning and q.season in (None, 2) and self._frame is not None:
            back = set(ctx.store.vocab.get("ask.fact_concepts", {}).get("return", []))
            words = [w for w, c in self._frame.predicate if c not in back]
            if described := self.naming.described(words):  # "is the science teacher in s2"
                self._described = True  # their return, not the lines on their description
                return self.about([described], q, raw, self._lead)
        if people and (q.casting or (q.atype == "who" and not self.find.rest(q, people))):
            if not q.casting and ctx.store.entities[people[0]].kind == "character":
                return self.about.who_is(people[0])  # who they are, then who plays them
            described = self.cast.described_in(q.text)  # "who plays the villain": shown so
            asked = described[0] if described and described[1] == people[0] else None
            return self._as_ask(self.cast(asked or ctx.name(people[0])))
        if q.role and not people and not q.lore:
            ids = self.cast.role_ids(q.role)
            if ids and not q.speech and q.atype in ("who", "what", "yesno"):
                return self._as_ask(self.cast.crew(ids, q.role))
            people = list(ids)
        if people:
            self._subject = self.about(people, q, raw, self._lead)
            return self._subject
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
                self._subject = ans
            return ans
        return self._search(q, raw)

    # --- answers ------------------------------------------------------------------------

    def _lore_words(self, lore: str) -> frozenset[str]:
        """The search tokens of a lore topic's names (read once per topic)."""
        got = self._lore_tokens.get(lore)
        if got is None:
            got = self._lore_tokens[lore] = frozenset(
                t for n in self.find.lore_names[lore] for t in tokens(n)
            )
        return got

    def _as_ask(self, ans: Answer) -> Answer:
        ans.command = "ask"
        return ans

    def _digest(self, topic: str) -> Answer:
        """A status topic's timeline as an answer; built once per topic and day (the store
        never changes while loaded), handed out as a copy."""
        key = (topic, self.ctx.today())
        if key not in self._digests:
            if len(self._digests) > 64:
                self._digests.clear()
            self._digests[key] = self._build_digest(topic)
        ans = self._digests[key]
        self._strict = replace(ans, lines=list(ans.lines), citations=list(ans.citations))
        self._strict_topic = topic
        return self._strict

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
        frame, ev = self._frame, self.evidence
        if frame is None or not frame.concepts:
            return True
        keys = set(ev.keys(frame))
        best = max((len(keys & ev.score_sentence(frame, s).itself) for s in sids), default=0)
        if best == len(keys):
            return True
        return all(len(keys & s.itself) <= best for s in ev.ranked(frame) if s.accepted)

    def _lead(self, sids: list[int]) -> list[int]:
        """Picked lines in answer order for the frame being answered (scoring/leading.py)."""
        return sids if self._frame is None else lead_first(self.evidence, self._frame, sids)
