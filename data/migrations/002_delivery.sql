-- Exactly-once delivery and the failure policy (issue 11).
-- claimed_slot: a slot taken for posting whose send is not yet confirmed. A crash leaves it
-- set; at the next start the channel's recent messages decide whether it was sent.
ALTER TABLE subscriptions ADD COLUMN claimed_slot TEXT;
-- Consecutive failed sends, when the next try may happen, since when it has been failing,
-- and the last error (a 400 that repeats pauses the subscription).
ALTER TABLE subscriptions ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN retry_at TEXT;
ALTER TABLE subscriptions ADD COLUMN failing_since TEXT;
ALTER TABLE subscriptions ADD COLUMN last_error TEXT;
