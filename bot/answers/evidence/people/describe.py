"""Finding a person by what the articles call them ("the villain" -> "the villain character",
"patient zero", "the one last seen in a lab"): matched word by word with rapidfuzz, like an
alias, and never guessed: a near miss or a tie is a did-you-mean, not an answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from bot.answers.reading.matching import SentenceSearch
from bot.facts.store import DescriptionRow, FactStore
from bot.facts.text import PhraseSet

STRONG = 90.0  # every typed word (nearly) printed in one description...
MARGIN = 6.0  # ...and no other person's description as close
WEAK = 60.0  # below this a description is not even suggested
RARE_IN = 2  # a typed word printed in at most this many descriptions tells who is meant
TELLING = 85.0  # ...or a word that close to it ("captive" for "captivity")
SYNONYM = 95.0  # a typed word whose synonym is printed ("dad" for "father")
_WORD = re.compile(r"[0-9a-z]+")
# Words that say nothing about who is meant ("the one who was ...").
_EMPTY = frozenset(
    {
        *("the", "a", "an", "one", "who", "whom", "that", "which", "whose", "is", "was"),
        *("were", "are", "has", "been", "his", "her", "their", "its", "of", "in", "at"),
        *("on", "to", "by", "with", "from", "as", "and", "or", "s", "person", "guy"),
        *("someone", "character", "they", "them", "he", "she", "him"),
    }
)


_JOINED = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)+")
# Which season a question asks of ("who plays the virologist in s2", "... in the new season")
# says nothing about who is meant: the person is found by the description alone.
_SEASON = re.compile(
    r"\b(?:s|season\s*|series\s*)\d+\b|\b(?:this|new|next|second|first|last)\s+season\b"
)


def words(text: str) -> list[str]:
    """A description's or a query's telling words: lower case, plural -s dropped, the season
    it is asked of left out."""
    out = []
    for w in _WORD.findall(_SEASON.sub(" ", text.lower().replace("’", "'"))):
        if w in _EMPTY:
            continue
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def printed_words(text: str, same: dict[str, str]) -> set[str]:
    """A description's words; each hyphenated name also whole ("Jin-su" is "jinsu" too, as
    fans type it); and each word's synonym group, marked "=" (so "dad" meets "father")."""
    raw = set(words(text)) | {m.replace("-", "") for m in _JOINED.findall(text.lower())}
    return raw | {f"={same[w]}" for w in raw if w in same}


def synonym_groups(vocab: dict) -> dict[str, str]:
    """word -> its group in [ask.kin] (a group's key is its own word)."""
    return {w: key for key, alts in vocab.get("ask.kin", {}).items() for w in (key, *alts)}


def person_nouns(vocab: dict) -> list[str]:
    """Nouns that name a person by role ("teacher", "villain", "nurse")."""
    carries = vocab.get("ask.carries", {}).get("person_nouns", [])
    return [*carries, *vocab.get("ask.role_nouns", {}).get("nouns", [])]


@dataclass(frozen=True)
class Described:
    """The outcome of a lookup by description: a sure person, or near ones to suggest."""

    row: DescriptionRow | None
    score: float
    near: tuple[DescriptionRow, ...] = ()


class Descriptions:
    """Every description in the store, indexed by word (built once per store)."""

    def __init__(self, store: FactStore):
        self._rows = store.described()
        self._same = synonym_groups(store.vocab)
        self._words = [printed_words(r.text, self._same) for r in self._rows]
        self._by_word: dict[str, list[int]] = {}
        for i, printed in enumerate(self._words):
            for w in printed:
                self._by_word.setdefault(w, []).append(i)
        self._vocab = sorted(w for w in self._by_word if not w.startswith("="))
        self._store = store
        self._naming: set[int] | None = None
        self._by_sentence: dict[int, list[str]] | None = None  # the characters each names

    def lookup(self, query: str) -> Described:
        """The one person a description names, else the nearest ones."""
        asked = words(query)
        if not asked or not self._rows:
            return Described(None, 0.0)
        # How close each typed word comes to each printed word (typos: "vilain").
        close = {w: self._close(w) for w in set(asked)}
        for w in close:  # a synonym printed counts a little less than the word itself
            if (group := self._same.get(w)) and f"={group}" in self._by_word:
                close[w].setdefault(f"={group}", SYNONYM)
        weight = sum(len(w) for w in asked)
        rows = {i for near in close.values() for v in near for i in self._by_word[v]}
        best: dict[str, tuple[float, DescriptionRow]] = {}
        for i in sorted(rows):
            row, printed = self._rows[i], self._words[i]
            score = (
                sum(
                    len(w) * max((close[w].get(v, 0.0) for v in printed), default=0.0)
                    for w in asked
                )
                / weight
            )
            if score >= WEAK and score > best.get(row.entity_id, (0.0, row))[0]:
                best[row.entity_id] = (score, row)
        ranked = sorted(best.values(), key=lambda sr: (-sr[0], sr[1].entity_id))
        if not ranked:
            return Described(None, 0.0, self._telling(asked))
        top, row = ranked[0]
        runner = ranked[1][0] if len(ranked) > 1 else 0.0
        if top >= STRONG and top - runner >= MARGIN:
            return Described(row, top)
        return Described(None, top, tuple(r for _, r in ranked[:3]))

    def _telling(self, asked: list[str]) -> tuple[DescriptionRow, ...]:
        """Descriptions printing a typed word that few descriptions print ("lab" of "the girl
        they kept in a lab"): a did-you-mean when the rest of the words differ, never an
        answer."""
        out: dict[str, DescriptionRow] = {}
        for w in (w for w in asked if len(w) >= 3):
            near = [v for v, sc in self._close(w).items() if sc >= TELLING]
            hits = sorted({i for v in near for i in self._by_word[v]})
            if 0 < len(hits) <= RARE_IN:
                for i in hits:
                    out.setdefault(self._rows[i].entity_id, self._rows[i])
        return tuple(out.values())[:3]

    def _close(self, word: str) -> dict[str, float]:
        """Printed words near a typed one. Words that start differently are only half as close:
        a typo ("vilain") keeps its start, another word ("buddy" for "bully") rarely does."""
        out = {}
        for v, s, _ in process.extract(
            word, self._vocab, scorer=fuzz.ratio, limit=None, score_cutoff=WEAK
        ):
            out[v] = s if v[:3] == word[:3] else s / 2
        return out

    def unnamed(self, query: str, search: SentenceSearch) -> int | None:
        """A sentence that prints the description and names no one (so the reply can say what
        the articles do say without a guess), or None; `search` finds the candidates by word."""
        found = self.unnamed_all(query, search)
        return found[0] if found else None

    @cached_property
    def _person_nouns(self) -> PhraseSet:
        """The nouns that make a description a person's role (built once: every lookup asks)."""
        return PhraseSet(person_nouns(self._store.vocab))

    def section_person(self, query: str, search: SentenceSearch) -> tuple[int, int] | None:
        """(the sentence printing a description that names no one, the first sentence of its
        section naming someone) when every such sentence's section names the same one person
        and the description is a role ("the science teacher" under "What is Jonus Virus?",
        where only Mr. Lee is named); else None. The section, not a guess, ties them."""
        if not self._person_nouns.any(query):
            return None  # "the government", "the bombing": no person
        links = []
        for sid in self.unnamed_all(query, search):
            named = self._named_in_section(sid)
            if len({eid for eid, _ in named}) != 1:
                continue  # nobody named there, or several: no telling which one is meant
            links.append((sid, named[0]))
        if not links or len({eid for _, (eid, _) in links}) != 1:
            return None
        sid, (_, naming) = links[0]
        return sid, naming

    def _named_in_section(self, sid: int) -> list[tuple[str, int]]:
        """(character, sentence) for each character named in a sentence's article section,
        in article order; cast lists (three or more people in one sentence) left out."""
        store = self._store
        row = store.sentences[sid]
        if not row.section:
            return []
        if self._by_sentence is None:
            by: dict[int, list[str]] = {}
            for eid, sids in store.mentions.items():
                if store.entities[eid].kind == "character":
                    for k in sids:
                        by.setdefault(k, []).append(eid)
            self._by_sentence = by
        out = []
        for k, other in store.sentences.items():
            if other.source_id == row.source_id and other.section == row.section:
                people = self._by_sentence.get(k, [])
                if len(people) < 3:
                    out.extend((eid, k) for eid in people)
        return sorted(out, key=lambda p: p[1])

    def unnamed_all(self, query: str, search: SentenceSearch) -> list[int]:
        """Every sentence printing the description that names no one, shortest first."""
        phrase = " ".join(re.findall(r"[0-9a-z'’-]+", query.lower()))
        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase)
        if len(phrase) < 4:
            return []
        rx = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
        sentences = self._store.sentences
        if self._naming is None:  # sentences that name someone: they may say who it is
            self._naming = {sid for sids in self._store.mentions.values() for sid in sids}
        found = [
            (len(sentences[sid].display), sid)
            for sid, _ in search.search(phrase, limit=20)
            if sid not in self._naming and rx.search(sentences[sid].display.lower())
        ]
        return [sid for _, sid in sorted(found)]  # the shortest says it most plainly
