"""What a sentence's words are attached to: each time to its event cue, and cues that only
modify another thing.

A time belongs to the cue of its own clause ("the teaser that came out in July 2025" keeps
July 2025 beside a full trailer's date); a clause that is little more than the time ("...,
landed on March 17") dates the nearest cue. A clause that tells its own event around the time
("fans will meet the cast on May 30, two weeks after the premiere") dates no topic at all.
A topic word after another noun and a preposition ("footage from filming", "a documentary on
the production") names what that thing is about, not the topic's state, and so does one
before a noun of its own ("the teaser poster" is a picture).
"""

from __future__ import annotations

import re
from itertools import dropwhile

from bot.facts.curated import Lexicon
from bot.facts.reading.claims.reading import Reading, lemma
from bot.facts.text import PhraseSet

# A clause is "just a time" with at most this many words besides prepositions and articles
# ("landed on", "In a post on"): more, and it tells an event of its own.
_BARE_WORDS = 3
_FILLER = frozenset(
    """on in at by of the a an from to until till since around about for and or as early late
    mid""".split()  # noqa: SIM905 (a word list reads better as words)
)
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# A clause that goes on describing the one before ("..., with the crew moving between sets
# this winter"): its time is the same event's.
_WITH = re.compile(r"\s*(?:and\s+)?with\b", re.IGNORECASE)
# A relative clause on the noun before it ("the trailer, which landed last week"), or a past
# participle opening one ("the teaser, released on Monday through YouTube, opens on ...").
_WHICH = re.compile(r"\W*(?:which\b|[a-z]+(?:ed|wn|en)\s+(?:on|in|at|last|this|earlier)\b)")
_WHEN = re.compile(r"\W*when\b", re.IGNORECASE)
_MODIFIED = re.compile(
    r"\b(?P<noun>[A-Za-z][\w-]*)\s+(?:on|of|from|about|behind|for)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)


def attach(
    times: list[tuple[int, str]],
    cues: dict[str, list[int]],
    readings: list[tuple[int, Reading, object]],
    text: str,
) -> list[tuple[int, str, tuple[str, int]]]:
    """(offset, value, (topic, cue offset)) for each time attached to a topic's cue."""
    spans = [(at, at + len(c.text)) for at, c, _ in readings]
    every = [(x, t) for t, xs in cues.items() for x in xs]
    out = []
    for spot, value in times:
        a, b = next(((a, b) for a, b in spans if a <= spot < b), (0, len(text)))
        here = [(x, t) for x, t in every if a <= x < b]
        if not here and _WHICH.match(text[a:b]):
            # "the full trailer, which landed last Thursday": the noun just before's time; a
            # clause before with no cue ("the preview reel, shown last week") dates no topic
            p = max((c for c, d in spans if d <= a), default=None)
            here = sorted(
                (x, t) for x, t in every if x < a and not t.startswith("_") and (p or 0) <= x
            )[-1:]
            if not here:
                continue
        nxt = next(((c, d) for c, d in spans if c >= b), None)
        if not here and nxt and _WHEN.match(text[nxt[0] : nxt[1]]):
            # "the wait ends on March 20, when all episodes arrive": the day the clause after
            # it tells, when it opens on "when"
            here = [(x, t) for x, t in every if nxt[0] <= x < nxt[1]]
        if not here:
            if not _bare(text[a:b], value) and not _WITH.match(text[a:b]):
                continue  # the clause tells its own event at that time
            here = [(x, t) for x, t in every if not t.startswith("_")]  # no point of reference
        if not here:
            continue
        if _COUNTED_FROM.match(text, spot) and (told := [xt for xt in here if xt[0] < spot]):
            here = told  # "the teaser arrived a day after the shoot wrapped": the teaser's day
        elif _COUNTED_BEFORE.search(text, 0, spot):
            # "The announcement came a day after Netflix unveiled the trailer": the trailer's
            # day, counted from the news told before; a topic before the words is the one
            # whose day is counted, and it is unknown ("the teaser came a week before ...")
            if any(a <= xt[0] < spot for xt in here):
                continue
            here = [xt for xt in here if xt[0] > spot]
            if not here:
                continue
        x, t = min(here, key=lambda xt: (abs(spot - xt[0]), xt[1] != "release"))
        out.append((spot, value, (t, x)))
    return out


# A day counted from another event ("a day after the shoot wrapped"): the event before it.
_COUNTED_FROM = re.compile(r"[\w ]{1,20}?\b(?:days?|weeks?)\s+(?:after|before)\b", re.I)
_COUNTED_BEFORE = re.compile(r"\b(?:days?|weeks?)\s+(?:after|before)$", re.I)


def _bare(clause: str, value: str) -> bool:
    """Whether a clause is little more than a time ("landed on March 17, 2026")."""
    rest = clause.replace(value, " ", 1) if value in clause else clause
    rest = re.sub(r"(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?", " ", rest)
    words = [w for w in _WORD.findall(rest) if w.lower() not in _FILLER]
    return len(words) <= _BARE_WORDS


def modifiers(text: str, spots: list[int], keep: frozenset[str]) -> list[int]:
    """The cue offsets that stand as what another noun is about ("footage from filming");
    keep: lemmas of nouns that name a part of the event itself ("the start of filming")."""
    out = []
    for x in spots:
        m = _MODIFIED.search(text[max(0, x - 60) : x])
        if m and lemma(m.group("noun")) not in keep and m.group("noun").lower() not in keep:
            out.append(x)
    return out


def compounds(text: str, spots: list[int], cue_words: frozenset[str], heads: frozenset[str]):
    """The cue offsets that only qualify the noun after them ("the teaser poster", "filming
    stills"): cue words then one of heads, nouns naming a thing of their own."""
    out = []
    for x in spots:
        # one noun phrase: a comma or a stop ends it ("ten episodes, a report claims")
        stop = _PHRASE_END.search(text, x, x + 60)
        words = _WORD.findall(text, x, stop.start() if stop else x + 60)[:4]
        rest = list(dropwhile(lambda w: w.lower() in cue_words and lemma(w) not in heads, words))
        if words and rest and len(rest) < len(words) and lemma(rest[0]) in heads:
            out.append(x)
    return out


_PHRASE_END = re.compile(r"[,;:.!?()\"“”]")


# "the 2022 renewal video", "its 2025 shoot schedule": a year and the cue before a noun of
# its own name a thing of an event already known; the sentence tells nothing of the event.
_YEAR_BEFORE = re.compile(r"\b(?:the|its|their|that|this)\s+(?:19|20)\d\d\s+$", re.IGNORECASE)
_NOT_A_NOUN = frozenset(
    """is was were be been has had have will would could can may might must came comes went
    goes got took made and or but nor in on at of for to with by as from that which who whom
    itself finally first""".split()  # noqa: SIM905
)


def dated_things(text: str, spots: list[int], cue_words: frozenset[str]) -> list[int]:
    """The cue offsets that sit between a year-determiner and a noun of their own."""
    out = []
    for x in spots:
        if not _YEAR_BEFORE.search(text[max(0, x - 20) : x]):
            continue
        words = [w for w in _WORD.findall(text, x, x + 40)[:3] if w.lower() not in cue_words]
        after = text[x:].split(None, 1)
        if not words or len(after) < 2 or not after[1][:1].isalpha():
            continue  # "the 2022 renewal." / "the 2022 renewal, which ..."
        w = words[0]
        if w[:1].islower() and w.lower() not in _NOT_A_NOUN and not w.endswith("ed"):
            out.append(x)
    return out


def name_at_start(text: str, spots: list[int], cue_words: frozenset[str]) -> list[int]:
    """A cue that is the first word of a name opening the sentence ("Film Monster, which
    produced it, said ..."): two capitalised words, the second no cue word itself."""
    words = list(_WORD.finditer(text))
    if len(words) < 2 or words[0].start() not in spots:
        return []
    second = words[1].group(0)
    if second[:1].isupper() and lemma(second) not in cue_words and second.lower() not in cue_words:
        return [words[0].start()]
    return []


def compound_heads(lex: Lexicon) -> frozenset[str]:
    """The lemmas of [claims.values] compound_heads: nouns naming a thing of their own."""
    return _cue_words(lex)[3]


_WORDS: dict[int, tuple[Lexicon, tuple]] = {}


def _cue_words(lex: Lexicon) -> tuple:
    """Every cue word of the status topics, per topic the nouns naming a part of its event
    (its state cues and [claims.values] event_parts), the topic cue words alone and the
    [claims.values] compound_heads, compiled once per lexicon."""
    hit = _WORDS.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    values = lex.claims.get("values", {})
    parts = values.get("event_parts", [])
    every: set[str] = set()
    topic_words: set[str] = set()
    keep: dict[str, frozenset[str]] = {}
    for tid, topic in lex.status.items():
        words = {w for p in (*topic.strong.phrases, *topic.weak.phrases) for w in p.split()}
        states = lex.claims.get(f"states.{tid}", {}).values()
        own = {w for phrases in states for p in phrases for w in p.split()}
        every |= words | own
        topic_words |= words
        keep[tid] = frozenset(lemma(w) for w in (*own, *words, *parts)) | frozenset(parts)
    out = frozenset(every | {lemma(w) for w in every})
    heads = frozenset(lemma(w) for w in values.get("compound_heads", []))
    _WORDS.clear()
    _WORDS[id(lex)] = (lex, (out, keep, frozenset(topic_words), heads))
    return _WORDS[id(lex)][1]


# How far after the event's word a schedule and its clash may stand ("the shooting schedule
# overlaps with ...", "its filming dates clash with ...").
_CLASH_REACH = 50
_CLAUSE_END = re.compile(r"[,;:.!?]")


def clashing(text: str, spots: list[int], lex: Lexicon) -> list[int]:
    """The cue offsets that name a schedule said to clash with something else ("the shooting
    schedule overlaps with a feature film"): a reason for a clash, no news of the event; nor
    is what it clashes with, up to the clause's end (the "film" he committed to)."""
    values = lex.claims.get("values", {})
    heads = PhraseSet.of(tuple(values.get("schedule_nouns", [])))  # built once per list
    clash = PhraseSet.of(tuple(values.get("clashes", [])))
    out = []
    for x in spots:
        after = text[x : x + _CLASH_REACH]
        head = next(iter(heads.finditer(after)), None)
        # the schedule right after the cue word ("shooting schedule"), then the clash
        if head is None or len(_WORD.findall(after[: head.start()])) > 2:
            continue
        hit = next(iter(clash.finditer(after[head.end() :])), None)
        if hit is None:
            continue
        begin = x + head.end() + hit.end()
        end = _CLAUSE_END.search(text, begin)
        stop = end.start() if end else len(text)
        out += [x, *(y for y in spots if begin <= y < stop)]
    return out


def drop_modifiers(cues: dict[str, list[int]], text: str, lex: Lexicon) -> None:
    """Leave out cues that name what another thing is about, or begin a name."""
    every, keep, topic_words, heads = _cue_words(lex)
    for tid in list(cues):
        gone = {*modifiers(text, cues[tid], keep[tid]), *name_at_start(text, cues[tid], every)}
        gone |= set(compounds(text, cues[tid], topic_words, heads))
        gone |= set(dated_things(text, cues[tid], every))
        gone |= set(clashing(text, cues[tid], lex))
        cues[tid] = [x for x in cues[tid] if x not in gone]
        if not cues[tid]:
            del cues[tid]


def of_other_season(spots: list[int], readings, r, lex: Lexicon) -> bool:
    """Whether every clause holding the topic's cues is about another season ("Netflix has
    not renewed it for a third season, though Season 2 premieres in June")."""
    held = [c for at, c, _ in readings if any(at <= x < at + len(c.text) for x in spots)]
    return bool(held) and all(
        r.other_season.any(c) and not lex.season2.any(r.other_season.words.remove(c.text))
        for c in held
    )


def news_ahead(cues: dict[str, list[int]], text: str, readings, lex: Lexicon) -> None:
    """Leave out cues that only name what coming news is about ("post-production plans will be
    shared later", "details on the shoot are due next month"): the news is ahead, the event's
    state untold. Negated, such a clause still says "not yet" ("no word on filming")."""
    news = frozenset(lemma(w) for w in lex.claims.get("values", {}).get("news_nouns", []))
    if not news:
        return
    _, _, topic_words, _ = _cue_words(lex)
    for tid in list(cues):
        ahead = []
        for x in cues[tid]:
            m = next((m for at, c, m in readings if at <= x < at + len(c.text)), None)
            if m is None or m.tense != "future":
                continue
            start = x  # the whole hyphenated word ("production" in "post-production")
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                start -= 1
            before = _MODIFIED.search(text[max(0, start - 60) : start])
            if (before and lemma(before.group("noun")) in news) or compounds(
                text, [x], topic_words, news
            ):
                ahead.append(x)
        cues[tid] = [x for x in cues[tid] if x not in ahead]
        if not cues[tid]:
            del cues[tid]
