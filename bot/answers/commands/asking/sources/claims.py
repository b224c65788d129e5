"""`!ask` on what each article claims about a status topic: side by side (do they disagree?),
or which of them say what was asked (that it happened, or that it did not).

Stage: the command decides, from the per-source status claims in the store (state, value,
date); a claim read from a conditional sentence is no news, as the digest judges it.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.context import Context
from bot.answers.evidence.gathering.outlet_said import label
from bot.answers.evidence.status import conditions
from bot.answers.evidence.status.digest import (
    PLANNED,
    firm,
    line_label,
    progress,
    state_label,
    value_key,
)
from bot.answers.reading.wording import balanced, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.store import ClaimRow

QUOTE = 200  # characters of a quote shown per article


class SourceClaims:
    """The per-source claims on a status topic, compared or picked by what they say."""

    def __init__(self, ctx: Context, says: Callable[[str, str], bool]):
        """says: whether a question's text holds the [ask.kinds] words of a key."""
        self.ctx = ctx
        self._says = says

    def _by_source(self, topic: str, season: int | None) -> dict[str, list[ClaimRow]]:
        out: dict[str, list[ClaimRow]] = {}
        for c in self.ctx.store.claims.get(topic, []):
            if c.season == (season or 2):
                out.setdefault(c.source_id, []).append(c)
        return out

    def _negative(self, c: ClaimRow) -> bool:
        """Whether a claim says the event has not happened (or was called off)."""
        base = c.state.removesuffix(PLANNED)
        order = progress(self.ctx.store, c.topic)
        states = self.ctx.store.vocab.get("ask.kinds", {}).get("negative_states", [])
        return c.negated or base in order[:1] or base in states

    def _voice(self, claims: list[ClaimRow]) -> ClaimRow:
        """The claim that speaks for its article on a topic: a firm one, then one printing a
        value, then the first in the article."""
        return min(claims, key=lambda c: (not firm(c), not c.value, c.sentence_id))

    def _line(self, c: ClaimRow, cite: Citer) -> Line:
        src = self.ctx.store.sources[c.source_id]
        row = self.ctx.store.sentences[c.sentence_id]
        quote = balanced("“" + shorten(row.display, QUOTE) + "”")
        text = f"• {self.ctx.date(src.id)} — {label(src)} {cite.cite(c.sentence_id)}: "
        return Line(f"{text}{state_label(self.ctx.store, c)}: {quote}", row.spoiler)

    def compare(self, topic: str, season: int | None) -> Answer:
        """What each article says on a status topic, side by side, and whether they differ."""
        ctx = self.ctx
        label = ctx.store.status_topics[topic].label
        per = self._by_source(topic, season)
        if not per:
            line = f"No article speaks to {label.lower()}, so none can disagree."
            return Answer("ask", True, label, label, [Line(line)])
        voices = sorted(
            (self._voice(cs) for cs in per.values()), key=lambda c: c.published, reverse=True
        )
        firm_voices = [c for c in voices if firm(c)] or voices
        sides = {self._negative(c) for c in firm_voices}
        # a different state, or the same state with two values (8 episodes, then 7), differs
        states = {c.state for c in firm_voices}
        values = {(c.state, value_key(c.value)) for c in firm_voices if c.value}
        valued = {state for state, _ in values}
        cite = Citer(ctx.store)
        if len(sides) > 1 or len(states) > 1 or len(values) > len(valued):
            head = f"Yes, they differ on {label.lower()}; what each article says, newest first:"
        elif len(voices) == 1:
            head = f"Only one article speaks to {label.lower()}:"
        else:
            head = f"No, the {len(voices)} articles that speak to it agree:"
        lines = [Line(head), *(self._line(c, cite) for c in voices)]
        if (ts := ctx.topic(topic)) is not None and (season or 2) == 2:
            lines.append(
                Line(
                    f"Weighed by date and firmness (`{ctx.prefix}status {topic}`): "
                    f"{line_label(ctx.store, ts)}."
                )
            )
        return Answer("ask", True, label, f"{label}: what each article says", lines, cite.citations)

    def asks(self, text: str) -> Callable[[ClaimRow], bool]:
        """Which claims say what a question asks: that it has not happened, or that it has."""
        negative = self._says("negative", text)
        return lambda c: self._negative(c) == negative

    def _conditional(self, c: ClaimRow) -> bool:
        """Whether a claim was read from a conditional sentence, as the digest judges it."""
        return conditions.conditional(self.ctx.store, c)

    def called_off(self, c: ClaimRow) -> bool:
        states = self.ctx.store.vocab.get("ask.kinds", {}).get("called_off_states", [])
        return c.state.removesuffix(PLANNED) in states

    def which_claims(
        self, topic: str, season: int | None, says: Callable[[ClaimRow], bool]
    ) -> Answer:
        """The articles whose claims on a topic say what was asked (it happened, or it did
        not), each with its quote; the others named as saying otherwise."""
        ctx = self.ctx
        label = ctx.store.status_topics[topic].label
        per = self._by_source(topic, season)
        match, other, conditional = [], [], []
        for claims in per.values():
            fits = [c for c in claims if says(c)]
            firm_fits = [c for c in fits if not self._conditional(c)]  # "if …": no news
            if firm_fits:
                match.append(self._voice(firm_fits))
            elif fits:
                conditional.append(self._voice(fits))
            else:
                other.append(self._voice(claims))
        cite = Citer(ctx.store)
        newest = lambda cs: sorted(cs, key=lambda c: c.published, reverse=True)  # noqa: E731
        if not match:
            lines = [Line("No article says that.")]
            if other:
                lines.append(Line(f"What they say on {label.lower()}:"))
        else:
            n = len(match)
            lines = [Line(f"{'One article says' if n == 1 else f'{n} articles say'} that:")]
            lines += [self._line(c, cite) for c in newest(match)]
            if other:
                lines.append(Line("The others say otherwise:"))
        lines += [self._line(c, cite) for c in newest(other)]
        if (when := _predates(match, other, self._negative)) is not None:
            lines.append(Line(when))
        if conditional:  # "If and only if … filming begins, …": no article saying so
            lines += [Line("Only as a condition (“if …”), not as news:")]
            lines += [self._line(c, cite) for c in newest(conditional)]
        return Answer("ask", bool(match), label, "Which article says that", lines, cite.citations)


def _predates(
    match: list[ClaimRow], other: list[ClaimRow], negative: Callable[[ClaimRow], bool]
) -> str | None:
    """When the articles saying it has not happened are all older than those saying it has,
    that they were written before the news, not against it; else None. Either side may be
    the one asked about ("one says there's no renewal", "is there one saying it's renewed")."""
    if not match or not other:
        return None
    if all(negative(c) for c in match) and not any(negative(c) for c in other):
        no, yes, them = match, other, ("It is", "They are")
    elif all(negative(c) for c in other) and not any(negative(c) for c in match):
        no, yes, them = other, match, ("The one saying otherwise is", "Those saying otherwise are")
    else:
        return None
    if max(c.published for c in no) >= min(c.published for c in yes):
        return None
    return f"{them[len(no) > 1]} older than the rest: written before the news, not disputing it."
