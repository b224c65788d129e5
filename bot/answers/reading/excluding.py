"""What a question sets aside before it is read: a reading it excludes ("who wrote the show
(not the webtoon)", "…other than the director", "besides X") and a tag that only asks for
agreement ("…or nah", "…or am i tripping", "…or what").

An excluded thing is named so the answer is NOT about it: left in, its words pull the question
to the very topic the fan ruled out. A tag after "or" offers no second value, so it is no
either/or, and its words ("what") would retype a yes/no. Both word lists are general English
in [ask.exclusions] and [ask.either] of data/lexicon.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

Vocab = dict[str, dict[str, list[str]]]
# what ends an excluded stretch in the message as typed: a closing bracket or a clause mark
_END = r"[^()?!.,;:]*"


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _patterns(
    cues: tuple[str, ...], negations: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """The three patterns of one vocabulary's exclusion cues, compiled once (every question
    is read through them)."""
    every = _alternation([*cues, *negations])
    bracket = re.compile(rf"\(\s*(?:{every})\b[^)]*\)?", re.IGNORECASE)
    cued = (
        re.compile(rf"(?<![\w'-])(?:{_alternation(cues)})\s+{_END}", re.I) if cues else None
    )
    negated = (
        re.compile(
            rf"(?P<before>[\w'-]+)\s+(?:{_alternation(negations)})\s+(?:the|a|an)\s+{_END}",
            re.IGNORECASE,
        )
        if negations
        else None
    )
    return bracket, cued, negated


def without_exclusions(message: str, vocab: Vocab) -> str:
    """The message as typed with each stretch it excludes removed: a bracket opening on an
    excluding cue ("(not the webtoon)"), or a cue and what follows it up to the next clause
    mark ("…, other than the director?"). A bare "not" excludes only after a noun, never
    after a verb of being or doing ("is it not confirmed", "who is not the villain")."""
    table = vocab.get("ask.exclusions", {})
    cues, negations = table.get("cues", []), table.get("negations", [])
    if not cues and not negations:
        return message
    bracket, cued, negated = _patterns(tuple(cues), tuple(negations))
    out = bracket.sub(" ", message)
    if cued is not None:
        out = cued.sub(" ", out)
    if negated is not None:
        # "not" after these negates the verb, it excludes nothing
        verbs = set(table.get("negated_after", []))

        def bare(m: re.Match) -> str:
            before = m.group("before").lower()
            return m.group(0) if before in verbs else f"{m.group('before')} "

        out = negated.sub(bare, out)
    kept = " ".join(out.split())
    return kept if re.search(r"\w", kept) else message


def without_tag(text: str, vocab: Vocab) -> str:
    """Normalised text without a closing tag that asks for agreement, not for a second value
    ("is there a trailer or nah" -> "is there a trailer"); unchanged when nothing else is
    left."""
    tags = vocab.get("ask.either", {}).get("tags", [])
    for tag in sorted(tags, key=len, reverse=True):
        if text.endswith(f" {tag}") and len(text) > len(tag) + 1:
            return text[: -len(tag) - 1].rstrip()
    return text
