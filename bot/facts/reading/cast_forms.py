"""The wordings a cast pair is printed in, as patterns: each names which group is the actor
("a") and which the character ("c"), and the words a sentence must hold for it to match.
A season's cast printed as a list is read by bot/facts/reading/cast/lists.py.
"""

from __future__ import annotations

import re

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
