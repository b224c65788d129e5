-- Time zones (issue 14). Only adds columns: every existing subscription keeps posting at the
-- same UTC time, because its post_time and weekday were UTC and its zone becomes 'UTC'.
ALTER TABLE guild_settings ADD COLUMN timezone TEXT NOT NULL DEFAULT 'UTC';  -- for new subs
ALTER TABLE subscriptions ADD COLUMN zone TEXT NOT NULL DEFAULT 'UTC';  -- post_time/weekday's zone
