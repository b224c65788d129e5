"""What every command reads: the loaded store, its matchers, the prefix and today's date.

One `Context` per loaded store; the per-store tables built here are shared by all commands.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from bot.answers.reading.matching import Match, Matchers
from bot.answers.reading.wording import safe_echo
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.names import exact_key
from bot.facts.store import EntityRow, FactStore, PairRow

if TYPE_CHECKING:
    from bot.answers.evidence.scoring.checking import Checker
    from bot.answers.evidence.status.digest import TopicStatus


class Context:
    """Shared, explicit state of the engine: the store never changes while it is loaded."""

    def __init__(self, store: FactStore, prefix: str, today: Callable[[], dt.date]):
        self.store = store
        self.prefix = prefix
        self.today = today
        self.m = Matchers(store)
        self._pairs_by_entity: dict[str, list[PairRow]] = {}
        for pair in sorted(store.pairs, key=lambda p: -len(p.evidence)):
            for eid in {pair.actor_id, pair.character_id} - {None}:
                self._pairs_by_entity.setdefault(eid, []).append(pair)
        self._topics: dict[str, TopicStatus | None] = {}
        self._printed: dict[str, str] = {}

    @cached_property
    def check(self) -> Checker:
        """Answer-type checking over this store's sentences (imported on first use: a one-shot
        `!cast` never needs it)."""
        from bot.answers.evidence.scoring.checking import Checker

        return Checker(self.store)

    def name(self, eid: str) -> str:
        """An entity's name as the articles print it: the curated name when some sentence that
        mentions the entity prints it, else the fullest alias printed there (a curated surname
        no article prints is never asserted), else the curated name."""
        if eid not in self._printed:
            self._printed[eid] = self._printed_name(self.store.entities[eid])
        return self._printed[eid]

    def _printed_name(self, entity: EntityRow) -> str:
        text = " ".join(
            self.store.sentences[s].quote for s in self.store.mentions.get(entity.id, [])
        )
        if not text:
            return entity.name
        printed = [n for n in dict.fromkeys([entity.name, *entity.aliases]) if _prints(text, n)]
        if entity.name in printed or not printed:
            return entity.name
        # most words first, Latin script before Hangul, then the curated order
        return max(printed, key=lambda n: (len(_WORD.findall(n)), n.isascii()))

    def named_in(self, eid: str, sid: int, cite: Citer) -> str:
        """A person as one sentence prints them, cited: "Lee Byeong-chan [1]" when it prints
        the name; else the spelling it prints, and the article printing the name ("“Mr. Lee”
        [1]; the name Lee Byeong-chan is printed in [2]"), so no citation states a link its
        article does not print."""
        entity, name = self.store.entities[eid], self.name(eid)
        quote = self.store.sentences[sid].quote
        if _prints(quote, name):
            return f"{name} {cite.cite(sid)}"
        printed = [n for n in dict.fromkeys(entity.aliases) if _prints(quote, n, "[.]?")]
        if not printed:
            return f"{name} {cite.cite(sid)}"
        shown = f"“{max(printed, key=len)}” {cite.cite(sid)}"
        full = [
            s
            for s in self.store.mentions.get(eid, [])
            if _prints(self.store.sentences[s].quote, name)
        ]
        return f"{shown}; the name {name} is printed in {cite.cite(full[0])}" if full else shown

    def pairs_for(self, eid: str) -> list[PairRow]:
        """Cast pairs an entity is part of, best supported first."""
        return self._pairs_by_entity.get(eid, [])

    def topic(self, topic: str) -> TopicStatus | None:
        """The digest of one status topic, computed once per store."""
        if topic not in self._topics:
            from bot.answers.evidence.status.digest import (
                topic_status,  # only status answers need the digest
            )

            self._topics[topic] = topic_status(self.store, topic)
        return self._topics[topic]

    def published(self, sentence_id: int) -> int:
        """The publication date (ordinal) of the article a sentence comes from."""
        s = self.store.sentences[sentence_id]
        return dt.date.fromisoformat(self.store.sources[s.source_id].published).toordinal()

    def date(self, source_id: str) -> str:
        """An article's date as shown, estimated ones marked."""
        src = self.store.sources[source_id]
        return f"{src.published}{', est.' if src.estimated else ''}"

    def printed_variants(self, entity: EntityRow, sentence_ids: list[int]) -> list[str]:
        """Other spellings of an entity that the cited sentences actually print."""
        out = []
        quotes = " ".join(self.store.sentences[s].quote.lower() for s in sentence_ids[:20])
        shown = {exact_key(entity.name), exact_key(self.name(entity.id))}
        for alias in entity.aliases:
            if exact_key(alias) not in shown and len(alias.split()) > 1 and alias.lower() in quotes:
                out.append(alias)
        return out[:3]

    def not_found(self, command: str, query: str, match: Match, what: str, hint: str) -> Answer:
        """A miss: did-you-mean suggestions when there are any, else a hint."""
        shown = safe_echo(query)
        if match.suggestions:
            return Answer(
                command,
                False,
                None,
                "Did you mean…?",
                [
                    Line(
                        f"I'm not sure who or what “{shown}” is. Did you mean: "
                        + ", ".join(match.suggestions)
                        + "?"
                    )
                ],
                suggestions=list(match.suggestions),
            )
        return Answer(
            command,
            False,
            None,
            "Not found",
            [Line(f"I don't know {what} called “{shown}”. {hint}")],
        )


_WORD = re.compile(r"\w+")


def _prints(text: str, name: str, stop: str = "") -> bool:
    """Whether `text` prints `name`, ignoring case and how its parts are joined ('Eun-Ji');
    stop: what may end a part too ("[.]?": "Mr. Lee" as "Mr Lee" or "Mr. Lee")."""
    words = _WORD.findall(name)
    if not words:
        return False
    rx = r"(?<!\w)" + (stop + r"[\s\-‐‑]*").join(map(re.escape, words)) + r"(?!\w)"
    return re.search(rx, text, re.IGNORECASE) is not None


def evidence(pair: PairRow) -> list[int]:
    """The sentences a cast pair rests on, newest first (as the store holds them)."""
    return [sid for sid, _ in pair.evidence]
