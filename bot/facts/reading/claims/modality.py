"""How a clause holds its news: confirmed, expected, rumoured or denied, and in which tense.

Read from the clause around the cue, not from the sentence's word list: "it was renewed in
June 2022, and filming is expected to wrap in May 2025" holds a confirmed, past renewal and an
expected, future wrap. Talk reported as rumour and denials count for the whole sentence
("Insiders reportedly say ...", "..., adding that the report is groundless"), and so does
hearsay (claims/hearsay.py): news told by an unnamed source ("some outlets reported"), or left
unconfirmed by another clause ("..., but his agency has not confirmed anything").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.facts.reading.claims.hearsay import Hearsay
from bot.facts.reading.claims.reading import Cues, Reading, lemma

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
_FUTURE = re.compile(r"\b(?:will|'ll|’ll|shall|going to|gonna|to be|next|upcoming|soon)\b", re.I)
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

    def read(self, clause: Reading, sentence: Reading) -> Modality:
        """The modality of a clause inside its sentence."""
        tense = self.tense(clause)
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
            self.cues["rumoured"].any(sentence)
            or h.attributed(sentence)
            or (h.unconfirmed(sentence) and not h.unconfirmed(clause))
        )

    def negated(self, clause: Reading) -> bool:
        return self.negation.any(clause)
