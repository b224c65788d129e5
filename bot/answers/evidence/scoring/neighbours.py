"""What a sentence leans on in the sentence beside it: the number "the same number" means, the
person a sentence opening on "He" or "She" means, the quote or list a sentence ending on
"says:" introduces. Computed once per sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.facts.store import FactStore
from bot.facts.text import PhraseSet

DIGITS = re.compile(r"(?<![\w.])(\d+(?:[.,/]\d+)?)(?![\w])")
_PRONOUN = re.compile(r"(?:He|She|They|His|Her|Their|Him)\b")
# a sentence ending by introducing what comes next: "…says:", "Mr. X says.", "…the following."
_INTRODUCES = re.compile(
    r"(?:\b(?:says?|said|adds?|added|explains?|explained|writes?|wrote|notes?|noted|states?|"
    r"stated|puts it|following|follows|below|reads?)\s*[.:]|:)\W*$",
    re.IGNORECASE,
)
SHORT = 12  # words: a sentence this short naming someone can be shown before the next


class Neighbours:
    """Antecedents and referents over one store."""

    def __init__(self, store: FactStore, same_as: PhraseSet, persons: Callable[[int], int]):
        self.store = store
        self.same_as = same_as
        self.persons = persons
        self._antecedents: dict[int, int | None] = {}

    def _before(self, sid: int):
        """The sentence just before, if it is in the same article."""
        s, prev = self.store.sentences[sid], self.store.sentences.get(sid - 1)
        return prev if prev is not None and prev.source_id == s.source_id else None

    def antecedent(self, sid: int) -> int | None:
        """The sentence just before, in the same article, whose number this one refers to
        ("…12 episodes. …expected to have the same number of episodes"), or None."""
        if sid not in self._antecedents:
            prev = self._before(sid)
            refers = self.same_as.any(self.store.sentences[sid].display)
            ok = prev is not None and refers and DIGITS.search(prev.display)
            self._antecedents[sid] = sid - 1 if ok else None
        return self._antecedents[sid]

    def referent(self, sid: int) -> int | None:
        """The short sentence just before, naming someone, that a sentence opening on a
        pronoun ("He perished in the fire") goes on about; else None."""
        prev = self._before(sid)
        if (
            not _PRONOUN.match(self.store.sentences[sid].display)
            or prev is None
            or prev.kind != "text"
            or len(prev.display.split()) > SHORT
            or not self.persons(sid - 1)
        ):
            return None
        return sid - 1

    def follower(self, sid: int) -> int | None:
        """The sentence just after, in the same article, that a sentence ending by introducing
        a quote or a list ("In one scene, the teacher says.") leads into; else None."""
        s, nxt = self.store.sentences[sid], self.store.sentences.get(sid + 1)
        if (
            nxt is None
            or nxt.source_id != s.source_id
            or nxt.kind != "text"
            or not _INTRODUCES.search(s.display)
            # "…41 million viewers, the streamer said." attributes what it said itself
            or (not s.display.rstrip().endswith(":") and len(s.display.split()) > SHORT)
        ):
            return None
        return sid + 1
