"""Feeds on a loopback server: what is added, skipped, queued and refused, and why."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from aiohttp import web

from bot.facts.sources.fetch import policy_from_env
from bot.news.poll import Poller
from bot.news.review import approve, reject
from bot.news.state import FeedState
from bot.paths import DataPaths
from tests.conftest import copy_corpus, load
from tests.news.feeds_data import OFF_TOPIC_PAGE, RELEASE_PAGE, TRAILER_PAGE, atom, rss

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


@pytest.fixture
def paths(tmp_path):
    base = copy_corpus(tmp_path)
    return DataPaths.with_sources(
        base.sources_dir, base.manifest, base.store, library=tmp_path / "instance"
    )


@pytest.fixture
def state(paths):
    s = FeedState(paths.feeds_db)
    yield s
    s.close()


def poller(paths, state, now=NOW, **policy) -> Poller:
    clock = [now]
    p = Poller(paths, state, policy_from_env(**policy), now=lambda: clock[0], today=TODAY)
    p.clock = clock
    return p


def run(p: Poller, every: bool = True):
    return {r.feed.url: r for r in asyncio.run(p.run(every=every))}


def serve_news(server) -> None:
    server.text("/trailer", TRAILER_PAGE)
    server.text("/release", RELEASE_PAGE)
    server.text("/squid", OFF_TOPIC_PAGE)
    server.route("/to-metadata", lambda req: web.HTTPFound("http://169.254.169.254/latest/"))
    server.text("/huge", "<p>All of Us Are Dead " + "word " * 1_100_000 + "</p>")
    server.text(
        "/rss.xml",
        rss(
            [
                ("t1", server.url("/trailer"), "All of Us Are Dead season 2 teaser", "Netflix"),
                ("s1", server.url("/squid"), "Squid Game season 3", "Gi-hun is back"),
                ("m1", server.url("/to-metadata"), "All of Us Are Dead news", "click"),
                ("h1", server.url("/huge"), "All of Us Are Dead: everything", "a long read"),
            ]
        ),
        content_type="application/rss+xml",
    )
    server.text(
        "/atom.xml",
        atom(
            [
                ("urn:a1", server.url("/trailer?utm_source=atom&utm_medium=feed"),
                 "All of Us Are Dead season 2 teaser trailer"),
                ("urn:a2", server.url("/release"), "All of Us Are Dead season 2 premiere date"),
            ]
        ),
        content_type="application/atom+xml",
    )


def test_a_trusted_rss_feed_adds_on_topic_items_and_says_why_it_skipped_the_rest(
    server, paths, state
):
    serve_news(server)
    state.add_feed(server.url("/rss.xml"), trusted=True, every_s=1800)
    report = run(poller(paths, state))[server.url("/rss.xml")]
    assert len(report.added) == 1 and not report.pending and not report.error
    assert report.skipped == {"off-topic": 1, "refused": 2}
    details = [r[0] for r in state.con.execute("SELECT detail FROM items WHERE reason='refused'")]
    assert any("private or reserved" in d and "169.254.169.254" in d for d in details)
    assert any("limit" in d for d in details)
    store = load(paths)
    added = store.sources[report.added[0]]
    assert (added.url, added.outlet) == (server.url("/trailer"), "Zombie Screen Weekly")
    assert added.published == "2026-09-30"
    manifest = paths.library_manifest.read_text(encoding="utf-8")
    assert "date_basis" in manifest and server.url("/trailer") in manifest


def test_an_untrusted_atom_feed_queues_and_dedupes_across_feeds_then_review_decides(
    server, paths, state
):
    serve_news(server)
    state.add_feed(server.url("/rss.xml"), trusted=True, every_s=1800)
    state.add_feed(server.url("/atom.xml"), trusted=False, every_s=1800)
    reports = run(poller(paths, state))
    atom_report = reports[server.url("/atom.xml")]
    # The trailer came through the RSS feed first; the Atom link differs only by utm_ params.
    assert atom_report.skipped == {"duplicate": 1} and len(atom_report.pending) == 1
    [waiting] = state.pending()
    assert waiting.article.url == server.url("/release")
    assert waiting.article.published == "2026-11-20" and waiting.article.date_basis == "printed"
    before = set(load(paths).sources)
    decision = approve(paths, state, waiting.id)
    new = set(load(paths).sources) - before
    assert new == {decision.change.source_id}
    assert state.item(waiting.id).status == "added"
    with pytest.raises(Exception, match="not waiting for review"):
        reject(state, waiting.id)


def test_a_rejected_item_is_never_offered_again(server, paths, state):
    serve_news(server)
    state.add_feed(server.url("/atom.xml"), trusted=False, every_s=1800)
    p = poller(paths, state)
    run(p)
    for item in state.pending():
        reject(state, item.id)
    again = run(p)[server.url("/atom.xml")]
    assert not again.pending and not again.added and not state.pending()


def test_conditional_get_gives_304_and_nothing_is_read_again(server, paths, state):
    body = rss([("t1", server.url("/trailer"), "All of Us Are Dead teaser", "")])
    server.text("/trailer", TRAILER_PAGE)

    def feed(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(text=body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    server.route("/rss.xml", feed)
    state.add_feed(server.url("/rss.xml"), trusted=False, every_s=1800)
    p = poller(paths, state)
    first = run(p)[server.url("/rss.xml")]
    second = run(p)[server.url("/rss.xml")]
    assert len(first.pending) == 1 and second.unchanged
    assert server.hits["/rss.xml"][-1]["If-None-Match"] == '"v1"'
    assert len(server.hits["/trailer"]) == 1


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("broken", "not an RSS or Atom feed"),
        ("500", "HTTP 500"),
        ("slow", "no complete answer within"),
    ],
)
def test_a_failing_feed_backs_off_and_recovers(server, paths, state, route, problem, caplog):
    async def slow(req):
        resp = web.StreamResponse()
        await resp.prepare(req)
        for _ in range(40):
            await resp.write(b" ")
            await asyncio.sleep(0.05)
        return resp

    handlers = {
        "broken": lambda req: web.Response(text="<html><p>not a feed", content_type="text/html"),
        "500": lambda req: web.Response(status=500),
        "slow": slow,
    }
    server.route("/feed", handlers[route])
    feed = state.add_feed(server.url("/feed"), trusted=True, every_s=1800)
    p = poller(paths, state, deadline=0.5)
    assert problem in run(p)[server.url("/feed")].error
    assert [r.getMessage() for r in caplog.records if problem in r.getMessage()]
    failed = state.feed(feed.id)
    assert failed.failures == 1 and failed.next_due == "2026-11-22T13:00:00+00:00"  # 2 x 30m
    run(p)
    assert state.feed(feed.id).failures == 2
    assert state.feed(feed.id).next_due == "2026-11-22T14:00:00+00:00"
    assert not state.due(NOW + dt.timedelta(minutes=90))
    server.text("/feed", rss([]), content_type="application/rss+xml")
    assert not run(p)[server.url("/feed")].error
    assert state.feed(feed.id).failures == 0 and state.feed(feed.id).last_success


def test_a_trusted_add_that_is_already_a_source_is_skipped_so(server, paths, state):
    serve_news(server)
    state.add_feed(server.url("/rss.xml"), trusted=True, every_s=1800)
    run(poller(paths, state))
    server.text("/copy", TRAILER_PAGE)
    server.text(
        "/rss2.xml",
        rss([("c1", server.url("/copy"), "All of Us Are Dead teaser again", "")], title="Other"),
    )
    state.add_feed(server.url("/rss2.xml"), trusted=True, every_s=1800)
    report = run(poller(paths, state))[server.url("/rss2.xml")]
    assert report.skipped == {"duplicate": 1} and not report.added  # the same extracted text


def test_canonical_urls_drop_tracking_and_cosmetics_only():
    from bot.news.relevance import canonical_url, without_tracking

    a = "https://WWW.News.example:443/s2/?utm_source=x&id=7&fbclid=y#top"
    assert canonical_url(a) == canonical_url("https://news.example/s2?id=7")
    assert canonical_url(a) != canonical_url("https://news.example/s2?id=8")
    assert without_tracking(a) == "https://WWW.News.example:443/s2/?id=7"


def test_the_feed_database_is_versioned_and_refuses_a_newer_one(tmp_path):
    import sqlite3

    from bot.errors import SettingsError
    from bot.news.state import MIGRATIONS

    path = tmp_path / "feeds.sqlite"
    FeedState(path).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    con.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    con.commit()
    con.close()
    with pytest.raises(SettingsError, match="newer hyosan-bot"):
        FeedState(path)
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(SettingsError, match="not a readable feed database"):
        FeedState(path)


def test_a_page_that_fails_for_now_is_tried_at_the_next_polls_then_refused(server, paths, state):
    answers = iter([500, 200, 500, 500, 500])

    def page(req):
        status = next(answers)
        return web.Response(status=status, text=RELEASE_PAGE if status == 200 else "down",
                            content_type="text/html")

    server.route("/release", page)
    server.route("/flaky", lambda req: web.Response(status=503))
    server.text(
        "/rss.xml",
        rss([("r1", server.url("/release"), "All of Us Are Dead premiere date", ""),
             ("f1", server.url("/flaky"), "All of Us Are Dead teaser", "")]),
    )
    state.add_feed(server.url("/rss.xml"), trusted=False, every_s=1800)
    p = poller(paths, state)
    first = run(p)[server.url("/rss.xml")]
    assert first.skipped == {"retry later": 2} and not first.pending
    second = run(p)[server.url("/rss.xml")]
    assert len(second.pending) == 1 and second.skipped == {"retry later": 1}
    third = run(p)[server.url("/rss.xml")]
    assert third.skipped == {"refused": 1}  # the third failure of /flaky is the last
    assert not run(p)[server.url("/rss.xml")].skipped  # settled: not fetched again
    assert len(server.hits["/flaky"]) == 3
