"""The Season 2 status digest: per topic, which claim decides the state, and how it reads.

Resolution: firm claims (confirmed, or a denial) set the state, the furthest one said since the
last firm "not yet" or setback ([ask.setback]); a newer firm claim of an earlier step only
restates. A newer plan or forecast (not a rumour) of a further state leads over it (a teaser
expected after "no trailer yet"), but a planned event never reads as done; rumours lead only
where nothing firmer is said. The line's state, date, quote and footnote are those of the
deciding claim: for an event that happened, the statement that prints it most precisely, then
the most explicit ([ask.explicit] wording), then the first report, so a restatement never moves
its value or date, across articles too (a state whose label names the step before it takes
that step's date when it prints none, or when it prints only that step's month). A topic of
one step and no value (cast news) is a stream of news, led by the newest. Older claims that
say the same agree;
others are "earlier", unless they are as firm, said alike (a printed day or not, explicit words
or not), of a comparable date and cannot both hold, when the sources disagree. A newer firm
"not yet" never silently overturns an older explicit report that the event happened: they
disagree however far apart (disputes.py); a newer event over an older "not yet" is news. An
earlier firm claim of a further state than the lead's that is no dispute is "overruled" (the
timeline shows it beside the lead). Claims read from a condition ("if filming begins, …") or
only from a reason clause about another topic (conditions.py) never decide.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from bot.answers.evidence.status.conditions import conditional, off_topic
from bot.answers.evidence.status.disputes import conflict, day, denies_event, firm
from bot.answers.evidence.status.labels import (  # noqa: F401 (re-exported)
    PLANNED,
    line_label,
    progress,
    stance,
    state_label,
)
from bot.answers.evidence.status.values import (
    change_key,
    compatible,
    plan_ahead,
    precision,
    value_key,
)
from bot.facts.store import ClaimRow, FactStore
from bot.facts.text import PhraseSet

STATE_KEY = "v5:"  # marks state keys of this reading, so keys saved by an older one are known
DISPUTE_DAYS = 60  # claims further apart in time are news and its update, not a dispute


@dataclass
class TopicStatus:
    """What the sources say on one topic: the deciding claim, then the rest newest first."""

    topic: str
    label: str
    lead: ClaimRow
    dated: ClaimRow | None = None  # the claim the line's date comes from, when not the lead's
    agreeing: list[ClaimRow] = field(default_factory=list)
    earlier: list[ClaimRow] = field(default_factory=list)
    disputed: list[ClaimRow] = field(default_factory=list)
    # Earlier firm claims of a further state than the lead's, too long before it for a dispute
    # (an older "not yet" is history, not this): the newest explicit claim decided, and a
    # timeline says so ("Teaser out" a year before "no trailer yet").
    overruled: list[ClaimRow] = field(default_factory=list)

    @cached_property
    def printing(self) -> list[ClaimRow]:
        """Up to two agreeing claims that print the line's value too (they are footnoted)."""
        shown = self.dated or self.lead
        if not shown.value:
            return []
        key = value_key(shown.value)
        return [c for c in self.agreeing if c.value and value_key(c.value) == key][:2]

    @cached_property
    def timeline(self) -> list[ClaimRow]:
        """Every claim, newest first."""
        dated = [self.dated] if self.dated else []
        return sorted(
            [self.lead, *dated, *self.agreeing, *self.earlier, *self.disputed],
            key=lambda c: (c.published, -c.sentence_id),
            reverse=True,
        )


def topic_status(store: FactStore, topic: str) -> TopicStatus | None:
    """The digest entry for one topic (Season 2 claims only), or None when none speaks to it."""
    # a claim read from a sentence's reason clause, whose news is another topic's, is that
    # topic's ("Since there is no word on filming, …, there is no trailer")
    claims = [c for c in store.claims.get(topic, []) if c.season == 2 and not off_topic(store, c)]
    if not claims:
        return None
    order = progress(store, topic)

    def rank(c: ClaimRow) -> int:
        base = c.state.removesuffix(PLANNED)
        return order.index(base) if base in order else 0

    def newest(c: ClaimRow) -> tuple:
        return (-day(c), -rank(c), not c.value, c.sentence_id)

    claims.sort(key=newest)
    # A claim read from "if filming begins, …" rests on a condition: the timeline shows it,
    # labelled, but it never decides the state (unless nothing else is said).
    iffy = [c for c in claims if conditional(store, c)]
    claims = [c for c in claims if c not in iffy] or iffy
    iffy = [c for c in iffy if c not in claims]
    firm_claims = [c for c in claims if firm(c)]
    top = _deciding(store, topic, firm_claims, rank)
    ahead = [
        c
        for c in claims
        if not firm(c)
        and c.modality != "rumoured"
        and (top is None or (day(c) > day(top) and rank(c) > rank(top)))
    ]
    state = ahead[0] if ahead else top or claims[0]
    # Claims of the same state count from the last time a firm claim said otherwise: a teaser
    # reported, then "no trailer yet", then a teaser out is dated by the new teaser alone. An
    # earlier step on the way ("wrapped" before "in post-production") says nothing otherwise.
    since = max(
        (
            day(c)
            for c in firm_claims
            if c.state != state.state
            and day(c) < day(state)
            and (rank(c) == 0 or rank(c) > rank(state))
        ),
        default=0,
    )
    same = [
        c
        for c in claims
        if c.state == state.state and compatible(c, state) and firm(c) and day(c) > since
    ] or [state]
    lead, dated = state, None
    explicit = PhraseSet.of(tuple(store.vocab.get("ask.explicit", {}).get(topic, [])))
    if firm(state) and len(order) == 2 and not any(c.value for c in same):
        lead = max(same, key=lambda c: (day(c), -c.sentence_id))  # a stream of news: the newest
    elif firm(state) and rank(state) > 0:
        # An event that happened: the statement that prints it most precisely decides, the
        # most explicit and then the first report of it; later restatements only agree.
        lead = max(
            same,
            key=lambda c: (
                precision(c.value),
                len(explicit.find(_answered(store, c))),
                -day(c),
                -c.sentence_id,
            ),
        )
        if not lead.value:
            dated = max(same, key=lambda c: (precision(c.value), day(c), -c.sentence_id))
            dated = dated if dated.value else _step_dated(store, topic, state, claims, since, rank)
        elif (step := _step_dated(store, topic, state, claims, since, rank)) is not None and (
            precision(step.value) > precision(lead.value) == 2
            and value_key(step.value) == value_key(lead.value)
        ):
            # "wrapped in December, now in post" after "wrapped on 20 December": the month
            # restates the wrap the label names; the day's report decides, with its own
            # article's word on the state when it gives one.
            own = [c for c in same if c.source_id == step.source_id and not c.value]
            lead, dated = (own[0] if own else lead), step

    def explicitness(c: ClaimRow) -> tuple[bool, bool]:
        """A dispute needs two claims said alike: each a day or not, in explicit words or not
        (a printed day beats a month told in passing; it does not contradict it)."""
        return precision(c.value) == 3, bool(explicit.any(store.sentences[c.sentence_id].display))

    ts = TopicStatus(topic, store.status_topics[topic].label, lead, dated)
    setback = PhraseSet.of(tuple(store.vocab.get("ask.setback", {}).get(topic, [])))
    for c in claims:
        if c.sentence_id in (lead.sentence_id, dated and dated.sentence_id):
            continue
        if c.state == lead.state and compatible(c, lead):
            ts.agreeing.append(c)
        elif denies_event(store, state, c, rank, explicit, setback) or (
            firm(c)
            and firm(state)
            and abs(day(c) - day(state)) <= DISPUTE_DAYS
            and not (rank(c) == 0 < rank(state) and day(c) < day(state))
            and explicitness(c) == explicitness(state)
            and conflict(c, state, rank)
            # a day still ahead, moved by a newer article (July 24, then September 18): the
            # newest plan is the news, the older one history
            and not (plan_ahead(c) and plan_ahead(state) and c.state == state.state)
        ):
            ts.disputed.append(c)
        else:
            ts.earlier.append(c)
            if firm(c) and firm(state) and rank(c) > rank(state):
                ts.overruled.append(c)
    ts.earlier.extend(iffy)
    return ts


def _answered(store: FactStore, c: ClaimRow) -> str:
    """A claim's sentence as read for explicitness: under a question heading ("How many
    episodes?") a short answer ("Eight, Netflix confirmed.") says what the heading asks."""
    s = store.sentences[c.sentence_id]
    section = getattr(s, "section", "")
    return f"{section} {s.display}" if section.endswith("?") else s.display


def _step_dated(store: FactStore, topic: str, state: ClaimRow, claims, since: int, rank):
    """The claim dating the step a state's label names too ("Filming wrapped, in
    post-production" is also the wrap), its first precise report; None when the label names
    no earlier step ("Full trailer out" is no teaser: the teaser's date is not its date)."""
    order, labels = progress(store, topic), store.status_topics[topic].states
    step = order[rank(state) - 1] if rank(state) > 1 else None
    if step is None or labels.get(step, "\0") not in labels.get(state.state, ""):
        return None
    said = [c for c in claims if c.state == step and firm(c) and c.value and day(c) >= since]
    return max(said, key=lambda c: (precision(c.value), -day(c), -c.sentence_id), default=None)


def _deciding(store: FactStore, topic: str, firm_claims: list[ClaimRow], rank) -> ClaimRow | None:
    """The firm claim that sets the state: the furthest state said since the last firm "not
    yet" or setback ("reshoots", "delayed"); a newer firm claim of an earlier step is a
    restatement ("filming ran from May to November" after the wrap), never a step back."""
    if not firm_claims:
        return None
    setback = PhraseSet.of(tuple(store.vocab.get("ask.setback", {}).get(topic, [])))
    resets = [
        c
        for c in firm_claims
        if rank(c) == 0 or (setback.phrases and setback.any(store.sentences[c.sentence_id].display))
    ]
    since = day(resets[0]) if resets else 0  # claims are newest first
    top = max(
        (c for c in firm_claims if day(c) >= since),
        key=lambda c: (rank(c), day(c), bool(c.value), -c.sentence_id),
    )
    if top.state in _CONTINUING and not top.value:
        # "still shooting" after "began filming on November 4": the vaguer newer report says
        # the dated start goes on; the start, dated and explicit, stays the news
        began = [c for c in firm_claims if rank(c) == rank(top) - 1 and c.value and day(c) >= since]
        if began and not any(c.value for c in firm_claims if c.state == top.state):
            return max(began, key=lambda c: (precision(c.value), -day(c), -c.sentence_id))
    return top


# States that only say the step before them goes on (filming under way after it began): undated,
# they add nothing to a dated report of that step.
_CONTINUING = frozenset({"ongoing"})


def status_digest(store: FactStore) -> list[TopicStatus]:
    """Every status topic the sources speak to, in the lexicon's topic order."""
    return [ts for t in store.status_topics if (ts := topic_status(store, t))]


def state_key(store: FactStore, ts: TopicStatus | None) -> str:
    """What a topic's resolved status is, for telling a real change from a new wording:
    its state and its value as compared across sources."""
    if ts is None:
        return ""
    value = ts.dated.value if ts.dated is not None else ts.lead.value
    if ts.lead.state in progress(store, ts.topic)[:1]:
        value = ""  # a "not yet" shows no value: a new date on it is no change
    return f"{STATE_KEY}{ts.lead.state or stance(ts.lead)}|{change_key(value)}"


def age(then: str, today: dt.date) -> str:
    """'2 years 7 months ago', 'today'."""
    d = dt.date.fromisoformat(then)
    months = (today.year - d.year) * 12 + today.month - d.month - (today.day < d.day)
    if months <= 0:
        days = (today - d).days
        return "today" if days <= 0 else f"{days} day{'s' * (days != 1)} ago"
    years, months = divmod(months, 12)
    parts = [f"{years} year{'s' * (years != 1)}"] * bool(years) + [
        f"{months} month{'s' * (months != 1)}"
    ] * bool(months)
    return " ".join(parts) + " ago"


def fingerprint(store: FactStore) -> str:
    """Identifies the digest's content (not its age), for posting only when it changed."""
    h = hashlib.sha256()
    for ts in status_digest(store):
        h.update(ts.topic.encode() + b"\0")
        for group in (ts.lead and [ts.lead], ts.agreeing, ts.earlier, ts.disputed):
            for c in group:
                h.update(c.source_id.encode() + store.sentences[c.sentence_id].quote.encode())
            h.update(b"|")
    return h.hexdigest()[:16]
