"""A sentence's times, each read in its own clause's tense, with what the sentence before lends
them (its last year for "later that year", its days for "a day later"); and plans given up: a
time the article says is no longer the plan is not the current one.

"The plan to premiere in spring 2026 has been dropped; the show now comes in 2027", "slipped
from late 2026 into 2027": a sentence with a word of giving up or moving a plan
([claims.values] abandoned) that names several times means the latest (a plan given up is
followed by a later one); naming only the abandoned one, it states no current time. "Netflix
first aimed for 2026. That plan is gone." does the same across two sentences: a sentence
opening on a plan it points back at ([claims.values] plan_words) retracts the time before it.

The day something was done to the release is not the day of the release either (`act_days`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.facts.building.records import Claim, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.reading import Cues, Reading, clauses, listed_cues
from bot.facts.reading.claims.values import after, is_day_date, latest_year, time_values
from bot.facts.sources.manifest import Source

_POINTING = re.compile(
    r"^\s*(?:but\s+|however,?\s+)?(?:that|this|those|these|the)\s+(\w+)(?:\s+(\w+))?", re.I
)


def _cues(lex: Lexicon, key: str) -> Cues:
    return listed_cues(lex, "values", key)


def past_plans(lex: Lexicon) -> Cues:
    return _cues(lex, "past_plans")


def current_times(text: str, found: list[tuple[int, str]], lex: Lexicon) -> list[tuple[int, str]]:
    """The times of a sentence still meant: all of them unless it gives up a plan."""
    reading = Reading.of(text)
    # "pushed out of last year's calendar": a time a plan is moved away from is given up
    away = [at + len(p) for at, p in _cues(lex, "moved_from").find(reading)]
    found = [(at, v) for at, v in found if not any(0 <= at - end <= 12 for end in away)]
    moved = [at for at, _ in _cues(lex, "abandoned").find(reading)]
    past = [at for at, _ in _cues(lex, "past_plans").find(reading)]
    if not found or not (moved or past):
        return found
    # "had planned to start in January, but shooting slipped into late last month": a past
    # plan's own clause gives up its times, the rest are read as below
    planned = [
        (a, a + len(c)) for a, c in clauses(text) if _cues(lex, "past_plans").any(Reading.of(c))
    ]
    if planned:
        found = [(at, v) for at, v in found if not any(a <= at < b for a, b in planned)]
        past = []
        if not found or not moved:
            return found
    if len({latest_year(v) for _, v in found}) >= 2:
        return [max(found, key=lambda f: (latest_year(f[1]) or 0, f[0]))]
    # One time: given up when told before the giving up ("a spring premiere was dropped") or
    # as a past plan ("had planned a late 2026 release"); after a move it is the new one.
    at = found[0][0]
    if past or any(at < cue for cue in moved):
        return []
    return found


def times_meant(times: dict, cues: dict[str, list[int]], meant: list[tuple[int, str]]) -> dict:
    """Each topic's (spot, value, owner) times once a plan is given up: the ones still meant,
    told by their own clause where they have one ("..., a 2026 launch is the more realistic
    target": the target's modality, not the given-up report's); a cue that told only of a
    time given up is dropped from cues."""
    kept = {at for at, _ in meant}
    for t, ts in times.items():
        gone = {o for s, _, o in ts if s not in kept} - {o for s, _, o in ts if s in kept}
        if gone and len(gone) < len(cues[t]):
            cues[t] = [x for x in cues[t] if x not in gone]
    return {
        t: [x for x in ts if x[0] in kept] or [(s, v, o) for s, _, o in ts[:1] for _, v in meant]
        for t, ts in times.items()
    }


def _retracts(s: Sentence, lex: Lexicon) -> bool:
    """Whether a sentence opens on a plan it points back at and gives it up ("That plan is
    gone", "This schedule has been scrapped")."""
    m = _POINTING.match(s.display)
    plans = {w.lower() for w in lex.claims.get("values", {}).get("plan_words", [])}
    words = {w.lower() for w in m.groups() if w} if m else set()
    return bool(plans & (words | {w.rstrip("s") for w in words})) and _cues(lex, "abandoned").any(
        Reading.of(s.display)
    )


def unretracted(claims: list[Claim], sentences: list[Sentence], lex: Lexicon) -> list[Claim]:
    """An article's claims without those whose time the next sentence gives up (a claim of
    episodes or cast carries no time and stays), and without what a correction says an
    earlier version of the article said."""
    gone = {s.id - 1 for s in sentences if s.kind == "text" and _retracts(s, lex)}
    corrected = _cues(lex, "corrected")
    # "An earlier version of this guide said ten episodes": the article takes that back
    fixed = {s.id for s in sentences if s.kind == "text" and corrected.any(Reading.of(s.display))}
    out = []
    for c in claims:
        if c.sentence_id in fixed:
            continue
        if c.sentence_id in gone and c.value and c.topic not in ("episodes", "cast"):
            continue  # what was once meant is the article's history, not this plan
        out.append(c)
    return out


# A clause that is only a time or place phrase ("On Friday, June 13", "In a post on June 3"):
# it has no tense of its own.
_ADVERBIAL = re.compile(
    r"\s*(?:(?:on|in|at|by|during|via|through)\b(?:[\s,]+[\w'-]+){0,8}[\s,.]*$|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)",
    re.IGNORECASE,
)


def sentence_times(
    text: str,
    readings,
    source: Source,
    anchor: str,
    tense: str,
    days: tuple = (),
    past_plans: Cues | None = None,
) -> list[tuple[int, str]]:
    """(offset, value) of every time a sentence names, each read in its clause's tense; a
    clause with no verb of its own ("On Friday, June 13, Netflix released ...") in the
    sentence's. A plan told as past ("had planned to start in January", "was slated for
    May") was made before the article: its month is the nearest such month before it."""
    out = []
    for at, c, m in readings:
        end = at + len(c.text)
        own = tense if m.tense == "present" and _ADVERBIAL.match(c.text) else m.tense
        if past_plans is not None and past_plans.any(c):
            own = "past"
        read = _times(text, source.published, own, not source.estimated, anchor, days)
        out.extend((off, value) for off, value in read if at <= off < end)
    return sorted(set(out))


@lru_cache(maxsize=64)
def _times(
    text: str, published: str, tense: str, relative: bool, anchor: str, days: tuple = ()
) -> tuple:
    """`time_values`, kept: a sentence's clauses ask once per tense, and the next sentence
    asks again for its "that year"."""
    return tuple(time_values(text, published, tense, relative, anchor, days))


def last_time(before: Sentence, source: Source) -> str:
    """The last time with a year the sentence before prints, for "later that year"."""
    found = _times(before.display, source.published, "past", not source.estimated, "")
    return next((v for _, v in reversed(found) if latest_year(v)), "")


def days_before(before: Sentence, source: Source) -> tuple[str, ...]:
    """The times the sentence before prints, for "a day later"."""
    found = _times(before.display, source.published, "past", not source.estimated, "")
    return tuple(v for _, v in found)


# The day something was done to the release is not the day of the release.
#
# "Netflix pushed the launch back on May 29", "the streamer announced the premiere date on
# April 14", "The release date was revealed on Tuesday": the day after the act's object dates
# the act (a delay, an announcement), told as done before the article; the premiere's own day
# is another (or none the sentence gives). A premiere date claim whose day is such an act's is
# given the one day still ahead that the sentence names besides, or dropped. A day still ahead
# of the article cannot be an act already told ("Netflix confirmed the premiere on June 26" in
# May is the premiere's day), and a time after "to", "for" or "until" is where the act puts the
# release ("pushed back to July 3"), so neither is touched.

_REACH = 120  # how far before the day the act and its object may stand
_DET = r"(?:(?:the|a|an|its|their|this|that)\s+|(?:[\w-]+\s+)?[\w-]+['’]s\s+)"
_FILL = r"(?:[\w'’-]+\s+){0,3}?"
_OF = r"(?:\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
_PARTICLE = r"(?:\s+(?:back|up|off|forward))?"
_BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
_RX: dict[int, tuple[Lexicon, tuple[re.Pattern[str], re.Pattern[str]] | None]] = {}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(active, passive): an act on a release noun right before a day, compiled once per
    lexicon; None when the lexicon lists no acts."""
    hit = _RX.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    acts = lex.claims.get("values", {}).get("release_acts", [])
    topic = lex.status.get("release")
    rx = None
    if acts and topic is not None:
        nouns = _alt([*topic.strong.phrases, *topic.weak.phrases])
        verbs = _alt(acts)
        end = rf"{_OF}{_PARTICLE}\s*,?\s*(?:on|in|at)?\s*$"
        active = rf"\b(?:{verbs})\s+{_DET}{_FILL}(?:{nouns}){_OF}{_PARTICLE}\s*,?\s*(?:on|at)?\s*$"
        passive = rf"\b(?:{nouns})(?:\s+[\w'’-]+){{0,4}}?\s+{_BE}(?:{verbs}){end}"
        rx = (re.compile(active, re.I), re.compile(passive, re.I))
    _RX.clear()
    _RX[id(lex)] = (lex, rx)
    return rx


def _dates_an_act(text: str, at: int, lex: Lexicon) -> bool:
    """Whether the time at `at` follows an act done to a release ("delayed the premiere on")."""
    rx = _patterns(lex)
    if rx is None:
        return False
    before = text[max(0, at - _REACH) : at]
    return any(p.search(before) for p in rx)


def act_days(claims: list[Claim], sentences: list[Sentence], src: Source, lex: Lexicon):
    """An article's claims without the premiere dates that are the day of an act on the
    release (see the comment above)."""
    text = {s.id: s.display for s in sentences}
    out = []
    for c in claims:
        said = text.get(c.sentence_id, "")
        if (
            c.topic == "release"
            and c.value
            and is_day_date(c.value)
            and not after(c.value, src.published)
            and _day_of_act(said, c.value, src, lex)
        ):
            # the day still ahead that the sentence gives besides ("delayed the premiere on
            # May 2, and it now arrives on June 12") is the premiere's; else it gives none
            ahead = [
                v
                for at, v in _days(said, src)
                if after(v, src.published) and not _dates_an_act(said, at, lex)
            ]
            if len(set(ahead)) != 1:
                continue
            c = replace(c, value=ahead[0])
        out.append(c)
    return out


def _days(text: str, src: Source) -> set[tuple[int, str]]:
    """(offset, value) of every day the text names, read as past and as future."""
    return {
        (at, v)
        for tense in ("past", "future")
        for at, v in time_values(text, src.published, tense, not src.estimated)
        if is_day_date(v)
    }


def _day_of_act(text: str, value: str, src: Source, lex: Lexicon) -> bool:
    """Whether every place the text names the claim's day is an act's day."""
    spots = {at for at, v in _days(text, src) if v == value}
    return bool(spots) and all(_dates_an_act(text, at, lex) for at in spots)
