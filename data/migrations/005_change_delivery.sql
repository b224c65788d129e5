-- "Status changed" posts are claimed, then confirmed after the send (like scheduled posts), so
-- a crash or SIGTERM between the two is settled from the channel's history at the next run
-- instead of losing the post. Deliveries recorded before this were settled when written.
ALTER TABLE change_posts ADD COLUMN sent_at TEXT;  -- ISO UTC; NULL: claimed, not yet confirmed
UPDATE change_posts SET sent_at = claimed_at;
