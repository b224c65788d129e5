"""The settings database and what admins set in it: subscriptions, options, time zones, its
migrations, lock and backup."""
