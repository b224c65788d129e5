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
SHORT_WORDS = 2  # a quote asked the meaning of may be shorter ("theyre back")
LIMIT = 3  # lines shown
_SPAN = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
_MARKS = re.compile(r"[\"“”]")
_ASIDE = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"\w+")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
# "who is “they”", "what are “them”": a wh-question of a quoted word
_OF_QUOTED = re.compile(r"\b(?:who|what)\s+(?:is|are|was|were|r)\s+[\"“]", re.IGNORECASE)


def flat(text: str) -> str:
    """Words only, lower-case, single-spaced: how a quote is matched."""
    return " ".join(_WORD.findall(text.lower()))


def folded(text: str) -> str:
    """Words only, lower-case, an apostrophe dropped inside a word ("They’re" is "theyre",
    as fans type it), single-spaced: how a short quote is matched."""
    return flat(_APOSTROPHE.sub("", text))


def quoted_spans(message: str, short: bool = False) -> list[str]:
    """The spans a message puts in double quotes, long enough to find a line by (short: two
    words are enough, the line must then print them as a quotation)."""
    least = SHORT_WORDS if short else MIN_WORDS
    spans = _SPAN.findall(message)
    return [m for m in spans if len(folded(m).split()) >= least or len(_WORD.findall(m)) >= least]


def printing(ctx: Context, span: str) -> list[int]:
    """The readable lines that print a quoted span, in article order. A span too short to
    find a line by counts only where the line quotes it ("“They’re back,” she exclaims")."""
    want, short = f" {flat(span)} ", f" {folded(span)} "
    store = ctx.store
    few = len(_WORD.findall(span)) < MIN_WORDS

    def prints(text: str) -> bool:
        if not few:
            return want in f" {flat(text)} " or short in f" {folded(text)} "
        pieces, quoted = _pieces(text)
        return any(q and short in f" {folded(p)} " for p, q in zip(pieces, quoted, strict=True))

    return [
        sid
        for sid in sorted(store.sentences)
        if ctx.check.readable(sid) and prints(store.sentences[sid].display)
    ]


def asks_meaning(ctx: Context, message: str) -> bool:
    """Whether a message asks what quoted words mean or whom they point at ("what does she
    mean by “…”", "…says “they’re back”, who is “they”"), not who said them: a meaning word
    of [ask.quotes], or a wh-question of a quoted word; "who says/said …" asks the speaker."""
    table = ctx.store.vocab.get("ask.quotes", {})
    text = f" {flat(message)} "
    if any(f" {flat(c)} " in text for c in table.get("speaker", [])):
        return False
    if any(f" {flat(c)} " in text for c in table.get("meaning", [])):
        return bool(quoted_spans(message, short=True))
    return bool(_OF_QUOTED.search(message)) and bool(quoted_spans(message, short=True))


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
    """The lines printing what a message quotes, with who says it (or, asked what it means,
    what the articles print around it); None when it quotes nothing an article prints."""
    meaning = asks_meaning(ctx, message)
    for span in quoted_spans(message, short=meaning):
        sids = printing(ctx, span)
        if not sids:
            continue
        if meaning:
            return meaning_answer(ctx, span, sids)
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


def meaning_answer(ctx: Context, span: str, sids: list[int]) -> Answer:
    """What quoted words mean, asked: the articles say it of no one, so the reply says so
    and shows the lines printing the words, each with the line before it in its article
    when the line opens on them (what leads up to the words is then the context the article
    gives; a line telling more than the words carries its own)."""
    cite = Citer(ctx.store)
    shown = shorten(span, 60)
    lines = [
        Line(
            f"The articles don't say what “{shown}” means or whom it points at; "
            "what they print around it:"
        )
    ]
    for sid in sids[:LIMIT]:
        row = ctx.store.sentences[sid]
        prev = ctx.store.sentences.get(sid - 1)
        text, marks, spoiler = row.display, cite.cite(sid), row.spoiler
        opens = folded(row.display).startswith(folded(span))
        same = prev is not None and prev.source_id == row.source_id and prev.kind == "text"
        if opens and same and ctx.check.readable(sid - 1):
            text = f"{prev.display} {text}"
            marks = cite.cite_all([sid - 1, sid])
            spoiler = spoiler or prev.spoiler
        body = shorten(text, 420)
        body = body if body[:1] in '“"' else f"“{body}”"
        lines.append(Line(f"• {body} {marks}", spoiler))
    return Answer("ask", True, None, f"What “{shown}” means", lines, cite.citations)
