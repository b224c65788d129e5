"""What makes a text about the show: its names, from the `[show]` table of data/entities.toml."""

from __future__ import annotations

import re
from pathlib import Path

from bot.errors import BuildError
from bot.facts.sources.manifest import read_toml
from bot.facts.text import collapse_ws
from bot.paths import rel


def show_names(entities: Path) -> tuple[str, ...]:
    """The show's name and aliases (`[show]` in data/entities.toml)."""
    show = read_toml(entities).get("show")
    if not isinstance(show, dict) or not isinstance(show.get("name"), str):
        raise BuildError(f"{rel(entities)}: needs a [show] table with a 'name'")
    names = [show["name"], *show.get("aliases", [])]
    return tuple(n for n in names if isinstance(n, str) and n.strip())


def _folded(text: str) -> str:
    return collapse_ws(re.sub(r"[^\w\s]", " ", text.lower()))


def is_about_show(text: str, names: tuple[str, ...]) -> bool:
    """Whether `text` names the show (any spelling listed, whole words, case and punctuation
    aside)."""
    folded = f" {_folded(text)} "
    return any(f" {_folded(n)} " in folded for n in names if _folded(n))
