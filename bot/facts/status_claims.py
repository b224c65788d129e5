"""Season 2 status claims per topic, read clause by clause, and return evidence per person.

Each claim says which state of its topic a sentence reports (bot/facts/claims/states.py), how
(confirmed, expected, rumoured, denied) and in which tense, the value it states (a date, a
count), the season it is about, and the sentence as evidence. One claim per topic per
sentence: a premiere date beside a trailer mention belongs to the release, the topic whose cue
stands nearest to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.facts.claims.modality import Modality, ModalityReader
from bot.facts.claims.reading import Cues, Reading, clauses
from bot.facts.claims.states import PLANNED, StateReader, progress
from bot.facts.claims.values import episode_counts, latest_year, time_values
from bot.facts.curated import Lexicon
from bot.facts.entities import EntityIndex
from bot.facts.manifest import Source
from bot.facts.records import Claim, Sentence
from bot.facts.text import PhraseSet

_UNDATED = ("episodes", "cast")  # topics whose value is no time: a date beside them is another's
_STRENGTH = {"confirmed": 3, "denied": 3, "expected": 2, "rumoured": 1}


def negated_near(text: str, cue: PhraseSet, negation: PhraseSet) -> bool:
    """Whether a clause that carries the cue is negated ("..., but filming has not begun")."""
    return any(cue.any(c) and negation.any(c) for _, c in clauses(text))


@dataclass
class _Readers:
    """Everything compiled from one lexicon, built once per build."""

    modality: ModalityReader
    states: StateReader
    strong: dict[str, Cues]
    weak: dict[str, Cues]
    other_season: Cues
    numbers: list[str]
    comparison: list[str]


_CACHE: dict[int, tuple[Lexicon, _Readers]] = {}


def _readers(lex: Lexicon) -> _Readers:
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    values = lex.claims.get("values", {})
    readers = _Readers(
        modality=ModalityReader(
            lex.claims.get("modality", {}), Cues(lex.negation.phrases, lemmas=False)
        ),
        states=StateReader(
            lex.claims, {t: progress(topic.states) for t, topic in lex.status.items()}
        ),
        strong={t: Cues(topic.strong.phrases) for t, topic in lex.status.items()},
        weak={t: Cues(topic.weak.phrases) for t, topic in lex.status.items()},
        other_season=Cues(values.get("other_season", [])),
        numbers=values.get("numbers", []),
        comparison=values.get("comparison", []),
    )
    _CACHE.clear()
    _CACHE[id(lex)] = (lex, readers)
    return readers


def sentence_claims(
    sentence: Sentence, source: Source, lex: Lexicon, before: Sentence | None = None
) -> list[Claim]:
    """The status claims one sentence makes. before: the sentence just before it in the same
    article, whose number a "the same number of episodes" sentence refers to."""
    if sentence.kind != "text":
        return []
    text = sentence.display
    s2_here = lex.season2.any(text)
    if lex.season1.any(text) and not s2_here:
        return []
    r = _readers(lex)
    whole = Reading.of(lex.role_hidden.remove(text))
    season = 3 if not s2_here and r.other_season.any(whole) else 2
    # Under a heading about Season 2, or right after a sentence that names it, a topic with
    # section_context needs no Season 2 cue of its own ("The second season debuted at No. 1.
    # The eight-episode season, which was released on June 26, ...").
    s2_section = lex.season2.any(sentence.section) or (
        before is not None
        and lex.season2.any(before.display)
        and not r.other_season.any(Reading.of(before.display))
    )
    hoped = lex.hope.any(text)
    # Which topics the sentence is about, and where their cues stand.
    cues: dict[str, list[int]] = {}
    strong: set[str] = set()
    for tid, topic in lex.status.items():
        s2 = s2_here or season == 3 or (topic.section_context and s2_section)
        found = r.strong[tid].find(whole)
        if found:
            strong.add(tid)
        if found or s2:
            found = sorted(found + r.weak[tid].find(whole))
        if found:
            cues[tid] = [at for at, _ in found]
    if not cues:
        return []
    readings = _clause_readings(whole, r)
    _verbs_to_trailer(cues, strong, readings, r, whole)
    if not cues:
        return []
    # Each time goes to the topic whose cue stands nearest (the release on a tie); read on the
    # whole sentence, as a date's comma is no clause boundary, in the tense of its clause.
    times: dict[str, list[tuple[int, str]]] = {}
    dated = [t for t in cues if t not in _UNDATED]
    for spot, value in _sentence_times(whole.text, readings, source) if dated else ():
        near = min(dated, key=lambda t: (min(abs(spot - x) for x in cues[t]), t != "release"))
        times.setdefault(near, []).append((spot, value))
    out = []
    for tid in cues:
        claim = _topic_claim(
            tid,
            cues[tid],
            readings,
            times.get(tid, []),
            r,
            lex,
            sentence,
            source,
            before,
            hoped,
            strong,
        )
        if claim is not None:
            out.append(Claim(**{**claim.__dict__, "season": season}))
    return out


# A clause opening with one of these continues the one before it in time ("The shoot runs
# into 2025, after which the series moves into post-production": the move is planned too).
_CONTINUES = re.compile(r"^\s*(?:and\s+)?(?:after which|after that|then|before|once|until)\b", re.I)


def _verbs_to_trailer(cues, strong, readings, r: _Readers, whole: Reading) -> None:
    """A release verb in a clause about a trailer is the trailer's ("a teaser will be released
    next spring", "Netflix dropped the official trailer"): it makes no release claim."""
    if "release" not in cues or "trailer" not in cues:
        return
    spans = [(at, at + len(c.text)) for at, c, _ in readings]
    with_trailer = [(a, b) for a, b in spans if any(a <= x < b for x in cues["trailer"])]
    verbs = {at for at, _ in r.weak["release"].find(whole)}
    kept = [
        x for x in cues["release"] if x not in verbs or not any(a <= x < b for a, b in with_trailer)
    ]
    if kept:
        cues["release"] = kept
    else:
        del cues["release"]


def _clause_readings(whole: Reading, r: _Readers) -> list[tuple[int, Reading, Modality]]:
    """Each clause with its modality; a continuing clause takes a plan's modality and tense
    from the clause before it."""
    out: list[tuple[int, Reading, Modality]] = []
    for at, text in clauses(whole.text):
        c = Reading.of(text)
        m = r.modality.read(c, whole)
        if out and _CONTINUES.match(text) and out[-1][2].tense == "future":
            m = out[-1][2]
        out.append((at, c, m))
    return out


def _sentence_times(text: str, readings, source: Source) -> list[tuple[int, str]]:
    """(offset, value) of every time a sentence names, each read in its clause's tense."""
    out = []
    for at, c, m in readings:
        end = at + len(c.text)
        out.extend(
            (off, value)
            for off, value in time_values(text, source.published, m.tense, not source.estimated)
            if at <= off < end
        )
    return sorted(set(out))


def _topic_claim(
    tid,
    spots,
    readings,
    values,
    r: _Readers,
    lex: Lexicon,
    sentence,
    source,
    before,
    hoped,
    strong,
) -> Claim | None:
    """The one claim a sentence makes on a topic: the firmest, furthest clause's reading."""
    topic = lex.status[tid]
    states = progress(topic.states)
    best: tuple | None = None
    for at, c, m in readings:
        if not any(at <= x < at + len(c.text) for x in spots):
            continue
        negated = m.modality != "rumoured" and r.modality.negated(c)
        end = at + len(c.text)
        inside = [(o, v) for o, v in values if at <= o < end] or values
        here = [x for x in spots if at <= x < end]
        nearest = sorted(inside, key=lambda ov: min(abs(ov[0] - x) for x in here))[:1]
        value = _value(tid, c, [v for _, v in nearest], r, before, lex, hoped, source)
        if value is None:
            return None  # a release already past when written: the first season's
        state = r.states.state(tid, c, m, negated, value, source.published)
        if state is None:
            continue
        if topic.weak_needs_value and tid not in strong and not value and state in states[1:-1]:
            continue  # a weak cue tells a value or a "not yet", or that the event happened
        base = state.removesuffix(PLANNED)
        key = (_STRENGTH[m.modality], PLANNED not in state, states.index(base), bool(value))
        if best is None or key > best[0]:
            best = (key, state, m, value)
    if best is None:
        return None
    _, state, m, value = best
    modality = m.modality
    return Claim(
        tid,
        sentence.id,
        source.id,
        source.published,
        negated=state == states[0],
        hedged=modality in ("expected", "rumoured") or PLANNED in state,
        value=value,
        state=state,
        modality=modality,
        tense=m.tense,
    )


def _value(tid, clause: Reading, times, r: _Readers, before, lex, hoped, source) -> str | None:
    """The value a clause states on a topic ('' for none); None: the claim is not this
    season's news at all."""
    if tid == "episodes":
        counts = episode_counts(clause.text, r.numbers, r.comparison)
        if not counts and before is not None:
            same = PhraseSet(lex.ask.get("carries", {}).get("same_as", []))
            if same.any(clause.text):
                counts = episode_counts(before.display, r.numbers, r.comparison)
        return ", ".join(counts)
    if not times or (tid == "release" and hoped):
        return ""
    if tid == "release":
        years = [y for t in times if (y := latest_year(t))]
        if years and max(years) < int(source.published[:4]):
            return None
    return "; ".join(dict.fromkeys(times))


_SUBORDINATE_WORDS = (
    "after",
    "because",
    "since",
    "although",
    "though",
    "until",
    "who",
    "whom",
    "which",
)


def returning_people(text: str, index: EntityIndex, cue: PhraseSet) -> list[str]:
    """Entities a return sentence is about: those named in a stretch that carries the return
    cue, not in a subordinate clause beside it ("X will be back ... after Y died")."""
    parts = re.split(rf"\b(?:{'|'.join(_SUBORDINATE_WORDS)})\b", text)
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
    s2_cues = PhraseSet(lex.claims.get("values", {}).get("return_s2", []))
    cue = lex.returns
    if not cue.any(kept):
        if not (lex.season2.any(kept) and s2_cues.any(kept)):
            return []
        cue = s2_cues
    whole = Reading.of(kept)
    m = _readers(lex).modality.read(whole, whole)
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
