"""Embeds stay within Discord's limits whatever the answer: 4096 description, 256 title and
field name, 1024 per field, 25 fields, 6000 in all."""

from __future__ import annotations

import pytest

from bot.answers.types import Answer, Citation, Line
from bot.glue.embeds import answer_embed, quotes_embed


def check(embed) -> None:
    assert len(embed.title or "") <= 256
    assert len(embed.description or "") <= 4096
    assert len(embed.fields) <= 25
    for f in embed.fields:
        assert len(f.name) <= 256 and 0 < len(f.value) <= 1024
    assert len(embed.footer.text or "") <= 2048
    assert len(embed) <= 6000


def big_answer(articles: int, quotes_each: int, quote_len: int, line_len: int) -> Answer:
    citations = [
        Citation(
            f"src{a}",
            "T" * 300,
            "2024-01-01",
            a % 2 == 0,
            ("word " * quote_len)[:quote_len] + f" {a}.{q}",
            a + 1,
            "L" * 70,
            q % 3 == 0,
        )
        for a in range(articles)
        for q in range(quotes_each)
    ]
    lines = [Line("x" * line_len, i % 2 == 0) for i in range(40)]
    return Answer("ask", True, None, "A" * 400, lines, citations)


@pytest.mark.parametrize(
    ("articles", "quotes_each", "quote_len", "line_len"),
    [(1, 1, 10, 10), (3, 40, 300, 500), (60, 2, 1500, 2000), (30, 30, 3000, 50), (26, 1, 990, 1)],
)
@pytest.mark.parametrize("spoilers", [True, False])
def test_limits_hold(articles, quotes_each, quote_len, line_len, spoilers):
    answer = big_answer(articles, quotes_each, quote_len, line_len)
    check(answer_embed(answer, spoilers, note="late post"))
    quotes = quotes_embed(answer, spoilers)
    check(quotes)
    shown = sum(f.value.count("> ") for f in quotes.fields)
    if shown < len(answer.citations):
        assert "did not fit" in quotes.footer.text  # a cut is said, never silent


def test_each_article_listed_once(engine):
    for query in ("!status", "!status cast", "!cast On-jo", "!ask who is in season 2"):
        answer = engine.answer(query)
        embed = answer_embed(answer)
        check(embed)
        listed = "\n".join(f.value for f in embed.fields).splitlines()
        assert len(listed) == len(answer.articles) == len(set(listed))
        check(quotes_embed(answer))


def test_digest_description_is_short(engine):
    assert len(answer_embed(engine.answer("!status")).description) <= 1200
