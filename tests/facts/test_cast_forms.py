"""New cast in the forms news prints it, on made-up sentences: an appositive name ("One more
newcomer, X, has joined the cast as Y"), "X, who joins as Y", "newcomer X plays Y", "rounding
out the new cast is X as Y", "X has been cast as Y"; a newcomer stays new once a role is known."""

from __future__ import annotations

import pytest

from tests.facts.conftest import pairs


@pytest.mark.parametrize(
    "text, actor, role",
    [
        (
            "Another newcomer, Seo Ha-neul, has joined the cast as Lieutenant Bae Jun-ho.",
            "Seo Ha-neul",
            "Bae Jun-ho",
        ),
        (
            "The latest addition, Gong Min-ji, joined the ensemble as Nurse Cha Yeon-hee.",
            "Gong Min-ji",
            "Cha Yeon-hee",
        ),
        (
            "Ahn Tae-yang, who joins as Officer Ji Seok-min, trained for weeks.",
            "Ahn Tae-yang",
            "Ji Seok-min",
        ),
        (
            "Newcomer Yoo Bo-ra plays Hwang Ye-jin, a reporter from Busan.",
            "Yoo Bo-ra",
            "Hwang Ye-jin",
        ),
        (
            "Rounding out the new cast is Do Kyung-soo as Principal Baek Man-sik.",
            "Do Kyung-soo",
            "Baek Man-sik",
        ),
        (
            "Kwon Na-rae has been cast as Major Oh Se-jin, the camp's commander.",
            "Kwon Na-rae",
            "Oh Se-jin",
        ),
        ("New faces include Lim Ji-yeon as Dr. Park Eun-hye.", "Lim Ji-yeon", "Park Eun-hye"),
    ],
)
def test_new_cast_forms_pair_the_actor_with_the_role_as_new(collector, text, actor, role):
    assert (actor, role, True) in pairs(collector, text)


def test_the_role_of_is_read_past(collector):
    got = pairs(collector, "Newcomer Han Bo-ra plays the role of Yang Ji-soo, a medic.")
    assert ("Han Bo-ra", "Yang Ji-soo", True) in got
    got = pairs(collector, "Lee Eun-saem will play the part of Park Mi-jin again.")
    assert ("Lee Eun-saem", "Park Mi-jin", False) in got


def test_a_newcomer_stays_new_once_the_role_is_known(collector):
    got = pairs(
        collector,
        "Newcomers Jang Soo-ah and Min Jae-hyun were spotted at the table read.",
        "Jang Soo-ah plays Kim Hye-rin, a soldier, and Min Jae-hyun as Go Dong-won.",
    )
    assert ("Jang Soo-ah", "Kim Hye-rin", True) in got
    assert ("Min Jae-hyun", "Go Dong-won", True) in got
    assert not any(c is None for _, c, _ in got)  # the "role not revealed" entries are gone


def test_a_returning_actor_in_a_plain_pair_is_not_new(collector):
    got = pairs(collector, "Park Ji-hu returns as Nam On-jo, and Lomon as Lee Su-hyeok.")
    assert ("Park Ji-hu", "Nam On-jo", False) in got


def test_a_first_season_casting_is_not_new(collector):
    got = pairs(collector, "Back then, Park Ji-hu was cast as Nam On-jo after six auditions.")
    assert ("Park Ji-hu", "Nam On-jo", False) in got


def test_a_role_named_after_an_aside_and_a_description(collector):
    got = pairs(
        collector,
        "Newcomer Baek Seo-yun, signed last spring, plays a runaway medic named Kang Jin-ah.",
    )
    assert ("Baek Seo-yun", "Kang Jin-ah", True) in got
