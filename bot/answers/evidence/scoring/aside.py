"""Stage: evidence scored. What of a question's predicate is set aside from what it asks: the
place the act is set in ("at the school") and the role the person asked is called by ("mr lee
the science teacher"). The course not taken ("instead of going to the camp") never reaches
here: reading/excluding.py removes it before the question is read."""

from __future__ import annotations

import re
from functools import cache

from bot.answers.reading.frame import Frame
from bot.facts.store import FactStore

_AT = re.compile(r"\b(?:at|in|inside|outside|on|from)\s+(?:the\s+|their\s+|that\s+)?$")
_WORDS = re.compile(r"[\w'-]+")


def settings(frame: Frame) -> frozenset[str]:
    """The predicate's concepts typed as the place something is set in ("at the school")."""
    text = f" {frame.question.text} "
    out = set()
    for w, c in frame.predicate:
        at = text.find(f" {w} ")
        if at >= 0 and _AT.search(text[: at + 1]):
            out.add(c)
    return frozenset(out)


@cache
def _role_rx(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """ "the [up to two words] <person noun>", compiled once per noun list."""
    return re.compile(rf"\bthe (?:[a-z]+ ){{0,2}}(?:{'|'.join(map(re.escape, nouns))})\b")


def called_as(frame: Frame, store: FactStore) -> frozenset[str]:
    """The predicate's concepts typed as a role right beside the person asked ("is mr lee the
    science teacher a hambie"): they say who is meant, not what is asked of him."""
    if not frame.people:
        return frozenset()
    nouns = tuple(store.vocab.get("ask.carries", {}).get("person_nouns", []))
    if not nouns:
        return frozenset()
    text = " ".join(_WORDS.findall(frame.question.text.lower()))
    names = set()
    for eid in frame.people:
        e = store.entities[eid]
        names |= {w for a in (e.name, *e.aliases) for w in _WORDS.findall(a.lower())}
    out: set[str] = set()
    for m in _role_rx(nouns).finditer(text):
        before, after = text[: m.start()].split()[-1:], text[m.end() :].split()[:1]
        if set(before + after) & names:  # beside the name, not "did X meet the teacher"
            out |= {c for w, c in frame.predicate if f" {w} " in f" {m.group(0)} "}
    return frozenset(out)
