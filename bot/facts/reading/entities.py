"""Finding entity mentions in text: every alias of every character, actor and crew member."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.facts.curated import EntityDef
from bot.facts.reading.names import exact_key

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
        # first token -> the names (as tokens) that start with it, and their lengths, longest
        # first: "kim" starts hundreds of names in a large library, each looked up, not tried
        self._first: dict[str, dict[tuple[str, ...], str]] = {}
        self._lengths: dict[str, list[int]] = {}
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
                names = self._first.setdefault(v[0], {})
                if v not in names:  # the first owner keeps a name
                    names[v] = entity.id
                    lengths = self._lengths.setdefault(v[0], [])
                    if len(v) not in lengths:
                        lengths.append(len(v))
                        lengths.sort(reverse=True)

    def mentions(self, text: str) -> list[str]:
        """Ids of the entities named in text, in order of first mention."""
        return list(dict.fromkeys(eid for _, _, eid in self.spans(text)))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, id) of every name printed in text, longest name first at each place."""
        if not any(t.lower() in self._first for t in _TOKEN_RX.findall(text)):
            return []  # no word that starts a name: most sentences, told before any offsets
        spans = [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN_RX.finditer(text)]

        def joined(k: int) -> bool:  # whether token k follows k - 1 within one name
            return _GAP.fullmatch(text, spans[k - 1][2], spans[k][1]) is not None

        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(spans):
            names = self._first.get(spans[i][0])
            n = 1
            for size in self._lengths[spans[i][0]] if names else ():
                eid = names.get(tuple(t for t, _, _ in spans[i : i + size]))
                if (
                    eid is not None
                    and i + size <= len(spans)
                    and all(joined(i + k) for k in range(1, size))
                ):
                    found.append((spans[i][1], spans[i + size - 1][2], eid))
                    n = size
                    break
            i += n
        return found

    def resolve(self, printed: str) -> str | None:
        """The entity a printed name refers to, trying shorter spans of it ('Director Lee JQ')."""
        tokens = printed.split()
        for size in range(len(tokens), 0, -1):
            for i in range(len(tokens) - size + 1):
                eid = self._by_key.get(exact_key(" ".join(tokens[i : i + size])))
                if eid:
                    return eid
        return None
