"""hyosan-bot: cited answers about *All of Us Are Dead* Season 2, from news articles."""

__version__ = "0.1.0"
