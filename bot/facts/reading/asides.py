"""Sentences and clauses that tell another thing than their words suggest: a labelled list
of actors is cast news, a ", which ..." clause on Season 1 counts Season 1's episodes, a
season "planned for" a time is its release, and a story that "picks up a year after" tells
no renewal, nor a season that "shot to No. 1" a shoot."""

from __future__ import annotations

import re

from bot.facts.curated import Lexicon
from bot.facts.reading.claims.reading import Reading, clauses, listed_cues


def cast_list(text: str, lex: Lexicon) -> bool:
    """Whether a sentence is a labelled list of actors ("Not back: X", "New: X as Y")."""
    labels = lex.claims.get("cast_lists", {}).get("labels", [])
    head, colon, rest = text.partition(":")
    return bool(colon) and head.strip().lower() in labels and bool(_NAMED.match(rest))


_NAMED = re.compile(r"\s*(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+\s*(?:\(|,|\bas\b|$)")


# A relative clause on the noun before it, and a yardstick a comparison names ("shorter than
# the first", "half the length of the original", "longer than last time").
_RELATIVE = re.compile(r"^\W*(?:which|that)\b", re.I)
_YARDSTICK = re.compile(
    r"\b(?:than|of|from|like|unlike|as|to|with)\s+(?:(?:the|its)\s+(?:first|original|previous|"
    r"last|earlier|predecessor)(?:\s+(?:one|season|run|outing|batch))?|last\s+time|before)\W*$",
    re.I,
)


def on_other_season(tail: str, clause: str, lex: Lexicon) -> bool:
    """Whether a ", which ..." clause tells of a season other than the new one: the noun just
    before it (at the end of tail, the text before the clause) is Season 1 or a comparison's
    yardstick ("..., season 1, which runs twelve episodes")."""
    if not _RELATIVE.match(clause):
        return False
    tail = tail.rstrip(" ,")
    noun = " ".join(re.split(r"[,;(]\s*(?=\w)", tail)[-1].split()[-3:])
    if lex.season2.any(noun):
        return False
    return bool(_YARDSTICK.search(tail)) or lex.season1.any(noun)


def release_plans(cues: dict[str, list[int]], whole: Reading, lex: Lexicon) -> None:
    """A season "planned for", "slated for" or "due" a time is its release; not where another
    topic's cue stands before it in its clause ("filming is scheduled for May" is the shoot's)."""
    found = listed_cues(lex, "release_plans", "phrases").find(whole)
    others = [x for t, xs in cues.items() if t != "release" for x in xs]
    for at, _ in found:
        start = max((a for a, _ in clauses(whole.text) if a <= at), default=0)
        if not any(start <= x < at for x in others):
            cues.setdefault("release", []).append(at)
    if "release" in cues:
        cues["release"] = sorted(set(cues["release"]))


# Other senses of cue verbs, blanked to the same length so offsets hold (a past verb stays
# past): where the story resumes, not an order ("picks up one year after the finale", "picks up
# where season one left off"); a rise, not a shoot ("shot to No. 1", "shot up the chart").
_OTHER_SENSES = re.compile(
    r"\bpick(?:s|ed|ing)?\s+up\s+(?=(?:where|right|just|shortly|soon|straight|after|from|"
    r"(?:a|an|one|two|three|\w+)\s+(?:years?|months?|weeks?|days?)\s+(?:after|later|on)\b))"
    r"|\bshot\s+(?:straight\s+)?(?:up|to|into)\b",
    re.IGNORECASE,
)


def other_senses_hidden(text: str) -> str:
    """The text with cue verbs in another sense blanked."""
    return _OTHER_SENSES.sub(_neutral, text)


def _neutral(m: re.Match[str]) -> str:
    # "shot" keeps its tense as "rose", so the clause's dates still read as past
    word = m.group(0)
    return "rose" + " " * (len(word) - 4) if word[:4].lower() == "shot" else " " * len(word)
