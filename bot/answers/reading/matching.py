"""Fuzzy matching of what fans type: names, topics, and free questions over every sentence.

Indexes are built once per store (`Matchers(store)`), not per question.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.facts.reading.names import exact_key, fold_key, plain_key
from bot.facts.store import FactStore

STRONG = 88.0  # a fuzzy score at or above this may name an entity...
MARGIN = 6.0  # ...when the runner-up (another entity) is at least this far behind
WEAK = 60.0  # below this a candidate is not even suggested


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of a lookup: a sure hit, suggestions, or nothing."""

    id: str | None
    score: float
    suggestions: tuple[str, ...] = ()


class KeyIndex:
    """Maps folded keys to ids and finds the best id for a query key."""

    def __init__(self, keyed: list[tuple[str, str, str]], strong: float = STRONG):
        """keyed: (key, id, display name) triples."""
        self._ids: dict[str, set[str]] = defaultdict(set)
        self._names: dict[str, str] = {}
        for key, iid, name in keyed:
            if key:
                self._ids[key].add(iid)
                self._names.setdefault(iid, name)
        self._keys = list(self._ids)
        self._strong = strong

    def lookup(self, key: str) -> Match:
        if not key:
            return Match(None, 0.0)
        exact = self._ids.get(key)
        if exact and len(exact) == 1:
            return Match(next(iter(exact)), 100.0)
        if exact:  # one spelling, several people: never guess
            return Match(None, 100.0, tuple(sorted(self._names[i] for i in exact))[:3])
        best: dict[str, float] = {}
        for k, score, _ in process.extract(key, self._keys, scorer=fuzz.ratio, limit=12):
            for iid in self._ids[k]:
                best[iid] = max(best.get(iid, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self._names[kv[0]]))
        if not ranked or ranked[0][1] < WEAK:
            return Match(None, ranked[0][1] if ranked else 0.0)
        top, score = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        if score >= self._strong and score - runner >= MARGIN:
            return Match(top, score)
        return Match(None, score, tuple(self._names[i] for i, s in ranked[:3] if s >= WEAK))

    def exact_any(self, keys: list[str]) -> str | None:
        """The one id an exact key names (no fuzzy matching), or None."""
        for k in keys:
            ids = self._ids.get(k)
            if ids and len(ids) == 1:
                return next(iter(ids))
        return None

    def lookup_any(self, keys: list[str]) -> Match:
        """The first sure hit among several keys of one query, else the best suggestions."""
        results = [self.lookup(k) for k in dict.fromkeys(keys) if k]
        for r in results:
            if r.id:
                return r
        best = max(results, key=lambda r: (len(r.suggestions) > 0, r.score), default=Match(None, 0))
        return best


_WORD = re.compile(r"[0-9a-z가-힣]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "with",
        "as",
        "at",
        "by",
        "from",
        "what",
        "who",
        "whom",
        "when",
        "where",
        "why",
        "how",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "i",
        "you",
        "me",
        "my",
        "your",
        "we",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "about",
        "any",
        "season",
        "all",
        "us",
        "dead",
        "tell",
        "know",
    ]
)


def tokens(text: str) -> list[str]:
    """Search tokens: lower-case words, stop words dropped, a light plural/verb stem."""
    out = []
    for w in _WORD.findall(text.lower()):
        if w in _STOP or len(w) < 2:
            continue
        for suffix in ("ing", "ies", "es", "ed", "s"):
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                w = w[: -len(suffix)] + ("i" if suffix == "ies" else "")
                break
        # zombie/zombies/zomby, hamby/hambies, antibody/antibodies: one stem
        if len(w) > 4 and w.endswith(("ie", "y")):
            w = w[: -2 if w.endswith("ie") else -1] + "i"
        out.append(w)
    return out


class SentenceSearch:
    """BM25 over every sentence's display text (headings and questions excluded)."""

    def __init__(self, store: FactStore, k1: float = 1.2, b: float = 0.75):
        counts: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths: dict[int, int] = {}
        for sid, s in store.sentences.items():
            if s.kind != "text":
                continue
            toks = tokens(s.display)
            lengths[sid] = len(toks)
            for t, n in Counter(toks).items():
                counts[t].append((sid, n))
        self._n = max(len(lengths), 1)
        avg = (sum(lengths.values()) / self._n) or 1.0
        # Each posting's BM25 term weight (all but the idf) is fixed by the store: computed once.
        self._post: dict[str, list[tuple[int, float]]] = {
            t: [(s, tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[s] / avg))) for s, tf in p]
            for t, p in counts.items()
        }

    def df(self, token: str) -> int:
        """How many text sentences print a search token."""
        return len(self._post.get(token, ()))

    def search(self, query: str, limit: int = 3) -> list[tuple[int, float]]:
        """Best sentences for a query with their scores, best first."""
        scores: dict[int, float] = defaultdict(float)
        for t in set(tokens(query)):
            post = self._post.get(t)
            if not post:
                continue
            idf = math.log(1 + (self._n - len(post) + 0.5) / (len(post) + 0.5))
            for sid, norm in post:
                scores[sid] += idf * norm
        return heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))


def _lookup_names(entity) -> list[str]:
    """Every alias, plus the given name of a person's two-part names ('Ji-hu', 'Solomon'),
    since fans type given names alone."""
    names = [entity.name, *entity.aliases]
    if entity.kind in ("character", "actor"):
        names += [
            a.split(None, 1)[1]
            for a in list(names)
            if len(a.split()) == 2 and not a.split()[0].endswith(".")
        ]  # not "Mr. Lee"
    return names


class Matchers:
    """Every index the engine needs, built once per store (the sentence index on first use)."""

    def __init__(self, store: FactStore):
        self._store = store
        keyed = [
            (key(alias), e.id, e.name)
            for e in store.entities.values()
            for alias in _lookup_names(e)
            for key in (fold_key, plain_key)
        ]
        self.names = KeyIndex(keyed)
        roles: dict[str, list[str]] = defaultdict(list)
        for e in store.entities.values():
            for role in e.roles:
                roles[exact_key(role)].append(e.id)
        self.roles = dict(roles)
        lore = [
            (fold_key(name), t.id, t.label)
            for t in store.lore_topics.values()
            for name in (t.id, t.label, *t.names)
        ]
        self.lore = KeyIndex(lore, strong=80.0)
        self._search: SentenceSearch | None = None

    @property
    def search(self) -> SentenceSearch:
        """BM25 over every sentence; only free questions need it, so it is built on first use."""
        if self._search is None:
            self._search = SentenceSearch(self._store)
        return self._search
