"""Time zones as admins type them: IANA names in any case or spelling, unique city names,
unambiguous abbreviations; ambiguous ones (IST, CST) refused with the candidates named, and a
did-you-mean from the real zone list. Pure and Discord-free (`zoneinfo` + `tzdata`)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import fuzz, process

log = logging.getLogger(__name__)

UTC = "UTC"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
REGIONS = (
    "Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
    "Pacific",
)  # fmt: skip
# Where the show's fans are; what autocomplete offers before anything is typed.
POPULAR = (
    "UTC", "Asia/Seoul", "Asia/Tokyo", "Asia/Jakarta", "Asia/Manila", "Asia/Kolkata",
    "Asia/Singapore", "Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Shanghai", "Australia/Sydney",
    "Pacific/Auckland", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
    "Europe/Istanbul", "Africa/Lagos", "America/Sao_Paulo", "America/Mexico_City",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Toronto",
)  # fmt: skip
# Abbreviations people type that name more than one zone: refused, with the candidates named.
AMBIGUOUS = {
    "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "CST": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
    "BST": ("Europe/London", "Asia/Dhaka"),
    "AST": ("America/Halifax", "Asia/Riyadh"),
    "PST": ("America/Los_Angeles", "Asia/Manila"),
    "MST": ("America/Denver", "America/Phoenix", "Asia/Kuala_Lumpur"),
    "SST": ("Asia/Singapore", "Pacific/Pago_Pago"),
    "GST": ("Asia/Dubai", "Atlantic/South_Georgia"),
    "ECT": ("America/Guayaquil", "Europe/Paris"),
}
# Abbreviations with one clear meaning: taken as the place, so daylight saving is followed
# (IANA's own "EST" is a fixed offset that would post an hour off all summer).
ABBREVIATIONS = {
    "KST": "Asia/Seoul",
    "JST": "Asia/Tokyo",
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
    "PHT": "Asia/Manila",
    "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong",
    "ICT": "Asia/Bangkok",
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "BRT": "America/Sao_Paulo",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
}
_OFFSET = re.compile(r"(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


class ZoneError(ValueError):
    """A zone name that cannot be used; the message is a friendly one-liner for the user."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = (), *, clear: bool = False):
        super().__init__(message)
        self.suggestions = suggestions
        self.clear = clear  # the text was surely meant as a zone (has a '/', an abbreviation...)


@functools.cache
def zone_names() -> dict[str, str]:
    """Every usable zone name, keyed by its lower-case form."""
    names = {
        n
        for n in available_timezones()
        if not n.startswith(("posix/", "right/")) and n not in ("Factory", "localtime")
    }
    names.add(UTC)
    return {n.lower(): n for n in names}


@functools.cache
def _places() -> dict[str, tuple[str, ...]]:
    """City (last part of a regional zone name, lower case, spaces) -> zones ending in it."""
    out: dict[str, list[str]] = {}
    for name in zone_names().values():
        if name.split("/", 1)[0] in REGIONS:
            out.setdefault(_city(name), []).append(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _city(name: str) -> str:
    return name.rsplit("/", 1)[-1].replace("_", " ").lower()


def _fold(text: str) -> str:
    """Lower case, spaces for underscores, accents dropped: `São_Paulo` -> `sao paulo`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.strip().replace("_", " ").lower()


def suggest(text: str, limit: int = 3, cutoff: float = 75) -> list[str]:
    """Regional zones closest to `text` (by full name or by city), best first; only those
    nearly as close as the best, so a clear match is not buried in noise."""
    query = _fold(text)
    if not query:
        return list(POPULAR[:limit])
    names = {name: _fold(name) for name in _regional()}
    scored: dict[str, float] = {}
    for scorer, pool in ((fuzz.WRatio, names), (fuzz.ratio, {n: _city(n) for n in names})):
        for _choice, score, name in process.extract(
            query, pool, scorer=scorer, limit=limit * 2, score_cutoff=cutoff
        ):
            scored[name] = max(scored.get(name, 0), score)
    best = max(scored.values(), default=0)
    # Popular zones first among equals: "seoul" should not lose to a zone nobody uses.
    ranked = sorted(scored, key=lambda n: (-scored[n], n not in POPULAR, n))
    return [n for n in ranked if scored[n] >= best - 8][:limit]


def complete(current: str, limit: int = 25) -> list[str]:
    """Autocomplete: zones whose name contains what was typed (popular first), then fuzzy."""
    query = _fold(current)
    if not query:
        return list(POPULAR[:limit])
    hits = [n for n in _regional() if query in _fold(n)]
    hits.sort(key=lambda n: (n not in POPULAR, not _city(n).startswith(query), n))
    if query in ("utc", "gmt"):
        hits.insert(0, UTC)
    for name in suggest(current, limit, cutoff=60):
        if name not in hits:
            hits.append(name)
    return hits[:limit]


@functools.cache
def _regional() -> tuple[str, ...]:
    return tuple(sorted(n for n in zone_names().values() if n.split("/", 1)[0] in REGIONS))


def parse_zone(text: str) -> str:
    """The IANA zone name a user meant by `text`; ZoneError (friendly message) otherwise.

    Accepts IANA names in any case (`asia/seoul`, `America/New York`), a city alone when only
    one zone has it (`Seoul`), and unambiguous abbreviations (`KST`).
    """
    raw = text.strip().strip("`")
    if not raw:
        raise ZoneError("Name a time zone, e.g. `Asia/Seoul` or `America/New_York`.", clear=True)
    upper = raw.upper()
    if upper in AMBIGUOUS:
        options = AMBIGUOUS[upper]
        raise ZoneError(
            f"{upper} means different zones in different places ({', '.join(options)}); "
            f"name the place instead, e.g. `{options[0]}`.",
            options,
            clear=True,
        )
    if upper in ABBREVIATIONS:
        return ABBREVIATIONS[upper]
    key = raw.replace(" ", "_").lower()
    names = zone_names()
    if key in names:
        return names[key]
    places = _places().get(_fold(raw), ())
    if len(places) == 1:
        return places[0]
    if m := _OFFSET.fullmatch(raw):
        return _refuse_offset(raw, m)
    found = tuple(places) or tuple(suggest(raw))
    hint = f" Did you mean {' or '.join(f'`{s}`' for s in found[:3])}?" if found else ""
    raise ZoneError(
        f"I don't know the time zone “{plain_word(raw)}”.{hint} Use a name from the IANA list, "
        "like `Asia/Seoul` or `America/New_York`.",
        found,
        clear="/" in raw or bool(places),
    )


def _refuse_offset(raw: str, m: re.Match) -> str:
    sign = 1 if m.group(1) == "+" else -1
    offset = sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    now = dt.datetime.now(dt.UTC)
    same = [n for n in POPULAR if now.astimezone(ZoneInfo(n)).utcoffset() == offset]
    hint = f" e.g. {', '.join(f'`{n}`' for n in same[:3])}" if same else " e.g. `Asia/Seoul`"
    raise ZoneError(
        f"{raw[:20]} is a fixed offset, which would drift an hour whenever clocks change; "
        f"name a place instead,{hint}.",
        tuple(same),
        clear=True,
    )


def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for a stored zone name; UTC (with a warning) if the database lost it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r in the settings DB; using UTC", name)
        return ZoneInfo(UTC)


def plain_word(word: str) -> str:
    """A word of user input safe to echo: no markdown, mention or link syntax survives."""
    return re.sub(r"[^\w:./+-]|_", "", word)[:30] or "that"
