-- "Status changed" posts: one row per change of the Season 2 digest the bot reloaded, one
-- claim per subscription it went to (taken before sending, so a restart never posts it
-- twice), and the channels that opted out (`!status subscribe #channel changes:off`).
CREATE TABLE status_changes (
    id           INTEGER PRIMARY KEY,
    fingerprint  TEXT NOT NULL,             -- digest fingerprint after the change
    created_at   TEXT NOT NULL,             -- ISO UTC; later subscriptions never get it
    answer       TEXT NOT NULL              -- the post: JSON title, lines and citations
);

CREATE TABLE change_posts (
    change_id    INTEGER NOT NULL REFERENCES status_changes(id),
    guild_id     INTEGER NOT NULL,
    channel_id   INTEGER NOT NULL,
    claimed_at   TEXT NOT NULL,
    PRIMARY KEY (change_id, guild_id, channel_id)
);

CREATE TABLE change_optout (
    guild_id     INTEGER NOT NULL,
    channel_id   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

-- The digest the bot last announced or started with, so a store changed while the bot was
-- stopped is announced at the next start (one row).
CREATE TABLE digest_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint  TEXT NOT NULL,
    snapshot     TEXT NOT NULL              -- JSON: per topic [state key, how it reads]
);
