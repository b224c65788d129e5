"""Cast pairs from wording: "X as Y", "Y (X)", "Y (played by X)", "X (who plays Y)",
"X plays Y", "has been cast ... as a new character"; new cast: "X has joined the cast as Y"
(also "Another newcomer, X, has joined ...", "X, who joins as Y", "X has been cast as Y",
"Rounding out the new cast is X as Y"), and the names after "newcomers" or "new faces";
coordinated lists "A and B return as C and D" (paired in order); a title inside a character's
name ("Dr. Han So-yi") is read past; unknown Korean-shaped names are discovered
(cast/discovered.py)."""

from __future__ import annotations

import re

from bot.facts.building.records import CastPair, Sentence
from bot.facts.curated import EntityDef
from bot.facts.reading.cast.discovered import unknown_name
from bot.facts.reading.cast_forms import (
    CAST_FORMS,
    DESCRIBED,
    DESCRIBED_ROLE,
    NAME,
    described_role,
    may,
)
from bot.facts.reading.entities import EntityIndex
from bot.facts.reading.names import slug

_LIST = rf"{NAME}(?:\s*,\s*{NAME})*,?\s+and\s+{NAME}"
# "A and " before an "as" pair: A is listed with it (unless A is itself "as X", a pair before)
_LIST_TAIL = re.compile(rf"(\bas\s+)?{NAME}\s+and\s+$")
_SPLIT_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NEW_CAST = re.compile(
    rf"(?P<a>{NAME})\s+(?:has\s+been|was|is|have\s+been)\s+cast\b[^.]*?\bas\s+(?:an?\s+)?new\s+(?:character|role)"
)


# Words that mark the names after them as new to the cast ("is joined by newcomers D and E",
# "New faces: Y (X)", "new actors D, E"); "joined by" only once the sentence speaks of a cast,
# as a story's "Nam-ra is joined by On-jo" is no casting news.
_NEWCOMER_CUE = re.compile(
    r"(?i)(?:\bnew(?:comers?|\s+(?:faces?|actors?|actress(?:es)?|cast\s+members?))\b"
    r"|(?P<joined>\bjoined\s+by\b))\s*[:,]?\s+(?:(?:include|includes|including|are|is)\s+)?"
    r"(?:newcomers?\s+)?"
)
_UNNAMED_NEWCOMERS = re.compile(r"(?i)\bnewcomers\s*[.:]\s*$")
_CAST_WORD = re.compile(r"(?i)\b(?:cast|ensemble|actors?)\b")
# the verb of a coordinated list that makes its pairs new cast ("A and B join as C and D";
# "join again as" is a return)
_JOINING = re.compile(r"(?i)\b(?:join(?:s|ed)?|come\s+aboard|came\s+aboard)\b(?!\s+(?:again|back))")


_RETURNING = re.compile(r"(?i)\b(?:return\w*|back|reprise\w*|comeback|come back|again)\b")
# Wording of casting news (not a story told): "will play", "has been cast", "joins", "new".
_CASTING_NEWS = re.compile(
    r"(?i)\b(?:will|set\s+to|cast|casting|join\w*|new\w*|addition\w*|aboard|tapped|chosen|picked|"
    r"selected|"
    r"goes\s+to|went\s+to|takes?\s+the\s+(?:\w+\s+)?role|"
    r"took\s+the\s+(?:\w+\s+)?role|steps?\s+into|land(?:s|ed)?\s+the\s+role|debut\w*)\b"
)


def _not_returning(m: re.Match[str]) -> bool:
    return not m.group(0).lower().startswith("returning")


class CastCollector:
    """Collects cast pairs sentence by sentence. titles: honorifics and ranks a character's
    name may carry ("Dr", "Officer"), read past."""

    def __init__(self, index: EntityIndex, titles: list[str] | tuple[str, ...] = ()):
        self.index = index
        self.pairs: dict[tuple[str | None, str | None], CastPair] = {}
        self._text = ""  # the sentence being read
        self._carry = False  # the sentence before announced newcomers it did not name
        self._announced: tuple[str, int] | None = None
        # where a cast list runs to (its intro ending ":", then its bare lines), and whether
        # the sentence read is one of its lines
        self._list_at: tuple[str, int] | None = None
        self._cast_line = False
        names = sorted({t.rstrip(".") for t in titles}, key=len, reverse=True)
        title = rf"(?:(?:{'|'.join(map(re.escape, names))})\.?\s+)?" if names else ""
        # New cast: "X has joined the cast as Y", "Another newcomer, X, has joined ...", "X,
        # who joins as Y", "X has been cast as Y"; and "Rounding out the new cast is X as Y".
        self._joined = re.compile(
            rf"(?P<a>{NAME})\s*,?\s+(?:who\s+)?(?:has\s+|have\s+|will\s+)?"
            rf"(?:joined|joins|join|(?:comes|came|has\s+come|have\s+come)\s+aboard|"
            rf"(?:has|have)\s+been\s+cast)\s+"
            rf"(?:the\s+(?:cast|series|show|ensemble|season)\b[^.]*?\s)?as\s+(?:an?\s+|the\s+)?"
            rf"{title}(?P<c>{NAME})"
        )
        self._rounding = re.compile(
            rf"(?i:rounding\s+out|completing|joining)\s+(?:the\s+)?(?i:new\s+)?(?i:cast|ensemble|"
            rf"line-?up|newcomers)\s+(?:is|are)\s+(?P<a>{NAME})\s+as\s+{title}(?P<c>{NAME})"
        )
        self._lists = re.compile(
            rf"(?P<a>{_LIST})\s+(?:(?:[a-z]+\s+){{0,4}}as|play|portray)\s+(?:[a-z]+\s+){{0,2}}"
            rf"(?P<c>{title}{NAME}"
            rf"(?:\s*,\s*{title}{NAME})*,?\s+and\s+{title}{NAME})"
        )
        self._title = re.compile(rf"^{title}") if names else None
        # The names a newcomer cue lists: "D, E and F", "Y (X) and Z (W), plus V".
        item = rf"{title}{NAME}(?:\s*\({title}{NAME}\))?"
        self._newcomer_list = re.compile(
            rf"{item}(?:(?:\s*,\s*(?:and\s+|plus\s+)?|\s+and\s+|\s+plus\s+){item})*"
        )
        self._in_list = re.compile(rf"{title}(?P<n>{NAME})")
        self._forms = [
            (form, re.compile(rx.pattern.replace("(?P<c>", f"{title}(?P<c>")))
            for form, rx in CAST_FORMS
        ]
        # "The role of Y goes to X"
        self._role_goes = re.compile(
            rf"\b(?:role|part)\s+of\s+{title}(?P<c>{NAME})\s+(?:goes|went|has\s+gone)\s+to\s+"
            rf"(?:[a-z]+\s+)?(?P<a>{NAME})"
        )
        # "Joining as Y is X", "New to the cast as Y is X", "Returning as Y is X"; the role
        # may be described before the verb ("Joining as Dr. Y, a virologist, is X")
        self._joining_as = re.compile(
            rf"(?i:joining|new|returning)\b[^.,]{{0,30}}\bas\s+{DESCRIBED}{title}(?P<c>{NAME})"
            rf"(?:\s*,\s*[^,.]{{1,80}},)?\s+(?:is|are|will\s+be)\s+(?P<a>{NAME})"
        )

    def _entity(self, printed: str, kind: str) -> str | None:
        eid = self.index.resolve(printed)
        if eid:
            return eid
        name = unknown_name(printed, kind)
        if not name:
            return None
        entity = EntityDef(id=f"{kind}:{slug(name)}", kind=kind, name=name, curated=False)
        self.index.add(entity)
        return entity.id

    def _kind(self, printed: str) -> str | None:
        eid = self.index.resolve(printed)
        return self.index.entities[eid].kind if eid else None

    def collect(self, sentence: Sentence) -> None:
        text = sentence.display
        self._text = text
        # "They are joined by a trio of newcomers." names no one: the next sentence's pairs are
        # the newcomers it announced
        carried = self._announced == (sentence.source_id, sentence.seq - 1)
        self._carry = carried
        here = (sentence.source_id, sentence.seq)
        if sentence.kind == "text":
            listing = text.rstrip().endswith(":") and _CAST_WORD.search(text)
            self._list_at, self._cast_line = (here if listing else None), False
        else:
            self._cast_line = self._list_at == (sentence.source_id, sentence.seq - 1)
            self._list_at = here if self._cast_line else None
        before = len(self.pairs)
        self._collect(sentence, text)
        if _UNNAMED_NEWCOMERS.search(text) and len(self.pairs) == before:
            self._announced = (sentence.source_id, sentence.seq)

    def _collect(self, sentence: Sentence, text: str) -> None:
        taken: list[tuple[int, int]] = []
        # The casting-news wordings, each with its form and whether its pair is new cast
        # ("Returning as Y is X" is not).
        for key, rx, form, new in (
            ("joined", self._joined, "joined the cast", lambda m: True),
            ("joining as", self._joining_as, "joining as", _not_returning),
            ("role goes", self._role_goes, "role goes to", lambda m: False),
            ("rounding", self._rounding, "rounding out", lambda m: True),
        ):
            for m in rx.finditer(text) if may(key, text) else ():
                tail = _LIST_TAIL.search(text, 0, m.start("a")) if key == "joined" else None
                if tail and not tail.group(1):
                    continue  # "A and B join as C and D": the list below pairs them in order
                if self._pair(m.group("a"), m.group("c"), sentence.id, form, new=new(m)):
                    taken.append(m.span())
        for m in self._lists.finditer(text) if may("list", text) else ():
            actors = [a for a in _SPLIT_LIST.split(m.group("a")) if a]
            chars = [self._untitled(c) for c in _SPLIT_LIST.split(m.group("c")) if c]
            taken.append(m.span())  # a list of unequal length pairs nobody
            joining = bool(_JOINING.search(text, m.end("a"), m.start("c")))
            if len(actors) == len(chars):
                for a, c in zip(actors, chars, strict=True):
                    self._pair(a, c, sentence.id, "as (list)", new=joining)
        for form, rx in self._forms:
            for m in rx.finditer(text) if may(form, text) else ():
                if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                    continue
                tail = _LIST_TAIL.search(text, 0, m.start("a")) if form == "as" else None
                if tail and not tail.group(1):
                    continue  # "A and B return as C": whose role C is, the sentence doesn't say
                a, c = m.group("a"), m.group("c")
                ka, kc = self._kind(a), self._kind(c)
                if ka == "character" or kc == "actor":  # printed the other way round: resolve it
                    a, c, ka, kc = c, a, kc, ka
                    form = f"{form} (reversed)"
                if ka not in (None, "actor") or kc not in (None, "character"):
                    continue
                actor, character = self._entity(a, "actor"), self._entity(c, "character")
                if actor and character:
                    self._add(actor, character, sentence.id, form, new=self._unseen(character))
        if may("described role", text):
            self._described(text, sentence.id)
        for m in _NEW_CAST.finditer(text) if may("new cast", text) else ():
            if self._kind(m.group("a")) in (None, "actor") and (
                actor := self._entity(m.group("a"), "actor")
            ):
                self._add(actor, None, sentence.id, "new cast", new=True)
        if may("newcomers", text):
            self._newcomers(text, sentence.id)

    def _described(self, text: str, sid: int) -> None:
        """New cast given a role described, not named ("X comes aboard as a field medic"): the
        description is kept as the role, a character of its own for that actor; a role kept
        secret ("in an undisclosed role") is a role not revealed. An actor this sentence
        already paired is left as paired."""
        paired = {a for (a, _), p in self.pairs.items() if sid in p.evidence}
        for m in DESCRIBED_ROLE.finditer(text):
            role = described_role(m, text)
            printed = m.group("a")
            if role is None or self._kind(printed) not in (None, "actor"):
                continue
            actor = self._entity(printed, "actor")
            if actor is None or actor in paired:
                continue
            character = None
            if role:
                cid = f"character:{actor.split(':')[-1]}-as-{slug(role)}"
                if cid not in self.index.entities:
                    self.index.add(EntityDef(cid, "character", role, curated=False))
                character = cid
            self._add(actor, character, sid, "described role", new=True)

    def _newcomers(self, text: str, sid: int) -> None:
        """Mark the names a newcomer cue lists as new cast: an actor with no role yet, or a
        character whose pair (from this sentence or another) is then new."""
        for cue in _NEWCOMER_CUE.finditer(text):
            if cue.group("joined") and not _CAST_WORD.search(text, 0, cue.start()):
                continue
            listed = self._newcomer_list.match(text, cue.end())
            for m in self._in_list.finditer(listed.group(0)) if listed else ():
                printed = m.group("n")
                kind = self._kind(printed)
                if kind == "character":  # noted as a pair with no actor, replayed from a cache
                    self._add(None, self.index.resolve(printed), sid, "newcomer", new=True)
                elif kind in (None, "actor") and (actor := self._entity(printed, "actor")):
                    self._add(actor, None, sid, "newcomer", new=True)

    def _unseen(self, character: str | None) -> bool:
        """A character no curated list knows, paired in a sentence of casting news that tells
        no return: someone the story had not met, so the actor playing them is new cast ("X
        will play Y"; not "X and Z return as Y and W", nor a story's "X plays Y")."""
        e = self.index.entities.get(character) if character else None
        if e is None or e.curated or e.kind != "character":
            return False
        text = self._text  # read only once a pair is found: most sentences have none
        if self._cast_line:  # a line of a season's cast list: casting news, unless it returns
            return not _RETURNING.search(text)
        return bool(_CASTING_NEWS.search(text)) and not _RETURNING.search(text)

    def _untitled(self, printed: str) -> str:
        return self._title.sub("", printed) if self._title else printed

    def _pair(self, a: str, c: str, sid: int, form: str, new: bool) -> bool:
        """Add a pair printed actor first (either way round is resolved); whether one was."""
        ka, kc = self._kind(a), self._kind(c)
        if ka == "character" or kc == "actor":
            a, c, ka, kc = c, a, kc, ka
        if ka not in (None, "actor") or kc not in (None, "character"):
            return False
        actor, character = self._entity(a, "actor"), self._entity(c, "character")
        if not (actor and character):
            return False
        self._add(actor, character, sid, form, new=new or self._unseen(character))
        return True

    def _add(
        self, actor: str | None, character: str | None, sid: int, form: str, new: bool
    ) -> None:
        new = new or (self._carry and actor is not None and character is not None)
        pair = self.pairs.setdefault((actor, character), CastPair(actor, character, new_cast=new))
        pair.new_cast = pair.new_cast or new
        pair.evidence.setdefault(sid, form)

    def result(self) -> list[CastPair]:
        # A "role not revealed" entry is dropped once a source names the actor's role; the
        # named role stays new cast.
        named = {a for (a, c) in self.pairs if c is not None}
        listed_new = {c for (a, c) in self.pairs if a is None}  # characters called newcomers
        for (a, c), p in self.pairs.items():
            if c is not None and ((a, None) in self.pairs or c in listed_new):
                p.new_cast = True
        return sorted(
            (
                p
                for (a, c), p in self.pairs.items()
                if a is not None and (c is not None or a not in named)
            ),
            key=lambda p: (p.actor_id, p.character_id or ""),
        )
