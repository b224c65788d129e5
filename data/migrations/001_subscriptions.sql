-- Server settings and Season 2 status subscriptions. Kept apart from the fact store, so
-- rebuilding facts never touches them.
CREATE TABLE guild_settings (
    guild_id  INTEGER PRIMARY KEY,
    spoilers  INTEGER NOT NULL DEFAULT 1        -- wrap Season 1 deaths and twists in spoiler bars
);

CREATE TABLE subscriptions (
    guild_id          INTEGER NOT NULL,
    channel_id        INTEGER NOT NULL,
    subscriber_id     INTEGER NOT NULL,
    post_time         TEXT NOT NULL,            -- HH:MM, UTC
    cadence           TEXT NOT NULL,            -- daily | weekly
    weekday           INTEGER NOT NULL,         -- 0 = Monday; the day of a weekly post
    on_change         INTEGER NOT NULL,         -- 1: skip a slot whose digest equals the last one
    created_at        TEXT NOT NULL,            -- ISO UTC; slots before it are never posted
    last_slot         TEXT,                     -- ISO UTC of the last slot claimed (posted/skipped)
    last_fingerprint  TEXT,                     -- digest fingerprint of the last post
    paused_reason     TEXT,                     -- set when the channel is gone or forbidden
    PRIMARY KEY (guild_id, channel_id)
);
