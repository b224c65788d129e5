"""Stage: the command decides. A narrow question inside a status topic, answered by the one
claim that answers it, key fact first, then where the topic stands now.

"When did the teaser drop" asks about one event: the claim whose sentence the scoring accepts
for it leads, dated. "Is it coming out in 2025" asks whether a value holds: the topic's
deciding claims (the lead and those printing its value) say yes, no, or nothing either way.
"Has filming started", "did netflix cancel it" ask whether the topic has reached a state: the
state whose label carries the asked words decides it against where the topic stands.
A general question ("when will season 2 come out") keeps the whole timeline.
"""

from __future__ import annotations

import re

from bot.answers.commands.asking.honest import as_of_line
from bot.answers.commands.asking.yesno.dated import (
    asked_dates,
    dated_verdict,
    printed_dates,
    verdict_line,
)
from bot.answers.context import Context
from bot.answers.evidence.scoring.covering import SOURCE, SPEECH
from bot.answers.evidence.scoring.evidence import FORECAST, Evidence
from bot.answers.evidence.status.digest import (
    PLANNED,
    TopicStatus,
    line_label,
    progress,
    state_label,
)
from bot.answers.reading.concepts import lemma
from bot.answers.reading.frame import Frame
from bot.answers.reading.matching import tokens
from bot.answers.reading.wording import shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.claims.reading import clauses
from bot.facts.store import ClaimRow
from bot.facts.text import MONTHS, PhraseSet

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
WIDTH = 200  # characters of a quote in the key line
MAX_FACTS = 40  # distinct facts of a topic weighed for a narrow question, newest first
_CLAIMS: dict[int, tuple[TopicStatus, list[ClaimRow]]] = {}  # per topic digest
_LABELS: dict[tuple[int, ClaimRow], tuple[frozenset[str], list[str]]] = {}


def asks_narrowly(frame: Frame) -> bool:
    """Whether a status question asks one detail: when a past event happened, or whether
    a year it names holds."""
    q = frame.question
    return (q.atype == "when" and q.past) or q.atype == "yesno"


def narrow_answer(ctx: Context, ev: Evidence, frame: Frame, ts: TopicStatus) -> Answer | None:
    """The answer to a narrow question on one topic, or None when it asks generally or no
    claim answers it (the caller then scores the timeline like any candidate)."""
    if not asks_narrowly(frame):
        return None
    q = frame.question
    cite = Citer(ctx.store)
    years = set(_YEAR.findall(q.text))
    months, _ = asked_dates(q.text)
    asked = _asked_state(ctx, ev, frame, ts) if q.atype == "yesno" else None
    # "wasn't it supposed to start in january" asks of the plan, and "did an article say it
    # would come in march" of a report: once the event happened, its own date answers neither,
    # the sentence telling the plan or the report does
    told = FORECAST in frame.concepts or {SOURCE, SPEECH} <= frame.concepts
    event = asked or ts.lead.state  # "the announcement" names no state: where it stands
    if q.atype == "yesno" and told and any(_happened(c, event) for c in _claims(ts)):
        return None
    # "did filming start in october": the date the articles give that state itself
    dated = None
    if asked is not None and (months or years):
        dated = dated_verdict(ctx, ts, _claims(ts), asked, months, frozenset(years), cite)
    if dated is not None:
        key, shown = dated
    elif q.atype == "yesno" and (years or months):
        key, shown = _verdict(ctx, ts, years, months, cite)
    elif q.atype == "yesno":
        if asked is None:
            return None
        key, shown = _reached(ctx, ts, asked, cite), ts.lead.sentence_id
    else:
        claim = _event(ctx, ev, frame, ts)
        if claim is None:
            return None
        key, shown = _claim_line(ctx, claim, cite), claim.sentence_id
    lines = [key, *_now(ctx, ts, cite, shown), as_of_line(ctx)]
    return Answer("ask", True, ts.label, ts.label, lines, cite.citations)


def _claims(ts: TopicStatus) -> list[ClaimRow]:
    """The topic's claims, one per distinct fact (state and value): the lead, else the newest
    telling it, the newest MAX_FACTS facts (a thousand articles repeat a handful of facts;
    read once per topic digest)."""
    hit = _CLAIMS.get(id(ts))
    if hit is not None and hit[0] is ts:
        return hit[1]
    seen: dict[tuple[str, str], ClaimRow] = {(ts.lead.state, ts.lead.value): ts.lead}
    rest = sorted(
        [*ts.agreeing, *ts.earlier, *ts.disputed, *ts.overruled], key=lambda c: c.published
    )
    for c in reversed(rest):
        if len(seen) >= MAX_FACTS:
            break
        seen.setdefault((c.state, c.value), c)
    if len(_CLAIMS) > 64:
        _CLAIMS.clear()
    out = _CLAIMS[id(ts)] = (ts, list(seen.values()))
    return out[1]


def _label_words(ctx: Context, ev: Evidence, c: ClaimRow) -> tuple[frozenset[str], list[str]]:
    """A claim's state label as concepts and lemmas (read once per claim)."""
    key = (id(ctx.store), c)
    hit = _LABELS.get(key)
    if hit is None:
        label = state_label(ctx.store, c)
        if len(_LABELS) > 4096:
            _LABELS.clear()
        hit = _LABELS[key] = (ev.concepts.of_text(label), [lemma(t) for t in tokens(label)])
    return hit


def _event(ctx: Context, ev: Evidence, frame: Frame, ts: TopicStatus) -> ClaimRow | None:
    """The claim telling the event asked about, its sentence accepted; a "not yet" tells no
    event. Its state must say what was asked ("start" is a filming that began, "teaser" a
    teaser out, not a full trailer), then a firm claim leads a rumour, one printing its date
    an undated one ("when" asks for it), the deciding claim the rest, then the better read,
    newer one."""

    typed = {lemma(t) for w, _ in frame.predicate for t in tokens(w)}

    def rank(c: ClaimRow, total: float) -> tuple:
        concepts, lemmas = _label_words(ctx, ev, c)
        said = len(frame.concepts & concepts)
        # the word as typed ("teaser", not "full trailer"; "premiere" is "premiered")
        said += sum(any(_same(w, t) for t in lemmas) for w in typed)
        firm = c.modality == "confirmed" and not ctx.check.traits(c.sentence_id).speculative
        return (said, firm, bool(c.value), c is ts.lead, round(total, 1), c.published)

    scored = [
        (ev.score_sentence(frame, c.sentence_id), c)
        for c in _claims(ts)
        if not c.negated and c.state != "none"
    ]
    ranked = [(rank(c, s.total), c) for s, c in scored if s.accepted]
    return max(ranked, key=lambda rc: rc[0])[1] if ranked else None


def _happened(c: ClaimRow, state: str) -> bool:
    """Whether a claim tells the state as an event that took place, firmly."""
    firm = c.modality == "confirmed" and not (c.negated or c.hedged)
    return c.state == state and firm and c.tense != "future"


def _asked_state(ctx: Context, ev: Evidence, frame: Frame, ts: TopicStatus) -> str | None:
    """The state a yes/no question asks the topic has reached: the one whose label carries
    most of the asked words beyond the topic's own name ("started" is a filming that began,
    "cancel" a renewal cancelled), or None when no label carries any."""
    topic = ctx.store.status_topics[ts.topic]
    own = {lemma(t) for t in tokens(topic.label)}
    typed = {lemma(t) for w, _ in frame.predicate for t in tokens(w)} - own
    asked = frame.concepts - ev.concepts.of_text(topic.label)
    best, said_best = None, 0
    for state in progress(ctx.store, ts.topic)[1:]:  # the first is "not yet": asks no state
        label = re.sub(r"[:,]?\s*\{value\}", "", topic.states[state])
        lemmas = [t for t in (lemma(w) for w in tokens(label)) if t not in own]
        said = len(asked & ev.concepts.of_text(label))
        said += sum(any(_same(w, t) for t in lemmas) for w in typed)
        if said > said_best:
            best, said_best = state, said
    return best


def _reached(ctx: Context, ts: TopicStatus, asked: str, cite: Citer) -> Line:
    """Yes when the topic stands at or past the asked state (said firmly), "Expected, not
    confirmed" when only planned or reported, else No; quoting the deciding claim."""
    order = progress(ctx.store, ts.topic)
    lead = ts.lead
    base = lead.state.removesuffix(PLANNED)
    at = order.index(base) if base in order else 0
    want = order.index(asked)
    firm = lead.modality == "confirmed" and not lead.hedged and PLANNED not in lead.state
    if lead.negated or at == 0 or want > at:
        word = "No"
    elif firm:
        word = "Yes"
    else:
        word = "Expected, not confirmed"
    s = ctx.store.sentences[lead.sentence_id]
    return Line(
        f"**{word}** · {ctx.date(lead.source_id)} {cite.cite(lead.sentence_id)}: "
        f"“{shorten(s.display, WIDTH)}”",
        s.spoiler,
    )


def _same(a: str, b: str) -> bool:
    """One word in two forms the lemmatizer reads apart ("premiere", "premier")."""
    return a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)))


def _claim_line(ctx: Context, c: ClaimRow, cite: Citer) -> Line:
    s = ctx.store.sentences[c.sentence_id]
    return Line(
        f"**{state_label(ctx.store, c)}** · {ctx.date(c.source_id)} {cite.cite(c.sentence_id)}: "
        f"“{shorten(s.display, WIDTH)}”",
        s.spoiler,
    )


def _verdict(
    ctx: Context, ts: TopicStatus, years: set[str], months: frozenset[int], cite: Citer
) -> tuple[Line, int]:
    """Yes, no, not yet or "the sources don't say" on whether the topic's value falls in a
    year, from the deciding claims, with the deciding sentence; a claim in the topic's first
    ("not yet") state dates no event, and an expected value is said to be expected."""
    deciding = [ts.lead, *([ts.dated] if ts.dated else []), *ts.printing]
    printed = [c for c in deciding if _YEAR.search(c.value)]
    if months and not years:  # a month asked is judged only by a value printing months
        printed = [c for c in deciding if printed_dates(c.value)[0]]
    if not printed:
        asked = ", ".join([*(MONTHS[m - 1] for m in sorted(months)), *sorted(years)])
        marks = cite.cite_all([c.sentence_id for c in deciding], 3)
        line = Line(f"**The sources don't say** for {asked}: {line_label(ctx.store, ts)} {marks}")
        return line, -1
    held = [c for c in printed if _holds(c.value, years, months)]
    first = progress(ctx.store, ts.topic)[:1]
    c = (held or printed)[0]
    if not held:
        word = "No"
    elif _expects(ctx, c):  # "…not announced, but expected to drop later in 2024"
        word = "Expected, not confirmed"
    elif c.state in first or c.negated:
        word = "Not yet"
    elif c.modality == "confirmed" and not c.hedged:
        word = "Yes"
    else:
        word = "Expected, not confirmed"
    return verdict_line(ctx, word, c, cite)


def _holds(value: str, years: set[str], months: frozenset[int]) -> bool:
    """Whether a value printed falls in every year and month asked."""
    got_months, got_years = printed_dates(value)
    return (not years or bool(set(years) & got_years)) and (not months or bool(months & got_months))


def _expects(ctx: Context, c: ClaimRow) -> bool:
    """Whether the clause printing a claim's value holds it as expected ([ask.expects])."""
    cues = PhraseSet(ctx.store.vocab.get("ask.expects", {}).get("cues", []))
    text = ctx.store.sentences[c.sentence_id].display
    return any(c.value in clause and cues.any(clause) for _, clause in clauses(text))


def _now(ctx: Context, ts: TopicStatus, cite: Citer, shown: int) -> list[Line]:
    """Where the topic stands now, and a disagreement, in one or two lines (shown: the
    sentence the key line quotes, not listed again)."""
    lead = ts.lead
    out = [
        Line(
            f"Now: {line_label(ctx.store, ts)} · {ctx.date(lead.source_id)} "
            f"{cite.cite(lead.sentence_id)}"
        )
    ]
    others = [c for c in ts.disputed or ts.overruled if c.sentence_id != shown]
    if others:
        sides = "; ".join(
            dict.fromkeys(
                f"{state_label(ctx.store, c)} ({ctx.date(c.source_id)}) {cite.cite(c.sentence_id)}"
                for c in others[:3]
            )
        )
        word = "Sources disagree" if ts.disputed else "Older reports differ"
        out.append(Line(f"{word}: {sides}"))
    return out
