"""Whether a channel can be subscribed: the admin sees it, and the bot may do all a post needs.

The bot needs to see the channel, send in it, embed links (the digest is an embed) and read
its history: after a crash, the history is how a post that may be out is told from one that
is not. Without it such a post would have to be given up, never sent twice.
"""

from __future__ import annotations

from collections.abc import Mapping

NEEDED = (
    ("view_channel", "View Channel"),
    ("send_messages", "Send Messages"),
    ("embed_links", "Embed Links"),
    ("read_message_history", "Read Message History"),
)


def missing(bot_permissions: Mapping[str, bool]) -> list[str]:
    """The permissions a post needs that the bot lacks, as Discord names them."""
    return [label for flag, label in NEEDED if not bot_permissions.get(flag)]


def subscribe_refusal(
    member_sees: bool, bot_permissions: Mapping[str, bool], channel: str
) -> str | None:
    """Why this channel cannot be subscribed, in one line; None when it can."""
    if not member_sees:
        return f"You can't see {channel} yourself, so I won't post there on your behalf."
    lacking = missing(bot_permissions)
    if lacking:
        them = "it" if len(lacking) == 1 else "them"
        return (
            f"I can't post the digest in {channel}: I lack {', '.join(lacking)} there. "
            f"Give me {them} (channel settings -> Permissions), then subscribe again."
        )
    return None
