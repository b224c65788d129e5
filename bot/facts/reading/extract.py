"""Extraction: from articles to sentences, entity mentions, cast pairs, status claims, lore.

Every rule here is about wording, not about a known article: a new article that uses the same
forms ("X as Y", "Y (X)", "Y (played by X)", "X (who plays Y)") yields new facts on rebuild.
The rules live in entities.py (mentions), casting.py (cast pairs), status_claims.py (status
claims), claims/returns.py (returns), descriptions.py (what an article calls a person);
article.py runs them over one article and incremental.py over all of them.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.facts.building.incremental import NoCache, extract_cached
from bot.facts.building.records import Extraction
from bot.facts.curated import EntityDef, Lexicon
from bot.facts.sources.manifest import Source
from bot.facts.text import Repairer


def extract(
    sources: list[Source],
    entities: list[EntityDef],
    repairer: Repairer,
    lex: Lexicon,
    progress: Callable[[str], None] | None = None,
) -> Extraction:
    """Run every extraction over the sources, keeping nothing for a later build (the build's own
    pass, bot.facts.building.incremental, with an empty cache); `progress(title)` as each
    article is read."""
    return extract_cached(sources, entities, repairer, lex, NoCache(), "", progress)
