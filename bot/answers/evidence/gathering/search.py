"""`!ask` questions no topic or person claims: the sentences sharing enough of their words
(or the words the articles use for them) that carry what is asked, else an honest answer."""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.commands.asking.honest import dont_know, nearby
from bot.answers.commands.asking.pooled import counted_facts
from bot.answers.commands.lore import distinct, fact_lines
from bot.answers.context import Context
from bot.answers.evidence.gathering.finding import Finder
from bot.answers.reading.matching import tokens
from bot.answers.reading.question import Question
from bot.answers.types import Answer, Citer, Line

ASK_MIN_SCORE = 4.0  # BM25 score below which a free question of two words is "I don't know"


def content(ctx: Context, want: set[str]) -> set[str]:
    """The question's words beyond its frame: "what does X mean" carries only X."""
    vocab = ctx.store.vocab.get("ask.stopwords", {})
    return want - {t for ws in vocab.values() for w in ws for t in tokens(w)}


def fits(ctx: Context, find: Finder, asked: set[str], sid: int) -> bool:
    """Whether a sentence shares what is rare in the question, not only a common surface word:
    it shares one of the question's own words (`asked`, from `content`), and no asked word
    that the articles print is rarer than every word it shares."""
    has = set(tokens(ctx.store.sentences[sid].display))
    shared = {w for w in asked if (find.synonyms.get(w, frozenset()) | {w}) & has}
    if not shared:
        return False
    df = ctx.m.search.df
    floor = min(df(w) for w in shared)
    return not any(0 < df(w) < floor for w in asked - shared)


def search_answer(
    ctx: Context,
    find: Finder,
    q: Question,
    raw: str,
    order: Callable[[list[int]], list[int]] | None = None,
) -> Answer:
    """Answer a free question from the whole index; order: puts the picked line that answers
    what was asked first (see scoring/leading.py)."""
    # One rare word ("villain") scores lower than two common ones: the bar scales with
    # how many words the question has.
    bar = ASK_MIN_SCORE * min(1.0, len(set(tokens(q.text))) / 2)
    found = ctx.m.search.search(find.expanded(q.text), 12)
    hits = [(sid, sc) for sid, sc in found if sc >= bar]
    if not hits:
        p = ctx.prefix
        return Answer(
            "ask",
            False,
            None,
            "I don't know",
            [
                Line(
                    f"I don't know that from my sources. Try `{p}status`, "
                    f"`{p}cast <name>` or `{p}lore <topic>`."
                )
            ],
            suggestions=[f"{p}status", f"{p}cast", f"{p}lore"],
        )
    top = hits[0][1]
    want = set(tokens(q.text))
    covering = set(find.covering(q, [sid for sid, sc in hits if sc >= top * 0.5]))
    asked = content(ctx, want)
    rel = {sid: sc for sid, sc in hits if sid in covering and fits(ctx, find, asked, sid)}
    chosen = distinct(ctx, ctx.check.focused(list(rel), q, rel), 2)
    if not chosen:
        shared = max(1, min(len(asked), 2))
        near = {
            sid: sc
            for sid, sc in hits
            if len(asked & set(tokens(ctx.store.sentences[sid].display))) >= shared
        }
        return dont_know(ctx, q, raw, nearby(ctx, list(near), near, q.season), None)
    if order is not None:
        chosen = order(chosen)
    cite = Citer(ctx.store)
    lines = fact_lines(ctx, chosen, cite, facts=counted_facts(ctx, q, chosen))
    return Answer("ask", True, None, "What the sources say", lines, cite.citations)
