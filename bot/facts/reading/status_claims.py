"""Season 2 status claims per topic, read clause by clause.

Each claim says which state of its topic a sentence reports
(bot/facts/reading/claims/states.py), how
(confirmed, expected, rumoured, denied) and in which tense, the value it states (a date, a
count), the season it is about, and the sentence as evidence. One claim per topic per
sentence: a premiere date beside a trailer mention belongs to the release, the topic whose cue
stands nearest to it. Which clause's reading makes the claim on a topic is
bot/facts/reading/claims/topic/claim.py's job.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.facts.building.records import Claim, Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.asides import (
    REFERENCE,
    after_other_season,
    cast_list,
    dating_verbs,
    other_senses_hidden,
    release_plans,
    released_pictures,
    short_answer,
    told_in_title,
    verbs_to_trailer,
)
from bot.facts.reading.claims.attach import attach, drop_modifiers, news_ahead, of_other_season
from bot.facts.reading.claims.modality import clause_readings
from bot.facts.reading.claims.numbers import episode_counts
from bot.facts.reading.claims.readers import Readers, readers
from bot.facts.reading.claims.reading import Reading, listed_cues
from bot.facts.reading.claims.retracted import (
    current_times,
    days_before,
    last_time,
    past_plans,
    sentence_times,
    times_meant,
)
from bot.facts.reading.claims.returns import show_returns
from bot.facts.reading.claims.states import (
    firm_renewal,
    show_renewals,
    show_return_spots,
)
from bot.facts.reading.claims.topic.claim import topic_claim
from bot.facts.sources.dates import dateline_end
from bot.facts.sources.manifest import Source

_UNDATED = ("episodes", "cast")  # topics whose value is no time: a date beside them is another's


_CONTENTS = re.compile(r"[\w'’-]+(?:\s+[\w'’-]+)?,\s+[\w'’-]+(?:\s+[\w'’-]+)?,?\s+(?:and|&)\s")


def sentence_claims(
    sentence: Sentence,
    source: Source,
    lex: Lexicon,
    before: Sentence | None = None,
    earlier: Sentence | None = None,
) -> list[Claim]:
    """The status claims one sentence makes. before: the sentence just before it in the same
    article, whose number a "the same number of episodes" sentence refers to; earlier: the
    one before that, whose day "a day later" may count from when before prints none."""
    if sentence.kind != "text" and (
        sentence.display != source.title or _CONTENTS.search(sentence.display)
    ):
        # a section heading tells no news; the article's headline does, unless it lists what
        # the article covers ("release date updates, cast, plot and everything we know")
        return []
    text = sentence.display
    r = readers(lex)
    if (answer := short_answer(text, sentence.section, r.numbers)) is not None:
        # "How many episodes?" / "Eight, Netflix confirmed.": the answer counts the heading's
        # noun, of the season the article's title names; the sentence stays as printed
        asked = replace(sentence, display=answer, section=f"{sentence.section} {source.title}")
        return sentence_claims(asked, source, lex, before)
    if before is not None and (carried := _carried_count(text, before, r)) is not None:
        # "... said the season would have ten episodes. Netflix has confirmed eight.": the
        # bare number counts the noun the sentence before counts
        return sentence_claims(replace(sentence, display=carried), source, lex, before, earlier)
    if cast_list(text, lex) and not r.other_season.any(Reading.of(text + " " + sentence.section)):
        # a guide's "Returning: A (B), C (D)" or "New: X as Y": a cast list is cast news
        return [Claim("cast", sentence.id, source.id, source.published, False, False, "", "news")]
    whole = Reading.of(other_senses_hidden(lex.role_hidden.remove(text)))
    plans = listed_cues(lex, "release_plans", "phrases")
    dates = listed_cues(lex, "release_plans", "dating")
    if not (
        r.any_cue.any(whole.masked)
        or r.any_cue_lemma.any(whole.lemmas)
        or plans.any(whole)
        or dates.any(whole)
        or show_return_spots(whole.text, lex)  # "the show is coming back for Season 2"
    ):
        return []  # no topic's cue at all: nothing below can make a claim
    # "renewed beyond Season 2" is news of another season: its "Season 2" makes no cue
    s2_here = lex.season2.any(r.other_season.words.remove(text))
    if lex.season1.any(_before_comparison(text, r)) and not s2_here:
        return []  # a Season 1 yardstick after "than" leaves the sentence this season's
    # ... and one after it makes the sentence the new season's ("seven episodes, five fewer
    # than the first season's twelve"), its words from the comparison on the yardstick's
    yardstick = len(text)
    if lex.season1.any(text) and not r.other_season.any(whole):
        s2_here, yardstick = True, len(_before_comparison(text, r))
    season = 3 if not s2_here and r.other_season.any(whole) else 2
    if season == 2 and after_other_season(text, before, r, lex):
        return []  # "... the bones of a third season. That is not a renewal!": that season's
    # Under a heading about Season 2, or right after a sentence that names it, a topic with
    # section_context needs no Season 2 cue of its own ("The second season debuted at No. 1.
    # The eight-episode season, which was released on June 26, ...").
    s2_section = lex.season2.any(sentence.section) or (
        before is not None
        and lex.season2.any(before.display)
        and not r.other_season.any(Reading.of(before.display))
    )
    if s2_section and _the_series_before(text, whole, r, lex):
        s2_section = False
    said = before.display if before is not None else ""
    if lex.season1.any(said) and not lex.season2.any(said):
        s2_section = False  # "You can watch Season 1 now. It has 12 episodes": still Season 1
    hoped = lex.hope.any(text)
    told = told_in_title(text, whole, source, r, lex)
    # Which topics the sentence is about, and where their cues stand.
    cues: dict[str, list[int]] = {}
    strong: dict[str, set[int]] = {}  # per topic, where its strong cues stand
    kin: set[str] = set()  # topics told of the season without a strong cue
    for tid, topic in lex.status.items():
        s2 = s2_here or season == 3 or (topic.section_context and s2_section) or tid in told
        found = r.strong[tid].find(whole)
        if found:
            strong[tid] = {at for at, _ in found}
        if s2:
            kin.add(tid)
        if found or s2:
            found = sorted(found + r.weak[tid].find(whole))
        if found:
            cues[tid] = [at for at, _ in found]
    dating = dating_verbs(whole, lex, source.published)
    if (lex.status["release"].section_context and s2_section) or s2_here or season == 3:
        release_plans(cues, whole, lex, dating)
    drop_modifiers(cues, whole.text, lex)
    show_returns(cues, whole.text, lex)  # "the series is set to return": renewal, not cast
    renewing = show_renewals(cues, strong, whole.text, lex)  # ... that return is the renewal
    # a strong cue that only modifies or begins a name ("Film Monster returns as ...") makes
    # the topic no stronger, nor its weak cues this season's
    strong = {t for t, at in strong.items() if at & set(cues.get(t, ()))}
    cues = {t: spots for t, spots in cues.items() if t in strong or t in kin or t == "release"}
    cues = {t: kept for t, spots in cues.items() if (kept := [x for x in spots if x < yardstick])}
    if not cues:
        return []
    readings = clause_readings(whole, r.modality, dating)
    news_ahead(cues, whole.text, [x for x in readings if not r.modality.negated(x[1])], lex)
    verbs_to_trailer(cues, strong, readings, r, whole)
    released_pictures(cues, readings, r, whole, lex)
    if not cues:
        return []
    # Each time goes to the event cue it is attached to (bot/facts/reading/claims/attach.py).
    times: dict[str, list[tuple[int, str, int]]] = {}
    dated = {t: cues[t] for t in cues if t not in _UNDATED}
    found = []
    if dated:  # the time printed last before it, for "later that year", and its days
        anchor = last_time(before, source) if before is not None else ""
        days = days_before(before, source) if before is not None else ()
        days = days or (days_before(earlier, source) if earlier is not None else ())
        tense = r.modality.tense(whole)
        found = sentence_times(whole.text, readings, source, anchor, tense, days, past_plans(lex))
    lead = dateline_end(whole.text)  # the article's own date, never an event's
    found = [(at, value) for at, value in found if at >= lead]
    for spot, value, owner in attach(found, dated, readings, whole.text):
        times.setdefault(owner[0], []).append((spot, value, owner[1]))
    if (meant := current_times(whole.text, found, lex)) != found:
        # a plan given up: each topic's time is the one meant now, or none
        times = times_meant(times, cues, meant)
    out = []
    cues.pop(REFERENCE, None)
    for tid in cues:
        claim = topic_claim(
            tid,
            cues[tid],
            readings,
            times.get(tid, []),
            r,
            lex,
            sentence,
            source,
            before,
            hoped,
            strong,
        )
        if claim is not None and tid == "renewal":
            state, modality = firm_renewal(claim.state, claim.modality, whole.text, renewing, lex)
            hedged = claim.hedged and modality != "confirmed"
            claim = replace(claim, state=state, modality=modality, hedged=hedged)
        if claim is not None:
            own = 3 if season == 3 or of_other_season(cues[tid], readings, r, lex) else 2
            out.append(Claim(**{**claim.__dict__, "season": own}))
    return out


# A spelled count that ends its clause with no noun of its own ("Netflix has confirmed eight.");
# not one after a word that makes it a rank or a place ("in the top ten").
_BARE_COUNT = re.compile(r"(?<!\btop )(?<!\bno\. )\b([A-Za-z]+)(?=\s*(?:[,.;:!]|$))")


def _carried_count(text: str, before: Sentence, r: Readers) -> str | None:
    """The text with "episodes" put after a bare count, when the sentence before counts
    episodes and this one names none; None otherwise."""
    episodes = (r.strong["episodes"], r.weak["episodes"])
    if before.kind != "text" or any(c.any(Reading.of(text)) for c in episodes):
        return None
    said = Reading.of(before.display)
    if not any(c.any(said) for c in episodes) or not episode_counts(
        before.display, r.numbers, r.comparison
    ):
        return None
    for m in _BARE_COUNT.finditer(text):
        if m.group(1).lower() in r.numbers and m.group(1).lower() != "one":
            return f"{text[: m.end()]} episodes{text[m.end() :]}"
    return None


def _before_comparison(text: str, r: Readers) -> str:
    """The text up to its first comparison word ("... more than the Season 1 trailer")."""
    m = r.comparison_rx.search(text) if r.comparison_rx is not None else None
    return text[: m.start()] if m else text  # the leftmost of any of them


def _the_series_before(text: str, whole: Reading, r: Readers, lex: Lexicon) -> bool:
    """A sentence that names the series by its title, with no season word, and tells what is
    done ("The zombie drama <title> came out in January and shot to the top"): its news is
    the series' first run, whatever its heading or the sentence before says."""
    return lex.show.any(text) and r.modality.tense(whole) == "past"
