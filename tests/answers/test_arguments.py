"""Arguments are resolved, not refused: `!cast <description>` finds who the articles call so
(never guessing), and `!status <anything>` answers for a person, a later season, or shows the
digest under a one-line pointer."""

from __future__ import annotations

import pytest

from bot.answers.evidence.people.describe import printed_words, synonym_groups, words
from bot.answers.evidence.people.returns import Returns
from bot.answers.reading.wording import name_keys
from bot.answers.replies.render import to_text
from tests.conftest import engine_with_article


@pytest.mark.parametrize(
    ("typed", "who", "printed"),
    [
        ("the villain", "Yoon Gwi-nam", "the villain character"),
        ("the vilain", "Yoon Gwi-nam", "the villain character"),
        ("patient zero", "Lee Jin-su", "Patient Zero in this show"),
        ("the one last seen in a lab", "Min Eun-ji", "who was last seen in captivity at a lab"),
        ("jin-su's father", "Lee Byeong-chan", "Jin-su’s father"),
    ],
)
def test_cast_by_description_names_the_person_and_cites_the_description(
    engine, typed, who, printed
):
    answer = engine.answer(f"!cast {typed}")
    assert answer.ok and answer.match == who
    first = answer.lines[0].text
    assert f"“{printed}”" in first and first.endswith("[1]")
    assert printed.replace("’", "'") in answer.citations[0].quote.replace("’", "'")
    assert " is played by " in to_text(answer)  # then the usual `!cast` answer


def test_a_near_description_is_did_you_mean_never_an_answer(engine):
    answer = engine.answer("!cast the class president")
    assert not answer.ok and answer.title == "Did you mean…?"
    assert "Choi Nam-ra (“the school president”)" in answer.lines[0].text
    assert "!cast Choi Nam-ra" in answer.suggestions


def test_no_one_described_so_is_not_guessed(engine):
    answer = engine.answer("!cast the bully")
    assert not answer.ok
    assert "Nam On-jo" not in to_text(answer)  # "buddy" is not "bully"


def test_a_description_printed_without_a_name_says_so_with_its_sentence(engine):
    # ("the science teacher" is now tied to the one person its section names:
    # tests/answers/test_described_people.py)
    answer = engine.answer("!cast the government")
    assert not answer.ok and answer.match is None
    assert "name no one there" in answer.lines[0].text
    assert "the government" in answer.citations[0].quote


def test_names_still_come_before_descriptions(engine):
    assert engine.answer("!cast onjo").match == "Nam On-jo"
    assert engine.answer("!cast Park").title == "Did you mean…?"


@pytest.mark.parametrize(
    ("typed", "character"),
    [
        ("cheong-san", "Lee Cheong-san"),
        ("yoon chan-young", "Lee Cheong-san"),
        ("namra", "Choi Nam-ra"),
    ],
)
def test_status_of_a_person_is_their_return_as_the_returns_logic_says(engine, typed, character):
    answer = engine.answer(f"!status {typed}")
    eid = engine.ctx.m.names.lookup_any(name_keys(typed)).id
    expected = Returns(engine.ctx).answer(eid)
    assert answer.ok and answer.command == "status"
    assert answer.lines[0].text.startswith("Season 2: ") and character in answer.lines[0].text
    assert [line.text for line in answer.lines] == [line.text for line in expected.lines]


def test_status_of_a_new_cast_member_says_the_role_is_not_revealed(engine):
    answer = engine.answer("!status roh yoon-seo")
    assert answer.ok and "joins as a new character" in answer.lines[0].text
    assert "Roh Yoon-seo" in answer.citations[0].quote


@pytest.mark.parametrize("typed", ["season 3", "third season", "s3", "Season three"])
def test_status_of_season_3_cites_what_the_sources_say(engine, typed):
    answer = engine.answer(f"!status {typed}")
    assert answer.ok and answer.title == "Season 3"
    assert any("third season" in c.quote for c in answer.citations)


def test_status_of_a_season_no_source_speaks_of_is_an_honest_no(engine):
    answer = engine.answer("!status season 4")
    assert not answer.ok
    assert "don't say anything about a season 4" in answer.lines[0].text


def test_a_new_article_on_season_3_changes_the_answer(tmp_path):
    body = "Season 3 news.\n\nNetflix has not yet decided on a season 3 of All of Us Are Dead.\n"
    engine = engine_with_article(tmp_path, "901_s3", body, "2026-01-02")
    answer = engine.answer("!status season 3")
    assert answer.citations[0].source == "901_s3"  # the newest first


@pytest.mark.parametrize("typed", ["pizza", "what's up", "director"])
def test_anything_else_gets_the_digest_under_a_pointer(engine, typed):
    answer = engine.answer(f"!status {typed}")
    digest = engine.answer("!status")
    assert "isn't a status topic; topics are `renewal`" in answer.lines[0].text
    assert [line.text for line in answer.lines[1:]] == [line.text for line in digest.lines]
    assert answer.citations == digest.citations


def test_season_2_is_the_digest(engine):
    assert engine.answer("!status season 2").lines == engine.answer("!status").lines


def test_a_description_is_found_by_its_synonyms_and_by_a_name_typed_without_hyphens():
    same = synonym_groups({"ask.kin": {"father": ["dad"], "mother": ["mom"]}})
    printed = printed_words("Ha-na’s mother", same)
    assert {"hana", "ha", "na", "mother", "=mother"} <= printed
    assert "=father" not in printed and words("Ha-na's mom") == ["ha", "na", "mom"]


def test_every_parent_description_in_the_store_answers_to_its_everyday_word(engine):
    rows = engine.ctx.store.described()
    everyday = {"father": "dad", "mother": "mom"}
    tried = 0
    for row in rows:
        for formal, casual in everyday.items():
            if formal in row.text.lower() and "-" in row.text:
                typed = row.text.lower().replace(formal, casual).replace("-", "")
                assert engine.answer(f"!cast {typed}").match == engine.ctx.name(row.entity_id)
                tried += 1
    assert tried  # the shipped articles hold at least one
