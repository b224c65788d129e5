"""Curated data files: entities (names and aliases), the display repair table, the lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BuildError
from bot.facts.reading.names import given_name
from bot.facts.reading.spoilers import SpoilerRules
from bot.facts.sources.manifest import read_toml
from bot.facts.text import PhraseSet, Repairer
from bot.paths import rel

KINDS = ("character", "actor", "crew")
STATUS_TOPICS = ("renewal", "filming", "trailer", "release", "episodes", "cast")


@dataclass
class EntityDef:
    """A character, actor or crew member and every spelling it goes by."""

    id: str
    kind: str
    name: str
    hangul: str = ""
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    curated: bool = True

    def all_aliases(self) -> list[str]:
        """Name, listed aliases, Hangul, and for a character its given name; no duplicates."""
        names = [self.name, *self.aliases]
        if self.hangul:
            names.append(self.hangul)
        if self.kind == "character" and (g := given_name(self.name)):
            names.append(g)
        return list(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class Topic:
    """A status or lore topic: how it is named and which phrases signal it."""

    id: str
    label: str
    strong: PhraseSet
    weak: PhraseSet
    names: tuple[str, ...] = ()
    section_context: bool = False
    weak_needs_value: bool = False
    states: dict[str, str] = field(default_factory=dict)
    season: int = 0  # a lore topic of one season's story ("The Season 1 ending"), or 0


@dataclass(frozen=True)
class Lexicon:
    """Cue phrases and topics, compiled."""

    season2: PhraseSet
    season1: PhraseSet
    negation: PhraseSet
    returns: PhraseSet
    return_exclude: PhraseSet
    role_hidden: PhraseSet
    hope: PhraseSet
    spoilers: SpoilerRules
    status: dict[str, Topic]
    lore: dict[str, Topic]
    ask: dict[str, dict[str, list[str]]]
    # [claims.*]: how a claim reads (modality, states per topic, values); see
    # bot/facts/reading/claims/
    claims: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # The show's own names ([show] in data/entities.toml), set by the builder: a sentence that
    # names the series itself, with no season word, may be about its first season.
    show: PhraseSet = field(default_factory=lambda: PhraseSet(()))
    # Season 2 by its number ("second season"), a season named as the article's own ("the new
    # installment"), and the words of production news, which tells no story lore ([cues]).
    season2_numbered: PhraseSet = field(default_factory=lambda: PhraseSet(()))
    season_relative: PhraseSet = field(default_factory=lambda: PhraseSet(()))
    production_news: PhraseSet = field(default_factory=lambda: PhraseSet(()))


def _strings(value: object, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise BuildError(f"{where}: must be a list of non-empty strings")
    return [v.strip() for v in value]


def load_entities(path: Path) -> list[EntityDef]:
    """Entities from data/entities.toml, validated."""
    doc = read_toml(path)
    out: list[EntityDef] = []
    seen: set[str] = set()
    for n, e in enumerate(doc.get("entity", []), 1):
        where = f"{rel(path)}: entity #{n}"
        if not isinstance(e, dict) or not isinstance(e.get("id"), str) or not e["id"]:
            raise BuildError(f"{where}: needs an 'id'")
        where = f"{rel(path)}: entity '{e['id']}'"
        if e["id"] in seen:
            raise BuildError(f"{where}: listed twice")
        seen.add(e["id"])
        if e.get("kind") not in KINDS:
            raise BuildError(f"{where}: kind must be one of {', '.join(KINDS)}")
        if not isinstance(e.get("name"), str) or not e["name"].strip():
            raise BuildError(f"{where}: needs a 'name'")
        out.append(
            EntityDef(
                id=e["id"],
                kind=e["kind"],
                name=e["name"].strip(),
                hangul=str(e.get("hangul", "")).strip(),
                aliases=_strings(e.get("aliases"), f"{where}: aliases"),
                roles=_strings(e.get("roles"), f"{where}: roles"),
            )
        )
    if not out:
        raise BuildError(f"{rel(path)}: no [[entity]] entries")
    return out


def load_repairs(path: Path) -> Repairer:
    """The display repair table."""
    doc = read_toml(path)
    table: list[tuple[str, str]] = []
    for n, r in enumerate(doc.get("repair", []), 1):
        if not isinstance(r, dict) or not isinstance(r.get("from"), str) or not r["from"].strip():
            raise BuildError(f"{rel(path)}: repair #{n} needs a non-empty 'from'")
        if not isinstance(r.get("to"), str):
            raise BuildError(f"{rel(path)}: repair #{n} needs a 'to' string")
        table.append((r["from"].strip(), r["to"]))
    return Repairer(table)


def _topics(
    doc: dict, section: str, path: Path, required: tuple[str, ...] = ()
) -> dict[str, Topic]:
    table = doc.get(section)
    if not isinstance(table, dict) or not table:
        raise BuildError(f"{rel(path)}: no [{section}.*] topics")
    missing = [t for t in required if t not in table]
    if missing:
        raise BuildError(f"{rel(path)}: [{section}] lacks {', '.join(missing)}")
    topics: dict[str, Topic] = {}
    for tid, t in table.items():
        where = f"{rel(path)}: [{section}.{tid}]"
        if not isinstance(t, dict) or not isinstance(t.get("label"), str):
            raise BuildError(f"{where}: needs a 'label'")
        strong = _strings(t.get("strong"), f"{where} strong")
        if not strong:
            raise BuildError(f"{where}: needs 'strong' phrases")
        topics[tid] = Topic(
            id=tid,
            label=t["label"],
            strong=PhraseSet(strong),
            weak=PhraseSet(_strings(t.get("weak"), f"{where} weak")),
            names=tuple(_strings(t.get("names"), f"{where} names")),
            section_context=bool(t.get("section_context", False)),
            weak_needs_value=bool(t.get("weak_needs_value", False)),
            states=_states(t.get("states"), t.get("labels"), where) if section == "status" else {},
            season=int(t.get("season", 0)) if isinstance(t.get("season", 0), int) else 0,
        )
    return topics


def _states(value: object, labels: object, where: str) -> dict[str, str]:
    """The stance wordings (yes, no, expected) and, from [labels], how each claim state reads
    ("wrapped", "teaser:planned"...): one table the store keeps per topic."""
    if not isinstance(value, dict) or not all(
        isinstance(value.get(k), str) for k in ("yes", "no", "expected")
    ):
        raise BuildError(f"{where}: 'states' needs yes, no and expected strings")
    labels = labels or {}
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise BuildError(f"{where}: 'labels' must map claim states to strings")
    return {**{k: value[k] for k in ("yes", "no", "expected")}, **labels}


def _ask(doc: dict, path: Path) -> dict[str, dict[str, list[str]]]:
    """Every [ask.*] table (phrase lists the engine reads), checked."""
    ask = doc.get("ask", {})
    out: dict[str, dict[str, list[str]]] = {}
    for group in sorted({"status", "roles", *ask}):
        table = ask.get(group, {})
        if not isinstance(table, dict):
            raise BuildError(f"{rel(path)}: [ask.{group}] must be a table")
        out[group] = {k: _strings(v, f"{rel(path)}: ask.{group}.{k}") for k, v in table.items()}
    return out


def _claims(doc: dict, path: Path) -> dict[str, dict[str, list[str]]]:
    """[claims.modality], [claims.values] and [claims.states.<topic>] as flat phrase tables
    ("modality", "values", "states.filming")."""
    out: dict[str, dict[str, list[str]]] = {}
    for group, table in doc.get("claims", {}).items():
        if group == "states":
            items = [(f"states.{t}", v) for t, v in table.items()]
        else:
            items = [(group, table)]
        for name, t in items:
            if not isinstance(t, dict):
                raise BuildError(f"{rel(path)}: [claims.{name}] must be a table")
            out[name] = {k: _strings(v, f"{rel(path)}: claims.{name}.{k}") for k, v in t.items()}
    return out


def _topic_words(topics: dict[str, Topic]) -> dict[str, list[str]]:
    """Each topic's strong and weak phrases, so the engine can tell what a sentence is about."""
    return {tid: [*t.strong.phrases, *t.weak.phrases] for tid, t in topics.items()}


def load_lexicon(path: Path) -> Lexicon:
    """Cue phrases and topics from data/lexicon.toml."""
    doc = read_toml(path)
    cues = doc.get("cues")
    if not isinstance(cues, dict):
        raise BuildError(f"{rel(path)}: no [cues] table")

    def cue(name: str, required: bool = True) -> PhraseSet:
        values = _strings(cues.get(name), f"{rel(path)}: cues.{name}")
        if required and not values:
            raise BuildError(f"{rel(path)}: cues.{name} is missing")
        return PhraseSet(values)

    status = _topics(doc, "status", path, STATUS_TOPICS)
    lore = _topics(doc, "lore", path)
    ask = _ask(doc, path)
    ask["status_words"] = _topic_words(status)
    ask["lore_words"] = _topic_words(lore)
    return Lexicon(
        season2=cue("season2"),
        season1=cue("season1"),
        negation=cue("negation"),
        returns=cue("return"),
        return_exclude=cue("return_exclude", required=False),
        role_hidden=cue("role_hidden"),
        hope=cue("hope", required=False),
        spoilers=SpoilerRules.from_table(doc.get("spoilers", {}), rel(path)),
        status=status,
        lore=lore,
        ask=ask,
        claims=_claims(doc, path),
        season2_numbered=cue("season2_numbered", required=False),
        season_relative=cue("season_relative", required=False),
        production_news=cue("production_news", required=False),
    )
