"""A sentence as tokens with lemmas, its clauses, and phrase lookups on words and lemmas."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.facts.text import MONTHS, PhraseSet

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
# Clause boundaries: punctuation and the conjunctions that open a new statement.
_CLAUSE = re.compile(
    r"[,;:—–()]|\s-\s|\b(?:but|while|whereas|although|though|however|and then|whose)\b"
    # "... kicked off three weeks ago and is expected to last until spring": a verb phrase of
    # its own tense after "and"
    r"|\band\s+(?=(?:is|are|was|were|will|would|has|have|had|should|could|may|might)\s)",
    re.IGNORECASE,
)
_MONTH_WORDS = frozenset(m.lower() for m in MONTHS)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The English lemma of one word, lower-cased ('announced' -> 'announce')."""
    import simplemma  # only the builder reads clauses; the engine never imports it

    low = word.lower().replace("’", "'")
    return simplemma.lemmatize(low, lang="en").lower()


def lemma_phrase(phrase: str) -> str:
    """A phrase with every word lemmatised ('green lights' -> 'green light')."""
    return " ".join(lemma(w) for w in _TOKEN.findall(phrase))


# Lemmas that say nothing on their own: a phrase whose lemma form holds one is matched on its
# words only ("isn't" lemmatises to "be", "won't" to "will").
_AUXILIARIES = frozenset(["be", "have", "do", "will", "can", "cannot", "may", "must", "shall"])


class Cues:
    """A phrase list matched on the words of a text and on their lemmas (with lemmas=False,
    on its words only: negations, whose lemmas are bare auxiliaries); with prefixes, never
    the first half of a hyphenated word nor after a prefix (a topic's cue: "pre-production" is
    no production, "in post-credits" not "in post")."""

    def __init__(
        self,
        phrases: list[str] | tuple[str, ...],
        lemmas: bool = True,
        prefixes: tuple[str, ...] | None = None,
    ):
        self.words = PhraseSet(phrases, prefixes)
        forms = {lemma_phrase(p) for p in phrases} if lemmas else set()
        self.lemmas = PhraseSet(
            (f for f in forms if f and not _AUXILIARIES.intersection(f.split())), prefixes
        )

    def find(self, reading: Reading) -> list[tuple[int, str]]:
        """(character offset, phrase) of every occurrence, in text order."""
        out = [(m.start(), m.group(0).lower()) for m in self.words.finditer(reading.masked)]
        for m in self.lemmas.finditer(reading.lemmas):
            out.append((reading.offset(m.start()), m.group(0)))
        return sorted(set(out))

    def any(self, reading: Reading) -> bool:
        return self.words.any(reading.masked) or self.lemmas.any(reading.lemmas)


_LISTED: dict[tuple[int, str, str], tuple[object, Cues]] = {}


def listed_cues(lex, section: str, key: str) -> Cues:
    """The cues of one list in a [claims.<section>] table, compiled once per lexicon (a build
    reads one lexicon for every sentence)."""
    hit = _LISTED.get((id(lex), section, key))
    if hit is None or hit[0] is not lex:
        if len(_LISTED) > 64:
            _LISTED.clear()
        hit = _LISTED[(id(lex), section, key)] = (
            lex,
            Cues(lex.claims.get(section, {}).get(key, [])),
        )
    return hit[1]


@dataclass(frozen=True)
class Reading:
    """A stretch of text with its lemma text, and offsets back into the text; `masked` is the
    text with capitalised months blanked, for matching cue words."""

    text: str
    lemmas: str
    masked: str
    _starts: tuple[tuple[int, int], ...]  # (offset in lemmas, offset in text) per word

    @classmethod
    def of(cls, text: str) -> Reading:
        """The reading of a text (the same text is read once per build)."""
        return _read(text)

    @classmethod
    def _make(cls, text: str) -> Reading:
        parts: list[str] = []
        starts: list[tuple[int, int]] = []
        at = 0
        words = [m for m in _TOKEN.finditer(text)]
        caps = [bool(i) and w.group(0)[:1].isupper() for i, w in enumerate(words)]
        long = [caps[i] for i, w in enumerate(words) if len(w[0]) > 3 and w[0].isalpha()]
        if len(long) >= 4 and sum(long) * 5 >= 4 * len(long):
            caps = [False] * len(words)  # a headline in Title Case: its capitals name no one
        for i, m in enumerate(words):
            word = m.group(0)
            if word[:1].isupper() and word.lower() in _MONTH_WORDS:
                lem = "_month_"  # a capitalised month is a month, never the hedge "may"
            elif caps[i] and (caps[i - 1] or (i + 1 < len(caps) and caps[i + 1])):
                lem = word.lower() + "_"  # part of a name: "Film Monster" is no "film"
            else:
                lem = lemma(word)
            starts.append((at, m.start()))
            parts.append(lem)
            at += len(lem) + 1
        return cls(text, " ".join(parts), masked_months(text), tuple(starts))

    def offset(self, lemma_at: int) -> int:
        """The text offset of the word whose lemma starts at or before lemma_at."""
        best = 0
        for at, start in self._starts:
            if at > lemma_at:
                break
            best = start
        return best

    def words(self) -> list[str]:
        return _TOKEN.findall(self.text)


_MASKED = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b|\bNo\.(?=\s*\d)")


def masked_months(text: str) -> str:
    """The text with capitalised month names blanked ('May 2025' is a date, not a hedge), and
    'No.' before a number ('No. 1' is a rank, not a negation)."""
    return _MASKED.sub(lambda m: " " * len(m.group(0)), text)


_DATE_COMMA = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$", re.I
)
_YEAR_NEXT = re.compile(r"\s*(?:(?:19|20)\d\d\b|(?:" + "|".join(MONTHS) + r")\b)")


@lru_cache(maxsize=4096)
def _read(text: str) -> Reading:
    return Reading._make(text)


def clauses(text: str) -> list[tuple[int, str]]:
    """(start offset, text) of each clause of a sentence."""
    out = []
    at = 0
    for m in _CLAUSE.finditer(text):
        if (
            m.group(0) == ","
            and _DATE_COMMA.search(text[: m.start()])
            and _YEAR_NEXT.match(text, m.end())
        ):
            continue  # "May 12, 2026" and "Friday, June 26" are one date, not two clauses
        if m.start() > at:
            out.append((at, text[at : m.start()]))
        at = m.end()
    if at < len(text):
        out.append((at, text[at:]))
    out = [(i, c) for i, c in out if c.strip()]
    # "a full trailer, not yet": a bare verdict after a noun phrase is that phrase's own
    # answer (elliptical), so the two read as one clause
    merged: list[tuple[int, str]] = []
    for i, c in out:
        if merged and _VERDICT.match(c):
            j = merged[-1][0]
            merged[-1] = (j, text[j : i + len(c)])
        else:
            merged.append((i, c))
    return merged


_VERDICT = re.compile(
    r"\s*(?:not\s+yet|not\s+so\s+far|not\s+as\s+of\s+now|none\s+yet|no|not|yes|nope)\W*$",
    re.IGNORECASE,
)
