"""Denials, refuted reports, past plans and announced dates, read as a careful fan does: a
denial of a role beats older talk, a refuted exit report leaves the return standing, a plan
told in the past is dated before the article and is not the state, a day followed by "when
..." dates that event, a correction takes back what an earlier version said, and a
year-dated event named as a thing ("the 2022 renewal video") tells no news."""

from __future__ import annotations

import pytest

from bot.answers.commands.changes import compare
from tests.conftest import engine_with_article
from tests.facts.conftest import pairs
from tests.facts.test_claims import claims
from tests.facts.test_future_news import _lines, _run


@pytest.fixture(scope="module")
def n12(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n12"), "n12")


def test_a_role_someone_will_not_appear_as_is_denied_over_older_talk(n12):
    engine, _ = n12
    back = _lines(engine)["Back"]
    assert "not back (denied): Yoon Gwi-nam" in back and "only speculated" not in back
    said = " ".join(line.text for line in engine.answer("!cast Yoo In-soo").lines)
    assert "does not return" in said and "(denied)" in said


def test_a_refuted_exit_report_leaves_the_return_confirmed(lex, tmp_path):
    engine = engine_with_article(
        tmp_path,
        "950_refuted",
        "Last week a tabloid claimed that Kim Byung-chul had quit the series. His agency "
        "denied the report on Friday, saying the actor will return as Lee Byeong-chan next "
        "month.",
        "2024-12-02",
    )
    back = _lines(engine)["Back"]
    assert "Lee Byeong-chan" in back.split("; ")[0] and "not back" not in back


def test_the_fixture_reports_each_change_when_its_article_is_added(tmp_path):
    from tests.facts.test_future_news import HERE, _add, copy_corpus, load, tomllib

    folder = HERE / "n12"
    entries = tomllib.loads((folder / "articles.toml").read_text(encoding="utf-8"))["article"]
    paths = copy_corpus(tmp_path)
    old = load(paths)
    got = []
    for n, entry in enumerate(sorted(entries, key=lambda e: e["published"]), 1):
        _add(paths, folder, entry, n)
        new = load(paths)
        c = compare(old, new)
        got.append(
            [f"{x.label}: {x.after}" for x in c.status] + [f"{x.who}: {x.after}" for x in c.returns]
        )
        old = new
    # the exit report refuted: Dae-su, in a seed article's Season 2 cast list, stays confirmed
    assert not any(x.startswith("Yang Dae-su") for x in got[1])
    assert "Baek Yun-hee (Seo Ji-wan): new cast" in got[1]
    assert "Release window: Premiere date: March 20, 2026 (2026-02-13)" in got[3]
    assert "Yoon Gwi-nam (Yoo In-soo): denied" in got[3]
    assert "Release window: Premiered March 20, 2026 (2026-11-05)" in got[4]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "The production had planned to start in January, but the first day of shooting "
            "slipped into late last month while the scripts were reworked.",
            "2025-03-11",
        ),
        (
            "Cameras had been slated to roll in May, but the start was pushed back while the "
            "writers reworked the final act.",
            "2024-07-15",
        ),
    ],
)
def test_a_plan_told_in_the_past_is_no_plan_ahead(lex, text, published):
    got = claims(lex, text, published)
    year = int(published[:4])
    for state, _, value, _ in got.values():
        assert str(year + 1) not in value and "planned" not in state


def test_a_past_plan_gives_up_only_its_own_clause(lex):
    got = claims(
        lex,
        "The production had planned to start in January, but the first day of shooting "
        "slipped into late last month.",
        "2025-03-11",
        before="Shooting for the second season got under way on Feb. 24, Netflix said.",
    )
    assert got["filming"][:3] == ("began", "confirmed", "late February 2025")
    moved = claims(
        lex,
        "The release of the new season, originally eyed for the summer, has been pushed "
        "to early 2027.",
        "2026-06-30",
    )
    assert moved["release"][2] == "early 2027"


def test_a_day_then_when_dates_the_event_the_when_clause_tells(lex):
    got = claims(
        lex,
        "Fans will finally get answers on May 3, when the second season arrives on Netflix.",
        "2026-02-13",
    )
    assert got["release"][0] == "date" and got["release"][2] == "May 3, 2026"
    guide = claims(
        lex,
        "Mark your calendars: the wait ends on Friday, March 20, 2026, when all eight episodes "
        "of season 2 arrive on Netflix at once.",
        "2026-02-13",
    )
    assert guide["release"][2] == "March 20, 2026" and guide["episodes"][2] == "8"


def test_a_year_dated_event_named_as_a_thing_is_no_claim(lex):
    for text in (
        "Fans have been rewatching the 2022 renewal announcement for clues about the story.",
        "Fans had speculated about his return since he appeared in the 2022 renewal video.",
    ):
        assert "renewal" not in claims(lex, text, "2024-07-15")
    # the event itself, dated, is still told
    got = claims(lex, "Netflix announced the renewal in June 2022.", "2024-07-15")
    assert got["renewal"][0] == "renewed"


def test_a_bare_count_counts_what_the_sentence_before_counts(lex):
    before = "Some outlets said season 2 would have eleven episodes."
    assert (
        claims(lex, "Netflix has confirmed nine.", "2025-05-20", before=before)["episodes"][2]
        == "9"
    )
    assert "episodes" not in claims(lex, "The show ranked in the top ten.", before=before)
    assert "episodes" not in claims(lex, "Netflix has confirmed nine.", "2025-05-20")


def test_a_correction_takes_back_what_an_earlier_version_said(tmp_path):
    engine = engine_with_article(
        tmp_path,
        "951_correction",
        "All of Us Are Dead season 2 gets a July date\n\n"
        "Correction: An earlier version of this story said the season would have eleven "
        "episodes. Netflix has confirmed nine.",
        "2025-05-20",
    )
    assert _lines(engine)["Episodes"].startswith("**Episodes:** 9 episodes")


def test_who_takes_the_role_of_pairs_the_actor_with_the_role(collector, tmp_path):
    got = pairs(
        collector,
        "Joining the cast is newcomer Cho Yi-hyun, who takes the role of Choi Nam-ra, the class "
        "president.",
    )
    assert ("Cho Yi-hyun", "Choi Nam-ra", True) in got
    engine = engine_with_article(
        tmp_path,
        "952_newcomer",
        "Season 2 adds a newcomer\n\nJoining the cast of the second season is newcomer Han "
        "Seo-rin, who takes the role of Jung Mi-rae, an army medic posted to the camp.",
        "2025-03-11",
    )
    assert "Han Seo-rin (Jung Mi-rae)" in _lines(engine)["New cast"]
