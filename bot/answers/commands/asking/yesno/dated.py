"""Stage: the command decides. A yes/no that dates a state ("did filming start in october",
"did it wrap in 2024") is judged by the date the articles give that state itself.

The month or year asked must be the one a claim of the asked state prints as its own value: a
claim of another state (filming wrapped in March) says nothing of when filming began, and a
report the articles deny or hedge ("rumours suggest…") is no Yes. A state dated otherwise is a
No with the sentence that dates it; a state no article dates is "the sources don't say".
"""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.evidence.status.digest import PLANNED, TopicStatus
from bot.answers.reading.wording import shorten
from bot.answers.types import Citer, Line
from bot.facts.store import ClaimRow
from bot.facts.text import MONTHS

WIDTH = 200  # characters of a quote in the key line
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NAMES = "|".join(m.lower() for m in MONTHS) + "|sept?|oct|nov|dec|jan|feb|aug"
# a month as a date: after a preposition, or before a day or year ("may" alone is a verb)
_MONTH = re.compile(
    rf"\b(?:(?:in|on|by|since|from|during|of|until|before|after|around|early|late|mid)\s+"
    rf"(?P<a>{_NAMES})\b|(?P<b>{_NAMES})\s+(?=\d))",
    re.IGNORECASE,
)


def asked_dates(text: str) -> tuple[frozenset[int], frozenset[str]]:
    """The months (1-12) and years a question dates its act by."""
    months = set()
    for m in _MONTH.finditer(text):
        word = (m.group("a") or m.group("b")).lower()
        months |= {i + 1 for i, name in enumerate(MONTHS) if name.lower().startswith(word[:3])}
    return frozenset(months), frozenset(_YEAR.findall(text))


def printed_dates(text: str) -> tuple[frozenset[int], frozenset[str]]:
    """The months and years a claim's value prints ("October 14, 2024")."""
    low = text.lower()
    months = {i + 1 for i, name in enumerate(MONTHS) if re.search(rf"\b{name.lower()}\b", low)}
    return frozenset(months), frozenset(_YEAR.findall(text))


def dated_verdict(
    ctx: Context,
    ts: TopicStatus,
    claims: list[ClaimRow],
    state: str,
    months: frozenset[int],
    years: frozenset[str],
    cite: Citer,
) -> tuple[Line, int] | None:
    """Yes, No or "expected" on whether the asked state happened in the months/years asked,
    from the claims of that state that date it; None when no claim of it prints a date."""
    own = [c for c in claims if c.state.removesuffix(PLANNED) == state and not c.negated]
    dated = [(c, printed_dates(c.value)) for c in own if c.value]
    dated = [(c, d) for c, d in dated if d[0] or d[1]]
    if not dated:
        return None

    def holds(d: tuple[frozenset[int], frozenset[str]]) -> bool:
        got_months, got_years = d
        if years and not years & got_years:  # "in 2023 or 2024": either
            return False
        return not months or bool(months & got_months)

    def firm(c: ClaimRow) -> bool:
        speculative = ctx.check.traits(c.sentence_id).speculative
        return (
            c.modality == "confirmed"
            and not c.hedged
            and PLANNED not in c.state
            and not (speculative)
        )

    # the firmest, most precise, newest claim of each side speaks for it
    def rank(cd: tuple[ClaimRow, tuple[frozenset[int], frozenset[str]]]) -> tuple:
        c, (m, y) = cd
        return (firm(c), bool(m) and bool(y), c.published)

    held = [cd for cd in dated if holds(cd[1])]
    if held:
        c = max(held, key=rank)[0]
        word = "Yes" if firm(c) else "Expected, not confirmed"
    else:
        # only a firm date of the state says No: a guess dated otherwise ("early 2024") is
        # left to the topic's deciding claims
        firm_dated = [cd for cd in dated if firm(cd[0])]
        if not firm_dated:
            return None
        c = max(firm_dated, key=rank)[0]
        word = "No"
    return verdict_line(ctx, word, c, cite)


def verdict_line(ctx: Context, word: str, c: ClaimRow, cite: Citer) -> tuple[Line, int]:
    """The key line of a yes/no on a topic: the verdict, dated and cited to the claim's
    sentence, quoted; and that sentence."""
    s = ctx.store.sentences[c.sentence_id]
    line = Line(
        f"**{word}** · {ctx.date(c.source_id)} {cite.cite(c.sentence_id)}: "
        f"“{shorten(s.display, WIDTH)}”",
        s.spoiler,
    )
    return line, c.sentence_id
