"""A season's cast told as a list, and how firmly a list's returns stand.

An intro sentence that speaks of a season's cast ("the rest of the cast includes the
following performers:", "The Season 2 line-up features A as B, C as D and E as F") and the
pairs after it (one a line, or coordinated in the sentence): each listed person is part of
that season's announced cast, a return as firmly as the intro words it (a list presented as
the cast is no guess; "the cast is expected to include:" is). A list in an article about
Season 1 (its credits) tells no return.

A list that brings many back at once is a summary: where the same article words one of them
more cautiously on its own ("his presence raises speculation about his return"), that word
stands for them in the list too.
"""

from __future__ import annotations

import re

from bot.facts.building.records import Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.cast_forms import DESCRIBED, NAME
from bot.facts.reading.claims.reading import Reading, listed_cues
from bot.facts.reading.claims.returns import return_stance
from bot.facts.reading.entities import EntityIndex
from bot.facts.text import PhraseSet

Returning = list[tuple[str, bool, int]]  # (entity, negated, hedged) of one sentence
Named = list[tuple[list[str], Returning]]  # per sentence: entities named, returns

LIST_AT = 3  # this many people brought back in one sentence make it a list
# One listed pair as printed: "A as B", "A as the nurse B", "B (A)", "A - B", "A: B".
_PAIR = re.compile(rf"(?:{NAME})\s*(?:,?\s+as\s+{DESCRIBED}|\s*\(|\s+[-–—:]\s+)(?:{NAME})\)?")
_BULLET = re.compile(r"^[\s•*·▪–—-]+|[\s.;,]+$")
_ITEMS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")


def _pair_line(text: str) -> bool:
    """Whether a line holds one listed pair and nothing else ("Lomon as Lee Su-hyeok")."""
    return _PAIR.fullmatch(_BULLET.sub("", text)) is not None


def _season(text: str, lex: Lexicon) -> int | None:
    """2 when the text names the new season, 1 for the first (or another), else None."""
    if not text:
        return None
    if lex.season2.any(text):
        return 2
    other = lex.claims.get("values", {}).get("other_season", [])
    if lex.season1.any(text) or PhraseSet(other).any(text):
        return 1
    return None


def _intro(text: str, lex: Lexicon) -> int | None:
    """Where the listed pairs of an intro sentence start: after its list verb ("includes",
    "features"), or at its end when it ends in ":"; None when the sentence speaks of no cast
    or opens no list."""
    nouns = listed_cues(lex, "cast_lists", "intro_nouns")
    reading = Reading.of(text)
    found = nouns.find(reading)
    if not found:
        return None
    if text.rstrip().endswith(":"):
        return len(text)
    verbs = PhraseSet(lex.claims.get("cast_lists", {}).get("intro_verbs", []))
    after = found[0][0]
    m = next((m for m in verbs.finditer(text.lower()) if m.start() > after), None)
    return m.end() if m else None


def _items(text: str) -> list[str]:
    """The pairs a coordinated list prints ("A as B, C as D and E as F")."""
    return [p for p in _ITEMS.split(text.strip(" .:")) if _pair_line(p)]


def _people(text: str, index: EntityIndex) -> list[str]:
    """The characters and actors a listed pair names, none if its character is new to the
    story (a discovered name: a newcomer does not return)."""
    named = [e for e in index.mentions(text) if index.entities[e].kind in ("character", "actor")]
    if any(index.entities[e].kind == "character" and not index.entities[e].curated for e in named):
        return []
    return named


def _about_new_season(sentence: Sentence, at: int, title: str, lex: Lexicon) -> bool:
    """Whether a list's intro is about the new season: the intro's own words before the list
    decide, else its section heading, else the article's headline."""
    for text in (sentence.display[:at], sentence.section, title):
        season = _season(text, lex)
        if season is not None:
            return season == 2
    return False


def add_listed_returns(
    sentences: list[Sentence], named: Named, index: EntityIndex, lex: Lexicon, title: str = ""
) -> None:
    """Add to `named` the returns a season's cast list tells: each listed person returns in
    the list's line (or the intro, for a list inside it) and in the intro, as firmly as the
    intro words it."""
    cue = PhraseSet(
        [
            *lex.claims.get("cast_lists", {}).get("intro_nouns", []),
            *lex.claims.get("cast_lists", {}).get("intro_verbs", []),
        ]
    )
    for i, s in enumerate(sentences):
        if s.kind != "text":
            continue
        at = _intro(s.display, lex)
        if at is None or not _about_new_season(s, at, title, lex):
            continue
        stance = return_stance(s.display, cue, lex)
        if stance is None:
            continue
        negated, hedged = stance
        listed: list[tuple[int, list[str]]] = []
        if at < len(s.display):  # a list inside the sentence
            listed = [(i, _people(p, index)) for p in _items(s.display[at:])]
        else:  # one pair a line after it, up to the first line that is none
            for j in range(i + 1, len(sentences)):
                if not _pair_line(sentences[j].display):
                    break
                listed.append((j, _people(sentences[j].display, index)))
        for j, people in listed:
            for eid in people:
                for k in dict.fromkeys((j, i)):
                    if all(e != eid for e, _, _ in named[k][1]):
                        named[k][1].append((eid, negated, hedged))


def settle_lists(sentences: list[Sentence], named: Named, index: EntityIndex) -> None:
    """A list's return for a person yields to the article's own more cautious word on them
    (a sentence of its own about that person): the pair printed together in the list (actor
    and role) take the most cautious word either has elsewhere."""
    own: dict[str, int] = {}  # entity -> the most cautious word a sentence of its own uses
    for _, returning in named:
        if 0 < len({e for e, _, _ in returning}) < LIST_AT:
            for eid, negated, hedged in returning:
                if not negated:
                    own[eid] = max(own.get(eid, 0), hedged)
    if not own:
        return
    for s, (_, returning) in zip(sentences, named, strict=True):
        if len({e for e, _, _ in returning}) < LIST_AT:
            continue
        # the list's items, each a pair printed together ("Yoon Chan-yeong as Lee Cheong-san")
        worst: dict[str, int] = {}
        for item in _ITEMS.split(s.display):
            ids = index.mentions(item)
            word = max((own.get(e, 0) for e in ids), default=0)
            for e in ids:
                worst[e] = max(worst.get(e, 0), word)
        returning[:] = [
            (e, n, hedged if n else max(hedged, worst.get(e, 0))) for e, n, hedged in returning
        ]
