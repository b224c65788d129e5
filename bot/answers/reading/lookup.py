"""Whether an unknown `!word` is meant for this bot: only a strong match on a known name or
lore topic is answered; anything else (`!play`, `!rank`, `!clear`) belongs to another bot and
gets silence."""

from __future__ import annotations

import re

from bot.answers.reading.matching import Matchers
from bot.answers.reading.wording import name_keys
from bot.facts.reading.names import fold_key

UNKNOWN_STRONG = 90.0  # stricter than a lookup inside `!lore`: `!clear` must not be a topic


def strongly_known(m: Matchers, word: str, rest: str = "") -> bool:
    """True when `word rest` names a character, actor or lore topic beyond doubt."""
    query = f"{word} {rest}".strip()
    if not query:
        return False
    name = m.names.lookup_any(name_keys(query))
    if name.id and name.score >= UNKNOWN_STRONG - 2:  # the name index's own sure-hit bar (88)
        return True
    topic = m.lore.lookup(fold_key(query))
    return bool(topic.id) and topic.score >= UNKNOWN_STRONG


def unasked(vocab: dict, query: str) -> str:
    """The query without the question worded around a name ("who plays suhyeok", "whos the
    actor for namra", "who is onjo played by"): the casting phrases, function and chat words
    and contracted question words ("whos") dropped, the rest kept in order."""
    phrases = vocab.get("ask.intents", {}).get("casting", [])
    stop = vocab.get("ask.stopwords", {})
    drop = set(stop.get("function", [])) | set(stop.get("chat", []))
    asking = {w for w in drop if w.startswith("wh") or w == "how"}  # "whos", "hows"
    text = f" {re.sub(r'[?!.,]+', ' ', query.lower())} "
    for p in sorted(phrases, key=len, reverse=True):
        text = text.replace(f" {p} ", " ")
    kept = []
    for word in text.split():
        bare = word.replace("'", "").replace("\u2019", "")
        if bare in drop or (bare.endswith("s") and bare[:-1] in asking):
            continue
        kept.append(word)
    return " ".join(kept)
