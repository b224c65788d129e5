"""What a sentence leans on in the sentence beside it: the number "the same number" means, the
person a sentence opening on "He" or "She" means, the quote or list a sentence ending on
"says:" introduces, the rest of a quotation it opens or closes. Computed once per sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.facts.store import FactStore
from bot.facts.text import PhraseSet, curly_quotes

DIGITS = re.compile(r"(?<![\w.])(\d+(?:[.,/]\d+)?)(?![\w])")
_PRONOUN = re.compile(r"(?:He|She|They|His|Her|Their|Him)\b")
# a sentence ending by introducing what comes next: "…says:", "Mr. X says.", "…the following."
_INTRODUCES = re.compile(
    r"(?:\b(?:says?|said|adds?|added|explains?|explained|writes?|wrote|notes?|noted|states?|"
    r"stated|puts it|following|follows|below|reads?)\s*[.:]|:)\W*$",
    re.IGNORECASE,
)
SHORT = 12  # words: a sentence this short naming someone can be shown before the next
QUOTE_REACH = 2  # sentences a quotation split by the sentence splitter is followed across


def quote_ends(text: str) -> tuple[int, int]:
    """(quotations the text closes that opened before it, quotations it leaves open): curly
    marks paired in order; straight ones, when odd, read by where the odd one stands (an
    opening one starts a word, a closing one ends one)."""
    closes, depth = curly_quotes(text)
    if text.count('"') % 2:
        at = text.find('"') if text.lstrip().startswith('"') else text.rfind('"')
        opening = (
            at + 1 < len(text)
            and not text[at + 1].isspace()
            and (at == 0 or text[at - 1].isspace() or text[at - 1] in "([")
        )
        if opening:
            depth += 1
        else:
            closes += 1
    return closes, depth


class Neighbours:
    """Antecedents and referents over one store."""

    def __init__(self, store: FactStore, same_as: PhraseSet, persons: Callable[[int], int]):
        self.store = store
        self.same_as = same_as
        self.persons = persons
        self._antecedents: dict[int, int | None] = {}
        self._quoted: dict[int, tuple[list[int], list[int]]] = {}

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

    def quoted(self, sid: int) -> tuple[list[int], list[int]]:
        """The sentences before and after, in the same article, that hold the rest of a
        quotation this one closes or opens ('"Will we survive again?' before '…," read the
        caption.'); none when the other end is not found within QUOTE_REACH sentences."""
        got = self._quoted.get(sid)
        if got is None:
            sentences, s = self.store.sentences, self.store.sentences[sid]
            closes, opens = quote_ends(s.display)

            def reach(step: int, wanted: int) -> list[int]:
                out = []
                for k in range(1, QUOTE_REACH + 1):
                    o = sentences.get(sid + step * k)
                    if o is None or o.source_id != s.source_id or o.kind == "heading":
                        return []
                    out.append(sid + step * k)
                    o_closes, o_opens = quote_ends(o.display)
                    if wanted == (o_opens if step < 0 else o_closes) and wanted:
                        return sorted(out)
                    if o_closes or o_opens:  # another quotation: not the one asked for
                        return []
                return []

            got = self._quoted[sid] = (
                reach(-1, closes) if closes else [],
                reach(1, opens) if opens else [],
            )
        return got
