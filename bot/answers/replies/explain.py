"""Stage: reply rendered (for the engineer). `hyosan-bot ask --explain '…'`: how `!ask` read
a question and why the winning candidate won, score part by score part."""

from __future__ import annotations

from bot.answers.commands.asking.verdict import Trace
from bot.answers.context import Context
from bot.answers.evidence.scoring.evidence import Evidence
from bot.answers.evidence.scoring.score import Score
from bot.answers.reading.wording import shorten


def _what(ctx: Context, s: Score) -> str:
    if s.kind == "sentence":
        row = ctx.store.sentences[int(s.ref)]
        return f"sentence {s.ref} ({row.source_id}): {shorten(row.display, 110)}"
    return f"{s.kind}: {s.ref}"


def _parts(s: Score) -> str:
    return (
        f"total {s.total:5.2f} = entity {s.entity:.2f} coverage {s.coverage:.2f} "
        f"(key {s.core:.2f}) "
        f"type {'yes' if s.typed else 'no'} season {'ok' if s.season else 'no'} "
        f"quality {s.quality:+.1f}{' ACCEPTED' if s.accepted else ''}"
        f"{' covers ' + ','.join(s.covered) if s.covered else ''}"
    )


def explain_text(ctx: Context, ev: Evidence, traces: list[Trace]) -> str:
    """The analysis and the top candidates of each part of a question, as plain text."""
    out = []
    for i, t in enumerate(traces, 1):
        f, q = t.frame, t.frame.question
        if len(traces) > 1:
            out.append(f"--- part {i}")
        out.append(f"asked:     {f.asked}")
        out.append(f"type:      {q.atype}   season: {q.season or '-'}")
        out.append(f"entities:  {', '.join(f.people) or '-'}")
        pred = ", ".join(f"{w}->{c} ({ev.weight(c):.2f})" for w, c in f.predicate)
        out.append(f"predicate: {pred or '-'}")
        if t.routed is not None:
            out.append(f"routed:    {_parts(t.routed)}  [{t.routed.ref}]")
        out.append("candidates:")
        for s in t.candidates:
            mark = "*" if s in t.chosen else " "
            out.append(f" {mark} {_parts(s)}\n     {_what(ctx, s)}")
        out.append(f"decision:  {t.reason}")
    return "\n".join(out)
