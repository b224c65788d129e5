"""The honest answers: "the sources don't say", what is nearby (labelled), and "as of"."""

from __future__ import annotations

from bot.answers.commands.lore import FILLER, fact_lines
from bot.answers.context import Context
from bot.answers.evidence.scoring.anchors import verdict
from bot.answers.evidence.status.digest import age
from bot.answers.reading.question import Question
from bot.answers.reading.wording import safe_echo, shorten
from bot.answers.types import Answer, Citer, Line

ASKED = {
    "when": "when",
    "number": "how many",
    "duration": "how long",
    "who": "who",
    "where": "where",
    "why": "why",
    "yesno": "either way",
    "what": "that",
}


def echo(raw: str) -> str:
    """The question as asked, for quoting back: capitalised, with its question mark."""
    q = safe_echo(raw, 80).strip()
    if q and q[-1] not in "?!.…":
        q += "?"
    return q[:1].upper() + q[1:]


def as_of_line(ctx: Context) -> Line:
    """How fresh the newest source is: every status answer carries it."""
    newest = ctx.store.newest_source
    est = " (estimated)" if newest.estimated else ""
    old = age(newest.published, ctx.today()).removesuffix(" ago")
    return Line(f"As of {newest.published}{est}, the newest source — {old} old.")


def nearby(ctx: Context, pool: list[int], rel: dict[int, float], season: int | None) -> list[int]:
    """The most relevant informative sentence of a pool in the season asked about (never
    filler), if any."""
    check = ctx.check
    good = [
        s
        for s in pool
        if rel.get(s) and check.traits(s).quality > FILLER and check.season_ok(s, season)
    ]
    return sorted(good, key=lambda s: (-rel[s], s))[:1]


def dont_know(
    ctx: Context,
    q: Question,
    raw: str,
    near: list[int],
    label: str | None,
    as_of: bool = False,
    people: tuple[str, ...] = (),
) -> Answer:
    """The sources don't say what was asked; at most one line of what they say nearby,
    labelled as not an answer. A nearby line that prints all the question asks is shown as
    what the sources say; one about something else is not shown (scoring/anchors.py).
    people: who the question names, whom a nearby line must name too."""
    near = [s for s in near[:1] if (v := verdict(ctx, q, s, people)) != "off"]
    if near and v == "answer":
        return partial(ctx, near, label)
    cite = Citer(ctx.store)
    lines = [Line(f"You asked “{echo(raw)}” The sources don't say {ASKED[q.atype]}.")]
    if as_of:
        lines.append(as_of_line(ctx))
    for sid in near[:1]:
        row = ctx.store.sentences[sid]
        lines.append(
            Line(
                f"Nearby, not an answer to that: “{shorten(row.display, 200)}” {cite.cite(sid)}",
                row.spoiler,
            )
        )
    return declined(ctx, lines, cite, label)


def declined(ctx: Context, lines: list[Line], cite: Citer, label: str | None = None) -> Answer:
    """An honest decline of these lines: every one is titled alike and points to the
    commands that list what the sources do say."""
    p = ctx.prefix
    return Answer(
        "ask",
        False,
        label,
        "The sources don't say",
        lines,
        cite.citations,
        suggestions=[f"{p}status", f"{p}lore"],
    )


def partial(ctx: Context, sids: list[int], label: str | None) -> Answer:
    """The line a decline would have called nearby, when it prints all that was asked."""
    cite = Citer(ctx.store)
    lines = fact_lines(ctx, sids, cite)
    return Answer("ask", True, label, "What the sources say", lines, cite.citations)
