"""Routing a free question: the answer the command that knows its subject proposes."""
