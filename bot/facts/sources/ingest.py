"""Reading a new article for `python -m bot add`: a saved web page, a text file, or a URL.

Web pages go through trafilatura (main-text extraction: drops navigation, footers, comments and
link lists) and htmldate (the publication date from the page's markup). htmldate is what
trafilatura itself uses; it is called with extensive_search off so only dates the publisher put
in the markup (meta tags, JSON-LD, <time>) count as printed, and everything guessed from the
text is ours, marked estimated with its clue. Anything that is not clearly an article about the
show is refused with one line (an `IngestRefused`) before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import BuildError
from bot.facts.curated import EntityDef, load_entities
from bot.facts.sources.dates import FoundDate, newest_mentioned, printed_in_text
from bot.facts.sources.manifest import control_problem
from bot.facts.sources.show import OWN_PEOPLE, is_about_show, show_names
from bot.facts.text import DATELINE, collapse_ws
from bot.paths import DataPaths

MAX_INPUT_BYTES = 5_000_000  # a saved news page with inline scripts is rarely over 2 MB
MAX_TEXT_CHARS = 100_000  # the longest shipped article is 8 kB of text
MIN_WORDS = 80  # fewer words of main text is a stub, an index or an error page
HEADLINE_LINKS = 8  # distinct links reading like headlines: a tag, index or search page
TEASERS = 3  # paragraphs of the main text ending in "Read more": a list of teasers
MAX_LINK_SHARE = 0.5  # share of the main text that is link text
_TEASER_END = re.compile(r"(read more|continue reading|more\s*(»|›|>)|…\s*more)\W*$", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class IngestRefused(BuildError):
    """The article is not taken in; the message says why and what to do, in one line."""


@dataclass(frozen=True)
class Article:
    """An article ready to be written as a source: text exactly as it will be stored."""

    title: str
    body: str
    published: str
    date_basis: str  # printed | estimated
    date_clue: str
    origin: str
    url: str = ""  # where it was read from, when it came from the web
    outlet: str = ""  # who published it: the page's site name, the feed's title, or the host


def _decode_text(raw: bytes, name: str) -> str:
    if b"\0" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestRefused(f"{name}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestRefused(
            f"{name}: unreadable encoding (not UTF-8: byte 0x{raw[exc.start]:02x} at "
            f"{exc.start}); save it as UTF-8 and try again"
        ) from None


def _decode_html(raw: bytes, name: str, header_charset: str | None = None) -> str:
    """A page's text in the charset it declares (BOM, HTTP header or meta), else UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        charset = "utf-16"
    else:
        m = _CHARSET.search(raw[:4096])
        charset = header_charset or (m.group(1).decode("ascii") if m else "utf-8-sig")
    try:
        return raw.decode(charset)
    except LookupError:
        raise IngestRefused(f"{name}: declares an unknown charset '{charset}'") from None
    except UnicodeDecodeError as exc:
        raise IngestRefused(
            f"{name}: unreadable encoding (not valid {charset}: byte 0x{raw[exc.start]:02x} at "
            f"{exc.start}); save the page again as UTF-8"
        ) from None


def _read_local(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestRefused(f"{path}: no such file") from None
    if not path.is_file():
        raise IngestRefused(f"{path}: not a file")
    if size > MAX_INPUT_BYTES:
        raise IngestRefused(
            f"{path}: {size / 1e6:.1f} MB is over the {MAX_INPUT_BYTES / 1e6:.0f} MB limit "
            "for one article"
        )
    return path.read_bytes()


def fetch_page(url: str) -> tuple[bytes, str | None, str]:
    """A page's bytes, its HTTP charset and its final URL, through the safe intake
    (bot.facts.sources.fetch: http(s) only, no private addresses, a total deadline, a size cap)."""
    import asyncio

    from bot.facts.sources.fetch import fetch, policy_from_env

    got = asyncio.run(fetch(url, policy_from_env(max_bytes=MAX_INPUT_BYTES)))
    return got.body, got.charset, got.url


def _listing(html: str, doc, text: str) -> str | None:
    """Why a page reads as a list of other articles (a tag, index or search page), or None.
    Signals: trafilatura's own page type (og:type) and link markup in the main text it kept,
    teaser paragraphs ending in "Read more", and many headline-like links on the page."""
    import lxml.etree
    import lxml.html
    import trafilatura

    teasers = sum(bool(_TEASER_END.search(p)) for p in text.splitlines())
    if teasers >= TEASERS:
        return f"{teasers} teasers ending in “Read more”"
    xml = trafilatura.extract(
        html, output_format="xml", include_links=True, include_comments=False, include_tables=False
    )
    if xml:
        root = lxml.etree.fromstring(xml.encode("utf-8"))
        total = len("".join(root.itertext())) or 1
        linked = sum(len("".join(r.itertext())) for r in root.iter("ref"))
        if linked / total > MAX_LINK_SHARE:
            return f"{linked * 100 // total}% of its text is links"
    if (getattr(doc, "pagetype", None) or "article").lower() == "article":
        return None  # the publisher marks it an article: related-story links are normal
    try:
        page = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    headlines = {
        a.get("href")
        for a in page.iter("a")
        if a.get("href") and 4 <= len(a.text_content().split()) <= 25
    }
    if len(headlines) >= HEADLINE_LINKS:
        return f"{len(headlines)} headline links"
    return None


def _extract_html(html: str, name: str) -> tuple[str, str | None, FoundDate | None, str]:
    """(main text, title, printed date, site name) of a web page; a list of articles is
    refused."""
    import htmldate
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (doc.text or "") if doc else ""
    if text.strip() and (why := _listing(html, doc, text)):
        raise IngestRefused(
            f"{name}: not an article but a list of articles ({why}); save the article itself"
        )
    title = doc.title if doc else None
    iso = htmldate.find_date(html, extensive_search=False, original_date=True)
    printed = (
        FoundDate(iso, "the page's markup gives its publication date (read by htmldate)")
        if iso
        else None
    )
    return text, title, printed, collapse_ws((doc.sitename or "") if doc else "")


HEADLINE_WORDS = 35
HEADLINE_CHARS = 256  # an embed title's limit


def _title_from_text(body: str) -> str | None:
    """A first line that reads as a headline: a line of its own (reviews and features run to
    thirty words or so), not over Discord's title length, and not a sentence."""
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if DATELINE.match(body) and lines:
        lines = lines[1:]
    first = lines[0] if lines else ""
    fits = 3 <= len(first.split()) <= HEADLINE_WORDS and len(first) <= HEADLINE_CHARS
    if fits and not first.endswith((".", ",", ";")):
        return first
    return None


def _check_article(
    body: str, name: str, show: tuple[str, ...], people: list[EntityDef] | None = None
) -> None:
    words = len(body.split())
    if words < MIN_WORDS:
        what = "an empty page" if not words else f"only {words} words of main text"
        raise IngestRefused(
            f"{name}: not an article ({what}; is it an index, login or error page?)"
        )
    if len(body) > MAX_TEXT_CHARS:
        raise IngestRefused(
            f"{name}: {len(body)} characters of text is over the {MAX_TEXT_CHARS} limit"
        )
    if not is_about_show(body, show, people or ()):
        raise IngestRefused(
            f"{name}: names neither {show[0]} nor {OWN_PEOPLE} of its characters and cast, so "
            "it is not about the show; add an article about the show"
        )
    if problem := control_problem(body):  # named here: the stored copy would be blamed later
        raise IngestRefused(f"{name}: {problem}")
    if body.count("\ufffd") > 3:
        raise IngestRefused(f"{name}: the text holds broken characters (a mis-saved encoding)")


def _date(
    body: str,
    printed: FoundDate | None,
    published: str | None,
    today: dt.date,
    name: str,
    listed: FoundDate | None = None,
) -> tuple[str, str, str]:
    """(published, date_basis, date_clue). `listed`: the date a feed gives the item, used
    when neither the page's markup nor its text prints one."""
    in_text = printed_in_text(body)
    if published:
        try:
            given = dt.date.fromisoformat(published)
        except ValueError:
            raise IngestRefused(f"--published {published!r} is not a date (YYYY-MM-DD)") from None
        if given > today:
            raise IngestRefused(
                f"--published {published} is later than today ({today}); give the day the "
                "article came out"
            )
        if in_text and DATELINE.match(body) and in_text.iso != published:
            raise IngestRefused(
                f"{name}: the article prints {in_text.iso} but --published says {published}"
            )
        return published, "printed", "Given with --published when the article was added."
    found = printed or in_text or listed
    if found and dt.date.fromisoformat(found.iso) > today:
        raise IngestRefused(
            f"{name}: its printed date {found.iso} is later than today ({today}); give the "
            "real date with --published YYYY-MM-DD"
        )
    if found:
        quoted = found is in_text and found is not printed
        clue = f'The article prints "{found.evidence}"' if quoted else found.evidence
        return found.iso, "printed", clue
    if est := newest_mentioned(body, today):
        return (
            est.iso,
            "estimated",
            f'No printed date; the newest past date the article mentions is in: "{est.evidence}"',
        )
    raise IngestRefused(
        f"{name}: no date printed or mentioned; give one with --published YYYY-MM-DD"
    )


def article_from_bytes(
    raw: bytes,
    *,
    name: str,
    is_html: bool,
    charset: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str = "",
    outlet: str = "",
    origin: str = "",
    default_title: str = "",
    listed: FoundDate | None = None,
    show: tuple[str, ...] = (),
    today: dt.date,
) -> Article:
    """Extract, check and date one downloaded or saved article; IngestRefused (one line)
    when it cannot go in. `outlet` falls back to the page's site name, then the URL's host."""
    if not raw.strip():
        raise IngestRefused(f"{name}: not an article (an empty file)")
    printed, site = None, ""
    if is_html:
        body, found_title, printed, site = _extract_html(_decode_html(raw, name, charset), name)
    else:
        body = _decode_text(raw, name)
        found_title = _title_from_text(body)
    body = body.strip() + "\n" if body.strip() else ""
    entities = DataPaths().entities
    people = load_entities(entities) if entities.exists() else []
    _check_article(body, name, show or show_names(entities), people)
    title = collapse_ws(title or found_title or default_title)
    if not title:
        raise IngestRefused(f'{name}: no headline found; give one with --title "..."')
    date, basis, clue = _date(body, printed, published, today, name, listed)
    outlet = collapse_ws(outlet or site or (urlsplit(url).hostname or "" if url else ""))
    return Article(title, body, date, basis, clue, origin or url or name, url, outlet)


def read_article(
    where: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str = "",
    outlet: str = "",
    today: dt.date,
) -> Article:
    """Read (a saved file, or a URL through the safe intake), extract and date one article."""
    if "://" in where:  # http(s) only: the safe intake refuses any other scheme
        raw, charset, final = fetch_page(where)
        return article_from_bytes(
            raw,
            name=where,
            is_html=True,
            charset=charset,
            title=title,
            published=published,
            url=url or final,
            outlet=outlet,
            today=today,
        )
    path = Path(where)
    raw, name = _read_local(path), path.name
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".txt"):
        raise IngestRefused(f"{name}: give a saved web page (.html) or a text file (.txt)")
    return article_from_bytes(
        raw,
        name=name,
        is_html=suffix != ".txt",
        title=title,
        published=published,
        url=url,
        outlet=outlet,
        origin=where,
        today=today,
    )
