"""Stage: evidence gathered and scored. One candidate's score, part by part, and the bar it
must clear to answer."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.commands.lore import FILLER

ACCEPT = 0.5  # share of the predicate's weight a candidate must cover to answer


# not frozen: a frozen dataclass sets each of its fields through object.__setattr__, and a
# question scores dozens of candidates; none is changed once made (dataclasses.replace copies)
@dataclass(slots=True, unsafe_hash=True)
class Score:
    """One candidate's score, part by part (so `ask --explain` can show why)."""

    kind: str  # "sentence", "sources", "routed"
    ref: int | str  # sentence id, source id, or the routed answer's title
    entity: float  # share of the question's people it names
    coverage: float  # share of the predicate's weight it covers
    typed: bool  # carries the answer type asked for
    season: bool  # fits the season asked about
    quality: float  # how well it reads on its own
    covered: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()  # the predicate's key concepts: its rare ones (or all)
    own: tuple[str, ...] | None = None  # concepts covered by itself (None: all of `covered`)
    core: float = 1.0  # share of the key concepts' weight it covers
    literal: float = 0.0  # share of the predicate's words it prints as the fan typed them
    optional: bool = False  # the type is a preference, not a must (a reason for "why")
    bound: bool = False  # tells the fate asked of the person right at their name
    counted: bool = False  # prints the count the fan states ("all 6 names": "the six…")
    reason: bool = False  # gives a reason for the act a "why" asks about

    @property
    def itself(self) -> frozenset[str]:
        """The concepts it covers by itself, not through the sentence before."""
        return frozenset(self.covered if self.own is None else self.own)

    @property
    def total(self) -> float:
        return (
            2.0 * self.entity
            + 4.0 * self.coverage
            + 1.0 * self.typed
            + 0.5 * self.season
            + 0.1 * max(-3.0, min(self.quality, 3.0))
            + 0.5 * self.literal  # "kiss" printed beats a "romantic" that shares its concept
            + 1.0 * self.bound
            + 0.5 * self.counted
        )

    @property
    def accepted(self) -> bool:
        """Whether this candidate answers: the people named, the type carried, the season
        right, and enough of the predicate covered."""
        return (
            self.entity >= 1.0
            and (self.typed or self.optional)
            and self.season
            # a reason for every key act answers a "why" though the place or the course not
            # taken ("instead of going to the camp") goes unsaid
            and (self.coverage >= ACCEPT or (self.reason and self.core >= 1.0))
            and len(set(self.covered) & set(self.keys)) >= need(len(self.keys))
            and (bool(self.itself) or not self.keys)
            and self.quality > FILLER
        )


def need(wanted: int) -> int:
    """Key concepts a candidate must cover: all of one or two, else two in three (a common
    concept, such as "zombie" here, only refines: it is never required)."""
    return wanted if wanted <= 2 else -(-2 * wanted // 3)
