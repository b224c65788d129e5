"""Errors the bot reports to a person as one line, never as a traceback."""


class BuildError(Exception):
    """A source, the manifest or a curated data file cannot be used; the message names the file."""


class StoreError(Exception):
    """The fact store is missing, from another schema version, or unreadable."""
