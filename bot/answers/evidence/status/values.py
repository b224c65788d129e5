"""How status values compare across sources: their precision, and when two can both hold."""

from __future__ import annotations

import datetime as dt
import re

from bot.facts.store import ClaimRow
from bot.facts.text import MONTHS

_M = "|".join(MONTHS)


def precision(value: str) -> int:
    """3 a day, 2 a month, 1 a year or window, 0 nothing."""
    if not value:
        return 0
    if re.search(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:%s)|(?:%s)\s+\d{1,2}\b" % ((_M,) * 2), value):
        return 3
    return 2 if re.search(_M, value) else 1


def value_key(value: str) -> str:
    """A value as compared across sources: 'June 2022' for '6th June 2022' and 'June 6, 2022'."""
    months = month_years(value)
    if months:
        return ";".join(months)
    return ";".join(re.findall(r"\d+", value)) or value.lower()


def compatible(a: ClaimRow, b: ClaimRow) -> bool:
    """Whether two values can both hold: the same, or one a less precise form of the other
    ('2022' beside 'June 6, 2022')."""
    if not (a.value and b.value):
        return True
    ka, kb = value_key(a.value), value_key(b.value)
    if ka == kb:
        return True
    short, full = sorted((ka, kb), key=len)
    return short.isdigit() and len(short) == 4 and full.endswith(" " + short)


def month_years(value: str) -> list[str]:
    """'June 2022' for every month-and-year a claim's value names ('6th June 2022' too)."""
    out = []
    for part in value.split(";"):
        words = part.replace(",", " ").split()
        month = next((m for m in MONTHS if m.lower() in (w.lower() for w in words)), None)
        if month and words and words[-1].isdigit():
            out.append(f"{month} {words[-1]}")
    return out


_WINDOW_PART = re.compile(
    r"\b(?:early|late|mid|(?:first|second)\s+half|spring|summer|fall|autumn|winter|end)\b", re.I
)


def change_key(value: str) -> str:
    """A value as compared for news of a change: its value_key, with the part of the year a
    window names ("2026" narrowed to "the second half of 2026" is news)."""
    part = _WINDOW_PART.search(value) if not month_years(value) else None
    narrowed = f"{' '.join(part.group(0).lower().split())} " if part else ""
    return f"{narrowed}{value_key(value)}"


_DAY = re.compile(
    r"(?:(%s)\s+(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)?\s+(%s)),?\s+((?:19|20)\d\d)" % ((_M,) * 2)
)


def plan_ahead(c: ClaimRow) -> bool:
    """Whether a claim's value is a day still ahead of its article ("September 18, 2026" told
    on 2026-07-08): a plan, which a newer article may move without contradicting it."""
    m = _DAY.search(c.value or "")
    if m is None:
        return False
    month = m.group(1) or m.group(4)
    number = [x.lower() for x in MONTHS].index(month.lower()) + 1
    when = dt.date(int(m.group(5)), number, int(m.group(2) or m.group(3)))
    return when > dt.date.fromisoformat(c.published)
