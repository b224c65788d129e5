"""The engine's reply: lines with footnote markers and the quotes they point to.

Footnotes number *articles*, in order of first use: an article is one footnote however many of
its sentences an answer rests on. Each quote is still kept (one `Citation` per sentence, carrying
its footnote number `n`), so the Quotes view and `ask --json` can show every word cited.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.facts.store import FactStore, SourceInfo

LABEL_LIMIT = 40  # characters of an article's short label: one line on a phone


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited sentence: its article, the footnote it is shown under, and the verbatim quote."""

    source: str
    title: str
    published: str
    estimated: bool
    quote: str
    n: int = 0
    label: str = ""
    spoiler: bool = False
    url: str = ""  # the article's address, when known: the Sources block links it
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a reply; spoiler lines are hidden behind spoiler bars where that is on."""

    text: str
    spoiler: bool = False


@dataclass
class Answer:
    """What the engine says to one message. `query` is the message it answers (as the engine
    read it), so the same answer, and its quotes, can be rebuilt later."""

    command: str | None
    ok: bool
    match: str | None
    title: str
    lines: list[Line] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    query: str = ""
    # `!ask`'s reading of the question (a frame.Frame), for a follow-up to reuse; not rendered
    frame: object | None = None

    @property
    def articles(self) -> list[Citation]:
        """The first citation of each footnote, in footnote order: one per article."""
        seen: dict[int, Citation] = {}
        for c in self.citations:
            seen.setdefault(c.n, c)
        return [seen[n] for n in sorted(seen)]

    def quotes(self) -> list[tuple[Citation, list[Citation]]]:
        """Every quote grouped under its footnote's article, in footnote order."""
        groups: dict[int, list[Citation]] = {}
        for c in self.citations:
            groups.setdefault(c.n, []).append(c)
        return [(groups[n][0], groups[n]) for n in sorted(groups)]


_PUNCT = ":-–—|·,"


def _words(title: str) -> list[str]:
    """A title's words compared without case or trailing punctuation ('2:' is '2')."""
    return [w.strip(_PUNCT).lower() for w in title.split()]


def common_prefix(titles: list[str]) -> list[str]:
    """The longest word prefix that at least half of the titles (and two or more) share."""
    best: list[str] = []
    for t in titles:
        words = _words(t)
        for size in range(len(words), len(best), -1):
            head = words[:size]
            shared = sum(_words(u)[:size] == head for u in titles)
            if shared >= 2 and shared * 2 >= len(titles):
                best = head
                break
    return best


def short_label(title: str, prefix: list[str]) -> str:
    """A title without the words many titles share ('All of Us Are Dead Season 2: …'); the
    whole title when nothing else is left (a label of a date alone tells a fan nothing)."""
    words = title.split()
    if prefix and _words(title)[: len(prefix)] == prefix:
        words = words[len(prefix) :]
    label = " ".join(words).strip(" " + _PUNCT) or " ".join(title.split())
    if len(label) > LABEL_LIMIT:
        label = label[: LABEL_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return label


_PREFIXES: dict[str, list[str]] = {}  # per store content hash: titles do not change within one


def _prefix(store: FactStore) -> list[str]:
    key = store.content_hash or str(id(store))
    if key not in _PREFIXES:
        if len(_PREFIXES) > 8:
            _PREFIXES.clear()
        _PREFIXES[key] = common_prefix([s.title for s in store.sources.values()])
    return _PREFIXES[key]


class Citer:
    """Numbers the articles cited in one answer: `cite(sentence_id)` -> '[n]', where n is the
    footnote of the sentence's article (the first article cited is [1])."""

    def __init__(self, store: FactStore):
        self._store = store
        self._articles: dict[str, int] = {}
        self._cited: set[int] = set()
        self.citations: list[Citation] = []

    def _label(self, src: SourceInfo) -> str:
        return short_label(src.title, _prefix(self._store))

    def cite(self, sentence_id: int) -> str:
        """The footnote marker of a sentence's article; the quote is kept for the Quotes view."""
        s = self._store.sentences[sentence_id]
        n = self._articles.setdefault(s.source_id, len(self._articles) + 1)
        if sentence_id not in self._cited:
            self._cited.add(sentence_id)
            src = self._store.sources[s.source_id]
            self.citations.append(
                Citation(
                    src.id,
                    src.title,
                    src.published,
                    src.estimated,
                    s.quote,
                    n,
                    self._label(src),
                    s.spoiler,
                    src.url,
                    src.outlet,
                )
            )
        return f"[{n}]"

    def cite_all(self, sentence_ids: list[int], limit: int = 3) -> str:
        """Markers for several sentences, each article once, in footnote order: '[1][3]'."""
        marks = {self.cite(sid) for sid in sentence_ids[:limit]}
        return "".join(sorted(marks, key=lambda m: int(m[1:-1])))

    def spoiler(self, sentence_ids: list[int]) -> bool:
        """Whether a line the command writes *about* these sentences must hide: it never does.

        A sentence's spoiler flag is decided from its own words at build time
        (bot.facts.reading.spoilers), and it hides those words wherever they are shown: a
        quoted line, and each quote in the Quotes view. A line that only says who returns, who
        is cast or who is mentioned shows none of them (cast lists are never hidden), so it stays
        open; a line quoting a sentence takes `store.sentences[sid].spoiler` instead.
        """
        del sentence_ids
        return False
