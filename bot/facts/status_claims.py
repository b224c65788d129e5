"""Season 2 status claims per topic (with clause-level negation and hedging) and return
evidence per person, from a sentence's wording."""

from __future__ import annotations

import re

from bot.facts.curated import Lexicon
from bot.facts.entities import EntityIndex
from bot.facts.manifest import Source
from bot.facts.records import Claim, Sentence
from bot.facts.text import MONTHS, PhraseSet, collapse_ws

_MONTHS = "|".join(m.lower() for m in MONTHS)
_TIME = re.compile(
    r"(?:(?:early|late|mid|later in|earlier in|(?:the )?(?:first|second) half of|(?:the )?end of|"
    r"spring|summer|fall|autumn|winter)[\s-]+)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_EPISODES = re.compile(r"\b(\d{1,3})\s+(?:[a-z-]+\s+)?episodes\b", re.IGNORECASE)


_CLAUSE = re.compile(r"[,;:—–(]|\s-\s|\bbut\b|\bwhile\b|\balthough\b")


def negated_near(text: str, cue: PhraseSet, negation: PhraseSet) -> bool:
    """Whether a clause that carries the cue is negated ("..., but filming has not begun")."""
    return any(cue.any(c) and negation.any(c) for c in _CLAUSE.split(text))


def time_expressions(text: str) -> list[str]:
    """Dates and windows a sentence names: 'June 6, 2022', 'early 2024', 'Fall 2023'."""
    return [collapse_ws(m.group(0)) for m in _TIME.finditer(text)]


def _years(values: list[str]) -> list[int]:
    return [int(v[-4:]) for v in values]


def sentence_claims(
    sentence: Sentence, source: Source, lex: Lexicon, before: Sentence | None = None
) -> list[Claim]:
    """The status claims one sentence makes. before: the sentence just before it in the same
    article, whose number a "the same number of episodes" sentence refers to."""
    if sentence.kind != "text":
        return []
    text = sentence.display
    s2_here = lex.season2.any(text)
    s2_section = lex.season2.any(sentence.section)
    if lex.season1.any(text) and not s2_here:
        return []
    rumour = lex.rumour.any(text)
    hedged = rumour or lex.hedge.any(text)
    # A release date someone hoped for is no expectation; a rumour is never a confirmed "not yet".
    hoped = lex.hope.any(text)
    # "cast as a new character whose identity has not been revealed" is news, not a "no".
    plain = lex.role_hidden.remove(text)
    times = time_expressions(text)
    pub_year = int(source.published[:4])
    out: list[Claim] = []
    for tid, topic in lex.status.items():
        s2 = s2_here or (topic.section_context and s2_section)
        strong = topic.strong.any(text)
        if not (strong or (s2 and topic.weak.any(text))):
            continue
        negated = not rumour and (
            negated_near(plain, topic.strong, lex.negation)
            or (not strong and negated_near(plain, topic.weak, lex.negation))
        )
        value = ""
        if tid == "episodes":
            value = ", ".join(m.group(1) for m in _EPISODES.finditer(text))
            if (
                not value
                and before is not None
                and PhraseSet(lex.ask.get("carries", {}).get("same_as", [])).any(text)
            ):
                value = ", ".join(m.group(1) for m in _EPISODES.finditer(before.display))
        elif times and not (tid == "release" and hoped):
            if tid == "release" and max(_years(times)) < pub_year:
                continue  # a release already past when written: the first season's
            value = "; ".join(times)
        if topic.weak_needs_value and not strong and not (value or negated):
            continue
        out.append(Claim(tid, sentence.id, source.id, source.published, negated, hedged, value))
    if (
        not any(c.topic == "release" for c in out)
        and s2_here
        and times
        and not hoped
        and not lex.negation.any(text)
    ):
        # "we can get the season 2 in 2023": a Season 2 sentence naming a year still ahead.
        ahead = [t for t in times if int(t[-4:]) > pub_year]
        if ahead:
            out.append(
                Claim(
                    "release",
                    sentence.id,
                    source.id,
                    source.published,
                    False,
                    True,
                    "; ".join(ahead),
                )
            )
    return out


_SUBORDINATE = re.compile(r"\b(?:after|because|since|although|though|until|who|whom|which)\b")


def returning_people(text: str, index: EntityIndex, lex: Lexicon) -> list[str]:
    """Entities a return sentence is about: those named in a stretch that carries the return
    cue, not in a subordinate clause beside it ("X will be back ... after Y died")."""
    parts = _SUBORDINATE.split(text)
    out: list[str] = []
    for i, part in enumerate(parts):
        if lex.returns.any(part):
            # "Yoon Chan-young (who plays Cheong-san) returns": the subject may sit one part back.
            for p in (parts[i - 1], part) if i else (part,):
                out.extend(index.mentions(p))
    return out
