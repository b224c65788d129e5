"""A value said to be still open right after it was stated is a report, not the news.

"A person close to the production said the season runs nine episodes. Netflix said the
number has not been settled." The second sentence is a firm "not yet" on the same topic, in
words saying the thing is undecided ([claims.hearsay] undecided): the first one's value is only
rumoured; so is one a "but ... not decided" later in its own sentence contradicts, and one
the next sentence, telling nothing else, leaves unconfirmed ("Netflix would not confirm a
count."). A "not yet" in other words ("filming has not wrapped") leaves it alone.

The other way round, a window restated right after "no date yet" keeps the window
(`restated_windows`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.facts.building.records import Claim, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.readers import readers
from bot.facts.reading.claims.reading import Reading, clauses, listed_cues
from bot.facts.reading.claims.states import progress
from bot.facts.reading.claims.values import after, is_day_date, latest_year, time_values
from bot.facts.sources.manifest import Source
from bot.facts.text import MONTHS

WINDOW = 1  # sentences ahead: the open word follows the value at once
_CONTRAST = re.compile(r"\b(?:but|however|though|although|yet)\b", re.I)


def unsettled(claims: list[Claim], sentences: list[Sentence], lex: Lexicon) -> list[Claim]:
    """An article's claims with each value that the next sentence calls undecided rumoured."""
    words = listed_cues(lex, "hearsay", "undecided")
    text = {s.id: s.display for s in sentences}
    open_at = {
        (c.topic, c.sentence_id)
        for c in claims
        if c.modality == "confirmed"
        and not c.value
        and c.state == progress(lex.status[c.topic].states)[0]
        and words.any(Reading.of(text.get(c.sentence_id, "")))
    }
    for c in claims:  # "An official said eight, but Netflix said it is not yet decided."
        tail = _CONTRAST.split(text.get(c.sentence_id, ""), maxsplit=1)[1:]
        said = Reading.of(tail[0]) if c.value and tail else None
        if said is not None and words.any(said) and readers(lex).modality.negated(said):
            open_at.add((c.topic, c.sentence_id + 1))  # read as if the next sentence said it
    # "Two insiders put the order at eight episodes. Netflix would not confirm a count.": a
    # sentence with no news of its own that says a confirmation has not come points back at
    # the sentence before it
    hearsay = readers(lex).hearsay
    own = {c.sentence_id for c in claims}
    for s in sentences:
        if s.id not in own and hearsay.negated_confirmation(s.display, pointing=False):
            open_at.update((c.topic, s.id) for c in claims if c.sentence_id == s.id - 1)
    out = []
    for c in claims:
        later = any((c.topic, c.sentence_id + k) in open_at for k in range(1, WINDOW + 1))
        if later and c.value and c.modality == "confirmed" and c.topic in lex.status:
            c = replace(c, modality="rumoured", hedged=True)
        out.append(c)
    return out


# A window restated right after "no date yet" keeps the window.
#
# "And no, there's still no premiere date. Everything points to 2026, which is what Netflix was
# eyeing back in March." The second sentence names no topic of its own: it goes on about the
# release the first one spoke of, and the time it looks ahead to is the release's window. As
# inside one sentence ("eyeing a 2026 launch, though no premiere date has been set"), the window
# is the news and the "not yet" only says no day is set: the pair reads as the window, expected.
# A sentence after that tells news of its own, names another season, gives a day or only a time
# already past ("back in March") restates nothing.

_RELEASE = "release"


def restated_windows(
    claims: list[Claim], sentences: list[Sentence], src: Source, lex: Lexicon
) -> list[Claim]:
    """An article's claims, each firm release "not yet" that the next sentence follows with a
    window ahead replaced by that window (see the comment above)."""
    if _RELEASE not in lex.status:
        return claims
    none = progress(lex.status[_RELEASE].states)[0]
    by_id = {s.id: s for s in sentences}
    told = {c.sentence_id for c in claims}
    out = []
    for c in claims:
        nxt = by_id.get(c.sentence_id + 1)
        if (
            c.topic == _RELEASE
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
