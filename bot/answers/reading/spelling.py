"""Typos in a question's own words: an unknown word read as the nearest word the store knows.

The store's vocabulary is every word its articles print, every word of the lexicon's phrases
and every name (with and without its hyphen), built once per store on first use. A word of a
question that is in it is never touched, so a question with no unknown word costs a set
lookup per word. An unknown word of five letters or more is read as the one known word within
a tight edit distance (rapidfuzz's OSA distance: a swapped pair of letters is one edit) that
opens on the same letter. Of known words equally near, the one the store prints most wins when
they are forms of one word ("startd": start, starts, started) or it is printed at least twice
as often as the next; otherwise the word is left alone, as it is when it is only another form
of a near word ("outlets": the search reads it by its stem anyway). An English word the
lemmatizer's dictionary holds is read only as a form of itself ("difference": different),
never as another word ("react" is not "reach").
A name's possessive typed without its apostrophe ("jinsus") is read as the name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.answers.reading.matching import tokens
from bot.facts.store import FactStore

_LETTERS = re.compile(r"[a-z]+")
_SHORTEST = 5  # shorter words are too close to too many others to guess at


@cache
def english(word: str) -> bool:
    """Whether the English lemmatizer's dictionary holds a lower-case word."""
    from simplemma import is_known

    return is_known(word, lang="en")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def bound(word: str) -> int:
    """How many edits a word of this length may be from the word it stands for."""
    if len(word) < _SHORTEST:
        return 0
    return 1 if len(word) < 9 else 2


def _words(text: str) -> list[str]:
    """The plain words of a text, and each hyphenated word joined ("ha-ri" -> "hari")."""
    low = text.lower()
    joined = [w.replace("-", "") for w in re.findall(r"[a-z]+(?:-[a-z]+)+", low)]
    return _LETTERS.findall(low) + joined


class Speller:
    """Reads a normalised question's unknown words as the store's words they stand for."""

    def __init__(self, store: FactStore, names: Callable[[str], bool]):
        """names: whether normalised words name an entity."""
        self._store = store
        self._names = names
        self._known: Counter[str] | None = None
        self._by_shape: dict[tuple[str, int], list[str]] = {}  # (first letter, length)
        self._read: dict[str, str] = {}  # unknown words already read

    def _vocabulary(self) -> Counter[str]:
        """How often each known word is printed (a lexicon or name word counts once more)."""
        if self._known is None:
            store = self._store
            # one pass over all the text at once (1,000 articles: about 0.2 s, once per store)
            text = "\n".join(s.display for s in store.sentences.values()).lower()
            known = Counter(_LETTERS.findall(text))
            for table in store.vocab.values():
                for key, phrases in table.items():
                    known.update(_words(" ".join([key, *phrases])))
            for e in store.entities.values():
                known.update(_words(" ".join([e.name, *e.aliases])))
            for t in store.lore_topics.values():
                known.update(_words(" ".join([t.id, t.label, *t.names])))
            by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
            for w in known:
                if len(w) >= _SHORTEST - 1:
                    by_shape[w[0], len(w)].append(w)
            self._by_shape = dict(by_shape)
            self._known = known
        return self._known

    def word(self, word: str) -> str:
        """The word a question's word stands for: itself unless it is unknown and one known
        word (or a name, for a possessive) is near enough."""
        if len(word) < _SHORTEST - 1 or not word.isascii():
            return word
        known = self._vocabulary()
        if word in known:
            return word
        if (read := self._read.get(word)) is None:
            if len(self._read) > 4096:
                self._read.clear()
            read = self._read[word] = self._nearest(word, known)
        return read

    def _nearest(self, word: str, known: Counter[str]) -> str:
        if self._names(word):
            return word
        if word.endswith("s") and self._names(word[:-1]):
            return word[:-1]  # "namras dad": Nam-ra's
        if not word.isalpha() or not (k := bound(word)):
            return word
        n = len(word)
        pool = [
            w for size in range(n - k, n + k + 1) for w in self._by_shape.get((word[0], size), ())
        ]
        near = process.extract(word, pool, scorer=OSA.distance, score_cutoff=k, limit=None)
        if near and english(word):
            # a real English word the articles do not print is read only as another form of
            # it ("difference": different), never as another word ("react" is not "reach")
            same = max(_SHORTEST, n - 3)
            near = [x for x in near if _common_prefix(word, x[0]) >= same]
        if not near:
            return word
        best = min(d for _, d, _ in near)
        ties = sorted((w for w, d, _ in near if d == best), key=lambda w: (-known[w], w))
        stems = {tuple(tokens(w)) for w in ties}
        if tuple(tokens(word)) in stems:
            return word  # "outlets": a form of a known word, read by its stem already
        if len(ties) == 1 or len(stems) == 1:
            return ties[0]
        return ties[0] if known[ties[0]] >= 2 * known[ties[1]] else word

    def __call__(self, text: str) -> str:
        """A normalised text with each unknown word read as the known word it stands for."""
        return " ".join(self.word(w) for w in text.split())
