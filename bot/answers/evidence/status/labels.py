"""How a status claim reads: its topic's label for its state, value and modality."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answers.evidence.status.conditions import conditional
from bot.facts.store import ClaimRow, FactStore

if TYPE_CHECKING:
    from bot.answers.evidence.status.digest import TopicStatus

PLANNED = ":planned"


def stance(claim: ClaimRow) -> str:
    """'no' (negated), 'expected' (hedged) or 'yes'."""
    return "no" if claim.negated else "expected" if claim.hedged else "yes"


def progress(store: FactStore, topic: str) -> list[str]:
    """A topic's claim states from 'not yet' to furthest."""
    states = store.status_topics[topic].states
    return [k for k in states if k not in ("yes", "no", "expected") and PLANNED not in k]


def state_label(store: FactStore, claim: ClaimRow) -> str:
    """How a claim reads for its topic: 'Filming wrapped, May 2025', 'Teaser planned
    (rumoured)', 'Premiere date: March 6, 2026', 'No trailer yet'."""
    states = store.status_topics[claim.topic].states
    if claim.state not in states:
        return _stance_label(states, claim)
    template = states[claim.state]
    first = progress(store, claim.topic)[:1] == [claim.state]
    if "{value}" in template:
        text = (
            template.replace("{value}", claim.value)
            if claim.value
            else re.sub(r"[:,]?\s*\{value\}", "", template)
        )
    else:
        text = template + (f", {claim.value}" if claim.value and not first else "")
    if conditional(store, claim):  # "if filming begins, …" is no plan: say what it rests on
        text += " (conditional)"
    elif claim.modality == "rumoured" and "rumour" not in text.lower():
        text += " (rumoured)"
    elif claim.modality == "denied":
        text += " (a report denied)"
    return text


def line_label(store: FactStore, ts: TopicStatus) -> str:
    """How a topic's resolved status reads: the lead's label, with the date another claim in
    the same state prints when the lead prints none ('Renewed, June 6, 2022')."""
    if ts.dated is None:
        return state_label(store, ts.lead)
    return f"{state_label(store, ts.lead._replace(value=''))}, {ts.dated.value}"


def _stance_label(states: dict[str, str], claim: ClaimRow) -> str:
    template = states[stance(claim)]
    # "[: {value}]" is shown only with a value: "Episode count expected to match: 12".
    template = re.sub(r"\[([^\]]*)\]", lambda m: m.group(1) if claim.value else "", template)
    if "{value}" in template:
        if not claim.value:
            return {"yes": "Reported", "expected": "Expected", "no": "Not announced"}[stance(claim)]
        return template.replace("{value}", claim.value)
    return template
