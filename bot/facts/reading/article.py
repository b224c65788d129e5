"""One article's extraction: its sentences, status claims, lore and spoiler words (no names
needed), then the names it prints, its returns and its descriptions (against an entity index).

The build runs these per article (bot.facts.building.incremental keeps each result for the
next build);
the rules live in entities.py (mentions), casting.py (cast pairs, a pass of its own),
status_claims.py (status claims), claims/returns.py (returns), descriptions.py (what an
article calls a person), spoilers.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.facts.building.records import Claim, Description, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.asides import cast_list
from bot.facts.reading.cast.lists import add_listed_returns
from bot.facts.reading.claims.denials import denied_returns, links, undenied
from bot.facts.reading.claims.retracted import act_days, unretracted
from bot.facts.reading.claims.returns import return_evidence, settle_lists
from bot.facts.reading.claims.undecided import restated_windows, unsettled
from bot.facts.reading.descriptions import DescriptionCollector
from bot.facts.reading.entities import EntityIndex
from bot.facts.reading.status_claims import sentence_claims
from bot.facts.sources.manifest import Source
from bot.facts.text import PhraseSet, Repairer, Span, collapse_ws, is_heading, split_sentences

TOKEN = re.compile(r"[^\W_]+")  # as the entity index splits text (bot.facts.reading.entities)

# Per sentence: the entities it names, and (entity, negated, hedged) for each it says returns.
Named = list[tuple[list[str], list[tuple[str, bool, bool]]]]


# A sign-off or an exclamation ("Thank you, Hyosan.", "Hyosan forever.", "Long live On-jo!")
# names a lore word but tells nothing about it: a lore fact takes a statement of some length.
_LORE_WORDS = 5
_EXCLAIMED_WORDS = 7  # ... and one exclaimed ("Thanks for reading, Hyosan fans!") a little more


def _too_short(text: str) -> bool:
    words = len(TOKEN.findall(text))
    return words < _LORE_WORDS or (text.rstrip(" \"'”’").endswith("!") and words < _EXCLAIMED_WORDS)


def _lore(sentence: Sentence, lex: Lexicon) -> list[tuple[int, str, float]]:
    if sentence.kind != "text" or _too_short(sentence.display):
        return []
    text = sentence.display
    out: list[tuple[int, str, float]] = []
    every = _lore_strong(lex)
    if not (every.any(text) or every.any(sentence.section)):
        return out  # a score of 3 takes a strong cue in the sentence or its section title
    later = not lex.season1.any(text) and (lex.season2.any(text) or _other_season(lex).any(text))
    for tid, topic in lex.lore.items():
        if topic.season == 1 and later:
            continue  # "The second season ended with ...": not the first season's ending
        strong = sum(1 for _ in topic.strong.finditer(text))  # counted, not spelled out
        in_section = topic.strong.any(sentence.section)
        weak = sum(1 for _ in topic.weak.finditer(text)) if (strong or in_section) else 0
        score = 3.0 * strong + 1.0 * min(weak, 3) + 2.0 * in_section
        if score >= 3.0:
            out.append((sentence.id, tid, score))
    return out


_STRONG: dict[int, tuple[Lexicon, PhraseSet]] = {}


def _lore_strong(lex: Lexicon) -> PhraseSet:
    """Every lore topic's strong cues in one set, compiled once per lexicon."""
    hit = _STRONG.get(id(lex))
    if hit is None or hit[0] is not lex:
        _STRONG.clear()
        every = PhraseSet(p for t in lex.lore.values() for p in t.strong.phrases)
        hit = _STRONG[id(lex)] = (lex, every)
    return hit[1]


def _other_season(lex: Lexicon) -> PhraseSet:
    """The words naming a season after the second ([claims.values] other_season)."""
    return PhraseSet.of(tuple(lex.claims.get("values", {}).get("other_season", ())))


_BRACKETED = re.compile(r"\([^()]*\)")


def _story_lore(
    lore: list[tuple[int, str, float]], sentences: list[Sentence], claims: list[Claim], lex
) -> list[tuple[int, str, float]]:
    """Lore rows, less those of sentences that tell production or casting news: a status claim
    (a shoot, a release, a casting), or production words outside brackets ("crews are
    building a set for the quarantine camp", "Seo plays Baek Yun-hee, the army virologist")."""
    news = {c.sentence_id for c in claims}
    text = {s.id: s.display for s in sentences}
    news |= {i for i, t in text.items() if lex.production_news.any(_BRACKETED.sub(" ", t))}
    return [row for row in lore if row[0] not in news]


def _titled_season(claims: list[Claim], sentences: list[Sentence], src: Source, lex) -> list:
    """In an article whose headline names a later season ("Netflix orders third season"), a
    sentence naming a season only as the article's own ("the new installment") speaks of that
    later season, and so does one with no season word that follows it in its paragraph ("The
    slate for 2027 ..."). Season 2 or 1 named by number keeps a sentence's news its own."""
    later = _other_season(lex)
    if not later.any(src.title) or lex.season2_numbered.any(src.title):
        return claims
    third: set[int] = set()
    prev: Sentence | None = None
    for s in sentences:
        text = s.display
        if lex.season2_numbered.any(text) or lex.season1.any(text):
            pass
        elif later.any(text) or lex.season_relative.any(text):
            third.add(s.id)
        elif prev is not None and prev.id in third and "\n" not in src.body[prev.end : s.start]:
            third.add(s.id)  # the same paragraph goes on about it
        prev = s
    return [replace(c, season=3) if c.season == 2 and c.sentence_id in third else c for c in claims]


_STRAY = "”’.,;:)]}–—-·•| \t\n"  # not ' or ": they also open a quotation


def _trim_stray(body: str, span: Span) -> Span:
    """A sentence never opens on punctuation that closes or joins something before it
    (a closing quotation mark left over from the previous sentence, a dash, a comma)."""
    start = span.start
    while start < span.end - 1 and body[start] in _STRAY:
        start += 1
    return Span(start, span.end) if start != span.start else span


# A line of a list whose end was lost ("..., Kim Bo-yoon as Hyo-ryung, Im Jae-hyuk as Dae-su,"),
# and the sentence wrapped onto it: a list's items are short, so a next line whose first
# stretch runs past twice its longest item and ends with a stop is a sentence of its own ("No
# other additional cast members have been officially announced for Season 2.").
_LIST_LINE = re.compile(r"[^\n]*,[ \t]*\n")
_ITEMS_AT_LEAST = 3


def _list_tails(body: str, span: Span) -> list[Span]:
    """A span cut after each list line a sentence of its own was glued onto."""
    out, start = [], span.start
    for m in _LIST_LINE.finditer(body, span.start, span.end):
        line = body[max(start, m.start()) : m.end()].rstrip().rstrip(",")
        items = [len(x.split()) for x in line.split(",")[1:]]
        rest = body[m.end() : span.end]
        nxt = rest.split("\n", 1)[0].strip()
        first = re.split(r"[,;:.!?]", nxt, maxsplit=1)[0]
        if (
            len(items) >= _ITEMS_AT_LEAST - 1
            and nxt[:1].isupper()
            and nxt[-1:] in ".!?"
            and len(first.split()) > 2 * max(items)
        ):
            out.append(Span(start, len(body[: m.end()].rstrip())))
            start = m.end()
    out.append(Span(start, span.end))
    return out


def _is_section_title(heading: str) -> bool:
    """A heading that opens a section; not an image caption ('Credits: X', lowercase alt text,
    a file name full of numbers)."""
    words = heading.split()
    numeric = sum(any(ch.isdigit() for ch in w) for w in words)
    return len(words) >= 3 and heading != heading.lower() and numeric * 3 < len(words)


def _sentences(
    source: Source, repairer: Repairer, titles: list[str], lex: Lexicon | None = None
) -> list[Sentence]:
    """An article's sentences, numbered from 1, each with its display text and section; a
    labelled list of actors ("Returning: A (B), C (D)") is text, not a heading, though it
    ends with no stop."""
    out: list[Sentence] = []
    section = ""
    spans = split_sentences(source.body, titles)
    pieces = [piece for span in spans for piece in _list_tails(source.body, span)]
    cut = {p.end for p in pieces} - {span.end for span in spans}  # list lines cut off: text
    for seq, span in enumerate(pieces):
        span = _trim_stray(source.body, span)
        quote = collapse_ws(source.body[span.start : span.end])
        display = repairer.repair(quote)
        kind = (
            "question"
            if display.endswith("?")
            else "heading"
            if is_heading(display)
            and span.end not in cut
            and not (lex is not None and cast_list(display, lex))
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
                spoiler=False,  # decided once its mentions are known
            )
        )
        if kind != "text" and _is_section_title(display) and _own_line(source.body, span):
            section = display
    return out


def _own_line(body: str, span: Span) -> bool:
    """Whether a sentence stands on a line of its own, as a heading does; a question asked
    inside a paragraph ("Remember the rumour from June? Still nothing official.") opens no
    section."""
    before, after = body[: span.start].rstrip(" \t"), body[span.end :].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


@dataclass
class Alone:
    """An article's results that need no entity index; sentence ids count from 1 within it."""

    sentences: list[Sentence]
    claims: list[Claim]
    lore: list[tuple[int, str, float]]
    spoiler: list[tuple[bool, bool]]  # per sentence: (if it names a person, if not)
    words: str  # every sentence's words, lower-cased, " | " between sentences
    denials: dict[int, int]  # denying sentence id -> the report sentence it denies
    title: str = ""  # the headline, which says which season a list of its cast is of


def read_alone(src: Source, repairer: Repairer, lex: Lexicon) -> Alone:
    """Split an article and read what needs no names: status claims, lore, spoiler words."""
    sentences = _sentences(src, repairer, lex.claims.get("values", {}).get("titles", []), lex)
    claims, lore, spoiler = [], [], []
    prev = earlier = None
    for s in sentences:
        # Naming someone can only make a sentence a spoiler: the second check is rarely needed.
        named = lex.spoilers.is_spoiler(s.display, True)
        spoiler.append((named, named and lex.spoilers.is_spoiler(s.display, False)))
        claims.extend(sentence_claims(s, src, lex, prev, earlier))
        lore.extend(_lore(s, lex))
        prev, earlier = s, prev
    words = " | ".join(" ".join(TOKEN.findall(s.display.lower())) for s in sentences)
    denials = links(sentences, claims, lex)
    kept = unsettled(undenied(claims, denials, sentences, lex), sentences, lex)
    kept = unretracted(kept, sentences, lex)
    kept = act_days(kept, sentences, src, lex)
    kept = restated_windows(kept, sentences, src, lex)
    kept = _titled_season(kept, sentences, src, lex)
    lore = _story_lore(lore, sentences, claims, lex)
    return Alone(sentences, kept, lore, spoiler, f" {words} ", denials, src.title)


def read_named(alone: Alone, index: EntityIndex, lex: Lexicon) -> tuple[Named, list[Description]]:
    """Per sentence of an article: the entities it names and the returns it reports; and the
    descriptions it prints. Sentence ids are the article's own (from 1)."""
    per_sentence = []
    described = DescriptionCollector(index)
    for s in alone.sentences:
        spans = index.spans(s.display)
        named = list(dict.fromkeys(eid for _, _, eid in spans))
        described.collect(s, spans)
        returning = [(eid, n, h) for eid, _, n, h in return_evidence(s, named, index, lex)]
        per_sentence.append((named, returning))
    add_listed_returns(alone.sentences, per_sentence, index, lex, alone.title)
    settle_lists(alone.sentences, per_sentence, index)
    if alone.denials:
        _deny_returns(alone, per_sentence, index)
    return per_sentence, described.result()


def _deny_returns(alone: Alone, per_sentence: Named, index: EntityIndex) -> None:
    """A denial in a later sentence ("His agency refuted the report.") denies the return the
    report told: added to the denying sentence's returns."""
    people = {e for e, d in index.entities.items() if d.kind in ("character", "actor")}
    by_id = {
        s.id: ([e for e in named if e in people], returning)
        for s, (named, returning) in zip(alone.sentences, per_sentence, strict=True)
    }
    denied = denied_returns(alone.denials, by_id)
    for s, (_, returning) in zip(alone.sentences, per_sentence, strict=True):
        returning.extend(denied.get(s.id, []))
