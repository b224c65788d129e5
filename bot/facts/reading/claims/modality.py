"""How a clause holds its news: confirmed, expected, rumoured or denied, and in which tense.

Read from the clause around the cue, not from the sentence's word list: "it was renewed in
June 2022, and filming is expected to wrap in May 2025" holds a confirmed, past renewal and an
expected, future wrap. Talk reported as rumour and denials count for the whole sentence
("Insiders reportedly say ...", "..., adding that the report is groundless"), and so does
hearsay (claims/hearsay.py): news told by an unnamed source ("some outlets reported"), or left
unconfirmed by another clause ("..., but his agency has not confirmed anything"). A condition
("if filming begins within two months, ...") is a clause of its own that reports no state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.facts.reading.claims.hearsay import Hearsay
from bot.facts.reading.claims.reading import Cues, Reading, clauses, lemma

MODALITIES = ("confirmed", "expected", "rumoured", "denied")
# Past forms whose lemma differs but that do not end in -ed.
_IRREGULAR_PAST = frozenset(
    [
        "began",
        "begun",
        "came",
        "went",
        "got",
        "made",
        "shot",
        "saw",
        "took",
        "gave",
        "was",
        "were",
        "had",
        "did",
        "hit",
        "led",
        "brought",
        "caught",
        "left",
        "set",
        "kept",
        "found",
        "told",
        "spoke",
        "spoken",
        "broke",
        "broken",
        "drove",
        "driven",
        "rose",
        "risen",
        "shown",
        "shown",
        "done",
        "gone",
        "seen",
        "taken",
        "given",
    ]
)
# "the next day" counts on from a time already told: a narrative's past, not a time ahead
# ("filming starts next week", "within the next two months" still are).
_FUTURE = re.compile(
    r"\b(?:will|'ll|’ll|shall|going to|gonna|to be|upcoming|soon|"
    r"next(?!\s+(?:day|morning|afternoon|evening|night)\b))\b",
    re.I,
)
# An intention or a readying, told now of an event ahead: "is preparing to start shooting",
# "is gearing up to", "is looking to", "plans to", "aims to", "is due to" (not "is continuing
# to film", which is under way).
_INTENT = re.compile(
    r"(?i:\b(?:(?:is|are|am|'s|’s)\s+(?:\w+ly\s+)?(?:(?!continu|return|head|com|go|mov)\w+ing"
    r"(?:\s+up|\s+ready)?|set|due|about|poised|slated|scheduled|ready|primed|on\s+track|"
    r"on\s+course)|plans|aims|intends|hopes|wants|expects|seeks|looks|prepares|readies|"
    r"gears\s+up)\s+to\s+)(?!(?:be|the|a|an|his|her|their|its|this|that)\b)[a-z]{3,}",
)
_AHEAD = re.compile(f"{_FUTURE.pattern}|{_INTENT.pattern}", re.I)  # one pass for the tense
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|un|t)\b", re.I)


@dataclass(frozen=True)
class Modality:
    """A clause's modality and tense ('past', 'present', 'future')."""

    modality: str
    tense: str
    conditional: bool = False  # a condition ("if filming begins"): no state of its own

    @property
    def firm(self) -> bool:
        """The source states it (or denies it) on its own authority."""
        return self.modality in ("confirmed", "denied")


class ModalityReader:
    """Modality cues from [claims.modality], compiled once per lexicon."""

    def __init__(self, table: dict[str, list[str]], negation: Cues, hearsay: Hearsay):
        self.cues = {m: Cues(table.get(m, [])) for m in MODALITIES}
        self.negation = negation
        self.hearsay = hearsay
        self.conditions = Conditions(table.get("conditional", []), table.get("inverted", []))
        self.set_aside = Cues(table.get("set_aside", []))

    def tense(self, clause: Reading) -> str:
        text = clause.text
        if _AHEAD.search(text):
            return "future"
        if _PERFECT.search(text):
            return "past"
        for w in clause.words():
            low = w.lower()
            if low in _IRREGULAR_PAST or (low.endswith("ed") and lemma(low) != low):
                return "past"
        return "present"

    def read(self, clause: Reading, sentence: Reading, first: bool = False) -> Modality:
        """The modality of a clause inside its sentence; first: it opens the sentence."""
        tense = self.tense(clause)
        if self.conditions.holds(clause.text, first):
            return Modality("expected", "future", conditional=True)
        if self.cues["denied"].any(sentence):
            return Modality("denied", tense)
        if self.rumoured(clause, sentence):
            return Modality("rumoured", tense)
        if self.cues["expected"].any(clause) or (tense == "future" and _INTENT.search(clause.text)):
            return Modality("expected", "future")  # "is scheduled to run": a plan, ahead
        return Modality("confirmed", tense)

    def rumoured(self, clause: Reading, sentence: Reading) -> bool:
        """Talk, hearsay, or news another clause leaves unconfirmed (a clause that itself says
        "not confirmed" is read as negated instead)."""
        h = self.hearsay
        return (
            self._talk(sentence, clause)
            or h.attributed(sentence)
            or (h.unconfirmed(sentence) and not h.unconfirmed(clause))
        )

    def _talk(self, sentence: Reading, clause: Reading) -> bool:
        """Whether the sentence's news is talk: a rumour word that the sentence only sets aside
        beside a claim of its own ("Netflix confirmed eight episodes, not the rumoured
        twelve", "despite rumours of a longer run") leaves the news firm. A modal hedge
        ("may", "might") hedges its own clause only, beside a confirmation ("is officially in
        production, and I may have screamed")."""
        talk = self.cues["rumoured"].find(sentence)
        if talk and self.cues["confirmed"].any(clause):
            own = {p for _, p in self.cues["rumoured"].find(clause)}
            talk = [(at, p) for at, p in talk if p not in _MODALS or p in own]
        if not talk:
            return False
        text = sentence.text
        starts = [a for a, _ in clauses(text)]
        for at, _ in talk:
            start = max((a for a in starts if a <= at), default=0)
            if not self.set_aside.any(Reading.of(text[start:at])):
                return True
        # All the talk is set aside ("lists eight episodes, not the rumoured ten"): the rumour
        # is the contrast's, the value it is set against is the claim, confirmed word or not.
        return False

    def negated(self, clause: Reading) -> bool:
        return self.negation.any(clause)


_MODALS = frozenset(["may", "might", "could", "possibly", "perhaps"])


class Conditions:
    """Clauses that state a condition ("if filming begins within two months", "unless the
    shoot starts soon", "Should cameras roll by May"): the event is only supposed."""

    def __init__(self, words: list[str], inverted: list[str]):
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        self.opening = re.compile(rf"^\W*(?:(?:and|but|or|even|only)\s+)?(?:{alt})\b", re.I)
        # a condition inside a clause ("season 2 could arrive in 2026 if filming starts") is
        # split off at its word
        self.inside = re.compile(rf"(?<=\w)\s+(?=(?:{alt})\b)", re.I) if words else None
        inv = "|".join(re.escape(w) for w in inverted)
        # an inverted condition opens the sentence: "Should filming begin by March, ..."
        self.inverted = re.compile(rf"^\W*(?:{inv})\s+\w+", re.I) if inverted else None
        self.any = bool(words)

    def split(self, parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The clauses, each condition inside one split off as a clause of its own."""
        if self.inside is None:
            return parts
        out = []
        for at, text in parts:
            start = 0
            for m in self.inside.finditer(text):
                out.append((at + start, text[start : m.start()]))
                start = m.end()
            out.append((at + start, text[start:]))
        return [(a, t) for a, t in out if t.strip()]

    def holds(self, text: str, first: bool) -> bool:
        if self.any and self.opening.match(text):
            return True
        return first and self.inverted is not None and bool(self.inverted.match(text))


# A clause opening with one of these continues the one before it in time ("The shoot runs
# into 2025, after which the series moves into post-production": the move is planned too).
_CONTINUES = re.compile(r"^\s*(?:and\s+)?(?:after which|after that|then|before|once|until)\b", re.I)


# A verb of dating told of its subject's plan ("is scheduled for"), not done by it.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)


def clause_readings(
    whole: Reading, reader: ModalityReader, dating: list[int] = ()
) -> list[tuple[int, Reading, Modality]]:
    """Each clause with its modality; a continuing clause takes a plan's modality and tense
    from the clause before it. A condition ("if filming begins soon") is a clause of its own.
    A verb of dating done by someone ("Netflix scheduled the season for May 8") is their word:
    the clause is confirmed and its times are ahead."""
    out: list[tuple[int, Reading, Modality]] = []
    for at, text in reader.conditions.split(clauses(whole.text)):
        c = Reading.of(text)
        m = reader.read(c, whole, first=at == 0)
        done = [x for x in dating if at <= x < at + len(text)]
        if done and not m.conditional and m.modality in ("confirmed", "expected"):
            active = not any(_PASSIVE.search(whole.text, max(0, x - 20), x) for x in done)
            m = Modality("confirmed" if active else m.modality, "future")
        if out and _CONTINUES.match(text) and out[-1][2].tense == "future":
            m = out[-1][2]
        out.append((at, c, m))
    return out
