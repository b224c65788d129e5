"""Future-news round 14's cast misreadings, as mechanisms: a return whose agency declined to
confirm it stays a rumour; a pair read past a credit in brackets or a role described after a
comma; a description kept past "across the"; a description question's season is no word of
the description; and the Back/New lines footnote the article that first told them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.answers.evidence.people.describe import words
from bot.facts.curated import load_lexicon
from bot.facts.reading.claims.returns import RUMOURED, STATED, return_stance
from bot.facts.reading.descriptions import _clip
from tests.facts.test_future_news import _lines, _run

LEX = load_lexicon(Path(__file__).resolve().parents[2] / "data" / "lexicon.toml")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a refusal in the clause beside the return, pointing back at it (a day after it)
        (
            "Fans say Kim Bo-yoon is back as Seo Hyo-ryung, but her agency declined to confirm it "
            "on Friday.",
            (False, RUMOURED),
        ),
        (
            "Lomon is back as Lee Su-hyeok, though his agency declined to comment.",
            (False, RUMOURED),
        ),
        (
            "Lomon is back as Lee Su-hyeok; his agency would not confirm the report.",
            (False, RUMOURED),
        ),
        # a confirmation is still one; a refusal about something else leaves it alone
        ("Lomon will return as Lee Su-hyeok, Netflix confirmed on Monday.", (False, STATED)),
        (
            "Lomon is back as Lee Su-hyeok, Netflix said, but it would not confirm a premiere "
            "date.",
            (False, STATED),
        ),
    ],
)
def test_a_refusal_to_confirm_keeps_a_return_a_rumour(text, want):
    assert return_stance(text, LEX.returns, LEX) == want


def test_a_description_runs_past_across_the():
    assert _clip("a nurse from a clinic across the bridge who hides a bite") == (
        "a nurse from a clinic across the bridge who hides a bite"
    )
    assert _clip("the girl runs the club") == "the girl"  # "runs the" is still a verb


def test_a_questions_season_is_no_word_of_a_description():
    assert words("the medic in s2") == words("the medic") == ["medic"]
    assert words("the nurse in season 3") == ["nurse"]
    assert words("the seasoned soldier") == ["seasoned", "soldier"]


@pytest.fixture(scope="module")
def n14(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n14fix"), "n14")


def _footnotes(answer) -> dict[int, str]:
    return {c.n: c.source for c in answer.citations}


def _cited(line: str, who: str, notes: dict[int, str]) -> list[str]:
    """The sources footnoted right after `who` on a line ("Han Yu-ri) [2]")."""
    m = re.search(re.escape(who) + r"\)?((?:\s*\[\d+\])+)", line)
    assert m, (who, line)
    return [notes[int(n)] for n in re.findall(r"\d+", m.group(1))]


def test_n14_gwi_nam_is_only_rumoured_in_the_trade_report(n14):
    store = n14[0].ctx.store
    told = {
        store.sentences[sid].source_id: (neg, hedged)
        for sid, neg, hedged in store.returns["yoon-gwi-nam"]
    }
    assert told["902_n14"] == (0, RUMOURED)  # "his agency declined to confirm it"
    assert told["903_n14"] == (0, STATED)  # "his agency confirmed on October 30"


def test_n14_cast_lines_footnote_the_first_article_to_tell_them(n14):
    engine = n14[0]
    answer = engine.answer("!status cast")
    notes = _footnotes(answer)
    back = next(x.text for x in answer.lines if x.text.startswith("**Back:**"))
    new = next(x.text for x in answer.lines if x.text.startswith("**New cast:**"))
    assert _cited(back, "Yoon Gwi-nam (Yoo In-soo", notes) == ["903_n14"]
    assert _cited(back, "Lee Cheong-san (Yoon Chan-young", notes) == ["902_n14"]
    for who in (
        "Roh Yoon-seo (Han Yu-ri",
        "Park Hae-on (Jeong Mi-rae",
        "Ahn Tae-rim (Gu Seong-cheol",
    ):
        assert _cited(new, who, notes) == ["902_n14"], who
    assert _cited(new, "Lim Da-on (Oh Jae-kyung", notes) == ["904_n14"]
    assert "Yoon Gwi-nam" in _lines(engine)["Back"].split(";")[0]  # confirmed by art3


def test_n14_who_plays_the_virologist(n14):
    answer = n14[0].answer("!ask who plays the virologist in s2")
    text = "\n".join(x.text for x in answer.lines)
    assert text.startswith("Jeong Mi-rae, “a government virologist"), text
    assert "played by Park Hae-on" in text
    assert answer.citations[0].source == "902_n14"
    assert "Han Yu-ri" not in text and "Back" not in answer.title


def test_n14_new_role_is_described(n14):
    answer = n14[0].answer("!ask who plays the student hiding her infection")
    text = "\n".join(x.text for x in answer.lines)
    assert "played by Roh Yoon-seo" in text
    assert answer.citations[0].source == "902_n14"
