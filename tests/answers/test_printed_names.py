"""A person is named only in a form some article prints: the curated name when an article
prints it, else the fullest printed alias (a surname only the curated list knows is never
asserted)."""

from __future__ import annotations

import pytest

from bot.answers.context import _prints


@pytest.mark.parametrize(
    ("text", "name", "printed"),
    [
        ("In addition to Eun-Ji (played by X)", "Eun-ji", True),
        ("In addition to Eun-Ji (played by X)", "Min Eun-ji", False),
        ("Nam On-jo and Cheong-san", "nam on-jo", True),
        ("Cheongsan's friend", "Cheong-san", True),
        ("Onjoo is here", "On-jo", False),
    ],
)
def test_a_name_is_printed_whatever_joins_its_parts(text, name, printed):
    assert _prints(text, name) is printed


def test_every_shown_name_of_a_mentioned_entity_is_printed_by_an_article(engine):
    ctx = engine.ctx
    for eid in ctx.store.entities:
        mentions = ctx.store.mentions.get(eid, [])
        if mentions:
            text = " ".join(ctx.store.sentences[s].quote for s in mentions)
            assert _prints(text, ctx.name(eid)), (eid, ctx.name(eid))
