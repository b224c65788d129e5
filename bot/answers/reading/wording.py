"""Small text helpers shared by the commands: echoing user text safely, shortening, name keys."""

from __future__ import annotations

import re

from bot.facts.reading.names import exact_key, fold_key, plain_key
from bot.facts.text import collapse_ws, curly_quotes, fold_unicode

MAX_QUERY = 200  # characters of a query that are read; the rest is ignored


def name_keys(text: str) -> list[str]:
    """The keys a typed name is looked up by: folded spelling first, then as typed."""
    return [fold_key(text), plain_key(text)]


def closest_name(typed: str, names: list[str]) -> str | None:
    """Of one person's names, the one a typed name spells: as typed first, then romanised,
    then by folded spelling ("park ji-hu" is "Park Ji-hu", not its variant "Park Ji-hoo");
    a given name alone is the full name it ends."""
    for whole in (True, False):  # the whole name, else its given name ("ji-hu")
        for key in (exact_key, plain_key, fold_key):
            want = key(typed)
            for n in names if want else ():
                if key(n) == want if whole else key(n).endswith(want):
                    return n
    return None


_MENTIONS = (
    (re.compile(r"<@&\d+>"), "that role"),
    (re.compile(r"<@!?\d+>"), "that user"),
    (re.compile(r"<#\d+>"), "that channel"),
)


def safe_echo(text: str, limit: int = 60) -> str:
    """User text made safe to repeat: no pings, no formatting, no invisible characters; a
    mention reads "that user/channel/role", never its id."""
    text = collapse_ws(fold_unicode(text))
    for rx, words in _MENTIONS:
        text = rx.sub(words, text)
    text = re.sub(r"[`*_~|>\\\[\]()<]", "", text).replace("@", "@\u2060")
    # a "#" heads a line only at its start: within the text it is what the fan typed ("#1")
    text = re.sub(r"^(?:-?#+\s*)+", "", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shorten(text: str, limit: int = 220) -> str:
    """Cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def around(text: str, names: list[str], limit: int = 220) -> str:
    """Cut like `shorten`, but a long line whose first printed name (of `names`) falls past
    the cut ("…Kim Bo-yoon as Hyo-ryung, Im Jae-hyuk as Dae-su…" in a long cast list) is
    shown from a word boundary before that name instead, so the person it is cited for shows."""
    low = text.lower()
    at = min((i for n in names if n and (i := low.find(n.lower())) >= 0), default=-1)
    if len(text) <= limit or at < 0 or at + 40 < limit:
        return shorten(text, limit)
    start = text.rfind(" ", 0, max(0, at - limit // 2)) + 1
    return "…" + shorten(text[start:], limit - 1)


def balanced(text: str) -> str:
    """A sentence shown with its curly quotation marks paired: a quote the sentence closes
    without opening (it opened in the sentence before) is opened, one left open is closed.
    Only what fans read changes; the cited quote stays verbatim."""
    opened_before, left_open = curly_quotes(text)
    return "“" * opened_before + text + "”" * left_open


def without_dangling_list(text: str) -> str:
    """'…, the rest of the cast includes the following performers:' -> '…, …': a sentence
    introducing a list it does not hold is cut before that clause."""
    if not text.rstrip().endswith(":") or "," not in text:
        return text
    return text[: text.rfind(",")].rstrip() + " …"
