"""Stage: evidence gathered and scored. Among candidates that answer equally, the newest
article's first: a newer count or date leads an older one that it supersedes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.facts.store import FactStore

if TYPE_CHECKING:
    from bot.answers.evidence.scoring.score import Score

TIE = 0.11  # totals this close answer equally: one point of how well a sentence reads
VALUE_TIE = 1.05  # ...when a count or a date is asked: anything but what it covers and its type


class Ages:
    """How old each candidate's article is, by rank among the store's articles (newest 0)."""

    def __init__(self, store: FactStore):
        self.store = store
        rows = sorted(store.sources.values(), key=lambda s: (s.published, s.id), reverse=True)
        self._rank = {s.id: i for i, s in enumerate(rows)}

    def __call__(self, score: Score) -> int:
        """A sentence's article's rank; any other candidate counts as newest."""
        if score.kind != "sentence":
            return 0
        return self._rank[self.store.sentences[int(score.ref)].source_id]


def newest_first(
    ranked: list[Score], age: Ages, tie: float = TIE, totals: list[float] | None = None
) -> list[Score]:
    """Candidates that answer equally (within `tie` of each other, covering as much) in the
    order of their articles, newest first; totals: each one's total, when already read."""
    if totals is None:
        totals = [s.total for s in ranked]
    # each score's parts read once (they are properties)
    keys = [
        (t, s.coverage, s.accepted, s.covered if s.own is None else s.own)
        for t, s in zip(totals, ranked, strict=True)
    ]
    out: list[Score] = []
    i = 0
    while i < len(ranked):
        total, rest = keys[i][0], keys[i][1:]
        j = i + 1
        while j < len(ranked) and total - keys[j][0] <= tie and keys[j][1:] == rest:
            j += 1
        out.extend(sorted(ranked[i:j], key=age) if j - i > 1 else ranked[i:j])
        i = j
    return out
