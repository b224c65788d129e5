"""Shared helpers of the facts tests: the curated lexicon, and a cast collector over the curated
entities and lexicon."""

from __future__ import annotations

import pytest

from bot.facts.building.records import Sentence
from bot.facts.curated import load_entities, load_lexicon
from bot.facts.reading.casting import CastCollector
from bot.facts.reading.entities import EntityIndex
from bot.paths import DATA


@pytest.fixture(scope="module")
def lex():
    return load_lexicon(DATA / "lexicon.toml")


@pytest.fixture()
def collector():
    titles = load_lexicon(DATA / "lexicon.toml").claims["values"]["titles"]
    return CastCollector(EntityIndex(load_entities(DATA / "entities.toml")), titles)


def pairs(collector: CastCollector, *texts: str) -> set[tuple[str, str | None, bool]]:
    """(actor, character, new cast) for every pair the collector reads in the texts."""
    for n, text in enumerate(texts, 1):
        collector.collect(Sentence(n, "x", n, 0, len(text), text, text, "text", "", False))
    names = collector.index.entities
    return {
        (names[p.actor_id].name, names[p.character_id].name if p.character_id else None, p.new_cast)
        for p in collector.result()
    }
