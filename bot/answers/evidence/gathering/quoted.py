"""A question quoting words ("who said “season 2 has been confirmed”", "where did he say the
"survival of the undead" thing") is answered by the lines that print those words, each with
who says them there; when no line names anyone, the sources don't say who (the lines are
still shown: where the words are printed).

The quoted words are matched word for word (case, punctuation and quote marks aside) against
every readable line; a quote of fewer than MIN_WORDS words is too common to find its line by.
Who says a quotation is the first person its line names outside the quote marks and outside
parentheses, before it ("…before Lomon (who plays Su-hyeok) declares, “…”") or else after it
("“…,” adds Park Ji-hu"). A line naming no one is shown after the line before it in its
article, which sets it up ("…the director, J.Q. Lee, indicated… NewsPim reported" then "“…,”
Lee remarked").
"""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.reading.wording import shorten
from bot.answers.types import Answer, Citer, Line

MIN_WORDS = 3
LIMIT = 3  # lines shown
_SPAN = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
_MARKS = re.compile(r"[\"“”]")
_ASIDE = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"\w+")


def flat(text: str) -> str:
    """Words only, lower-case, single-spaced: how a quote is matched."""
    return " ".join(_WORD.findall(text.lower()))


def quoted_spans(message: str) -> list[str]:
    """The spans a message puts in double quotes, long enough to find a line by."""
    return [m for m in _SPAN.findall(message) if len(_WORD.findall(m)) >= MIN_WORDS]


def printing(ctx: Context, span: str) -> list[int]:
    """The readable lines that print a quoted span, in article order."""
    want = f" {flat(span)} "
    store = ctx.store
    return [
        sid
        for sid in sorted(store.sentences)
        if ctx.check.readable(sid) and want in f" {flat(store.sentences[sid].display)} "
    ]


def speaker(ctx: Context, sid: int, span: str) -> str | None:
    """Who the line says speaks the quoted span, if it names them (see above)."""
    text = ctx.store.sentences[sid].display
    pieces, quoted = _pieces(text)
    want = f" {flat(span)} "
    at = next(
        (i for i, p in enumerate(pieces) if quoted[i] and want in f" {flat(p)} "),
        None,
    )
    if at is None:
        return None
    before = [pieces[i] for i in range(at - 1, -1, -1) if not quoted[i]][:1]
    # after it only when no quote follows: "…,” before Lomon declares, “…" names who says
    # the next quote
    after = [p for i, p in enumerate(pieces) if i > at and not quoted[i]][:1]
    after = after if after and not any(quoted[pieces.index(after[0]) + 1 :]) else []
    for part in (*before, *after):
        found = _first_person(ctx, sid, _ASIDE.sub(" ", part))
        if found is not None:
            return found
    return None


def _unquoted(text: str) -> str:
    pieces, quoted = _pieces(text)
    return _ASIDE.sub(" ", " ".join(p for p, q in zip(pieces, quoted, strict=True) if not q))


def _pieces(text: str) -> tuple[list[str], list[bool]]:
    """A line cut at its quote marks, and whether each piece is quoted: a piece before a
    closing mark is (the line may open inside a quote), one after an opening mark is; a
    straight mark turns quoting over."""
    pieces = _MARKS.split(text)
    marks = _MARKS.findall(text)
    first = next((m for m in marks if m != '"'), '"')
    state = first == "”" if first != '"' else False
    quoted = []
    for i in range(len(pieces)):
        quoted.append(state)
        if i < len(marks):
            state = {"“": True, "”": False}.get(marks[i], not state)
    return pieces, quoted


def _first_person(ctx: Context, sid: int, text: str) -> str | None:
    """The person of the line named first in a stretch of its text, as printed there."""
    low = text.lower()
    best: tuple[int, str] | None = None
    for eid, sids in ctx.store.mentions.items():
        if sid not in sids or eid not in ctx.store.entities:
            continue
        row = ctx.store.entities[eid]
        for name in (row.name, *row.aliases):
            m = re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), text[m.start() : m.end()])  # as the line prints it
    return best[1] if best else None


def quoted_answer(ctx: Context, message: str) -> Answer | None:
    """The lines printing what a message quotes, with who says it; None when it quotes
    nothing an article prints."""
    for span in quoted_spans(message):
        sids = printing(ctx, span)
        if not sids:
            continue
        cite = Citer(ctx.store)
        lines = []
        named = False
        for sid in sids[:LIMIT]:
            row = ctx.store.sentences[sid]
            who = speaker(ctx, sid, span)
            shown, spoiler = row.display, row.spoiler
            marks = cite.cite(sid)
            prev = ctx.store.sentences.get(sid - 1)
            same = prev is not None and prev.source_id == row.source_id
            if who is None and same and ctx.check.readable(sid - 1):
                shown = f"{prev.display} {shown}"
                marks = cite.cite_all([sid - 1, sid])
                spoiler = spoiler or prev.spoiler
            before = _first_person(ctx, sid - 1, _unquoted(prev.display)) if prev else None
            if who:
                head = f"{who} says it"
            elif shown != row.display and before:
                head = f"The line before names {before}"
            else:
                head = "The article does not name who says it here"
            named = named or bool(who) or (shown != row.display and bool(before))
            body = shorten(shown, 420)
            body = body if body[:1] in '“"' else f"“{body}”"
            lines.append(Line(f"• {head}: {body} {marks}", spoiler))
        title = f"Who says “{shorten(span, 60)}”"
        if not named:  # printed, never attributed: the sources don't say who
            title = "The sources don't say"
        return Answer("ask", named, None, title, lines, cite.citations)
    return None
