"""Whether an unknown `!word` is meant for this bot: only a strong match on a known name or
lore topic is answered; anything else (`!play`, `!rank`, `!clear`) belongs to another bot and
gets silence."""

from __future__ import annotations

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
