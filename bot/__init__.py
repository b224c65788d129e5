"""hyosan-bot: cited answers about *All of Us Are Dead* Season 2, from a fact store built from news."""

__version__ = "0.1.0"
