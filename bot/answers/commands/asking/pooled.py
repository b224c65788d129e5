"""`!ask` on a status or lore topic: the topic's sentences that carry what is asked, in the
season asked about, with Season 2's state when it answers too; else the honest decline."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answers.commands.asking.honest import as_of_line, dont_know, nearby
from bot.answers.commands.lore import distinct, fact_lines
from bot.answers.context import Context
from bot.answers.evidence.gathering.finding import Finder
from bot.answers.reading.question import Question
from bot.answers.reading.wording import shorten
from bot.answers.types import Answer, Citer, Line
from bot.facts.reading.claims.reading import clauses
from bot.facts.text import PhraseSet

VALUES = ("number", "duration", "when")  # answer types that are a value the text must print
# where one statement of a sentence ends and the next begins inside one clause: "we can
# certainly get the sequel as it's just three days and the series has been watched…"
_JOINS = re.compile(r"\b(?:and|but|as|so|while|because|though|although|yet)\b|[;:—–]")


def pooled(
    ctx: Context,
    find: Finder,
    q: Question,
    raw: str,
    pool: list[int],
    label: str,
    order: Callable[[list[int]], list[int]],
    status: str | None = None,
    prior: dict[int, float] | None = None,
) -> tuple[Answer, list[int]]:
    """Sentences on a topic that carry the expected type, in the season asked about, and the
    ones picked. prior: how much each sentence is about the topic, added to its relevance;
    order: puts the picked line that answers what was asked first."""
    rel = find.relevance(q.text)
    for s, p in (prior or {}).items():
        rel[s] = rel.get(s, 0.0) + p
    chosen = distinct(ctx, ctx.check.focused(pool, q, rel), 2)
    season2 = q.season in (None, 2)
    lead = ctx.topic(status) if status and season2 else None
    if lead and q.atype in VALUES and ctx.check.answers(lead.lead.sentence_id, q):
        # a count or a date asked: the deciding claim's sentence first, an older value it
        # superseded never ahead of it
        first = lead.lead.sentence_id
        chosen = [first, *(s for s in chosen if s != first)][:2]
    if not chosen:
        near = [lead.lead.sentence_id] if lead else nearby(ctx, pool, rel, q.season)
        return dont_know(ctx, q, raw, near, label, as_of=lead is not None), []
    if not (lead and q.atype in VALUES):  # a deciding claim put first stays first
        chosen = order(chosen)
    if prior and chosen and prior.get(chosen[0]):
        # a line found only by its words ("the school" in a quote) trails a line that is one
        # of the topic's facts: it is not about the topic asked, and is dropped
        chosen = [s for s in chosen if prior.get(s)]
    cite = Citer(ctx.store)
    lines = [as_of_line(ctx)] if lead else []
    for s in chosen:
        lines += fact_lines(ctx, [s], cite, facts=counted_facts(ctx, q, [s]))
        if (before := ctx.check.near.antecedent(s)) is not None and before not in chosen:
            row = ctx.store.sentences[before]  # "the same number": the number it means
            text = f"↳ the number it refers to: “{shorten(row.display, 200)}”"
            lines.append(Line(f"{text} {cite.cite(before)}", row.spoiler))
    # Season 2's state is added only when it carries what was asked (an episode count
    # is no answer to "how long are the episodes").
    if lead and lead.lead.sentence_id not in chosen and ctx.check.answers(lead.lead.sentence_id, q):
        row = ctx.store.sentences[lead.lead.sentence_id]
        lines.append(
            Line(
                f"Season 2: “{shorten(row.display, 200)}” {cite.cite(lead.lead.sentence_id)}",
                row.spoiler,
            )
        )
    return Answer("ask", True, label, label, lines, cite.citations), chosen


def counted_facts(ctx: Context, q: Question, sids: list[int]) -> frozenset[int]:
    """Of the lines answering a count ("how many people watched it"), those whose count is
    stated as plain fact: the statement carrying the number hedges nothing, and the sentence
    reports no rumour. Such a line is not speculation because another statement of its
    sentence guesses ("…we can certainly get the sequel … and the series has already been
    watched over million times")."""
    if q.atype != "number" or not sids:
        return frozenset()
    vocab = ctx.store.vocab
    # built once per vocabulary, not per question: a count question is common
    spec = PhraseSet.of(tuple(vocab.get("ask.speculation", {}).get("cues", [])))
    reports = PhraseSet.of(tuple(vocab.get("ask.speculation", {}).get("reports", [])))
    words = "|".join(map(re.escape, vocab.get("ask.carries", {}).get("number_words", [])))
    number = re.compile(rf"\d|\b(?:{words or 'x^'})\b", re.IGNORECASE)
    out = set()
    for sid in sids:
        text = ctx.store.sentences[sid].display
        if not ctx.check.traits(sid).speculative or reports.any(text):
            continue
        parts = [p for _, c in clauses(text) for p in _JOINS.split(c) if p.strip()]
        counts = [p for p in parts if number.search(p)]
        if counts and not any(spec.any(p) for p in counts):
            out.add(sid)
    return frozenset(out)
