"""Return evidence per person: who a sentence says returns for Season 2, or does not."""

from __future__ import annotations

import re

from bot.facts.building.records import Sentence
from bot.facts.curated import Lexicon
from bot.facts.reading.claims.readers import readers
from bot.facts.reading.claims.reading import Reading, clauses, listed_cues
from bot.facts.reading.entities import EntityIndex
from bot.facts.text import PhraseSet

# "His return is not a trick": a negation before "a"/"an" says what the return is, not that
# it is off ("is not a part of the cast" still is).
_WHAT_IT_IS = re.compile(
    r"\b(?:is|was|isn't|wasn't|'s)\s+(?:not|no|never)?\s*(?:a|an|just a|merely a)\s+"
    r"(?!part\b|member\b)\w+",
    re.IGNORECASE,
)


# "would not say in what form X comes back", "declined to reveal how": a question left open,
# no denial of the return it asks about.
_OPEN_QUESTION = re.compile(
    r"\b(?:not|never|n't|declined\s+to|refused\s+to)\s+(?:\w+\s+)?"
    r"(?:say|said|reveal|disclose|explain|specify|share|tell)\w*\s+(?:\w+\s+){0,2}?"
    r"(?:what|how|whether|when|which|why|if)\b",
    re.IGNORECASE,
)


def negated_near(text: str, cue: PhraseSet, negation: PhraseSet) -> bool:
    """Whether a clause that carries the cue is negated ("..., but X is not returning")."""
    return any(
        cue.any(c) and not _OPEN_QUESTION.search(c) and negation.any(_WHAT_IT_IS.sub(" ", c))
        for _, c in clauses(text)
    )


_SUBORDINATE = re.compile(r"\b(?:after|because|since|although|though|until|who|whom|which)\b")


def returning_people(text: str, index: EntityIndex, cue: PhraseSet) -> list[str]:
    """Entities a return sentence is about: those named in a stretch that carries the return
    cue, not in a subordinate clause beside it ("X will be back ... after Y died")."""
    parts = _SUBORDINATE.split(text)
    out: list[str] = []
    for i, part in enumerate(parts):
        if cue.any(part):
            # "Yoon Chan-young (who plays Cheong-san) returns": the subject may sit one part back.
            for p in (parts[i - 1], part) if i else (part,):
                out.extend(index.mentions(p))
    return out


_CLAUSE_END = re.compile(r"[,;:.()—–]|\s(?:but|while|and\s+(?:is|was|will|has))\s")


def without_overturned(text: str, lex: Lexicon) -> tuple[str, bool]:
    """The text without the earlier news it turns back ("X was confirmed to join, overturning
    last year's denial": the denial is the old news, not this sentence's), and whether it
    turns any back (a reversal is told firmly)."""
    reading = Reading.of(text)
    found = listed_cues(lex, "returns", "overturning").find(reading)
    if not found:
        return text, False
    out, last = [], 0
    for at, _ in found:
        if at < last:
            continue
        end = _CLAUSE_END.search(text, at + 1)
        out.append(text[last:at])
        last = end.start() if end else len(text)
    return "".join(out) + text[last:], True


# Words that may stand between the show and its return ("The series is confirmed to return",
# "the drama will officially make its return"): auxiliaries and hedges, never a name.
_TO_RETURN = (
    r"(?:(?:is|was|are|has|have|had|been|be|will|would|could|may|might|'s|officially|now|"
    r"finally|confirmed|set|expected|likely|going|poised|slated|due|scheduled|to|make|making|"
    r"made|a|its|their|long-awaited|triumphant|big)\s+){0,6}$"
)


def show_returns(cues: dict[str, list[int]], text: str, lex: Lexicon) -> None:
    """Leave out the cast cues that are the show's own return ("The series is confirmed to
    return for Season 2"): renewal news, no person's return, so no cast claim of its own."""
    spots = cues.get("cast")
    nouns = lex.claims.get("returns", {}).get("show", [])
    if not spots or not nouns:
        return
    show = re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))})\s+{_TO_RETURN}", re.IGNORECASE)
    gone = set()
    for x in spots:
        cue = next(iter(lex.returns.finditer(text[x : x + 20])), None)
        if cue is not None and cue.start() == 0 and show.search(text, 0, x):
            gone.add(x)
    cues["cast"] = [x for x in spots if x not in gone]
    if not cues["cast"]:
        del cues["cast"]


# How firmly a sentence words a return (the "hedged" of a return record): stated, or
# confirmed even for the future ("Netflix confirmed that X will reprise the role"); planned or
# expected; only rumoured, or left unconfirmed ("X is reportedly back, but the agency has not
# confirmed it"; "the studio has not confirmed her return" is no denial).
STATED, EXPECTED, RUMOURED = 0, 1, 2


def return_evidence(
    sentence: Sentence, named: list[str], index: EntityIndex, lex: Lexicon
) -> list[tuple[str, int, bool, int]]:
    """(entity, sentence id, negated, hedged) for each character or actor a sentence says
    returns, or says does not: a denial ("X does not appear in the new season; the report is
    groundless") is a negated return; hedged is STATED, EXPECTED or RUMOURED. return_s2 cues
    ("appear in") count only in a sentence about Season 2."""
    if sentence.kind != "text":
        return []
    if not any(index.entities[e].kind in ("character", "actor") for e in named):
        return []  # no one it could say returns
    kept, reversal = without_overturned(lex.return_exclude.remove(sentence.display), lex)
    # taking part in the season ("confirmed to join the new season") tells a return as well
    s2_cues = PhraseSet.of(
        (
            *lex.claims.get("values", {}).get("return_s2", []),
            *lex.claims.get("returns", {}).get("joining", []),
            *lex.claims.get("returns", {}).get("appearing", []),
        )
    )
    cue = lex.returns
    if not cue.any(kept):
        # "refuted the report, saying he will join the set": news of the production at hand
        about_s2 = lex.season2.any(kept) or refuted_report(kept, lex) is not None
        if not (about_s2 and s2_cues.any(kept)):
            return []
        cue = s2_cues
    elif lex.season2.any(kept) and s2_cues.any(kept):
        # "X will not appear in the new season, ..., ending speculation that Y would return":
        # the first clause with a cue tells the news, a later return is the talk it answers
        first = next((c for _, c in clauses(kept) if cue.any(c) or s2_cues.any(c)), "")
        if not cue.any(first):
            cue = s2_cues
    stance = return_stance(kept, cue, lex, firm=reversal)
    if stance is None:
        return []
    negated, hedged = stance
    returning = set(returning_people(kept, index, cue))
    return [
        (eid, sentence.id, negated, hedged)
        for eid in named
        if eid in returning and index.entities[eid].kind in ("character", "actor")
    ]


def refuted_report(text: str, lex: Lexicon) -> str | None:
    """The clause of a denial that takes back earlier news ("His agency refuted the report on
    March 5, saying ..."), or None."""
    r = readers(lex)
    reported = listed_cues(lex, "returns", "reported")
    for _, c in clauses(text):
        reading = Reading.of(c)
        if r.modality.cues["denied"].any(reading) and reported.any(reading):
            return c
    return None


def _rumour_in(clause: str, r) -> bool:
    reading = Reading.of(clause)
    return r.modality.cues["rumoured"].any(reading) or r.hearsay.tells(reading)


_WORDS_AHEAD = re.compile(r"\s*(?:[\w'’-]+\s*){1,4}")


def scheduled(clause: str, cue: PhraseSet, lex: Lexicon) -> bool:
    """Whether a clause puts its return on the schedule ("is set to return", "set to make a
    return", "set to reprise the role"): a scheduling word with the return cue within a few
    words after it, and no other hedge in the clause ("is likely set to return" stays a
    guess). A date "set to premiere" names no return and is left to the other readings."""
    words = listed_cues(lex, "returns", "scheduled")
    reading = Reading.of(clause)
    for at, phrase in words.find(reading):
        ahead = _WORDS_AHEAD.match(clause, at + len(phrase))
        if ahead is None or not cue.any(ahead.group(0)):
            continue
        rest = Reading.of(clause[:at] + " " + clause[at + len(phrase) :])
        cues = readers(lex).modality.cues
        return not (cues["expected"].any(rest) or cues["rumoured"].any(rest))
    return False


# When a refusal was said ("declined to confirm it on Wednesday"): no object of its own.
_WHEN = re.compile(
    r"\s+(?:on|this|last|earlier|late|early|until|so\s+far|as\s+of|yesterday|today)\b"
    r"(?:\s+[\w,]+){0,3}\s*[.!]?$",
    re.IGNORECASE,
)
# "declined to comment", "would not comment on the report": no word either way
_NO_COMMENT = re.compile(
    r"\b(?:not|never|n't|declined\s+to|refused\s+to)\s+(?:\w+\s+)?comment(?:ed)?\b"
    r"(?!\s+(?:on|about)\s+(?:the\s+|a\s+)?(?!report|rumou?r|claim|news|it\b|this\b))",
    re.IGNORECASE,
)


def _refused(clause: str, r) -> bool:
    """Whether a clause beside the return refuses to confirm it ("but his agency declined to
    confirm it", "would not confirm the report", "declined to comment"): a refusal that
    points back at the sentence's news, which leaves the return told a rumour."""
    bare = _WHEN.sub("", clause)
    return r.hearsay.negated_confirmation(bare, pointing=True) or bool(_NO_COMMENT.search(bare))


def return_stance(
    text: str, cue: PhraseSet, lex: Lexicon, firm: bool = False
) -> tuple[bool, int] | None:
    """(negated, how firmly) a sentence words the return its cue names, read in the clause
    that carries the cue; None for a rumour that someone is not back (neither a return nor
    a denial of one). firm: the sentence turns earlier news back, so it states its own."""
    r = readers(lex)
    whole = Reading.of(text)
    own = next((c for _, c in clauses(text) if cue.any(c)), text)
    clause = Reading.of(own)
    m = r.modality.read(clause, whole)
    ending = listed_cues(lex, "returns", "ending")
    refuting = refuted_report(text, lex)
    if refuting is not None and refuting != own and not lex.negation.any(own):
        return False, STATED  # the report is denied; the return is the denier's own news
    if m.modality == "denied" or ending.any(clause):
        return True, STATED  # "..., putting an end to rumours of his return": denied
    # "X will return, his agency said, putting an end to speculation about whether ...": the
    # talk another clause ends is settled by the return, and its words hedge nothing
    ended = [c for _, c in clauses(text) if c != own and ending.any(Reading.of(c))]
    talk = Reading.of(" ".join(c for _, c in clauses(text) if c not in ended))
    # "X is back, but his agency declined to confirm it": another clause that refuses to
    # confirm the news it points back at keeps the return a rumour (no denial either)
    unconfirmed = r.hearsay.negated_confirmation(own, pointing=False) or any(
        c != own and not cue.any(c) and _refused(c, r) for _, c in clauses(text)
    )
    negated = negated_near(text, cue, lex.negation)
    # "X is officially back", "has signed on to return", "will be back after all": a
    # return (or, negated, a denial) stated firmly, ahead of time or not
    # "X is set to return": the trade press's schedule, a plan made and told as such
    firm = firm or listed_cues(lex, "returns", "firm").any(clause) or scheduled(own, cue, lex)
    if firm and not unconfirmed and not _rumour_in(own, r):
        return negated, STATED
    # "X will reprise his role, the streamer confirmed, ending months of speculation": talk
    # outside the return's own clause that the sentence confirms is no rumour of it
    # ("X will not appear in the new season, his agency confirmed, ending speculation": a
    # confirmed denial)
    settled = not _rumour_in(own, r) and (r.hearsay.confirms(whole) or bool(ended))
    if settled and not unconfirmed:
        return negated, STATED
    if m.modality == "rumoured" or unconfirmed or r.speculative.any(talk):
        return None if negated and not unconfirmed else (False, RUMOURED)
    if negated:
        return True, STATED
    if m.modality == "expected" or m.tense == "future":
        confirmed = r.hearsay.confirms(whole)
        return False, STATED if confirmed else EXPECTED
    return False, STATED


LIST_AT = 3  # this many people brought back in one sentence make it a list
_LIST_ITEMS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")


def settle_lists(
    sentences: list[Sentence],
    named: list[tuple[list[str], list[tuple[str, bool, int]]]],
    index: EntityIndex,
) -> None:
    """A list's return for a person yields to the article's own more cautious word on them
    (a sentence of its own about that person): the pair printed together in the list (actor
    and role) take the most cautious word either has elsewhere."""
    own: dict[str, int] = {}  # entity -> the most cautious word a sentence of its own uses
    for _, returning in named:
        if 0 < len({e for e, _, _ in returning}) < LIST_AT:
            for eid, negated, hedged in returning:
                if not negated:
                    own[eid] = max(own.get(eid, 0), hedged)
    if not own:
        return
    for s, (_, returning) in zip(sentences, named, strict=True):
        if len({e for e, _, _ in returning}) < LIST_AT:
            continue
        # the list's items, each a pair printed together ("Yoon Chan-yeong as Lee Cheong-san")
        worst: dict[str, int] = {}
        for item in _LIST_ITEMS.split(s.display):
            ids = index.mentions(item)
            word = max((own.get(e, 0) for e in ids), default=0)
            for e in ids:
                worst[e] = max(worst.get(e, 0), word)
        returning[:] = [
            (e, n, hedged if n else max(hedged, worst.get(e, 0))) for e, n, hedged in returning
        ]
