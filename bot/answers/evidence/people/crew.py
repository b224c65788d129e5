"""Crew roles as the articles print them next to a name, with the sentences that print them.

Curated roles (data/entities.toml) only route a query; what a reply shows as a cited role is
what an article printed: "director Lee Jae-kyoo", "Creators: Lee JQ, Chun Sung-il, Kim Nam-su",
"a webcomic by Joo Dong-geun".
"""

from __future__ import annotations

import re

from bot.facts.reading.names import exact_key
from bot.facts.store import FactStore

WORK_AUTHOR = "webtoon author"
_BREAK = re.compile(r"[.;!?()\[\]“”\"]")


class PrintedRoles:
    """role -> crew ids, and crew id -> role -> sentence ids, from the articles."""

    def __init__(self, store: FactStore):
        table = store.vocab.get("ask.crew_printed", {})
        # The longest cue that fits wins: "webcomic by" over "by".
        self._cues = sorted(
            ((c.lower(), role) for role, cues in table.items() for c in cues),
            key=lambda rc: -len(rc[0]),
        )
        # "the director of the series, J.Q. Lee": a role of the show itself
        self._of_show = tuple(
            f" of {n}" for n in store.vocab.get("ask.show", {}).get("names", []) if " " in n
        )
        # "the webtoon of the same name, created by X": a credit in a clause about the source
        # work is that work's author's
        self._work = [w.lower() for w in store.vocab.get("ask.source_work", {}).get("words", [])]
        self.by_entity: dict[str, dict[str, list[int]]] = {}
        for e in store.entities.values():
            if e.kind != "crew":
                continue
            names = sorted({a.lower() for a in (e.name, *e.aliases) if len(a) > 3}, key=len)
            for sid in store.mentions.get(e.id, []):
                text = store.sentences[sid].display
                for role in self._roles(text, names[::-1]):
                    self.by_entity.setdefault(e.id, {}).setdefault(role, []).append(sid)
        self.by_role: dict[str, list[str]] = {}
        for eid, roles in sorted(self.by_entity.items()):
            for role in roles:
                self.by_role.setdefault(exact_key(role), []).append(eid)

    def _roles(self, text: str, names: list[str]) -> list[str]:
        low = text.lower()
        found: list[str] = []
        for name in names:
            start = 0
            while (pos := low.find(name, start)) >= 0:
                start = pos + len(name)
                role = self._role_before(low[:pos])
                if role and role not in found:
                    found.append(role)
        return found

    def _role_before(self, before: str) -> str | None:
        """The role a cue ending right before a name gives ("series director ", "by "), or a
        colon list's label ("Creators: A, B")."""
        clause = _BREAK.split(before)[-1]
        label, colon, _ = clause.partition(":")
        near = clause.rstrip(" ,").lower()
        for tail in self._of_show:
            near = near.removesuffix(tail)
        for cue, role in self._cues:
            if near.endswith(cue) and (len(near) == len(cue) or not near[-len(cue) - 1].isalnum()):
                rest = near[: -len(cue)]
                if cue.endswith(" by") and any(re.search(rf"\b{w}\b", rest) for w in self._work):
                    return WORK_AUTHOR
                return role
            if colon and "," not in label and label.strip().lower() == cue:
                return role
        return None

    def roles_of(self, eid: str) -> dict[str, list[int]]:
        """The roles printed next to one crew member, with the sentences, newest first."""
        return self.by_entity.get(eid, {})

    def who(self, role: str) -> list[str]:
        """Everyone the articles give a role ('creators' and 'creator' alike)."""
        key = exact_key(role)
        return self.by_role.get(key) or self.by_role.get(key.removesuffix("s"), [])
