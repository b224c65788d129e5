"""The day something was done to the release is not the day of the release.

"Netflix pushed the launch back on May 29", "the streamer announced the premiere date on
April 14", "The release date was revealed on Tuesday": the day after the act's object dates
the act (a delay, an announcement), told as done before the article; the premiere's own day
is another (or none the sentence gives). A premiere date claim whose day is such an act's is
given the one day still ahead that the sentence names besides, or dropped. A day still ahead
of the article cannot be an act already told ("Netflix confirmed the premiere on June 26" in
May is the premiere's day), and a time after "to", "for" or "until" is where the act puts the
release ("pushed back to July 3"), so neither is touched.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.facts.building.records import Claim, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.values import after, is_day_date, time_values
from bot.facts.sources.manifest import Source

# How far before the day the act and its object may stand.
_REACH = 120
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
    release (see the module's docstring)."""
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
