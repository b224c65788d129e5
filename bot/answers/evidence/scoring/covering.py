"""Whether one line carries what a question asks, read as concepts rather than words.

The question's concepts ([ask.concepts]; a word the thesaurus does not know is its own) are
set against the line's, so "filming hadnt started" meets "production had not commenced".
- Alternatives joined by "or" ask which one holds: "is s2 confirmed or fan cope", "in feb or
  march", "the director or park ji-hoo": the line needs one of them, not all. The word just
  before the first "or" is the first alternative.
- "Did some article say X" asks whether an article prints X: every line is an article's, so
  the asking ("article", "say") is not content.
- Concepts most sentences carry only refine (COMMON, as for gathering evidence). A word no
  article prints is no content, unless the thesaurus knows it: "irl" asks about real life,
  which no line carries, so no line answers "is X dating Y irl".
- The line must carry the question's rarest concept and most of its weight (SHARE): a line
  sharing one rare word with the question and nothing else stays "nearby".
- A number the question prints ("2023") must be printed by the line when any article prints it.
"""

from __future__ import annotations

import math

from bot.answers.context import Context
from bot.answers.reading.concepts import Concepts
from bot.answers.reading.matching import tokens
from bot.facts.store import FactStore

COMMON = 0.15  # a concept in more than this share of readable sentences only refines
SHARE = 0.65  # of the question's concept weight a line must carry
SOURCE, SPEECH = "source", "speech"

_cache: dict[int, tuple[FactStore, Concepts, dict[str, int], int]] = {}


def _index(store: FactStore) -> tuple[Concepts, dict[str, int], int]:
    """The store's concepts, with how many readable sentences carry each (built once)."""
    hit = _cache.get(id(store))
    if hit is None or hit[0] is not store:
        concepts = Concepts(store.vocab)
        count: dict[str, int] = {}
        readable = 0
        for s in store.sentences.values():
            if s.kind != "text":
                continue
            readable += 1
            for c in concepts.of_text(s.display):
                count[c] = count.get(c, 0) + 1
        hit = _cache[id(store)] = (store, concepts, count, readable)
    return hit[1], hit[2], hit[3]


def concepts_of(store: FactStore) -> Concepts:
    """The thesaurus reader of a store (the one this module's index uses)."""
    return _index(store)[0]


def _parts(text: str) -> tuple[str, list[str]]:
    """The words every reading shares, and the alternatives joined by "or"."""
    segments = [s.strip() for s in f" {text} ".split(" or ")]
    if len(segments) < 2:
        return text, []
    head = segments[0].split()
    return " ".join(head[:-1]), [head[-1] if head else "", *segments[1:]]


def covers(
    ctx: Context, text: str, sid: int, names: set[str], people: tuple[str, ...] = ()
) -> bool:
    """Whether the line `sid` carries what the normalised question `text` asks; names: the
    tokens of the people asked about, whom the caller has checked the line names."""
    concepts, count, readable = _index(ctx.store)
    line = ctx.store.sentences[sid].display
    carried = concepts.of_text(line)
    printed = set(tokens(line))

    def wanted(part: str) -> set[str]:
        out = set()
        for w, c in concepts.spans(part):
            if set(tokens(w)) & names or not (count.get(c) or concepts.curated(c)):
                continue  # a name asked about, or a word no article prints
            out.add(c)
        return out

    head, alts = _parts(text)
    want = wanted(head)
    if SOURCE in want:  # "did some article say…": asking what an article prints
        want -= {SOURCE, SPEECH}
    if any(ch.isdigit() for ch in head):
        df = ctx.m.search.df
        numbers = {t for t in tokens(head) if t.isdigit() and df(t)}
        if not numbers <= printed:
            return False
    if alts:
        held = [w for a in alts if _alternative(a, (w := wanted(a)), carried, printed, names)]
        if not held:
            return False
        want |= max(held, key=len)  # the alternative the line holds weighs like the rest
    rare = {c for c in want if count.get(c, 0) <= COMMON * readable}
    if not rare:
        return bool(alts) and not want - carried

    def weight(c: str) -> float:
        return math.log(1.0 + readable / (1 + count.get(c, 0)))

    rarest = max(rare, key=lambda c: (weight(c), c))
    got = sum(weight(c) for c in rare & carried)
    return rarest in carried and got >= SHARE * sum(weight(c) for c in rare)


def _alternative(
    part: str, want: set[str], carried: frozenset[str], printed: set[str], names: set[str]
) -> bool:
    """One alternative holds: the line carries all its concepts, or names the person it is."""
    if set(tokens(part)) & names:
        return True
    return bool(want) and want <= carried and all(t in printed for t in tokens(part) if t.isdigit())
