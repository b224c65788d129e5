"""Stage: question read, against the store. Who a question names and what of it is asked:
a relative found by description ("jin-su's dad" is the one an article calls Jin-su's
father), a Hangul name with its particle (see Finder), and an aside after the question
whose words no article prints ("…i hate him", "…or is that just rumors")."""

from __future__ import annotations

import re
from functools import cached_property

from bot.answers.commands.cast import Cast
from bot.answers.context import evidence
from bot.answers.evidence.gathering.finding import Finder
from bot.answers.evidence.people.describe import person_nouns
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.reading.frame import Frame
from bot.answers.reading.wording import safe_echo
from bot.answers.types import Answer, Citer, Line
from bot.facts.text import PhraseSet

# where an aside after the question starts: a remark of the fan's own (or of someone they
# know: "…my cousin swears he saw it"), or an alternative
_ASIDE = re.compile(r"\s(?:i|im|i'm|or|my)\s")
# a person a question points back to ("why did he make it"), a thing or a group aside
_PERSON_PRONOUNS = ("he", "him", "his", "she", "her", "hers")
_SOMEONE = {"my", "a", "some", "this", "our"}  # before a person noun: someone the fan knows
MAX_MEANT = 3  # people offered as whom a pronoun could mean


class Naming:
    """The names of a question's text, read once per question."""

    def __init__(self, find: Finder, cast: Cast, evidence: Evidence):
        self.find = find
        self.cast = cast
        self.evidence = evidence
        self._memo: tuple[str, tuple] | None = None  # the text last read, and its reading

    def asides(self, text: str, pred: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The predicate without the words of an aside after the question that no article
        prints ("…coming back in s2 i hate him", "…confirmed or is that just rumors"): a
        remark or an alternative the articles cannot speak to, not what is asked. Who told
        the fan ("my brother told me he heard…") is no part of what is asked either."""
        pred = self._unreported(text, pred)
        m = _ASIDE.search(text)
        if m is None:
            return pred
        if self.find.named(text[m.end() :]):
            return pred  # an alternative naming someone ("…park solomon or lomon") is asked
        rest = text[m.end() :].split()
        tail = set(rest)
        ev = self.evidence
        nouns, reporting = self._people_words
        if len(rest) > 1 and rest[0] in nouns and rest[1] in reporting:
            # "…my cousin swears he saw it": what someone else says, all of it an aside
            kept = [(w, c) for w, c in pred if not set(w.split()) <= tail]
            return kept or pred
        kept = [(w, c) for w, c in pred if not (set(w.split()) <= tail and not ev.printed(c))]
        return kept or pred

    def _unreported(self, text: str, pred: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The predicate without the person and the verbs that relay a claim to the fan ("my
        brother told me he heard there's a trailer": the trailer is asked), when the message
        names such a someone ("my …", "a …", "some …" before a person noun and a reporting
        verb)."""
        nouns, reporting = self._people_words
        words = text.split()
        relayed = any(
            words[i - 1] in _SOMEONE and words[i] in nouns and words[i + 1] in reporting
            for i in range(1, len(words) - 1)
        )
        if not relayed:
            return pred
        aside = nouns | reporting
        kept = [(w, c) for w, c in pred if not set(w.split()) <= aside]
        return kept or pred

    def named(self, text: str) -> tuple[list[tuple[str, str]], bool, list[tuple[str, str]]]:
        """The people a question's text names, relatives found by description (see `_kin`),
        whether it asks of a relative no article describes, and the names as typed (kept for
        the text last read: the frame, the route and the checks between all ask it)."""
        memo = self._memo
        if memo is None or memo[0] != text:
            plain = self.find.named(text)
            if not plain and (described := self.cast.described_in(text)):
                plain = [described]  # "who plays the villain": the one an article calls so
            memo = self._memo = (text, (*self._kin(text, plain), plain))
        return memo[1]

    def _kin(self, text: str, named: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
        """A name followed by a family word ("jin-su's dad") names the relative an article
        describes so ("Jin-su's father"), not the person named; and whether a relative was
        asked that no article describes ("cheong-san's mom")."""
        kin = {
            w
            for k, alts in self.find.ctx.store.vocab.get("ask.kin", {}).items()
            for w in (k, *alts)
        }
        words, out, unknown = text.split(), [], False
        for chunk, eid in named:
            size, hit = len(chunk.split()), (chunk, eid)
            for i in range(len(words) - size):
                if " ".join(words[i : i + size]) == chunk and words[i + size] in kin:
                    asked = f"{chunk} {words[i + size]}"
                    row = self.cast.descriptions.lookup(asked).row
                    if row is not None and row.entity_id != eid:
                        hit = (asked, row.entity_id)
                    else:
                        unknown = True
                    break
            out.append(hit)
        return out, unknown

    def described(self, words: list[str]) -> str | None:
        """The one person a return question names by what the articles call them ("is the
        science teacher in s2": the teacher the section names), from the predicate's words;
        else None. Only a sure lookup counts, never a did-you-mean."""
        phrase = " ".join(words)
        if len(phrase) < 4:
            return None
        found = self.cast.descriptions.lookup(phrase)
        if found.row is not None:
            return found.row.entity_id
        linked = self.cast.section_link(phrase)
        return linked[0] if linked else None

    def answer(self, frame: Frame, alone: bool) -> tuple[Answer, str] | None:
        """(the answer, why) for a question about whom it means: a pronoun with no one named
        before it (alone: no question before), or a who-question about what the articles
        call someone ("who is the villain"); None otherwise."""
        if alone and (ans := self.unmeant(frame)) is not None:
            return ans, "a pronoun with no one named before it: asks who"
        if (ans := self.described_who(frame)) is not None:
            return ans, "who is called so: the descriptions printed beside a name"
        return None

    def described_who(self, frame: Frame) -> Answer | None:
        """ "who is the villain": the person whose printed descriptions carry the concept
        asked (villain: "the villain character", "our antagonist"), each description with
        its article; only when every such description is of one person."""
        q = frame.question
        if q.atype != "who" or frame.people or q.role or len(frame.predicate) != 1:
            return None
        typed, concept = frame.predicate[0]
        store, of_text = self.find.ctx.store, self.evidence.concepts.of_text
        group = {typed, *store.vocab.get("ask.concepts", {}).get(concept, [])}
        if not group & set(self._person_nouns.phrases):
            return None  # "who is new", "who died": not a role a description can hold
        rows = [d for ds in store.descriptions.values() for d in ds if concept in of_text(d.text)]
        if not rows or len({d.entity_id for d in rows}) != 1:
            return None
        ctx, cite = self.find.ctx, Citer(store)
        eid = rows[0].entity_id
        name = ctx.name(eid)
        lines = [Line(f"{name} is the one the articles describe so:")]
        for d in sorted(rows, key=lambda d: (typed not in d.text.lower(), d.sentence_id)):
            row = store.sentences[d.sentence_id]
            lines.append(Line(f"• “{d.text}” {cite.cite(d.sentence_id)}", row.spoiler))
        for p in ctx.pairs_for(eid)[:1]:
            if p.character_id == eid:
                lines.append(Line(f"Played by {ctx.name(p.actor_id)} {cite.cite_all(evidence(p))}"))
        return Answer("ask", True, name, f"Who is {name}?", lines, cite.citations)

    @cached_property
    def _person_nouns(self) -> PhraseSet:
        """Nouns that name a person by role (built once: every pronoun question asks)."""
        return PhraseSet(person_nouns(self.find.ctx.store.vocab))

    @cached_property
    def _people_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """Everyday nouns for a person ([ask.antecedents], and the family words of
        [ask.kin]), and the verbs that report what someone else says."""
        vocab = self.find.ctx.store.vocab
        table = vocab.get("ask.antecedents", {})
        kin = {w for k, alts in vocab.get("ask.kin", {}).items() for w in (k, *alts)}
        return frozenset([*table.get("nouns", []), *kin]), frozenset(table.get("reporting", []))

    def _antecedent(self, before: list[str]) -> bool:
        """Whether the words before a pronoun give it someone to mean: a person noun ("my
        cousin", "some guy"), or a verb reporting what someone other than the fan says ("they
        swear he…"): the pronoun sits in hearsay about that someone, nobody to ask after."""
        nouns, reporting = self._people_words
        if any(w in nouns for w in before):
            return True
        return any(
            w in reporting and i > 0 and before[i - 1] not in ("i", "we", "im")
            for i, w in enumerate(before)
        )

    def unmeant(self, frame: Frame) -> Answer | None:
        """A question pointing back to a person ("why did he make it tho") with no question
        before it and no one named or described in it: who the lines nearest the question
        name, and a request to name the person; never a guess. None otherwise."""
        store = self.find.ctx.store
        words = frame.asked.split()
        pronoun = next((w for w in words if w in _PERSON_PRONOUNS), None)
        if pronoun is None or frame.people or frame.question.role:
            return None
        if self._person_nouns.any(frame.asked):
            return None  # "why did the teacher make it, was he…": the noun is who
        if self._antecedent(words[: words.index(pronoun)]):
            return None  # "my cousin swears he saw it": the cousin is who
        ctx = self.find.ctx
        named: list[str] = []
        if frame.predicate:
            for score in self.evidence.ranked(frame)[:6]:
                if not score.accepted:
                    continue
                for eid, sids in store.mentions.items():
                    kind = store.entities[eid].kind
                    if score.ref in sids and kind == "character" and eid not in named:
                        named.append(eid)
        p = ctx.prefix
        lines = [
            Line(
                f"Who do you mean by “{safe_echo(pronoun)}”? No one is named before this "
                "question, so I'd only be guessing."
            )
        ]
        if named:
            listed = ", ".join(ctx.name(e) for e in named[:MAX_MEANT])
            lines.append(Line(f"The lines nearest your question name: {listed}."))
        lines.append(Line(f"Ask again with the name, e.g. `{p}ask {_with_name(words, pronoun)}`."))
        return Answer("ask", False, None, "Who do you mean?", lines)


def _with_name(words: list[str], pronoun: str) -> str:
    """The question with its pronoun as a placeholder for the name."""
    return " ".join("<name>" if w == pronoun else safe_echo(w, 30) for w in words[:16])
