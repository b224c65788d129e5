"""Hearsay: news told on someone else's word, or a confirmation said not to have happened.

"Some outlets reported ...", "according to one fan site", "fans claim ...", "accounts are
insisting ...", "a tabloid wrote ..." attribute the news to an unnamed source: it is rumoured.
"..., but his agency has not confirmed anything", "the studio declined to confirm", "this
could not be confirmed" leave the rest of the sentence unconfirmed. Words come from
[claims.hearsay], matched on lemmas so every form of them counts ("insisting", "outlets",
"refuted").
"""

from __future__ import annotations

from bot.facts.reading.claims.reading import Reading, clauses, lemma

_DETERMINERS = frozenset(["the", "such", "any", "those", "these", "that", "this"])
_PASSIVE = frozenset(["be", "been", "being", "is", "was", "are", "were"])


def _lemmas(words: list[str]) -> frozenset[str]:
    return frozenset(lemma(w) for w in words) | frozenset(w.lower() for w in words)


class Hearsay:
    """The [claims.hearsay] word sets, compiled once per lexicon."""

    def __init__(self, table: dict[str, list[str]]):
        self.vague = frozenset(w.lower() for w in table.get("vague", []))
        self.sources = _lemmas(table.get("sources", []))
        self.lay = _lemmas(table.get("lay", []))
        self.hearsay = _lemmas(table.get("hearsay", []))
        self.speech = _lemmas(table.get("speech", []))
        self.telling = self.hearsay | _lemmas(table.get("telling", []))
        self.confirming = _lemmas(table.get("confirming", []))
        self.outright = _lemmas(table.get("outright", []))
        self.refusing = _lemmas(table.get("refusing", []))
        self.pointing = frozenset(w.lower() for w in table.get("pointing", []))
        self.onward = frozenset(w.lower() for w in table.get("onward", []))
        self._memo: dict[str, tuple[bool, bool]] = {}

    def attributed(self, reading: Reading) -> bool:
        """Whether a source with no name tells the news: a vague source that says or reports
        it ("some media reported", "according to one site"), or any that claims or insists."""
        return self._read(reading)[0]

    def tells(self, reading: Reading) -> bool:
        """Whether the text tells a report itself: hearsay, a verb of reporting in a told form
        ("reported", "claiming"; not the nouns "the report", "the claims"), or "according to"
        a source ("according to a post")."""
        if self.attributed(reading):
            return True
        lems = reading.lemmas.split(" ")
        for i, lem in enumerate(lems[:-1]):
            if lem in ("according", "accord") and self.sources.intersection(lems[i + 1 : i + 5]):
                return True  # "according to a post by a crew member": a report it tells
        return any(
            w.lower().endswith(("ed", "ing")) and lem in self.telling
            for w, lem in zip(reading.words(), reading.lemmas.split(" "), strict=False)
        )

    def unconfirmed(self, reading: Reading) -> bool:
        """Whether a confirmation of the news is said not to have happened, pointing back at
        it ("has not confirmed anything", "declined to confirm", "could not be confirmed"),
        not at a thing of its own ("has not confirmed a premiere date")."""
        return self._read(reading)[1]

    def _read(self, reading: Reading) -> tuple[bool, bool]:
        hit = self._memo.get(reading.text)
        if hit is None:
            words = [w.lower() for w in reading.words()]
            lems = reading.lemmas.split(" ")
            hit = (self._attributed(words, lems), self._unconfirmed(reading.text))
            if len(self._memo) > 4096:
                self._memo.clear()
            self._memo[reading.text] = hit
        return hit

    def _attributed(self, words: list[str], lems: list[str]) -> bool:
        if len(words) != len(lems):
            return False
        for i, lem in enumerate(lems):
            if lem not in self.sources and words[i] not in self.sources:
                continue
            after = lems[i + 1 : i + 4]
            if any(a in self.hearsay for a in after):
                return True  # "fans claim", "accounts are insisting"
            before = words[max(0, i - 3) : i]
            if not any(w in self.vague for w in before) and lem not in self.lay:
                continue  # "an outlet reported": a named one may follow; "a fan posted": talk
            if any(a in self.speech for a in after) or "according" in words[max(0, i - 5) : i]:
                return True  # "some outlets reported", "according to one entertainment site"
        return False

    def negated_confirmation(self, text: str, pointing: bool) -> bool:
        """Whether a clause of the text says a confirmation has not happened; with pointing,
        only one whose object points back at other news (or that has none)."""
        for _, clause in clauses(text):
            words = [w.lower() for w in Reading.of(clause).words()]
            for i, w in enumerate(words):
                if w not in self.confirming and lemma(w) not in self.confirming:
                    continue
                # back to the clause's start: "No other cast members have been announced"
                no = [
                    j
                    for j, b in enumerate(words[:i])
                    if b.endswith("n't") or lemma(b) in self.refusing
                ]
                if not no:
                    continue
                rest = words[i + 1 :]
                if not pointing:
                    return True
                if not rest:
                    # "the studio declined to confirm"; a passive one only of a pointing
                    # subject ("this could not be confirmed"; not "the renewal was never
                    # announced", which is the renewal's own "not yet")
                    if not self._passive(words, i) or self.pointing.intersection(words[: no[0]]):
                        return True
                    continue
                if rest[0] in _DETERMINERS and len(rest) > 1:
                    rest = rest[1:]  # "the report", "such claims"
                if rest[0] in self.pointing and (len(rest) < 2 or rest[1] not in self.onward):
                    return True  # "anything", "it", "the report"; not "anything about X"
        return False

    def _passive(self, words: list[str], i: int) -> bool:
        """Whether words[i] is a participle after a form of "be" ("was never officially
        announced", "could not be confirmed"; not "was unable to confirm")."""
        if not words[i].endswith("ed"):
            return False
        for w in reversed(words[:i]):
            if w.endswith("ly") or w.endswith("n't") or lemma(w) in self.refusing:
                continue
            return w in _PASSIVE
        return False

    def confirms(self, reading: Reading) -> bool:
        """Whether the text confirms its news outright ("Netflix confirmed that ...")."""
        return bool(self.outright.intersection(reading.lemmas.split(" "))) and not (
            self.negated_confirmation(reading.text, pointing=False)
        )

    def _unconfirmed(self, text: str) -> bool:
        return self.negated_confirmation(text, pointing=True)
