"""Whether a feed item is about the show, and when two links are the same story."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.errors import BuildError
from bot.facts.manifest import read_toml
from bot.facts.text import collapse_ws
from bot.paths import rel

# Query parameters that only say where a click came from, never which page it is.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|"
    r"ocid|spm|_ga|yclid|twclid|s_cid)$",
    re.IGNORECASE,
)


def show_names(entities: Path) -> tuple[str, ...]:
    """The show's name and aliases from the `[show]` table of data/entities.toml."""
    show = read_toml(entities).get("show")
    if not isinstance(show, dict) or not isinstance(show.get("name"), str):
        raise BuildError(f"{rel(entities)}: needs a [show] table with a 'name'")
    names = [show["name"], *show.get("aliases", [])]
    return tuple(n for n in names if isinstance(n, str) and n.strip())


def _folded(text: str) -> str:
    return collapse_ws(re.sub(r"[^\w\s]", " ", text.lower()))


def is_about_show(text: str, names: tuple[str, ...]) -> bool:
    """Whether `text` names the show (any spelling, whole words, case and punctuation aside)."""
    folded = f" {_folded(text)} "
    return any(f" {_folded(n)} " in folded for n in names if _folded(n))


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment, default port or trailing slash, so the
    same story linked from two feeds compares equal."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if not _TRACKING.match(k))
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host + port, path, query, ""))


def text_key(body: str) -> str:
    """A hash of an article's text that ignores case and spacing: the same story twice."""
    return hashlib.sha256(collapse_ws(body).lower().encode("utf-8")).hexdigest()
