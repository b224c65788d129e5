"""The Season 2 status digest: per topic, the newest claim leads and older ones are placed.

An older claim that says the same is corroboration; one that differs is "earlier" when the
newer news supersedes it (a prediction, a "not yet") and "disputed" when it reported an event
the newer source denies (events do not un-happen, so the sources disagree).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from bot.facts.store import ClaimRow, FactStore
from bot.facts.text import MONTHS, PhraseSet


def stance(claim: ClaimRow) -> str:
    """'no' (negated), 'expected' (hedged) or 'yes'."""
    return "no" if claim.negated else "expected" if claim.hedged else "yes"


def _same(a: ClaimRow, b: ClaimRow) -> bool:
    if stance(a) != stance(b):
        return False
    return not (a.value and b.value and a.value.lower() != b.value.lower())


@dataclass
class TopicStatus:
    """What the sources say on one topic, newest first."""

    topic: str
    label: str
    lead: ClaimRow
    agreeing: list[ClaimRow] = field(default_factory=list)
    earlier: list[ClaimRow] = field(default_factory=list)
    disputed: list[ClaimRow] = field(default_factory=list)


def _lead_order(c: ClaimRow) -> tuple:
    # Newest first; on one date a plain statement beats a hedged one; then reading order.
    return (-dt.date.fromisoformat(c.published).toordinal(), c.hedged, c.sentence_id)


def _explicitness(store: FactStore, claims: list[ClaimRow]):
    """A sort key putting first the most explicit sentence for a state, from the article most
    about the topic: explicit wording, a plain (unhedged) statement, a stated value, and how
    many of the topic's claims its article makes; newest on a tie."""
    phrases = PhraseSet(store.vocab.get("ask.explicit", {}).get(claims[0].topic, []))
    per_source: dict[str, int] = {}
    for c in claims:
        per_source[c.source_id] = per_source.get(c.source_id, 0) + 1

    def key(c: ClaimRow) -> tuple:
        text = store.sentences[c.sentence_id].display
        score = 3 * len(phrases.find(text)) + 2 * (not c.hedged) + bool(c.value)
        score += min(per_source[c.source_id], 3)
        return (-score, *_lead_order(c))

    return key


def topic_status(store: FactStore, topic: str) -> TopicStatus | None:
    """The digest entry for one topic, or None when no source speaks to it. The newest claim
    sets the state; the most explicit claim in that state is quoted ("not yet": the newest)."""
    claims = sorted(store.claims.get(topic, []), key=_lead_order)
    if not claims:
        return None
    state = claims[0]
    # A "not yet" is only as good as its date, so it is quoted from the newest source.
    same = [c for c in claims if _same(c, state)] if stance(state) != "no" else [state]
    lead = min(same, key=_explicitness(store, claims))
    ts = TopicStatus(topic, store.status_topics[topic].label, lead)
    seen = {lead.sentence_id}
    for c in claims:
        if c.sentence_id in seen:
            continue
        seen.add(c.sentence_id)
        if _same(c, lead):
            ts.agreeing.append(c)
        elif c.published == state.published or (stance(c) == "yes" and stance(state) == "no"):
            ts.disputed.append(c)
        else:
            ts.earlier.append(c)
    return ts


def status_digest(store: FactStore) -> list[TopicStatus]:
    """Every status topic the sources speak to, in the lexicon's topic order."""
    return [ts for t in store.status_topics if (ts := topic_status(store, t))]


def state_label(store: FactStore, claim: ClaimRow) -> str:
    """How a claim's stance reads for its topic, e.g. 'No trailer yet', 'Expected: early 2024'."""
    template = store.status_topics[claim.topic].states[stance(claim)]
    # "[: {value}]" is shown only with a value: "Episode count expected to match: 12".
    template = re.sub(r"\[([^\]]*)\]", lambda m: m.group(1) if claim.value else "", template)
    if "{value}" in template:
        if not claim.value:
            return {"yes": "Reported", "expected": "Expected", "no": "Not announced"}[stance(claim)]
        return template.replace("{value}", claim.value)
    return template


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


def month_years(value: str) -> list[str]:
    """'June 2022' for every month-and-year a claim's value names ('6th June 2022' too)."""
    out = []
    for part in value.split(";"):
        words = part.replace(",", " ").split()
        month = next((m for m in MONTHS if m.lower() in (w.lower() for w in words)), None)
        if month and words and words[-1].isdigit():
            out.append(f"{month} {words[-1]}")
    return out


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
