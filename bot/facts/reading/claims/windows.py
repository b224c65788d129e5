"""A window restated right after "no date yet" keeps the window.

"And no, there's still no premiere date. Everything points to 2026, which is what Netflix was
eyeing back in March." The second sentence names no topic of its own: it goes on about the
release the first one spoke of, and the time it looks ahead to is the release's window. As
inside one sentence ("eyeing a 2026 launch, though no premiere date has been set"), the window
is the news and the "not yet" only says no day is set: the pair reads as the window, expected.
A sentence after that tells news of its own, names another season, gives a day or only a time
already past ("back in March") restates nothing.
"""

from __future__ import annotations

from dataclasses import replace

from bot.facts.building.records import Claim, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.readers import readers
from bot.facts.reading.claims.reading import Reading, clauses, listed_cues
from bot.facts.reading.claims.states import progress
from bot.facts.reading.claims.values import after, is_day_date, latest_year, time_values
from bot.facts.sources.manifest import Source
from bot.facts.text import MONTHS

TOPIC = "release"


def restated_windows(
    claims: list[Claim], sentences: list[Sentence], src: Source, lex: Lexicon
) -> list[Claim]:
    """An article's claims, each firm release "not yet" that the next sentence follows with a
    window ahead replaced by that window (see the module's docstring)."""
    if TOPIC not in lex.status:
        return claims
    none = progress(lex.status[TOPIC].states)[0]
    by_id = {s.id: s for s in sentences}
    told = {c.sentence_id for c in claims}
    out = []
    for c in claims:
        nxt = by_id.get(c.sentence_id + 1)
        if (
            c.topic == TOPIC
            and c.state == none
            and c.season == 2
            and c.modality == "confirmed"
            and nxt is not None
            and nxt.kind == "text"
            and nxt.id not in told
            and (value := _window_ahead(nxt.display, src, lex))
        ):
            c = replace(
                c,
                sentence_id=nxt.id,
                negated=False,
                hedged=True,
                value=value,
                state="window",
                modality="expected",
                tense="future",
            )
        out.append(c)
    return out


def _window_ahead(text: str, src: Source, lex: Lexicon) -> str:
    """The window a sentence looks ahead to in words of a forecast or a plan ("Everything
    points to 2026"), or ''."""
    whole = Reading.of(text)
    r = readers(lex)
    looks_ahead = listed_cues(lex, "modality", "expected").any(whole) or listed_cues(
        lex, "values", "window_forecasts"
    ).any(whole)
    if not looks_ahead or r.other_season.any(whole):
        return ""
    year = int(src.published[:4])
    ahead = []
    for a, clause in clauses(text):
        c = Reading.of(clause)
        if r.modality.negated(c):
            continue  # "..., but nobody has named a month" denies a month, not the window
        # each time read in its clause's tense: "what Netflix was eyeing back in March" is past
        for at, v in time_values(text, src.published, r.modality.tense(c), not src.estimated):
            if not a <= at < a + len(clause) or is_day_date(v) or (latest_year(v) or 0) < year:
                continue
            if after(v, src.published) or not any(m.lower() in v.lower() for m in MONTHS):
                ahead.append(v)
    return ahead[0] if len(ahead) == 1 else ""
