"""Sentences and clauses that tell another thing than their words suggest: a labelled list
of actors is cast news, a ", which ..." clause on Season 1 counts Season 1's episodes, a
season "planned for" a time (or one a verb of dating puts on it) is its release, a story
that "picks up a year after" tells no renewal, nor a season that "shot to No. 1" a shoot; a
release verb beside a trailer is the trailer's, and a count told as news in a Season 2 article
is Season 2's; a release verb that puts out a poster releases no season, and a sentence after
one about a third season, naming none itself, is no Season 2 news."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.facts.building.records import Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.attach import compound_heads
from bot.facts.reading.claims.readers import Readers
from bot.facts.reading.claims.reading import Reading, clauses, lemma, listed_cues
from bot.facts.sources.manifest import Source


def cast_list(text: str, lex: Lexicon) -> bool:
    """Whether a sentence is a labelled list of actors ("Not back: X", "New: X as Y")."""
    labels = lex.claims.get("cast_lists", {}).get("labels", [])
    head, colon, rest = text.partition(":")
    return bool(colon) and head.strip().lower() in labels and bool(_NAMED.match(rest))


_NAMED = re.compile(r"\s*(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+\s*(?:\(|,|\bas\b|$)")


# A relative clause on the noun before it, and a yardstick a comparison names ("shorter than
# the first", "half the length of the original", "longer than last time").
_RELATIVE = re.compile(r"^\W*(?:which|that)\b", re.I)
_YARDSTICK = re.compile(
    r"\b(?:than|of|from|like|unlike|as|to|with)\s+(?:(?:the|its)\s+(?:first|original|previous|"
    r"last|earlier|predecessor)(?:\s+(?:one|season|run|outing|batch))?|last\s+time|before)\W*$",
    re.I,
)


def on_other_season(tail: str, clause: str, lex: Lexicon) -> bool:
    """Whether a clause counting episodes tells of a season other than the new one: a ",
    which ..." clause whose noun just before it (at the end of tail, the text before the
    clause) is Season 1 or a comparison's yardstick ("..., season 1, which runs twelve
    episodes"), or a clause whose own subject is Season 1 ("The first season consisted of 12
    episodes; the number for Season 2 has not been decided")."""
    if not _RELATIVE.match(clause):
        return _of_first_season(clause, lex)
    tail = tail.rstrip(" ,")
    noun = " ".join(re.split(r"[,;(]\s*(?=\w)", tail)[-1].split()[-3:])
    if lex.season2.any(noun):
        return False
    return bool(_YARDSTICK.search(tail)) or lex.season1.any(noun)


# A count in the clause: digits or a spelled number word before "episodes" (any word would
# do to find where the count stands; the subject is what comes before it).
_COUNT_AHEAD = re.compile(r"\b(?:\d+|[a-z]+)(?:-episode|\s+(?:\w+\s+)?episodes)\b", re.I)


def _of_first_season(clause: str, lex: Lexicon) -> bool:
    """A clause naming Season 1 before its count and no later season, with no comparison
    that makes the count the new season's ("Season 2 runs eight, fewer than the first")."""
    count = _COUNT_AHEAD.search(clause)
    if count is None or not lex.season1.any(clause[: count.start()]):
        return False
    if lex.season2.any(clause) or lex.season2_numbered.any(clause):
        return False
    comparison = lex.claims.get("values", {}).get("comparison", [])
    return _any_word(tuple(comparison)).search(clause) is None


@lru_cache(maxsize=8)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of these words, whole and in any case (compiled once per list, not per clause)."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words) or "x^", re.I)


# After a verb of dating, the time it puts the season on: "set a March 2026 date", "locked in
# an April 3 premiere", "circled October 9 for the debut", "scheduled the season for May 8".
_DET = r"(?:(?:a|an|the|its|their)\s+)?"
_DATING_OBJECT = re.compile(rf"\s+{_DET}(?:[\w'’-]+\s+){{0,6}}?(?:for|on)\s+{_DET}$", re.I)


_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that|on|film|movie)\s+$", re.I)
_ORIGIN = re.compile(r"(?:from|since)\b", re.I)


def dating_verbs(whole: Reading, lex: Lexicon, published: str) -> list[int]:
    """Offsets of verbs of dating that put a time on something ("Netflix set a March 2026 date
    for the season"): the time is a release to come, whatever the verb's tense."""
    from bot.facts.reading.claims.values import time_values

    found = listed_cues(lex, "release_plans", "dating").find(whole)
    if not found:
        return []
    text = whole.text
    times = [at for at, _ in time_values(text, published, "future")]
    spans = clauses(text)
    out = []
    for at, _ in found:
        if _NOUN_BEFORE.search(text, 0, at):
            continue  # "near the set", "on set": the word is a noun, no verb of dating
        verb = re.match(r"[\w'’-]+(?:\s+in\b)?", text[at:])
        end = at + (verb.end() if verb else 0)
        stop = min((a for a, _ in spans if a > at), default=len(text))
        for t in (t for t in times if end < t < stop):
            if _ORIGIN.match(text, t):
                continue  # "locked in since the spring announcement": a time it counts from
            gap = text[end:t]
            if re.fullmatch(rf"\s+{_DET}", gap) or _DATING_OBJECT.fullmatch(gap):
                out.append(at)
                break
    return out


def release_plans(
    cues: dict[str, list[int]], whole: Reading, lex: Lexicon, dating: list[int] = ()
) -> None:
    """A season "planned for", "slated for" or "due" a time is its release; not where another
    topic's cue stands before it in its clause ("filming is scheduled for May" is the shoot's).
    dating: verbs of dating (dating_verbs), read the same way."""
    found = listed_cues(lex, "release_plans", "phrases").find(whole) + [(x, "") for x in dating]
    others = [x for t, xs in cues.items() if t != "release" for x in xs]
    for at, _ in found:
        start = max((a for a, _ in clauses(whole.text) if a <= at), default=0)
        if not any(start <= x < at for x in others):
            cues.setdefault("release", []).append(at)
    if "release" in cues:
        cues["release"] = sorted(set(cues["release"]))


# Other senses of cue verbs, blanked to the same length so offsets hold (a past verb stays
# past): where the story resumes, not an order ("picks up one year after the finale", "picks up
# where season one left off"); a rise, not a shoot ("shot to No. 1", "shot up the chart").
_OTHER_SENSES = re.compile(
    r"\bpick(?:s|ed|ing)?\s+up\s+(?=(?:where|right|just|shortly|soon|straight|after|from|"
    r"(?:a|an|one|two|three|\w+)\s+(?:years?|months?|weeks?|days?)\s+(?:after|later|on)\b))"
    r"|\bshot\s+(?:straight\s+)?(?:up|to|into)\b"
    # a rejection, not a shoot: "the agency shot that idea down", "shoots the rumour down"
    r"|\b(?:shoot(?:s|ing)?|shot)(?=\s+(?:[\w'’-]+\s+){0,3}down\b)",
    re.IGNORECASE,
)


def other_senses_hidden(text: str) -> str:
    """The text with cue verbs in another sense blanked."""
    return _OTHER_SENSES.sub(_neutral, text)


def _neutral(m: re.Match[str]) -> str:
    # "shot" keeps its tense as "rose", so the clause's dates still read as past
    word = m.group(0)
    return "rose" + " " * (len(word) - 4) if word[:4].lower() == "shot" else " " * len(word)


_COUNT = re.compile(r"\b(?:\d+|[a-z]+)[\s-]+(?:new\s+)?(?:episodes?|part)\b", re.I)
_BETWEEN = re.compile(r"\b(?:after|before|since|when|once|as)\b", re.I)


def told_in_title(text: str, whole: Reading, source: Source, r: Readers, lex: Lexicon):
    """The topics ([claims.values] title_topics) a sentence tells as news of the season its
    article's title names ("The company confirmed eight episodes." under "... Season 2 ..."):
    a verb of telling ([claims.values] count_news) with the count after it in its clause."""
    values = lex.claims.get("values", {})
    topics = values.get("title_topics", [])
    title = Reading.of(source.title)
    if not topics or not lex.season2.any(source.title) or lex.season1.any(source.title):
        return ()
    if r.other_season.any(title):
        return ()
    verbs = listed_cues(lex, "values", "count_news").find(whole)
    for at, piece in clauses(text):
        for m in _COUNT.finditer(piece):
            gap = [v for v, _ in verbs if at <= v < at + m.start()]
            near = bool(gap) and len(text[max(gap or [0]) : at + m.start()].split()) <= 9
            if near and not _BETWEEN.search(text, max(gap), at + m.start()):
                return topics  # the count is what the verb tells
    return ()


# What a release verb after a trailer may tell of instead ("the trailer came out in May and
# the show arrived in June").
_THE_SHOW = re.compile(r"\b(?:season|series|show|drama|episodes?|sequel|premiere)\b", re.I)


_INFLECTED = re.compile(r"\w+(?:ed|es|ing)\b")
_POINT = re.compile(
    r"\b(?:before|after|ahead\s+of|following|since|until|till|prior\s+to)\s+(?:the|its|their)\s+$",
    re.I,
)
REFERENCE = "_reference"  # cues a time may attach to that make no claim


def verbs_to_trailer(cues, strong, readings, r: Readers, whole: Reading) -> None:
    """A release verb in a clause about a trailer, or after one with no show between, is the
    trailer's ("a teaser will be released next spring", "Netflix dropped the official trailer",
    "the main trailer (it runs two minutes) went live"): it makes no release claim."""
    if "release" not in cues or "trailer" not in cues:
        return
    spans = [(at, at + len(c.text)) for at, c, _ in readings]
    with_trailer = [(a, b) for a, b in spans if any(a <= x < b for x in cues["trailer"])]
    text = whole.text
    verbs = {at for at, _ in r.weak["release"].find(whole)}
    verbs |= {at for at, _ in r.strong["release"].find(whole) if _INFLECTED.match(text, at)}

    def trailers(x: int) -> bool:  # in a trailer's clause, or the trailer is its subject
        if any(a <= x < b for a, b in with_trailer):
            return True
        before = [t for t in cues["trailer"] if t < x]
        return bool(before) and not _THE_SHOW.search(text, max(before), x)

    kept = [x for x in cues["release"] if x not in verbs or not trailers(x)]
    # "two weeks before the premiere": a point the trailer's news is told against; the time
    # nearest it is no one's
    ref = [x for x in kept if _POINT.search(text, max(0, x - 40), x)]
    if ref:
        cues[REFERENCE] = ref
    kept = [x for x in kept if x not in ref]
    if kept:
        cues["release"] = kept
    else:
        del cues["release"]


_HOW_MANY = re.compile(r"^\s*how\s+many\s+(?:new\s+)?([a-z]+)\b[^?]*\?\s*$", re.I)


def short_answer(text: str, section: str, numbers: list[str]) -> str | None:
    """A sentence that answers its "How many ...?" heading with a bare number ("Eight,
    Netflix confirmed."), the noun put after the number; None for any other sentence."""
    m = _HOW_MANY.match(section)
    if m is None:
        return None
    first = re.match(r"\s*([A-Za-z]+|\d{1,3})(?=[,.;:!])", text)
    if first is None or first.group(1).lower() not in {*numbers, *map(str, range(1, 1000))}:
        return None
    return f"{text[: first.end()]} {m.group(1).lower()}{text[first.end() :]}"


_OBJECT_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
# A word that ends the object: what follows a preposition or a conjunction is no longer the
# thing released ("released the season on Friday with a poster").
_ENDS_OBJECT = frozenset(
    """with alongside along on in at to for by after before and as across via from into onto
    than while when""".split()  # noqa: SIM905 (a word list reads better as words)
)
_COPULA = frozenset(["was", "is", "were", "are"])
_CLEFT = re.compile(r"^\W*what\b", re.I)
_OBJECT_WORDS = 5  # "a new set of character posters": an object is a short noun phrase


def released_pictures(
    cues: dict[str, list[int]], readings, r: Readers, whole: Reading, lex: Lexicon
) -> None:
    """Leave out the release cues whose verb puts out a picture, not the season ("Netflix
    released a teaser poster", "What Netflix released on December 1 was a teaser poster"): its
    object, or what a "What X released ... was Y" sentence says it was, is one of the
    [claims.values] compound_heads."""
    if "release" not in cues:
        return
    heads = compound_heads(lex)
    text = whole.text
    verbs = {at for at, _ in (*r.weak["release"].find(whole), *r.strong["release"].find(whole))}
    cleft = bool(_CLEFT.match(text))
    gone = set()
    for x in cues["release"]:
        verb = _OBJECT_WORD.match(text, x)
        if x not in verbs or verb is None:
            continue
        end = next((at + len(c.text) for at, c, _ in readings if at <= x < at + len(c.text)), 0)
        tail = _OBJECT_WORD.findall(text[verb.end() : max(end, verb.end())])
        low = [w.lower() for w in tail]
        if cleft and (said := [i for i, w in enumerate(low) if w in _COPULA]):
            low = low[said[0] + 1 :]  # "What Netflix released on Friday was a poster"
        for w in low[:_OBJECT_WORDS]:
            if w in _ENDS_OBJECT:
                break
            if lemma(w) in heads:
                gone.add(x)
                break
    kept = [x for x in cues["release"] if x not in gone]
    if kept:
        cues["release"] = kept
    else:
        del cues["release"]


def after_other_season(text: str, before: Sentence | None, r: Readers, lex: Lexicon) -> bool:
    """True when a sentence names no season of its own and the sentence before it speaks of a
    season other than the second only: its news is that season's, never Season 2's."""
    if before is None or before.kind != "text":
        return False
    if lex.season2.any(text) or lex.season1.any(text) or r.other_season.any(Reading.of(text)):
        return False
    said = before.display
    return r.other_season.any(Reading.of(said)) and not lex.season2.any(
        r.other_season.words.remove(said)
    )
