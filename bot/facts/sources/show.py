"""What makes a text about the show: its names, from the `[show]` table of data/entities.toml,
or enough of the show's own people (its characters, cast and crew, the entities listed there).

A fan roundup may never print the title ("our Season 2 roundup") yet name Cheong-san, Gwi-nam
and the actors who play them; a piece about another series that mentions one of the cast names
one person and none of the show's characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bot.errors import BuildError
from bot.facts.curated import EntityDef
from bot.facts.reading.entities import EntityIndex
from bot.facts.sources.manifest import read_toml
from bot.facts.text import collapse_ws
from bot.paths import rel

# Without its title, a text is about the show when it names this many of the show's people,
# at least one of them a character of the show (actors and crew also work on other series).
OWN_PEOPLE = 3


def show_names(entities: Path) -> tuple[str, ...]:
    """The show's name and aliases (`[show]` in data/entities.toml)."""
    show = read_toml(entities).get("show")
    if not isinstance(show, dict) or not isinstance(show.get("name"), str):
        raise BuildError(f"{rel(entities)}: needs a [show] table with a 'name'")
    names = [show["name"], *show.get("aliases", [])]
    return tuple(n for n in names if isinstance(n, str) and n.strip())


def _folded(text: str) -> str:
    return collapse_ws(re.sub(r"[^\w\s]", " ", text.lower()))


def names_title(text: str, names: tuple[str, ...]) -> bool:
    """Whether `text` names the show (any spelling listed, whole words, case and punctuation
    aside)."""
    folded = f" {_folded(text)} "
    return any(f" {_folded(n)} " in folded for n in names if _folded(n))


def names_own_people(text: str, entities: Iterable[EntityDef]) -> bool:
    """Whether `text` names OWN_PEOPLE of the show's people, one of them a character."""
    index = EntityIndex(entities)
    named = index.mentions(text)
    kinds = [index.entities[eid].kind for eid in named]
    return len(named) >= OWN_PEOPLE and "character" in kinds


def is_about_show(text: str, names: tuple[str, ...], entities: Iterable[EntityDef] = ()) -> bool:
    """Whether `text` names the show, or (given the show's entities) enough of its people."""
    return names_title(text, names) or names_own_people(text, entities)
