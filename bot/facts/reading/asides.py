"""Sentences and clauses that tell another thing than their words suggest: a labelled list
of actors is cast news, and a ", which ..." clause on Season 1 counts Season 1's episodes."""

from __future__ import annotations

import re

from bot.facts.curated import Lexicon


def cast_list(text: str, lex: Lexicon) -> bool:
    """Whether a sentence is a labelled list of actors ("Not back: X", "New: X as Y")."""
    labels = lex.claims.get("cast_lists", {}).get("labels", [])
    head, colon, rest = text.partition(":")
    return bool(colon) and head.strip().lower() in labels and bool(_NAMED.match(rest))


_NAMED = re.compile(r"\s*(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+\s*(?:\(|,|\bas\b|$)")


# A relative clause on the noun before it, and a yardstick a comparison names ("shorter than
# the first", "than the original one").
_RELATIVE = re.compile(r"^\W*(?:which|that)\b", re.I)
_YARDSTICK = re.compile(
    r"\bthan\s+(?:the|its)\s+(?:first|original|previous|last|earlier)(?:\s+(?:one|season))?\W*$",
    re.I,
)


def on_other_season(text: str, at: int, clause: str, lex: Lexicon) -> bool:
    """Whether a ", which ..." clause tells of a season other than the new one: the noun just
    before it is Season 1 or a comparison's yardstick ("..., season 1, which runs twelve
    episodes")."""
    if not _RELATIVE.match(clause):
        return False
    tail = text[max(0, at - 40) : at]
    noun = " ".join(re.split(r"[,;(]\s*(?=\w)", tail.rstrip(" ,"))[-1].split()[-3:])
    if lex.season2.any(noun):
        return False
    return bool(_YARDSTICK.search(tail.rstrip(" ,"))) or lex.season1.any(noun)
