"""The values a clause states: dates and windows.

Episode counts are read in numbers.py. A month printed without a year
takes it from the article's date and the clause's tense ("wrapped in May" in June 2025).
"""

from __future__ import annotations

import re

from bot.facts.reading.relative_times import (
    counted_times,
    nearest_year,
    relative_times,
    weekday_year,
)
from bot.facts.text import MONTHS, collapse_ws

# A month cut short before a day's number ("Sept. 18", "Jan. 5") is that month; the value
# names it in full.
_SHORT_MONTHS = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.(?=\s*\d)"
_MONTHS = "|".join(MONTHS) + "|" + _SHORT_MONTHS
_SHORT_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", re.I)


def _full_month(value: str) -> str:
    """'Sept. 18, 2026' -> 'September 18, 2026'."""
    return _SHORT_MONTH.sub(
        lambda m: next(n for n in MONTHS if n.lower().startswith(m.group(1).lower())), value
    )


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
    rf"\b(?P<rel>in|since|by|until|till|from|on|last|this|next|early|late|mid|"
    # "at the end of March": a stretch of the month is that month
    r"(?<=\bthe\s)(?:end|start|beginning|middle)\s+of)[\s-]+(?:the\s+)?"
    rf"(?P<what>(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|{_SEASONS})\b(?![\s,]+(?:19|20)\d\d)",
    re.IGNORECASE,
)
# A month and day with no word before them ("premieres July 4"): capitalised, so a date.
_MONTH_DAY = re.compile(
    rf"\b(?P<what>(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?)\b(?![\s,]+(?:19|20)\d\d)"
)
_THIS_YEAR = re.compile(
    r"\b(?P<rel>later|earlier|early|late|(?:the )?(?:first|second) half of|(?:the )?end of)?"
    r"\s*(?P<w>this|next) year\b",
    re.I,
)
_DAY_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}})\b"
)


def _month_index(word: str) -> int | None:
    word = _full_month(word)
    for i, m in enumerate(MONTHS, 1):
        if word.lower().startswith(m.lower()):
            return i
    return None


# Words that point back at a time printed just before: "in June of that year", "later that
# year", "the same month". They take the year (or month) of the nearest earlier time.
_BACK_MONTH = re.compile(
    rf"\b(?:in\s+)?(?P<what>(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)\s+of\s+"
    r"(?:that|the same)\s+year\b",
    re.IGNORECASE,
)
_BACK_YEAR = re.compile(
    r"\b(?P<rel>later|earlier|early|late)?\s*(?:in\s+)?(?:that|the same)\s+year\b", re.I
)
_BACK_SAME_MONTH = re.compile(r"\b(?:later\s+)?(?:in\s+)?(?:that|the same)\s+month\b", re.I)
# A range whose year is printed once: "from May to November 2024", "between May and June 2025".
_RANGE = re.compile(
    rf"\b(?:from|between)\s+(?P<what>(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)\s+"
    rf"(?:to|and|until|till|through|-)\s+(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# Nouns an ordinal counts rather than dates ("the 2nd season", "on the 10th anniversary").
_ORDINAL_OF = (
    "seasons?|episodes?|parts?|anniversary|edition|time|place|floor|century|installment|"
    "round|week|day|chapter|volume|film|teaser|trailer"
)
# A day of the month without its month: "on the 10th", "the 3rd of this month" (not "the 2nd
# season", "on the 10th anniversary").
_NOT_DAY = rf"(?!\s+(?:of\s+)?(?:{_MONTHS})\b)(?!\s+(?:{_ORDINAL_OF})\b)"
_DAY_ONLY = re.compile(
    rf"\b(?:on\s+the\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)\b{_NOT_DAY}|"
    r"the\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?:this|the)\s+month\b)",
    re.IGNORECASE,
)
_REL = {"later": "later in ", "earlier": "earlier in "}
_YEAR_IN = re.compile(r"(?:19|20)\d{2}")


def _month_year(value: str) -> tuple[int | None, int] | None:
    """(month or None, year) of a value such as 'June 6, 2022', 'May 2025', 'late 2024'."""
    years = _YEAR_IN.findall(value)
    if not years:
        return None
    month = next((i for i, m in enumerate(MONTHS, 1) if m.lower() in value.lower()), None)
    return month, int(years[-1])


def _day_value(day: int, published: str, past: bool) -> str | None:
    """A day of the month read against the article's month: a past day after the article's
    day is last month's; a coming day before it is next month's."""
    year, month, today = int(published[:4]), int(published[5:7]), int(published[8:10])
    if past and day > today:
        month -= 1
    elif not past and day < today:
        month += 1
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if not 1 <= day <= 31:
        return None
    return f"{MONTHS[month - 1]} {day}, {year}"


def time_values(
    text: str,
    published: str,
    tense: str,
    relative: bool = True,
    anchor: str = "",
    earlier: tuple[str, ...] = (),
) -> list[tuple[int, str]]:
    """(offset, 'June 6, 2022' / 'early 2024' / 'May 2025') for each time the text names;
    relative: also months without a year, days without a month and "this year" (only from a
    printed date); anchor: the time printed last before the text, for "that year"; earlier:
    the times of the sentence before, for "a day later"."""
    times = list(_TIME.finditer(text))
    out = [(m.start(), collapse_ws(m.group(0))) for m in times]
    taken = [m.span() for m in times]

    def free(m: re.Match[str], group: str = "what") -> bool:
        return not any(a <= m.start(group) < b for a, b in taken)

    for m in _RANGE.finditer(text):
        if free(m):
            out.append((m.start("what"), f"{_title(m.group('what'))} {m.group('year')}"))
            taken.append(m.span("what"))

    # Words pointing back ("June of that year") are resolved last, against every time before
    # them, a relative one too ("on November 20, ... in June of that year").
    back = []
    for rx in (_BACK_MONTH, _BACK_SAME_MONTH, _BACK_YEAR):
        for m in rx.finditer(text):
            if free(m, 0):
                taken.append(m.span())
                back.append((rx, m))
    if relative:
        out += _relative(text, published, tense, free, taken)
    for rx, m in sorted(back, key=lambda rm: rm[1].start()):
        earlier = [v for o, v in sorted(out) if o < m.start() and _YEAR_IN.search(v)]
        ref = _month_year(earlier[-1] if earlier else anchor)
        if ref is None:
            continue  # nothing to point back at: no value rather than a guess
        month, year = ref
        if rx is _BACK_MONTH:
            what = _title(m.group("what"))
            out.append((m.start(), f"{what}{',' if what[-1:].isdigit() else ''} {year}"))
        elif rx is _BACK_SAME_MONTH:
            if month is not None:
                out.append((m.start(), f"{MONTHS[month - 1]} {year}"))
        else:
            rel = (m.group("rel") or "").lower()
            out.append((m.start(), f"{_REL.get(rel, rel + ' ' * bool(rel))}{year}"))
    if relative:
        full = sorted((at, _full_month(v)) for at, v in out)
        out += counted_times(text, full, earlier, published, tense == "past")
    return sorted((at, _full_month(v)) for at, v in out)


# A month told with its year in words: "August last year", "in March next year".
_YEAR_WORD = re.compile(r"\s+(last|this|next)\s+year\b", re.I)
# The last month of each season, for "arrives in the fall" (winter straddles two years).
_SEASON_END = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11}


def _relative(text: str, published: str, tense: str, free, taken) -> list[tuple[int, str]]:
    """Times read against the article's date: days without a month, months (and seasons
    ahead) without a year, "this year"."""
    pub_year, pub_month = int(published[:4]), int(published[5:7])
    pub_day = int(published[8:10])
    out = []
    past = tense == "past"
    for m in _DAY_ONLY.finditer(text):
        day = int(m.group("day") or m.group("day2"))
        if free(m, 0) and (value := _day_value(day, published, past)):
            out.append((m.start(), value))
            taken.append(m.span())
    for m in sorted([*_BARE.finditer(text), *_MONTH_DAY.finditer(text)], key=lambda m: m.start()):
        if not free(m):
            continue
        taken.append(m.span("what"))
        what, rel = m.group("what"), (m.groupdict().get("rel") or "on").lower()
        month = _month_index(what)
        season_end = _SEASON_END.get(what.lower()) if month is None else None
        if month is None and rel not in ("next", "this") and (past or season_end is None):
            continue  # "in summer" told as past, "in winter": which year is anyone's guess
        year = pub_year
        day = re.search(r"\d+", what)
        when = (month, int(day.group(0)) if day else None)
        told = _YEAR_WORD.match(text, m.end("what")) if month is not None else None
        if told:  # "from August last year": that year's month
            year += {"last": -1, "this": 0, "next": 1}[told.group(1).lower()]
            taken.append(told.span())
        elif rel == "next":
            year += 1
        elif rel == "last":  # the latest such month before the article
            year -= month is None or month >= pub_month
        elif month is None and season_end is not None and rel in ("from", "since"):
            year -= season_end - 2 > pub_month  # "the teaser from the summer": the one begun
        elif month is None and season_end is not None and rel != "this":
            year += season_end < pub_month  # "arrives in the fall": the coming one
        elif month is not None and rel != "this":
            # A weekday printed with the day names its year ("Tuesday, Nov. 3"). Else a month
            # already past this year is this year's in a past clause; one told ahead ("will
            # drop on December 25") the next such date after the article; one told in the
            # present ("the teaser, out on March 2") the nearer of the two.
            named = weekday_year(text, m.start("what"), when, pub_year)
            if named is not None:
                year = named
            elif past or rel == "since":
                year -= _later(when, pub_month, pub_day)
            elif tense == "present" and when[1] is not None:
                year = nearest_year(when, published)
            else:
                year += _earlier(when, pub_month, pub_day)
        sep = "," if what[-1:].isdigit() else ""  # "June 26, 2026", "May 2025"
        out.append((m.start(), f"{_title(what)}{sep} {year}"))
    for m in _THIS_YEAR.finditer(text):
        if not free(m, 0):
            continue
        year = pub_year + (m.group("w").lower() == "next")
        rel = (m.group("rel") or "").lower()
        out.append((m.start(), f"{rel + ' ' if rel else ''}{year}".replace("later ", "later in ")))
    for at, value, span in relative_times(text, published, past, free):
        out.append((at, value))  # "last Thursday", "next month", "in two weeks"
        taken.append(span)
    return out


def _title(what: str) -> str:
    return what[:1].upper() + what[1:]


def _later(when: tuple[int, int | None], month: int, day: int) -> bool:
    """Whether a month (and day) falls after the article's in the calendar year."""
    return when[0] > month or (when[0] == month and when[1] is not None and when[1] > day)


def _earlier(when: tuple[int, int | None], month: int, day: int) -> bool:
    return when[0] < month or (when[0] == month and when[1] is not None and when[1] < day)


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
