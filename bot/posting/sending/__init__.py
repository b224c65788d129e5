"""Sending posts: the scheduler and its slots, claim bookkeeping, failures and fan-out, and the
status-changed posts."""
