"""The questions behind Quotes buttons too long for a custom_id, kept in the settings DB
against the answer's message id (migration 007), so the button works after a restart."""

from __future__ import annotations

import datetime as dt

from bot.answers.types import Answer
from bot.posting.sending.changes import answer_from_json
from bot.posting.settings.subscriptions import SettingsDB


async def remember(db: SettingsDB, message_id: int, query: str, now: dt.datetime) -> None:
    await db.write(
        "INSERT OR REPLACE INTO quoted_messages VALUES (?, ?, ?)",
        (message_id, query, now.astimezone(dt.UTC).isoformat()),
    )


async def recall(db: SettingsDB, message_id: int) -> str | None:
    rows = await db.conn.execute_fetchall(
        "SELECT query FROM quoted_messages WHERE message_id = ?", (message_id,)
    )
    return rows[0][0] if rows else None


async def change_post(db: SettingsDB, change_id: int) -> Answer | None:
    """The "status changed" post of a change, as it was posted."""
    rows = await db.conn.execute_fetchall(
        "SELECT answer FROM status_changes WHERE id = ?", (change_id,)
    )
    return answer_from_json(rows[0][0]) if rows else None
