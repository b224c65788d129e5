"""Extraction: from articles to sentences, entity mentions, cast pairs, status claims, lore.

Every rule here is about wording, not about a known article: a new article that uses the same
forms ("X as Y", "Y (X)", "Y (played by X)", "X (who plays Y)") yields new facts on rebuild.
The rules live in entities.py (mentions), casting.py (cast pairs), status_claims.py (status
claims), claims/returns.py (returns), descriptions.py (what an article calls a person);
this module splits the articles and runs the whole pass.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.facts.casting import CastCollector
from bot.facts.claims.returns import return_evidence
from bot.facts.curated import EntityDef, Lexicon
from bot.facts.descriptions import DescriptionCollector
from bot.facts.entities import EntityIndex
from bot.facts.manifest import Source
from bot.facts.records import Claim, Extraction, Sentence
from bot.facts.status_claims import sentence_claims
from bot.facts.text import (
    Repairer,
    Span,
    collapse_ws,
    is_heading,
    split_sentences,
)

# --- lore -----------------------------------------------------------------------------------


def _lore(sentence: Sentence, lex: Lexicon) -> list[tuple[int, str, float]]:
    if sentence.kind != "text":
        return []
    text = sentence.display
    out: list[tuple[int, str, float]] = []
    for tid, topic in lex.lore.items():
        strong = len(topic.strong.find(text))
        in_section = topic.strong.any(sentence.section)
        weak = len(topic.weak.find(text)) if (strong or in_section) else 0
        score = 3.0 * strong + 1.0 * min(weak, 3) + 2.0 * in_section
        if score >= 3.0:
            out.append((sentence.id, tid, score))
    return out


# --- the whole pass -------------------------------------------------------------------------


_STRAY = "”’.,;:)]}–—-·•| \t\n"  # not ' or ": they also open a quotation


def _trim_stray(body: str, span: Span) -> Span:
    """A sentence never opens on punctuation that closes or joins something before it
    (a closing quotation mark left over from the previous sentence, a dash, a comma)."""
    start = span.start
    while start < span.end - 1 and body[start] in _STRAY:
        start += 1
    return Span(start, span.end) if start != span.start else span


def _is_section_title(heading: str) -> bool:
    """A heading that opens a section; not an image caption ('Credits: X', lowercase alt text,
    a file name full of numbers)."""
    words = heading.split()
    numeric = sum(any(ch.isdigit() for ch in w) for w in words)
    return len(words) >= 3 and heading != heading.lower() and numeric * 3 < len(words)


def _sentences(sources: list[Source], repairer: Repairer, lex: Lexicon) -> list[Sentence]:
    out: list[Sentence] = []
    for source in sources:
        section = ""
        for seq, span in enumerate(split_sentences(source.body)):
            span = _trim_stray(source.body, span)
            quote = collapse_ws(source.body[span.start : span.end])
            display = repairer.repair(quote)
            kind = (
                "question"
                if display.endswith("?")
                else "heading"
                if is_heading(display)
                else "text"
            )
            out.append(
                Sentence(
                    id=len(out) + 1,
                    source_id=source.id,
                    seq=seq,
                    start=span.start,
                    end=span.end,
                    quote=quote,
                    display=display,
                    kind=kind,
                    section=section,
                    spoiler=False,  # decided once its mentions are known, in extract()
                )
            )
            if kind != "text" and _is_section_title(display):
                section = display
    return out


def extract(
    sources: list[Source],
    entities: list[EntityDef],
    repairer: Repairer,
    lex: Lexicon,
    progress: Callable[[str], None] | None = None,
) -> Extraction:
    """Run every extraction over the sources; `progress(title)` is called as each article ends."""
    sentences = _sentences(sources, repairer, lex)
    by_id = {s.id: s for s in sources}
    index = EntityIndex(entities)
    cast = CastCollector(index, lex.claims.get("values", {}).get("titles", []))
    for s in sentences:
        cast.collect(s)  # first: it may discover new names the mention pass must know

    mentions: list[tuple[int, str]] = []
    returns: list[tuple[str, int, bool, bool]] = []
    claims: list[Claim] = []
    lore: list[tuple[int, str, float]] = []
    described = DescriptionCollector(index)
    current = None
    prev = None
    for s in sentences:
        if progress is not None and s.source_id != current:
            current = s.source_id
            progress(by_id[current].title)
        spans = index.spans(s.display)
        named = list(dict.fromkeys(eid for _, _, eid in spans))
        mentions.extend((s.id, eid) for eid in named)
        s.spoiler = lex.spoilers.is_spoiler(
            s.display, any(index.entities[e].kind != "crew" for e in named)
        )
        returns.extend(return_evidence(s, named, index, lex))
        before = prev if prev is not None and prev.source_id == s.source_id else None
        claims.extend(sentence_claims(s, by_id[s.source_id], lex, before))
        prev = s
        lore.extend(_lore(s, lex))
        described.collect(s, spans)
    return Extraction(
        sentences=sentences,
        entities=dict(sorted(index.entities.items())),
        mentions=mentions,
        pairs=cast.result(),
        returns=returns,
        claims=claims,
        lore=lore,
        descriptions=described.result(),
    )
