"""When two feed items are the same story: canonical URLs and text keys."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.facts.text import collapse_ws

# Query parameters that only say where a click came from, never which page it is.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|"
    r"ocid|spm|_ga|yclid|twclid|s_cid)$",
    re.IGNORECASE,
)


def without_tracking(url: str) -> str:
    """The URL without tracking parameters and fragment: the address kept for a source."""
    parts = urlsplit(url.strip())
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def canonical_url(url: str) -> str:
    """The URL as compared: no tracking parameters, fragment, `www.`, default port or
    trailing slash, the rest of the query sorted; the same story from two feeds is equal."""
    parts = urlsplit(without_tracking(url))
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host + port, path, query, ""))


def text_key(body: str) -> str:
    """A hash of an article's text that ignores case and spacing: the same story twice."""
    return hashlib.sha256(collapse_ws(body).lower().encode("utf-8")).hexdigest()
