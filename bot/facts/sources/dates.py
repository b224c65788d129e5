"""Dates in an article's own words: the date it prints, or the newest event it mentions.

Used by `python -m bot add` on plain text (and on a web page whose markup names no date). A
printed date is one the article states about itself ("date 2024-04-09", "Published: April 9,
2024", a dateline line); an estimate is the newest past date it mentions outside a forecast.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.facts.text import DATELINE, MONTHS, collapse_ws

_MONTH_NUM = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_NUM.update({m.lower()[:3]: i for i, m in enumerate(MONTHS, 1)})
_MONTH_NUM["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(_MONTH_NUM, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# Full dates in the orders English news prints them, then month-and-year alone.
_FULL = (
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.IGNORECASE),
)
_MONTH_YEAR = re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(?:published|posted|first published)\b\s*(?:on|:)?\s*", re.IGNORECASE)
# A sentence that looks ahead does not date the article ("is expected in March 2027").
_FORECAST = re.compile(
    r"\b(?:will|expected|expect|slated|scheduled|set to|could|might|may|hope|hopes|"
    r"planned|plans|rumou?red|predict\w*|likely)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(r"(?:[A-Z][A-Z.' -]+,\s*)?")
_CLAUSE = re.compile(r"[;:—–]|,\s|\b(?:and|but|while|although|though)\b")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@dataclass(frozen=True)
class FoundDate:
    """A date and the words that gave it."""

    iso: str
    evidence: str


def _to_date(m: re.Match[str], day_default: int | None = None) -> dt.date | None:
    g = m.groupdict()
    month = int(g["mnum"]) if g.get("mnum") else _MONTH_NUM.get(g["mon"].lower().rstrip("."))
    day = int(g["day"]) if g.get("day") else day_default
    try:
        return dt.date(int(g["year"]), month, day)
    except (TypeError, ValueError):
        return None


def _first_full(text: str) -> tuple[dt.date, re.Match[str]] | None:
    found = [(m.start(), m) for rx in _FULL for m in rx.finditer(text)]
    for _, m in sorted(found, key=lambda f: f[0]):
        if d := _to_date(m):
            return d, m
    return None


def printed_in_text(body: str, head_chars: int = 600) -> FoundDate | None:
    """The date the article prints about itself near its top, if any."""
    if m := DATELINE.match(body):
        return FoundDate(m.group(1), collapse_ws(m.group(0)))
    head = body[:head_chars]
    for m in _PUBLISHED.finditer(head):
        tail = head[m.end() : m.end() + 40]
        if (hit := _first_full(tail)) and hit[1].start() == 0:
            return FoundDate(hit[0].isoformat(), collapse_ws(m.group(0) + hit[1].group(0)))
    # A dateline: one of the first lines is only a date, or "SEOUL, March 3, 2025 —".
    for line in [ln.strip() for ln in head.splitlines() if ln.strip()][:4]:
        hit = _first_full(line)
        if not hit:
            continue
        before, after = line[: hit[1].start()].strip(), line[hit[1].end() :].strip()
        alone = not before.strip(" ,:") and not after.strip(" .")
        placed = _PLACE.fullmatch(before) and after[:1] in ("—", "–", "-")
        if alone or placed:
            return FoundDate(hit[0].isoformat(), collapse_ws(line[: hit[1].end()]))
    return None


def newest_mentioned(body: str, today: dt.date) -> FoundDate | None:
    """The newest past date the article mentions outside a forecast, with its sentence.

    A month without a day counts as its first day: the article was written no earlier."""
    best: tuple[dt.date, str] | None = None
    for s in _SENTENCE.finditer(body):
        sentence = collapse_ws(s.group(0))
        dates = []
        for clause in _CLAUSE.split(sentence):
            if _FORECAST.search(clause):
                continue  # "..., and is expected in March 2027": that clause only
            dates += [d for rx in _FULL for m in rx.finditer(clause) if (d := _to_date(m))]
            dates += [d for m in _MONTH_YEAR.finditer(clause) if (d := _to_date(m, 1))]
        for d in dates:
            if d <= today and (best is None or d > best[0]):
                best = (d, sentence)
    if best is None:
        return None
    quote = best[1] if len(best[1]) <= 160 else best[1][:157] + "…"
    return FoundDate(best[0].isoformat(), quote)


# A dateline opening a sentence: "SEOUL, June 13 (Yonhap) --", "June 13, 2024 /Wire/ --",
# "By Jane Roe | Oct. 9, 2025 -". It dates the article, never an event the sentence reports.
_LEAD_MON = _MON.replace("(?P<mon>", "(?:")
_LEAD_DATE = (
    rf"(?P<date>(?i:{_LEAD_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_LEAD_MON})(?:,?\s+(?:19|20)\d{{2}})?|"
    r"(?:19|20)\d{2}-\d{2}-\d{2})"
)
_LEAD = re.compile(
    r"\s*(?:(?P<caps>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*),\s*|"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),\s*|"
    r"(?P<by>By\s+[^,|\n]{2,40}?)\s*[,|]\s*)?"
    rf"{_LEAD_DATE}\s*(?P<outlet>\([^)]{{2,40}}\)|/[^/]{{2,40}}/)?\s*(?:-{{1,2}}|–|—|\|)\s*"
)


def dateline_end(sentence: str) -> int:
    """Where a dateline opening the sentence ends (0: none)."""
    m = _LEAD.match(sentence)
    if not m:
        return 0
    g = m.groupdict()
    if g["caps"] or g["by"] or g["outlet"] or re.search(r"(?:19|20)\d\d", g["date"]):
        return m.end()
    return 0  # "Filming, June 3 -": no sign of a dateline
