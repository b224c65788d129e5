"""Whether a line shown next to a decline is really nearby, or in fact the answer.

A decline may show one line the scoring did not accept. That line must name the person
asked about, if any, and it must not be the answer in disguise. It is the answer when it
carries the answer type and either
- prints every word of the question that the articles print at all ("wga" and "strike" of
  "did the wga strike mess up s2": "mess" is printed nowhere, so no line could), or
- carries what the question asks in its concepts (scoring/covering.py): "has filming started"
  is answered by "production had not commenced", "is s2 confirmed or fan cope" by a line that
  it is "confirmed to return". Read by concepts, the line must be about the person asked (the
  first person it names, or their actor or role) and, for a yes/no, not a hope or a guess.
Such a line is shown as what the sources say, not as "not an answer".
"""

from __future__ import annotations

from bot.answers.context import Context
from bot.answers.evidence.scoring.covering import SOURCE, SPEECH, concepts_of, covers
from bot.answers.evidence.scoring.evidence import FORECAST, VALUE_ASPECTS
from bot.answers.reading.matching import tokens
from bot.answers.reading.question import Question


def printed_words(ctx: Context, q: Question) -> dict[str, int]:
    """The question's own words (beyond its frame, [ask.stopwords]) that some article
    prints, with how many sentences print each."""
    stop = ctx.store.vocab.get("ask.stopwords", {})
    drop = {t for ws in stop.values() for w in ws for t in tokens(w)}
    df = ctx.m.search.df
    return {w: df(w) for w in set(tokens(q.text)) - drop if df(w) > 0}


def verdict(ctx: Context, q: Question, sid: int, people: tuple[str, ...] = ()) -> str:
    """Whether a line is the "answer" (see above), "off" when it does not name the person
    asked about, else "near"."""
    if people and not any(sid in ctx.store.mentions.get(e, ()) for e in people):
        return "off"  # a line about someone else ("He perished…" of another boy)
    carries = ctx.check.traits(sid).carries
    typed = q.atype in ("yesno", "what") or q.atype in carries
    # a value asked as an aspect ("what time"): the line must print one
    typed = typed and (q.aspect not in VALUE_ASPECTS or q.aspect in carries)
    if not typed:
        return "near"
    words = set(printed_words(ctx, q))
    names = {t for e in people for n in _names(ctx, e) for t in tokens(n)}
    has = set(tokens(ctx.store.sentences[sid].display))
    if words - names and words <= has:
        return "answer"
    if people and _subject(ctx, sid) not in _same_people(ctx, people):
        return "near"  # "X will be back as On-jo, … after Cheong-san died": On-jo's return
    if q.atype == "yesno" and ctx.check.traits(sid).speculative and not _asks_talk(ctx, q):
        return "near"  # a hope or a guess ("we cannot wait to watch her lead") is no yes
    return "answer" if covers(ctx, q.text, sid, names, people) else "near"


def _asks_talk(ctx: Context, q: Question) -> bool:
    """Whether a question asks what was said or guessed ("did an article say…", "was it
    supposed to…"): then a hedged line is the very thing asked."""
    asked = concepts_of(ctx.store).of_text(q.text)
    return {SOURCE, SPEECH} <= asked or FORECAST in asked


def _same_people(ctx: Context, people: tuple[str, ...]) -> set[str]:
    """The people asked about, with the actors who play them (or the roles they play)."""
    out = set(people)
    for p in ctx.store.pairs:
        if p.actor_id in people or p.character_id in people:
            out |= {p.actor_id, p.character_id}
    return out


def _subject(ctx: Context, sid: int) -> str | None:
    """The person a line names first: whom its concepts are most likely said of."""
    text = ctx.store.sentences[sid].display.lower()
    first: tuple[int, str] | None = None
    for eid, sids in ctx.store.mentions.items():
        if sid not in sids:
            continue
        at = [i for n in _names(ctx, eid) if (i := text.find(n.lower())) >= 0]
        if at and (first is None or min(at) < first[0]):
            first = (min(at), eid)
    return first[1] if first else None


def _names(ctx: Context, eid: str) -> list[str]:
    row = ctx.store.entities[eid]
    return [row.name, *row.aliases]
