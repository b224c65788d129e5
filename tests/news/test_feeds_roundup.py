"""A feed item that never prints the title but names the show's people is on topic, as `add`
takes it: the feed's first check uses the same rule as the article check after it."""

from __future__ import annotations

from tests.news.feeds_data import rss
from tests.news.test_feeds import paths, poller, run, state  # noqa: F401 (fixtures)

ROUNDUP = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>It's a wrap: our Season 2 roundup</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2026-11-20T09:00:00+00:00">
</head><body><article>
<h1>It's a wrap: our Season 2 roundup</h1>
<p>Season 2 has finished shooting, Netflix Korea said this week, and the cast celebrated on
set. Yoon Chan-young was back as Lee Cheong-san, and Park Ji-hu returned as Nam On-jo.</p>
<p>Fans in the club were thrilled to see Cheong-san again after the rooftop finale, and a
first look at the new season is promised before the end of the year.</p>
<p>Nobody has said anything yet about Yoon Gwi-nam, the villain of the first season, and the
studio would not comment on a release date when asked by the club this week.</p>
</article></body></html>"""


def test_a_roundup_naming_the_shows_people_is_no_off_topic_item(server, paths, state):  # noqa: F811
    server.text("/roundup", ROUNDUP)
    summary = "Cheong-san and On-jo are back, and Gwi-nam? Yoon Chan-young and Park Ji-hu spill"
    feed = rss([("r1", server.url("/roundup"), "Our Season 2 roundup", summary)])
    server.text("/club.xml", feed, content_type="application/rss+xml")
    state.add_feed(server.url("/club.xml"), trusted=False, every_s=1800)
    report = run(poller(paths, state))[server.url("/club.xml")]
    assert "off-topic" not in report.skipped, report.skipped
    assert len(report.pending) == 1
