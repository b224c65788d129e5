"""The `feeds` and `news` commands of the command line, as text (bot/cli.py dispatches)."""

from __future__ import annotations

import asyncio
import re
import sys

from bot.errors import SettingsError
from bot.facts.sources.fetch import check_url, policy_from_env
from bot.news.state import Feed, FeedState
from bot.paths import DataPaths

MIN_EVERY_S = 5 * 60  # feeds are asked no more often than this: politeness to publishers
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def interval(text: str) -> int:
    """'30m' -> 1800 seconds; SettingsError (one line) for anything else or under 5 minutes."""
    m = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", text.lower())
    if not m:
        raise SettingsError(f"--every {text!r}: give a number and a unit, e.g. 30m, 2h or 1d")
    seconds = int(m.group(1)) * _UNITS[m.group(2)]
    if seconds < MIN_EVERY_S:
        raise SettingsError(f"--every {text}: at least 5m, so publishers are not flooded")
    return seconds


def _every(seconds: int) -> str:
    for unit in ("d", "h", "m"):
        if seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"


def summary(state: FeedState, feed: Feed) -> list[str]:
    """Two lines for `feeds list`: the feed, then what it brought in and its last problem."""
    c = state.counts(feed.id)
    seen = sum(v for k, v in c.items() if ":" not in k)
    trust = "trusted" if feed.trusted else "reviewed"
    head = f"{feed.id}  {feed.url}  ({trust}, every {_every(feed.every_s)})"
    if feed.title:
        head += f"  {feed.title}"
    why = ", ".join(f"{k.split(': ', 1)[1]} {v}" for k, v in sorted(c.items()) if ":" in k)
    body = (
        f"    last success {feed.last_success or 'never'}; items seen {seen}: "
        f"added {c.get('added', 0)}, waiting {c.get('pending', 0)}, "
        f"rejected {c.get('rejected', 0)}, skipped {c.get('skipped', 0)}"
        + (f" ({why})" if why else "")
        + (f", to try again {c['retry']}" if c.get("retry") else "")
    )
    lines = [head, body]
    if feed.last_error:
        lines.append(f"    last problem ({feed.failures} in a row): {feed.last_error}")
    return lines


def feeds(args, paths: DataPaths) -> int:
    state = FeedState(paths.feeds_db)
    try:
        if args.action == "add":
            check_url(args.url, policy_from_env())
            feed = state.add_feed(args.url, args.trusted, interval(args.every))
            how = "added as sources directly" if feed.trusted else "held for `news pending`"
            print(
                f"following feed {feed.id}: {feed.url}, every {_every(feed.every_s)}; new items "
                f"about the show are {how}. The running bot polls it; `feeds poll` does it now."
            )
        elif args.action == "list":
            listed = state.feeds()
            for feed in listed:
                print("\n".join(summary(state, feed)))
            if not listed:
                print("no feeds yet; `hyosan-bot feeds add URL` follows one")
        elif args.action == "remove":
            feed = state.remove_feed(args.feed)
            print(f"stopped following feed {feed.id}: {feed.url}")
        else:
            return poll(paths, state, every=args.all)
        return 0
    finally:
        state.close()


def poll(paths: DataPaths, state: FeedState, every: bool = False) -> int:
    from bot.news.poll import Poller

    reports = asyncio.run(Poller(paths, state).run(every=every))
    for r in reports:
        print(r.line(), file=sys.stderr if r.error else sys.stdout)
    if not reports:
        print("no feed is due; `feeds poll --all` polls every one now")
    return 1 if reports and all(r.error for r in reports) else 0


def news(args, paths: DataPaths) -> int:
    from bot.news.review import reject

    state = FeedState(paths.feeds_db)
    try:
        if args.action == "reject":
            print(reject(state, args.id).line())
            return 0
        items = state.pending()
        for i in items:
            a = i.article
            print(f"{i.id}  {a.published} ({a.date_basis})  {a.title}\n    {a.outlet}  {a.url}")
        if not items:
            print("nothing waits for review")
        return 0
    finally:
        state.close()


def approve_header(paths: DataPaths, item_id: str) -> str:
    state = FeedState(paths.feeds_db)
    try:
        item = state.item(item_id)
    finally:
        state.close()
    a = item.article
    if a is None:
        return ""
    return f"{a.title}\n{a.published} ({a.date_basis}) — {a.date_clue}\n{a.outlet} {a.url}\n"


def approve(paths: DataPaths, item_id: str):
    """Approve one item; the library's Change (for the command's what-changed output)."""
    from bot.news.review import approve as approve_item

    state = FeedState(paths.feeds_db)
    try:
        return approve_item(paths, state, item_id).change
    finally:
        state.close()
