"""The feed state: one SQLite file in the instance folder (feeds.sqlite), apart from the
settings database, so `feeds poll` from cron can run while the bot runs (WAL, short
transactions, a busy timeout). Its schema is upgraded by numbered migrations
(`PRAGMA user_version`), each in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from bot.errors import SettingsError
from bot.facts.sources.ingest import Article
from bot.paths import rel

MIGRATIONS: tuple[str, ...] = (
    # 1: feeds and the items seen in them
    """
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL DEFAULT '',
        trusted       INTEGER NOT NULL DEFAULT 0,
        every_s       INTEGER NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        last_success  TEXT NOT NULL DEFAULT '',
        last_error    TEXT NOT NULL DEFAULT '',
        failures      INTEGER NOT NULL DEFAULT 0,
        next_due      TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE items (
        id         INTEGER PRIMARY KEY,
        feed_id    INTEGER NOT NULL,
        guid       TEXT NOT NULL,
        url        TEXT NOT NULL,
        canonical  TEXT NOT NULL,
        title      TEXT NOT NULL,
        text_key   TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL,  -- checking | retry | added | pending | rejected | skipped
        attempts   INTEGER NOT NULL DEFAULT 0, -- page downloads that failed for now
        reason     TEXT NOT NULL DEFAULT '', -- why skipped: off-topic, duplicate, refused...
        detail     TEXT NOT NULL DEFAULT '', -- the one-line message behind the reason
        source_id  TEXT NOT NULL DEFAULT '',
        article    TEXT NOT NULL DEFAULT '', -- the extracted article while it waits for review
        seen       TEXT NOT NULL,
        notified   INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX items_guid ON items(guid);
    CREATE INDEX items_canonical ON items(canonical);
    CREATE INDEX items_text ON items(text_key);
    """,
)


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str
    trusted: bool
    every_s: int
    etag: str | None
    last_modified: str | None
    last_success: str
    last_error: str
    failures: int
    next_due: str


@dataclass(frozen=True)
class Item:
    id: int
    feed_id: int
    url: str
    title: str
    status: str
    reason: str
    detail: str
    source_id: str
    article: Article | None


def _now(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).isoformat(timespec="seconds")


class FeedState:
    """Feeds and items. Every write is its own short transaction."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.con.execute("PRAGMA journal_mode=WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise SettingsError(
                f"{rel(path)}: not a readable feed database ({exc}); move it aside and run "
                "`feeds add` again"
            ) from None

    def _migrate(self) -> None:
        (version,) = self.con.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise SettingsError(
                f"{rel(self.path)}: made by a newer hyosan-bot (schema {version}); upgrade"
            )
        for n, sql in enumerate(MIGRATIONS[version:], version + 1):
            # One transaction per step, inside the script (executescript commits before it runs).
            try:
                script = f"BEGIN IMMEDIATE; {sql}; PRAGMA user_version = {n}; COMMIT;"
                self.con.executescript(script)
            except BaseException:
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.con.close()

    # --- feeds ----------------------------------------------------------------------------

    def add_feed(self, url: str, trusted: bool, every_s: int) -> Feed:
        try:
            self.con.execute(
                "INSERT INTO feeds (url, trusted, every_s) VALUES (?, ?, ?)",
                (url, int(trusted), every_s),
            )
        except sqlite3.IntegrityError:
            raise SettingsError(f"{url}: already followed (`feeds list` shows it)") from None
        return self.feed(url)

    def feed(self, key: str | int) -> Feed:
        """A feed by id or URL; SettingsError when none."""
        column = "id" if str(key).isdigit() else "url"
        row = self.con.execute(f"SELECT * FROM feeds WHERE {column} = ?", (key,)).fetchone()
        if row is None:
            raise SettingsError(f"no feed {key!s}; `feeds list` shows the ids")
        return Feed(*row[:3], bool(row[3]), *row[4:])

    def feeds(self) -> list[Feed]:
        ids = [r[0] for r in self.con.execute("SELECT id FROM feeds ORDER BY id")]
        return [self.feed(i) for i in ids]

    def remove_feed(self, key: str) -> Feed:
        feed = self.feed(key)
        self.con.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
        return feed

    def due(self, now: dt.datetime) -> list[Feed]:
        return [f for f in self.feeds() if not f.next_due or f.next_due <= _now(now)]

    def polled(
        self,
        feed: Feed,
        now: dt.datetime,
        *,
        title: str = "",
        etag=None,
        last_modified=None,
        unchanged: bool = False,
    ) -> None:
        """A successful poll: validators kept, failures cleared, the next one due."""
        when = now + dt.timedelta(seconds=feed.every_s)
        if unchanged:
            etag, last_modified = feed.etag, feed.last_modified
        self.con.execute(
            "UPDATE feeds SET title = COALESCE(NULLIF(?, ''), title), etag = ?, "
            "last_modified = ?, last_success = ?, last_error = '', failures = 0, next_due = ? "
            "WHERE id = ?",
            (title, etag, last_modified, _now(now), _now(when), feed.id),
        )

    def failed(self, feed: Feed, now: dt.datetime, error: str, max_s: int) -> dt.datetime:
        """A failed poll: the wait doubles per failure in a row, up to `max_s`."""
        failures = feed.failures + 1
        delay = min(feed.every_s * 2 ** min(failures, 10), max_s)
        when = now + dt.timedelta(seconds=delay)
        self.con.execute(
            "UPDATE feeds SET last_error = ?, failures = ?, next_due = ? WHERE id = ?",
            (error, failures, _now(when), feed.id),
        )
        return when

    # --- items ----------------------------------------------------------------------------

    def claim(self, feed: Feed, guid: str, url: str, canonical: str, title: str, now) -> int | None:
        """Start checking a new item, or one to try again; None when it was settled before
        (or another poller is checking it now)."""
        cur = self.con.execute(
            "INSERT OR IGNORE INTO items (feed_id, guid, url, canonical, title, status, seen) "
            "VALUES (?, ?, ?, ?, ?, 'checking', ?)",
            (feed.id, guid, url, canonical, title, _now(now)),
        )
        if cur.rowcount:
            return cur.lastrowid
        row = self.con.execute(
            "SELECT id FROM items WHERE feed_id = ? AND guid = ? AND status = 'retry'",
            (feed.id, guid),
        ).fetchone()
        if row is None:
            return None
        cur = self.con.execute(  # only one poller wins the retry (no RETURNING: SQLite 3.31)
            "UPDATE items SET status = 'checking' WHERE id = ? AND status = 'retry'", row
        )
        return row[0] if cur.rowcount else None

    def retry_later(self, item_id: int, detail: str, most: int) -> bool:
        """A page that failed for now is tried at the next polls, `most` times in all; False
        when that was the last try."""
        self.con.execute(
            "UPDATE items SET attempts = attempts + 1, status = 'retry', detail = ? WHERE id = ?",
            (detail, item_id),
        )
        (attempts,) = self.con.execute(
            "SELECT attempts FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        return attempts < most

    def release(self, item_id: int) -> None:
        """Forget an item whose check broke off, so the next poll tries it again."""
        self.con.execute("DELETE FROM items WHERE id = ? AND status = 'checking'", (item_id,))

    def same_story(self, item_id: int, guid: str, canonical: str, text_key: str = "") -> int | None:
        """Another item already holding this story (same GUID, canonical URL or text)."""
        row = self.con.execute(
            "SELECT id FROM items WHERE id != ? AND status NOT IN ('checking', 'retry', 'skipped') "
            "AND (guid = ? OR canonical = ? OR (? != '' AND text_key = ?)) ORDER BY id LIMIT 1",
            (item_id, guid, canonical, text_key, text_key),
        ).fetchone()
        return row[0] if row else None

    def decide(
        self,
        item_id: int,
        status: str,
        *,
        reason: str = "",
        detail: str = "",
        text_key: str = "",
        source_id: str = "",
        article: Article | None = None,
    ) -> None:
        self.con.execute(
            "UPDATE items SET status = ?, reason = ?, detail = ?, "
            "text_key = COALESCE(NULLIF(?, ''), text_key), source_id = ?, article = ? "
            "WHERE id = ?",
            (
                status,
                reason,
                detail,
                text_key,
                source_id,
                json.dumps(asdict(article), ensure_ascii=False) if article else "",
                item_id,
            ),
        )

    def item(self, item_id: int | str) -> Item:
        row = self.con.execute(
            "SELECT id, feed_id, url, title, status, reason, detail, source_id, article "
            "FROM items WHERE id = ?",
            (str(item_id).lstrip("#"),),
        ).fetchone()
        if row is None:
            raise SettingsError(f"no news item {item_id}; `news pending` lists them")
        return Item(*row[:8], Article(**json.loads(row[8])) if row[8] else None)

    def pending(self) -> list[Item]:
        ids = self.con.execute("SELECT id FROM items WHERE status = 'pending' ORDER BY id")
        return [self.item(r[0]) for r in ids.fetchall()]

    def unnotified(self) -> list[Item]:
        """Pending items the owner has not been sent yet."""
        return [i for i in self.pending() if not self._notified(i.id)]

    def _notified(self, item_id: int) -> bool:
        row = self.con.execute("SELECT notified FROM items WHERE id = ?", (item_id,)).fetchone()
        return bool(row and row[0])

    def mark_notified(self, item_id: int) -> None:
        self.con.execute("UPDATE items SET notified = 1 WHERE id = ?", (item_id,))

    def counts(self, feed_id: int) -> dict[str, int]:
        """Items of a feed by status, and skipped ones by reason ('skipped: off-topic')."""
        out: dict[str, int] = {}
        for status, reason, n in self.con.execute(
            "SELECT status, reason, COUNT(*) FROM items WHERE feed_id = ? GROUP BY 1, 2",
            (feed_id,),
        ):
            out[status] = out.get(status, 0) + n
            if status == "skipped":
                out[f"skipped: {reason}"] = n
        return out
