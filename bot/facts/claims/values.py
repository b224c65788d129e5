"""The values a clause states: dates and windows, and episode counts.

Counts may be spelled out ("eight episodes"); a count compared with another season's ("two
fewer than Season 1's 12") is that season's, not this one's. A month printed without a year
takes it from the article's date and the clause's tense ("wrapped in May" in June 2025).
"""

from __future__ import annotations

import re

from bot.facts.text import MONTHS, collapse_ws

_MONTHS = "|".join(MONTHS)
_SEASONS = "spring|summer|fall|autumn|winter"
_TIME = re.compile(
    r"(?:(?:early|late|mid|later in|earlier in|(?:the )?(?:first|second) half of|(?:the )?end of|"
    rf"{_SEASONS})[\s-]+)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
# A month (or season) without a year, after a word that makes it a time: "in May", "next spring".
_BARE = re.compile(
    rf"\b(?P<rel>in|since|by|until|till|from|on|last|this|next|early|late|mid)[\s-]+"
    rf"(?P<what>(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|{_SEASONS})\b(?![\s,]+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_THIS_YEAR = re.compile(
    r"\b(?P<rel>later|earlier|early|late|(?:the )?(?:first|second) half of|(?:the )?end of)?"
    r"\s*(?P<w>this|next) year\b",
    re.I,
)
_DAY_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}})\b"
)
_COUNT = re.compile(r"(?:(?P<a>[\w-]+)\s+)?(?P<b>[\w-]+)\s+episodes\b", re.IGNORECASE)


def _month_index(word: str) -> int | None:
    for i, m in enumerate(MONTHS, 1):
        if word.lower().startswith(m.lower()):
            return i
    return None


def time_values(
    text: str, published: str, tense: str, relative: bool = True
) -> list[tuple[int, str]]:
    """(offset, 'June 6, 2022' / 'early 2024' / 'May 2025') for each time the text names;
    relative: also months without a year and "this year" (only from a printed date)."""
    pub_year, pub_month = int(published[:4]), int(published[5:7])
    times = list(_TIME.finditer(text))
    out = [(m.start(), collapse_ws(m.group(0))) for m in times]
    if not relative:
        return out
    taken = [m.span() for m in times]
    for m in _BARE.finditer(text):
        if any(a <= m.start("what") < b for a, b in taken):
            continue
        what, rel = m.group("what"), m.group("rel").lower()
        month = _month_index(what)
        if month is None and rel not in ("next", "this"):
            continue  # "in summer", "last spring": which year is anyone's guess
        year = pub_year
        if rel == "next":
            year += 1
        elif rel == "last":  # the latest such month before the article
            year -= month is None or month >= pub_month
        elif month is not None and rel != "this":
            # a month already past this year is this year's in a past clause, next year's ahead
            if tense == "future" and month < pub_month:
                year += 1
            elif tense != "future" and month > pub_month:
                year -= 1
        sep = "," if what[-1:].isdigit() else ""  # "June 26, 2026", "May 2025"
        out.append((m.start(), f"{what[:1].upper()}{what[1:]}{sep} {year}"))
    for m in _THIS_YEAR.finditer(text):
        year = pub_year + (m.group("w").lower() == "next")
        rel = (m.group("rel") or "").lower()
        out.append((m.start(), f"{rel + ' ' if rel else ''}{year}".replace("later ", "later in ")))
    return sorted(out)


def is_day_date(value: str) -> bool:
    """'March 6, 2026' or '6 March 2026': a day, not a window."""
    return bool(_DAY_DATE.search(value)) and bool(re.search(r"(?:19|20)\d\d", value))


def after(value: str, published: str) -> bool:
    """Whether a value names a time after the article's date (to the precision it gives):
    'June 26, 2026' is after 2026-05-14, 'June 2026' after May, '2026' not within 2026."""
    year = latest_year(value)
    if year is None:
        return False
    pub = (int(published[:4]), int(published[5:7]), int(published[8:10]))
    month = next((i for i, m in enumerate(MONTHS, 1) if m.lower() in value.lower()), None)
    if month is None:
        return year > pub[0]
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"(?:19|20)\d\d", "", value))
    when = (year, month, int(day.group(1)) if day else 0)
    return when[:2] > pub[:2] if not day else when > pub


def latest_year(value: str) -> int | None:
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", value)]
    return max(years) if years else None


def episode_counts(text: str, numbers: list[str], comparison: list[str]) -> list[str]:
    """The episode counts a clause states, in digits; counts after a comparison word
    ('fewer than Season 1's 12') are another season's."""
    cut = len(text)
    for word in comparison:
        m = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
        if m:
            cut = min(cut, m.start())
    words = {w: str(i) for i, w in enumerate(numbers, 1)} | {"twenty": "20", "dozen": "12"}
    out = []
    for m in _COUNT.finditer(text[:cut]):
        # the count stands right before "episodes" or one word earlier ("eight new episodes")
        for n in (m.group("b").lower(), (m.group("a") or "").lower()):
            if n.isdigit() and len(n) <= 3:
                out.append(str(int(n)))
                break
            if n in words:
                out.append(words[n])
                break
    return list(dict.fromkeys(out))
