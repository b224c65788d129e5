"""Names no curated list knows, found where a cast pair prints them: a Korean-shaped name
(the longest run of the printed words that looks like one), or, for a character, a given name
printed alone that is no English word."""

from __future__ import annotations

import re

from bot.facts.reading.names import looks_like_korean_name

_ONE_WORD = re.compile(r"[A-Z][a-z]{2,}|[A-Z][a-z]+-[a-z]+")


def _one_word_name(printed: str) -> str | None:
    """A character's given name printed alone ("as Minseo"): one capitalised word that is no
    English word (simplemma knows "Season", "Doctor" and "Friday", not "Minseo")."""
    from simplemma import is_known  # only the builder reads cast pairs

    word = printed.split()[-1] if printed.split() else ""
    if len(printed.split()) != 1 or not _ONE_WORD.fullmatch(word):
        return None
    return None if is_known(word.lower(), lang="en") else word


def _best_unknown(printed: str) -> str | None:
    tokens = printed.split()
    for size in range(len(tokens), 1, -1):
        for i in range(len(tokens) - size + 1):
            cand = " ".join(tokens[i : i + size])
            if looks_like_korean_name(cand):
                return cand
    return None


def unknown_name(printed: str, kind: str) -> str | None:
    """The name a printed actor or character stands for when no entity resolves it, if any."""
    return _best_unknown(printed) or (_one_word_name(printed) if kind == "character" else None)
