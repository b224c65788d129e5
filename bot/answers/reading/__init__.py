"""Stage 1, a question is read: what a fan's message asks for (answer type, season, names,
predicate concepts), fuzzy matching of what fans type, and the frame a follow-up reuses.
"""
