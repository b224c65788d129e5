"""Extraction: from articles to sentences, entity mentions, cast pairs, status claims, lore.

Every rule here is about wording, not about a known article: a new article that uses the same
forms ("X as Y", "Y (X)", "Y (played by X)", "X (who plays Y)") yields new facts on rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.facts.curated import EntityDef, Lexicon
from bot.facts.manifest import Source
from bot.facts.names import exact_key, looks_like_korean_name, slug
from bot.facts.text import (
    MONTHS,
    PhraseSet,
    Repairer,
    Span,
    collapse_ws,
    is_heading,
    split_sentences,
)


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


@dataclass
class CastPair:
    """An actor and the character they play (None: role not revealed yet)."""

    actor_id: str
    character_id: str | None
    new_cast: bool = False
    evidence: dict[int, str] = field(default_factory=dict)  # sentence id -> form


@dataclass
class Extraction:
    """Everything the builder stores, in deterministic order."""

    sentences: list[Sentence]
    entities: dict[str, EntityDef]
    mentions: list[tuple[int, str]]
    pairs: list[CastPair]
    returns: list[tuple[str, int, bool, bool]]
    claims: list[Claim]
    lore: list[tuple[int, str, float]]


# --- entities -------------------------------------------------------------------------------

_TOKEN_RX = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[\s.\-‐]*")


class EntityIndex:
    """Finds entity mentions in text and resolves a printed name to an entity.

    Mentions are found token by token through a first-token index, so the cost per sentence
    does not grow with the number of known names (a regex alternation of thousands does).
    """

    def __init__(self, entities: Iterable[EntityDef]):
        self.entities: dict[str, EntityDef] = {}
        self._by_key: dict[str, str] = {}
        self._first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for e in entities:
            self.add(e)

    def add(self, entity: EntityDef) -> None:
        """Register an entity (curated or discovered); aliases already taken keep their owner."""
        self.entities[entity.id] = entity
        for alias in entity.all_aliases():
            if self._by_key.setdefault(exact_key(alias), entity.id) != entity.id:
                continue
            tokens = tuple(t.lower() for t in _TOKEN_RX.findall(alias))
            if not tokens:
                continue
            variants = {tokens, ("".join(tokens),)}
            for v in variants:
                self._first.setdefault(v[0], []).append((v, entity.id))

    def mentions(self, text: str) -> list[str]:
        """Ids of the entities named in text, in order of first mention."""
        spans = [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN_RX.finditer(text)]
        joined = [
            i > 0 and _GAP.fullmatch(text, spans[i - 1][2], spans[i][1]) is not None
            for i in range(len(spans))
        ]
        found: dict[str, None] = {}
        i = 0
        while i < len(spans):
            best: tuple[int, str] | None = None
            for tokens, eid in self._first.get(spans[i][0], ()):
                n = len(tokens)
                if (
                    i + n <= len(spans)
                    and all(spans[i + k][0] == tokens[k] and joined[i + k] for k in range(1, n))
                    and (best is None or n > best[0])
                ):
                    best = (n, eid)
            if best:
                found.setdefault(best[1], None)
                i += best[0]
            else:
                i += 1
        return list(found)

    def resolve(self, printed: str) -> str | None:
        """The entity a printed name refers to, trying shorter spans of it ('Director Lee JQ')."""
        tokens = printed.split()
        for size in range(len(tokens), 0, -1):
            for i in range(len(tokens) - size + 1):
                eid = self._by_key.get(exact_key(" ".join(tokens[i : i + size])))
                if eid:
                    return eid
        return None


# --- cast pairs -----------------------------------------------------------------------------

_TOKEN = r"[A-Z][\w']*(?:-[A-Za-z]+)*"
_NAME = rf"{_TOKEN}(?:\s{_TOKEN}){{0,2}}"
# Each form names which group is the actor ("a") and which the character ("c"), as printed.
_CAST_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "played by",
        re.compile(rf"(?P<c>{_NAME})\s*\((?:played|portrayed|voiced)\s+by\s+(?P<a>{_NAME})"),
    ),
    (
        "who plays",
        re.compile(
            rf"(?P<a>{_NAME})\s*[(,]\s*who\s+(?:plays|portrays|played|portrayed)\s+(?:[a-z]+\s+){{0,3}}(?P<c>{_NAME})"
        ),
    ),
    ("plays", re.compile(rf"(?P<a>{_NAME})\s+(?:plays|portrays|stars\s+as)\s+(?P<c>{_NAME})")),
    ("parenthesis", re.compile(rf"(?P<c>{_NAME})\s*\((?P<a>{_NAME})\)")),
    ("as", re.compile(rf"(?P<a>{_NAME})\s+(?P<mid>(?:[a-z]+\s+){{0,4}})as\s+(?P<c>{_NAME})")),
)
_NEW_CAST = re.compile(
    rf"(?P<a>{_NAME})\s+(?:has\s+been|was|is|have\s+been)\s+cast\b[^.]*?\bas\s+(?:an?\s+)?new\s+(?:character|role)"
)


def _best_unknown(printed: str) -> str | None:
    tokens = printed.split()
    for size in range(len(tokens), 1, -1):
        for i in range(len(tokens) - size + 1):
            cand = " ".join(tokens[i : i + size])
            if looks_like_korean_name(cand):
                return cand
    return None


class _CastCollector:
    def __init__(self, index: EntityIndex):
        self.index = index
        self.pairs: dict[tuple[str, str | None], CastPair] = {}

    def _entity(self, printed: str, kind: str) -> str | None:
        eid = self.index.resolve(printed)
        if eid:
            return eid
        name = _best_unknown(printed)
        if not name:
            return None
        entity = EntityDef(id=f"{kind}:{slug(name)}", kind=kind, name=name, curated=False)
        self.index.add(entity)
        return entity.id

    def _kind(self, printed: str) -> str | None:
        eid = self.index.resolve(printed)
        return self.index.entities[eid].kind if eid else None

    def collect(self, sentence: Sentence) -> None:
        text = sentence.display
        for form, rx in _CAST_FORMS:
            for m in rx.finditer(text):
                a, c = m.group("a"), m.group("c")
                ka, kc = self._kind(a), self._kind(c)
                if ka == "character" or kc == "actor":  # printed the other way round: resolve it
                    a, c, ka, kc = c, a, kc, ka
                    form = f"{form} (reversed)"
                if ka not in (None, "actor") or kc not in (None, "character"):
                    continue
                actor, character = self._entity(a, "actor"), self._entity(c, "character")
                if actor and character:
                    self._add(actor, character, sentence.id, form, new=False)
        for m in _NEW_CAST.finditer(text):
            if self._kind(m.group("a")) in (None, "actor") and (
                actor := self._entity(m.group("a"), "actor")
            ):
                self._add(actor, None, sentence.id, "new cast", new=True)

    def _add(self, actor: str, character: str | None, sid: int, form: str, new: bool) -> None:
        pair = self.pairs.setdefault((actor, character), CastPair(actor, character, new_cast=new))
        pair.evidence.setdefault(sid, form)

    def result(self) -> list[CastPair]:
        # A "role not revealed" entry is dropped once a source names the actor's role.
        named = {a for (a, c) in self.pairs if c is not None}
        return sorted(
            (p for (a, c), p in self.pairs.items() if c is not None or a not in named),
            key=lambda p: (p.actor_id, p.character_id or ""),
        )


# --- claims ---------------------------------------------------------------------------------

_MONTHS = "|".join(m.lower() for m in MONTHS)
_TIME = re.compile(
    r"(?:(?:early|late|mid|later in|earlier in|(?:the )?(?:first|second) half of|(?:the )?end of|"
    r"spring|summer|fall|autumn|winter)[\s-]+)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_EPISODES = re.compile(r"\b(\d{1,3})\s+(?:[a-z-]+\s+)?episodes\b", re.IGNORECASE)


_CLAUSE = re.compile(r"[,;:—–(]|\s-\s|\bbut\b|\bwhile\b|\balthough\b")


def negated_near(text: str, cue: PhraseSet, negation: PhraseSet) -> bool:
    """Whether a clause that carries the cue is negated ("..., but filming has not begun")."""
    return any(cue.any(c) and negation.any(c) for c in _CLAUSE.split(text))


def time_expressions(text: str) -> list[str]:
    """Dates and windows a sentence names: 'June 6, 2022', 'early 2024', 'Fall 2023'."""
    return [collapse_ws(m.group(0)) for m in _TIME.finditer(text)]


def _years(values: list[str]) -> list[int]:
    return [int(v[-4:]) for v in values]


def _claims(sentence: Sentence, source: Source, lex: Lexicon) -> list[Claim]:
    if sentence.kind != "text":
        return []
    text = sentence.display
    s2_here = lex.season2.any(text)
    s2_section = lex.season2.any(sentence.section)
    if lex.season1.any(text) and not s2_here:
        return []
    rumour = lex.rumour.any(text)
    hedged = rumour or lex.hedge.any(text)
    # A release date someone hoped for is no expectation; a rumour is never a confirmed "not yet".
    hoped = lex.hope.any(text)
    # "cast as a new character whose identity has not been revealed" is news, not a "no".
    plain = lex.role_hidden.remove(text)
    times = time_expressions(text)
    pub_year = int(source.published[:4])
    out: list[Claim] = []
    for tid, topic in lex.status.items():
        s2 = s2_here or (topic.section_context and s2_section)
        strong = topic.strong.any(text)
        if not (strong or (s2 and topic.weak.any(text))):
            continue
        negated = not rumour and (
            negated_near(plain, topic.strong, lex.negation)
            or (not strong and negated_near(plain, topic.weak, lex.negation))
        )
        value = ""
        if tid == "episodes":
            value = ", ".join(m.group(1) for m in _EPISODES.finditer(text))
        elif times and not (tid == "release" and hoped):
            if tid == "release" and max(_years(times)) < pub_year:
                continue  # a release already past when written: the first season's
            value = "; ".join(times)
        if topic.weak_needs_value and not strong and not (value or negated):
            continue
        out.append(Claim(tid, sentence.id, source.id, source.published, negated, hedged, value))
    if (
        not any(c.topic == "release" for c in out)
        and s2_here
        and times
        and not hoped
        and not lex.negation.any(text)
    ):
        # "we can get the season 2 in 2023": a Season 2 sentence naming a year still ahead.
        ahead = [t for t in times if int(t[-4:]) > pub_year]
        if ahead:
            out.append(
                Claim(
                    "release",
                    sentence.id,
                    source.id,
                    source.published,
                    False,
                    True,
                    "; ".join(ahead),
                )
            )
    return out


_SUBORDINATE = re.compile(r"\b(?:after|because|since|although|though|until|who|whom|which)\b")


def _returning(text: str, index: EntityIndex, lex: Lexicon) -> list[str]:
    """Entities a return sentence is about: those named in a stretch that carries the return
    cue, not in a subordinate clause beside it ("X will be back ... after Y died")."""
    parts = _SUBORDINATE.split(text)
    out: list[str] = []
    for i, part in enumerate(parts):
        if lex.returns.any(part):
            # "Yoon Chan-young (who plays Cheong-san) returns": the subject may sit one part back.
            for p in (parts[i - 1], part) if i else (part,):
                out.extend(index.mentions(p))
    return out


# --- lore -----------------------------------------------------------------------------------


def _lore(sentence: Sentence, lex: Lexicon) -> list[tuple[int, str, float]]:
    if sentence.kind != "text":
        return []
    text = sentence.display
    out: list[tuple[int, str, float]] = []
    for tid, topic in lex.lore.items():
        strong = len(topic.strong.find(text))
        in_section = topic.strong.any(sentence.section)
        weak = len(topic.weak.find(text)) if (strong or in_section) else 0
        score = 3.0 * strong + 1.0 * min(weak, 3) + 2.0 * in_section
        if score >= 3.0:
            out.append((sentence.id, tid, score))
    return out


# --- the whole pass -------------------------------------------------------------------------


_STRAY = "”’.,;:)]}–—-·•| \t\n"  # not ' or ": they also open a quotation


def _trim_stray(body: str, span: Span) -> Span:
    """A sentence never opens on punctuation that closes or joins something before it
    (a closing quotation mark left over from the previous sentence, a dash, a comma)."""
    start = span.start
    while start < span.end - 1 and body[start] in _STRAY:
        start += 1
    return Span(start, span.end) if start != span.start else span


def _is_section_title(heading: str) -> bool:
    """A heading that opens a section; not an image caption ('Credits: X', lowercase alt text,
    a file name full of numbers)."""
    words = heading.split()
    numeric = sum(any(ch.isdigit() for ch in w) for w in words)
    return len(words) >= 3 and heading != heading.lower() and numeric * 3 < len(words)


def _sentences(sources: list[Source], repairer: Repairer, lex: Lexicon) -> list[Sentence]:
    out: list[Sentence] = []
    for source in sources:
        section = ""
        for seq, span in enumerate(split_sentences(source.body)):
            span = _trim_stray(source.body, span)
            quote = collapse_ws(source.body[span.start : span.end])
            display = repairer.repair(quote)
            kind = (
                "question"
                if display.endswith("?")
                else "heading"
                if is_heading(display)
                else "text"
            )
            out.append(
                Sentence(
                    id=len(out) + 1,
                    source_id=source.id,
                    seq=seq,
                    start=span.start,
                    end=span.end,
                    quote=quote,
                    display=display,
                    kind=kind,
                    section=section,
                    spoiler=False,  # decided once its mentions are known, in extract()
                )
            )
            if kind != "text" and _is_section_title(display):
                section = display
    return out


def extract(
    sources: list[Source],
    entities: list[EntityDef],
    repairer: Repairer,
    lex: Lexicon,
    progress: Callable[[str], None] | None = None,
) -> Extraction:
    """Run every extraction over the sources; `progress(title)` is called as each article ends."""
    sentences = _sentences(sources, repairer, lex)
    by_id = {s.id: s for s in sources}
    index = EntityIndex(entities)
    cast = _CastCollector(index)
    for s in sentences:
        cast.collect(s)  # first: it may discover new names the mention pass must know

    mentions: list[tuple[int, str]] = []
    returns: list[tuple[str, int, bool, bool]] = []
    claims: list[Claim] = []
    lore: list[tuple[int, str, float]] = []
    current = None
    for s in sentences:
        if progress is not None and s.source_id != current:
            current = s.source_id
            progress(by_id[current].title)
        named = index.mentions(s.display)
        mentions.extend((s.id, eid) for eid in named)
        s.spoiler = lex.spoilers.is_spoiler(
            s.display, any(index.entities[e].kind != "crew" for e in named)
        )
        kept = lex.return_exclude.remove(s.display)
        if s.kind == "text" and lex.returns.any(kept):
            negated = negated_near(kept, lex.returns, lex.negation)
            hedged = lex.hedge.any(s.display)
            returning = set(_returning(kept, index, lex))
            returns.extend(
                (eid, s.id, negated, hedged)
                for eid in named
                if eid in returning and index.entities[eid].kind in ("character", "actor")
            )
        claims.extend(_claims(s, by_id[s.source_id], lex))
        lore.extend(_lore(s, lex))
    return Extraction(
        sentences=sentences,
        entities=dict(sorted(index.entities.items())),
        mentions=mentions,
        pairs=cast.result(),
        returns=returns,
        claims=claims,
        lore=lore,
    )
