"""Blind rounds as regression cases (blind_rounds.jsonl).

Each message was written by a reviewer who saw only the articles and the command table, and its
reply was graded against the articles (good / weak / wrong / miss / invented). A reply graded good
is held here: it must stay an answer (or stay an honest "the sources don't say" when that was the
good reply) and cite an article the graded reply cited. The other grades are kept in the file as
the record of what still fails; they are not asserted, since the better reply is not yet known.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.console import reply
from tests.conftest import collapse

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "blind_rounds.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
GOOD = [r for r in ROWS if r["grade"] == "good"]


def holds(engine, row: dict) -> list[str]:
    """What is wrong now with the reply to a message once graded good (empty: it holds)."""
    answer = reply(engine, row["msg"])
    wrong = []
    if answer.ok != row["ok"]:
        wrong.append(f"ok is {answer.ok}, was {row['ok']}")
    cited = {c.source for c in answer.citations}
    if row["sources"] and not cited & set(row["sources"]):
        wrong.append(f"cites {sorted(cited)}, not one of {row['sources']}")
    return wrong


def test_the_file_is_well_formed():
    grades = Counter(r["grade"] for r in ROWS)
    assert set(grades) <= {"good", "weak", "wrong", "miss", "invented"}, grades
    assert len(GOOD) >= 100
    for r in ROWS:
        assert set(r) == {"round", "msg", "grade", "why", "ok", "sources"}, r
        assert r["msg"].startswith("!"), r


def test_replies_graded_good_stay_good(engine, capsys):
    failed = [f"[{r['round']}] {r['msg']}: {'; '.join(w)}" for r in GOOD if (w := holds(engine, r))]
    with capsys.disabled():
        print(f"\nblind rounds: {len(GOOD) - len(failed)}/{len(GOOD)} good replies hold")
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("grade", ["weak", "wrong", "miss"])
def test_every_blind_reply_quotes_verbatim(engine, texts, grade):
    for r in (r for r in ROWS if r["grade"] == grade):
        for c in reply(engine, r["msg"]).citations:
            assert collapse(c.quote) in texts[c.source], (r["msg"], c.quote)
