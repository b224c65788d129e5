"""What a release verb releases: a picture released is no premiere.

"Netflix released a teaser poster on December 1" and "What Netflix released on December 1 was
a teaser poster" put out a poster, a still or key art, not the season: the verb's object (or,
in a "What X released ... was Y" sentence, the thing it is said to be) is one of the
[claims.values] compound_heads, and the release verb makes no release claim.
"""

from __future__ import annotations

import re

from bot.facts.curated import Lexicon
from bot.facts.reading.claims.attach import _cue_words
from bot.facts.reading.claims.readers import Readers
from bot.facts.reading.claims.reading import Reading, lemma

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
# A word that ends the object: what follows a preposition or a conjunction is no longer the
# thing released ("released the season on Friday with a poster").
_ENDS_OBJECT = frozenset(
    """with alongside along on in at to for by after before and as across via from into onto
    than while when""".split()  # noqa: SIM905 (a word list reads better as words)
)
_COPULA = frozenset(["was", "is", "were", "are"])
_CLEFT = re.compile(r"^\W*what\b", re.I)
_OBJECT_WORDS = 5  # "a new set of character posters": an object is a short noun phrase


def released_pictures(
    cues: dict[str, list[int]], readings, r: Readers, whole: Reading, lex: Lexicon
) -> None:
    """Leave out the release cues whose verb puts out a picture, not the season."""
    if "release" not in cues:
        return
    heads = _cue_words(lex)[3]
    text = whole.text
    verbs = {at for at, _ in (*r.weak["release"].find(whole), *r.strong["release"].find(whole))}
    cleft = bool(_CLEFT.match(text))
    gone = set()
    for x in cues["release"]:
        verb = _WORD.match(text, x)
        if x not in verbs or verb is None:
            continue
        end = next((at + len(c.text) for at, c, _ in readings if at <= x < at + len(c.text)), 0)
        tail = _WORD.findall(text[verb.end() : max(end, verb.end())])
        low = [w.lower() for w in tail]
        if cleft and (said := [i for i, w in enumerate(low) if w in _COPULA]):
            low = low[said[0] + 1 :]  # "What Netflix released on Friday was a poster"
        for w in low[:_OBJECT_WORDS]:
            if w in _ENDS_OBJECT:
                break
            if lemma(w) in heads:
                gone.add(x)
                break
    kept = [x for x in cues["release"] if x not in gone]
    if kept:
        cues["release"] = kept
    else:
        del cues["release"]
