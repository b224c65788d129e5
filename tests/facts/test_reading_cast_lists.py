"""Branch read-cast: a season's cast list (an intro that speaks of the cast, then its pairs, a
line each or coordinated) tells each listed person's return as firmly as the intro; a list of
Season 1's credits tells none; "set to return" is a schedule, not a guess, while "set to
premiere" keeps its reading; the show's own return is renewal news, not a cast claim; and the
cast's Now line says whom the newest claim brings back, in `!cast`'s words."""

from __future__ import annotations

import pytest

from tests.facts.test_reading_n11 import article

STATED, EXPECTED, RUMOURED = 0, 1, 2


def _returns(named) -> dict[str, tuple[bool, int]]:
    """entity -> (negated, hedged) of every return the article reads (the firmest kept)."""
    out: dict[str, tuple[bool, int]] = {}
    for _, returning in named:
        for eid, negated, hedged in returning:
            if eid not in out or hedged < out[eid][1]:
                out[eid] = (negated, hedged)
    return out


def test_a_season_cast_listed_a_line_each_is_back_as_firmly_as_its_intro(lex):
    body = (
        "Who is in Season 2?\n\n"
        "Besides Yoon Chan-young reprising his role as Lee Cheong-san, the ensemble for the "
        "new season features these actors:\n\n"
        "Ha Seung-ri as Jang Ha-ri\n\n"
        "Im Jae-hyuk as Yang Dae-su\n\n"
        "What about the plot?\n"
    )
    _, sentences, named = article(lex, body, "2025-03-01")
    got = _returns(named)
    for eid in ("jang-ha-ri", "ha-seung-ri", "yang-dae-su"):
        assert got.get(eid) == (False, STATED), eid
    # each return sits on the line that names the person
    line = next(i for i, s in enumerate(sentences) if s.display == "Ha Seung-ri as Jang Ha-ri")
    assert "jang-ha-ri" in {e for e, _, _ in named[line][1]}


def test_a_hedged_intro_lists_an_expected_cast(lex):
    body = (
        "The Season 2 cast is expected to include:\n\n"
        "Ha Seung-ri as Jang Ha-ri\n\n"
        "Lee Eun-saem as Park Mi-jin\n"
    )
    got = _returns(article(lex, body, "2025-03-01")[2])
    assert got.get("park-mi-jin") == (False, EXPECTED)


def test_a_coordinated_list_after_the_verb_is_the_season_cast(lex):
    body = (
        "The second season's line-up includes Ha Seung-ri as Jang Ha-ri, Lee Eun-saem as "
        "Park Mi-jin and Kim Bo-yoon as Seo Hyo-ryung."
    )
    got = _returns(article(lex, body, "2025-03-01")[2])
    assert {"jang-ha-ri", "park-mi-jin", "seo-hyo-ryung"} <= set(got)
    assert got["seo-hyo-ryung"] == (False, STATED)


@pytest.mark.parametrize(
    "body, title",
    [
        (
            "The cast of the first season included these performers:\n\n"
            "Ha Seung-ri as Jang Ha-ri\n\nIm Jae-hyuk as Yang Dae-su\n",
            "Season 2 news",
        ),
        (
            "The main cast includes the following actors:\n\n"
            "Ha Seung-ri as Jang Ha-ri\n\nIm Jae-hyuk as Yang Dae-su\n",
            "All of Us Are Dead season 1 review",
        ),
    ],
)
def test_season_one_credits_bring_nobody_back(lex, body, title):
    assert _returns(article(lex, body, "2025-03-01", title=title)[2]) == {}


def test_set_to_return_is_scheduled_but_likely_and_indicates_stay_guesses(lex):
    firm = _returns(
        article(lex, "Ha Seung-ri is set to return as Jang Ha-ri in Season 2.", "2025-03-01")[2]
    )
    assert firm["jang-ha-ri"] == (False, STATED)
    reprise = "Lee Eun-saem is set to reprise her role as Park Mi-jin in the new season."
    assert _returns(article(lex, reprise, "2025-03-01")[2])["park-mi-jin"][1] == STATED
    likely = "Ha Seung-ri is likely set to return as Jang Ha-ri in Season 2."
    assert _returns(article(lex, likely, "2025-03-01")[2])["jang-ha-ri"][1] > STATED
    hint = "This indicates that Jang Ha-ri will return in some form in Season 2."
    assert _returns(article(lex, hint, "2025-03-01")[2])["jang-ha-ri"][1] == EXPECTED


def test_set_to_premiere_keeps_its_reading_as_a_plan(lex):
    by, _, _ = article(lex, "Season 2 is set to premiere in March 2026.", "2025-03-01")
    release = next(c for c in by.values() if "release" in c)["release"]
    assert release[1] == "expected"


def test_the_show_returning_is_no_cast_claim(lex):
    by, _, _ = article(
        lex, "The zombie series is confirmed to return for Season 2 on Netflix.", "2025-03-01"
    )
    assert not any("cast" in c for c in by.values())
    by, _, _ = article(lex, "Lomon is confirmed to return for Season 2.", "2025-03-01")
    assert any("cast" in c for c in by.values())


def test_a_list_yields_to_its_articles_own_doubt_about_one_of_them(lex):
    body = (
        "Yoon Chan-young's presence in the teaser raises speculation about his return.\n\n"
        "The actors set to return in Season 2 include Ha Seung-ri as Jang Ha-ri, Lee Eun-saem "
        "as Park Mi-jin, and Yoon Chan-young as Lee Cheong-san."
    )
    got = _returns(article(lex, body, "2025-03-01")[2])
    assert got["jang-ha-ri"] == (False, STATED)
    assert got["lee-cheong-san"][1] == RUMOURED


def test_the_seed_cast_reads_as_announced(engine):
    said = " ".join(x.text for x in engine.answer("!cast lomon").lines)
    assert "Lee Su-hyeok returns (confirmed)" in said
    said = " ".join(x.text for x in engine.answer("!cast 이은샘").lines)
    assert "Park Mi-jin returns (confirmed)" in said
    said = " ".join(x.text for x in engine.answer("!cast cheong-san").lines)
    assert "expected, not confirmed" in said  # 003 only "indicates"; 004 calls it speculation
    cast = [x.text for x in engine.answer("!status cast").lines]
    now = next(t for t in cast if t.startswith("**Now:**"))
    assert "return (confirmed) · 2024-04-09" in now and "Cast news" not in now
    assert not any("— Cast news [" in t for t in cast)  # the series' return is no cast news
