"""Which state of a topic a clause reports, and how states rank.

A topic's states are the keys of its [status.<topic>.labels] table, in order of progress: the
first is its "not yet" (no trailer, filming not started), the last the furthest (full trailer
out, post-production). A state with ":planned" after it is one announced, expected or rumoured
but not done: a planned event never reads as done.

The show's own return ("The series is confirmed to return for Season 2", "<show> is coming back
for a second season") is a renewal state too: a return whose subject is the show, not a person,
with a season after it, is cued as renewal news read with its clause's modality ("is expected to
return" expected, "could return" only speculated); a person's return stays cast news.
"""

from __future__ import annotations

import re

from bot.facts.curated import Lexicon
from bot.facts.reading.claims.modality import Modality
from bot.facts.reading.claims.reading import Cues, Reading
from bot.facts.reading.claims.values import after, is_day_date

PLANNED = ":planned"
_NEGATION_WORDS = frozenset(["not", "no", "never", "won't", "nor"])


# A stage before the event with its own state word ("pre-production now under way"): the word
# is the stage's, not the event's.
_PRE_STAGE = re.compile(
    r"\bpre-?production\b(?:\s+(?:is|are|was|were|has|have|been|now|already|well|still|"
    r"officially))*\s+(?:under\s?way|ongoing|in\s+progress|began|begun|started|kicked\s+off|"
    r"continues|continuing)",
    re.I,
)


# A start or finish named as a thing with its time ("past the August finish the crew talked
# about", "the January start"): a target spoken of, not the event told.
_TARGET = re.compile(
    r"\b(?:the|an?|its|their)\s+(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|fall|winter|"
    r"(?:early|mid|late)(?:-|\s+)\w+|\d{4})\s+)+(?:finish|start|end)\b",
    re.I,
)


def progress(states: dict[str, str]) -> list[str]:
    """A topic's claim states from 'not yet' to furthest (the stance wordings left out)."""
    return [k for k in states if k not in ("yes", "no", "expected") and PLANNED not in k]


class StateReader:
    """Per topic, the state cues of [claims.states.<topic>], most specific first."""

    def __init__(self, tables: dict[str, dict[str, list[str]]], topics: dict[str, list[str]]):
        self.order = topics
        self.predicates = _predicates(tables.get("predicates", {}))
        chatter = tables.get("chatter", {})
        self.chatter = Cues(chatter.get("social", []))
        self.taking_part = Cues(chatter.get("taking_part", []))
        # A setback state ("cancelled") denied ("We are NOT cancelled") is no news against the
        # topic's progress: its own cues, less those worded as a negation ("will not return").
        setbacks = self.setback_states = set(tables.get("setbacks", {}).get("states", []))
        self.setbacks = {
            tid: Cues([p for p in phrases if not _NEGATION_WORDS.intersection(p.split())])
            for tid in topics
            for state, phrases in tables.get(f"states.{tid}", {}).items()
            if state in setbacks
        }
        # "premiered" is told by the past form itself: no lemmas ("aired" is not "air")
        self.cues = {
            tid: [
                (state, Cues(phrases, lemmas=state != "premiered"))
                for state, phrases in tables.get(f"states.{tid}", {}).items()
            ]
            for tid in topics
        }

        # "eight episodes, all released at once": a verb that tells how the season is released
        # (a mode) tells no release, so it makes no premiere
        modes = tables.get("release_mode", {}).get("phrases", [])
        alt = "|".join(re.escape(p) for p in sorted(modes, key=len, reverse=True))
        self.mode = re.compile(rf"\b[\w-]+\s+(?:all\s+)?(?:{alt})\b", re.I) if modes else None

    def state(
        self,
        topic: str,
        clause: Reading,
        m: Modality,
        negated: bool,
        value: str,
        published: str,
        plain: bool = True,
    ) -> str | None:
        """The state the clause reports, or None when it reports none; plain: a firm clause
        with no state cue still reports the topic's first step (its cue is unambiguous)."""
        states = self.order[topic]
        if topic == "cast" and m.modality == "denied":
            return "news"  # a denial about someone is cast news; who it is about says returns
        if topic == "cast" and self.chatter.any(clause) and not self.taking_part.any(clause):
            return None  # the cast posting or reacting online ("went to Instagram") is no news
        if negated:
            if (
                topic in self.setbacks
                and self.setbacks[topic].any(clause)
                and not any(
                    cues.any(clause)
                    for st, cues in self.cues[topic]
                    if st not in self.setback_states
                )
            ):
                return None  # a denied setback alone: nothing moves
            return states[0]  # a denial of a report reads as what the clause itself says
        if topic == "episodes":
            return "count" if value else None
        if topic == "release":
            return self._release(clause, m, value, published)
        blank = _PRE_STAGE.sub(lambda x: " " * len(x.group(0)), clause.text)
        told = Reading.of(_TARGET.sub(lambda x: " " * len(x.group(0)), blank))
        said = self.predicates.get(topic)
        hit = next((st for st, rx in said or () if rx.search(told.text)), None)
        found = self._told(topic, told)
        if hit and (found is None or states.index(hit) > states.index(found)):
            found = hit  # "filming is done": wrapped, though "done" alone tells no step
        plan = bool(value) and m.modality in ("expected", "rumoured")
        if found is None and plain and (m.firm or plan):
            # plain news of the topic; a plan with a time ("principal photography is targeted
            # for 2025") is its first step ahead
            found = states[1] if len(states) > 1 else None
        if found is None:
            return None
        # a date still ahead of the article is a plan, whatever the verb's tense ("drops on
        # December 25" in November)
        ahead = bool(value) and after(value, published)
        planned = m.tense == "future" or m.modality in ("expected", "rumoured") or ahead
        return found + PLANNED if planned and found != states[0] else found

    def _told(self, topic: str, told: Reading) -> str | None:
        """The most specific state a clause's cues tell; a cue inside a longer cue of another
        state is that one's word ("set to get under way" tells a start, not "under way")."""
        hits = [
            (at, _end(told.text, at, phrase), state)
            for state, cues in self.cues[topic]
            for at, phrase in cues.find(told)
        ]
        kept = {
            state
            for at, end, state in hits
            if not any(s != state and a <= at and end <= e and e - a > end - at for a, e, s in hits)
        }
        return next((s for s, _ in self.cues[topic] if s in kept), None)

    def _release(self, clause: Reading, m: Modality, value: str, published: str) -> str | None:
        if self.mode is not None and not value and self.mode.search(clause.text):
            clause = Reading.of(self.mode.sub(" ", clause.text))
        done = any(cues.any(clause) for s, cues in self.cues["release"] if s == "premiered")
        # the done cues are past forms or "now streaming": a present clause with one is done too
        if done and m.tense != "future" and m.firm and not (value and after(value, published)):
            return "premiered"
        if not value:
            return None
        if is_day_date(value) and m.modality != "rumoured":
            return "date"
        return "window" + (PLANNED if m.modality == "rumoured" else "")


_LINK = r"(?:\s+(?:is|are|was|were|has\s+been|have\s+been)|['’]s)"
# what the event is of, between it and its verb ("filming on season 2 is done")
_OF = r"(?:\s+(?:on|for|of)(?:\s+[\w'’-]+){1,3}?)?"
_ADVERB = r"(?:\s+(?:now|officially|finally|all|completely|fully|at\s+last|already))*"


def _predicates(table: dict) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Per topic, a state said of the event itself as a predicate ("filming is done", "the
    shoot is over"): the event's noun, a linking verb, the state's word."""
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for key, words in table.items():
        topic, _, state = key.partition(".")
        if not state or not table.get(topic):
            continue
        nouns = "|".join(re.escape(n) for n in sorted(table[topic], key=len, reverse=True))
        said = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        rx = re.compile(
            rf"(?<![\w-])(?:{nouns}){_OF}{_LINK}{_ADVERB}\s+(?:{said})\b(?!\s+(?:budget|schedule))",
            re.I,
        )
        out.setdefault(topic, []).append((state, rx))
    return out


def _end(text: str, at: int, phrase: str) -> int:
    """Where a cue found at an offset ends in the text: as many words on as the cue has."""
    words = list(re.finditer(r"[\w'’-]+", text[at:]))[: len(phrase.split())]
    return at + words[-1].end() if words else at


# Words that may stand between the show and its return ("is confirmed to", "will officially",
# "is coming", "could finally", "is set to make a"): auxiliaries, hedges and plans, no noun.
_BETWEEN = (
    r"(?:(?:is|was|are|has|have|had|been|be|will|would|could|can|may|might|should|'s|’s|"
    r"officially|now|finally|reportedly|confirmed|set|expected|likely|going|poised|slated|due|"
    r"scheduled|rumoured|rumored|said|to|make|making|made|a|its|their|long-awaited|coming|"
    r"comes|come|triumphant|big|not|never|indeed|definitely|surely|also)\s+){0,6}$"
)
# How far after the return word its season may stand ("return for Season 2", "is coming
# back to Netflix for a second season").
_SEASON_REACH = 40


def show_return_spots(text: str, lex: Lexicon) -> list[int]:
    """Where a return word stands whose subject is the show itself and that a season follows
    ("The series is confirmed to return for Season 2"); none for a person's return or for
    "the show returns to the top ten"."""
    nouns = [*lex.claims.get("returns", {}).get("show", []), *lex.show.phrases]
    if not nouns or not lex.returns.any(text):
        return []
    subject = re.compile(
        rf"\b(?:{'|'.join(map(re.escape, sorted(nouns, key=len, reverse=True)))})\s+{_BETWEEN}",
        re.IGNORECASE,
    )
    return [
        cue.start()
        for cue in lex.returns.finditer(text)
        if subject.search(text, max(0, cue.start() - 80), cue.start())
        and lex.season2.any(text[cue.end() : cue.end() + _SEASON_REACH])
    ]


def show_renewals(
    cues: dict[str, list[int]], strong: dict[str, set[int]], text: str, lex: Lexicon
) -> list[int]:
    """Add a renewal cue (a strong one) at each of the show's own returns, and a release cue
    (a date after it is the premiere's: "returns for season two on May 2"), and take it from
    the cast (no person returns there); the spots added, for firm_renewal."""
    spots = show_return_spots(text, lex)
    for at in spots:
        cues["renewal"] = sorted({*cues.get("renewal", ()), at})
        strong.setdefault("renewal", set()).add(at)
        cues["release"] = sorted({*cues.get("release", ()), at})  # "returns ... on May 2"
        if "cast" in cues:
            cues["cast"] = [x for x in cues["cast"] if x != at]
            if not cues["cast"]:
                del cues["cast"]
    return spots


def firm_renewal(state: str, modality: str, text: str, spots: list[int], lex: Lexicon):
    """(state, modality) of a renewal told by the show's return: a firm future return ("will
    return for a second season") means the season is already ordered, not expected, and one
    put on the schedule ("is set to return") is as firm."""
    if not spots:
        return state, modality
    planned = [*lex.claims.get("returns", {}).get("scheduled", [])]
    before = text[max(0, spots[0] - 30) : spots[0]].lower()
    hedges = ("likely", "expected", "could", "may", "might")
    scheduled = any(f"{p} " in before for p in planned)
    if modality == "expected" and scheduled and not any(w in before for w in hedges):
        modality = "confirmed"
    if modality == "confirmed":
        state = state.removesuffix(":planned")
    return state, modality
