"""The wordings a cast pair is printed in, as patterns: each names which group is the actor
("a") and which the character ("c"), and the words a sentence must hold for it to match.

Also a season's cast printed as a list: an intro sentence that speaks of the season's cast
("the rest of the cast includes the following performers:", "The Season 2 line-up features A
as B, C as D and E as F") and the pairs after it (one a line, or coordinated in the
sentence). Each listed person is part of that season's announced cast, a return as firmly as
the intro words it (a list presented as the cast is no guess; "the cast is expected to
include:" is). A list in an article about Season 1 (its credits) tells no return.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.facts.reading.claims.reading import Reading, listed_cues
from bot.facts.reading.claims.returns import return_stance
from bot.facts.text import PhraseSet

if TYPE_CHECKING:
    from bot.facts.building.records import Sentence
    from bot.facts.curated import Lexicon
    from bot.facts.reading.entities import EntityIndex

TOKEN = r"[A-Z][\w']*(?:-[A-Za-z]+)*"
NAME = rf"{TOKEN}(?:\s{TOKEN}){{0,2}}"
# Verbs that give an actor a role: "X plays Y", "X will play Y", "X takes the role of Y", "X
# has been cast as Y", "X steps into the role of Y".
PLAYS = (
    r"(?:(?:will|would|is\s+set\s+to|is\s+to)\s+(?:play|portray)|plays|portrays|is\s+playing|"
    r"(?:was|is|has\s+been|have\s+been)\s+(?:tapped|chosen|picked|selected|confirmed)\s+to\s+"
    r"(?:play|portray)|"
    r"stars\s+as|will\s+star\s+as|takes\s+on|"
    r"(?:has\s+been|have\s+been|was|is|will\s+be)\s+cast\s+as)"
)
# ... and the verbs that give it only with "the role of" ("takes the role of Y").
TAKES = r"(?:takes|took|will\s+take|steps\s+into|stepped\s+into|lands|landed|gets|got)"
# The verbs of "X, who plays Y": "who is playing Y", "who will play Y", "who takes the role
# of Y" too.
_WHO_PLAYS = (
    r"(?:plays|portrays|played|portrayed|(?:is|was)\s+(?:playing|portraying)|"
    rf"will\s+(?:play|portray)|{TAKES}\s+(?:the|a)\s+(?:[a-z-]+\s+)?(?:role|part)\s+of)"
)
# Lower-case words between an "as" and the name: "as his old classmate Y", "as the nurse Y".
# "as nurse Y", never "as well as Y".
DESCRIBED = (
    r"(?:(?:his|her|their|the|a|an)\s+)?"
    r"(?:(?!well\b|such\b|soon\b|long\b|far\b|much\b)[a-z-]+\s+){0,3}"
)
# Each form names which group is the actor ("a") and which the character ("c"), as printed.
CAST_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "played by",
        re.compile(
            rf"(?P<c>{NAME})(?:\s*\(|\s*,\s*|\s+(?:will\s+be|is|was|has\s+been|is\s+being)\s+)"
            rf"(?:played|portrayed|voiced)\s+by\s+(?P<a>{NAME})"
        ),
    ),
    (
        "who plays",
        re.compile(
            # an age or a short aside may stand between ("X, 24, who plays Y")
            rf"(?P<a>{NAME})(?:\s*,\s*[^,()]{{1,30}}?)?\s*[(,]\s*who\s+{_WHO_PLAYS}\s+"
            rf"(?:[a-z]+\s+){{0,3}}(?P<c>{NAME})"
        ),
    ),
    (
        "plays",
        re.compile(
            # an aside may stand between ("X, cast in 2023, plays ...", a relative clause "X,
            # whose casting surfaced in May, will play ..."), and a description
            # before the name ("plays a hybrid girl called Y"); a credit in brackets may
            # follow the name ('X ("Our Blues"), whose casting surfaced, will play Y')
            rf"(?P<a>{NAME})(?:\s*\([^()]{{1,40}}\))?(?:\s*,[^,]{{1,40}},|\s*,\s*(?:who|whose)\s[^,]{{1,90}},)?\s+(?:{PLAYS}\s+(?:the\s+(?:role|part)\s+of\s+|"
            r"(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:called|named)\s+|(?:a|an|the)\s+(?:[a-z-]+\s+){1,3})?|"
            rf"{TAKES}\s+(?:the|a)\s+(?:[a-z-]+\s+)?(?:role|part)\s+of\s+)(?P<c>{NAME})"
        ),
    ),
    ("parenthesis", re.compile(rf"(?P<c>{NAME})\s*\((?P<a>{NAME})\)")),
    (
        "as",
        re.compile(
            rf"(?P<a>{NAME})\s*,?\s+(?P<mid>(?:[a-z]+\s+){{0,4}})as\s+{DESCRIBED}(?P<c>{NAME})"
        ),
    ),
)
# A part each form's match must hold, searched first: most sentences hold none, and a form
# tried at every capitalised word is slow to rule out.
WORDS = {
    "played by": (re.compile(r"(?:[(,]\s*|\s)(?:played|portrayed|voiced)\s+by\s"),),
    "role goes": (
        re.compile(r"\b(?:role|part)\s+of\s"),
        re.compile(r"\s(?:goes|went|gone)\s+to\s"),
    ),
    "who plays": (re.compile(rf"[(,]\s*who\s+{_WHO_PLAYS}\s"),),
    "plays": (re.compile(rf"\s(?:{PLAYS}|{TAKES})\s"),),
    "joining as": (re.compile(r"(?i)\b(?:joining|new|returning)\b[^.]{0,30}\bas\s"),),
    "parenthesis": (re.compile(r"\([A-Z]"),),
    "as": (re.compile(r"\sas\s"),),
    "joined": (re.compile(r"\s(?:joined|joins|join|cast|aboard)\s"),),
    "rounding": (re.compile(r"(?i)\b(?:rounding\s+out|completing|joining)\s"),),
    "list": (re.compile(r"\sand\s"), re.compile(r"\s(?:as|play|portray)\s")),
    "new cast": (re.compile(r"\scast\b"),),
    "described role": (
        re.compile(r"\s(?:join|joins|joined|joining|aboard|cast|out|play|portray)\s"),
    ),
    "newcomers": (re.compile(r"(?i)\bnew(?:comers?\b|\s)|\bjoined\s+by\s"),),
}


def may(form: str, text: str) -> bool:
    """Whether the form can match the text at all."""
    return all(rx.search(text) for rx in WORDS[form])


# New cast given a role as a description, not a name: "X joins as a field medic", "X was cast
# as the new student", "X comes aboard as a doctor", "X has been tapped to play a soldier", "X
# will play a detective", "X rounds out the cast as a nurse"; "X joins in an undisclosed role"
# keeps the role not revealed. The description is cut where the sentence goes on (a relative
# clause, a participle, a preposition, punctuation).
_JOIN_VERB = (
    r"(?:(?:has|have|will|is\s+set\s+to)\s+)?(?:join(?:s|ed|ing)?|"
    r"(?:comes|came|come|coming)\s+aboard|round(?:s|ed)?\s+out\s+the\s+(?:\w+\s+)?cast|"
    r"(?:was|is|has\s+been|have\s+been|will\s+be)\s+cast)"
)
_PLAY_VERB = (
    r"(?:(?:was|is|has\s+been|have\s+been)\s+(?:tapped|chosen|picked|selected|confirmed|set)\s+"
    r"to|will|is\s+set\s+to|is\s+to)\s+(?:play|portray)"
)
_STAGE = (
    r"(?:\s+(?:the|this|its|a)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:cast|series|show|ensemble|season|sequel|drama))?"
)
DESCRIBED_ROLE = re.compile(
    rf"(?P<a>{NAME})\s*,?\s+(?:{_JOIN_VERB}{_STAGE}\s+(?P<how>as|in)|{_PLAY_VERB})\s+"
    r"(?P<d>(?:an?|the)\s+[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,5})"
)
# Words the description stops before ("a doctor who ...", "a medic assigned to ...").
_ROLE_STOP = frozenset(
    [
        *("who", "whom", "whose", "that", "which", "with", "in", "at", "from", "for", "on"),
        *("of", "to", "and", "or", "but", "by", "when", "while", "after", "before", "during"),
        *("this", "next", "alongside", "opposite"),
    ]
)
_HIDDEN_ROLE = re.compile(
    r"\b(?:undisclosed|unnamed|secret|mystery|unrevealed|unknown|unspecified|unannounced)\b"
)
_NO_ROLE = frozenset(["character", "role", "part", "member", "newcomer", "addition", "cast"])


def described_role(m: re.Match[str], text: str) -> str | None:
    """The role text of a DESCRIBED_ROLE match ("a field medic"); "" for a role kept
    secret ("in an undisclosed role", "as a new character"); None when no role is described
    (a name follows: "as the nurse Y" is a pair; "in the new season" tells no role)."""
    words = m.group("d").split()
    kept: list[str] = []
    for i, w in enumerate(words[1:], 1):
        if w in _ROLE_STOP or (i > 1 and w.endswith(("ed", "ing"))):
            break
        kept.append(w)
    hidden = bool(_HIDDEN_ROLE.search(m.group("d")))
    if m.group("how") == "in":
        return "" if hidden and kept and kept[-1] in ("role", "part") else None
    if not kept:
        return None
    if len(kept) == len(words) - 1 and re.match(r"\s+[A-Z]", text[m.end() :]):
        return None  # "as the new nurse Y": the name follows, another form pairs it
    if hidden or kept[-1] in _NO_ROLE:
        return ""
    return " ".join([words[0], *kept])  # as printed: "a special forces officer"


# --- a season's cast as a list ------------------------------------------------------------

Returning = list[tuple[str, bool, int]]  # (entity, negated, hedged) of one sentence
Named = list[tuple[list[str], Returning]]  # per sentence: entities named, returns

# One listed pair as printed: "A as B", "A as the nurse B", "B (A)", "A - B", "A: B".
_PAIR = re.compile(rf"(?:{NAME})\s*(?:,?\s+as\s+{DESCRIBED}|\s*\(|\s+[-–—:]\s+)(?:{NAME})\)?")
_BULLET = re.compile(r"^[\s•*·▪–—-]+|[\s.;,]+$")
_ITEMS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")


def _pair_line(text: str) -> bool:
    """Whether a line holds one listed pair and nothing else ("Lomon as Lee Su-hyeok")."""
    return _PAIR.fullmatch(_BULLET.sub("", text)) is not None


def _season(text: str, lex: Lexicon) -> int | None:
    """2 when the text names the new season, 1 for the first (or another), else None."""
    if not text:
        return None
    if lex.season2.any(text):
        return 2
    other = lex.claims.get("values", {}).get("other_season", [])
    if lex.season1.any(text) or PhraseSet.of(tuple(other)).any(text):
        return 1
    return None


def _intro(text: str, lex: Lexicon) -> int | None:
    """Where the listed pairs of an intro sentence start: after its list verb ("includes",
    "features"), or at its end when it ends in ":"; None when the sentence speaks of no cast
    or opens no list."""
    nouns = listed_cues(lex, "cast_lists", "intro_nouns")
    reading = Reading.of(text)
    found = nouns.find(reading)
    if not found:
        return None
    if text.rstrip().endswith(":"):
        return len(text)
    verbs = PhraseSet.of(tuple(lex.claims.get("cast_lists", {}).get("intro_verbs", [])))
    after = found[0][0]
    m = next((m for m in verbs.finditer(text.lower()) if m.start() > after), None)
    return m.end() if m else None


def _items(text: str) -> list[str]:
    """The pairs a coordinated list prints ("A as B, C as D and E as F")."""
    return [p for p in _ITEMS.split(text.strip(" .:")) if _pair_line(p)]


def _people(text: str, index: EntityIndex) -> list[str]:
    """The characters and actors a listed pair names, none if its character is new to the
    story (a discovered name: a newcomer does not return)."""
    named = [e for e in index.mentions(text) if index.entities[e].kind in ("character", "actor")]
    if any(index.entities[e].kind == "character" and not index.entities[e].curated for e in named):
        return []
    return named


def _characters(item: str, index: EntityIndex) -> list[str]:
    """The one character a names-only list item names (its spellings resolved as anywhere);
    none when it names anything else or more than one."""
    named = index.mentions(item.strip(" .:"))
    if len(named) == 1 and index.entities[named[0]].kind == "character":
        return [] if not index.entities[named[0]].curated else named
    return []


def _group_return(
    sentences: list[Sentence], named: Named, i: int, lex: Lexicon
) -> tuple[bool, int] | None:
    """How firmly the text sentence before sentences[i] words a return it tells of no one by
    name ("the core group is set to return"), or None when it tells none or names who."""
    if i == 0 or sentences[i - 1].kind != "text" or named[i - 1][1]:
        return None
    text = lex.return_exclude.remove(sentences[i - 1].display)
    if not lex.returns.any(text) or not lex.season2.any(text):
        return None
    return return_stance(text, lex.returns, lex)


def _about_new_season(sentence: Sentence, at: int, title: str, lex: Lexicon) -> bool:
    """Whether a list's intro is about the new season: the intro's own words before the list
    decide, else its section heading, else the article's headline."""
    for text in (sentence.display[:at], sentence.section, title):
        season = _season(text, lex)
        if season is not None:
            return season == 2
    return False


def add_listed_returns(
    sentences: list[Sentence], named: Named, index: EntityIndex, lex: Lexicon, title: str = ""
) -> None:
    """Add to `named` the returns a season's cast list tells: each listed person returns in
    the list's line that names them (or the intro, for a list inside it), as firmly as the
    intro words it."""
    table = lex.claims.get("cast_lists", {})
    cue = PhraseSet.of((*table.get("intro_nouns", []), *table.get("intro_verbs", [])))
    for i, s in enumerate(sentences):
        if s.kind != "text":
            continue
        at = _intro(s.display, lex)
        if at is None:
            continue
        # a group's return before it, in Season 2, makes the list the new season's too
        before = _group_return(sentences, named, i, lex)
        if before is None and not _about_new_season(s, at, title, lex):
            continue
        stance = return_stance(s.display, cue, lex)
        if before is not None and not lex.returns.any(s.display):
            # "the core group is set to return. This ensemble includes A, B and C": the list
            # names the people the return before it speaks of, as firmly as that one words it
            stance = before
        if stance is None:
            continue
        negated, hedged = stance
        listed: list[tuple[int, list[str]]] = []
        if at < len(s.display):  # a list inside the sentence
            listed = [(i, _people(p, index)) for p in _items(s.display[at:])]
            if not any(people for _, people in listed) and before is not None:
                # names only ("On-jo, Su-hyeok and Ha-ri"): each item that names a character
                listed = [(i, _characters(p, index)) for p in _ITEMS.split(s.display[at:])]
        else:  # one pair a line after it, up to the first line that is none
            for j in range(i + 1, len(sentences)):
                if not _pair_line(sentences[j].display):
                    break
                listed.append((j, _people(sentences[j].display, index)))
        for j, people in listed:  # each in the sentence that names them (the answer side
            for eid in people:  # reads a line with the intro it belongs to)
                if all(e != eid for e, _, _ in named[j][1]):
                    named[j][1].append((eid, negated, hedged))
