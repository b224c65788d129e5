"""Stage: evidence gathered and scored. What a sentence says of the part of a question that
is asked, beyond its words: a count next to what it counts ("how many N"), a reason in the
next sentence ("why"), a fate told right at the person's name ("is X alive"), and the season
of the clause that carries the asked words."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from bot.answers.context import Context
from bot.answers.reading.concepts import Concepts
from bot.answers.reading.frame import Frame
from bot.answers.reading.question import normalise, seasons_named
from bot.facts.text import PhraseSet

LIFE = ("survival", "death")  # fates that answer each other: "is X alive" by a death told
NEAR_NUMBER = 4  # words between a count and what it counts, at most
_WORDS = re.compile(r"[\w'-]+")
AHEAD = 2  # sentences ahead a demonstrative ("these hybrids") still names what came before
_BACK = re.compile(r"\b(?:[Tt]hese|[Tt]hose)\s+([A-Za-z][\w-]+)")
# a reason's reach: not past a parenthesis, a contrast or a second clause joined by "and"
# ("…sacrificed his life to save his friends and Nam-ra was left behind": the reason is his)
_PART = re.compile(r"[;:()—–]|,?\s+(?:but|while|whereas|although|though|and)\s+")
_CLAUSE = re.compile(r"[;:]|,?\s+(?:but|while|whereas|although|though|as)\s+")


class Asked:
    """Per-store readings of sentences against the asked part, cached per sentence."""

    def __init__(
        self,
        ctx: Context,
        concepts: Concepts,
        fate_of: Callable[[int, str, str | None], bool] | None = None,
    ):
        """fate_of: whether a sentence tells a fate of a person right at their name."""
        self.ctx = ctx
        self.concepts = concepts
        self.fate_of = fate_of
        self._clause_cache: dict[int, list[tuple[frozenset[str], frozenset[int]]]] = {}
        self._named_cache: dict[int, frozenset[str]] = {}  # see `named_after`
        self._reason_parts: dict[int, list[frozenset[str]]] = {}  # see `reason_of`
        self._stated: dict[str, tuple[frozenset[str], str] | None] = {}  # see `stated_count`
        self._name_memo: tuple[Frame, str | None] | None = None  # see `name_asked`

    @cached_property
    def life_concepts(self) -> frozenset[str]:
        """The concepts of the words that ask about a death or a survival ([ask.fates])."""
        fates = self.ctx.store.vocab.get("ask.fates", {})
        return self.concepts.of_text(" ".join(w for f in LIFE for w in fates.get(f, [])))

    @cached_property
    def story_end_concepts(self) -> frozenset[str]:
        """The concepts of the words that, asked with what happened to someone, ask their fate
        at the end of the story ("at the end", "in the finale"; [ask.fate_asked])."""
        words = self.ctx.store.vocab.get("ask.fate_asked", {}).get("story_end", [])
        return self.concepts.of_text(" ".join(words))

    def fate_bound(self, frame: Frame, sid: int) -> bool:
        """For a fate asked of a person ("is X alive", "did X die", "what happened to X at the
        end"): whether the sentence tells a fate right at their name, not of someone beside
        them (a death answers "alive" too; any fate answers what happened to them)."""
        fate = frame.question.fate
        if self.fate_of is None or not frame.people or fate is None:
            return False
        if fate == "any":  # only when the rest asks nothing but the end of the story
            if not frame.concepts or not frame.concepts <= self.story_end_concepts:
                return False
            return any(self.fate_of(sid, e, None) for e in frame.people)
        fates = LIFE if fate in LIFE else (fate,)
        return any(self.fate_of(sid, e, f) for e in frame.people for f in fates)

    def fated(self, frame: Frame) -> frozenset[str]:
        """The predicate's concepts a fate told at the person's name covers."""
        if frame.question.fate == "any":
            return frame.concepts & self.story_end_concepts
        return frame.concepts & self.life_concepts

    def clause_season(self, frame: Frame, sid: int) -> bool:
        """Whether the clause that carries what was asked fits the season asked about, in a
        sentence naming another one elsewhere ("no sign of Season 2, but it was already
        watched a million times" answers how often Season 1 was watched)."""
        season, want = frame.question.season, frame.concepts
        if season is None or not want:
            return False
        for concepts, named in self._clauses(sid):
            if concepts & want and (season in named or (not named and season <= 2)):
                return True
        return False

    def _clauses(self, sid: int) -> list[tuple[frozenset[str], frozenset[int]]]:
        """Each clause's concepts and the seasons it names (read once per sentence)."""
        got = self._clause_cache.get(sid)
        if got is None:
            vocab = self.ctx.store.vocab
            got = self._clause_cache[sid] = [
                (self.concepts.of_text(c), seasons_named(normalise(c), vocab))
                for c in _CLAUSE.split(self.ctx.store.sentences[sid].display)
            ]
        return got

    def named_after(self, sid: int) -> frozenset[str]:
        """What a sentence describes, as a later sentence of its article names it back with a
        demonstrative ("…gaining heightened senses. … the mysteries surrounding these
        hybrids"): the concepts of the nouns after "these"/"those" AHEAD sentences on."""
        got = self._named_cache.get(sid)
        if got is not None:
            return got
        store = self.ctx.store
        src = store.sentences[sid].source_id
        out: set[str] = set()
        for ahead in range(1, AHEAD + 1):
            nxt = store.sentences.get(sid + ahead)
            if nxt is None or nxt.source_id != src or nxt.kind != "text":
                break
            for m in _BACK.finditer(nxt.display):
                if (c := self.concepts.of_word(m.group(1).lower())) is not None:
                    out.add(c)
        # "…offered these hints": words announced, quoted after it, not what came before
        got = self._named_cache[sid] = frozenset(out - {"speech"})
        return got

    @cached_property
    def _why(self) -> PhraseSet:
        return PhraseSet(self.ctx.store.vocab.get("ask.carries", {}).get("why", []))

    def reason_of(self, frame: Frame, sid: int) -> bool:
        """For "why": whether the reason a sentence gives is for what was asked: a causal cue
        in a part of the sentence (not a parenthesis or a contrast beside it) that names the
        predicate, or a reason opening the next sentence (read per sentence and frame)."""
        if self.reason_next(sid):
            return True
        parts = self._reason_parts.get(sid)
        if parts is None:
            parts = self._reason_parts[sid] = [
                self.concepts.of_text(p)
                for p in _PART.split(self.ctx.store.sentences[sid].display)
                if p and self._why.any(p)
            ]
        return any(cs & frame.concepts for cs in parts)

    def reason_next(self, sid: int) -> bool:
        """Whether the next sentence of the same article gives a reason ("This is because…")."""
        store = self.ctx.store
        nxt = store.sentences.get(sid + 1)
        return (
            nxt is not None
            and nxt.source_id == store.sentences[sid].source_id
            and self.ctx.check.readable(sid + 1)
            and "why" in self.ctx.check.traits(sid + 1).carries
        )

    def counts(self, frame: Frame, sid: int) -> bool:
        """For "how many N": whether a number (digits or spelled) stands next to N or a word
        of its concept ("12 episodes", "watched over a million times")."""
        text = self.ctx.store.sentences[sid].display.lower()
        for idiom in self._not_counts.find(text):  # "from one to another student"
            text = text.replace(idiom, " ")
        words = _WORDS.findall(text)
        numbers = self._number_words
        at = [i for i, w in enumerate(words) if w in numbers or (w.isdigit() and len(w) != 4)]
        if not at:
            return self.ctx.check.near.antecedent(sid) is not None  # "the same number"
        want, of = frame.concepts, self.concepts.of_word
        near = [i for i, w in enumerate(words) if of(w) in want]
        for i in at:
            counted = next((of(w) for w in words[i + 1 : i + 3] if w not in numbers), None)
            if counted in want:  # "12 episodes"
                return True
            # "watched over a million times", "the remaining six who are still human": a count
            # of nothing else beside what it counts ("with 12 episodes" counts episodes, not
            # the "watch" before it)
            if counted is None and any(0 < abs(i - j) <= NEAR_NUMBER for j in near):
                return True
            if counted == "time" and any(0 < i - j <= NEAR_NUMBER for j in near):
                return True
        return False

    def stated_count(self, frame: Frame) -> tuple[frozenset[str], str] | None:
        """A count the fan states of what they ask for ("all 6 names", "the six survivors"):
        how a line prints that count (digits or spelled) and the concept of what it counts; a
        number naming a season or an episode ("season 2 cast") counts nothing."""
        key = frame.question.text
        if key not in self._stated:
            self._stated[key] = self._read_count(frame)
        return self._stated[key]

    def _read_count(self, frame: Frame) -> tuple[frozenset[str], str] | None:
        words = _WORDS.findall(frame.question.text.lower())
        carries = self.ctx.store.vocab.get("ask.carries", {})
        spelled = list(carries.get("number_words", []))[:12]  # "one" to "twelve"
        ordinal = frozenset(carries.get("numbered", []))
        want, of = frame.concepts, self.concepts.of_word
        for i, w in enumerate(words):
            n = int(w) if w.isdigit() and 1 <= int(w) <= 12 else None
            if n is None and w in spelled:
                n = spelled.index(w) + 1
            if n is None or (i and words[i - 1] in ordinal):
                continue
            counted = next((of(x) for x in words[i + 1 : i + 3] if of(x) in want), None)
            if counted is not None:
                return frozenset({str(n), spelled[n - 1]}), counted
        return None

    def prints_count(self, frame: Frame, sid: int) -> frozenset[str]:
        """The concept of what the fan counts, when the line prints the count they state
        ("the remaining six who are still human" for "all 6 names"); else nothing."""
        stated = self.stated_count(frame)
        if stated is None:
            return frozenset()
        words = set(_WORDS.findall(self.ctx.store.sentences[sid].display.lower()))
        return frozenset({stated[1]}) if words & stated[0] else frozenset()

    def name_asked(self, frame: Frame) -> str | None:
        """The concept of the thing whose name is asked ("what's the production company
        called", "the name of the school", "the school's name"), if one is (read once per
        frame: every candidate sentence of a question asks it)."""
        memo = self._name_memo
        if memo is None or memo[0] is not frame:
            memo = self._name_memo = (frame, self._name_asked(frame))
        return memo[1]

    def _name_asked(self, frame: Frame) -> str | None:
        words = _WORDS.findall(frame.question.text.lower())
        of, want = self.concepts.of_word, frame.concepts
        carries = self.ctx.store.vocab.get("ask.carries", {})
        ending = frozenset(carries.get("name_asked", []))
        # "what's the virus even called again": words that carry no concept ("even", "again")
        # neither end the question nor stand between the thing and "called"
        while words and of(words[-1]) is None:
            words.pop()
        for i, w in enumerate(words):
            thing = None
            if w in ending and i == len(words) - 1 and i:  # "… company called"
                before = [x for x in words[:i] if of(x) is not None]
                thing = of(before[-1]) if before else None
            elif w in ("name", "names") and words[i + 1 : i + 2] == ["of"]:  # "name of the X"
                things = [of(x) for x in words[i + 2 : i + 5] if of(x) in want]
                thing = things[-1] if things else None  # the noun: "the bullied kid"
            elif w == "name" and i and words[i - 1].endswith("'s"):  # "the school's name"
                thing = of(words[i - 1][:-2])
            # a person's name ("the bullied kid") or a count ("the six") is any name printed
            if thing in want and thing not in self._unnamed_things:
                return thing
        return None

    def naming(self, frame: Frame) -> frozenset[str]:
        """The predicate's concept of naming ("called", "name") when a thing's name is asked:
        a line printing the name beside the thing carries it, however it words the naming
        ("the Jonus virus" answers "what's the virus called")."""
        if self.name_asked(frame) is None:
            return frozenset()
        words = self.ctx.store.vocab.get("ask.carries", {}).get("name_asked", [])
        of = self.concepts.of_word
        naming = {c for w in (*words, "name") if (c := of(w)) is not None}
        return frozenset(c for _, c in frame.predicate if c in naming)

    @cached_property
    def _unnamed_things(self) -> frozenset[str]:
        """Concepts whose name is told by any name a line prints: people and counts."""
        carries = self.ctx.store.vocab.get("ask.carries", {})
        of = self.concepts.of_word
        words = [*carries.get("person_nouns", []), *carries.get("number_words", [])]
        return frozenset(c for w in words for x in w.split() if (c := of(x)) is not None)

    def names_it(self, frame: Frame, sid: int) -> bool:
        """`names_in` of one sentence."""
        return self.names_in(frame, self.ctx.store.sentences[sid].display)

    def names_in(self, frame: Frame, text: str) -> bool:
        """Whether a line prints a name beside the thing whose name is asked ("Hyosan High
        School", "the Jonus virus"), not only the thing ("the production company has…")."""
        thing = self.name_asked(frame)
        if thing is None:
            return True
        of = self.concepts.of_word
        words = _WORDS.findall(text)
        named = frozenset(self.ctx.store.vocab.get("ask.carries", {}).get("name_asked", []))

        def proper(j: int) -> bool:
            return 0 < j < len(words) and words[j][:1].isupper()

        for i, w in enumerate(words):
            if of(w.lower()) != thing:
                continue
            if proper(i - 1) or proper(i + 1):
                return True
            if i + 2 < len(words) and words[i + 1].lower() in named and proper(i + 2):
                return True
        return False

    @cached_property
    def _not_counts(self) -> PhraseSet:
        """Number words in phrases that count nothing ("one another", "one by one")."""
        return PhraseSet(self.ctx.store.vocab.get("ask.carries", {}).get("not_counts", []))

    @cached_property
    def _number_words(self) -> frozenset[str]:
        return frozenset(self.ctx.store.vocab.get("ask.carries", {}).get("number_words", []))
