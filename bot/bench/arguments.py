"""Benchmark inputs and figures for resolved arguments and reply fitting: messages that take
the argument paths of `!cast` and `!status` (a description, a person, a later season, anything
else), added to the question mix so every answer figure includes them; and the time to fit
each reply to Discord's limits (text and embed), which the answer figures leave out."""

from __future__ import annotations

import asyncio
import time

from bot.bench.measure import _percentiles
from bot.paths import DataPaths


def argument_mix() -> list[str]:
    """`!cast <description>` and `!status <person | season | anything>`, as fans type them."""
    return [
        *(
            f"!cast {d}"
            for d in (
                "the villain",
                "patient zero",
                "the one last seen in a lab",
                "the class president",
                "the bully",
                "the science teacher",
                "his rival",
            )
        ),
        *(
            f"!status {a}"
            for a in ("cheong-san", "roh yoon-seo", "park ji-hu", "season 3", "s4", "pizza", "cast")
        ),
    ]


def render_latency(paths: DataPaths, mix: list[str]) -> dict:
    """Per reply: the text form and the answer embed, fitted to the limits (the answers are
    computed first, so only the fitting is timed)."""
    from bot.answers.engine import Engine
    from bot.answers.replies.render import to_text
    from bot.facts.store import load_store
    from bot.glue.embeds import answer_embed

    engine = Engine(asyncio.run(load_store(paths)))
    answers = [engine.answer(m) for m in mix]
    samples = []
    for answer in answers:
        t = time.perf_counter_ns()
        to_text(answer)
        answer_embed(answer)
        samples.append(time.perf_counter_ns() - t)
    return _percentiles(samples)
