"""Gathering candidates: the sentences a question may be answered by, free search, a subject's
lines, lists, summary sections and outlets named in the text."""
