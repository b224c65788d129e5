"""Text shown to people, made inert: mentions and Discord invites from an article never act.

An article is stored and quoted verbatim (the citation checker matches quotes against the
source file), so the escaping happens where text is rendered: a zero-width space after the
"@" or "<" of a mention (`@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>`) and before
the dot of an invite link (`discord.gg/...`, `discord.com/invite/...`). The words still read
the same; Discord no longer pings, links or embeds them. Removing the zero-width spaces gives
the verbatim text back, so a shown quote stays matchable against its source.
"""

from __future__ import annotations

import re

ZWSP = "\u200b"
_MENTION = re.compile(r"@(?=everyone|here)|<(?=[@#][!&]?\d)", re.IGNORECASE)
_INVITE = re.compile(
    r"(?<![\w.])(discord(?:app)?)(\.)(?=gg\s*/|com/invite/|(?:io|me|li)/)", re.IGNORECASE
)


def neutralise(text: str) -> str:
    """`text` with every mention and invite link broken by a zero-width space."""
    if "@" not in text and "<" not in text and "discord" not in text.lower():
        return text
    text = _MENTION.sub(lambda m: m.group(0) + ZWSP, text)
    return _INVITE.sub(lambda m: m.group(1) + ZWSP + m.group(2), text)


def unshown(text: str) -> str:
    """The verbatim text behind a neutralised one (for matching a shown quote)."""
    return text.replace(ZWSP, "")
