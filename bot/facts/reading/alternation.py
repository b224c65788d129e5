"""A regex alternation of many phrases, searched with only the phrases whose words a text holds.

Most sentences hold none of a cue list, and Python's regex engine tries every branch of an
alternation at every position, so ruling a hundred phrases out is slow. Every [a-z0-9] run of
a phrase (bounded by a word boundary, a separator or another character of the phrase) matches
a whole run of the text, so a phrase with a run the text lacks cannot match there; the
alternation of the others, in the same order, finds exactly what the whole one finds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_PHRASE_RUN = re.compile(r"[a-z0-9]+")
_RUN = re.compile(r"[A-Za-z0-9]+")
_EDGE = re.compile(r"^[\s\-]|[\s\-]$")  # a pattern has no word boundary beside a separator
# The only characters outside ASCII that a case-insensitive regex matches with an ASCII letter
# (dotted and dotless i, long s, Kelvin sign); a test holds the list to the regex engine.
FOLDS_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=2048)  # a sentence is asked about by every cue list in turn
def _words(text: str) -> frozenset[str]:
    """The lower-cased [a-z0-9] runs of a text, read as a case-insensitive regex reads it."""
    if not text.isascii():
        text = text.translate(FOLDS_TO_ASCII)
    return frozenset(w.lower() for w in _RUN.findall(text))


def _runs(phrase: str) -> frozenset[str] | None:
    """The runs every match of a phrase holds; None when that cannot be said (no run, letters
    beyond ASCII, a separator at an end)."""
    low = phrase.lower()
    runs = _PHRASE_RUN.findall(low)
    if not runs or not low.replace("’", "'").isascii() or _EDGE.search(phrase):
        return None
    return frozenset(runs)


class Alternation:
    """`patterns[i]` is the regex of `phrases[i]`, in the order the alternation tries them."""

    def __init__(self, phrases: Sequence[str], patterns: Sequence[str]):
        self._patterns = tuple(patterns)
        self._always: list[int] = []  # phrases the words cannot rule out
        self._keys: dict[str, list[tuple[int, frozenset[str]]]] = {}  # by a phrase's longest run
        for i, phrase in enumerate(phrases):
            runs = _runs(phrase)
            if runs is None:
                self._always.append(i)
            else:
                self._keys.setdefault(max(runs, key=len), []).append((i, runs))
        self._key_words = frozenset(self._keys)
        self._subsets: dict[tuple[int, ...], re.Pattern[str]] = {}

    def regex(self, text: str) -> re.Pattern[str] | None:
        """The alternation to search this text with; None when no phrase can occur in it."""
        words = _words(text)
        if not self._always and self._key_words.isdisjoint(words):
            return None  # the common case, told without building a set
        common = self._key_words & words
        if not common and not self._always:
            return None
        hits = [i for k in common for i, runs in self._keys[k] if runs <= words]
        key = tuple(sorted(self._always + hits))
        if not key:
            return None
        rx = self._subsets.get(key)
        if rx is None:
            rx = self._subsets[key] = re.compile(
                "|".join(f"(?:{self._patterns[i]})" for i in key), re.IGNORECASE
            )
        return rx
