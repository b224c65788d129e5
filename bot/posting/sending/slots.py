"""Time zones and post slots: a local time of day in an IANA zone, planned and stored in UTC.

Pure and Discord-free. Zones come from `zoneinfo` (with the `tzdata` package where the OS has
no database). A slot is a local wall-clock time resolved to one UTC instant: a time that does
not exist (the spring-forward gap) moves to the first valid minute after the gap, and a time
that happens twice (fall-back) means its first occurrence, so each local day has one slot.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.posting.settings.zones import (  # noqa: F401 (callers import zones from here too)
    UTC,
    WEEKDAYS,
    ZoneError,
    complete,
    parse_zone,
    plain_word,
    suggest,
    zone,
    zone_names,
)

# --- slots -----------------------------------------------------------------------------------


class Scheduled(Protocol):
    """What slot planning needs of a subscription."""

    post_time: str  # HH:MM local time in `zone`
    cadence: str  # daily | weekly
    weekday: int  # 0 = Monday, in `zone`: the day of a weekly post
    zone: str


def at_local(day: dt.date, post_time: str, tz: ZoneInfo) -> dt.datetime:
    """The UTC instant of `post_time` on local `day`: after a gap, first of a repeat."""
    hour, minute = (int(x) for x in post_time.split(":"))
    wall = dt.datetime.combine(day, dt.time(hour, minute))
    first = wall.replace(tzinfo=tz).astimezone(dt.UTC)  # fold=0: the earlier of a repeat
    if _wall(first, tz) == wall:
        return first
    # `wall` is skipped by a spring-forward gap. The gap's end (the transition) lies between
    # the two readings of `wall`; find the first whole minute whose local time is past it.
    lo = wall.replace(tzinfo=tz, fold=1).astimezone(dt.UTC)
    steps = int((first - lo).total_seconds() // 60)
    a, b = 0, steps
    while a < b:
        mid = (a + b) // 2
        if _wall(lo + dt.timedelta(minutes=mid), tz) >= wall:
            b = mid
        else:
            a = mid + 1
    return lo + dt.timedelta(minutes=a)


def _wall(t: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    return t.astimezone(tz).replace(tzinfo=None, fold=0)


def _step(sub: Scheduled) -> dt.timedelta:
    return dt.timedelta(days=7 if sub.cadence == "weekly" else 1)


def _latest(sub: Scheduled, now: dt.datetime) -> tuple[dt.date, dt.datetime]:
    tz = zone(sub.zone)
    day = now.astimezone(tz).date()
    if sub.cadence == "weekly":
        day -= dt.timedelta(days=(day.weekday() - sub.weekday) % 7)
    slot = at_local(day, sub.post_time, tz)
    while slot > now:
        day -= _step(sub)
        slot = at_local(day, sub.post_time, tz)
    return day, slot


def latest_slot(sub: Scheduled, now: dt.datetime) -> dt.datetime:
    """The most recent slot at or before `now`, in UTC."""
    return _latest(sub, now)[1]


def next_slot(sub: Scheduled, now: dt.datetime) -> dt.datetime:
    """The first slot after `now`, in UTC."""
    day, slot = _latest(sub, now)
    tz = zone(sub.zone)
    while slot <= now:
        day += _step(sub)
        slot = at_local(day, sub.post_time, tz)
    return slot


def local_weekday(zone_name: str, now: dt.datetime) -> int:
    """Today's weekday (0 = Monday) in a zone: the day a weekly post created now falls on."""
    return now.astimezone(zone(zone_name)).weekday()


# --- showing times ---------------------------------------------------------------------------


def discord_time(t: dt.datetime, style: str = "f") -> str:
    """Discord's timestamp markup: each member's client shows it in their own time."""
    return f"<t:{int(t.timestamp())}:{style}>"


def zone_label(zone_name: str, at: dt.datetime) -> str:
    """`America/New_York (EST)`: the name, plus the abbreviation in force at `at` if it has one."""
    abbr = at.astimezone(zone(zone_name)).tzname() or ""
    return f"{zone_name} ({abbr})" if abbr.isalpha() and abbr != zone_name else zone_name


def local_time(t: dt.datetime, zone_name: str) -> str:
    """`Mon 2026-11-23 18:00 America/New_York (EST)`."""
    return f"{t.astimezone(zone(zone_name)):%a %Y-%m-%d %H:%M} {zone_label(zone_name, t)}"


def describe(sub: Scheduled) -> str:
    """`weekly at 18:00 America/New_York, on Mondays`."""
    day = f", on {WEEKDAYS[sub.weekday]}s" if sub.cadence == "weekly" else ""
    return f"{sub.cadence} at {sub.post_time} {sub.zone}{day}"


def late_note(slot: dt.datetime, zone_name: str, failed: bool = False) -> str:
    """The line a late post starts with, naming the missed slot in the subscription's zone and
    why it is late: the bot was offline, or (`failed`) Discord refused or failed the send."""
    local = slot.astimezone(zone(zone_name))
    why = (
        "could not be posted on time (Discord failed the send; retried since)"
        if failed
        else "was missed while the bot was offline"
    )
    when = f"the {local:%H:%M} {zone_name} slot of {local:%Y-%m-%d} ({discord_time(slot)})"
    return f"Late post: {when} {why}."
