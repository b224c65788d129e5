"""Claim bookkeeping for scheduled posts: which slot is taken, confirmed, released or failing.

A slot is claimed (`claimed_slot`) before its post is sent and confirmed (`last_slot`) after.
A crash in between leaves the claim set, and the next start asks the channel whether the post
went out. The claims of one tick are taken in one `BEGIN IMMEDIATE` transaction: two bot
processes on one file never both take a slot, and 10,000 claims cost one commit.
"""

from __future__ import annotations

import datetime as dt

from bot.posting.subscriptions import SettingsDB, Subscription, _iso

_KEY = "WHERE guild_id = ? AND channel_id = ?"
_FREE = (
    "AND claimed_slot IS NULL AND paused_reason IS NULL AND (last_slot IS NULL OR last_slot < ?)"
)


async def claim(
    db: SettingsDB, posts: list[tuple[Subscription, dt.datetime, bool]]
) -> list[bool]:
    """Take (sub, slot, skip) slots in one transaction; True for each one this call took.
    A skipped slot (an on-change digest that did not change) is confirmed at once.
    A few statements whatever the count: under BEGIN IMMEDIATE no other writer can run
    between finding the free rows and taking them."""
    if not posts:
        return []
    async with db.immediate() as c:
        await c.execute(
            "CREATE TEMP TABLE IF NOT EXISTS wanted "
            "(guild_id INTEGER, channel_id INTEGER, slot TEXT, PRIMARY KEY (guild_id, channel_id))"
        )
        await c.execute("DELETE FROM wanted")
        await c.executemany(
            "INSERT OR REPLACE INTO wanted VALUES (?, ?, ?)",
            [(sub.guild_id, sub.channel_id, _iso(slot)) for sub, slot, _ in posts],
        )
        free = {
            (g, ch)
            for g, ch in await c.execute_fetchall(
                "SELECT w.guild_id, w.channel_id FROM wanted w JOIN subscriptions s "
                "ON s.guild_id = w.guild_id AND s.channel_id = w.channel_id "
                "WHERE s.claimed_slot IS NULL AND s.paused_reason IS NULL "
                "AND (s.last_slot IS NULL OR s.last_slot < w.slot)"
            )
        }
        taken = [(sub.guild_id, sub.channel_id) in free for sub, _, _ in posts]
        for skip, column in ((False, "claimed_slot"), (True, "last_slot")):
            await c.executemany(
                f"UPDATE subscriptions SET {column} = ? {_KEY}",
                [
                    (_iso(slot), sub.guild_id, sub.channel_id)
                    for (sub, slot, s), ok in zip(posts, taken, strict=True)
                    if ok and s is skip
                ],
            )
    return taken


async def confirm(
    db: SettingsDB, sub: Subscription, slot: dt.datetime, fingerprint: str | None
) -> None:
    """The post for `slot` went out: record it and forget any failures."""
    await confirm_many(db, [(sub, slot)], fingerprint)


async def confirm_many(
    db: SettingsDB, sent: list[tuple[Subscription, dt.datetime]], fingerprint: str | None
) -> None:
    """Confirm several sent posts in one transaction (a crash before this only leaves
    claims that the next start settles from the channels' history)."""
    if not sent:
        return
    async with db.immediate() as c:
        await c.executemany(
            "UPDATE subscriptions SET last_slot = ?, claimed_slot = NULL, "
            "last_fingerprint = COALESCE(?, last_fingerprint), failures = 0, retry_at = NULL, "
            f"failing_since = NULL, last_error = NULL {_KEY}",
            [(_iso(slot), fingerprint, sub.guild_id, sub.channel_id) for sub, slot in sent],
        )


async def held(db: SettingsDB) -> dict[tuple[int, int], str]:
    """Every claim an unpaused subscription holds: (guild, channel) -> slot (ISO UTC)."""
    rows = await db.conn.execute_fetchall(
        "SELECT guild_id, channel_id, claimed_slot FROM subscriptions "
        "WHERE claimed_slot IS NOT NULL AND paused_reason IS NULL"
    )
    return {(g, c): slot for g, c, slot in rows}


async def holds(db: SettingsDB, sub: Subscription, slot: dt.datetime | None = None) -> bool:
    """Just before a send: the subscription still exists unpaused and, for a scheduled post,
    still holds its claim on `slot` (an admin may have unsubscribed or resubscribed the channel
    while the slot was going out)."""
    sql = f"SELECT claimed_slot FROM subscriptions {_KEY} AND paused_reason IS NULL"
    rows = await db.conn.execute_fetchall(sql, (sub.guild_id, sub.channel_id))
    return bool(rows) and (slot is None or rows[0][0] == _iso(slot))


async def release(db: SettingsDB, sub: Subscription) -> None:
    """Give a claimed slot back unsent (shutdown, or a claim found unsent after a crash)."""
    await db.write(
        f"UPDATE subscriptions SET claimed_slot = NULL {_KEY}", (sub.guild_id, sub.channel_id)
    )


async def failed(
    db: SettingsDB,
    sub: Subscription,
    now: dt.datetime,
    retry_at: dt.datetime,
    error: str,
    *,
    release: bool = True,
) -> None:
    """A send failed for a reason worth retrying: back off, and give the slot back unless
    `release` is False (the post may be out: the claim is settled from the channel's history;
    or the failure was a change post's, which leaves the scheduled claim alone)."""
    freed = "claimed_slot = NULL, " if release else ""
    await db.write(
        f"UPDATE subscriptions SET {freed}failures = failures + 1, retry_at = ?, "
        f"failing_since = COALESCE(failing_since, ?), last_error = ? {_KEY}",
        (_iso(retry_at), _iso(now), error[:200], sub.guild_id, sub.channel_id),
    )


async def pause(db: SettingsDB, sub: Subscription, reason: str, *, release: bool = True) -> None:
    """Stop posting until `!status resume`; time, cadence and history are kept. A scheduled
    claim is dropped unless `release` is False (a change post paused it mid-slot)."""
    freed = "claimed_slot = NULL, " if release else ""
    await db.write(
        f"UPDATE subscriptions SET paused_reason = ?, {freed}retry_at = NULL {_KEY}",
        (reason[:200], sub.guild_id, sub.channel_id),
    )
    db.claims_changed += 1


async def record_fingerprint(db: SettingsDB, sub: Subscription, fingerprint: str) -> None:
    """A post outside the schedule (a "status changed" post) showed this digest: an on-change
    subscription then skips its next slot unless the digest changes again."""
    await db.write(
        f"UPDATE subscriptions SET last_fingerprint = ? {_KEY}",
        (fingerprint, sub.guild_id, sub.channel_id),
    )
