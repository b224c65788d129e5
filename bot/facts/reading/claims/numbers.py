"""Numbers as articles print them: digits ("12", "9.8"), words ("eight", "twenty-four", "a
dozen"), spelled decimals ("nine point eight") and scales ("12 million", "nine point eight
million views"), each read to its digits with where it stands; and the episode counts a clause
states (a count compared with another season's is that season's; a difference, "two fewer
episodes", "four episodes shorter", is no count at all, nor is a part of the run, "the final
two episodes")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?|\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Number:
    """One number in a text: its span, its value and how it reads ('9.8 million')."""

    start: int
    end: int
    value: float
    text: str


def _units(numbers: list[str]) -> dict[str, int]:
    """Word -> value for the lexicon's spelled counts (one, two, ...), listed in order."""
    out = {w.lower(): i for i, w in enumerate(numbers, 1) if w.lower() not in _TENS}
    return out | _TENS | {"dozen": 12, "zero": 0}


def _word_value(word: str, units: dict[str, int]) -> int | None:
    low = word.lower()
    if low in units:
        return units[low]
    tens, _, unit = low.partition("-")  # "twenty-four"
    if tens in _TENS and unit in units and units[unit] < 10:
        return _TENS[tens] + units[unit]
    return None


def numbers_in(text: str, numbers: list[str]) -> list[Number]:
    """Every number the text prints, in text order."""
    units = _units(numbers)
    words = list(_WORD.finditer(text))
    out: list[Number] = []
    i = 0
    while i < len(words):
        w = words[i].group(0)
        value: float | None = None
        if w[0].isdigit():
            value = float(w.replace(",", "")) if "," not in w or _thousands(w) else None
        elif w.lower() == "a" and i + 1 < len(words) and words[i + 1].group(0).lower() == "dozen":
            value, i = 12, i + 1  # "a dozen episodes"
        else:
            value = _word_value(w, units)
        cut = None
        if value is None and "-" in w:  # "a ten-episode season": the count joined to its noun
            head = w.partition("-")[0]
            value, cut = _word_value(head, units), words[i].start() + len(head)
        if value is None:
            i += 1
            continue
        start, j = words[i].start(), i + 1
        if cut is not None:
            out.append(Number(start, cut, value, f"{value:g}"))
            i = j
            continue
        # "nine point eight": a spelled decimal, one digit word after "point"
        if j + 1 < len(words) and words[j].group(0).lower() == "point":
            frac = _word_value(words[j + 1].group(0), units)
            if frac is not None and frac < 10:
                value, j = value + frac / 10, j + 2
        scale = words[j].group(0).lower() if j < len(words) else ""
        label = f"{value:g}"
        if scale in _SCALES and scale != "hundred":
            label, j = f"{label} {scale}", j + 1
            value *= _SCALES[scale]
        out.append(Number(start, words[j - 1].end(), value, label))
        i = j
    return out


def _thousands(w: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+", w))


# "eight episodes", and the count joined to it: "a ten-episode season", "10-episode", "an
# eight-part series" (not "split into two parts").
_EPISODES = re.compile(
    r"\bepisodes\b|(?<=-)episode\b|(?<=-)part(?=\s+(?:series|season|drama|show|run)\b)",
    re.IGNORECASE,
)
# A number of episodes told as a difference from another run, not a count of its own.
_DIFFERENCE_BEFORE = re.compile(r"fewer|less|extra|additional", re.I)
_DIFFERENCE_AFTER = re.compile(r"\s+(?:fewer|less|shorter|longer|more|short\b|down\b|up\b)", re.I)
_SEASON_NUMBER = re.compile(r"\b(?:season|series|part|s)\s*$", re.IGNORECASE)
# A count after a word picking out where in the run they stand ("the final two episodes felt
# rushed", "the first three episodes"): some of the season's episodes, not how many it has.
_PART_OF_RUN = re.compile(
    r"\b(?:first|last|final|opening|closing|remaining|next|other|later|earlier|middle|"
    r"penultimate|previous|early|late)\s*$",
    re.IGNORECASE,
)


def episode_counts(text: str, numbers: list[str], comparison: list[str]) -> list[str]:
    """The episode counts a clause states, in digits; counts after a comparison word
    ('fewer than Season 1's 12') are another season's."""
    cut = len(text)
    for word in comparison:
        m = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
        if m:
            cut = min(cut, m.start())
    head = text[:cut]
    found = numbers_in(head, numbers)
    out = []
    for m in _EPISODES.finditer(head):
        # the count stands right before "episodes" or one word earlier ("eight new episodes")
        n = next((n for n in reversed(found) if n.end <= m.start()), None)
        gap = head[n.end : m.start()].split() if n is not None else []
        if n is not None and len(gap) <= 1 and n.value == int(n.value) and 0 < n.value < 1000:
            if _SEASON_NUMBER.search(head[: n.start]):
                continue  # "the season 2 episodes": the number names the season, no count
            if _PART_OF_RUN.search(head[: n.start]):
                continue  # "the final two episodes": a part of the run
            if _DIFFERENCE_BEFORE.fullmatch(" ".join(gap)) or _DIFFERENCE_AFTER.match(
                text, m.end()
            ):
                continue  # "two fewer episodes", "four episodes shorter": a difference
            out.append(str(int(n.value)))
    return list(dict.fromkeys(out))
