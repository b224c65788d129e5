"""Claims read from a conditional sentence ("if filming begins, we can expect…"): what the
sentence says rests on a condition, so it is neither a plan nor a forecast of its own.

The reader drops what a condition's own clause says; a claim read from the rest of such a
sentence ("Unless the schedule slips, the teaser will drop in March") is told apart here, so
the digest keeps it out of the state decision and `!ask` never counts it as an article saying so.
"""

from __future__ import annotations

import re

from bot.facts.store import ClaimRow, FactStore
from bot.facts.text import PhraseSet

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


# An aside to the reader ("If you missed it:", "in case you're wondering,") or a clause closed
# by a colon is no condition on the news.
_ASIDE = re.compile(r"^\s*(?:you|you're|you've|you'd|anything|so|not)\b|:\s*$")


def is_conditional(text: str) -> bool:
    """Whether a sentence states its news under a condition ("If and only if the strike
    subsides…", "Unless the schedule slips…", "Should the strike end, then…")."""
    lowered = re.sub(r"\s+", " ", text.strip().lower())
    for phrase in _NOT_CONDITIONAL:
        lowered = lowered.replace(phrase, " ")
    if _SHOULD.search(lowered):
        return True
    for m in _OPEN.finditer(lowered):
        clause = re.match(r"[^,;:—–)]*[,;:—–)]?", lowered[m.end() :]).group(0)
        if not _ASIDE.search(clause):
            return True
    return False


def conditional(store: FactStore, claim: ClaimRow) -> bool:
    """Whether a claim was read from a conditional sentence."""
    sentence = store.sentences.get(claim.sentence_id)
    return sentence is not None and is_conditional(sentence.display)


# A sentence opening with its reason ("Since there is no word on filming, …, there is no
# trailer") states its news in the clause after the last comma; the reason is background.
_REASON = re.compile(r"^\s*(?:since|as|because|given that|given|with)\b", re.IGNORECASE)


def off_topic(store: FactStore, claim: ClaimRow) -> bool:
    """Whether a "not yet" was read only from a sentence's reason clause while its main clause
    speaks to another topic the same sentence has a claim on: the sentence is that topic's.
    A reason that reports news ("Since filming wrapped last week, …") still counts."""
    sentence = store.sentences.get(claim.sentence_id)
    if (
        not claim.negated
        or sentence is None
        or not _REASON.match(sentence.display)
        or "," not in sentence.display
    ):
        return False
    main = sentence.display.rsplit(",", 1)[1]
    words = store.vocab.get("ask.status_words", {})

    def speaks(topic: str) -> bool:
        return PhraseSet.of(tuple(words.get(topic, []))).any(main)

    if speaks(claim.topic):
        return False
    others = {
        c.topic
        for t, claims in store.claims.items()
        if t != claim.topic
        for c in claims
        if c.sentence_id == claim.sentence_id
    }
    return any(speaks(t) for t in others)
