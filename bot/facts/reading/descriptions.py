"""Descriptions the articles print next to a name, found by sentence shape (never by a known
sentence), so `!cast the villain` can find who is meant:

- after the name:  "X (actor), the new school nurse, ...", "X (the class president)",
  "X, who was last seen on the roof", "X is a student who ...", "X was the first to ..."
- before the name: "Y's father, X (actor), ...", "her sister, X.", "who plays the bully X",
  "along with the villain X", "The new principal is X."

A description is a noun phrase (with its relative clause) cut where the sentence goes on: at a
finite verb outside the relative clause, at punctuation, or after a few words.
"""

from __future__ import annotations

import re

from bot.facts.building.records import Description, Sentence
from bot.facts.reading.entities import EntityIndex

_DET = r"(?:the|a|an|his|her|their|its|our|one|[A-Z][\w-]*['’]s)"
_STOPS = r"[^,;:()\[\]—–!?.“”\"]"  # a description never runs over these
_PAREN = re.compile(r"\s*\(([^()]{1,160})\)")
_AFTER = re.compile(rf"\s*,\s*(?P<d>(?:{_DET}|who)\s{_STOPS}+)")
_COPULAR = re.compile(
    rf"\s+(?:is|was|has\s+been|had\s+been|became|becomes)"
    rf"(?:\s+(?:also|once|now|still|actually|really))?\s+(?P<d>{_DET}\s{_STOPS}+)"
)
_CLOSED = re.compile(r"\s*(?:[,.;:)—–!?]|$)")  # the name ends its clause: "..., X." / "X,"
_WORD = r"[\w’'-]+"
_NOUN_BEFORE = re.compile(
    rf"\b(?P<lead>plays|portrays|played|portrayed|as|with|by|of|against|to|from|for|like|"
    rf"including)\s+(?P<d>(?:the|a|an|his|her|their|our)(?:\s{_WORD}){{1,4}})\s+$"
)
_APPOSED_BEFORE = re.compile(rf"(?:^|[\s(])(?P<d>{_DET}(?:\s{_WORD}){{1,4}})\s*,\s*$")
_SUBJECT = re.compile(r"^(?:(?:But|And|So|Now)\s+)?(?P<d>[A-Z][^,;:()]{2,60}?)\s+(?:is|was)\s+$")

_RELATIVE = frozenset({"who", "that", "which", "whose", "whom"})
_FINITE = frozenset(
    {
        *("is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can"),
        *("may", "might", "should", "must", "does", "did", "seems", "seemed", "gets", "got"),
        *("remains", "remained"),
    }
)
_CAST_VERBS = frozenset(
    {"plays", "portrays", "played", "portrayed", "voices", "voiced", "stars", "starred"}
)
_FUNCTION = frozenset(
    {
        *("the", "a", "an", "his", "her", "their", "its", "one", "who", "that", "which"),
        *("whose", "whom", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by"),
        *("with", "from", "as", "also", "is", "was", "be", "been", "this", "these", "those"),
    }
)
_QUANTITY = frozenset({"bit", "lot", "little", "few", "couple", "while"})  # "a bit late"
# Words ending in -s before "the"/"a" that are no verb ("a school across the river"): the
# description goes on past them.
_NOT_VERBS = frozenset(
    {"across", "towards", "besides", "as", "plus", "versus", "unless", "whereas", "afterwards"}
)
_PRONOUNS = frozenset(
    {"it", "this", "that", "there", "he", "she", "they", "we", "i", "you", "what", "who", "here"}
)
MAX_WORDS = 20
_BEFORE = frozenset({"noun before", "apposed before"})
KINDS = ("character", "actor")  # crew roles are `!cast director`, curated and printed


def _clip(phrase: str, closed: bool = False) -> str | None:
    """The description a phrase begins with, or None when it has none. `closed`: the phrase
    is a whole noun phrase (before a name) and must not be cut at all."""
    words = phrase.split()
    kept: list[str] = []
    in_relative = cut = False
    for i, w in enumerate(words[:MAX_WORDS]):
        low = w.lower()
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if low in _RELATIVE:
            in_relative = True
            if nxt.lower() in _CAST_VERBS:
                break  # "who plays Y" is a cast pair, not a description
        elif not in_relative and (
            low in _FINITE
            or (
                low.endswith("s") and low not in _NOT_VERBS and nxt.lower() in ("the", "a", "an")
            )
        ):
            cut = True  # the sentence goes on: "the villain character was believed ..."
            break
        elif low == "and" and nxt[:1].isupper():
            break  # a new subject starts
        kept.append(w)
    while kept and kept[-1].lower() in _FUNCTION:
        kept.pop()
    if not any(len(w) > 2 and w.lower() not in _FUNCTION for w in kept):
        return None
    if kept[0].lower() in _RELATIVE and len(kept) < 3:
        return None
    if len(kept) > 1 and kept[1].lower() in _QUANTITY:
        return None  # "was a bit late": how much, not who
    inner = [w.lower() for w in kept[1:]]
    if (closed and (len(kept) < len(words) or any(w in _FUNCTION for w in inner))) or (
        cut and (len(kept) > 4 or any(w in _FUNCTION for w in inner))
    ):
        return None  # not a plain noun phrase: "the reveal that", "the rest of the cast"
    return " ".join(kept).strip("'’")


class DescriptionCollector:
    """Collects descriptions sentence by sentence, over the names an EntityIndex knows."""

    def __init__(self, index: EntityIndex):
        self.index = index
        self.found: dict[tuple[str, int, str], Description] = {}

    def collect(self, sentence: Sentence, spans: list[tuple[int, int, str]]) -> None:
        """Descriptions around the names at `spans` (EntityIndex.spans of the sentence)."""
        if sentence.kind != "text":
            return
        text = sentence.display
        for start, end, eid in spans:
            if self.index.entities[eid].kind not in KINDS:
                continue
            for form, phrase in self._around(text, start, end):
                desc = _clip(phrase, closed=form in _BEFORE)
                if desc and not self.index.mentions(desc.split("’s")[-1].split("'s")[-1]):
                    key = (eid, sentence.id, desc.lower())
                    self.found.setdefault(key, Description(eid, sentence.id, desc, form))

    def _around(self, text: str, start: int, end: int) -> list[tuple[str, str]]:
        """(form, phrase) for every description shape around the name at text[start:end]."""
        out: list[tuple[str, str]] = []
        pos = end
        if m := _PAREN.match(text, pos):
            inner = m.group(1).strip()
            if re.match(rf"(?:{_DET}|who\s+(?:is|was))\s", inner) and not self.index.mentions(
                inner
            ):
                out.append(("parenthesis", inner))
            pos = m.end()
        if m := _AFTER.match(text, pos):
            out.append(("relative" if m.group("d").startswith("who") else "appositive", m["d"]))
        elif m := _COPULAR.match(text, pos):
            out.append(("copular", m.group("d")))
        before = text[:start]
        closed = _CLOSED.match(text, pos) is not None
        if m := _NOUN_BEFORE.search(before):
            out.append(("noun before", m.group("d")))
        elif closed and (m := _APPOSED_BEFORE.search(before)):
            out.append(("apposed before", m.group("d")))
        elif (
            closed
            and (m := _SUBJECT.match(before))
            and m.group("d").split()[0].lower() not in _PRONOUNS
        ):
            out.append(("copular subject", m.group("d")))
        return out

    def result(self) -> list[Description]:
        return sorted(self.found.values(), key=lambda d: (d.entity_id, d.sentence_id, d.text))
