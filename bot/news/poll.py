"""One pass over the feeds that are due: fetch (conditional GET, through the safe intake),
parse with feedparser, and take each new item through relevance, dedupe, extraction and
either the library (a trusted feed) or the review queue.

Every problem is one log line naming the feed (or item) and what happened; a feed that fails
waits longer each time (its interval, doubling, at most a day) and is back on its interval
after a success.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from bot.errors import BuildError
from bot.facts.curated import load_entities
from bot.facts.sources.dates import FoundDate
from bot.facts.sources.fetch import FetchPolicy, FetchRefused, fetch, policy_from_env
from bot.facts.sources.ingest import MAX_INPUT_BYTES, Article, IngestRefused, article_from_bytes
from bot.facts.sources.show import is_about_show, show_names
from bot.news.relevance import canonical_url, text_key, without_tracking
from bot.news.review import add_article
from bot.news.state import Feed, FeedState
from bot.paths import DataPaths

log = logging.getLogger(__name__)
FEED_MAX_BYTES = 2_000_000  # a feed of a few hundred items is well under 1 MB
MAX_ITEMS = 50  # newest items read per poll: a feed that floods is read in parts
MAX_BACKOFF_S = 24 * 3600
PAGE_TRIES = 3  # polls at which a page that timed out or failed with a 5xx is tried
_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class FeedReport:
    """What one feed's poll did: item ids by outcome and skip reasons, or the problem."""

    feed: Feed
    unchanged: bool = False
    error: str = ""
    added: list[str] = field(default_factory=list)  # source ids
    pending: list[int] = field(default_factory=list)  # item ids waiting for review
    skipped: Counter = field(default_factory=Counter)  # reason -> count

    def line(self) -> str:
        name = self.feed.title or self.feed.url
        if self.error:
            return f"{name}: {self.error}"
        if self.unchanged:
            return f"{name}: unchanged since the last poll"
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items()))
        parts = [f"{len(self.added)} added", f"{len(self.pending)} waiting for review"]
        if skipped:
            parts.append(f"skipped: {skipped}")
        return f"{name}: {'; '.join(parts)}"


@dataclass
class Poller:
    """Polls feeds into the library or the review queue; `today` and `now` are injectable."""

    paths: DataPaths
    state: FeedState
    policy: FetchPolicy | None = None
    now: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.UTC))
    today: dt.date | None = None  # the day dates are checked against (None: the real one)

    def __post_init__(self) -> None:
        self.policy = self.policy or policy_from_env()
        self.names = show_names(self.paths.entities)
        # a roundup may never print the title but name the show's people (as `add` accepts)
        self.people = load_entities(self.paths.entities)

    async def run(self, every: bool = False) -> list[FeedReport]:
        """Poll each feed that is due (all of them with `every`), one after another."""
        now = self.now()
        feeds = self.state.feeds() if every else self.state.due(now)
        return [await self.poll(f) for f in feeds]

    async def poll(self, feed: Feed) -> FeedReport:
        report = FeedReport(feed)
        policy = replace(self.policy, max_bytes=FEED_MAX_BYTES)
        try:
            got = await fetch(
                feed.url,
                policy,
                etag=feed.etag,
                last_modified=feed.last_modified,
                accept=_ACCEPT,
            )
            parsed = _parse(got.body, got.content_type) if got.status == 200 else None
        except (FetchRefused, ValueError) as exc:
            report.error = str(exc).removeprefix(f"{feed.url}: ")  # the feed is named anyway
            when = self.state.failed(feed, self.now(), report.error, MAX_BACKOFF_S)
            log.warning(
                "feed %s: %s; next try %s", feed.url, report.error, when.isoformat("T", "minutes")
            )
            return report
        if parsed is None:
            report.unchanged = True
            self.state.polled(feed, self.now(), unchanged=True)
            return report
        title = (parsed.feed.get("title") or "").strip()
        self.state.polled(
            feed, self.now(), title=title, etag=got.etag, last_modified=got.last_modified
        )
        report.feed = self.state.feed(feed.id)  # with its title, for the report line
        outlet = title or (urlsplit(feed.url).hostname or "")
        for entry in parsed.entries[:MAX_ITEMS]:
            await self._item(feed, entry, outlet, report)
        return report

    async def _item(self, feed: Feed, entry, outlet: str, report: FeedReport) -> None:
        link = (entry.get("link") or "").strip()
        title = (entry.get("title") or "").strip()
        guid = (entry.get("id") or link or title).strip()
        if not guid:
            return
        canonical = canonical_url(link) if link else ""
        item_id = self.state.claim(feed, guid, link, canonical, title, self.now())
        if item_id is None:
            return  # seen in an earlier poll (or by another poller right now)
        try:
            await self._check(feed, item_id, entry, guid, link, canonical, outlet, report)
        except BaseException:
            self.state.release(item_id)
            raise

    def _skip(self, item_id: int, report: FeedReport, reason: str, detail: str = "", **kw):
        self.state.decide(item_id, "skipped", reason=reason, detail=detail, **kw)
        report.skipped[reason] += 1
        if reason == "refused":
            log.warning("feed item %d: %s", item_id, detail)

    async def _check(self, feed, item_id, entry, guid, link, canonical, outlet, report) -> None:
        if (other := self.state.same_story(item_id, guid, canonical)) is not None:
            return self._skip(item_id, report, "duplicate", f"the same story as item {other}")
        text = " ".join(
            [entry.get("title") or "", entry.get("summary") or ""]
            + [c.get("value") or "" for c in entry.get("content") or []]
        )
        if not is_about_show(_TAGS.sub(" ", text), self.names, self.people):
            return self._skip(item_id, report, "off-topic")
        if not link:
            return self._skip(item_id, report, "refused", "the item has no link")
        try:
            article = await self._read(link, entry, outlet)
        except FetchRefused as exc:
            if exc.transient and self.state.retry_later(item_id, str(exc), PAGE_TRIES):
                report.skipped["retry later"] += 1
                log.warning("feed item %d: %s; trying again at the next poll", item_id, exc)
                return None
            return self._skip(item_id, report, "refused", str(exc))
        except IngestRefused as exc:
            return self._skip(item_id, report, "refused", str(exc))
        key = text_key(article.body)
        if (other := self.state.same_story(item_id, guid, canonical, key)) is not None:
            return self._skip(item_id, report, "duplicate", f"the same text as item {other}")
        if not feed.trusted:
            self.state.decide(item_id, "pending", text_key=key, article=article)
            report.pending.append(item_id)
            return
        try:
            sid = (await asyncio.to_thread(add_article, self.paths, article)).source_id
        except IngestRefused as exc:  # already a source, or a near-duplicate of one
            return self._skip(item_id, report, "already a source", str(exc), text_key=key)
        except BuildError as exc:
            return self._skip(item_id, report, "refused", str(exc), text_key=key)
        self.state.decide(item_id, "added", text_key=key, source_id=sid)
        report.added.append(sid)

    async def _read(self, link: str, entry, outlet: str) -> Article:
        got = await fetch(link, self.policy)
        listed = entry.get("published_parsed") or entry.get("updated_parsed")
        feed_date = (
            FoundDate(
                dt.date(*listed[:3]).isoformat(),
                f"the feed lists it as published {time.strftime('%Y-%m-%d', listed)}",
            )
            if listed
            else None
        )
        return article_from_bytes(
            got.body,
            name=link,
            is_html=True,
            charset=got.charset,
            default_title=(entry.get("title") or "").strip(),
            listed=feed_date,
            show=self.names,
            url=without_tracking(got.url),
            outlet=outlet,
            today=dt.date.today() if self.today is None else self.today,
        )


def _parse(body: bytes, content_type: str):
    """The parsed feed; ValueError (one line) when the body is not a feed."""
    import feedparser

    if len(body) > MAX_INPUT_BYTES:  # pragma: no cover - the fetch cap is lower
        raise ValueError("the feed is too large")
    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "text/xml"})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or (
            str(parsed.get("bozo_exception") or "no items")
        )
        raise ValueError(f"not an RSS or Atom feed ({why.splitlines()[0][:120]})")
    return parsed
