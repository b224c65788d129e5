"""Review before facts: an untrusted feed's items wait for the owner's approve or reject.

Approving adds the extracted article (verbatim text, date and its basis, URL, outlet) to the
owner's library and rebuilds the store; the running bot's live reload then swaps it in and
its "status changed" posts tell the subscribers. Nothing else announces it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.errors import SettingsError
from bot.facts.sources.ingest import Article, IngestRefused
from bot.facts.sources.library import Change, add_source
from bot.news.state import FeedState, Item
from bot.paths import DataPaths


def complete(article: Article) -> Article:
    """The article, if it carries everything a source needs; IngestRefused naming what not."""
    missing = [
        what
        for what, value in (
            ("text", article.body.strip()),
            ("date", article.published),
            ("date basis", article.date_basis),
            ("URL", article.url),
            ("outlet", article.outlet),
        )
        if not value
    ]
    if missing:
        raise IngestRefused(f"{article.origin}: no {', '.join(missing)}; it cannot be a source")
    return article


def add_article(paths: DataPaths, article: Article, today: dt.date | None = None) -> Change:
    """Add a checked news article to the library and rebuild."""
    return add_source(paths, complete(article), today or dt.date.today())


@dataclass(frozen=True)
class Decision:
    """What approve or reject did, for the one line the owner sees."""

    item: Item
    change: Change | None = None  # the add, for an approved item

    def line(self) -> str:
        what = f"item {self.item.id} ({self.item.title})"
        if self.change:
            return f"approved {what}: added as {self.change.source_id}"
        return f"rejected {what}"


def _waiting(state: FeedState, item_id: int | str) -> Item:
    item = state.item(item_id)
    if item.status != "pending" or item.article is None:
        raise SettingsError(f"item {item.id} is not waiting for review (it is {item.status})")
    return item


def approve(paths: DataPaths, state: FeedState, item_id: int | str) -> Decision:
    """Add a waiting item's article as a source."""
    item = _waiting(state, item_id)
    try:
        change = add_article(paths, item.article)
    except IngestRefused as exc:  # a source since it was queued (same or near-same text)
        state.decide(item.id, "skipped", reason="already a source", detail=str(exc))
        raise
    state.decide(item.id, "added", source_id=change.source_id)
    return Decision(item, change)


def reject(state: FeedState, item_id: int | str) -> Decision:
    """Drop a waiting item; it is remembered, so the feed never offers it again."""
    item = _waiting(state, item_id)
    state.decide(item.id, "rejected")
    return Decision(item)


EXCERPT = 300  # characters of the article shown in the review message


def review_lines(item: Item) -> list[str]:
    """What the owner reads before deciding: headline, outlet, date and basis, link, opening.
    Shown text is made inert (bot.facts.shown): an article cannot ping through a review."""
    from bot.facts.shown import neutralise

    a = item.article
    if a is None:
        return [f"item {item.id}: {item.title} ({item.status})"]
    opening = " ".join(a.body.split())
    if len(opening) > EXCERPT:
        opening = opening[: EXCERPT - 1].rsplit(" ", 1)[0] + "…"
    return [
        neutralise(line)
        for line in (
            f"**{a.title}**",
            f"{a.outlet} · {a.published} ({a.date_basis}: {a.date_clue})",
            a.url,
            f"> {opening}",
        )
    ]
