"""Return evidence per person: who a sentence says returns for Season 2, or does not."""

from __future__ import annotations

import re

from bot.facts.claims.readers import readers
from bot.facts.claims.reading import Reading, clauses
from bot.facts.curated import Lexicon
from bot.facts.entities import EntityIndex
from bot.facts.records import Sentence
from bot.facts.text import PhraseSet


def negated_near(text: str, cue: PhraseSet, negation: PhraseSet) -> bool:
    """Whether a clause that carries the cue is negated ("..., but X is not returning")."""
    return any(cue.any(c) and negation.any(c) for _, c in clauses(text))


_SUBORDINATE = re.compile(r"\b(?:after|because|since|although|though|until|who|whom|which)\b")


def returning_people(text: str, index: EntityIndex, cue: PhraseSet) -> list[str]:
    """Entities a return sentence is about: those named in a stretch that carries the return
    cue, not in a subordinate clause beside it ("X will be back ... after Y died")."""
    parts = _SUBORDINATE.split(text)
    out: list[str] = []
    for i, part in enumerate(parts):
        if cue.any(part):
            # "Yoon Chan-young (who plays Cheong-san) returns": the subject may sit one part back.
            for p in (parts[i - 1], part) if i else (part,):
                out.extend(index.mentions(p))
    return out


def return_evidence(
    sentence: Sentence, named: list[str], index: EntityIndex, lex: Lexicon
) -> list[tuple[str, int, bool, bool]]:
    """(entity, sentence id, negated, hedged) for each character or actor a sentence says
    returns, or says does not: a denial ("X does not appear in the new season; the report is
    groundless") is a negated return. return_s2 cues ("appear in") count only in a sentence
    about Season 2."""
    if sentence.kind != "text":
        return []
    kept = lex.return_exclude.remove(sentence.display)
    s2_cues = PhraseSet.of(tuple(lex.claims.get("values", {}).get("return_s2", [])))
    cue = lex.returns
    if not cue.any(kept):
        if not (lex.season2.any(kept) and s2_cues.any(kept)):
            return []
        cue = s2_cues
    whole = Reading.of(kept)
    m = readers(lex).modality.read(whole, whole)
    negated = m.modality == "denied" or (
        m.modality != "rumoured" and negated_near(kept, cue, lex.negation)
    )
    hedged = m.modality in ("expected", "rumoured") or m.tense == "future"
    returning = set(returning_people(kept, index, cue))
    return [
        (eid, sentence.id, negated, hedged)
        for eid in named
        if eid in returning and index.entities[eid].kind in ("character", "actor")
    ]
