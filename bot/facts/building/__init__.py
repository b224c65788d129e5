"""Building the fact store: the records, the per-article cache, the inputs' version and the
atomic write."""
