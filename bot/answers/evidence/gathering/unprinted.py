"""Whether a question asks for a thing no article mentions at all.

A thing asked for that no article names in any form ("what song plays in the last episode",
"is there a squid game crossover") cannot be told by any line: the lines sharing the
question's other words ("the last episode", "Squid Game") are about something else, and the
honest answer is that the sources don't say. Only the thing asked for counts: the noun right
after "what"/"which" (the kind of answer wanted) or the thing whose existence "is there…"
asks. An act or a manner no article words that way ("did the strike wreck season 2", "when
did it originally air") leaves the lines on the rest to answer.
"""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.reading.frame import Frame
from bot.facts.store import FactStore

ASKING = ("what", "which")  # a noun within two words after these is the kind of answer asked
EXISTS = re.compile(r"^(?:is|are|was|were|will) there\b|^(?:will|would) there be\b")
STEM = 4  # letters a printed word must share with the fan's (past a suffix) to be its form

_printed: dict[int, tuple[FactStore, frozenset[str]]] = {}  # per store, read once


def _words(store: FactStore) -> frozenset[str]:
    """Every word any sentence prints (headings and captions too), lower-cased."""
    hit = _printed.get(id(store))
    if hit is None or hit[0] is not store:
        seen = {w for s in store.sentences.values() for w in re.findall(r"\w+", s.display.lower())}
        hit = _printed[id(store)] = (store, frozenset(seen))
    return hit[1]


def _stem(word: str) -> str:
    """The part of a word its other forms share ("crave": "crav" of "craving")."""
    return word[: max(STEM, len(word) - 3)]


def _printed_form(store: FactStore, word: str) -> bool:
    stem = _stem(word)
    return any(w.startswith(stem) for w in _words(store))


def unprinted_key(ctx: Context, ev, frame: Frame) -> str | None:
    """The fan's word for the thing asked for when it is a key concept of the question and
    no article prints it in any form (ev: the Evidence index); None otherwise."""
    keys = set(ev.keys(frame))
    words = frame.question.text.split()
    exists = EXISTS.search(frame.question.text) is not None
    for word, concept in frame.predicate:
        if concept not in keys or ev.printed(concept) or ev.concepts.curated(concept):
            continue
        if " " in word or word not in words:
            continue
        at = words.index(word)
        asked = any(w in ASKING for w in words[max(0, at - 2) : at]) or exists
        if asked and not _printed_form(ctx.store, word):
            return word
    return None
