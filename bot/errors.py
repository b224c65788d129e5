"""Errors the bot reports to a person as one line, never as a traceback."""


class BuildError(Exception):
    """A source, the manifest or a curated data file cannot be used; the message names the file."""


class StoreError(Exception):
    """The fact store is missing, from another schema version, or unreadable."""


class SettingsError(Exception):
    """The settings database cannot be opened, checked or upgraded; the message names the file."""
