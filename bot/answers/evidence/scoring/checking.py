"""Answer-type checking: what each sentence could answer, and how informative it is.

A sentence answers a question only when it carries the expected type (a date for "when", a
number for "how many", a person for "who", a place for "where", a causal clause for "why")
and names no season other than the one in focus. Features are computed once per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bot.answers.evidence.scoring.neighbours import DIGITS as _DIGITS
from bot.answers.evidence.scoring.neighbours import Neighbours
from bot.answers.reading.question import Question, normalise, seasons_named
from bot.facts.reading.claims.reading import clauses
from bot.facts.store import FactStore
from bot.facts.text import MONTHS, PhraseSet

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_WHEN = re.compile(
    rf"\b(?:{'|'.join(MONTHS)})\b|\b(?:19|20)\d{{2}}\b|"
    r"\b(?:last|this|next|later this|early|late)\s+(?:summer|spring|fall|autumn|winter|year|"
    r"month|week)\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"\bon the \d{1,2}(?:st|nd|rd|th)\b"  # "released on the 10th": a day of the month
)
# "by luring them": a manner told by a gerund after "by" (a grammatical cue, not a word list)
# a clock time in digits: "9 a.m.", "3pm", "21:00 KST" (a zone in capitals only: "12 PT")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|(?-i:[A-Z]{1,2}[SD]?T)\b)", re.I)
_BY_DOING = re.compile(r"\bby\s+\w+ing\b", re.IGNORECASE)
_OPENERS = "“‘\"'(«"
PERSON_KINDS = ("character", "actor", "crew")


@dataclass(frozen=True, slots=True)
class Traits:
    """What one sentence can answer and how well it reads on its own."""

    seasons: frozenset[int]
    carries: frozenset[str]
    quality: float
    speculative: bool
    quoted: bool  # someone's words, attributed (said, remarked, a quotation)
    describes: bool = False  # gives someone a role noun ("the villain", "his father")


def worth_of(t: Traits) -> float:
    """How well a sentence informs, from its traits (see `Check.worth`)."""
    return t.quality - (1.5 if t.speculative and not t.quoted else 0.0)


def fits_season(t: Traits, season: int) -> bool:
    """Whether a sentence's traits fit a season in focus (see `Check.season_ok`)."""
    return season in t.seasons if t.seasons else season <= 2


def quality_of(text: str, filler: PhraseSet, names_someone: bool) -> float:
    """How well a sentence informs on its own: fragments, filler and rhetoric score low."""
    words = len(text.split())
    q = 0.0
    if words < 6:
        q -= 3.0
    elif words < 9 or words > 45:
        q -= 1.0
    if filler.any(text):
        # "Here we have a few details…; the series has been adapted from…": a filler
        # opening before a full clause of its own costs less than filler throughout.
        clauses = [c for c in text.split(";") if len(c.split()) >= 8]
        q -= 1.0 if any(not filler.any(c) for c in clauses[1:]) else 4.0
    if text.rstrip().endswith(("?", "!", ":")):
        q -= 2.0
    if text and not (text[0].isalnum() or text[0] in _OPENERS):
        q -= 2.0
    if names_someone or _DIGITS.search(text):
        q += 1.0
    return q


def readable(store: FactStore, sid: int) -> bool:
    """A sentence that can be quoted as a fact: text, or a question someone is quoted asking
    (not a heading, not the article asking its own question)."""
    s = store.sentences[sid]
    return s.kind == "text" or (s.kind == "question" and "“" in s.display)


class Checker:
    """Per-store sentence traits, computed on first use of each sentence."""

    def __init__(self, store: FactStore):
        self.store = store
        self.vocab = store.vocab
        self._traits: dict[int, Traits] = {}

    @cached_property
    def _rx(self) -> dict[str, re.Pattern[str]]:
        """The type-carrying patterns, compiled on first use (a one-shot `ask` may need none)."""
        carries = self.vocab.get("ask.carries", {})
        places = "|".join(re.escape(p) for p in sorted(carries.get("where", []), key=len)[::-1])
        nums = "|".join(carries.get("number_words", [])) or "x^"
        units = "|".join(carries.get("duration_units", [])) or "x^"
        return {
            "where": re.compile(
                r"\b(?:in|at|on|within|inside|from|to|across|around|throughout|near|outside|"
                r"into)\s+(?:(?!(?:that|which|who|neither|nor|and|or|but)\b)[\w'-]+\s+){0,2}?"
                rf"(?:{places or 'x^'})\b(?!\s+(?-i:[A-Z]))",
                re.IGNORECASE,
            ),
            "number_word": re.compile(rf"\b(?:{nums})\b", re.IGNORECASE),
            "duration": re.compile(
                rf"\b(?:\d+|{nums})(?:\s*(?:to|-|–|or)\s*(?:\d+|{nums}))?[\s-]+(?:{units})\b",
                re.IGNORECASE,
            ),
        }

    @cached_property
    def _phrases(self) -> dict[str, PhraseSet]:
        v = self.vocab
        filler = v.get("ask.filler", {})
        return {
            "why": PhraseSet(v.get("ask.carries", {}).get("why", [])),
            "manner": PhraseSet(v.get("ask.carries", {}).get("manner", [])),
            "consequence": PhraseSet(v.get("ask.carries", {}).get("consequence", [])),
            "filler": PhraseSet([p for ps in filler.values() for p in ps]),
            "spec": PhraseSet(v.get("ask.speculation", {}).get("cues", [])),
            "reports": PhraseSet(v.get("ask.speculation", {}).get("reports", [])),
            "set_aside": PhraseSet(v.get("ask.speculation", {}).get("set_aside", [])),
            "speech": PhraseSet(v.get("ask.carries", {}).get("speech", [])),
            "same_as": PhraseSet(v.get("ask.carries", {}).get("same_as", [])),
            "person_nouns": PhraseSet(v.get("ask.carries", {}).get("person_nouns", [])),
            "clock": PhraseSet(v.get("ask.carries", {}).get("clock", [])),
        }

    @cached_property
    def _persons(self) -> dict[int, int]:
        """How many people each sentence names."""
        out: dict[int, int] = {}
        for eid, sids in self.store.mentions.items():
            if self.store.entities[eid].kind in PERSON_KINDS:
                for sid in sids:
                    out[sid] = out.get(sid, 0) + 1
        return out

    @cached_property
    def _later_news(self) -> frozenset[int]:
        """Sentences whose every status claim the build read as a later season's."""
        seasons: dict[int, set[int]] = {}
        for claims in self.store.claims.values():
            for c in claims:
                seasons.setdefault(c.sentence_id, set()).add(c.season)
        return frozenset(sid for sid, got in seasons.items() if min(got) > 2)

    @cached_property
    def near(self) -> Neighbours:
        """What a sentence leans on in the sentence before it (a number, a person)."""
        return Neighbours(self.store, self._phrases["same_as"], self.persons)

    def describes(self, sid: int) -> bool:
        """Whether a sentence gives someone a role noun ("the villain", "his father")."""
        return self.traits(sid).describes

    @cached_property
    def _identity(self) -> re.Pattern[str]:
        """A role given as who someone is: "(who) was the science teacher", "made by a
        scientist" (a copula or "by", a determiner, then a person or role noun)."""
        v = self.vocab
        nouns = [*v.get("ask.carries", {}).get("person_nouns", [])]
        nouns += v.get("ask.role_nouns", {}).get("nouns", [])
        alt = "|".join(sorted({re.escape(n) for n in nouns}, key=len, reverse=True))
        return re.compile(
            rf"\b(?:is|was|are|were|by)\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){{0,2}}"
            rf"(?:{alt})\b",
            re.IGNORECASE,
        )

    def identifies(self, sid: int) -> bool:
        """Whether a sentence says who someone is: it names a person, or gives a role as
        their identity (not a role noun alone: "the creator of a virus states this")."""
        return self.persons(sid) > 0 or bool(
            self._identity.search(self.store.sentences[sid].display)
        )

    def persons(self, sid: int) -> int:
        """How many people a sentence names."""
        return self._persons.get(sid, 0)

    def warm(self) -> None:
        """Compute every sentence's traits now rather than on first use."""
        for sid in self.store.sentences:
            self.traits(sid)

    def readable(self, sid: int) -> bool:
        return readable(self.store, sid)

    def traits(self, sid: int) -> Traits:
        t = self._traits.get(sid)
        if t is None:
            t = self._traits[sid] = self._compute(sid)
        return t

    def _compute(self, sid: int) -> Traits:
        s = self.store.sentences[sid]
        text = s.display
        seasons = seasons_named(normalise(text), self.vocab)
        if not seasons and sid in self._later_news:
            seasons = frozenset({3})  # read at build as a later season's news ("the new one")
        published = int(self.store.sources[s.source_id].published[:4])
        years = [int(y) for y in _YEAR.findall(text)]
        if not seasons and years:
            # A date already past when written is the aired season's; one ahead, the next's.
            seasons = frozenset({1 if max(years) < published else 2})
        prev = self.store.sentences.get(sid - 1)
        if not seasons and prev is not None and prev.source_id == s.source_id:
            # "Meanwhile, you can watch Season 1… It totals 12 episodes": still Season 1.
            seasons = seasons_named(normalise(prev.display), self.vocab)
        if not seasons and s.section:
            seasons = seasons_named(normalise(s.section), self.vocab)
        carries = {"what", "yesno"}
        if _WHEN.search(text):
            carries.add("when")
        digits = [
            m
            for m in _DIGITS.finditer(text)
            if not _YEAR.fullmatch(m.group(1))
            and not re.search(r"(?:season|part|s)\s*$", text[: m.start()], re.IGNORECASE)
        ]
        if digits or self._rx["number_word"].search(text):
            carries.add("number")
        elif self.near.antecedent(sid) is not None:
            carries.add("number")  # "the same number of episodes" as the sentence before
        if self._rx["duration"].search(text):
            carries.add("duration")
        describes = self._phrases["person_nouns"].any(text)
        if self._persons.get(sid) or describes:
            carries.add("who")
        if self._rx["where"].search(text):
            carries.add("where")
        if self._phrases["why"].any(text):
            carries.add("why")
        for aspect in ("manner", "consequence", "clock"):  # "how did they…", "what time…"
            if self.tells(text, aspect):
                carries.add(aspect)
        speculative = self._speculative(text)
        quoted = self._phrases["speech"].any(text)
        quality = quality_of(text, self._phrases["filler"], bool(self._persons.get(sid)))
        return Traits(seasons, frozenset(carries), quality, speculative, quoted, describes)

    def _speculative(self, text: str) -> bool:
        """Whether a sentence holds its news as speculation, read from its clauses: talk
        reported as rumour holds for the whole sentence ("according to the buzz, …"); a hedge
        ("might", "we can expect") only when the clauses it sits in make up most of the
        sentence, so a plain fact beside a hedged aside, or under a heading that speculates,
        stays a fact."""
        parts = [c for _, c in clauses(text)]
        # talk set against the news ("eight episodes, not the rumoured ten") is no report
        told = " ".join(c for c in parts if not self._phrases["set_aside"].any(c))
        if self._phrases["reports"].any(told):
            return True
        hedged = sum(len(c.split()) for c in parts if self._phrases["spec"].any(c))
        return hedged > 0 and 2 * hedged >= sum(len(c.split()) for c in parts)

    def season_ok(self, sid: int, season: int | None) -> bool:
        """A sentence fits the season in focus unless it names only other seasons; a later
        season (3+) must be named outright."""
        return True if season is None else fits_season(self.traits(sid), season)

    def tells(self, text: str, aspect: str) -> bool:
        """Whether a text tells the part a what-question asks for ("manner", "consequence")."""
        if aspect == "manner" and _BY_DOING.search(text):
            return True
        if aspect == "clock" and _CLOCK.search(text):  # "9 a.m.", "3pm", "21:00 KST"
            return True
        known = ("manner", "consequence", "clock")
        return self._phrases[aspect].any(text) if aspect in known else False

    def answers(self, sid: int, q: Question) -> bool:
        """Whether a sentence carries what the question asks for, in its season."""
        t = self.traits(sid)
        return q.atype in t.carries and self.season_ok(sid, q.season)

    def focused(self, sids: list[int], q: Question, relevance: dict[int, float]) -> list[int]:
        """Sentences that answer q, most relevant and informative first."""
        ok = [s for s in sids if readable(self.store, s) and self.answers(s, q)]
        return sorted(ok, key=lambda s: (-(relevance.get(s, 0.0) + self.worth(s)), s))

    def worth(self, sid: int) -> float:
        """How well a sentence informs: its quality, less for a writer's own guesswork
        (someone's hedged words, quoted, are still worth showing)."""
        return worth_of(self.traits(sid))
