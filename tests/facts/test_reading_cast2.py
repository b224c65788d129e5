"""A return's footnote is the article that first told it, and the questions fans ask of who is
back (with no one named, or of one person) are answered by the cast's own reading."""

from __future__ import annotations

import pytest

from tests.facts.test_future_news import _run


@pytest.fixture(scope="module")
def n13(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n13"), "n13")[0]


def _sources(ans, line):
    """The source ids a line's footnote markers stand for."""
    by_n = {f"[{c.n}]": c.source for c in ans.citations}
    return [s for mark, s in by_n.items() if mark in line]


def test_the_back_line_cites_the_first_article_not_its_restatements(n13):
    ans = n13.answer("!status")
    back = next(line.text for line in ans.lines if line.text.startswith("**Back:**"))
    cited = _sources(ans, back)
    # the status check (art3) and the fan blog (art4) only restate returns art2 first confirmed
    assert "903_n13" not in cited and "904_n13" not in cited
    assert "902_n13" in cited


def test_a_denial_is_footnoted_first_where_it_was_first_stated(n13):
    ans = n13.answer("!status cast")
    back = next(line.text for line in ans.lines if line.text.startswith("**Back:**"))
    dae_su = back.split("Yang Dae-su (Im Jae-hyuk) ")[1][:4]
    assert _sources(ans, dae_su) == ["902_n13"]  # art2's agency denial, not art3's list line


def test_cheong_san_is_footnoted_to_the_confirmation_before_the_blog(n13):
    ans = n13.answer("!status cast")
    back = next(line.text for line in ans.lines if line.text.startswith("**Back:**"))
    mark = back.split("Lee Cheong-san (Yoon Chan-young) ")[1][:3]
    assert _sources(ans, mark) == ["902_n13"]


@pytest.mark.parametrize("q", ["!ask who is confirmed for season 2", "!ask whos back for s2"])
def test_who_is_back_lists_the_returns_by_state(engine, q):
    ans = engine.answer(q)
    assert ans.title == "Back in Season 2"
    first = ans.lines[0].text
    assert first.startswith("confirmed: ")
    assert first.index("confirmed:") < first.index("expected:")
    assert ans.citations


def test_who_is_in_the_season_names_the_newcomers_too(engine):
    ans = engine.answer("!ask who is in season 2")
    assert any(line.text.startswith("New: Roh Yoon-seo") for line in ans.lines)


def test_is_a_character_in_the_new_season_is_a_verdict_first(engine):
    ans = engine.answer("!ask is su-hyeok in the new season")
    assert ans.lines[0].text.startswith("Season 2: sources say Lee Su-hyeok returns (confirmed)")


def _returns_of(store, needle):
    sid = next(i for i, row in store.sentences.items() if needle in row.display)
    return {
        e: (neg, hedged) for e, rows in store.returns.items() for s, neg, hedged in rows if s == sid
    }


def test_an_ensemble_named_after_a_group_return_returns_with_it(store):
    back = _returns_of(store, "This ensemble includes")
    # 'Hyo-rung' is a misspelling of Hyo-ryung, resolved as anywhere else; 'set to' is stated
    assert set(back) == {
        "nam-on-jo",
        "lee-su-hyeok",
        "yang-dae-su",
        "jang-ha-ri",
        "park-mi-jin",
        "seo-hyo-ryung",
    }
    assert set(back.values()) == {(False, 0)}


def test_a_names_only_lineup_keeps_the_modality_of_the_return_before_it(tmp_path):
    from tests.conftest import engine_with_article

    body = (
        "Season 2 update\n\n"
        "The surviving students are expected to come back for Season 2. "
        "The line-up includes Na-yeon, Eun-ji and Cheong-san.\n"
    )
    eng = engine_with_article(tmp_path, "950_lineup", body, "2026-01-05")
    back = _returns_of(eng.ctx.store, "The line-up includes")
    assert set(back) == {"lee-na-yeon", "min-eun-ji", "lee-cheong-san"}
    assert set(back.values()) == {(False, 1)}  # expected, as the sentence before words it


def test_a_character_no_article_knew_in_a_cast_list_is_new_cast_with_that_role(tmp_path):
    from tests.conftest import engine_with_article

    body = (
        "All of Us Are Dead Season 2 cast\n\n"
        "The Season 2 cast includes the following performers:\n\n"
        "Park Ji-hu as Nam On-jo\n\nKim Ha-neul as Seo Ji-won\n\nLomon as Lee Su-hyeok\n"
    )
    eng = engine_with_article(tmp_path, "951_castlist", body, "2026-01-05")
    new = next(line.text for line in eng.answer("!status cast").lines if "New cast" in line.text)
    assert "Kim Ha-neul (Seo Ji-won)" in new
    back = next(line.text for line in eng.answer("!status cast").lines if "Back:" in line.text)
    assert "Seo Ji-won" not in back and "Nam On-jo (Park Ji-hu)" in back
