"""Season 2 status: the claims resolved per topic, and how values compare."""
