"""Stage: reply rendered. What a later part asks, said plainly when a line printed under an
earlier part already answers it ("how many eps is s1 and how long r they": the runtime line
quoted for the count holds "53 to 72 minutes").

A part asking a duration or a number is answered by the value of that type in the line above:
a number with a unit of time for a duration, a number with the thing counted for a number.
Of several values, the one nearest a word of the type asked ("runtime") or of what the part
asks ("episodes") is its answer. The units and cue words are general English, curated in
[ask.carries] and [ask.types] of data/lexicon.toml.
"""

from __future__ import annotations

import re

from bot.answers.reading.question import Vocab

_MARK = re.compile(r"\[\d+\]")
_WORD = re.compile(r"[\w'-]+")


def plainly(atype: str, asked: list[str], texts: list[str], vocab: Vocab) -> str | None:
    """The line saying a part's answer found in lines above ("53 to 72 minutes [2]"), or None
    when the part asks no value of a type a line can carry, or no such line holds one.
    atype: the type the part asks; asked: the words it asks about (its predicate, as typed
    and as concepts); texts: the lines printed above that it would repeat."""
    rx = _value_rx(atype, vocab)
    if rx is None:
        return None
    cues = {w for p in vocab.get("ask.types", {}).get(atype, []) for w in p.split()} | {
        w.lower() for w in asked
    }
    for text in texts:
        marks = " ".join(_MARK.findall(text))
        found = _nearest(text, rx, cues, atype == "number")
        if found and marks:
            return f"↑ answered in a line above: **{found}** {marks}"
    return None


def _value_rx(atype: str, vocab: Vocab) -> re.Pattern[str] | None:
    """Where a line carries a value of the type asked: a duration is a number and a unit of
    time ("53 to 72 minutes", "12-hour"); a number is a figure and the word it counts."""
    carries = vocab.get("ask.carries", {})
    nums = "|".join(carries.get("number_words", [])) or "x^"
    figure = rf"(?:\d+|{nums})(?:\s*(?:to|-|–|or)\s*(?:\d+|{nums}))?"
    if atype == "duration":
        units = "|".join(carries.get("duration_units", [])) or "x^"
        return re.compile(rf"\b{figure}[\s-]+(?:{units})\b", re.IGNORECASE)
    if atype == "number":
        return re.compile(rf"\b{figure}\s+[^\W\d_][\w'-]*", re.IGNORECASE)
    return None


def _nearest(text: str, rx: re.Pattern[str], cues: set[str], counted: bool) -> str | None:
    """Of the values in a line, the one closest to a cue word outside it; for a number, only
    a value counting a thing asked (its word shares a stem with a cue: "episodes")."""
    words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    at = [pos for pos, w in words if _cued(w, cues)]
    best: tuple[int, str] | None = None
    for m in rx.finditer(text):
        if counted and not _cued(m.group().split()[-1].lower(), cues):
            continue
        away = [abs(pos - m.start()) for pos in at if not m.start() <= pos < m.end()]
        dist = min(away, default=len(text))
        if best is None or dist < best[0]:
            best = (dist, m.group())
    return best[1] if best else None


def _cued(word: str, cues: set[str]) -> bool:
    """Whether a word is a cue, or shares its first letters with one ("episodes", "episode")."""
    return any(word == c or (len(c) > 3 and word.startswith(c[:-1])) for c in cues)
