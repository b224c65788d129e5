"""What changed between two fact stores: new cast pairs, status topics before -> after, who is
back before -> after (as `!status` resolves it), new lore.

Pure: two loaded stores in, plain data and Answers out. Used by `python -m bot add/remove` to
print what an article changed, and by the live reload to tell subscribers the status moved.
Builds number sentences afresh, so facts are matched across stores by their verbatim quote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from bot.answers.context import Context, evidence
from bot.answers.evidence.people.returns import Returns
from bot.answers.evidence.status.digest import (
    STATE_KEY,
    TopicStatus,
    fingerprint,
    line_label,
    state_key,
    topic_status,
)
from bot.answers.reading.wording import shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.store import FactStore, PairRow

MAX_LORE_LINES = 8
QUOTE_CHARS = 120  # of the deciding sentence, after each status change


@dataclass(frozen=True)
class TopicChange:
    """One status topic whose resolved state or value changed (not merely its wording or its
    newest source)."""

    topic: str
    label: str
    before: str  # e.g. "No trailer yet (2024-04-09)", or "nothing"
    after: str
    sentence_id: int | None  # the new lead's sentence in the new store


@dataclass(frozen=True)
class ReturnChange:
    """One cast pair whose resolved Season 2 return changed ("expected" -> "confirmed",
    "speculated" -> "denied", "confirmed" -> "new cast")."""

    who: str  # "Lee Cheong-san (Yoon Chan-young)"
    before: str
    after: str
    sentence_id: int | None  # the sentence that decides the new state, in the new store


@dataclass
class StoreChanges:
    """Differences from an old store to a new one."""

    new_pairs: list[PairRow] = field(default_factory=list)
    gone_pairs: list[PairRow] = field(default_factory=list)
    status: list[TopicChange] = field(default_factory=list)
    returns: list[ReturnChange] = field(default_factory=list)
    new_lore: list[tuple[str, int]] = field(default_factory=list)  # (topic, new sentence id)
    gone_lore: int = 0

    @property
    def empty(self) -> bool:
        return not (
            self.new_pairs
            or self.gone_pairs
            or self.status
            or self.returns
            or self.new_lore
            or self.gone_lore
        )


def _pair_key(p: PairRow) -> tuple[str, str | None]:
    return p.actor_id, p.character_id


def _state(store: FactStore, ts: TopicStatus | None) -> str:
    if ts is None:
        return "nothing"
    src = store.sources[ts.lead.source_id]
    return f"{line_label(store, ts)} ({src.published}{', est.' if src.estimated else ''})"


def _lore_keys(store: FactStore) -> dict[tuple[str, str], int]:
    return {
        (topic, store.sentences[sid].quote): sid
        for topic, facts in store.lore.items()
        for sid, _ in facts
    }


BACK = "back2:"  # who-is-back snapshot keys: "back2:<actor id>|<character id>"
NEW_PAIR = "not in the sources"  # a pair's state before the sources printed it


def status_snapshot(store: FactStore) -> dict[str, list[str]]:
    """Per status topic, [state key, how it reads]: enough to say later what it was before."""
    out = {}
    for topic in store.status_topics:
        if ts := topic_status(store, topic):
            out[topic] = [state_key(store, ts), _state(store, ts)]
    return out


def change_snapshot(store: FactStore) -> dict[str, list[str]]:
    """The status snapshot and, per cast pair with a role, [resolved return, who]. Kept in
    the settings DB so a change made while the bot was stopped is still announced."""
    out = status_snapshot(store)
    for (actor, character), (who, state, _) in return_states(store).items():
        out[f"{BACK}{actor}|{character}"] = [state, who]
    return out


def returns_since(before: dict[str, list[str]], new: FactStore) -> list[ReturnChange]:
    """The cast pairs whose resolved return differs from a snapshot's, and pairs new since
    then that are new cast or whose return a source words. A snapshot with no who-is-back
    entries (saved by an older version) is no evidence of a change: none is reported."""
    if not any(k.startswith(BACK) for k in before):
        return []
    out = []
    for (actor, character), (who, state, sid) in return_states(new).items():
        was = before.get(f"{BACK}{actor}|{character}")
        if was is None and state == "not said":
            continue
        if was is None or was[0] != state:
            before_state = was[0] if was else NEW_PAIR
            out.append(ReturnChange(who, before_state, state, sid))
    return out


def changes_since(before: dict[str, list[str]], new: FactStore) -> StoreChanges:
    """What a "status changed" post tells after a snapshot: status topics and who is back."""
    return StoreChanges(status=status_since(before, new), returns=returns_since(before, new))


def store_fingerprint(store: FactStore) -> str:
    """The digest's fingerprint with who is back: a change of either is news to post."""
    h = hashlib.sha256(fingerprint(store).encode())
    for key, (_, state, _) in sorted(return_states(store).items(), key=lambda kv: kv[0]):
        h.update(f"{key[0]}|{key[1]}|{state}\0".encode())
    return h.hexdigest()[:16]


def status_since(before: dict[str, list[str]], new: FactStore) -> list[TopicChange]:
    """The status topics whose resolved state or value differs from a snapshot. A snapshot
    saved by an older reading of the claims (another key format) is no evidence of a change:
    its topics are not reported, so an upgrade posts no "status changed" of its own."""
    out = []
    for topic, row in new.status_topics.items():
        after = topic_status(new, topic)
        was = before.get(topic)
        if was and not was[0].startswith(STATE_KEY):
            continue
        if (was[0] if was else None) != (state_key(new, after) if after else None):
            out.append(
                TopicChange(
                    topic,
                    row.label,
                    was[1] if was else "nothing",
                    _state(new, after),
                    after.lead.sentence_id if after else None,
                )
            )
    return out


def return_states(store: FactStore) -> dict[tuple[str, str], tuple[str, str, int | None]]:
    """Per cast pair with a named role: (who, resolved return, deciding sentence), in the
    terms `!status` lists them under Back and New cast."""
    ctx = Context(store, "!", dt.date.today)
    returns = Returns(ctx)
    out = {}
    for pair in store.pairs:
        if pair.character_id is None:
            continue
        who = f"{ctx.name(pair.character_id)} ({ctx.name(pair.actor_id)})"
        if pair.new_cast:
            out[(pair.actor_id, pair.character_id)] = (who, "new cast", evidence(pair)[0])
        elif found := returns.evidence(pair):
            out[(pair.actor_id, pair.character_id)] = (who, found[0], found[1][0])
        else:
            out[(pair.actor_id, pair.character_id)] = (who, "not said", None)
    return out


def compare(old: FactStore, new: FactStore) -> StoreChanges:
    """What the new store says that the old one did not (and what it no longer says)."""
    out = StoreChanges()
    old_pairs = {_pair_key(p) for p in old.pairs}
    new_pairs = {_pair_key(p) for p in new.pairs}
    out.new_pairs = [p for p in new.pairs if _pair_key(p) not in old_pairs]
    # "role not revealed" that a source now reveals is not gone: the new pair says its role
    named = {p.actor_id for p in new.pairs if p.character_id is not None}
    out.gone_pairs = [
        p
        for p in old.pairs
        if _pair_key(p) not in new_pairs and not (p.character_id is None and p.actor_id in named)
    ]
    before = change_snapshot(old)
    out.status = status_since(before, new)
    out.returns = returns_since(before, new)
    old_lore, new_lore = _lore_keys(old), _lore_keys(new)
    out.new_lore = [(t, sid) for (t, q), sid in new_lore.items() if (t, q) not in old_lore]
    out.gone_lore = sum(key not in new_lore for key in old_lore)
    return out


def _pair_text(store: FactStore, p: PairRow) -> str:
    actor = store.entities[p.actor_id].name
    if p.character_id is None:
        return f"{actor} (new cast, role not revealed)"
    new = " (new cast)" if p.new_cast else ""
    return f"{actor} as {store.entities[p.character_id].name}{new}"


def _quoted(sid: int | None, cite: Citer, store: FactStore) -> tuple[str, bool]:
    """' [1]: “the deciding sentence”' and whether it is a spoiler; nothing without one."""
    if sid is None:
        return "", False
    row = store.sentences[sid]
    return f" {cite.cite(sid)}: “{shorten(row.display, QUOTE_CHARS)}”", row.spoiler


def status_lines(changes: StoreChanges, cite: Citer, store: FactStore) -> list[Line]:
    """'Trailer: No trailer yet (2024-04-09) → Teaser out (2026-09-30) [1]: “quote”' per topic,
    quoting the sentence that decided the new state."""
    lines = []
    for c in changes.status:
        mark, spoiler = _quoted(c.sentence_id, cite, store)
        lines.append(Line(f"{c.label}: {c.before} → {c.after}{mark}", spoiler))
    return lines


def return_lines(
    changes: StoreChanges, cite: Citer, store: FactStore, new_pairs: bool = True
) -> list[Line]:
    """'Lee Cheong-san (Yoon Chan-young): expected → confirmed [1]: “quote”' per pair; with
    new_pairs, also 'X (Y): new cast [1]: “quote”' for a pair new to the sources."""
    lines = []
    for r in changes.returns:
        if r.before == NEW_PAIR and not new_pairs:
            continue
        mark, spoiler = _quoted(r.sentence_id, cite, store)
        moved = r.after if r.before == NEW_PAIR else f"{r.before} → {r.after}"
        lines.append(Line(f"{r.who}: {moved}{mark}", spoiler))
    return lines


def worth_posting(changes: StoreChanges) -> bool:
    """Whether subscribers hear of it: a status topic or who is back changed."""
    return bool(changes.status or changes.returns)


def changes_answer(changes: StoreChanges, old: FactStore, new: FactStore) -> Answer:
    """Everything that changed, cited to the new store (the CLI's printout)."""
    cite = Citer(new)
    lines: list[Line] = []
    if changes.status:
        lines.append(Line("Status:"))
        lines += [Line(f"  {x.text}", x.spoiler) for x in status_lines(changes, cite, new)]
    moved = return_lines(changes, cite, new, new_pairs=False)  # new pairs are listed below
    if moved:
        lines.append(Line("Who is back:"))
        lines += [Line(f"  {x.text}", x.spoiler) for x in moved]
    for p in changes.new_pairs:
        sids = [sid for sid, _ in p.evidence]
        lines.append(Line(f"New cast pair: {_pair_text(new, p)} {cite.cite_all(sids, 1)}"))
    for p in changes.gone_pairs:
        lines.append(Line(f"No longer in the sources: {_pair_text(old, p)}"))
    by_sentence: dict[int, list[str]] = {}
    for topic, sid in changes.new_lore:
        by_sentence.setdefault(sid, []).append(new.lore_topics[topic].label)
    for sid, labels in list(by_sentence.items())[:MAX_LORE_LINES]:
        text = new.sentences[sid].display
        text = text if len(text) <= 120 else text[:117] + "…"
        lines.append(Line(f"New lore ({', '.join(labels)}): {text} {cite.cite(sid)}"))
    if len(by_sentence) > MAX_LORE_LINES:
        lines.append(Line(f"…and {len(by_sentence) - MAX_LORE_LINES} more lore facts."))
    if changes.gone_lore:
        lines.append(Line(f"Lore facts no longer in the sources: {changes.gone_lore}"))
    if not lines:
        lines.append(Line("No change to the cast, the Season 2 status or the lore."))
    return Answer("changes", True, None, "What changed", lines, cite.citations)


def status_change_answer(changes: StoreChanges | list[TopicChange], new: FactStore) -> Answer:
    """The post subscribers get when the Season 2 status changed: the topics that moved, who
    is back (a return confirmed or denied) and new cast, each with the deciding quote."""
    if isinstance(changes, list):
        changes = StoreChanges(status=changes)
    cite = Citer(new)
    lines = status_lines(changes, cite, new)
    if changes.returns:
        lines.append(Line("Who is back:"))
        lines += return_lines(changes, cite, new)
    return Answer("status", True, None, "Season 2 status changed", lines, cite.citations)
