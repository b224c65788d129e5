"""`!ask`: a free question, read into a frame, then answered by the evidence that covers it.

Stage: the command decides. The message is split into its parts and a follow-up is read
against the previous frame (frame.py); the command that knows the subject proposes its answer
(deciding/router.py); verdict.py scores that and every other candidate the same way and keeps
the best, or says the sources don't say.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answers.commands.asking.about import About
from bot.answers.commands.asking.deciding.router import Router, as_ask
from bot.answers.commands.asking.honest import dont_know
from bot.answers.commands.asking.kinds import Kinds
from bot.answers.commands.asking.links import Links
from bot.answers.commands.asking.naming import Naming
from bot.answers.commands.asking.narrow import narrow_answer
from bot.answers.commands.asking.verdict import Trace, decide
from bot.answers.commands.cast import Cast
from bot.answers.commands.lore import Lore
from bot.answers.commands.status import Status
from bot.answers.context import Context
from bot.answers.evidence.gathering.finding import Finder
from bot.answers.evidence.gathering.quoted import asks_meaning, quoted_answer
from bot.answers.evidence.people.fates import Fates
from bot.answers.evidence.scoring.evidence import Evidence
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
from bot.answers.reading.question import Question, analyse, conjoined, normalise, phrase_hits
from bot.answers.reading.spelling import Speller
from bot.answers.replies.parts import merge
from bot.answers.types import Answer
from bot.facts.text import PhraseSet

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
        self.evidence = ev = Evidence(ctx, lore.subjects.about_scores, self.fates.told_of)
        self.naming = Naming(self.find, cast, self.evidence)
        self.links = Links(ctx, cast)
        self.kinds = Kinds(ctx, self.evidence, status)  # questions answered by their kind
        self.spell = Speller(ctx.store, lambda w: bool(self.find.named(w)))
        commands = (cast, status, lore)
        self.router = Router(ctx, self.find, self.naming, self.about, commands, self.fates, ev)

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
            card = as_ask(self.cast(self.ctx.name(frame.people[0])))
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
        self.router.start(frame)
        route = self.router(asked, frame.question)
        if self.router.described:
            route.frame = frame
            return route, Trace(frame, reason="a return asked of someone named by description")
        facts = self._facts(frame)
        proposals = [(route, frozenset()), *facts]
        strict = route is self.router.strict
        if strict and (ts := self.ctx.topic(self.router.strict_topic)) is not None:
            narrow = narrow_answer(self.ctx, self.evidence, frame, ts)
            if narrow is not None:  # "when did the teaser drop": that claim, then the state
                narrow.frame = frame
                return narrow, Trace(frame, reason="a narrow status question: its claim first")
        # the subject route's own pick of lines, not a fact it handed on (a person's return)
        subject = route is self.router.subject and all(a.lines != route.lines for a, _ in facts)
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
            out.append((as_ask(self.cast.returning.answer(eid)), states["return"]))
        card = states.get("crew_card" if kind == "crew" else "card", frozenset())
        if want & card:
            out.append((as_ask(self.cast(self.ctx.name(eid))), card))
        return out
