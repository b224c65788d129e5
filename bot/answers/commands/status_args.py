"""`!status <anything>` when the argument is not a status topic, so no argument is refused:

- a person ("cheong-san", "roh yoon-seo"): their Season 2 return, worded as `!cast` words it;
- a later season ("season 3", "third season"): the sentences that speak of it, or the honest
  "the sources say nothing about it";
- "season 2": the digest itself (every topic of `!status` is about Season 2);
- anything else: the digest, under one line saying what the topics are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from bot.answers.commands.lore import fact_lines
from bot.answers.commands.status import SUBCOMMANDS, TOPIC_CUTOFF
from bot.answers.context import Context, evidence
from bot.answers.evidence.people.returns import Returns
from bot.answers.reading.wording import balanced, name_keys, safe_echo, shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.names import fold_key
from bot.facts.text import PhraseSet

if TYPE_CHECKING:
    from bot.answers.commands.status import Status

LATER_LIMIT = 4  # sentences shown on a later season; the rest are counted
GUESSES = 2  # speculative sentences shown about a person no source says returns
_SEASON_N = re.compile(r"\b(?:season|s)\s*(\d{1,2})\b")


class StatusArgument:
    """Resolves what a `!status` argument that names no topic is about, and answers it."""

    def __init__(self, ctx: Context, status: Status):
        self.ctx = ctx
        self.status = status
        self._returns: Returns | None = None
        self._lore = None  # what the articles say about a person, built on first use
        self._later: dict[int, list[int]] | None = None
        self._season_phrases: dict[int, list[str]] | None = None

    def __call__(self, query: str) -> Answer:
        season = self.season(query)
        if season == 2:
            return self.status.digest()
        if season is not None and season > 2:
            return self.later_season(season)
        match = self.ctx.m.names.lookup_any(name_keys(query))
        entity = self.ctx.store.entities.get(match.id or "")
        if entity is not None and entity.kind in ("character", "actor"):
            return self.person(entity.id)
        key = fold_key(query.split()[0])
        if any(fuzz.ratio(key, sub) >= TOPIC_CUTOFF for sub in SUBCOMMANDS):
            return self.status.names.unknown(query)  # "!status subscibe": did you mean
        return self.pointer(query, match.suggestions)

    # --- what the argument is ------------------------------------------------------------

    def _phrases(self) -> dict[int, list[str]]:
        """Each season's phrases ([ask.seasons]), read once (every `!lore` query asks)."""
        if self._season_phrases is None:
            table = self.ctx.store.vocab.get("ask.seasons", {})
            self._season_phrases = {
                int(k): [_words(p) for p in v] for k, v in table.items() if k.isdigit()
            }
        return self._season_phrases

    def season(self, text: str) -> int | None:
        """The one season a text names ("season 3", "s3", "third season"), or None."""
        low = _words(text)
        named = {n for n, ps in self._phrases().items() if any(_has(low, p) for p in ps)}
        named |= {int(n) for n in _SEASON_N.findall(low)}
        return next(iter(named)) if len(named) == 1 else None

    # --- the answers ---------------------------------------------------------------------

    def person(self, eid: str) -> Answer:
        """A character's (or an actor's character's) Season 2 return, from the returns logic;
        an actor cast in a role not yet revealed joins Season 2 as someone new."""
        ctx = self.ctx
        new = [p for p in ctx.pairs_for(eid) if p.character_id is None]
        if new and not any(p.character_id for p in ctx.pairs_for(eid)):
            cite = Citer(ctx.store)
            sids = evidence(new[0])
            name = ctx.name(eid)
            lines = [
                Line(
                    f"Season 2: {name} joins as a new character; the role has not been "
                    f"revealed {cite.cite_all(sids)}"
                )
            ]
            for sid in sids[:2]:
                row = ctx.store.sentences[sid]
                lines.append(Line(f"• {shorten(row.display, 260)} {cite.cite(sid)}", row.spoiler))
            return Answer("status", True, name, f"{name} in Season 2", lines, cite.citations)
        if self._returns is None:
            self._returns = Returns(ctx)
        ans = replace(self._returns.answer(eid), command="status")
        pairs = [p for p in ctx.pairs_for(eid) if p.character_id]
        if pairs and self._returns.evidence(pairs[0]) is None:
            # no word of a return: what the sources guess about them in Season 2 instead
            cite = Citer(ctx.store)
            guesses = [
                line
                if line.text.startswith("• (speculation)")
                else replace(line, text=line.text.replace("• ", "• (speculation) ", 1))
                for line in fact_lines(ctx, self.guesses(pairs[0].character_id), cite)
            ]
            if guesses:
                title = f"{ctx.name(eid)} in Season 2"
                return Answer("status", True, title, title, [*ans.lines, *guesses], cite.citations)
        return ans

    def guesses(self, eid: str) -> list[int]:
        """Sentences about a character that guess at them in Season 2, a hedge anywhere in
        them ("Season 2 could explore the whereabouts of X"), most about them first."""
        if self._lore is None:
            from bot.answers.commands.lore import Lore

            self._lore = Lore(self.ctx)
            cues = self.ctx.store.vocab.get("ask.speculation", {}).get("cues", [])
            self._hedges = PhraseSet(cues)
        scores = self._lore.subjects.about_scores(eid)
        sentences, check = self.ctx.store.sentences, self.ctx.check
        found = [
            s
            for s in scores
            if 2 in check.traits(s).seasons and self._hedges.any(sentences[s].display)
        ]
        return sorted(found, key=lambda s: (-scores[s], s))[:GUESSES]

    def later_sentences(self, season: int) -> list[int]:
        """Sentences that speak of a season after the second, newest source first."""
        if self._later is None:
            phrases = {n: ps for n, ps in self._phrases().items() if n > 2}
            later: dict[int, list[int]] = {}
            for sid, s in self.ctx.store.sentences.items():
                if s.kind == "question":
                    continue
                low = _words(s.display)
                found = {n for n, ps in phrases.items() if any(_has(low, p) for p in ps)}
                found |= {int(n) for n in _SEASON_N.findall(low) if int(n) > 2}
                for n in found:
                    later.setdefault(n, []).append(sid)
            # a sentence the build read as a later season's news though it names the season
            # only as "the new installment", in an article about it: the store keeps season 3
            # for the news of any season after the second
            claims = self.ctx.store.claims.values()
            third = {c.sentence_id for cs in claims for c in cs if c.season == 3}
            if extra := sorted(third - set(later.get(3, ()))):
                later.setdefault(3, []).extend(extra)
            for sids in later.values():
                sids.sort(key=lambda sid: (-self.ctx.published(sid), sid))
            self._later = later
        return self._later.get(season, [])

    def later_season(self, season: int, first: frozenset[int] = frozenset()) -> Answer:
        """What the sources say about a season after the second, cited, or that they don't;
        first: the sentences that answer what was asked, listed before the rest."""
        ctx = self.ctx
        title = f"Season {season}"
        sids = sorted(self.later_sentences(season), key=lambda sid: sid not in first)
        if not sids:
            return Answer(
                "status",
                False,
                title,
                title,
                [
                    Line(f"The sources don't say anything about a season {season}."),
                    self.status.as_of(),
                    Line(f"For Season 2, try `{ctx.prefix}status`."),
                ],
            )
        cite = Citer(ctx.store)
        lines = [Line(f"What the sources say about a season {season}:")]
        for sid in sids[:LATER_LIMIT]:
            row = ctx.store.sentences[sid]
            lines.append(
                Line(
                    f"• {ctx.date(row.source_id)} — "
                    f"{balanced('“' + shorten(row.display, 220) + '”')} {cite.cite(sid)}",
                    row.spoiler,
                )
            )
        if len(sids) > LATER_LIMIT:
            lines.append(Line(f"…and {len(sids) - LATER_LIMIT} more."))
        lines.append(self.status.as_of())
        return Answer("status", True, title, title, lines, cite.citations)

    def pointer(self, query: str, near: tuple[str, ...] = ()) -> Answer:
        """The digest, under one line that says what `!status` takes (a miss: not what was
        asked, though never a bare refusal)."""
        p = self.ctx.prefix
        topics = ", ".join(f"`{t}`" for t in self.status.topics())
        maybe = (
            f" (or a person: `{p}status {near[0]}`?)" if near else " (or a person, or `season 3`)"
        )
        digest = self.status.digest()
        note = Line(
            f"“{safe_echo(query, 40)}” isn't a status topic; topics are {topics}{maybe}. "
            "Here is the digest:"
        )
        return replace(
            digest,
            ok=False,  # not what was asked: shown like a miss (grey; only to them on slash)
            lines=[note, *digest.lines],
            suggestions=[f"{p}status {t}" for t in self.status.topics()],
        )


def _words(text: str) -> str:
    """Lower-case words without possessives ("a third season's plot" -> "a third season plot")."""
    words = re.findall(r"[0-9a-z']+", text.lower().replace("’", "'"))
    return " ".join(w.removesuffix("'s").strip("'") for w in words)


def _has(text: str, phrase: str) -> bool:
    """Whether a phrase occurs in text on word boundaries (both already lower-cased)."""
    return f" {phrase} " in f" {text} "
