"""Text handling shared by the builder and the engine: sentence spans, display repair, phrases.

Quotes are always slices of the article as read (whitespace collapsed); display text is the
same slice with the repair table applied, so a fan never reads "đồ sộ" but a citation never
says anything its source does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.facts.reading.alternation import Alternation

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # English, whatever the locale
_WS = re.compile(r"\s+")
# A dateline the CMS printed before the article, e.g. "date 2024-04-09".
DATELINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
# A sentence never ends on these words, so a line break after one is a wrap, not a break.
_CONTINUATION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "her",
        "his",
        "in",
        "is",
        "are",
        "was",
        "were",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "to",
        "with",
        "its",
        "be",
        "been",
        "being",
        "than",
        "into",
    ]
)
_TERMINAL = ".!?…:\"“”‘’'"


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence: character offsets into the article body."""

    start: int
    end: int


def collapse_ws(text: str) -> str:
    """Collapse every run of whitespace to one space and trim."""
    # Already so (most calls: a quote is collapsed once, then asked again): the only
    # whitespace a printable text can hold is the plain space.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return _WS.sub(" ", text).strip()


def curly_quotes(text: str) -> tuple[int, int]:
    """(curly quotations the text closes that it did not open, curly quotations it leaves
    open), the marks paired in order."""
    depth, unopened = 0, 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth:
                depth -= 1
            else:
                unopened += 1
    return unopened, depth


def printed_date(body: str) -> str | None:
    """The ISO date an article prints in a leading dateline, if any."""
    m = DATELINE.match(body)
    return m.group(1) if m else None


def _joins(prev: str, nxt: str) -> bool:
    """Whether a line break between prev and nxt is a wrap inside one sentence."""
    prev, nxt = prev.rstrip(), nxt.strip()
    if not prev or not nxt:
        return False
    if nxt[0] in ".,;:)!?" or not any(ch.isalnum() for ch in nxt) or nxt[:2] in ("'s", "’s"):
        return True  # the line only carries the previous sentence's punctuation
    if prev[-1] in ".!?…":
        return False
    if nxt[0].islower() or prev[-1] in ",-–—(":
        return True
    return prev.rsplit(None, 1)[-1].lower() in _CONTINUATION_WORDS


def _blocks(body: str, start: int) -> list[tuple[int, int]]:
    """Cut the body into blocks at line breaks that end a sentence or a heading."""
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]*\n|[^\n]+$", body[start:]):
        s, e = start + m.start(), start + m.end()
        if body[s:e].strip():
            lines.append((s, e))
    blocks: list[tuple[int, int]] = []
    prev = ""  # the block's last line: all `_joins` reads of it (re-slicing the block is O(n²))
    for s, e in lines:
        line = body[s:e]
        if blocks and _joins(prev, line):
            blocks[-1] = (blocks[-1][0], e)
        else:
            blocks.append((s, e))
        prev = line
    return blocks


# A sentence ends at . ! ? or … (plus closing quotes) before whitespace and a capital, a digit
# or an opening quote; abbreviations and initials ("Mr. Lee", "J.Q. Lee") do not end one.
# Linear on any input: a run of punctuation is tried once, from its start, without backtracking.
# Compiled on first split (builds only): its Hangul range costs ~1 ms, which `ask` need not pay.
_BOUNDARY_RX = r"(?<![.!?…])([.!?…]++)([\"”’')\]]*+)(?=\s+[\"“‘'(\[]?[A-Z0-9가-힣])"
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_WORD_WINDOW = 40  # letters looked at before a full stop: abbreviations are short
# Short forms a full stop abbreviates mid-sentence ("St.", "Jr.", "approx.", "No. 1"); the
# titles and ranks printed before a name ("Sgt. Cha") come from the lexicon's list of titles.
_ABBREVIATIONS = frozenset(
    ["st", "jr", "sr", "vs", "no", "fig", "vol", "ca", "approx", "dept", "est"]
)
# Months cut short ("Sept. 18", "Jan. 5"): the stop ends no sentence before a day's number.
_MONTH_SHORT = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_NUMBER_NEXT = re.compile(r"\s+\d")
# Dotted letters ("a.m.", "p.m.", "e.g.", "i.e.", "U.S."): the stop closes an abbreviation.
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.)+[^\W\d_]$")


def abbreviations(titles: Iterable[str]) -> frozenset[str]:
    """The words whose full stop ends no sentence: the short forms above, plus every title
    the lexicon prints with a stop ("Dr.", "Sgt."), lower-cased without it."""
    return _ABBREVIATIONS | {t[:-1].lower() for t in titles if t.endswith(".")}


def _ends_sentence(text: str, m: re.Match[str], stops: frozenset[str]) -> bool:
    if m.group(1) != ".":
        return True
    # Only a short window before the stop: slicing text[:m.start()] made splitting O(n²).
    lo = max(0, m.start() - _WORD_WINDOW)
    word = _WORD_BEFORE.search(text, lo, m.start())
    if word is None:
        return True
    w = word.group(0)
    if w.lower() in stops or (len(w) == 1 and w.isupper()):
        return False
    if w.lower() in _MONTH_SHORT and _NUMBER_NEXT.match(text, m.end()):
        return False
    return _DOTTED.search(text, lo, m.start()) is None


def _split_block(text: str, stops: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence offsets inside one block (a run of wrapped lines)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(_BOUNDARY_RX, text):
        if _ends_sentence(text, m, stops):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            trimmed.append((s + lead, s + lead + len(body)))
    return _merge_fragments(text, trimmed)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue pieces that are not sentences back on: a lone quote mark or a lowercase tail."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        piece = text[s:e]
        if merged and (not any(ch.isalnum() for ch in piece) or piece[0].islower()):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def split_sentences(body: str, titles: Iterable[str] = ()) -> list[Span]:
    """Sentence spans of an article: wrapped lines rejoined, headings kept as their own spans.
    titles: the lexicon's titles; those printed with a stop ("Sgt.") end no sentence."""
    stops = abbreviations(titles)
    m = DATELINE.match(body)
    start = m.end() if m else 0
    spans: list[Span] = []
    for bs, be in _blocks(body, start):
        for s, e in _split_block(body[bs:be], stops):
            spans.append(Span(bs + s, bs + e))
    return spans


def is_heading(sentence: str) -> bool:
    """A line with no closing punctuation (a headline, a caption, a section title)."""
    s = sentence.rstrip()
    return not s or s[-1] not in _TERMINAL


def _phrase_pattern(phrase: str, prefixes: tuple[str, ...] | None = None) -> str:
    """Regex for a phrase on word boundaries; inner spaces and hyphens match loosely. With
    prefixes (maybe none), never the first half of a hyphenated word ("in post" is not found
    in "in post-credits") nor after one of the prefixes ("production" not in "pre-production")."""
    parts = [re.escape(p).replace("'", "['’]") for p in re.split(r"[\s\-]+", phrase.strip()) if p]
    body = r"[\s\-]+".join(parts)
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    if left and prefixes:
        left += "".join(rf"(?<!\b{re.escape(p)}-)" for p in prefixes)
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    if right and prefixes is not None:
        right = r"(?![\w-])"
    return left + body + right


def _nothing(text: str) -> None:
    return None


class PhraseSet:
    """A set of phrases found in text case-insensitively, on word boundaries (one alternation,
    searched with only the phrases whose words a text holds: bot.facts.reading.alternation)."""

    def __init__(self, phrases: Iterable[str], prefixes: tuple[str, ...] | None = None):
        # Longest first (the alternation takes the first that matches), then alphabetical: a
        # set's own order changes with every process, and the store keeps these lists.
        self.phrases: tuple[str, ...] = tuple(
            sorted({p.lower() for p in phrases if p}, key=lambda p: (-len(p), p))
        )
        self._alt = (
            Alternation(self.phrases, [_phrase_pattern(p, prefixes) for p in self.phrases])
            if self.phrases
            else None
        )
        # The alternation to search a text with (None: no phrase can occur in it); bound once,
        # as every lookup of every sentence starts here.
        self._regex: Callable[[str], re.Pattern[str] | None] = (
            self._alt.regex if self._alt is not None else _nothing
        )

    @staticmethod
    @lru_cache(maxsize=512)
    def of(phrases: tuple[str, ...]) -> PhraseSet:
        """The set of these phrases, compiled once however often it is asked for."""
        return PhraseSet(phrases)

    def find(self, text: str) -> list[str]:
        """Every occurrence, lower-cased, in order."""
        rx = self._regex(text)
        if rx is None:
            return []
        return [
            collapse_ws(m.group(0).lower().replace("-", " ").replace("’", "'"))
            for m in rx.finditer(text)
        ]

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        """Every occurrence as a match (with its offsets), in order."""
        rx = self._regex(text)
        return () if rx is None else rx.finditer(text)

    def remove(self, text: str) -> str:
        """The text with every occurrence blanked out."""
        rx = self._regex(text)
        return text if rx is None else rx.sub(" ", text)

    def any(self, text: str) -> bool:
        """Whether any phrase occurs."""
        rx = self._regex(text)
        return rx is not None and rx.search(text) is not None


class Repairer:
    """Applies the display repair table (longest first, whole words) and tidies spacing."""

    def __init__(self, table: Sequence[tuple[str, str]]):
        pairs = sorted(table, key=lambda p: len(p[0]), reverse=True)
        self._map = {p[0].lower(): p[1] for p in pairs}
        self._alt = (
            Alternation([p[0] for p in pairs], [_phrase_pattern(p[0]) for p in pairs])
            if pairs
            else None
        )

    def _sub(self, m: re.Match[str]) -> str:
        key = collapse_ws(m.group(0)).lower()
        return self._map.get(key, self._map.get(key.replace(" ", "-"), m.group(0)))

    def repair(self, text: str) -> str:
        """Display form of a verbatim quote."""
        out = collapse_ws(text)
        rx = self._alt.regex(out) if self._alt is not None else None
        if rx is not None:
            out = rx.sub(self._sub, out)
        out = _SPACE_BEFORE.sub(r"\1", out)
        out = _SPACE_BEFORE_S.sub(r"\1", out)
        out = _SPACE_AFTER.sub(r"\1", out)
        return collapse_ws(out)


# The spacing a repaired quote is tidied of, compiled once (repair runs on every sentence).
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?)])")
_SPACE_BEFORE_S = re.compile(r"\s+(['’]s\b)")
_SPACE_AFTER = re.compile(r"([(])\s+")


def fold_unicode(text: str) -> str:
    """NFKC, drop control, zero-width and bidi characters (they break matching and display)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch
        for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf", "Co", "Cs"}
    )
