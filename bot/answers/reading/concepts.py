"""Stage: question read (and shared with evidence). Words -> concepts.

A word becomes its lemma (simplemma, English) and then the concept the curated thesaurus
([ask.concepts] in data/lexicon.toml) files it under; a word the thesaurus does not know is
its own concept. Multi-word entries ("come out", "hard to kill") are found first. Stop words
([ask.stopwords]) carry no concept. The same mapping reads questions and sentences, so a
question's "axed" meets an article's "cancelled".
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from bot.answers.reading.question import Vocab, normalise

_WORD = re.compile(r"[\w'/-]+")


@cache
def lemma(word: str) -> str:
    """The English lemma of a lower-case word (the lemmatizer is imported on first use)."""
    import simplemma

    return simplemma.lemmatize(word, lang="en").lower()


def stem(word: str) -> str:
    """A plain suffix stem, for words the lemmatizer reads oddly."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class Concepts:
    """One lexicon's word -> concept mapping, with a cache per distinct word."""

    def __init__(self, vocab: Vocab):
        table = vocab.get("ask.concepts", {})
        self.stop = frozenset(w for ws in vocab.get("ask.stopwords", {}).values() for w in ws)
        self._keys = frozenset(table)
        self._word: dict[str, str] = {}
        self._phrases: list[tuple[str, str]] = []
        for concept, words in table.items():
            for w in (concept, *words):
                w = normalise(w)
                if " " in w:
                    self._phrases.append((f" {w} ", concept))
                    if w[-1].isalpha() and not w.endswith("s"):  # "half zombies" too
                        self._phrases.append((f" {w}s ", concept))
                else:
                    self._word[w] = concept
        self._phrases.sort(key=lambda p: -len(p[0]))
        self._phrase_of = {p.strip(): c for p, c in self._phrases}
        self._cache: dict[str, str | None] = {}
        self._texts: dict[str, frozenset[str]] = {}

    def curated(self, concept: str) -> bool:
        """Whether a concept is the thesaurus's own (not a word standing for itself)."""
        return concept in self._keys

    def of_word(self, word: str) -> str | None:
        """The concept of one normalised word, or None for a stop word."""
        c = self._cache.get(word, "")
        if c != "":
            return c
        if word in self.stop or len(word) < 2 or word.isdigit():
            out = None
        else:
            lem = lemma(word)
            # the thesaurus may know the word, its lemma or its plain stem ("playing": simplemma
            # reads "playe")
            known = (self._word.get(w) for w in (word, lem, stem(word)))
            out = next((c for c in known if c), None)
            if out is None:
                out = None if lem in self.stop else lem
        self._cache[word] = out
        return out

    @cached_property
    def _phrase_rx(self) -> re.Pattern[str] | None:
        """Every multi-word entry in one pattern, longest first, on word boundaries."""
        if not self._phrases:
            return None
        alts = "|".join(re.escape(p.strip()) for p, _ in self._phrases)
        return re.compile(rf"(?<!\S)(?:{alts})(?!\S)")

    def spans(self, text: str) -> list[tuple[str, str]]:
        """(surface, concept) for each concept-bearing unit of normalised text, in order."""
        found: list[tuple[str, str]] = []
        rx = self._phrase_rx
        if rx is not None and " " in text:
            for m in rx.finditer(text):
                found.append((m.group(0), self._phrase_of[m.group(0)]))
            text = rx.sub(" ", text)
        for word in text.split():
            # "human/zombie", "zombie-human": the whole word if the thesaurus knows it, else
            # each part
            whole = self._word.get(word)
            parts = (
                [word]
                if whole or not any(ch in word for ch in "/-")
                else [p for p in re.split(r"[/-]", word) if p]
            )
            for w in parts:
                c = self.of_word(w)
                if c is not None:
                    found.append((w, c))
        return found

    def of_text(self, text: str, normalised: bool = False) -> frozenset[str]:
        """Every concept a text carries."""
        return frozenset(c for _, c in self.spans(text if normalised else normalise(text)))

    def of_reply(self, text: str) -> frozenset[str]:
        """The concepts of a reply's text, remembered: the same digest answers many questions."""
        hit = self._texts.get(text)
        if hit is None:
            if len(self._texts) > 512:
                self._texts.clear()
            hit = self._texts[text] = self.of_text(text)
        return hit
