"""Claims read from a conditional sentence ("if filming begins, we can expect…"): what the
sentence says rests on a condition, so it is neither a plan nor a forecast of its own.

The reader does not mark these yet (it reads "if … filming begins" as "filming expected to
begin"), so the digest tells them apart here and keeps them out of the state decision.
"""

from __future__ import annotations

import re

from bot.facts.store import ClaimRow, FactStore

# English words that open a condition. Grammar, not topic vocabulary: no store table carries
# them, and the reader's lexicon sections are not this module's to extend.
_OPENERS = (
    r"if and only if",
    r"only if",
    r"if",
    r"unless",
    r"provided that",
    r"providing that",
    r"as long as",
    r"assuming that",
    r"assuming",
    r"in the event that",
    r"in case",
    r"should",  # "Should the strike end, (then) filming…": only as the clause's first word
)
_NOT_CONDITIONAL = ("even if", "as if", "what if", "see if", "ask if", "asked if", "wonder if")
# A condition opens the sentence or a clause of it (after a comma, a dash, "but", "and", "that").
_CLAUSE = r"(?:^|[,;:—–(]\s*|\b(?:but|and|that|so)\s+)"
_OPEN = re.compile(
    _CLAUSE + r"(?:" + "|".join(o.replace(" ", r"\s+") for o in _OPENERS if o != "should") + r")\b",
    re.IGNORECASE,
)
_SHOULD = re.compile(r"(?:^|[,;:—–]\s*)should\s+\w+(?:\s+\w+){0,6}?\s*,", re.IGNORECASE)


def is_conditional(text: str) -> bool:
    """Whether a sentence states its news under a condition ("If and only if the strike
    subsides…", "Unless the schedule slips…", "Should the strike end, then…")."""
    lowered = re.sub(r"\s+", " ", text.strip().lower())
    for phrase in _NOT_CONDITIONAL:
        lowered = lowered.replace(phrase, " ")
    return bool(_OPEN.search(lowered) or _SHOULD.search(lowered))


def conditional(store: FactStore, claim: ClaimRow) -> bool:
    """Whether a claim was read from a conditional sentence."""
    sentence = store.sentences.get(claim.sentence_id)
    return sentence is not None and is_conditional(sentence.display)
