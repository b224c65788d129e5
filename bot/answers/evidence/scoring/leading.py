"""Stage: evidence gathered and scored. The order of the lines an answer shows: the key fact
first.

Whichever command picked the lines (by relevance, by how much they are about a person, by
their total score), the line that carries the asked-for type and covers the predicate by
itself leads; a line that only names the subject never leads, and a trailing line covering
none of the predicate is dropped. Among lines alike in that, a fact comes before a writer's
guess, and the picked order stands otherwise.
"""

from __future__ import annotations

import re

from bot.answers.evidence.scoring.asked import LIFE
from bot.answers.evidence.scoring.evidence import FORECAST, QUOTES, SPEECH, Evidence
from bot.answers.evidence.scoring.score import Score
from bot.answers.reading.frame import Frame
from bot.answers.reading.question import normalise

TYPED, OWN, BORROWED, NONE = range(4)  # what a line gives of what was asked, best first
LIST = 2  # different words of one asked concept that make a line a list of it
_SPANS: dict[int, tuple[Evidence, list[tuple[str, str]]]] = {}  # per sentence, per index


def tier(ev: Evidence, frame: Frame, sid: int, sc: Score | None = None) -> int:
    """What one sentence gives of the question: the asked type and the predicate by itself
    (TYPED), the predicate only (OWN), the predicate only through the sentence beside it
    (BORROWED), or nothing of it (NONE). sc: its score, when already read."""
    sc = sc or ev.score_sentence(frame, sid)
    q = frame.question
    own = bool(sc.itself & frame.concepts) or sc.bound
    if q.fate is not None and frame.people and not sc.bound and _fate_of_another(ev, frame, sid):
        # "is X dead": a death told of someone else it names ("Cheong-san perished while
        # fighting X") is no answer, however well its words match
        return NONE
    typed = sc.typed
    if SPEECH in frame.concepts:  # "what did X say": the words themselves, quoted
        text = ev.ctx.store.sentences[sid].display
        typed = typed and SPEECH in sc.itself and any(m in text for m in QUOTES)
    if own:
        return TYPED if typed else OWN
    return BORROWED if sc.coverage > 0 else NONE


def _fate_of_another(ev: Evidence, frame: Frame, sid: int) -> bool:
    """Whether a sentence tells the fate asked of someone it names other than the asked."""
    fate_of, fate = ev.asked.fate_of, frame.question.fate
    if fate_of is None or fate is None:
        return False
    fates = LIFE if fate in LIFE else (fate,)
    store = ev.ctx.store
    others = [e for e, ids in store.mentions.items() if sid in ids and e not in frame.people]
    told = [e for e in others if any(fate_of(sid, e, f) for f in fates)]
    if not told:
        return False
    # "Both Eun-Ji and Gwi-Nam are immortal zombies": told of a group the asked one is in
    text = store.sentences[sid].display.lower()
    names = lambda e: [store.entities[e].name, *store.entities[e].aliases]  # noqa: E731
    asked = [n.lower() for e in frame.people for n in names(e)]
    return not any(
        re.search(rf"{re.escape(a)}\s*(?:,|and|&|, and)\s*{re.escape(o.lower())}", text)
        or re.search(rf"{re.escape(o.lower())}\s*(?:,|and|&|, and)\s*{re.escape(a)}", text)
        for e in told
        for o in names(e)
        for a in asked
    )


def lead_first(ev: Evidence, frame: Frame, sids: list[int]) -> list[int]:
    """The picked sentences, reordered so the one answering what was asked leads; those that
    cover none of the predicate are dropped when another covers some of it."""
    if len(sids) < 2 or not frame.concepts:
        return sids
    check = ev.ctx.check
    scores = {s: ev.score_sentence(frame, s) for s in sids}
    tiers = {s: tier(ev, frame, s, scores[s]) for s in sids}
    if all(t == NONE for t in tiers.values()):
        return sids
    at = {s: i for i, s in enumerate(sids)}
    kept = [s for s in sids if tiers[s] != NONE]
    lead = min(kept, key=lambda s: (tiers[s], at[s]))
    if tiers[lead] == TYPED and scores[lead].itself & frame.concepts:
        # a line without the rarest concept the leading line says adds nothing on its point
        # ("these hybrids" after "a drawback is their craving"); one saying that too, in
        # other words, still stands beside it
        # (for "what did X say" the point is that someone is quoted)
        point = max(
            scores[lead].itself & frame.concepts, key=lambda c: (c == SPEECH, ev.weight(c), c)
        )
        kept = [s for s in kept if s == lead or point in scores[s].itself]
    # a line listing what was asked ("heightened senses, agility, and strength" for "what
    # powers") before one naming it once; a speculative line gives way only to a fact of its
    # own tier: the guess that answers ("expected later in 2024") beats a fact that does not
    guess = FORECAST not in frame.concepts  # unless a forecast is what was asked
    # "who made the virus": a line saying who ("was the science teacher") before one that
    # only has a role noun in it ("when the creator of a deadly virus states this")
    who = frame.question.atype == "who"
    # "is X a zombie": a line stating the asked state ("are immortal zombies") before one
    # that only has the word in it
    yesno = frame.question.atype == "yesno" and frame.question.fate != "any"

    def gives(s: int) -> tuple:  # what a line gives of the asked part, best first
        return (
            tiers[s],
            who and not check.identifies(s),
            yesno and not states(ev, frame, s),
            # "is mr lee a zombie": his line before lines on zombies that never name him
            yesno and bool(frame.people) and not _shown_naming(ev, frame, s),
        )

    ordered = sorted(
        kept,
        key=lambda s: (
            gives(s),
            not lists(ev, frame, s),
            guess and check.traits(s).speculative,
            at[s],
        ),
    )
    # a line behind the leading one on what it gives of the asked part is dropped: "who made
    # the virus" is answered by the line saying who, not also by one with "the creator" in it
    first = gives(ordered[0])
    return [s for s in ordered if gives(s)[1] <= first[1]]


_COPULA = re.compile(
    r"\b(?:is|are|was|were|remains?|stays?|still)\s+(?:(?:a|an|the|not|now|still|truly|also)\s+)*(?:[\w-]+\s+)?$"
)


def states(ev: Evidence, frame: Frame, sid: int) -> bool:
    """Whether a sentence states an asked concept as what someone is: a copula right before
    its word ("are immortal zombies", "is still alive")."""
    store = ev.ctx.store
    text = normalise(store.sentences[sid].display)
    named = [e for e, ids in store.mentions.items() if sid in ids]

    def at(e: str, end: int) -> tuple[int, int]:  # where a person is last named before `end`
        return max(((text.rfind(n, 0, end), len(n)) for n in _names(ev, e)), default=(-1, 0))

    for surface, concept in _spans(ev, sid):
        end = text.find(surface)
        if concept not in frame.concepts or end < 0 or not _COPULA.search(text[:end]):
            continue
        # the state is the asked one's: no one else is named closer before it ("On-jo … as
        # she is still alive" tells nothing of Cheong-san), unless named with them ("both
        # Eun-Ji and Gwi-Nam are")
        pos, size = max((at(e, end) for e in named if e in frame.people), default=(-1, 0))
        others = [at(e, end)[0] for e in named if e not in frame.people]
        if pos < 0:  # "They are infected but still alive": of whom the sentence before names
            if all(o < 0 for o in others) and _names_asked(ev, frame, sid - 1):
                return True
            continue
        if all(o < pos or _JOINED.fullmatch(text[pos + size : o]) for o in others):
            return True
    return False


_JOINED = re.compile(r"\s*(?:,|and|&|, and)\s*")


_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none)\b|n't\b", re.IGNORECASE)


def settles(ev: Evidence, frame: Frame, sid: int) -> bool:
    """Whether a line settles a yes/no question as yes: it states the asked state of the one
    asked about, as a fact, with no negation in it."""
    text = ev.ctx.store.sentences[sid].display
    return (
        frame.question.atype == "yesno"
        and bool(frame.people)
        and not ev.ctx.check.traits(sid).speculative
        and not _NEGATION.search(text)
        and states(ev, frame, sid)
    )


def _names_asked(ev: Evidence, frame: Frame, sid: int) -> bool:
    """Whether a sentence names one of the people asked about."""
    return any(sid in ev.ctx.store.mentions.get(e, ()) for e in frame.people)


def _shown_naming(ev: Evidence, frame: Frame, sid: int) -> bool:
    """Whether a line, as shown, names one asked about: itself, or the short sentence it is
    shown after ("When Mr. Lee was bit… He walked calmly ahead")."""
    ref = ev.ctx.check.near.referent(sid)
    return _names_asked(ev, frame, sid) or (ref is not None and _names_asked(ev, frame, ref))


def _names(ev: Evidence, eid: str) -> list[str]:
    e = ev.ctx.store.entities[eid]
    return [normalise(n) for n in (e.name, *e.aliases)]


def _spans(ev: Evidence, sid: int) -> list[tuple[str, str]]:
    """The concept words a sentence prints (read once per sentence and evidence)."""
    spans = _SPANS.get(sid)
    if spans is None or spans[0] is not ev:
        if len(_SPANS) > 4096:
            _SPANS.clear()
        text = normalise(ev.ctx.store.sentences[sid].display)
        spans = _SPANS[sid] = (ev, ev.concepts.spans(text))
    return spans[1]


def lists(ev: Evidence, frame: Frame, sid: int) -> bool:
    """Whether a sentence names LIST or more different words of one asked concept: it
    enumerates what was asked rather than naming it."""
    words: dict[str, set[str]] = {}
    for surface, concept in _spans(ev, sid):
        if concept in frame.concepts and concept != SPEECH:
            words.setdefault(concept, set()).add(surface)
    return any(len(w) >= LIST for w in words.values())
