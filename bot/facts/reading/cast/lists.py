"""A season's cast printed as a list: an intro sentence that speaks of the season's cast
("the rest of the cast includes the following performers:", "The Season 2 line-up features A
as B, C as D and E as F") and the pairs after it (one a line, or coordinated in the
sentence). Each listed person is part of that season's announced cast, a return as firmly as
the intro words it (a list presented as the cast is no guess; "the cast is expected to
include:" is). A list in an article about Season 1 (its credits) tells no return.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.facts.reading.cast_forms import DESCRIBED, NAME
from bot.facts.reading.claims.reading import Reading, listed_cues
from bot.facts.reading.claims.returns import return_stance
from bot.facts.text import PhraseSet

if TYPE_CHECKING:
    from bot.facts.building.records import Sentence
    from bot.facts.curated import Lexicon
    from bot.facts.reading.entities import EntityIndex

Returning = list[tuple[str, bool, int]]  # (entity, negated, hedged) of one sentence
Named = list[tuple[list[str], Returning]]  # per sentence: entities named, returns

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
    if lex.season1.any(text) or PhraseSet.of(tuple(other)).any(text):
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
    verbs = PhraseSet.of(tuple(lex.claims.get("cast_lists", {}).get("intro_verbs", [])))
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


def _characters(item: str, index: EntityIndex) -> list[str]:
    """The one character a names-only list item names (its spellings resolved as anywhere);
    none when it names anything else or more than one."""
    named = index.mentions(item.strip(" .:"))
    if len(named) == 1 and index.entities[named[0]].kind == "character":
        return [] if not index.entities[named[0]].curated else named
    return []


def _group_return(
    sentences: list[Sentence], named: Named, i: int, lex: Lexicon
) -> tuple[bool, int] | None:
    """How firmly the text sentence before sentences[i] words a return it tells of no one by
    name ("the core group is set to return"), or None when it tells none or names who."""
    if i == 0 or sentences[i - 1].kind != "text" or named[i - 1][1]:
        return None
    text = lex.return_exclude.remove(sentences[i - 1].display)
    if not lex.returns.any(text) or not lex.season2.any(text):
        return None
    return return_stance(text, lex.returns, lex)


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
    the list's line that names them (or the intro, for a list inside it), as firmly as the
    intro words it."""
    table = lex.claims.get("cast_lists", {})
    cue = PhraseSet.of((*table.get("intro_nouns", []), *table.get("intro_verbs", [])))
    for i, s in enumerate(sentences):
        if s.kind != "text":
            continue
        at = _intro(s.display, lex)
        if at is None:
            continue
        # a group's return before it, in Season 2, makes the list the new season's too
        before = _group_return(sentences, named, i, lex)
        if before is None and not _about_new_season(s, at, title, lex):
            continue
        stance = return_stance(s.display, cue, lex)
        if before is not None and not lex.returns.any(s.display):
            # "the core group is set to return. This ensemble includes A, B and C": the list
            # names the people the return before it speaks of, as firmly as that one words it
            stance = before
        if stance is None:
            continue
        negated, hedged = stance
        listed: list[tuple[int, list[str]]] = []
        if at < len(s.display):  # a list inside the sentence
            listed = [(i, _people(p, index)) for p in _items(s.display[at:])]
            if not any(people for _, people in listed) and before is not None:
                # names only ("On-jo, Su-hyeok and Ha-ri"): each item that names a character
                listed = [(i, _characters(p, index)) for p in _ITEMS.split(s.display[at:])]
        else:  # one pair a line after it, up to the first line that is none
            for j in range(i + 1, len(sentences)):
                if not _pair_line(sentences[j].display):
                    break
                listed.append((j, _people(sentences[j].display, index)))
        for j, people in listed:  # each in the sentence that names them (the answer side
            for eid in people:  # reads a line with the intro it belongs to)
                if all(e != eid for e, _, _ in named[j][1]):
                    named[j][1].append((eid, negated, hedged))
