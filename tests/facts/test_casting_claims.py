"""People in new wording, on made-up sentences: titles inside names, coordinated lists paired
in order, "has joined the cast as" as new cast, and a newer denial of a return."""

from __future__ import annotations

import pytest

from tests.conftest import engine_with_article
from tests.facts.conftest import pairs


def test_a_list_returning_as_a_list_pairs_in_order(collector):
    got = pairs(collector, "Kang Min-seo and Oh Ji-ho return as Baek Na-ri and Seo Dong-hyun.")
    assert ("Kang Min-seo", "Baek Na-ri", False) in got
    assert ("Oh Ji-ho", "Seo Dong-hyun", False) in got
    assert not any(a == "Oh Ji-ho" and c == "Baek Na-ri" for a, c, _ in got)


def test_lists_of_unequal_length_pair_nobody(collector):
    got = pairs(collector, "Kang Min-seo and Oh Ji-ho return as Baek Na-ri.")
    assert not any(c == "Baek Na-ri" for _, c, _ in got)
    got = pairs(collector, "Kang Min-seo as Baek Na-ri and Oh Ji-ho as Seo Dong-hyun are back.")
    assert {("Kang Min-seo", "Baek Na-ri", False), ("Oh Ji-ho", "Seo Dong-hyun", False)} <= got


def test_a_title_inside_a_name_and_joined_the_cast_as_new_cast(collector):
    got = pairs(
        collector,
        "Newcomer Han Yu-jin has joined the cast as Dr. Moon Seo-ah, a field medic.",
        "Jung Tae-oh joined as Captain Ryu Hyun-woo, who guards the camp.",
    )
    assert ("Han Yu-jin", "Moon Seo-ah", True) in got
    assert ("Jung Tae-oh", "Ryu Hyun-woo", True) in got


def test_a_revealed_role_stays_new_cast(collector):
    got = pairs(
        collector,
        "Actress Nam Gyu-ri has been cast in season 2 as a new character.",
        "Nam Gyu-ri plays Yoon Da-bin, a student from another school.",
    )
    assert got == {("Nam Gyu-ri", "Yoon Da-bin", True)}


NEWS = """Season 2 cast update

Yoo In-soo will not be part of Season 2, his agency said on Monday, calling the reports false.

Netflix confirmed that Cho Yi-hyun reprises her role as Choi Nam-ra in Season 2.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_with_article(tmp_path_factory.mktemp("people"), "905_people", NEWS, "2026-10-05")


def test_a_newer_denial_outranks_older_speculation(engine):
    text = engine.answer("!cast gwi-nam").lines
    assert any("does not return" in line.text and "denied" in line.text for line in text)
    back = next(x.text for x in engine.answer("!status").lines if x.text.startswith("**Back"))
    assert "not back (denied): Yoon Gwi-nam" in back and "speculated: Yoon Gwi-nam" not in back


def test_a_confirmation_is_confirmed(engine):
    back = next(x.text for x in engine.answer("!status").lines if x.text.startswith("**Back"))
    assert back.split("confirmed: ", 1)[1].split(";")[0].count("Choi Nam-ra") == 1


def test_newcomers_in_a_mixed_cast_list_are_new(collector):
    got = pairs(
        collector,
        "Kang Min-seo plays Baek Na-ri and Oh Ji-ho plays Seo Dong-hyun.",
        "Moon Tae-ri plays Yoo Ga-eun.",
        "The cast, led by Kang Min-seo and Oh Ji-ho, is joined by newcomers Moon Tae-ri and "
        "Shin Bo-ra for the new chapter.",
    )
    assert ("Kang Min-seo", "Baek Na-ri", False) in got
    assert ("Oh Ji-ho", "Seo Dong-hyun", False) in got
    assert ("Moon Tae-ri", "Yoo Ga-eun", True) in got
    assert ("Shin Bo-ra", None, True) in got


def test_new_faces_name_characters_with_their_actors(collector):
    got = pairs(
        collector,
        "New faces: Lt. Gong Ye-jun (Yang Si-woo) and Prof. Heo Da-in (Ko Eun-bi), plus Ma Ro-ha.",
    )
    assert ("Yang Si-woo", "Gong Ye-jun", True) in got
    assert ("Ko Eun-bi", "Heo Da-in", True) in got
    assert ("Ma Ro-ha", None, True) in got


def test_joined_by_in_the_story_is_no_casting_news(collector):
    got = pairs(
        collector,
        "Kang Min-seo plays Baek Na-ri and Oh Ji-ho plays Seo Dong-hyun.",
        "On the roof, Baek Na-ri is joined by Seo Dong-hyun before dawn.",
    )
    assert ("Oh Ji-ho", "Seo Dong-hyun", False) in got


@pytest.mark.parametrize("title", ["Sgt.", "Prof.", "Lt.", "Capt."])
def test_a_rank_or_title_before_a_joined_character_is_read_past(collector, title):
    got = pairs(collector, f"Yang Si-woo has joined the cast as {title} Gong Ye-jun, a guard.")
    assert ("Yang Si-woo", "Gong Ye-jun", True) in got


NEWCOMERS = (
    "Season 2 adds a soldier\n\n"
    "Yang Si-woo has joined the cast as Sgt. Gong Ye-jun, a guard at the quarantine line.\n\n"
    "Netflix said the returning cast, led by Cho Yi-hyun and Park Ji-hu, is joined by "
    "newcomers Ko Eun-bi and Yang Si-woo.\n"
)


@pytest.fixture(scope="module")
def newcomers(tmp_path_factory):
    root = tmp_path_factory.mktemp("newcomers")
    return engine_with_article(root, "906_newcomers", NEWCOMERS, "2026-10-06")


def test_newcomers_beside_a_returning_cast_are_new_not_back(newcomers):
    lines = {x.text.split(":**")[0]: x.text for x in newcomers.answer("!status").lines}
    assert "Yang Si-woo (Gong Ye-jun)" in lines["**New cast"]
    assert "Ko Eun-bi (role not revealed)" in lines["**New cast"]
    assert "Gong Ye-jun" not in lines["**Back"] and "Choi Nam-ra" in lines["**Back"]


@pytest.mark.parametrize(
    "query", ["!cast Sgt. Gong Ye-jun", "!cast sgt gong ye-jun", "!cast Sergeant Gong Ye-jun"]
)
def test_a_title_in_the_query_is_read_past(newcomers, query):
    answer = newcomers.answer(query)
    assert "Gong Ye-jun is played by Yang Si-woo" in answer.lines[0].text


def test_a_title_alone_is_no_name(newcomers):
    assert "Gong Ye-jun" not in " ".join(x.text for x in newcomers.answer("!cast sgt").lines)
