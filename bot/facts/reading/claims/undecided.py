"""A value said to be still open right after it was stated is a report, not the news.

"A person close to the production said the season runs nine episodes. Netflix said the
number has not been settled." The second sentence is a firm "not yet" on the same topic, in
words saying the thing is undecided ([claims.hearsay] undecided): the first one's value is only
rumoured; so is one a "but ... not decided" later in its own sentence contradicts, and one
the next sentence, telling nothing else, leaves unconfirmed ("Netflix would not confirm a
count."). A "not yet" in other words ("filming has not wrapped") leaves it alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.facts.building.records import Claim, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.readers import readers
from bot.facts.reading.claims.reading import Reading, listed_cues
from bot.facts.reading.claims.states import progress

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
