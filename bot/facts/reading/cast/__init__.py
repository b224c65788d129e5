"""Cast news beyond one pair's wording: a season's cast printed as a list, names no curated
list knows."""
