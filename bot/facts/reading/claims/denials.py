"""A denial linked to the report it denies, across sentences of one article.

"Some outlets reported an October premiere. Netflix said the report is not true." The second
sentence names no date: it denies the nearest report before it in the same article (of its own
topic when it names one: "... denied the premiere report"). A denied report sets no state: its
status claims are dropped, so the topic reads as the other claims say; a person's return it
told becomes a denial on the denying sentence. A denial sets no state of its own either ("the
cancellation report is false" says nothing about a renewal): only its "not yet" counts.
"""

from __future__ import annotations

from bot.facts.building.records import Claim, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.readers import readers
from bot.facts.reading.claims.reading import Reading
from bot.facts.reading.claims.states import progress

WINDOW = 3  # sentences back to look for the report: a denial follows it closely


def _denies(s: Sentence, lex: Lexicon) -> bool:
    return s.kind == "text" and readers(lex).modality.cues["denied"].any(Reading.of(s.display))


def _points_back(s: Sentence, lex: Lexicon) -> bool:
    """Whether a denial points at a report ("denied it", "refuted the report", "called the
    claims untrue"), not at a thing of the story ("He denies being infected")."""
    r = readers(lex)
    whole = Reading.of(s.display)
    words = {w.lower() for w in whole.words()} | set(whole.lemmas.split(" "))
    pointing = r.hearsay.pointing | r.hearsay.sources
    return bool(words & pointing) or r.modality.cues["rumoured"].any(whole)


def _tells_its_own(s: Sentence, lex: Lexicon) -> bool:
    """Whether a denying sentence tells the report it denies before the denial ("An outlet
    reported X; Netflix said the report is groundless", "X is reportedly back, but his
    agency denied it"): it denies that, not one before it."""
    r = readers(lex)
    whole = Reading.of(s.display)
    at = min(at for at, _ in r.modality.cues["denied"].find(whole))
    before = Reading.of(s.display[:at])
    if r.hearsay.tells(before) or lex.returns.any(before.text):
        return True
    # talk of a topic ("the premiere is rumoured for May, but ..."), not "called the claims"
    news = any(c.any(before) for c in (*r.strong.values(), *r.weak.values()))
    return news and r.modality.cues["rumoured"].any(before)


def _hearsay(s: Sentence, lex: Lexicon) -> bool:
    r = readers(lex)
    whole = Reading.of(s.display)
    return r.modality.cues["rumoured"].any(whole) or r.hearsay.tells(whole)


def _topics(s: Sentence, lex: Lexicon) -> set[str]:
    r = readers(lex)
    whole = Reading.of(s.display)
    return {t for t, cues in r.strong.items() if cues.any(whole)}


def _reported(claims: list[Claim], topics: set[str], told: bool) -> list[Claim]:
    """A sentence's claims a denial may deny: news not firm (rumoured, expected, planned),
    or any, in a sentence that tells a report ("Variety reported that filming began"). A "not
    yet" is no report of its own ("the schedule has not been decided yet. The report of an
    October start is not true." denies a report told before both)."""
    return [
        c
        for c in claims
        if told or ((c.modality in ("rumoured", "expected") or c.hedged) and not c.negated)
        if not topics or c.topic in topics
    ]


def links(sentences: list[Sentence], claims: list[Claim], lex: Lexicon) -> dict[int, int]:
    """Denying sentence id -> the report sentence id it denies (same article; sentence ids
    are the article's own)."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence_id, []).append(c)
    out: dict[int, int] = {}
    for i, s in enumerate(sentences):
        if not _denies(s, lex) or not _points_back(s, lex) or _tells_its_own(s, lex):
            continue
        topics = _topics(s, lex)
        for p in reversed(sentences[max(0, i - WINDOW) : i]):
            if p.kind != "text":
                continue
            if _denies(p, lex):
                if by_sentence.get(p.id):
                    out[s.id] = p.id  # "X is false. There is no truth to it.": the same denial
                    break
                continue
            hearsay = _hearsay(p, lex)
            told = _reported(by_sentence.get(p.id, []), topics, hearsay)
            person = (not topics or "cast" in topics) and lex.returns.any(p.display)
            if told or person or hearsay:
                out[s.id] = p.id  # a report the bot may not read stops the search too
                break
    return out


def undenied(
    claims: list[Claim], linked: dict[int, int], sentences: list[Sentence], lex: Lexicon
) -> list[Claim]:
    """An article's claims once its denials are linked (see `links`): a denied report's
    claims of the denial's topics dropped, and a denial's own claims of a state other than
    "not yet"."""
    by_id = {s.id: s for s in sentences}
    dropped = {
        id(c)
        for d, rid in linked.items()
        if not _denies(by_id[rid], lex)
        for c in _reported(
            [c for c in claims if c.sentence_id == rid],
            _topics(by_id[d], lex),
            _hearsay(by_id[rid], lex),
        )
    }
    # A denial takes back its report's topics only: "The production company said there is no
    # truth to it" after an episode rumour says nothing of filming.
    for d, rid in linked.items():
        told = {c.topic for c in claims if c.sentence_id == rid}
        if told:
            dropped |= {id(c) for c in claims if c.sentence_id == d and c.topic not in told}
    return [c for c in claims if id(c) not in dropped and not _stateless(c, lex)]


def _stateless(c: Claim, lex: Lexicon) -> bool:
    """A denial's claim of a state past "not yet" (people's denials are their returns')."""
    if c.modality != "denied" or c.season != 2 or c.topic == "cast":
        return False
    return c.state != progress(lex.status[c.topic].states)[0]


def denied_returns(
    linked: dict[int, int], named: dict[int, tuple[list[str], list[tuple]]]
) -> dict[int, list[tuple[str, bool, int]]]:
    """Per denying sentence, the returns of the report it denies, as denials: (entity, True,
    stated). named: per sentence id, the entities it names and its (entity, negated, hedged)
    returns. A denial that names people denies only their return ("X will not be part of it,
    calling the reports false" says nothing of the person before)."""
    out: dict[int, list[tuple[str, bool, int]]] = {}
    for d, rid in linked.items():
        names, own = named.get(d, ([], []))
        told = [e for e, negated, _ in named.get(rid, ([], []))[1] if not negated]
        if names:
            told = [e for e in told if e in names and e not in {e for e, *_ in own}]
        if told:
            out[d] = [(e, True, 0) for e in dict.fromkeys(told)]
    return out
