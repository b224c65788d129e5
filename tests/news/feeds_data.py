"""Feeds and pages the loopback server serves in the feed tests."""

from __future__ import annotations

from pathlib import Path

PAGES = Path(__file__).parent.parent / "facts" / "pages"
TRAILER_PAGE = (PAGES / "trailer_article.html").read_text(encoding="utf-8")

RELEASE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>All of Us Are Dead season 2 gets a premiere date</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="Hallyu Wire">
<meta property="article:published_time" content="2026-11-20T09:00:00+00:00">
</head><body><article>
<h1>All of Us Are Dead season 2 gets a premiere date</h1>
<p>Netflix announced on Friday that All of Us Are Dead season 2 will premiere on 5 March 2027,
ending a long wait for fans of the Korean zombie drama set in Hyosan.</p>
<p>The streamer said the new season has been fully shot and is now in post-production, with
visual effects work continuing through the winter in Seoul.</p>
<p>Park Ji-hu returns as Nam On-jo, and the cast gathered for a table read photographed at the
announcement event, where the director thanked the fans for their patience.</p>
<p>The studio added that the season picks up several years after the outbreak, following the
survivors as they try to build ordinary lives while the government hides what it knows.</p>
<p>A full trailer is expected early next year, and the studio promised more news about new
characters before the premiere.</p>
</article></body></html>"""

OFF_TOPIC_PAGE = "<html><body><p>Squid Game season 3 news.</p></body></html>"


def rss(items: list[tuple[str, str, str, str]], title: str = "Zombie Screen Weekly") -> str:
    """RSS 2.0 with (guid, link, title, description) items."""
    body = "".join(
        f"<item><guid>{g}</guid><link>{link}</link><title>{t}</title>"
        f"<description>{d}</description><pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate></item>"
        for g, link, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.test/</link>{body}</channel></rss>"
    )


def atom(entries: list[tuple[str, str, str]], title: str = "Hallyu Wire") -> str:
    """Atom 1.0 with (id, link, title) entries."""
    body = "".join(
        f'<entry><id>{i}</id><link href="{link}"/><title>{t}</title>'
        "<updated>2026-11-20T09:00:00Z</updated></entry>"
        for i, link, t in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:hallyu</id><updated>2026-11-20T09:00:00Z</updated>"
        f"{body}</feed>"
    )
