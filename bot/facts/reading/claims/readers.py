"""The cue sets one lexicon compiles into, for reading claims and returns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.facts.curated import Lexicon
from bot.facts.reading.claims.hearsay import Hearsay
from bot.facts.reading.claims.modality import ModalityReader
from bot.facts.reading.claims.reading import Cues
from bot.facts.reading.claims.states import StateReader, progress
from bot.facts.text import PhraseSet


@dataclass
class Readers:
    """Everything compiled from one lexicon, built once per build."""

    modality: ModalityReader
    hearsay: Hearsay
    speculative: Cues  # a return worded as a guess
    states: StateReader
    strong: dict[str, Cues]
    weak: dict[str, Cues]
    other_season: Cues
    numbers: list[str]
    comparison: list[str]
    # Every status topic's cue phrases (strong and weak) and their lemma forms, in one set
    # each: a sentence that holds none makes no status claim, ruled out by one test.
    any_cue: PhraseSet
    any_cue_lemma: PhraseSet
    comparison_rx: re.Pattern[str] | None  # any comparison word, the leftmost first


_CACHE: dict[int, tuple[Lexicon, Readers]] = {}


def readers(lex: Lexicon) -> Readers:
    """The readers for a lexicon, compiled on first use (one lexicon per build)."""
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    values = lex.claims.get("values", {})
    hearsay = Hearsay(lex.claims.get("hearsay", {}))
    more = lex.claims.get("topic_cues", {})
    pre = tuple(values.get("prefixes", []))
    strong = {
        t: Cues([*topic.strong.phrases, *more.get(t, [])], prefixes=pre)
        for t, topic in lex.status.items()
    }
    weak = {t: Cues(topic.weak.phrases, prefixes=pre) for t, topic in lex.status.items()}
    cues = [*strong.values(), *weak.values()]
    out = Readers(
        modality=ModalityReader(
            lex.claims.get("modality", {}), Cues(lex.negation.phrases, lemmas=False), hearsay
        ),
        hearsay=hearsay,
        speculative=Cues(lex.claims.get("hearsay", {}).get("speculative", [])),
        states=StateReader(
            lex.claims, {t: progress(topic.states) for t, topic in lex.status.items()}
        ),
        strong=strong,
        weak=weak,
        other_season=Cues(values.get("other_season", [])),
        numbers=values.get("numbers", []),
        comparison=values.get("comparison", []),
        any_cue=PhraseSet((p for c in cues for p in c.words.phrases), pre),
        any_cue_lemma=PhraseSet((p for c in cues for p in c.lemmas.phrases), pre),
        comparison_rx=_either(values.get("comparison", [])),
    )
    _CACHE.clear()
    _CACHE[id(lex)] = (lex, out)
    return out


def _either(words: list[str]) -> re.Pattern[str] | None:
    """One pattern for any of the words, each on word boundaries; None for no words."""
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
