"""Times told relative to the article's date: "last Thursday", "yesterday", "two weeks ago",
"in two weeks", "at the end of last month", "earlier this week", "next month", "last year"
("two weeks before the premiere" counts from another time, not the article's: no value).
A count of days from another time ("a day later", "two days after the shoot wrapped on
August 14") counts from a day printed in the same sentence or the one before.

Read only against a printed publication date. A named weekday or a count of days gives a day
("April 30, 2026"); a week or a month gives its month ("May 2025", "late May 2025"). A plain
weekday ("said on Friday") in a sentence that tells news dates the telling, not the event:
it is read only with "last", "next" or "this past", or in a sentence with no word of telling
("unveiled the teaser on Monday"; ahead, "premieres Friday" is the coming one). "In
two weeks" is a time ahead only in a clause not told as past ("shot in two weeks" is a
length).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from bot.facts.text import MONTHS

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
}
_NUMBER = r"\d{1,2}|" + "|".join(sorted(_COUNTS, key=len, reverse=True))
_NOT_DATE = r"(?![\s,]+(?:the\s+)?(?:\d|" + "|".join(MONTHS) + r"))"
_FORMS = re.compile(
    rf"\b(?P<wrel>last|next|this\s+past|this\s+coming|this)\s+(?P<wd>{'|'.join(_WEEKDAYS)})\b"
    rf"{_NOT_DATE}"
    r"|\b(?P<yesterday>yesterday)\b"
    r"|\b(?:by\s+|at\s+)?(?:the\s+)?(?P<yearend>(?:end|close)\s+of\s+the\s+year|year's\s+end|"
    r"year-end)\b"
    rf"|\b(?:on\s+)?(?P<bare>{'|'.join(_WEEKDAYS)})\b{_NOT_DATE}"
    # "a June release", "an October premiere": the next such month
    rf"|\ban?\s+(?P<month>(?-i:{'|'.join(MONTHS)}))\s+(?=(?:release|premiere|debut|launch|bow|"
    r"arrival|return|start|wrap|shoot)\b)"
    rf"|\b(?P<n>{_NUMBER})\s+(?P<unit>day|week|month)s?\s+ago\b"
    rf"|\b(?P<in>in|within)\s+(?:the\s+next\s+|another\s+)?(?P<n2>{_NUMBER})\s+"
    r"(?P<unit2>day|week|month)s?\b"
    r"|(?<!\bthe\s)\b(?:(?:at\s+)?(?:the\s+)?(?P<part>end|start|beginning|middle|close)\s+of\s+"
    r"|(?P<edge>earlier|later|late|early)\s+)?"
    r"(?P<prel>last|this|next|the\s+past|the\s+coming|the\s+previous|the\s+following)\s+"
    r"(?P<span>week|month|year)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_PART = {"end": "late ", "close": "late ", "start": "early ", "beginning": "early ",
         "middle": "mid-", "late": "late ", "early": "early "}  # fmt: skip
_STEP = {"last": -1, "the past": -1, "the previous": -1, "this": 0, "next": 1}
_STEP |= {"the coming": 1, "the following": 1}


# Words that tell news: a plain weekday in a sentence with one may be the telling's day.
_TOLD = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|confirmed|confirms|added|noted|stated|"
    r"reported|wrote|posted|revealed|shared|tweeted)\b",
    re.I,
)


# A verb in its past form just before a bare weekday ("the teaser, released on Monday", "went
# live Friday"): that day is the one before the article, whatever the clause's tense; not after
# "be" or "is" ("will be released on Monday" is ahead).
_DONE_BEFORE = re.compile(
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)(?<!\bgets\s)(?<!\bget\s)"
    r"\b(?:\w+ed|went\s+live|came\s+out|went\s+up|began|shot)\s+(?:on\s+)?$",
    re.I,
)


def _day(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _month(d: dt.date, prefix: str = "") -> str:
    return f"{prefix}{MONTHS[d.month - 1]} {d.year}"


def _months_from(d: dt.date, n: int) -> dt.date:
    at = d.year * 12 + d.month - 1 + n
    return dt.date(at // 12, at % 12 + 1, 1)


def _value(m: re.Match[str], pub: dt.date, past: bool) -> str | None:
    if m.group("wd"):
        want = _WEEKDAYS.index(m.group("wd").lower())
        rel = " ".join(m.group("wrel").lower().split())
        back = (pub.weekday() - want) % 7 or 7  # days since the last such weekday
        ahead = (want - pub.weekday()) % 7 or 7
        if rel == "this" and not past:
            rel = "next"
        return _day(pub - dt.timedelta(back) if rel != "next" and rel != "this coming" else
                    pub + dt.timedelta(ahead))  # fmt: skip
    if m.group("yesterday"):
        return _day(pub - dt.timedelta(1))
    if m.group("month"):
        month = MONTHS.index(m.group("month")) + 1
        return f"{m.group('month')} {pub.year + (month < pub.month)}"
    if m.group("yearend"):
        return f"late {pub.year}"
    if m.group("bare"):
        want = _WEEKDAYS.index(m.group("bare").lower())
        if not past:  # "premieres Friday": the coming one (today's, on that day)
            return _day(pub + dt.timedelta((want - pub.weekday()) % 7))
        # a wire story's "Netflix on Thursday unveiled ..." dated a Thursday: that day
        return _day(pub - dt.timedelta((pub.weekday() - want) % 7))
    if m.group("unit") or m.group("unit2"):
        printed = " ".join((m.group("n") or m.group("n2")).lower().split())
        n = _COUNTS.get(printed) or int(printed)
        unit = (m.group("unit") or m.group("unit2")).lower()
        if m.group("in"):
            if past or m.group("in").lower() == "within":
                return None  # "shot in two weeks", "within a month": a length, not a date
            sign = 1
        else:
            sign = -1
        if unit == "month":
            return _month(_months_from(pub, sign * n))
        return _day(pub + dt.timedelta(sign * n * (7 if unit == "week" else 1)))
    span = m.group("span").lower()
    step = _STEP[" ".join(m.group("prel").lower().split())]
    edge = (m.group("part") or m.group("edge") or "").lower()
    if span == "year":
        if step == 0:
            return None  # "this year" is read with the printed years (values.py)
        return f"{_PART.get(edge, '')}{pub.year + step}".replace("mid-", "mid ")
    if span == "week":
        return _month(pub + dt.timedelta(7 * step + (-1 if edge == "earlier" else 0)))
    prefix = {"earlier": "", "later": ""}.get(edge, _PART.get(edge, ""))
    return _month(_months_from(pub, step), prefix)


def relative_times(text: str, published: str, past: bool, free) -> list[tuple[int, str, tuple]]:
    """(offset, value, span) of each relative time in the text that `free` leaves open."""
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return []
    out = []
    found, told = _scan(text)
    for m in found:
        if not free(m, 0) or (m.group("bare") and told):
            continue  # "the streamer said on Friday": the day it was told
        done = bool(m.group("bare")) and _DONE_BEFORE.search(
            text[max(0, m.start() - 30) : m.start()]
        )
        value = _value(m, pub, past or bool(done))
        if value:
            out.append((m.start(), value, m.span()))
    return out


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[tuple[re.Match[str], ...], bool]:
    """The relative times of a sentence, scanned once (each clause's reading asks again)."""
    found = tuple(_FORMS.finditer(text))
    return found, bool(found) and _TOLD.search(text) is not None


_WEEKDAY_BEFORE = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+$", re.I)
_WEEKDAY_STEMS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def weekday_year(text: str, at: int, when: tuple[int, int | None], pub_year: int) -> int | None:
    """The year, of the article's or one either side, in which a month and day printed after
    a weekday fall on it ("Tuesday, Nov. 3"); None when no weekday is printed or none fits."""
    m = _WEEKDAY_BEFORE.search(text[max(0, at - 14) : at])
    if m is None or when[1] is None:
        return None
    want = _WEEKDAY_STEMS.index(m.group(1).lower())
    for year in (pub_year, pub_year - 1, pub_year + 1):
        try:
            if dt.date(year, when[0], when[1]).weekday() == want:
                return year
        except ValueError:
            return None
    return None


def nearest_year(when: tuple[int, int | None], published: str) -> int:
    """The year, of the article's or one either side, that puts a month and day nearest to
    the article's date."""
    pub = dt.date.fromisoformat(published[:10])
    best = pub.year
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(year, when[0], when[1] or 1)
        except ValueError:
            continue
        if abs((d - pub).days) < abs((dt.date(best, when[0], when[1] or 1) - pub).days):
            best = year
    return best


_COUNTED = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+(?P<unit>day|week)s?\s+(?P<dir>after|later|before|earlier)\b", re.I
)
_PRINTED_DAY = re.compile(rf"^(?P<m>{'|'.join(MONTHS)}) (?P<d>\d{{1,2}}), (?P<y>\d{{4}})$")


def _printed_day(value: str) -> dt.date | None:
    m = _PRINTED_DAY.match(value)
    if m is None:
        return None
    try:
        return dt.date(int(m.group("y")), MONTHS.index(m.group("m")) + 1, int(m.group("d")))
    except ValueError:
        return None


def counted_times(
    text: str, found: list[tuple[int, str]], earlier: tuple[str, ...], published: str, past: bool
) -> list[tuple[int, str]]:
    """(offset, day) of each time counted in days or weeks from another day: "a day later"
    (from a day printed before it in the sentence, else in the sentence before: earlier),
    "a day after the shoot wrapped on August 14" (from the day after it: the event before
    the words), "came a day after Netflix unveiled the trailer" with no day after it (the
    event after the words is the earlier one, a day before the day printed before). A day
    told as past is never after the article's."""
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return []
    out = []
    for m in _COUNTED.finditer(text):
        printed = " ".join(m.group("n").lower().split())
        step = (_COUNTS.get(printed) or int(printed)) * (
            7 if m.group("unit").lower() == "week" else 1
        )
        sign = 1 if m.group("dir").lower() in ("after", "later") else -1
        before = [v for o, v in found if o < m.start()] or list(earlier)
        after = [(o, v) for o, v in found if o > m.end()]
        at, shift, bases = m.start(), sign * step, before
        if m.group("dir").lower() in ("after", "before") and after:
            if "," in text[m.end() : after[0][0]]:
                continue  # "dropped two weeks before the premiere, on January 22": its own day
            bases = [after[0][1]]  # "a day after the shoot wrapped on August 14"
        elif m.group("dir").lower() in ("after", "before") and re.match(r"\s*\w", text[m.end() :]):
            if found:
                continue  # "on June 2, ten days after the premiere": another event's day
            at, shift = m.end(), -shift  # "came a day after <the undated event>"
        days = [d + dt.timedelta(shift) for v in bases if (d := _printed_day(v))]
        if past:
            days = [d for d in days if d <= pub]
        if days:
            out.append((at, _day(days[-1])))
    return out
