-- Exactly once under real faults (issue 19). A claim names who holds it and until when
-- (claim_until: the latest moment its holder may still send), so a second process never
-- settles a claim a live holder owns, and the history check after a crash looks only at the
-- messages between claimed_at and claim_until. The message id of a confirmed post is kept.
ALTER TABLE subscriptions ADD COLUMN claim_holder TEXT;
ALTER TABLE subscriptions ADD COLUMN claimed_at TEXT;
ALTER TABLE subscriptions ADD COLUMN claim_until TEXT;
ALTER TABLE subscriptions ADD COLUMN last_message_id INTEGER;
ALTER TABLE change_posts ADD COLUMN holder TEXT;
ALTER TABLE change_posts ADD COLUMN claim_until TEXT;
ALTER TABLE change_posts ADD COLUMN message_id INTEGER;
