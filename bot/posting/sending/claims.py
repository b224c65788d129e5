"""Claim bookkeeping for scheduled posts: which slot is taken, confirmed, released or failing.

A slot is claimed (`claimed_slot`) before its post is sent and confirmed (`last_slot`, with
the message id) after. A claim names its holder and a lease (`claim_until`, the latest moment
the holder may still send): a crash in between leaves the claim set, and once its holder is
this process or its lease is over, the channel's messages between `claimed_at` and
`claim_until` say whether the post went out. The claims of one tick are taken in one
`BEGIN IMMEDIATE` transaction: two bot processes on one file never both take a slot, and
10,000 claims cost one commit. Every post carries `nonce()`, which Discord uses (with
`enforce_nonce`) to drop a second copy of the same post sent within a few minutes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import uuid

from bot.posting.settings.subscriptions import SettingsDB, Subscription, _iso

_KEY = "WHERE guild_id = ? AND channel_id = ?"
_CLEAR = "claimed_slot = NULL, claim_holder = NULL, claimed_at = NULL, claim_until = NULL"


def nonce(channel_id: int, key: str) -> str:
    """The nonce of one post (a channel and what it posts there: a slot, a change), the same
    in every process and every retry, within Discord's 25 characters."""
    digest = hashlib.blake2b(f"{channel_id}|{key}".encode(), digest_size=12).hexdigest()
    return f"h{digest}"


def new_holder() -> str:
    """A name for this process's claims: its host and pid, and a token of its own."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def slot_key(slot: dt.datetime) -> str:
    return f"slot {_iso(slot)}"


def settleable(sub: Subscription, holder: str, now: dt.datetime) -> bool:
    """Whether this process may settle the subscription's claim: it holds it, or the holder's
    lease is over (a claim a live holder owns is never released from under it)."""
    if sub.claimed_slot is None:
        return False
    mine = sub.claim_holder is None or sub.claim_holder == holder
    return mine or sub.claim_until is None or sub.claim_until <= now


_FREE = (
    "AND claimed_slot IS NULL AND paused_reason IS NULL AND (last_slot IS NULL OR last_slot < ?)"
)


async def claim(
    db: SettingsDB,
    posts: list[tuple[Subscription, dt.datetime, bool]],
    holder: str = "",
    now: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> list[bool]:
    """Take (sub, slot, skip) slots in one transaction for `holder`, from `now` until `until`
    (its lease); True for each one this call took.
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
        lease = (holder or None, _iso(now), _iso(until))
        for skip, setting in (
            (False, "claimed_slot = ?, claim_holder = ?, claimed_at = ?, claim_until = ?"),
            (True, "last_slot = ?"),
        ):
            await c.executemany(
                f"UPDATE subscriptions SET {setting} {_KEY}",
                [
                    (_iso(slot), *(() if skip else lease), sub.guild_id, sub.channel_id)
                    for (sub, slot, s), ok in zip(posts, taken, strict=True)
                    if ok and s is skip
                ],
            )
    return taken


Sent = tuple[Subscription, dt.datetime, int | None]  # sub, slot, message id (when known)


async def confirm(
    db: SettingsDB,
    sub: Subscription,
    slot: dt.datetime,
    fingerprint: str | None,
    message_id: int | None = None,
) -> None:
    """The post for `slot` went out: record it and forget any failures."""
    await confirm_many(db, [(sub, slot, message_id)], fingerprint)


async def confirm_many(db: SettingsDB, sent: list[Sent], fingerprint: str | None) -> None:
    """Confirm several sent posts in one transaction (a crash before this only leaves
    claims that the next start settles from the channels' history)."""
    if not sent:
        return
    async with db.immediate() as c:
        await c.executemany(
            f"UPDATE subscriptions SET last_slot = ?, {_CLEAR}, "
            "last_message_id = COALESCE(?, last_message_id), "
            "last_fingerprint = COALESCE(?, last_fingerprint), failures = 0, retry_at = NULL, "
            f"failing_since = NULL, last_error = NULL {_KEY}",
            [
                (_iso(slot), message_id, fingerprint, sub.guild_id, sub.channel_id)
                for sub, slot, message_id in sent
            ],
        )


async def held(db: SettingsDB) -> dict[tuple[int, int], tuple[str, str | None]]:
    """Every claim an unpaused subscription holds: (guild, channel) -> (slot, holder)."""
    rows = await db.conn.execute_fetchall(
        "SELECT guild_id, channel_id, claimed_slot, claim_holder FROM subscriptions "
        "WHERE claimed_slot IS NOT NULL AND paused_reason IS NULL"
    )
    return {(g, c): (slot, holder) for g, c, slot, holder in rows}


async def holds(db: SettingsDB, sub: Subscription, slot: dt.datetime | None = None) -> bool:
    """Just before a send: the subscription still exists unpaused and, for a scheduled post,
    still holds its claim on `slot` (an admin may have unsubscribed or resubscribed the channel
    while the slot was going out)."""
    sql = f"SELECT claimed_slot FROM subscriptions {_KEY} AND paused_reason IS NULL"
    rows = await db.conn.execute_fetchall(sql, (sub.guild_id, sub.channel_id))
    return bool(rows) and (slot is None or rows[0][0] == _iso(slot))


async def release(db: SettingsDB, sub: Subscription) -> None:
    """Give a claimed slot back unsent (shutdown, or a claim found unsent after a crash)."""
    await db.write(f"UPDATE subscriptions SET {_CLEAR} {_KEY}", (sub.guild_id, sub.channel_id))


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
    freed = f"{_CLEAR}, " if release else ""
    await db.write(
        f"UPDATE subscriptions SET {freed}failures = failures + 1, retry_at = ?, "
        f"failing_since = COALESCE(failing_since, ?), last_error = ? {_KEY}",
        (_iso(retry_at), _iso(now), error[:200], sub.guild_id, sub.channel_id),
    )


async def pause(db: SettingsDB, sub: Subscription, reason: str, *, release: bool = True) -> None:
    """Stop posting until `!status resume`; time, cadence and history are kept. A scheduled
    claim is dropped unless `release` is False (a change post paused it mid-slot)."""
    freed = f"{_CLEAR}, " if release else ""
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
