"""The fan-question set (fan_questions.toml): natural messages graded against the articles.

Prints a summary line of how many pass. A case marked `known` is an open defect: reported, not
failed, and the test fails if it starts passing, so the file always says what is true.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from bot.answers.replies.render import to_text
from tests.conftest import collapse

CASES = tomllib.loads((Path(__file__).parent / "fan_questions.toml").read_text("utf-8"))["q"]
# Never acceptable in any reply: a quote opening on stray punctuation.
ALWAYS_NOT = ["• ”", "• ’", "“”", "“ ”"]


NEARBY = "Nearby, not an answer"


def answering_text(answer) -> str:
    """What a reply offers as its answer: its text and quotes, without the "Nearby, not an
    answer" line and the quotes only it cites (a fate printed there was not given as the
    answer), and without the echo of the question."""
    near = [line.text for line in answer.lines if line.text.startswith(NEARBY)]
    told = [line.text for line in answer.lines if not line.text.startswith(NEARBY)]
    kept = [line for line in answer.lines if not line.text.startswith(NEARBY)]
    text = to_text(replace(answer, lines=kept))
    text = re.sub(r"you asked “[^”]*”", "", text, flags=re.IGNORECASE)
    quotes = [
        c.quote
        for c in answer.citations
        if not any(c.quote[:60] in n for n in near) or any(c.quote[:60] in t for t in told)
    ]
    return "\n".join([text, *quotes]).lower()


def grade(engine, case: dict) -> list[str]:
    """What is wrong with the reply to one case (empty: it passes)."""
    answer = engine.answer(case["ask"])
    hay = answering_text(answer)
    full = "\n".join([to_text(answer), *(c.quote for c in answer.citations)]).lower()
    wrong = []
    for need in case.get("must", []):
        # A wanted word must start a word of the reply: "son" is not found inside "season".
        if not any(re.search(r"(?<!\w)" + re.escape(alt.lower()), hay) for alt in need.split("|")):
            wrong.append(f"lacks {need!r}")
    for bad in [*case.get("must_not", []), *ALWAYS_NOT]:
        if bad.lower() in full:
            wrong.append(f"says {bad!r}")
    return wrong


def test_fan_question_set_is_big_and_well_formed():
    assert len(CASES) >= 150
    assert len({c["ask"] for c in CASES}) == len(CASES), "a message is listed twice"
    for c in CASES:
        assert set(c) <= {"ask", "must", "must_not", "known"}, c
        assert c.get("must") or c.get("must_not"), c


def test_every_fan_answer_quotes_verbatim(engine, texts):
    for case in CASES:
        for c in engine.answer(case["ask"]).citations:
            assert collapse(c.quote) in texts[c.source], (case["ask"], c.quote)


def test_fan_questions(engine, capsys):
    passed, failed, known_fixed = 0, [], []
    for case in CASES:
        wrong = grade(engine, case)
        if not wrong:
            passed += 1
            if "known" in case:
                known_fixed.append(case["ask"])
        elif "known" not in case:
            failed.append(f"{case['ask']}: {'; '.join(wrong)}")
    known = sum("known" in c for c in CASES)
    with capsys.disabled():
        print(f"\nfan questions: {passed}/{len(CASES)} pass ({known} known misses)")
    assert not failed, "\n".join(failed)
    assert not known_fixed, f"now passing, drop `known`: {known_fixed}"


def test_grader_ignores_what_is_only_nearby():
    from bot.answers.types import Answer, Citation, Line

    cite = Citation("s", "t", "2024-01-01", False, "He perished in the fire.", 1)
    ans = Answer(
        "ask",
        False,
        None,
        "The sources don't say",
        [
            Line("You asked “did he die” The sources don't say either way."),
            Line(f"{NEARBY} to that: “He perished in the fire.” [1]"),
        ],
        [cite],
    )
    hay = answering_text(ans)
    assert "perished" not in hay and "did he die" not in hay
    ans.lines.append(Line("• He perished in the fire. [1]"))
    assert "perished" in answering_text(ans)
