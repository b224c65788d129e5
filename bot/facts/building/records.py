"""What the builder extracts from articles, as plain records in deterministic order."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.facts.curated import EntityDef


@dataclass
class Sentence:
    """A sentence of an article, as stored."""

    id: int
    source_id: str
    seq: int
    start: int
    end: int
    quote: str
    display: str
    kind: str
    section: str
    spoiler: bool


@dataclass
class Claim:
    """A statement about one Season 2 status topic."""

    topic: str
    sentence_id: int
    source_id: str
    published: str
    negated: bool
    hedged: bool
    value: str
    state: str = ""  # a key of the topic's [labels]: "wrapped", "teaser:planned"...
    modality: str = "confirmed"  # confirmed | expected | rumoured | denied
    tense: str = "present"  # past | present | future
    season: int = 2


@dataclass
class CastPair:
    """An actor and the character they play (None: role not revealed yet)."""

    actor_id: str
    character_id: str | None
    new_cast: bool = False
    evidence: dict[int, str] = field(default_factory=dict)  # sentence id -> form


@dataclass(frozen=True)
class Description:
    """A description an article prints next to a person's name ("the villain character")."""

    entity_id: str
    sentence_id: int
    text: str
    form: str  # which sentence shape printed it


@dataclass
class Extraction:
    """Everything the builder stores, in deterministic order."""

    sentences: list[Sentence]
    entities: dict[str, EntityDef]
    mentions: list[tuple[int, str]]
    pairs: list[CastPair]
    returns: list[tuple[str, int, bool, int]]  # entity, sentence, negated, firmness (returns.py)
    claims: list[Claim]
    lore: list[tuple[int, str, float]]
    descriptions: list[Description] = field(default_factory=list)
