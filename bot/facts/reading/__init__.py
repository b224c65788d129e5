"""Reading one article: sentences, names, cast pairs, descriptions, spoilers and Season 2 status
claims (claims/)."""
