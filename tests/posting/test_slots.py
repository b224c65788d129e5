"""Time zones and DST-correct slots: pure planning with an injected clock, no waiting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.posting.sending import slots
from bot.posting.sending.scheduler import StatusPoster, plan_posts
from bot.posting.settings.options import SubscribeOptions, new_subscription, parse_options
from bot.posting.settings.subscriptions import SettingsDB, Subscription

UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def sub_in(
    zone: str, post_time: str, cadence: str = "daily", created: dt.datetime | None = None
) -> Subscription:
    opts = SubscribeOptions(post_time, cadence, False, zone)
    return new_subscription(1, 10, 7, opts, created or utc(2026, 1, 1))


def simulate(sub: Subscription, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """Every slot posted by a scheduler ticking each minute from start to end (claims kept)."""
    posted: list[dt.datetime] = []
    now = start
    while now <= end:
        for post in plan_posts([sub], now, "fp"):
            posted.append(post.slot)
            sub = dataclasses.replace(sub, last_slot=post.slot)
        now += MINUTE
    return posted


def walls(posted: list[dt.datetime], zone: str) -> list[str]:
    return [f"{t.astimezone(ZoneInfo(zone)):%m-%d %H:%M}" for t in posted]


# --- the DST days, each side of them, one post per local day --------------------------------

# (zone, local time asked, local day before the change, local wall times on the 3 days)
DST_DAYS = [
    # New York springs forward 2026-03-08 02:00 -> 03:00 and falls back 11-01 02:00 -> 01:00.
    ("America/New_York", "18:00", (2026, 3, 7), ["03-07 18:00", "03-08 18:00", "03-09 18:00"]),
    ("America/New_York", "02:30", (2026, 3, 7), ["03-07 02:30", "03-08 03:00", "03-09 02:30"]),
    ("America/New_York", "18:00", (2026, 10, 31), ["10-31 18:00", "11-01 18:00", "11-02 18:00"]),
    ("America/New_York", "01:30", (2026, 10, 31), ["10-31 01:30", "11-01 01:30", "11-02 01:30"]),
    # London: 2026-03-29 01:00 -> 02:00 and 10-25 02:00 -> 01:00.
    ("Europe/London", "18:00", (2026, 3, 28), ["03-28 18:00", "03-29 18:00", "03-30 18:00"]),
    ("Europe/London", "01:15", (2026, 3, 28), ["03-28 01:15", "03-29 02:00", "03-30 01:15"]),
    ("Europe/London", "01:15", (2026, 10, 24), ["10-24 01:15", "10-25 01:15", "10-26 01:15"]),
    # Auckland, across the date line: 2026-04-05 03:00 -> 02:00 and 09-27 02:00 -> 03:00.
    ("Pacific/Auckland", "02:30", (2026, 4, 4), ["04-04 02:30", "04-05 02:30", "04-06 02:30"]),
    ("Pacific/Auckland", "02:30", (2026, 9, 26), ["09-26 02:30", "09-27 03:00", "09-28 02:30"]),
    # Seoul has no DST: nothing moves on New York's change day.
    ("Asia/Seoul", "18:00", (2026, 3, 7), ["03-07 18:00", "03-08 18:00", "03-09 18:00"]),
]


@pytest.mark.parametrize(("zone", "time", "day", "expected"), DST_DAYS)
def test_one_post_per_local_day_across_dst(zone, time, day, expected):
    start = dt.datetime(*day, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    sub = sub_in(zone, time, created=start)
    posted = simulate(sub, start, start + dt.timedelta(days=3) - MINUTE)
    assert walls(posted, zone) == expected


def test_daily_post_keeps_local_time_while_utc_moves():
    sub = sub_in("America/New_York", "18:00", created=utc(2026, 3, 7, 12))
    posted = simulate(sub, utc(2026, 3, 7, 12), utc(2026, 3, 9, 23, 59))
    assert posted == [utc(2026, 3, 7, 23), utc(2026, 3, 8, 22), utc(2026, 3, 9, 22)]
    seoul = sub_in("Asia/Seoul", "18:00", created=utc(2026, 1, 1))
    for day in (utc(2026, 1, 15, 12), utc(2026, 7, 15, 12), utc(2026, 11, 1, 12)):
        assert slots.latest_slot(seoul, day) == day.replace(hour=9)  # UTC+9 all year


def test_fall_back_second_pass_of_the_hour_is_not_a_new_slot():
    sub = sub_in("America/New_York", "01:30", created=utc(2026, 10, 1))
    first, second = utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 6, 30)  # 01:30 EDT, 01:30 EST
    assert slots.latest_slot(sub, first) == first
    assert slots.latest_slot(sub, second) == first
    assert slots.next_slot(sub, first) == utc(2026, 11, 2, 6, 30)


# Every quarter hour of every 2026 change day in zones with DST: the slot is the asked local
# time, or, when that time does not exist, the first minute after the gap.
CHANGE_DAYS = [
    ("America/New_York", (2026, 3, 8)),
    ("America/New_York", (2026, 11, 1)),
    ("Europe/London", (2026, 3, 29)),
    ("Europe/London", (2026, 10, 25)),
    ("Pacific/Auckland", (2026, 4, 5)),
    ("Pacific/Auckland", (2026, 9, 27)),
    ("Australia/Lord_Howe", (2026, 10, 4)),  # a half-hour change
]


@pytest.mark.parametrize(("zone", "day"), CHANGE_DAYS)
def test_every_time_of_a_change_day_resolves(zone, day):
    tz = ZoneInfo(zone)
    date = dt.date(*day)
    gaps = 0
    for minutes in range(0, 24 * 60, 15):
        hhmm = f"{minutes // 60:02d}:{minutes % 60:02d}"
        slot = slots.at_local(date, hhmm, tz)
        local = slot.astimezone(tz)
        wall = dt.datetime.combine(date, dt.time(minutes // 60, minutes % 60))
        if local.replace(tzinfo=None) != wall:
            gaps += 1
            before = (slot - MINUTE).astimezone(tz).replace(tzinfo=None)
            assert before < wall < local.replace(tzinfo=None), hhmm  # right after the gap
        assert slot.second == 0 and slot.tzinfo is UTC
    spring = day[1] in (3, 9) or (zone == "Australia/Lord_Howe")
    assert (gaps > 0) == spring


def test_weekly_keeps_its_local_weekday_across_the_date_line_and_dst():
    # Created on Monday 2026-03-30 morning in Auckland, which is still Sunday in UTC.
    created = utc(2026, 3, 29, 19)
    sub = sub_in("Pacific/Auckland", "09:00", "weekly", created)
    assert sub.weekday == 0 and created.weekday() == 6
    posted = simulate(sub, created, utc(2026, 4, 14))
    local = [t.astimezone(ZoneInfo("Pacific/Auckland")) for t in posted]
    assert [t.weekday() for t in local] == [0, 0, 0]
    assert {f"{t:%H:%M}" for t in local} == {"09:00"}
    assert [t.hour for t in posted] == [20, 21, 21]  # NZDT (+13) before 04-05, NZST (+12) after


async def test_the_poster_sends_once_on_both_change_days(tmp_path):
    db = await SettingsDB.open(tmp_path / "s.sqlite")
    sent: list[dt.datetime] = []

    async def send(sub, spoilers, note, slot=None):
        sent.append(now)

    async def nothing(*_args):
        return None

    poster = StatusPoster(db, lambda: "fp", send, nothing, nothing)
    try:
        for start in (utc(2026, 3, 7, 12), utc(2026, 10, 31, 12)):
            sent.clear()
            for channel, time in ((10, "02:30"), (11, "01:30")):
                opts = SubscribeOptions(time, "daily", False, "America/New_York")
                await db.subscribe(new_subscription(1, channel, 7, opts, start))
            now = start
            while now < start + dt.timedelta(days=2):  # ticks of 30 s, as the bot does
                await poster.run_once(now)
                now += dt.timedelta(seconds=30)
            assert len(sent) == 4, start  # two days x two channels, no double, none missing
    finally:
        await db.close()


# --- zone names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Asia/Seoul", "Asia/Seoul"),
        ("asia/seoul", "Asia/Seoul"),
        ("America/New York", "America/New_York"),
        ("Seoul", "Asia/Seoul"),
        ("São Paulo", "America/Sao_Paulo"),
        ("KST", "Asia/Seoul"),
        ("EST", "America/New_York"),
        ("utc", "UTC"),
    ],
)
def test_parse_zone_accepts_what_admins_type(text, zone):
    assert slots.parse_zone(text) == zone


@pytest.mark.parametrize(
    ("text", "named"),
    [("IST", ["Asia/Kolkata", "Europe/Dublin"]), ("cst", ["America/Chicago", "Asia/Shanghai"])],
)
def test_ambiguous_abbreviations_are_refused_naming_candidates(text, named):
    with pytest.raises(slots.ZoneError) as info:
        slots.parse_zone(text)
    assert all(z in str(info.value) for z in named) and "means different zones" in str(info.value)


@pytest.mark.parametrize(
    ("text", "meant"),
    [("Asia/Seol", "Asia/Seoul"), ("America/New", "America/New_York"), ("jakrta", "Asia/Jakarta")],
)
def test_unknown_zone_gets_did_you_mean_from_the_real_list(text, meant):
    with pytest.raises(slots.ZoneError) as info:
        slots.parse_zone(text)
    assert info.value.suggestions[0] == meant and f"Did you mean `{meant}`" in str(info.value)


def test_offsets_are_refused_with_places_instead():
    with pytest.raises(slots.ZoneError) as info:
        slots.parse_zone("UTC+9")
    assert "fixed offset" in str(info.value) and "Asia/Seoul" in info.value.suggestions


def test_zone_list_comes_from_zoneinfo():
    names = slots.zone_names()
    assert len(names) > 400 and "asia/seoul" in names and "factory" not in names


def test_autocomplete_is_capped_and_finds_partial_names():
    assert slots.complete("seo")[0] == "Asia/Seoul"
    assert slots.complete("new y")[0] == "America/New_York"
    assert len(slots.complete("")) == 25 and len(slots.complete("a")) == 25


@pytest.mark.parametrize(
    ("text", "zone", "cadence"),
    [
        ("18:00 America/New_York weekly", "America/New_York", "weekly"),
        ("weekly 7:30 Asia/Seoul", "Asia/Seoul", "weekly"),
        ("18:00", None, "daily"),
        ("18:00utc", "UTC", "daily"),
    ],
)
def test_subscribe_options_take_a_zone(text, zone, cadence):
    opts = parse_options(text, "09:00")
    assert (opts.zone, opts.cadence) == (zone, cadence)


def test_subscribe_options_refuse_a_bad_zone_helpfully():
    with pytest.raises(ValueError, match="Asia/Kolkata"):
        parse_options("18:00 IST", "09:00")
    with pytest.raises(ValueError, match="Asia/Seoul"):
        parse_options("18:00 Asia/Soul", "09:00")


# --- showing times ---------------------------------------------------------------------------


def test_times_are_shown_in_the_subscription_zone_with_discord_markup():
    slot = utc(2026, 11, 23, 23)
    assert slots.discord_time(slot) == f"<t:{int(slot.timestamp())}:f>"
    assert (
        slots.local_time(slot, "America/New_York") == "Mon 2026-11-23 18:00 America/New_York (EST)"
    )
    assert slots.local_time(slot, "UTC") == "Mon 2026-11-23 23:00 UTC"
    note = slots.late_note(slot, "Asia/Seoul")
    assert "08:00 Asia/Seoul slot of 2026-11-24" in note and slots.discord_time(slot) in note
    weekly = sub_in("America/New_York", "18:00", "weekly", utc(2026, 11, 23, 12))
    assert slots.describe(weekly) == "weekly at 18:00 America/New_York, on Mondays"


def test_a_lost_zone_falls_back_to_utc_instead_of_stopping_every_post(caplog):
    sub = dataclasses.replace(sub_in("UTC", "09:00"), zone="Mars/Olympus_Mons")
    assert slots.latest_slot(sub, utc(2026, 5, 5, 10)) == utc(2026, 5, 5, 9)
    assert "Mars/Olympus_Mons" in caplog.text
