"""The engine's reply: lines with citation markers and the citations they point to."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.facts.store import FactStore


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited sentence: its source and the verbatim quote."""

    source: str
    title: str
    published: str
    estimated: bool
    quote: str


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a reply; spoiler lines are hidden behind spoiler bars where that is on."""

    text: str
    spoiler: bool = False


@dataclass
class Answer:
    """What the engine says to one message."""

    command: str | None
    ok: bool
    match: str | None
    title: str
    lines: list[Line] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


class Citer:
    """Numbers cited sentences in order of first use: `cite(sentence_id)` -> '[n]'."""

    def __init__(self, store: FactStore):
        self._store = store
        self._numbers: dict[int, int] = {}
        self.citations: list[Citation] = []

    def cite(self, sentence_id: int) -> str:
        n = self._numbers.get(sentence_id)
        if n is None:
            s = self._store.sentences[sentence_id]
            src = self._store.sources[s.source_id]
            self.citations.append(
                Citation(src.id, src.title, src.published, src.estimated, s.quote)
            )
            n = self._numbers[sentence_id] = len(self.citations)
        return f"[{n}]"

    def cite_all(self, sentence_ids: list[int], limit: int = 3) -> str:
        """Markers for several sentences, e.g. '[1][2]'."""
        return "".join(self.cite(sid) for sid in sentence_ids[:limit])

    def spoiler(self, sentence_ids: list[int]) -> bool:
        """Whether any of these sentences is a spoiler."""
        return any(self._store.sentences[sid].spoiler for sid in sentence_ids)
