"""The one claim a sentence makes on a status topic, from its clauses' readings.

Each clause holding one of the topic's cues is read for the state it reports and the value
attached to it (a date, an episode count); the firmest, furthest reading is the claim. A
condition, a habit or a taste tells no state; a release year already past when the article
was written makes the sentence no news of this season.
"""

from __future__ import annotations

import re

from bot.facts.building.records import Claim
from bot.facts.curated import Lexicon
from bot.facts.reading.asides import on_other_season
from bot.facts.reading.claims.numbers import episode_counts
from bot.facts.reading.claims.readers import Readers
from bot.facts.reading.claims.reading import Reading, listed_cues
from bot.facts.reading.claims.states import PLANNED, progress
from bot.facts.reading.claims.values import latest_year
from bot.facts.text import PhraseSet

_STRENGTH = {"confirmed": 3, "denied": 3, "expected": 2, "rumoured": 1}


# A clause granted in passing ("..., though no date has been set"): the main clause is the news.
_CONCEDED = re.compile(r"\b(?:though|although)\W*$", re.I)


def topic_claim(
    tid,
    spots,
    readings,
    values,
    r: Readers,
    lex: Lexicon,
    sentence,
    source,
    before,
    hoped,
    strong,
) -> Claim | None:
    """The one claim a sentence makes on a topic: the firmest, furthest clause's reading."""
    topic = lex.status[tid]
    states = progress(topic.states)
    best: tuple | None = None
    window: tuple | None = None
    habits = listed_cues(lex, "modality", "habitual")
    opinions = listed_cues(lex, "modality", "opinion")
    for at, c, m in readings:
        if m.conditional or not any(at <= x < at + len(c.text) for x in spots):
            continue  # a condition tells no state: "if filming begins in May, ..."
        if habits.any(c) or opinions.any(c):
            continue  # a habit ("Netflix usually waits until ...") or a taste tells none either
        negated = m.modality != "rumoured" and r.modality.negated(c)
        end = at + len(c.text)
        # the values attached to a cue of this clause, else to the topic's other cues ("wrapped
        # in May, and the show is now in post-production")
        inside = [(o, v) for o, v, owner in values if at <= owner < end] or [
            (o, v) for o, v, _ in values
        ]
        here = [x for x in spots if at <= x < end]
        said = "".join(x.text for a, x, _ in readings if a < at)[-40:]  # the clauses before
        if tid == "episodes" and on_other_season(said, c.text, lex):
            continue  # "shorter than the first, which ran twelve episodes": Season 1's count
        nearest = sorted(inside, key=lambda ov: min(abs(ov[0] - x) for x in here))[:1]
        value = _value(tid, c, [v for _, v in nearest], r, before, lex, hoped, source)
        if value is None:
            return None  # a release already past when written: the first season's
        # A weak cue alone ("shot", "production") may be another sense of the word ("shot to
        # the top of the chart"): where a topic has several steps, it reports one only with a
        # state cue or a value (cast news has one step: "X returns" is it).
        plain = tid in strong or bool(value) or len(states) <= 2
        state = r.states.state(tid, c, m, negated, value, source.published, plain)
        if state is None:
            continue
        if topic.weak_needs_value and tid not in strong and not value and state in states[1:-1]:
            continue  # a weak cue tells a value or a "not yet", or that the event happened
        base = state.removesuffix(PLANNED)
        key = (_STRENGTH[m.modality], PLANNED not in state, states.index(base), bool(value))
        if tid == "release" and base == "window" and m.modality != "rumoured":
            window = (key, state, m, value)
        if base == states[0] and _CONCEDED.search(sentence.display[max(0, at - 20) : at]):
            key = (0, *key[1:])  # "..., though no premiere date has been set": beside the news
        if best is None or key > best[0]:
            best = (key, state, m, value)
    if best is None:
        return None
    if window is not None and best[1] == states[0] and best[0][0] == 0:
        best = window  # "eyeing a 2025 launch, though no premiere date has been set"
    _, state, m, value = best
    modality = m.modality
    return Claim(
        tid,
        sentence.id,
        source.id,
        source.published,
        negated=state == states[0],
        hedged=modality in ("expected", "rumoured") or PLANNED in state,
        value=value,
        state=state,
        modality=modality,
        tense=m.tense,
    )


def _value(tid, clause: Reading, times, r: Readers, before, lex, hoped, source) -> str | None:
    """The value a clause states on a topic ('' for none); None: the claim is not this
    season's news at all."""
    if tid == "episodes":
        counts = episode_counts(clause.text, r.numbers, r.comparison)
        if not counts and before is not None:
            same = PhraseSet.of(tuple(lex.ask.get("carries", {}).get("same_as", [])))
            if same.any(clause.text):
                counts = episode_counts(before.display, r.numbers, r.comparison)
        return ", ".join(counts)
    if not times or (tid == "release" and hoped):
        return ""
    if tid == "release":
        years = [y for t in times if (y := latest_year(t))]
        if years and max(years) < int(source.published[:4]):
            return None
    return "; ".join(dict.fromkeys(times))
